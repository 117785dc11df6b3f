import { regionDiffersFromRequirement } from '../../checks/region-differs-from-requirement.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import pulumi\nimport pulumi_aws as aws\n\n';
const east = { region: 'us-east-1' };
const regionFile = { 'lib/AWS_REGION': 'us-east-1\n' };
const prodStack = { 'Pulumi.prod.yaml': 'config:\n  aws:region: us-east-1\n' };

const wrongProvider =
  header +
  'provider = aws.Provider("aws", region="us-west-2")\n' +
  'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(provider=provider))\n' +
  'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-west-2a",\n' +
  '    opts=pulumi.ResourceOptions(provider=provider))\n';

const TS_HEADER = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n';

ruleTester(regionDiffersFromRequirement, {
  valid: [
    // The required region everywhere.
    { code: wrongProvider.replace(/us-west-2/g, 'us-east-1'), config: east },
    // No required region known: nothing to compare with.
    { code: wrongProvider },
    // Deliberate multi-region design: a provider for the required region and one for the DR region.
    {
      code:
        header +
        'primary = aws.Provider("primary", region="us-east-1")\n' +
        'dr = aws.Provider("dr", region="us-west-2")\n' +
        'aws.ec2.Subnet("p", vpc_id=pvpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a", opts=pulumi.ResourceOptions(provider=primary))\n' +
        'aws.ec2.Subnet("d", vpc_id=dvpc.id, cidr_block="10.1.1.0/24", availability_zone="us-west-2a", opts=pulumi.ResourceOptions(provider=dr))\n',
      project: regionFile,
    },
    // CloudFront needs its certificate in us-east-1 whatever the stack region.
    {
      code:
        header +
        'cdn = aws.cloudfront.Distribution("cdn", enabled=True, viewer_certificate={\n' +
        '    "acm_certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/abc",\n' +
        '    "ssl_support_method": "sni-only"})\n',
      config: { region: 'eu-west-1' },
    },
    // Mocked ARNs and zones in unit tests are not deployments.
    {
      code:
        'import pulumi\n\nclass Mocks(pulumi.runtime.Mocks):\n    def new_resource(self, args):\n' +
        '        return [args.name + "_id", {**args.inputs, "arn": "arn:aws:s3:us-west-2:123456789012:x", "availability_zone": "us-west-2a"}]\n',
      path: 'tests/unit/test_tap_stack.py',
      config: east,
    },
    // A provider whose region comes from config: a zone under it may be right.
    {
      code:
        header +
        'config = pulumi.Config()\n' +
        'dr = aws.Provider("dr", region=config.require("drRegion"))\n' +
        'aws.ec2.Subnet("d", vpc_id=dvpc.id, cidr_block="10.1.1.0/24", availability_zone="us-west-2a", opts=pulumi.ResourceOptions(provider=dr))\n',
      project: prodStack,
    },
    // Regions in docstrings, comments, tags and global (region-less) ARNs are not deployments.
    {
      code:
        header +
        '"""Deploys to us-west-2a style zones, e.g. arn:aws:s3:us-west-2:1:x."""\n' +
        '# provider = aws.Provider("aws", region="us-west-2")\n' +
        'role = aws.iam.RolePolicyAttachment("a", role="r", policy_arn="arn:aws:iam::aws:policy/ReadOnlyAccess")\n' +
        'bucket = aws.s3.BucketV2("b", tags={"Region": "us-west-2"})\n',
      config: east,
    },
    // Regions derived from the stack, not written down.
    {
      code:
        header +
        'region = aws.get_region().name\n' +
        'azs = aws.get_availability_zones(state="available").names\n' +
        'endpoint = aws.ec2.VpcEndpoint("s3", vpc_id=vpc.id, service_name=f"com.amazonaws.{region}.s3")\n',
      config: east,
    },
    // The provider reads `aws:region`, which the stack file stating the requirement sets: its default never applies.
    {
      code: header + 'region = pulumi.Config("aws").get("region") or "us-west-2"\nprovider = aws.Provider("aws", region=region)\n',
      project: prodStack,
    },
    // Tags and logical names label resources; a constant nothing uses deploys nothing.
    {
      code: header + 'ZONE = "us-west-2a"\naws.s3.BucketV2("us-west-2a-logs", tags={"Zone": "us-west-2a"})\n',
      config: east,
    },
    // A zone list from config: its literals are not known.
    { code: header + 'for az in pulumi.Config().require_object("azs"):\n    aws.ec2.Subnet(az, vpc_id=vpc.id, availability_zone=az)\n', config: east },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: `${TS_HEADER}const provider = new aws.Provider("p", { region: "us-east-1" });\nnew aws.s3.Bucket("b", {}, { provider });\n`, config: east },
  ],
  invalid: [
    {
      name: 'provider and zone in another region (config region)',
      code: wrongProvider,
      config: east,
      errors: [
        { line: 4, column: 39, endColumn: 50, message: /^Provider region `us-west-2` differs from the requirement: the required region is us-east-1 \(from config `region`\)\.$/ },
        { line: 6, message: /Availability zone `us-west-2a` in `aws\.ec2\.Subnet` \(created with provider `provider` in us-west-2\) is in us-west-2, but the required region is us-east-1/ },
      ],
    },
    {
      name: 'hard-coded zones with the default provider (lib/AWS_REGION)',
      code: header + 'for i, az in enumerate(["eu-west-1a", "eu-west-1b"]):\n    aws.ec2.Subnet(f"s{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i}.0/24", availability_zone=az)\n',
      project: regionFile,
      errors: [
        // The model knows which resource the listed zone configures.
        { line: 4, column: 25, message: /Availability zone `eu-west-1a` in `aws\.ec2\.Subnet` is in eu-west-1, but the required region is us-east-1 \(from lib\/AWS_REGION\)/ },
        { line: 4, column: 39, message: /`eu-west-1b`/ },
      ],
    },
    {
      name: 'ARN of another region in a policy (stack file)',
      code:
        header +
        'import json\n' +
        'policy = aws.iam.Policy("p", policy=json.dumps({"Statement": [{"Effect": "Allow", "Action": "dynamodb:GetItem",\n' +
        '    "Resource": "arn:aws:dynamodb:us-west-2:123456789012:table/orders"}]}))\n',
      project: prodStack,
      errors: [{ line: 6, message: /ARN `arn:aws:dynamodb:us-west-2:123456789012:table\/orders` in `aws\.iam\.Policy` is in us-west-2, but the required region is us-east-1 \(from aws:region in Pulumi\.prod\.yaml\)/ }],
    },
    {
      name: 'VPC endpoint service name and endpoint URL',
      code:
        header +
        'aws.ec2.VpcEndpoint("s3", vpc_id=vpc.id, service_name="com.amazonaws.eu-central-1.s3")\n' +
        'API = f"https://{api_id}.execute-api.eu-central-1.amazonaws.com/prod"\n' +
        // A constant counts where the program uses it (here a stack output); unused text deploys nothing.
        'pulumi.export("api_url", API)\n',
      config: east,
      errors: [
        { line: 4, message: /Endpoint `com\.amazonaws\.eu-central-1\.s3` in `aws\.ec2\.VpcEndpoint` is in eu-central-1/ },
        { line: 5, message: /Endpoint `\{…\}\.execute-api\.eu-central-1\.amazonaws\.com` in stack output `api_url` is in eu-central-1/ },
      ],
    },
    {
      name: 'integration test queries another region',
      code: 'import boto3\n\nclient = boto3.client("s3", region_name="us-west-2")\n',
      path: 'tests/integration/test_tap_stack.py',
      config: east,
      errors: [{ line: 3, column: 41, message: /SDK client region `us-west-2` differs from the requirement/ }],
    },
    {
      name: 'two providers, neither in the required region; region via a constant',
      code:
        header +
        'PRIMARY = "eu-west-1"\n' +
        'primary = aws.Provider("primary", region=PRIMARY)\n' +
        'secondary = aws.Provider("secondary", region="eu-central-1")\n',
      config: east,
      errors: [
        // Reported at the literal that needs to change, as zones and ARNs are.
        { line: 4, column: 11, message: /Provider region `eu-west-1` differs/ },
        { line: 6, message: /Provider region `eu-central-1` differs/ },
      ],
    },
    {
      name: 'pulumi-aws 7 per-resource region argument',
      code: header + 'aws.s3.BucketV2("logs", region="ap-southeast-2")\n',
      config: east,
      errors: [{ line: 4, message: /Resource region `ap-southeast-2` differs/ }],
    },
    {
      name: 'markdown answer with a Lambda layer of another region',
      path: 'answer.md',
      code:
        '# Answer\n\n```python\nimport pulumi_aws as aws\nfn = aws.lambda_.Function("fn", runtime="python3.12", handler="index.handler",\n' +
        '    role=role.arn, layers=["arn:aws:lambda:us-west-2:580247275435:layer:LambdaInsightsExtension:38"])\n```\n',
      config: east,
      errors: [{ line: 6, message: /ARN `arn:aws:lambda:us-west-2:580247275435:layer:LambdaInsightsExtension:38` in `aws\.lambda_\.Function` is in us-west-2/ }],
    },
    {
      name: 'provider region from a config default',
      code: header + 'config = pulumi.Config()\nregion = config.get("region") or "us-west-2"\nprovider = aws.Provider("aws", region=region)\n',
      project: regionFile,
      errors: [{ line: 5, column: 34, message: /^Provider region `us-west-2` \(the default of config `region`\) differs from the requirement: the required region is us-east-1 \(from lib\/AWS_REGION\)\.$/ }],
    },
    {
      name: 'zones through self attributes, a helper method parameter and a module dict; provider inherited from the component',
      code:
        header +
        'ZONES = {"a": "us-west-2a", "b": "us-west-2b"}\n' +
        'class Net(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Net", name, None, opts)\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self.subnets = [self._subnet(key, zone) for key, zone in ZONES.items()]\n' +
        '    def _subnet(self, key, zone):\n' +
        '        return aws.ec2.Subnet(key, vpc_id=self.vpc.id, availability_zone=zone, opts=pulumi.ResourceOptions(parent=self))\n' +
        'west = aws.Provider("west", region="us-west-2")\n' +
        'Net("net", opts=pulumi.ResourceOptions(provider=west))\n',
      config: east,
      errors: [
        { line: 4, column: 15, message: /^Availability zone `us-west-2a` in `aws\.ec2\.Subnet` \(created with provider `west` in us-west-2\) is in us-west-2, but the required region is us-east-1/ },
        { line: 4, column: 34, message: /`us-west-2b`/ },
        { line: 12, message: /^Provider region `us-west-2` differs/ },
      ],
    },
    {
      name: 'ARN inside a policy built in an Output.apply callback',
      code:
        header +
        'import json\n' +
        'bucket = aws.s3.BucketV2("b")\n' +
        'aws.iam.Policy("p", policy=bucket.arn.apply(lambda arn: json.dumps({"Statement": [{"Effect": "Allow", "Action": "*",\n' +
        '    "Resource": [arn, "arn:aws:sqs:eu-west-1:123456789012:jobs"]}]})))\n',
      config: east,
      errors: [{ line: 7, column: 23, message: /^ARN `arn:aws:sqs:eu-west-1:123456789012:jobs` in `aws\.iam\.Policy` is in eu-west-1/ }],
    },
    {
      name: 'resources in a loop over module constants, with a per-resource region',
      code: header + 'REGIONS = ["eu-west-1", "eu-central-1"]\nfor r in REGIONS:\n    aws.s3.BucketV2(f"logs-{r}", region=r)\n',
      config: east,
      errors: [
        { line: 4, column: 12, message: /^Resource region `eu-west-1` differs/ },
        { line: 4, column: 25, message: /^Resource region `eu-central-1` differs/ },
      ],
    },
    // TypeScript
    {
      path: 'lib/tap-stack.ts',
      code: `${TS_HEADER}const provider = new aws.Provider("p", { region: "eu-west-1" });\nnew aws.s3.Bucket("b", {}, { provider });\n`,
      config: east,
      errors: [{ line: 3, message: /^Provider region `eu-west-1` differs from the requirement: the required region is us-east-1/ }],
    },
  ],
});
