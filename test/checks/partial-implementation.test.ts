import { partialImplementation } from '../../checks/partial-implementation.js';
import { ruleTester } from '../support/rule-tester.js';

const network = `"""Networking."""
import pulumi
import pulumi_aws as aws


class TapStack(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))
        self._create_subnets()
        self.register_outputs({})

    def _create_subnets(self):
        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id)
        self.eip = aws.ec2.Eip("nat-eip", domain="vpc")
        self.public = aws.ec2.Subnet("public", vpc_id=self.vpc.id, cidr_block="10.0.1.0/24")
        self.nat = aws.ec2.NatGateway("nat", subnet_id=self.public.id, allocation_id=self.eip.id)
        self.rt = aws.ec2.RouteTable("public-rt", vpc_id=self.vpc.id)
        aws.ec2.RouteTableAssociation("public-rta", subnet_id=self.public.id, route_table_id=self.rt.id)
`;

ruleTester(partialImplementation, {
  valid: [
    { name: 'a cleanup placeholder in a test that deploys nothing', path: 'tests/integration/test_tap_stack.py', code: 'import unittest\n\n\nclass TestStack(unittest.TestCase):\n    def tearDown(self):\n        # Cleanup logic would go here in real implementation\n        pass\n\n    def test_outputs(self):\n        self.assertTrue(True)\n' },
    { name: 'TypeScript: a teardown placeholder in a test', path: 'test/tap-stack.int.test.ts', code: 'afterAll(() => {\n  // teardown would go here\n});\nit("works", () => expect(1).toBe(1));\n' },
    network,
    // TypeScript
    {
      name: 'TypeScript: a finished stack with a NAT gateway and its Elastic IP',
      path: 'lib/tap-stack.ts',
      code: "import * as aws from '@pulumi/aws';\n\nconst eip = new aws.ec2.Eip('nat-eip', { domain: 'vpc' });\nconst nat = new aws.ec2.NatGateway('nat', { subnetId: 'subnet-1', allocationId: eip.id });\nconst privateNat = new aws.ec2.NatGateway('p', { subnetId: 'subnet-2', connectivityType: 'private' });\n",
    },
    {
      name: 'TypeScript: an empty no-op, an abstract base method and a not-implemented in a base class',
      path: 'lib/tap-stack.ts',
      code: "abstract class Shape {\n  abstract area(): number;\n}\nclass BaseHandler {\n  handle(): void {\n    throw new Error('Not implemented');\n  }\n}\nconst noop = () => {};\nfunction onShutdown(): void {\n  // nothing to do\n}\n",
    },
    {
      name: 'TypeScript: test doubles are empty on purpose',
      path: 'test/tap-stack.unit.test.ts',
      code: "class MockComponentResource {\n  constructor() {\n    // Mock implementation\n  }\n}\n",
    },
    {
      name: 'TypeScript: a mock in the stack module, said to be one',
      path: 'lib/index.ts',
      code: "export class TapStack {\n  constructor() {\n    // Mock implementation for test compatibility\n  }\n}\n",
    },
    {
      name: 'TypeScript: an elision in an excerpt shown between prose',
      path: 'lib/IDEAL_RESPONSE.md',
      code: "The bucket keeps versions:\n\n```typescript\nconst bucket = new aws.s3.Bucket('b', {\n  versioning: { enabled: true },\n  // ... other config\n});\n```\n",
    },
    {
      name: 'TypeScript: ordinary comments and an error that is not about implementation',
      path: 'lib/tap-stack.ts',
      code: "// Creates the VPC and the rest of the network.\nfunction check(x: number): void {\n  throw new Error('x must be positive');\n}\n",
    },
    {
      name: 'Protocol, abstract method, overload and TYPE_CHECKING stubs',
      code: 'import abc\nfrom typing import Protocol, overload, TYPE_CHECKING\n\nclass Named(Protocol):\n    def name(self) -> str: ...\n\nclass Builder(abc.ABC):\n    @abc.abstractmethod\n    def build(self):\n        raise NotImplementedError\n\n@overload\ndef f(x: int) -> int: ...\n@overload\ndef f(x: str) -> str: ...\ndef f(x):\n    return x\n\nif TYPE_CHECKING:\n    def g() -> None: ...\n',
    },
    { name: 'type stub file', code: 'class TapStack:\n    def __init__(self, name: str) -> None: ...\n', path: 'lib/tap_stack.pyi' },
    {
      name: 'pass in except clauses and empty exception classes',
      code: 'class ConfigError(Exception):\n    pass  # TODO: add fields\n\nclass StackError(Exception): ...\n\ntry:\n    import boto3\nexcept ImportError:\n    pass  # TODO log this\n',
    },
    {
      name: 'NotImplementedError in an overridden base method and in an unsupported branch',
      code: 'class Base:\n    def create(self):\n        raise NotImplementedError\n\nclass Real(Base):\n    def create(self):\n        return 1\n\ndef engine_port(engine):\n    if engine == "mysql":\n        return 3306\n    raise NotImplementedError(f"unsupported engine {engine}")\n',
    },
    { name: 'bare pass without a TODO is a deliberate no-op', code: 'class Hooks:\n    def on_shutdown(self):\n        pass\n\ndef noop():\n    pass  # intentionally empty\n' },
    {
      name: 'ordinary comments that mention more, rest, omitted',
      code: '# Create additional subnets for each AZ\n# Add more tags here if needed\n# Password omitted: read from config\n# The rest of the configuration is the same for all environments\nx = 1  # Add other rules as needed\n',
    },
    { name: 'VPC whose subnets live in another (unreviewed) module', code: 'import pulumi_aws as aws\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n', project: { 'lib/subnets.py': 'import pulumi_aws as aws\n\ndef make(vpc):\n    return aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n' } },
    {
      name: 'VPC in a module that imports an unchanged, unreadable project module',
      code: 'import pulumi_aws as aws\nfrom .network import NETWORK_TAGS\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", tags=NETWORK_TAGS)\n',
      project: { 'lib/network.py': undefined as unknown as string },
    },
    { name: 'VPC handed to a helper this rule cannot see', code: 'import pulumi_aws as aws\nfrom lib.network import add_subnets\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\nadd_subnets(vpc)\n' },
    { name: 'isolated subnets with no routing at all use the main table on purpose', code: 'import pulumi_aws as aws\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\ndb_a = aws.ec2.Subnet("db-a", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n' },
    { name: 'routes on the default route table', code: 'import pulumi_aws as aws\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\nigw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)\naws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\naws.ec2.Route("r", route_table_id=vpc.default_route_table_id, destination_cidr_block="0.0.0.0/0", gateway_id=igw.id)\n' },
    { name: 'private NAT gateway', code: 'import pulumi_aws as aws\n\naws.ec2.NatGateway("nat", subnet_id="subnet-1", connectivity_type="private")\n' },
    { name: '_create_ helpers called through a loop or getattr', code: 'class S:\n    def __init__(self):\n        for step in (self._create_vpc,):\n            step()\n        getattr(self, "_create_logs")()\n\n    def _create_vpc(self):\n        return 1\n\n    def _create_logs(self):\n        return 2\n' },
    { name: 'test files are not checked for gaps', code: 'import pulumi_aws as aws\n\ndef test_vpc():\n    vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n    assert vpc\n', path: 'tests/unit/test_vpc.py' },
  ],
  invalid: [
    {
      name: 'seed: pass # TODO body',
      code: 'class TapStack:\n    def _create_subnets(self):\n        pass  # TODO\n\n    def __init__(self):\n        self._create_subnets()\n',
      errors: [{ line: 3, column: 9, endColumn: 13, message: /`TapStack\._create_subnets` is a placeholder: its body is `pass` \(`# TODO`\)/ }],
    },
    {
      code: 'import pulumi_aws as aws\n\ndef create_database(vpc):\n    """Creates the RDS instance."""\n    ...\n',
      errors: [{ line: 5, column: 5, message: /`create_database` is a placeholder: its body is `\.\.\.`/ }],
    },
    {
      code: 'class TapStack:\n    def __init__(self):\n        self.create_monitoring()\n\n    def create_monitoring(self):\n        raise NotImplementedError("monitoring")\n',
      errors: [{ line: 6, message: /`TapStack\.create_monitoring` is a placeholder: its body only raises `NotImplementedError`/ }],
    },
    {
      name: 'the issue\'s placeholder comments',
      code: 'import pulumi_aws as aws\n\nclass TapStack:\n    def __init__(self):\n        self.vpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\n        # ... rest of implementation\n\n# [Complete implementation with all methods...]\n# Add more resources here\n',
      errors: [
        { line: 5, severity: 'warning', message: /VPC `v` is created but no subnet is/ },
        { line: 6, column: 9, message: /Placeholder comment `# \.\.\. rest of implementation`/ },
        { line: 8, message: /`# \[Complete implementation with all methods\.\.\.\]`/ },
        { line: 9, message: /`# Add more resources here`/ },
      ],
    },
    {
      name: 'pass with a TODO in an if block',
      code: 'import pulumi\n\nconfig = pulumi.Config()\nif config.get_bool("enable_nat"):\n    # TODO: add the NAT gateway\n    pass\n',
      errors: [{ line: 6, message: /The body of this `if` block is a placeholder \(`# TODO: add the NAT gateway`\)/ }],
    },
    {
      name: 'placeholder comment inside a stub is reported once',
      code: 'def create_lambda():\n    # Implementation goes here\n    pass\n',
      errors: [{ line: 2, message: /Placeholder comment `# Implementation goes here`/ }],
    },
    {
      name: 'seed: VPC without subnets',
      code: 'import pulumi\nimport pulumi_aws as aws\n\nvpc = aws.ec2.Vpc("main-vpc", cidr_block="10.0.0.0/16")\npulumi.export("vpc_id", vpc.id)\n',
      errors: [{ line: 4, column: 7, endColumn: 18, severity: 'warning', message: /VPC `main-vpc` is created but no subnet is/ }],
    },
    {
      name: 'subnets and a route table that are never associated',
      code: 'import pulumi_aws as aws\n\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\nigw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)\nrt = aws.ec2.RouteTable("public", vpc_id=vpc.id, routes=[{"cidr_block": "0.0.0.0/0", "gateway_id": igw.id}])\nsubnets = [aws.ec2.Subnet(f"public-{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i}.0/24") for i in range(2)]\nprivate = aws.ec2.Subnet("private", vpc_id=vpc.id, cidr_block="10.0.10.0/24")\n',
      errors: [{ line: 6, severity: 'warning', message: /These 2 subnets are never associated with a route table/ }],
    },
    {
      name: 'NAT gateway without an Elastic IP',
      code: 'from pulumi_aws import ec2\n\nnat = ec2.NatGateway("nat", subnet_id="subnet-123")\n',
      errors: [{ line: 3, column: 7, severity: 'warning', message: /NAT gateway `nat` has no `allocation_id`/ }],
    },
    {
      name: '_create_* method never called',
      code: 'import pulumi\nimport pulumi_aws as aws\n\nclass TapStack(pulumi.ComponentResource):\n    def __init__(self, name):\n        super().__init__("tap:stack:TapStack", name)\n        self._create_vpc()\n\n    def _create_vpc(self):\n        self.vpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\n        aws.ec2.Subnet("s", vpc_id=self.vpc.id, cidr_block="10.0.1.0/24")\n\n    def _create_monitoring(self):\n        aws.cloudwatch.LogGroup("logs")\n',
      errors: [{ line: 13, column: 9, severity: 'warning', message: /`TapStack\._create_monitoring` is never called/ }],
    },
    {
      name: 'markdown answer ending with a placeholder',
      code: '# Solution\n\n```python\nimport pulumi\n\nclass TapStack(pulumi.ComponentResource):\n    def __init__(self, name):\n        super().__init__("t", name)\n    # ... (other methods omitted for brevity)\n```\n',
      path: 'answer.md',
      errors: [{ line: 9, path: 'answer.md', message: /Placeholder comment `# \.\.\. \(other methods omitted for brevity\)`/ }],
    },
    {
      name: 'elision with a parenthetical',
      code: 'class TapStack:\n    def __init__(self):\n        self.x = 1\n\n    # ... (Include all other existing methods from the original script)\n',
      errors: [{ line: 5, column: 5, message: /Placeholder comment `# \.\.\. \(Include all other existing methods/ }],
    },
    {
      name: 'placeholder class body',
      code: 'class MonitoringStack:\n    pass  # TODO: implement monitoring\n',
      errors: [{ line: 2, message: /The body of class `MonitoringStack` is a placeholder/ }],
    },
    {
      name: 'TypeScript: NAT gateway without an Elastic IP',
      path: 'lib/tap-stack.ts',
      code: "import * as aws from '@pulumi/aws';\n\nconst nat = new aws.ec2.NatGateway('nat', { subnetId: 'subnet-123' });\n",
      errors: [{ line: 3, column: 17, severity: 'warning', message: /NAT gateway `nat` has no `allocationId`.*connectivityType: 'private'/ }],
    },
    {
      name: 'TypeScript: placeholder comments and stub methods',
      path: 'lib/tap-stack.ts',
      code: "import * as pulumi from '@pulumi/pulumi';\n\nexport class TapStack extends pulumi.ComponentResource {\n  constructor(name: string) {\n    super('tap:stack:TapStack', name);\n    // ... rest of the implementation\n  }\n\n  private createMonitoring(): void {\n    // TODO: add CloudWatch alarms\n  }\n\n  private createDatabase(): void {\n    throw new Error('Not implemented yet');\n  }\n}\n",
      errors: [
        { line: 6, column: 5, message: /Placeholder comment `\/\/ \.\.\. rest of the implementation`/ },
        { line: 10, message: /`TapStack\.createMonitoring` is a placeholder: its body is empty but for `\/\/ TODO: add CloudWatch alarms`/ },
        { line: 14, message: /`TapStack\.createDatabase` is a placeholder: it only throws/ },
      ],
    },
    {
      name: 'TypeScript: a Markdown answer whose block ends with an elision',
      path: 'lib/MODEL_RESPONSE.md',
      code: "```typescript\nimport * as aws from '@pulumi/aws';\n\nconst vpc = new aws.ec2.Vpc('main', { cidrBlock: '10.0.0.0/16' });\n/* ... other resources omitted for brevity ... */\n```\n",
      errors: [{ line: 5, message: /Placeholder comment/ }],
    },
  ],
});
