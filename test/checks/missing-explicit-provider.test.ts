import { missingExplicitProvider } from '../../checks/missing-explicit-provider.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import pulumi\nimport pulumi_aws as aws\n\n';

/** The seed's stack: a component whose children inherit whatever provider the caller gives. */
const component =
  header +
  'class TapStack(pulumi.ComponentResource):\n' +
  '    def __init__(self, name, opts=None):\n' +
  '        super().__init__("tap:stack:TapStack", name, None, opts)\n' +
  '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n' +
  '        self.bucket = aws.s3.BucketV2("logs", opts=pulumi.ResourceOptions(parent=self))\n' +
  '        self.register_outputs({})\n';

const entryWithProvider =
  'import pulumi\nimport pulumi_aws as aws\nfrom lib.tap_stack import TapStack\n\n' +
  'provider = aws.Provider("aws", region="us-east-1")\n' +
  'TapStack("tap", opts=pulumi.ResourceOptions(provider=provider))\n';
const entryWithoutProvider = 'import pulumi\nfrom lib.tap_stack import TapStack\n\nTapStack("tap")\n';

ruleTester(missingExplicitProvider, {
  valid: [
    // The entry point (unchanged, not reviewed) builds the provider and passes it down.
    { code: component, project: { 'tap.py': entryWithProvider } },
    // Multi-region: one provider per region, each resource gets its region's provider.
    header +
      'east = aws.Provider("east", region="us-east-1")\n' +
      'west = aws.Provider("west", region="us-west-2")\n' +
      'aws.s3.BucketV2("primary", opts=pulumi.ResourceOptions(provider=east))\n' +
      'aws.s3.BucketV2("replica", opts=pulumi.ResourceOptions(provider=west))\n',
    // A component library whose caller is not part of the program: the caller may pass a provider.
    { code: component, path: 'lib/components/network.py' },
    // A component that uses its own provider for every resource.
    header +
      'class Net(pulumi.ComponentResource):\n' +
      '    def __init__(self, name, region, opts=None):\n' +
      '        super().__init__("x:y:Net", name, None, opts)\n' +
      '        self.provider = aws.Provider(f"{name}-aws", region=region, opts=pulumi.ResourceOptions(parent=self))\n' +
      '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self, provider=self.provider))\n' +
      '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id, opts=pulumi.ResourceOptions(parent=self, provider=self.provider))\n',
    // A dedicated us-east-1 provider for the CloudFront certificate; the rest inherits the caller's provider.
    {
      code:
        header +
        'class Site(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Site", name, None, opts)\n' +
        '        us_east_1 = aws.Provider("us-east-1", region="us-east-1", opts=pulumi.ResourceOptions(parent=self))\n' +
        '        cert = aws.acm.Certificate("cert", domain_name="example.com", validation_method="DNS", opts=pulumi.ResourceOptions(parent=self, provider=us_east_1))\n' +
        '        bucket = aws.s3.BucketV2("site", opts=pulumi.ResourceOptions(parent=self))\n',
      project: { 'tap.py': 'from lib.tap_stack import Site\nSite("site")\n' },
    },
    // The provider arrives as a parameter and is merged into the component's own options.
    header +
      'class Data(pulumi.ComponentResource):\n' +
      '    def __init__(self, name, provider, opts=None):\n' +
      '        super().__init__("x:y:Data", name, None, pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(provider=provider)))\n' +
      '        self.table = aws.dynamodb.Table("t", hash_key="id", attributes=[{"name": "id", "type": "S"}], opts=pulumi.ResourceOptions(parent=self, provider=provider))\n' +
      '        self.queue = aws.sqs.Queue("q", opts=pulumi.ResourceOptions(parent=self))\n',
    // A provider whose region comes from config still names a region.
    header + 'provider = aws.Provider("aws", region=pulumi.Config("aws").require("region"))\naws.s3.BucketV2("b", opts=pulumi.ResourceOptions(provider=provider))\n',
    // Unit tests run against mocks.
    { code: header + 'def test_bucket():\n    bucket = aws.s3.BucketV2("b")\n', path: 'tests/unit/test_tap_stack.py' },
    // Provider arguments from a dict: the region may be in it.
    header + 'settings = {"region": "us-east-1"}\nprovider = aws.Provider("aws", **settings)\naws.s3.BucketV2("b", opts=pulumi.ResourceOptions(provider=provider))\n',
    // A child inherits the provider of whatever resource is its parent, not only of `self`.
    header +
      'provider = aws.Provider("aws", region="us-east-1")\n' +
      'vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(provider=provider))\n' +
      'subnet = aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", opts=pulumi.ResourceOptions(parent=vpc))\n',
    // The provider reaches the stack through a helper that builds the options.
    {
      code: component,
      project: {
        'tap.py':
          'import pulumi\nimport pulumi_aws as aws\nfrom lib.tap_stack import TapStack\n\n' +
          'def stack_options(region):\n    return pulumi.ResourceOptions(provider=aws.Provider("aws", region=region))\n\n' +
          'TapStack("tap", opts=stack_options("us-east-1"))\n',
      },
    },
    // TypeScript: the entry point passes a provider to the stack, whose children inherit it.
    {
      path: 'lib/tap-stack.ts',
      code: 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\nexport class TapStack extends pulumi.ComponentResource {\n  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {\n    super("tap:stack:TapStack", name, {}, opts);\n    new aws.s3.Bucket("logs", {}, { parent: this });\n  }\n}\n',
      project: { 'bin/tap.ts': 'import * as aws from "@pulumi/aws";\nimport { TapStack } from "../lib/tap-stack";\n\nconst provider = new aws.Provider("aws", { region: "us-east-1" });\nnew TapStack("tap", { provider });\n' },
    },
    // No AWS resources at all.
    'import pulumi\nimport pulumi_random as random\n\npassword = random.RandomPassword("db", length=24)\n',
  ],
  invalid: [
    {
      name: 'seed: component instantiated without a provider, none built anywhere',
      code: component,
      project: { 'tap.py': entryWithoutProvider },
      errors: [
        {
          line: 7,
          column: 20,
          endColumn: 31,
          severity: 'warning',
          message: /^`aws\.ec2\.Vpc` and 1 other AWS resource in this file use the default provider: the program never builds `aws\.Provider\(region=\.\.\.\)` or passes one through `opts`/,
        },
      ],
    },
    {
      name: 'module-level program on the default provider',
      code: header + 'bucket = aws.s3.BucketV2("logs")\nqueue = aws.sqs.Queue("jobs")\ntopic = aws.sns.Topic("alerts")\n',
      path: '__main__.py',
      errors: [{ line: 4, column: 10, severity: 'warning', message: /`aws\.s3\.BucketV2` and 2 other AWS resources in this file use the default provider/ }],
    },
    {
      name: 'helper function without opts',
      code: header + 'def make_bucket(name):\n    return aws.s3.BucketV2(name)\n\nmake_bucket("logs")\n',
      errors: [{ line: 5, severity: 'warning', message: /^`aws\.s3\.BucketV2` uses the default provider/ }],
    },
    {
      name: 'provider without a region',
      code: header + 'provider = aws.Provider("aws", profile="dev")\naws.s3.BucketV2("b", opts=pulumi.ResourceOptions(provider=provider))\n',
      errors: [{ line: 4, column: 12, endColumn: 24, severity: 'warning', message: /^`aws\.Provider\(\.\.\.\)` is built without `region`: it falls back to AWS_REGION/ }],
      output: null,
    },
    {
      name: 'fix: region from lib/AWS_REGION added to the one provider',
      code: header + 'provider = aws.Provider("aws", profile="dev")\naws.s3.BucketV2("b", opts=pulumi.ResourceOptions(provider=provider))\n',
      project: { 'lib/AWS_REGION': 'eu-west-1\n' },
      errors: [{ line: 4, severity: 'warning', message: /built without `region`/ }],
      output: header + 'provider = aws.Provider("aws", profile="dev", region="eu-west-1")\naws.s3.BucketV2("b", opts=pulumi.ResourceOptions(provider=provider))\n',
    },
    {
      name: 'fix: region from the configuration, arguments one per line',
      code: header + 'provider = aws.Provider(\n    "aws",\n    profile="dev",\n)\naws.s3.BucketV2("b", opts=pulumi.ResourceOptions(provider=provider))\n',
      config: { region: 'us-west-2' },
      errors: [{ line: 4, severity: 'warning', message: /built without `region`/ }],
      output: header + 'provider = aws.Provider(\n    "aws",\n    profile="dev",\n    region="us-west-2",\n)\naws.s3.BucketV2("b", opts=pulumi.ResourceOptions(provider=provider))\n',
    },
    {
      name: 'no fix: a provider named for another region (a replica) is not given the stack region',
      code: header + 'replica = aws.Provider("replica")\naws.s3.BucketV2("b", opts=pulumi.ResourceOptions(provider=replica))\n',
      project: { 'lib/AWS_REGION': 'us-east-1\n' },
      errors: [{ line: 4, severity: 'warning', message: /built without `region`/ }],
      output: null,
    },
    {
      name: 'no fix: two providers, which one is the stack region is not certain',
      code: header + 'a = aws.Provider("a")\nb = aws.Provider("b", region="us-east-1")\naws.s3.BucketV2("b", opts=pulumi.ResourceOptions(provider=a))\n',
      project: { 'lib/AWS_REGION': 'us-east-1\n' },
      errors: [{ line: 4, severity: 'warning', message: /built without `region`/ }],
      output: null,
    },
    {
      name: 'no fix: the region of a stack file configures the default provider, not this one',
      code: header + 'provider = aws.Provider("aws")\naws.s3.BucketV2("b", opts=pulumi.ResourceOptions(provider=provider))\n',
      project: { 'Pulumi.dev.yaml': 'config:\n  aws:region: us-east-1\n' },
      errors: [{ line: 4, severity: 'warning', message: /built without `region`/ }],
      output: null,
    },
    {
      name: 'component resource that forgets the component provider',
      code:
        header +
        'class Net(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, region, opts=None):\n' +
        '        super().__init__("x:y:Net", name, None, opts)\n' +
        '        self.provider = aws.Provider(f"{name}-aws", region=region, opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self, provider=self.provider))\n' +
        '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id)\n',
      errors: [{ line: 9, column: 20, severity: 'warning', message: /^`aws\.ec2\.InternetGateway` in `Net` is created without `provider=self\.provider`, which the component's other resources use/ }],
    },
    {
      name: 'component child with parent=self only while siblings use the provider',
      code:
        header +
        'class Data(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, provider, opts=None):\n' +
        '        super().__init__("x:y:Data", name, None, opts)\n' +
        '        self.table = aws.dynamodb.Table("t", hash_key="id", attributes=[{"name": "id", "type": "S"}], opts=pulumi.ResourceOptions(parent=self, provider=provider))\n' +
        '        self.queue = aws.sqs.Queue("q", opts=pulumi.ResourceOptions(parent=self))\n',
      errors: [{ line: 8, severity: 'warning', message: /`aws\.sqs\.Queue` in `Data` only sets `parent=self`, so it inherits the provider the component was given, not `provider`/ }],
    },
    {
      name: 'resources built in a loop and kept in self attributes by helper methods',
      code:
        header +
        'AZS = ["us-east-1a", "us-east-1b"]\n\n' +
        'class Network:\n' +
        '    def __init__(self):\n' +
        '        self._vpc()\n' +
        '        self._subnets()\n\n' +
        '    def _vpc(self):\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\n\n' +
        '    def _subnets(self):\n' +
        '        self.subnets = [aws.ec2.Subnet(f"s{i}", vpc_id=self.vpc.id, availability_zone=az, cidr_block=f"10.0.{i}.0/24") for i, az in enumerate(AZS)]\n\n' +
        'Network()\n',
      errors: [{ line: 12, severity: 'warning', message: /^`aws\.ec2\.Vpc` and 1 other AWS resource in this file use the default provider.*`aws\.ec2\.Subnet` line 15/ }],
    },
    {
      name: 'a provider in one project does not cover another project under the same root',
      files: [
        { path: 'services/api/Pulumi.yaml', content: 'name: api\nruntime: python\n' },
        { path: 'services/api/__main__.py', content: header + 'provider = aws.Provider("aws", region="us-east-1")\naws.s3.BucketV2("b", opts=pulumi.ResourceOptions(provider=provider))\n' },
        { path: 'services/web/Pulumi.yaml', content: 'name: web\nruntime: python\n' },
        { path: 'services/web/__main__.py', content: header + 'aws.s3.BucketV2("site")\n' },
      ],
      errors: [{ line: 4, path: 'services/web/__main__.py', severity: 'warning', message: /^`aws\.s3\.BucketV2` uses the default provider/ }],
    },
    {
      name: 'TypeScript program on the default provider',
      path: 'index.ts',
      code: 'import * as aws from "@pulumi/aws";\n\nconst bucket = new aws.s3.Bucket("logs");\nconst queue = new aws.sqs.Queue("jobs");\n',
      errors: [{ line: 3, column: 20, severity: 'warning', message: /^`aws\.s3\.Bucket` and 1 other AWS resource in this file use the default provider: the program never builds `new aws\.Provider\(name, \{ region \}\)`/ }],
    },
    {
      name: 'TypeScript provider without a region',
      path: 'index.ts',
      code: 'import * as aws from "@pulumi/aws";\n\nconst provider = new aws.Provider("aws", { profile: "dev" });\nnew aws.s3.Bucket("b", {}, { provider });\n',
      errors: [{ line: 3, column: 22, severity: 'warning', message: /^`aws\.Provider\(\.\.\.\)` is built without `region`.*pass `region:` explicitly/ }],
    },
    {
      name: 'markdown answer on the default provider',
      path: 'answer.md',
      code: 'Here is the stack:\n\n```python\nimport pulumi_aws as aws\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n```\n',
      errors: [{ line: 6, severity: 'warning', message: /^`aws\.ec2\.Vpc` uses the default provider/ }],
    },
  ],
});
