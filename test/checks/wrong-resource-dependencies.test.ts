import { wrongResourceDependencies } from '../../checks/wrong-resource-dependencies.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import pulumi\nimport pulumi_aws as aws\n\n';

/** The seed's case: route tables built before the NAT gateway they route through. */
function stack(order: string[], extra = ''): string {
  return (
    header +
    'class TapStack(pulumi.ComponentResource):\n' +
    extra +
    '    def __init__(self, name, opts=None):\n' +
    '        super().__init__("tap:stack:TapStack", name, None, opts)\n' +
    order.map((method) => `        self.${method}()\n`).join('') +
    '        self.register_outputs({})\n' +
    '    def _create_vpc(self):\n' +
    '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n' +
    '        self.public = aws.ec2.Subnet("public", vpc_id=self.vpc.id, cidr_block="10.0.1.0/24", opts=pulumi.ResourceOptions(parent=self))\n' +
    '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id, opts=pulumi.ResourceOptions(parent=self))\n' +
    '    def _create_nat_gateway(self):\n' +
    '        eip = aws.ec2.Eip("nat", domain="vpc", opts=pulumi.ResourceOptions(parent=self))\n' +
    '        self.nat_gateway = aws.ec2.NatGateway("nat", subnet_id=self.public.id, allocation_id=eip.id,\n' +
    '            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.igw]))\n' +
    '    def _create_route_tables(self):\n' +
    '        if hasattr(self, "extra"):\n' +
    '            print(self.extra)\n' +
    '        self.private_rt = aws.ec2.RouteTable("private", vpc_id=self.vpc.id,\n' +
    '            routes=[{"cidr_block": "0.0.0.0/0", "nat_gateway_id": self.nat_gateway.id}], opts=pulumi.ResourceOptions(parent=self))\n'
  );
}

const natProgram = (natOptions: string, eipOptions = '') =>
  header +
  'vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\n' +
  'public = aws.ec2.Subnet("public", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n' +
  'igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)\n' +
  `eip = aws.ec2.Eip("nat", domain="vpc"${eipOptions})\n` +
  `nat = aws.ec2.NatGateway("nat", subnet_id=public.id, allocation_id=eip.id${natOptions})\n`;

/** Issue 12: the gateway in self.igw, made by another method; NAT gateways per subnet in a helper loop. */
const ISSUE_12 =
  header +
  'class TapStack(pulumi.ComponentResource):\n' +
  '    def __init__(self, name, opts=None):\n' +
  '        super().__init__("tap:stack:TapStack", name, None, opts)\n' +
  '        self._create_network()\n' +
  '        self.nat_gateways = [self._create_nat(i, subnet) for i, subnet in enumerate(self.public_subnets)]\n' +
  '    def _create_network(self):\n' +
  '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n' +
  '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id, opts=pulumi.ResourceOptions(parent=self))\n' +
  '        self.public_subnets = []\n' +
  '        for i in range(2):\n' +
  '            self.public_subnets.append(aws.ec2.Subnet(f"public-{i}", vpc_id=self.vpc.id, cidr_block=f"10.0.{i}.0/24", opts=pulumi.ResourceOptions(parent=self)))\n' +
  '    def _create_nat(self, i, subnet):\n' +
  '        eip = aws.ec2.Eip(f"nat-{i}", domain="vpc", opts=pulumi.ResourceOptions(parent=self))\n' +
  '        return aws.ec2.NatGateway(f"nat-{i}", subnet_id=subnet.id, allocation_id=eip.id, opts=pulumi.ResourceOptions(parent=self))\n';

const TS_HEADER = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n';

ruleTester(wrongResourceDependencies, {
  valid: [
    // Methods called in dependency order.
    stack(['_create_vpc', '_create_nat_gateway', '_create_route_tables']),
    // A class-level default makes the early read safe (and hasattr guards another).
    stack(['_create_vpc', '_create_route_tables', '_create_nat_gateway'], '    nat_gateway = None\n'),
    // NAT gateway with an explicit dependency on the internet gateway.
    natProgram(', opts=pulumi.ResourceOptions(depends_on=[igw])'),
    // The Elastic IP depends on the gateway, and the NAT gateway on the Elastic IP.
    natProgram('', ', opts=pulumi.ResourceOptions(depends_on=[igw])'),
    // Private NAT gateways do not need an internet gateway.
    header +
      'igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)\n' +
      'nat = aws.ec2.NatGateway("nat", subnet_id=private.id, connectivity_type="private")\n',
    // The Elastic IP comes from a parameter: its dependencies are not visible.
    header +
      'igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)\n' +
      'def make_nat(subnet, allocation_id):\n' +
      '    return aws.ec2.NatGateway("nat", subnet_id=subnet.id, allocation_id=allocation_id)\n',
    // Options through a variable that carries depends_on.
    header +
      'class Net(pulumi.ComponentResource):\n' +
      '    def __init__(self, name, opts=None):\n' +
      '        super().__init__("x:y:Net", name, None, opts)\n' +
      '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=vpc_id, opts=pulumi.ResourceOptions(parent=self))\n' +
      '        after_igw = pulumi.ResourceOptions(parent=self, depends_on=[self.igw])\n' +
      '        self.eips = []\n' +
      '        for i in range(2):\n' +
      '            self.eips.append(aws.ec2.Eip(f"eip-{i}", domain="vpc", opts=after_igw))\n' +
      '        for i, eip in enumerate(self.eips):\n' +
      '            aws.ec2.NatGateway(f"nat-{i}", subnet_id=subnet_ids[i], allocation_id=eip.id, opts=pulumi.ResourceOptions(parent=self))\n',
    // An existing VPC referenced by ID, none created here.
    header + 'sg = aws.ec2.SecurityGroup("web", vpc_id="vpc-0a1b2c3d4e5f67890")\n',
    // The VPC object lives in another function's locals: not in scope.
    header +
      'def network():\n    vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\n    return vpc\n' +
      'def legacy():\n    return aws.ec2.SecurityGroup("legacy", vpc_id="vpc-0a1b2c3d")\n',
    // Reads inside apply callbacks run later, not during __init__.
    header +
      'class S(pulumi.ComponentResource):\n' +
      '    def __init__(self, name, opts=None):\n' +
      '        super().__init__("x:y:S", name, None, opts)\n' +
      '        self._outputs()\n' +
      '        self._bucket()\n' +
      '    def _outputs(self):\n' +
      '        self.name_out = pulumi.Output.from_input(1).apply(lambda _: self.bucket.bucket)\n' +
      '    def _bucket(self):\n' +
      '        self.bucket = aws.s3.BucketV2("b", opts=pulumi.ResourceOptions(parent=self))\n',
    // Tests are not deployments.
    { code: natProgram(''), path: 'tests/unit/test_network.py' },
    // The dependency set in another method, through a self attribute.
    header +
      'class Net(pulumi.ComponentResource):\n' +
      '    def __init__(self, name, opts=None):\n' +
      '        super().__init__("x:y:Net", name, None, opts)\n' +
      '        self._vpc()\n' +
      '        self._nat()\n' +
      '    def _vpc(self):\n' +
      '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n' +
      '        self.public = aws.ec2.Subnet("public", vpc_id=self.vpc.id, cidr_block="10.0.1.0/24", opts=pulumi.ResourceOptions(parent=self))\n' +
      '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id, opts=pulumi.ResourceOptions(parent=self))\n' +
      '    def _nat(self):\n' +
      '        eip = aws.ec2.Eip("nat", domain="vpc", opts=pulumi.ResourceOptions(parent=self, depends_on=[self.igw]))\n' +
      '        aws.ec2.NatGateway("nat", subnet_id=self.public.id, allocation_id=eip.id, opts=pulumi.ResourceOptions(parent=self))\n',
    // The internet gateway belongs to another VPC: not this NAT gateway's to wait for.
    header +
      'a = aws.ec2.Vpc("a", cidr_block="10.0.0.0/16")\n' +
      'b = aws.ec2.Vpc("b", cidr_block="10.1.0.0/16")\n' +
      'aws.ec2.InternetGateway("igw", vpc_id=a.id)\n' +
      'sub = aws.ec2.Subnet("s", vpc_id=b.id, cidr_block="10.1.1.0/24")\n' +
      'aws.ec2.NatGateway("nat", subnet_id=sub.id, allocation_id=aws.ec2.Eip("e", domain="vpc").id)\n',
    // Depending on the network component waits for every child, the gateway among them.
    header +
      'class Network(pulumi.ComponentResource):\n' +
      '    def __init__(self, name, opts=None):\n' +
      '        super().__init__("x:y:Network", name, None, opts)\n' +
      '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n' +
      '        self.public = aws.ec2.Subnet("p", vpc_id=self.vpc.id, cidr_block="10.0.1.0/24", opts=pulumi.ResourceOptions(parent=self))\n' +
      '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id, opts=pulumi.ResourceOptions(parent=self))\n' +
      'net = Network("net")\n' +
      'eip = aws.ec2.Eip("e", domain="vpc", opts=pulumi.ResourceOptions(depends_on=[net]))\n' +
      'aws.ec2.NatGateway("nat", subnet_id=net.public.id, allocation_id=eip.id)\n',
    // TypeScript
    {
      path: 'lib/tap-stack.ts',
      code: `${TS_HEADER}const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });\nconst igw = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });\nconst subnet = new aws.ec2.Subnet("s", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });\nconst eip = new aws.ec2.Eip("e", { domain: "vpc" }, { dependsOn: [igw] });\nnew aws.ec2.NatGateway("n", { subnetId: subnet.id, allocationId: eip.id }, { dependsOn: [igw] });\n`,
    },
  ],
  invalid: [
    {
      name: 'seed: route tables created before the NAT gateway they use',
      code: stack(['_create_vpc', '_create_route_tables', '_create_nat_gateway']),
      errors: [
        {
          line: 8,
          column: 9,
          endColumn: 36,
          message: /^`self\._create_route_tables\(\)` reads `self\.nat_gateway` \(line 23\), which is only assigned by `self\._create_nat_gateway\(\)`, called later \(line 9\): call `_create_nat_gateway` first\.$/,
        },
      ],
    },
    {
      name: 'read through a helper method',
      code:
        header +
        'class S(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:S", name, None, opts)\n' +
        '        self._compute()\n' +
        '        self.vpc = self._network()\n' +
        '    def _compute(self):\n' +
        '        self._instances()\n' +
        '    def _instances(self):\n' +
        '        aws.ec2.Instance("web", subnet_id=self.subnet.id, ami="ami-123", instance_type="t3.micro")\n' +
        '    def _network(self):\n' +
        '        self.subnet = aws.ec2.Subnet("s", vpc_id="v", cidr_block="10.0.1.0/24")\n',
      errors: [{ line: 7, message: /`self\._compute\(\)` reads `self\.subnet` \(line 12\), which is only assigned by `self\._network\(\)`, called later \(line 8\)/ }],
    },
    {
      name: 'catalog example: NAT gateway without the internet gateway dependency',
      code: natProgram(''),
      errors: [
        {
          line: 8,
          column: 7,
          endColumn: 25,
          message: /^This NAT gateway does not depend on internet gateway `igw` \(line 6\): add `depends_on=\[igw\]` to its options \(or to its Elastic IP's\)/,
        },
      ],
      // No options: they are added, written through the module's `import pulumi`.
      output: natProgram(', opts=pulumi.ResourceOptions(depends_on=[igw])'),
    },
    {
      name: 'fix: the NAT gateway has inline options: depends_on joins them',
      code: natProgram(', opts=pulumi.ResourceOptions(protect=True)'),
      errors: [{ line: 8, message: /does not depend on internet gateway `igw`/ }],
      output: natProgram(', opts=pulumi.ResourceOptions(protect=True, depends_on=[igw])'),
    },
    {
      name: 'fix: options one per line keep their layout',
      code: natProgram(',\n    opts=pulumi.ResourceOptions(\n        protect=True,\n    ),\n'),
      errors: [{ line: 8, message: /does not depend on internet gateway `igw`/ }],
      output: natProgram(',\n    opts=pulumi.ResourceOptions(\n        protect=True,\n        depends_on=[igw],\n    ),\n'),
    },
    {
      name: 'no fix: the options are a variable other resources may share',
      code: natProgram(', opts=shared').replace('vpc = ', 'shared = pulumi.ResourceOptions(protect=True)\nvpc = '),
      errors: [{ line: 9, message: /does not depend on internet gateway `igw`/ }],
      output: null,
    },
    {
      name: 'no fix: `opts=None` written out (a second `opts=` would not parse)',
      code: natProgram(', opts=None'),
      errors: [{ line: 8, message: /does not depend on internet gateway `igw`/ }],
      output: null,
    },
    {
      name: 'no fix: the module cannot write `pulumi.` (imported under another name)',
      code: natProgram('').replace('import pulumi\n', 'import pulumi as pl\n'),
      errors: [{ line: 8, message: /does not depend on internet gateway `igw`/ }],
      output: null,
    },
    {
      name: 'no fix: self.igw is assigned by a method construction does not run (the caller may call them in any order)',
      code:
        header +
        'class Net:\n' +
        '    def create_network(self):\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\n' +
        '        self.public = aws.ec2.Subnet("public", vpc_id=self.vpc.id, cidr_block="10.0.1.0/24")\n' +
        '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id)\n' +
        '    def create_nat(self):\n' +
        '        eip = aws.ec2.Eip("nat", domain="vpc")\n' +
        '        aws.ec2.NatGateway("nat", subnet_id=self.public.id, allocation_id=eip.id)\n',
      errors: [{ line: 11, message: /does not depend on internet gateway `self\.igw`/ }],
      output: null,
    },
    {
      name: 'fix: self.igw made while the instance is constructed, the NAT gateway by a method called afterwards',
      code:
        header +
        'class Net:\n' +
        '    def __init__(self):\n' +
        '        self._network()\n' +
        '    def _network(self):\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\n' +
        '        self.public = aws.ec2.Subnet("public", vpc_id=self.vpc.id, cidr_block="10.0.1.0/24")\n' +
        '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id)\n' +
        '    def add_nat(self):\n' +
        '        eip = aws.ec2.Eip("nat", domain="vpc")\n' +
        '        aws.ec2.NatGateway("nat", subnet_id=self.public.id, allocation_id=eip.id)\n',
      errors: [{ line: 13, message: /does not depend on internet gateway `self\.igw`/ }],
      output:
        header +
        'class Net:\n' +
        '    def __init__(self):\n' +
        '        self._network()\n' +
        '    def _network(self):\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\n' +
        '        self.public = aws.ec2.Subnet("public", vpc_id=self.vpc.id, cidr_block="10.0.1.0/24")\n' +
        '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id)\n' +
        '    def add_nat(self):\n' +
        '        eip = aws.ec2.Eip("nat", domain="vpc")\n' +
        '        aws.ec2.NatGateway("nat", subnet_id=self.public.id, allocation_id=eip.id, opts=pulumi.ResourceOptions(depends_on=[self.igw]))\n',
    },
    {
      name: 'no fix: the gateway is a local of another function',
      code:
        header +
        'def network():\n' +
        '    vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\n' +
        '    igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)\n' +
        '    return vpc\n' +
        'vpc = network()\n' +
        'public = aws.ec2.Subnet("public", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n' +
        'eip = aws.ec2.Eip("nat", domain="vpc")\n' +
        'nat = aws.ec2.NatGateway("nat", subnet_id=public.id, allocation_id=eip.id)\n',
      errors: [{ line: 11, message: /does not depend on internet gateway `igw`/ }],
      output: null,
    },
    {
      name: 'depends_on names only the Elastic IP',
      code: natProgram(', opts=pulumi.ResourceOptions(depends_on=[eip])'),
      errors: [{ line: 8, message: /does not depend on internet gateway `igw`/ }],
      // No fix: a list the options already have is not rewritten.
      output: null,
    },
    {
      name: 'NAT gateways per zone in a component, Elastic IPs in a list',
      code:
        header +
        'class Net(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Net", name, None, opts)\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id, opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self.public = [aws.ec2.Subnet(f"p{i}", vpc_id=self.vpc.id, cidr_block=f"10.0.{i}.0/24", opts=pulumi.ResourceOptions(parent=self)) for i in range(2)]\n' +
        '        self.eips = [aws.ec2.Eip(f"e{i}", domain="vpc", opts=pulumi.ResourceOptions(parent=self)) for i in range(2)]\n' +
        '        self.nats = []\n' +
        '        for i in range(2):\n' +
        '            self.nats.append(aws.ec2.NatGateway(f"n{i}", subnet_id=self.public[i].id, allocation_id=self.eips[i].id, opts=pulumi.ResourceOptions(parent=self)))\n',
      errors: [{ line: 13, column: 30, message: /does not depend on internet gateway `self\.igw` \(line 8\)/ }],
      output:
        header +
        'class Net(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Net", name, None, opts)\n' +
        '        self.vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id, opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self.public = [aws.ec2.Subnet(f"p{i}", vpc_id=self.vpc.id, cidr_block=f"10.0.{i}.0/24", opts=pulumi.ResourceOptions(parent=self)) for i in range(2)]\n' +
        '        self.eips = [aws.ec2.Eip(f"e{i}", domain="vpc", opts=pulumi.ResourceOptions(parent=self)) for i in range(2)]\n' +
        '        self.nats = []\n' +
        '        for i in range(2):\n' +
        '            self.nats.append(aws.ec2.NatGateway(f"n{i}", subnet_id=self.public[i].id, allocation_id=self.eips[i].id, opts=pulumi.ResourceOptions(parent=self, depends_on=[self.igw])))\n',
    },
    {
      name: 'issue 12: the gateway lives in self.igw, made by another method; NAT gateways per subnet in a helper loop',
      code: ISSUE_12,
      errors: [{ line: 17, column: 16, message: /^This NAT gateway does not depend on internet gateway `self\.igw` \(line 11\): add `depends_on=\[self\.igw\]`/ }],
      // self.igw is assigned by _create_network, which __init__ runs before the helper.
      output: ISSUE_12.replace('eip.id, opts=pulumi.ResourceOptions(parent=self))', 'eip.id, opts=pulumi.ResourceOptions(parent=self, depends_on=[self.igw]))'),
    },
    {
      name: 'hard-coded subnet ID through a module constant, the subnet kept in self by a helper method',
      code:
        header +
        'PUBLIC_SUBNET = "subnet-0123456789abcdef0"\n' +
        'class App(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:App", name, None, opts)\n' +
        '        self._network()\n' +
        '        aws.ec2.Instance("web", ami="ami-0abc", instance_type="t3.micro", subnet_id=PUBLIC_SUBNET, opts=pulumi.ResourceOptions(parent=self))\n' +
        '    def _network(self):\n' +
        '        self.public = aws.ec2.Subnet("public", vpc_id="vpc-0a1b2c3d", cidr_block="10.0.1.0/24", opts=pulumi.ResourceOptions(parent=self))\n',
      errors: [{ line: 4, column: 17, message: /^`subnet_id` hard-codes the subnet ID `subnet-0123456789abcdef0` while `self\.public` \(line 11\) creates that kind of resource here/ }],
    },
    {
      name: 'hard-coded VPC ID next to the VPC object',
      code: header + 'vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\nsubnet = aws.ec2.Subnet("a", vpc_id="vpc-0a1b2c3d4e5f67890", cidr_block="10.0.1.0/24")\n',
      errors: [
        {
          line: 5,
          column: 37,
          endColumn: 60,
          message: /^`vpc_id` hard-codes the VPC ID `vpc-0a1b2c3d4e5f67890` while `vpc` \(line 4\) creates that kind of resource here: reference `vpc\.id`/,
        },
      ],
    },
    {
      name: 'hard-coded security group IDs inside a component',
      code:
        header +
        'class App(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:App", name, None, opts)\n' +
        '        self.web_sg = aws.ec2.SecurityGroup("web", vpc_id=vpc_id, opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self._instances()\n' +
        '    def _instances(self):\n' +
        '        aws.ec2.Instance("web", ami=ami, instance_type="t3.micro", vpc_security_group_ids=["sg-12345678"], opts=pulumi.ResourceOptions(parent=self))\n',
      errors: [{ line: 10, message: /`vpc_security_group_ids` hard-codes the security group ID `sg-12345678` while `self\.web_sg` \(line 7\)/ }],
    },
    {
      name: 'markdown answer: NAT gateway in a block',
      path: 'answer.md',
      code: '# Network\n\n```python\nimport pulumi_aws as aws\n' + natProgram('').split('\n\n')[1] + '```\n',
      errors: [{ line: 9, message: /internet gateway `igw` \(line 7\)/ }],
      // The block does not import `pulumi`: no fix.
      output: null,
    },
    // TypeScript
    {
      path: 'lib/tap-stack.ts',
      code: `${TS_HEADER}const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });\nconst igw = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id });\nconst subnet = new aws.ec2.Subnet("s", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });\nconst eip = new aws.ec2.Eip("e", { domain: "vpc" });\nnew aws.ec2.NatGateway("n", { subnetId: subnet.id, allocationId: eip.id });\n`,
      errors: [{ line: 7, message: /^This NAT gateway does not depend on internet gateway `igw` \(line 4\): add `dependsOn: \[igw\]`/ }],
    },
  ],
});
