import { cidrConflict } from '../../checks/cidr-conflict.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import pulumi\nimport pulumi_aws as aws\n\n';

const TS_HEADER = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n';

ruleTester(cidrConflict, {
  valid: [
    // Distinct subnets inside the VPC block.
    header +
      'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
      'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n' +
      'aws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.2.0/24")\n',
    // The loop form: one block per index.
    header +
      'azs = ["us-east-1a", "us-east-1b", "us-east-1c"]\n' +
      'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
      'for i, az in enumerate(azs[:2]):\n' +
      '    aws.ec2.Subnet(f"public-{i}", vpc_id=vpc.id, availability_zone=az, cidr_block=f"10.0.{i+1}.0/24")\n' +
      '    aws.ec2.Subnet(f"private-{i}", vpc_id=vpc.id, availability_zone=az, cidr_block=f"10.0.{i+11}.0/24")\n',
    // Same block in two different VPCs (two regions) is fine.
    header +
      'east = aws.ec2.Vpc("east", cidr_block="10.0.0.0/16")\n' +
      'west = aws.ec2.Vpc("west", cidr_block="10.1.0.0/16")\n' +
      'aws.ec2.Subnet("e", vpc_id=east.id, cidr_block="10.0.1.0/24")\n' +
      'aws.ec2.Subnet("w", vpc_id=west.id, cidr_block="10.1.1.0/24")\n' +
      'aws.ec2.Subnet("w2", vpc_id=west.id, cidr_block="10.1.2.0/24")\n',
    // Values the checker cannot see (config, parameters, data sources) stay silent.
    header +
      'config = pulumi.Config()\n' +
      'vpc = aws.ec2.Vpc("main", cidr_block=config.require("vpcCidr"))\n' +
      'def subnet(i, cidr):\n' +
      '    return aws.ec2.Subnet(f"s-{i}", vpc_id=vpc.id, cidr_block=cidr)\n' +
      'for i, az in enumerate(aws.get_availability_zones().names):\n' +
      '    aws.ec2.Subnet(f"p-{i}", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n',
    // Exclusive branches of an if may reuse a block.
    header +
      'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
      'if pulumi.get_stack() == "prod":\n' +
      '    aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n' +
      'else:\n' +
      '    aws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n',
    // Secondary CIDR association widens the VPC.
    header +
      'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
      'aws.ec2.VpcIpv4CidrBlockAssociation("extra", vpc_id=vpc.id, cidr_block="10.1.0.0/16")\n' +
      'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.1.5.0/24")\n',
    // Security group and route blocks that are valid; IPv6 left alone.
    header +
      'aws.ec2.SecurityGroup("web", ingress=[{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]}])\n' +
      'aws.ec2.Route("r", route_table_id=rt.id, destination_cidr_block="0.0.0.0/0", gateway_id=igw.id)\n' +
      'aws.ec2.Vpc("v", cidr_block="10.9.0.0/16", tags={"cidr_block": "10.9.0.0/16 (shared)", "cidr": "see wiki"})\n',
    // A VPC per loop iteration: the same subnet block lands in different VPCs.
    header +
      'for env in ["dev", "prod"]:\n' +
      '    vpc = aws.ec2.Vpc(f"vpc-{env}", cidr_block="10.0.0.0/16")\n' +
      '    aws.ec2.Subnet(f"a-{env}", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n',
    // Component methods with self.vpc and a dict of subnet plans.
    header +
      'SUBNETS = {"public": ["10.0.0.0/24", "10.0.1.0/24"], "private": ["10.0.10.0/24", "10.0.11.0/24"]}\n' +
      'class Net(pulumi.ComponentResource):\n' +
      '    def __init__(self, name, opts=None):\n' +
      '        super().__init__("x:y:Net", name, None, opts)\n' +
      '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n' +
      '        self._subnets()\n' +
      '    def _subnets(self):\n' +
      '        for tier, blocks in SUBNETS.items():\n' +
      '            for i, block in enumerate(blocks):\n' +
      '                aws.ec2.Subnet(f"{tier}-{i}", vpc_id=self.vpc.id, cidr_block=block, opts=pulumi.ResourceOptions(parent=self))\n',
    // Subnets with a /20 split computed from the index.
    header +
      'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
      'subnets = [aws.ec2.Subnet(f"s{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i * 16}.0/20") for i in range(4)]\n',
    // A block derived from a list the loop grows (`len(ids)` changes every iteration).
    header +
      'vpc = aws.ec2.Vpc("main", cidr_block="10.100.0.0/16")\n' +
      'subnet_ids = []\n' +
      'for zone in ["us-east-1a", "us-east-1b"]:\n' +
      '    subnet = aws.ec2.Subnet(f"s-{zone}", vpc_id=vpc.id, cidr_block=f"10.100.{len(subnet_ids)}.0/24", availability_zone=zone)\n' +
      '    subnet_ids.append(subnet.id)\n',
    // Subnets in the two branches of an undecided condition, from a helper: never both created.
    header +
      'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
      'def subnet(name, cidr):\n' +
      '    return aws.ec2.Subnet(name, vpc_id=vpc.id, cidr_block=cidr)\n' +
      'single = subnet("shared", "10.0.1.0/24") if pulumi.get_stack() == "dev" else subnet("a", "10.0.1.0/24")\n',
    // A helper called for two VPCs with the same block, and a loop over AZs whose count is not known (one block per AZ).
    header +
      'def network(name, cidr):\n' +
      '    vpc = aws.ec2.Vpc(name, cidr_block=cidr)\n' +
      '    aws.ec2.Subnet(f"{name}-a", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n' +
      '    return vpc\n' +
      'network("blue", "10.0.0.0/16")\n' +
      'network("green", "10.0.0.0/16")\n' +
      'zones = aws.get_availability_zones()\n' +
      'main = aws.ec2.Vpc("main", cidr_block="10.10.0.0/16")\n' +
      'for i, zone in enumerate(zones.names[:3]):\n' +
      '    aws.ec2.Subnet(f"p{i}", vpc_id=main.id, availability_zone=zone, cidr_block=f"10.10.{i}.0/24")\n' +
      '    aws.ec2.Subnet(f"q{i}", vpc_id=main.id, availability_zone=zone, cidr_block=f"10.10.{i + 10}.0/24")\n',
    { code: 'Prose.\n\n```python\nimport pulumi_aws as aws\nvpc = aws.ec2.Vpc("v", cidr_block="172.16.0.0/16")\n```\n', path: 'answer.md' },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: `${TS_HEADER}const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });\n["a", "b"].forEach((zone, i) => new aws.ec2.Subnet(\`s-\${zone}\`, { vpcId: vpc.id, cidrBlock: \`10.0.\${i}.0/24\` }));\n` },
  ],
  invalid: [
    {
      name: 'catalog example: two subnets with the same block',
      code:
        header +
        'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
        'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n' +
        'aws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n',
      errors: [{ line: 6, column: 47, endColumn: 60, message: /`10\.0\.1\.0\/24` is also used by the subnet on line 5 in VPC `vpc`/ }],
    },
    {
      name: 'partial overlap',
      code:
        header +
        'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
        'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.0.0/23")\n' +
        'aws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n',
      errors: [{ line: 6, message: /`10\.0\.1\.0\/24` overlaps `10\.0\.0\.0\/23`/ }],
    },
    {
      name: 'subnet outside the VPC block',
      code: header + 'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\naws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.1.1.0/24")\n',
      errors: [{ line: 5, message: /`10\.1\.1\.0\/24` lies outside the block `10\.0\.0\.0\/16` of VPC `vpc` \(line 4\)/ }],
    },
    {
      name: 'loop over enumerate(azs[:2]) producing the same block twice',
      code:
        header +
        'azs = ["us-east-1a", "us-east-1b", "us-east-1c"]\n' +
        'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
        'for i, az in enumerate(azs[:2]):\n' +
        '    aws.ec2.Subnet(f"public-{i}", vpc_id=vpc.id, availability_zone=az, cidr_block=f"10.0.{i // 2}.0/24")\n',
      errors: [{ line: 7, message: /`10\.0\.0\.0\/24` is produced on more than one iteration/ }],
    },
    {
      name: 'public and private loops collide',
      code:
        header +
        'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
        'for i in range(3):\n' +
        '    aws.ec2.Subnet(f"public-{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i}.0/24")\n' +
        'for i in range(3):\n' +
        '    aws.ec2.Subnet(f"private-{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i + 2}.0/24")\n',
      errors: [{ line: 8, message: /`10\.0\.2\.0\/24` is also used by the subnet on line 6/ }],
    },
    {
      name: 'loop-generated blocks run outside the VPC',
      code:
        header +
        'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/24")\n' +
        'for i, az in enumerate(["us-east-1a", "us-east-1b"]):\n' +
        '    aws.ec2.Subnet(f"s-{i}", vpc_id=vpc.id, availability_zone=az, cidr_block=f"10.0.{i}.0/26")\n',
      errors: [{ line: 6, message: /`10\.0\.1\.0\/26` lies outside the block `10\.0\.0\.0\/24`/ }],
    },
    {
      name: 'invalid strings: octet out of range, host bits, missing prefix',
      code:
        header +
        'aws.ec2.Vpc("main", cidr_block="10.0.256.0/16")\n' +
        'aws.ec2.SecurityGroup("web", ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.1.5/24"]}])\n' +
        'aws.ec2.Route("r", route_table_id=rt.id, destination_cidr_block="0.0.0.0", gateway_id=igw.id)\n',
      errors: [
        { line: 4, column: 32, message: /`10\.0\.256\.0\/16` is not a valid IPv4 CIDR block: it has an octet out of range/ },
        { line: 5, message: /`10\.0\.1\.5\/24` .*host bits set \(the network address is 10\.0\.1\.0\/24\)/ },
        { line: 6, message: /`0\.0\.0\.0` .*no prefix length/ },
      ],
    },
    {
      name: 'VPC prefix AWS does not accept, via a constant',
      code: header + 'VPC_CIDR = "10.0.0.0/8"\nvpc = aws.ec2.Vpc("main", cidr_block=VPC_CIDR)\n',
      // Reported where the block is written: the constant, which every resource using it shares.
      errors: [{ line: 4, column: 12, message: /A VPC block must be between \/16 and \/28; `10\.0\.0\.0\/8` is a \/8/ }],
    },
    {
      name: 'SubnetArgs and self.vpc in a component',
      code:
        header +
        'class Net(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Net", name, None, opts)\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self.a = aws.ec2.Subnet("a", aws.ec2.SubnetArgs(vpc_id=self.vpc.id, cidr_block="10.0.1.0/24"))\n' +
        '        self.b = aws.ec2.Subnet("b", aws.ec2.SubnetArgs(vpc_id=self.vpc.id, cidr_block="10.0.1.128/25"))\n',
      errors: [{ line: 9, message: /`10\.0\.1\.128\/25` overlaps `10\.0\.1\.0\/24` of the subnet on line 8 in VPC `self\.vpc`/ }],
    },
    {
      name: 'a helper method called twice with the same block for self.vpc',
      code:
        header +
        'class Net(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Net", name, None, opts)\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self.public = self._subnet("public", "10.0.1.0/24")\n' +
        '        self.private = self._subnet("private", "10.0.1.0/24")\n' +
        '    def _subnet(self, name, cidr):\n' +
        '        return aws.ec2.Subnet(name, vpc_id=self.vpc.id, cidr_block=cidr, opts=pulumi.ResourceOptions(parent=self))\n' +
        'Net("net")\n',
      errors: [{ line: 9, column: 48, message: /`10\.0\.1\.0\/24` is also used by another subnet that the code on line 11 creates in VPC `self\.vpc` \(it runs more than once\)/ }],
    },
    {
      name: 'a comprehension whose blocks repeat',
      code: header + 'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' + 'subnets = [aws.ec2.Subnet(f"s{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i % 2}.0/24") for i in range(3)]\n',
      errors: [{ line: 5, message: /`10\.0\.0\.0\/24` is produced on more than one iteration of the loop: the subnets of VPC `vpc` overlap/ }],
    },
    {
      name: 'a dict of subnet plans with a repeated block, reported at the repeat',
      code:
        header +
        'PLANS = {\n' +
        '    "public": "10.0.1.0/24",\n' +
        '    "private": "10.0.1.0/24",\n' +
        '}\n' +
        'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
        'for tier, cidr in PLANS.items():\n' +
        '    aws.ec2.Subnet(tier, vpc_id=vpc.id, cidr_block=cidr)\n',
      errors: [{ line: 6, column: 16, message: /`10\.0\.1\.0\/24` is produced on more than one iteration/ }],
    },
    {
      name: 'the VPC passed to a helper function, blocks from its caller',
      code:
        header +
        'def add_subnets(vpc, blocks):\n' +
        '    for i, block in enumerate(blocks):\n' +
        '        aws.ec2.Subnet(f"s{i}", vpc_id=vpc.id, cidr_block=block)\n' +
        'main = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' +
        'add_subnets(main, ["10.0.0.0/24", "10.1.0.0/24"])\n',
      errors: [{ line: 8, column: 35, message: /`10\.1\.0\.0\/24` lies outside the block `10\.0\.0\.0\/16` of VPC `main` \(line 7\)/ }],
    },
    {
      name: 'VPC and subnets created in different methods, secondary block known',
      code:
        header +
        'class Net(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Net", name, None, opts)\n' +
        '        self._network()\n' +
        '        self._subnets(["10.0.1.0/24", "10.1.1.0/24", "10.2.1.0/24"])\n' +
        '    def _network(self):\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\n' +
        '        aws.ec2.VpcIpv4CidrBlockAssociation("extra", vpc_id=self.vpc.id, cidr_block="10.1.0.0/16")\n' +
        '    def _subnets(self, blocks):\n' +
        '        self.subnets = [aws.ec2.Subnet(f"s{i}", vpc_id=self.vpc.id, cidr_block=b) for i, b in enumerate(blocks)]\n' +
        'Net("net")\n',
      errors: [{ line: 8, message: /`10\.2\.1\.0\/24` lies outside the blocks `10\.0\.0\.0\/16`, `10\.1\.0\.0\/16` of VPC `self\.vpc` \(line 10\)/ }],
    },
    {
      name: 'an invalid block in a list a loop reads',
      code: header + 'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n' + 'for i, cidr in enumerate(["10.0.1.0/24", "10.0.2.300/24"]):\n' + '    aws.ec2.Subnet(f"s{i}", vpc_id=vpc.id, cidr_block=cidr)\n',
      errors: [{ line: 5, column: 42, message: /`10\.0\.2\.300\/24` is not a valid IPv4 CIDR block: it has an octet out of range/ }],
    },
    {
      name: 'markdown answer block',
      path: 'answer.md',
      code: '# Network\n\n```python\nimport pulumi_aws as aws\nvpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\naws.ec2.Subnet("s", vpc_id=vpc.id, cidr_block="192.168.1.0/24")\n```\n',
      errors: [{ line: 6, message: /outside the block `10\.0\.0\.0\/16` of VPC `vpc` \(line 5\)/ }],
    },
    // TypeScript
    {
      path: 'lib/tap-stack.ts',
      code: `${TS_HEADER}const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });\nnew aws.ec2.Subnet("a", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });\nnew aws.ec2.Subnet("b", { vpcId: vpc.id, cidrBlock: "10.0.1.0/25" });\n`,
      errors: [{ line: 5, message: 'Subnet CIDR `10.0.1.0/25` overlaps `10.0.1.0/24` of the subnet on line 4 in VPC `vpc`.' }],
    },
    {
      name: 'TypeScript: one CIDR for every iteration of a forEach',
      path: 'lib/tap-stack.ts',
      code: `${TS_HEADER}const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });\n["a", "b"].forEach((zone) => new aws.ec2.Subnet(\`s-\${zone}\`, { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" }));\n`,
      errors: [{ line: 4, message: /is produced on more than one iteration of the loop/ }],
    },
  ],
});
