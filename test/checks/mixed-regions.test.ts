import { mixedRegions } from '../../checks/mixed-regions.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import pulumi\nimport pulumi_aws as aws\n\n';

/** One explicit provider per region, every resource passes its region's provider. */
const multiRegion =
  header +
  'east = aws.Provider("east", region="us-east-1")\n' +
  'west = aws.Provider("west", region="us-west-2")\n' +
  'east_vpc = aws.ec2.Vpc("east", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(provider=east))\n' +
  'west_vpc = aws.ec2.Vpc("west", cidr_block="10.1.0.0/16", opts=pulumi.ResourceOptions(provider=west))\n' +
  'for i, az in enumerate(["us-east-1a", "us-east-1b"]):\n' +
  '    aws.ec2.Subnet(f"east-{i}", vpc_id=east_vpc.id, cidr_block=f"10.0.{i}.0/24", availability_zone=az, opts=pulumi.ResourceOptions(provider=east))\n' +
  'for i, az in enumerate(["us-west-2a", "us-west-2b"]):\n' +
  '    aws.ec2.Subnet(f"west-{i}", vpc_id=west_vpc.id, cidr_block=f"10.1.{i}.0/24", availability_zone=az, opts=pulumi.ResourceOptions(provider=west))\n' +
  'aws.sns.TopicSubscription("s", topic="arn:aws:sns:us-west-2:123456789012:alerts", protocol="sqs", endpoint=queue.arn, opts=pulumi.ResourceOptions(provider=west))\n';

const TS_HEADER = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n';

ruleTester(mixedRegions, {
  valid: [
    multiRegion,
    // Same program with the required region known: still silent.
    { code: multiRegion, config: { region: 'us-east-1' } },
    // One region only.
    header + 'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a")\naws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.2.0/24", availability_zone="us-east-1b")\n',
    // Default provider for the primary region, an explicit provider for the second one.
    header +
      'west = aws.Provider("west", region="us-west-2")\n' +
      'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a")\n' +
      'aws.ec2.Subnet("b", vpc_id=wvpc.id, cidr_block="10.1.1.0/24", availability_zone="us-west-2a", opts=pulumi.ResourceOptions(provider=west))\n',
    // Providers whose regions come from config: cannot tell which literal belongs to which.
    header +
      'config = pulumi.Config()\n' +
      'providers = {r: aws.Provider(f"aws-{r}", region=r) for r in config.require_object("regions")}\n' +
      'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a", opts=pulumi.ResourceOptions(provider=providers["us-east-1"]))\n' +
      'aws.ec2.Subnet("b", vpc_id=wvpc.id, cidr_block="10.1.1.0/24", availability_zone="us-west-2a", opts=pulumi.ResourceOptions(provider=providers["us-west-2"]))\n',
    // CloudFront's certificate lives in us-east-1 by design.
    header +
      'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="eu-west-1a")\n' +
      'aws.cloudfront.Distribution("cdn", enabled=True, viewer_certificate={"acm_certificate_arn": "arn:aws:acm:us-east-1:123456789012:certificate/abc"})\n',
    // Mocks in tests are not a stack.
    { code: 'MOCK_AZS = ["us-east-1a", "us-west-2a"]\n', path: 'tests/unit/test_tap_stack.py' },
    // Two separate programs in two files, one region each.
    {
      code: header + 'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a")\n',
      files: [{ path: 'examples/eu/__main__.py', content: header + 'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="eu-west-1a")\n' }],
    },
    // SDK clients in Lambda code are not infrastructure placement.
    header +
      'import boto3\n' +
      'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a")\n' +
      'def handler(event, context):\n    return boto3.client("s3", region_name="eu-west-1").list_buckets()\n',
    // With a required region, literals outside it are IAC201's findings, not repeated here.
    {
      code: header + 'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a")\naws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.2.0/24", availability_zone="us-west-2a")\n',
      config: { region: 'us-east-1' },
    },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: `${TS_HEADER}const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });\nnew aws.ec2.Subnet("a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });\nnew aws.ec2.Subnet("b", { vpcId: vpc.id, cidrBlock: "10.0.2.0/24", availabilityZone: "us-east-1b" });\n` },
  ],
  invalid: [
    {
      name: 'catalog example: zones of two regions, no provider',
      code:
        header +
        'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a")\n' +
        'aws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.2.0/24", availability_zone="us-west-2a")\n',
      errors: [
        {
          line: 5,
          column: 80,
          endColumn: 92,
          message: /^Availability zone `us-west-2a` \(us-west-2\) is mixed with us-east-1 \(line 4\) in one stack, and no `aws\.Provider\(region="us-west-2"\)` serves it: use one explicit provider per region\.$/,
        },
      ],
    },
    {
      name: 'a zone list that strays into another region',
      code: header + 'AZS = ["us-east-1a", "us-east-1b", "eu-west-1a"]\nfor i, az in enumerate(AZS):\n    aws.ec2.Subnet(f"s{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i}.0/24", availability_zone=az)\n',
      errors: [{ line: 4, column: 36, message: /Availability zone `eu-west-1a` \(eu-west-1\) is mixed with us-east-1/ }],
    },
    {
      name: 'ARN of another region next to local zones',
      code:
        header +
        'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a")\n' +
        'aws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.2.0/24", availability_zone="us-east-1b")\n' +
        'aws.sns.TopicSubscription("s", topic="arn:aws:sns:us-west-2:123456789012:alerts", protocol="sqs", endpoint=queue.arn)\n',
      errors: [{ line: 6, message: /ARN `arn:aws:sns:us-west-2:123456789012:alerts` \(us-west-2\) is mixed with us-east-1/ }],
    },
    {
      name: 'zone given to a resource whose provider serves another region',
      code:
        header +
        'west = aws.Provider("west", region="us-west-2")\n' +
        'aws.ec2.Subnet("b", vpc_id=wvpc.id, cidr_block="10.1.1.0/24", availability_zone="us-east-1b", opts=pulumi.ResourceOptions(provider=west))\n',
      errors: [{ line: 5, message: /^Availability zone `us-east-1b` is in us-east-1, but `aws\.ec2\.Subnet` is created with provider `west` in us-west-2\.$/ }],
    },
    {
      name: 'the same, with the required region allowing both regions',
      code:
        header +
        'primary = aws.Provider("primary", region="us-east-1")\n' +
        'dr = aws.Provider("dr", region="us-west-2")\n' +
        'aws.ec2.Subnet("b", vpc_id=dvpc.id, cidr_block="10.1.1.0/24", availability_zone="us-east-1b", opts=pulumi.ResourceOptions(provider=dr))\n',
      config: { region: 'us-east-1' },
      errors: [{ line: 6, message: /`us-east-1b` is in us-east-1, but `aws\.ec2\.Subnet` is created with provider `dr` in us-west-2/ }],
    },
    {
      name: 'three regions, one provider',
      code:
        header +
        'west = aws.Provider("west", region="us-west-2")\n' +
        'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a")\n' +
        'aws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.2.0/24", availability_zone="us-east-1b")\n' +
        'aws.ec2.Subnet("c", vpc_id=evpc.id, cidr_block="10.2.1.0/24", availability_zone="eu-west-1a")\n',
      errors: [{ line: 7, message: /`eu-west-1a` \(eu-west-1\) is mixed with us-east-1 \(line 5\)/ }],
    },
    {
      name: 'endpoint service of another region',
      code:
        header +
        'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a")\n' +
        'aws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.2.0/24", availability_zone="us-east-1b")\n' +
        'aws.ec2.VpcEndpoint("s3", vpc_id=vpc.id, service_name="com.amazonaws.us-west-2.s3")\n',
      errors: [{ line: 6, message: /Endpoint `com\.amazonaws\.us-west-2\.s3` \(us-west-2\) is mixed with us-east-1/ }],
    },
    {
      name: 'markdown answer: two blocks of one file',
      path: 'answer.md',
      code:
        '# Network\n\n```python\nimport pulumi_aws as aws\nsubnet = aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="ap-south-1a")\n```\n\n' +
        'And the replica:\n\n```python\nreplica = aws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.2.0/24", availability_zone="ap-southeast-1a")\n```\n',
      errors: [{ line: 11, message: /`ap-southeast-1a` \(ap-southeast-1\) is mixed with ap-south-1 \(line 5\)/ }],
    },
    // TypeScript
    {
      path: 'lib/tap-stack.ts',
      code: `${TS_HEADER}const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });\nnew aws.ec2.Subnet("a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });\nnew aws.ec2.Subnet("b", { vpcId: vpc.id, cidrBlock: "10.0.2.0/24", availabilityZone: "us-west-2a" });\n`,
      errors: [{ line: 5, message: /^Availability zone `us-west-2a` \(us-west-2\) is mixed with us-east-1 \(line 4\) in one stack/ }],
    },
  ],
});
