import { deprecatedApi } from '../../checks/deprecated-api.js';
import { ruleTester } from '../support/rule-tester.js';

const aws = (body: string) => `import pulumi\nimport pulumi_aws as aws\n\n${body}\n`;
const V6_PIN = { 'requirements.txt': 'pulumi>=3,<4\npulumi-aws==6.83.0\n' };

ruleTester(deprecatedApi, {
  valid: [
    {
      name: 'bucket with separate ACL, versioning and encryption resources',
      code: aws(`bucket = aws.s3.Bucket("logs", force_destroy=True)
aws.s3.BucketAcl("logs-acl", bucket=bucket.id, acl="private")
aws.s3.BucketVersioning("logs-versioning", bucket=bucket.id, versioning_configuration={"status": "Enabled"})`),
    },
    { name: 'v6: BucketV2 is the current bucket there', code: aws('bucket = aws.s3.BucketV2("logs", force_destroy=True)'), project: V6_PIN },
    { name: 'v6: the legacy Bucket arguments are not deprecated in 6.x', code: aws('bucket = aws.s3.Bucket("logs", acl="private")'), project: V6_PIN },
    { name: 'Lambda runtimes are left to IAC402 outdated-runtime', code: aws('aws.lambda_.Function("fn", runtime="python3.8", handler="h", role=role_arn)') },
    { name: 'an enum member deprecated only for its misspelt name', code: aws('aws.ec2.Instance("web", ami="ami-1", instance_type="m5ad.xlarge")'), project: V6_PIN },
    { name: 'acl as a dictionary key, not an argument', code: aws('settings = {"acl": "private", "versioning": True}\nbucket = aws.s3.Bucket("logs", tags=settings)') },
    { name: 'a local class named Bucket', code: 'class Bucket:\n    def __init__(self, name, acl=None):\n        self.acl = acl\n\nBucket("b", acl="private")\n' },
    { name: 'get_region with its current argument', code: aws('current = aws.get_region(region="us-east-1")') },
    { name: 'no pulumi_aws import', code: 'import boto3\n\nboto3.client("s3").put_bucket_acl(Bucket="b", ACL="private")\n' },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: 'import * as aws from "@pulumi/aws";\nconst logs = new aws.s3.BucketV2("logs", {});\n', project: { 'package.json': '{ "dependencies": { "@pulumi/aws": "^6.0.0" } }\n' } },
    { path: 'lib/tap-stack.ts', code: 'import * as aws from "@pulumi/aws";\nconst logs = new aws.s3.Bucket("logs", {});\nnew aws.s3.BucketVersioning("v", { bucket: logs.id, versioningConfiguration: { status: "Enabled" } });\n' },
  ],
  invalid: [
    {
      name: 'fix: BucketV2 renamed to the Bucket the provider names',
      code: aws('bucket = aws.s3.BucketV2("logs", force_destroy=True)\naws.s3.BucketVersioningV2("v", bucket=bucket.id, versioning_configuration={"status": "Enabled"})'),
      errors: [
        { line: 4, message: /`aws\.s3\.BucketV2` is deprecated .*in favor of s3\.Bucket\.$/ },
        { line: 5, message: /`aws\.s3\.BucketVersioningV2` is deprecated/ },
      ],
      output: aws('bucket = aws.s3.Bucket("logs", force_destroy=True)\naws.s3.BucketVersioning("v", bucket=bucket.id, versioning_configuration={"status": "Enabled"})'),
    },
    {
      name: 'fix: a function moved to another module, written through the package',
      code: aws('vpn = aws.vpn.get_connection(vpn_connection_id="vpn-1")'),
      errors: [{ line: 4, message: /deprecated in favor of aws\.ec2\/getvpnconnection\.getVpnConnection/ }],
      output: aws('vpn = aws.ec2.get_vpn_connection(vpn_connection_id="vpn-1")'),
    },
    {
      name: 'no fix: a deprecated argument whose replacement takes another type (is_enabled -> state)',
      code: aws('aws.cloudwatch.EventRule("r", schedule_expression="rate(5 minutes)", is_enabled=True)'),
      errors: [{ line: 4, message: /`is_enabled` of `aws\.cloudwatch\.EventRule` is deprecated/ }],
      output: null,
    },
    {
      name: 'no fix: a direct import would need the import changed too',
      code: 'from pulumi_aws.s3 import BucketV2\n\nBucketV2("logs")\n',
      errors: [{ line: 3, message: /`BucketV2` is deprecated/ }],
      output: null,
    },
    {
      name: 'seed: bucket acl and versioning arguments',
      code: aws('bucket = aws.s3.Bucket("logs", acl="private", versioning={"enabled": True})'),
      errors: [
        { line: 4, column: 32, endColumn: 35, message: /^`acl` of `aws\.s3\.Bucket` is deprecated in pulumi-aws 7\.\d+\.\d+: acl is deprecated\. Use the aws\.s3\.BucketAcl resource instead\.$/ },
        { line: 4, column: 47, message: /`versioning` of `aws\.s3\.Bucket` is deprecated .*Use the aws\.s3\.BucketVersioning resource instead\./ },
      ],
    },
    {
      name: 'bucket website, lifecycle and encryption arguments',
      code: aws('bucket = aws.s3.Bucket("site",\n    website={"index_document": "index.html"},\n    lifecycle_rules=[{"enabled": True}],\n    server_side_encryption_configuration={"rule": {}})'),
      errors: [
        { line: 5, message: /`website` .*aws\.s3\.BucketWebsiteConfiguration/ },
        { line: 6, message: /`lifecycle_rules` .*aws\.s3\.BucketLifecycleConfiguration/ },
        { line: 7, message: /`server_side_encryption_configuration` .*aws\.s3\.BucketServerSideEncryptionConfiguration/ },
      ],
    },
    { name: 'deprecated resource', code: aws('bucket = aws.s3.BucketV2("logs")'), errors: [{ line: 4, column: 17, endColumn: 25, message: /`aws\.s3\.BucketV2` is deprecated in pulumi-aws 7\.\d+\.\d+: s3\.BucketV2 has been deprecated in favor of s3\.Bucket\./ }] },
    {
      name: 'deprecated resource imported by name',
      code: 'from pulumi_aws.s3 import BucketVersioningV2\n\nBucketVersioningV2("v", bucket="b", versioning_configuration={"status": "Enabled"})\n',
      errors: [{ line: 3, column: 1, message: /`BucketVersioningV2` is deprecated .*in favor of aws\.s3\/bucketversioning\.BucketVersioning/ }],
    },
    { name: 'deprecated function argument', code: aws('current = aws.get_region(name="us-east-1")'), errors: [{ line: 4, message: /`name` of `aws\.get_region` is deprecated .*Use region instead\./ }] },
    { name: 'deprecated function', code: 'from pulumi_aws import vpn\n\nconn = vpn.get_connection_output(vpn_connection_id="vpn-1")\n', errors: [{ line: 3, message: /`vpn\.get_connection_output` is deprecated .*getVpnConnection/ }] },
    { name: 'deprecated field of an input type', code: aws('gsi = aws.dynamodb.TableGlobalSecondaryIndexArgs(name="by-user", hash_key="user_id", projection_type="ALL")'), errors: [{ line: 4, message: /`hash_key` of `aws\.dynamodb\.TableGlobalSecondaryIndexArgs` is deprecated .*Use keySchema instead\./ }] },
    { name: 'a resource Args class', code: aws('args = aws.s3.BucketArgs(acl="private")'), errors: [{ line: 4, message: /`acl` of `aws\.s3\.BucketArgs` is deprecated/ }] },
    { name: 'v6 pin: judged by the 6.x table', code: aws('bucket = aws.s3.BucketV2("logs", acl="private")'), project: V6_PIN, errors: [{ line: 4, message: /`acl` of `aws\.s3\.BucketV2` is deprecated in pulumi-aws 6\.\d+\.\d+: .*aws\.s3\.BucketAclV2/ }] },
    { name: 'v6 pin: deprecated function', code: aws('pool = aws.ec2.get_vpc_iam_pool(filters=[])'), project: V6_PIN, errors: [{ line: 4, message: /`aws\.ec2\.get_vpc_iam_pool` is deprecated in pulumi-aws 6\.\d+\.\d+: .*getVpcIpamPool/ }] },
    { name: 'v6 pin: deprecated enum value', code: aws('aws.ec2.Instance("gpu", ami="ami-1", instance_type="g2.2xlarge")'), project: V6_PIN, errors: [{ line: 4, column: 52, message: /`instance_type="g2\.2xlarge"` of `aws\.ec2\.Instance` is a deprecated `ec2\.InstanceType` value in pulumi-aws 6\.\d+\.\d+: This instancetype has been deprecated\./ }] },
    { name: 'markdown block', code: 'Use this:\n\n```python\nimport pulumi_aws as aws\naws.cloudwatch.EventRule("nightly", schedule_expression="cron(0 3 * * ? *)", is_enabled=True)\n```\n', path: 'answer.md', errors: [{ line: 5, message: /`is_enabled` .*Use state instead\./ }] },
    // TypeScript
    {
      name: 'TypeScript: a deprecated resource and arguments, judged against the package.json pin',
      path: 'lib/tap-stack.ts',
      code: 'import * as aws from "@pulumi/aws";\nconst logs = new aws.s3.BucketV2("logs", { acl: "private" });\n',
      project: { 'package.json': '{ "dependencies": { "@pulumi/aws": "^7.0.0" } }\n' },
      errors: [
        { line: 2, column: 18, message: /^`aws.s3.BucketV2` is deprecated in @pulumi\/aws 7\.[\d.]+: s3.BucketV2 has been deprecated in favor of s3.Bucket\.$/ },
        { line: 2, message: /^`acl` of `aws.s3.BucketV2` is deprecated in @pulumi\/aws 7\.[\d.]+: acl is deprecated/ },
      ],
    },
  ],
});
