import { describe, expect, it } from 'vitest';
import { placeholderResourceName, placeholderWord } from '../../checks/placeholder-resource-name.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import pulumi\nimport pulumi_aws as aws\n\n';
const production = { environment: 'production' };

const TS_HEADER = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n';

ruleTester(placeholderResourceName, {
  valid: [
    // Not production: test names are fine in development.
    header + 'aws.s3.Bucket("test-bucket")\n',
    { code: header + 'aws.s3.Bucket("test-bucket")\n', config: { environment: 'dev' } },
    { code: header + 'environment_suffix = pulumi.Config().get("env") or "dev"\naws.s3.Bucket("demo-bucket")\n' },
    // Production with purposeful names; words that merely contain a placeholder.
    {
      code:
        header +
        'aws.s3.Bucket("app-logs", tags={"Name": "app-logs-prod"})\n' +
        'aws.ecr.Repository("latest-images")\n' +
        'aws.lambda_.Function("attestation-handler", role=r.arn)\n' +
        'aws.cloudwatch.Dashboard("sidebar-metrics", dashboard_body="{}")\n' +
        'aws.ec2.Vpc("mythical-net", cidr_block="10.0.0.0/16")\n',
      config: production,
    },
    // The placeholder word is only part of an interpolated word: `{prefix}test` may be "latest".
    { code: header + 'aws.s3.Bucket(f"{prefix}test", tags={"Name": f"api-{name}"})\n', config: production },
    // Names from variables that cannot be seen; a non-resource call; a tag other than Name.
    { code: header + 'def make(name):\n    return aws.s3.Bucket(name)\nlogger = get_logger("test")\naws.s3.Bucket("logs", tags={"Purpose": "demo"})\n', config: production },
    // Test files always use test names.
    { code: header + 'aws.s3.Bucket("test-bucket")\n', path: 'tests/unit/test_tap_stack.py', config: production },
    // A placeholder word next to a name from config stays partial; names from config are not known.
    { code: header + 'suffix = pulumi.Config().get("suffix")\naws.s3.Bucket(f"{suffix}test")\naws.s3.Bucket(pulumi.Config().require("bucketName"))\n', config: production },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: `${TS_HEADER}new aws.s3.Bucket(\`logs-\${environmentSuffix}\`);\n`, config: production },
  ],
  invalid: [
    {
      name: 'seed example: "test" in a resource name in production',
      code: header + 'aws.s3.Bucket("test-bucket")\n',
      config: production,
      errors: [{ line: 4, column: 15, endColumn: 28, message: /Resource name "test-bucket" of `aws\.s3\.Bucket` contains the placeholder word "test" in production \(environment "production"\)/ }],
    },
    {
      name: 'Name tag and physical name',
      code: header + 'aws.ec2.Vpc("main-vpc", cidr_block="10.0.0.0/16", tags={"Name": "my-vpc"})\naws.s3.BucketV2("logs", bucket="example-logs-bucket")\n',
      project: { 'Pulumi.prod.yaml': 'config:\n  aws:region: us-east-1\n' },
      errors: [
        { line: 4, message: /Name tag "my-vpc" of `aws\.ec2\.Vpc` contains the placeholder word "my"/ },
        { line: 5, message: /`bucket` "example-logs-bucket" .* "example"/ },
      ],
    },
    {
      name: 'production default suffix; f-string with a placeholder word',
      code: header + 'environment_suffix = pulumi.Config().get("environmentSuffix") or "prod"\naws.rds.Instance(f"demo-db-{environment_suffix}", engine="postgres")\n',
      errors: [{ line: 5, message: /Resource name "demo-db-\{…\}" .* "demo" in production \(default environment "prod" on line 4\)/ }],
    },
    {
      name: 'camelCase and numbered placeholders',
      code: header + 'aws.sqs.Queue("fooQueue")\naws.sns.Topic("sample2-topic")\n',
      config: { environment: 'prod' },
      errors: [
        { line: 4, message: /"fooQueue" .* "foo"/ },
        { line: 5, message: /"sample2-topic" .* "sample2"/ },
      ],
    },
    {
      name: 'name through a constant and a tags variable',
      code: header + 'NAME = "changeme-api"\nTAGS = {"Name": "bar-service", "Owner": "team"}\naws.apigateway.RestApi(NAME, tags=TAGS)\n',
      config: production,
      errors: [
        { line: 4, message: /Resource name "changeme-api" of `aws\.apigateway\.RestApi`/ },
        { line: 5, message: /Name tag "bar-service"/ },
      ],
    },
    {
      name: 'entry point defaults to prod; component file uses a test name',
      path: 'lib/tap_stack.py',
      code: header + 'class TapStack(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)\n        self.table = aws.dynamodb.Table("testing-table", hash_key="id", opts=pulumi.ResourceOptions(parent=self))\n',
      project: { 'tap.py': 'import os\nenv = os.environ.get("ENVIRONMENT_SUFFIX", "prod")\n' },
      errors: [{ line: 7, message: /"testing-table" .* "testing" in production \(default environment "prod" in tap\.py line 2\)/ }],
    },
    {
      name: 'names through a helper method parameter, a loop and a known f-string hole',
      code:
        header +
        'PREFIX = "demo"\n' +
        'class Storage(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Storage", name, None, opts)\n' +
        '        self.queues = [self._queue(kind) for kind in ["orders", "sample"]]\n' +
        '        self.api = aws.apigateway.RestApi(f"{PREFIX}-api", opts=pulumi.ResourceOptions(parent=self))\n' +
        '    def _queue(self, kind):\n' +
        '        return aws.sqs.Queue(kind, opts=pulumi.ResourceOptions(parent=self))\n',
      config: production,
      errors: [
        { line: 8, column: 65, message: /^Resource name "sample" of `aws\.sqs\.Queue` contains the placeholder word "sample"/ },
        { line: 9, column: 43, message: /^Resource name "demo-api" of `aws\.apigateway\.RestApi` contains the placeholder word "demo"/ },
      ],
    },
    // TypeScript
    {
      path: 'lib/tap-stack.ts',
      code: `${TS_HEADER}new aws.s3.Bucket("test-bucket", {});\n`,
      config: production,
      errors: [{ line: 3, message: /^Resource name "test-bucket" of `aws.s3.Bucket` contains the placeholder word "test" in production/ }],
    },
  ],
});

describe('placeholderWord', () => {
  it('matches whole words only', () => {
    expect(placeholderWord('test-bucket')).toBe('test');
    expect(placeholderWord('MyBucket')).toBe('my');
    expect(placeholderWord('my')).toBeUndefined();
    expect(placeholderWord('latest-release')).toBeUndefined();
    expect(placeholderWord('\u0000test')).toBeUndefined();
    expect(placeholderWord('api-\u0000-test')).toBe('test');
  });
});
