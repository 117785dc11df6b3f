import { stackNotComponentResource } from '../../checks/stack-not-component-resource.js';
import { ruleTester } from '../support/rule-tester.js';

const goodComponent = `import pulumi
import pulumi_aws as aws


class TapStack(pulumi.ComponentResource):
    def __init__(self, name, args, opts=None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16",
                               opts=pulumi.ResourceOptions(parent=self))
        self.register_outputs({"vpc_id": self.vpc.id})
`;


const helperPassingParent = `import pulumi
import pulumi_aws as aws
from pulumi import ResourceOptions


class NetworkingStack:
    def __init__(self, config, parent: pulumi.ComponentResource):
        self.parent = parent
        self.vpc = aws.ec2.Vpc("vpc", cidr_block=config.cidr, opts=ResourceOptions(parent=self.parent))
        self.subnet = aws.ec2.Subnet("a", vpc_id=self.vpc.id, cidr_block="10.0.1.0/24", opts=ResourceOptions(parent=self.vpc))
`;

const helperPassingProviderManager = `import pulumi_aws as aws
from pulumi import ResourceOptions


class StorageStack:
    def __init__(self, config, provider_manager):
        self.provider_manager = provider_manager
        for region in config.regions:
            provider = self.provider_manager.get_provider(region)
            aws.s3.Bucket(f"logs-{region}", opts=ResourceOptions(provider=provider))
`;

const helperPassingOptsThroughMethod = `import pulumi_aws as aws
from pulumi import ResourceOptions


class IamStack:
    def __init__(self, config, opts=None):
        self.opts = opts or ResourceOptions()
        self.role = self._role()

    def _child_opts(self):
        return ResourceOptions(parent=self.opts.parent, provider=self.opts.provider)

    def _role(self):
        return aws.iam.Role("role", assume_role_policy="{}", opts=self._child_opts())
`;

const goodTypeScriptStack = [
  'import * as pulumi from "@pulumi/pulumi";',
  'import * as aws from "@pulumi/aws";',
  '',
  'export class TapStack extends pulumi.ComponentResource {',
  '  public readonly vpc: aws.ec2.Vpc;',
  '  constructor(name: string, args: {}, opts?: pulumi.ComponentResourceOptions) {',
  '    super("tap:stack:TapStack", name, args, opts);',
  '    this.vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: "10.0.0.0/16" }, { parent: this });',
  '    this.registerOutputs({ vpcId: this.vpc.id });',
  '  }',
  '}',
  '',
].join('\n');

ruleTester(stackNotComponentResource, {
  valid: [
    goodComponent,
    goodComponent.replace('import pulumi\n', 'from pulumi import ComponentResource, ResourceOptions\nimport pulumi\n').replace('(pulumi.ComponentResource)', '(ComponentResource)'),
    { name: 'class without resources', code: 'class TapStackArgs:\n    def __init__(self, environment_suffix=None):\n        self.environment_suffix = environment_suffix or "dev"\n' },
    { name: 'args classes are not resources', code: 'import pulumi_aws as aws\n\nclass Helper:\n    def args(self):\n        return aws.ec2.VpcArgs(cidr_block="10.0.0.0/16")\n' },
    { name: 'external base class: unknown, stay silent', code: 'import pulumi_aws as aws\nfrom lib.base import BaseStack\n\nclass TapStack(BaseStack):\n    def build(self):\n        aws.s3.Bucket("b")\n' },
    { name: 'opts from a variable are not inspected', code: goodComponent.replace('opts=pulumi.ResourceOptions(parent=self))', 'opts=self.child_opts)') },
    { name: 'subclass of a local component', code: goodComponent + '\n\nclass ProdStack(TapStack):\n    def extra(self):\n        aws.s3.Bucket("b", opts=pulumi.ResourceOptions(parent=self))\n' },
    { name: 'explicit base __init__ call', code: goodComponent.replace('super().__init__("tap:stack:TapStack", name, None, opts)', 'pulumi.ComponentResource.__init__(self, "tap:stack:TapStack", name, None, opts)') },
    { name: 'functions creating resources are fine', code: 'import pulumi_aws as aws\n\ndef make_bucket(name):\n    return aws.s3.Bucket(name)\n' },
    { name: 'a helper that receives its parent and passes it on is not a stack', code: helperPassingParent },
    { name: 'a helper that passes providers from a provider manager it receives', code: helperPassingProviderManager },
    { name: 'a helper that passes its received opts through a method', code: helperPassingOptsThroughMethod },
    { name: 'a provider factory is not a stack', code: 'import pulumi_aws as aws\n\nclass AWSProviderManager:\n    def __init__(self, regions):\n        self.providers = {r: aws.Provider(f"aws-{r}", region=r) for r in regions}\n' },
    { name: 'a data class is not a stack', code: 'from dataclasses import dataclass, field\nimport pulumi_aws as aws\n\n@dataclass\nclass Buckets:\n    logs: aws.s3.Bucket = field(default_factory=lambda: aws.s3.Bucket("logs"))\n' },
    { name: 'an args class is not a stack', code: 'import pulumi_aws as aws\n\nclass TapStackArgs:\n    def __init__(self, tags=None):\n        self.key = aws.kms.Key("default-key")\n' },
    { name: 'a mixin creating children of self is not a stack', code: 'import pulumi\nimport pulumi_aws as aws\n\nclass LoggingMixin:\n    def _log_group(self, name):\n        return aws.cloudwatch.LogGroup(name, opts=pulumi.ResourceOptions(parent=self))\n' },
    { name: 'a test double in a test file is not a stack', path: 'tests/unit/test_stack.py', code: 'import pulumi\nimport pulumi_aws as aws\n\nclass MockComponentResource(pulumi.ComponentResource):\n    def __init__(self, *args, **kwargs):\n        self.bucket = aws.s3.Bucket("b")\n' },
    { name: 'a provider built inside a component needs no parent', code: goodComponent.replace('        self.register_outputs', '        self.east = aws.Provider("east", region="us-east-1")\n        self.register_outputs') },
    { name: 'unittest classes are not stacks', code: 'import unittest\nimport pulumi_aws as aws\n\nclass TestX(unittest.TestCase):\n    def test_b(self):\n        aws.s3.Bucket("b")\n' },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: goodTypeScriptStack },
    { name: 'a helper given opts passes them on', path: 'lib/network.ts', code: 'import * as aws from "@pulumi/aws";\nimport * as pulumi from "@pulumi/pulumi";\n\nexport class Network {\n  constructor(name: string, opts: pulumi.CustomResourceOptions) {\n    new aws.ec2.Vpc(name, { cidrBlock: "10.0.0.0/16" }, opts);\n  }\n}\n' },
    { name: 'options spread from the caller may carry the parent', path: 'lib/tap-stack.ts', code: goodTypeScriptStack.replace('{ parent: this }', '{ ...childOpts }') },
    { name: 'a class creating no resource', path: 'lib/config.ts', code: 'export class Settings {\n  constructor(readonly region: string) {}\n}\n' },
    { name: 'test doubles', path: 'test/tap-stack.unit.test.ts', code: 'import * as aws from "@pulumi/aws";\nclass MockStack {\n  b = new aws.s3.Bucket("b");\n}\n' },
  ],
  invalid: [
    {
      name: 'seed: class TapStack: (basic class)',
      code: 'import pulumi_aws as aws\n\n\nclass TapStack:\n    def __init__(self, name):\n        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")\n',
      errors: [{ line: 4, column: 7, endColumn: 15, message: 'The stack class `TapStack` is a plain class: it creates `aws.ec2.Vpc` (line 6) but does not subclass `pulumi.ComponentResource`, so nothing groups its resources or passes them a parent and provider.' }],
      // No `import pulumi`: adding one is left to the author.
      output: null,
    },
    {
      name: 'fix: class TapStack: gets the base, opts and the super().__init__ call',
      code: 'import pulumi\nimport pulumi_aws as aws\n\n\nclass TapStack:\n    def __init__(self, name):\n        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")\n',
      errors: [{ line: 5, message: /does not subclass|neither a `pulumi.ComponentResource`/ }],
      output:
        'import pulumi\nimport pulumi_aws as aws\n\n\nclass TapStack(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n' +
        '        super().__init__("pkg:index:TapStack", name, None, opts)\n        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")\n',
    },
    {
      name: 'fix: object base, docstrings, parameters one per line, existing opts',
      code:
        'import pulumi as p\nimport pulumi_aws as aws\n\n\nclass TapStack(object):\n    """The stack."""\n\n    def __init__(\n        self,\n        name: str,\n        opts: p.ResourceOptions | None = None,\n    ):\n        """Builds it."""\n        self.bucket = aws.s3.Bucket(f"{name}-logs")\n',
      errors: [{ line: 5, message: /does not subclass|neither a `pulumi.ComponentResource`/ }],
      output:
        'import pulumi as p\nimport pulumi_aws as aws\n\n\nclass TapStack(p.ComponentResource):\n    """The stack."""\n\n    def __init__(\n        self,\n        name: str,\n        opts: p.ResourceOptions | None = None,\n    ):\n        """Builds it."""\n' +
        '        super().__init__("pkg:index:TapStack", name, None, opts)\n        self.bucket = aws.s3.Bucket(f"{name}-logs")\n',
    },
    {
      name: 'fix: from pulumi import ComponentResource, empty parentheses',
      code: 'from pulumi import ComponentResource\nimport pulumi_aws as aws\n\nclass Net():\n    def __init__(self, name, cidr):\n        aws.ec2.Vpc(name, cidr_block=cidr)\n',
      errors: [{ line: 4, severity: 'warning', message: /neither a `pulumi.ComponentResource`/ }],
      output:
        'from pulumi import ComponentResource\nimport pulumi_aws as aws\n\nclass Net(ComponentResource):\n    def __init__(self, name, cidr, opts=None):\n' +
        '        super().__init__("pkg:index:Net", name, None, opts)\n        aws.ec2.Vpc(name, cidr_block=cidr)\n',
    },
    {
      name: 'no fix: __init__ takes no name, the component name would be a guess',
      code: 'import pulumi\nimport pulumi_aws as aws\n\nclass Storage:\n    def __init__(self, prefix):\n        aws.s3.Bucket(f"{prefix}-logs")\n',
      errors: [{ line: 4, severity: 'warning', message: /neither a `pulumi.ComponentResource`/ }],
      output: null,
    },
    {
      name: 'no fix: resources created outside __init__',
      code: 'import pulumi\nimport pulumi_aws as aws\n\nclass Storage:\n    def build(self, name):\n        aws.s3.Bucket(name)\n',
      errors: [{ line: 4, severity: 'warning', message: /neither a `pulumi.ComponentResource`/ }],
      output: null,
    },
    {
      name: 'from-import form',
      code: 'from pulumi_aws import ec2\n\nclass Network(object):\n    def build(self):\n        ec2.Vpc("v", cidr_block="10.0.0.0/16")\n',
      errors: [{ line: 3, severity: 'warning', message: 'Class `Network` creates `aws.ec2.Vpc` (line 5) but is neither a `pulumi.ComponentResource` nor given a `parent`/`provider` (or `opts`) by its caller to pass on: its resources sit outside the stack\'s component with the default provider.' }],
    },
    {
      name: 'direct class import form',
      code: 'from pulumi_aws.s3 import Bucket\n\nclass Storage:\n    def __init__(self):\n        self.bucket = Bucket("logs")\n',
      errors: [{ line: 3, severity: 'warning', message: /creates `aws.s3.Bucket` \(line 5\)/ }],
    },
    {
      name: 'never calls super().__init__',
      code: goodComponent.replace('        super().__init__("tap:stack:TapStack", name, None, opts)\n', ''),
      errors: [{ line: 6, column: 9, message: /never calls `super\(\).__init__/ }],
    },
    {
      name: 'super().__init__ without type and name',
      code: goodComponent.replace('super().__init__("tap:stack:TapStack", name, None, opts)', 'super().__init__()'),
      errors: [{ line: 7, message: /without a type token and name/ }],
    },
    {
      name: 'super().__init__ without opts',
      code: goodComponent.replace('super().__init__("tap:stack:TapStack", name, None, opts)', 'super().__init__("tap:stack:TapStack", name)'),
      errors: [{ line: 7, severity: 'warning', message: /does not pass `opts`/ }],
    },
    {
      name: 'child without parent=self',
      code: goodComponent.replace('opts=pulumi.ResourceOptions(parent=self))', 'opts=pulumi.ResourceOptions(protect=True))'),
      errors: [{ line: 8, column: 20, severity: 'warning', message: /without `parent=self`/ }],
    },
    {
      name: 'child with no opts at all',
      code: goodComponent.replace(',\n                               opts=pulumi.ResourceOptions(parent=self))', ')'),
      errors: [{ line: 8, severity: 'warning', message: /without `parent=self`/ }],
    },
    {
      name: 'the stack class is judged as the stack even when it passes its opts on (seed)',
      code: 'import pulumi_aws as aws\n\nclass TapStack:\n    def __init__(self, name, opts=None):\n        self.opts = opts\n        self.vpc = aws.ec2.Vpc("vpc", opts=self.opts)\n        self.igw = aws.ec2.InternetGateway("igw", opts=self.opts)\n        self.eip = aws.ec2.Eip("eip", opts=self.opts)\n        self.nat = aws.ec2.NatGateway("nat", opts=self.opts)\n',
      errors: [{ line: 3, message: /creates `aws.ec2.Vpc` \(line 6\), `aws.ec2.InternetGateway` \(line 7\), `aws.ec2.Eip` \(line 8\) and 1 more/ }],
    },
    {
      name: 'a plain class instantiated at module level is the stack, also when it only creates components',
      code: 'import pulumi\nimport pulumi_aws as aws\n\nclass Env(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n        super().__init__("x:y:Env", name, None, opts)\n        self.register_outputs({})\n\nclass Deployment:\n    def __init__(self):\n        self.env = Env("env")\n\ndeployment = Deployment()\n',
      errors: [{ line: 9, message: /The stack class `Deployment` is a plain class: it creates `Env` \(line 11\)/ }],
    },
    {
      name: 'a stack class in a file cut off mid-statement is still judged',
      code: 'import pulumi_aws as aws\n\nclass TapStack:\n    def __init__(self, name):\n        self.vpc = aws.ec2.Vpc("vpc")\n        self.bucket = aws.s3.Bucket(\n            "b",\n            tags={"a": [1,\n',
      errors: [{ line: 3, message: /The stack class `TapStack` is a plain class: it creates `aws.ec2.Vpc` \(line 5\)/ }],
    },
    {
      name: 'a helper that receives opts but never passes them on',
      code: 'import pulumi_aws as aws\n\nclass Storage:\n    def __init__(self, name, opts=None):\n        self.opts = opts\n        self.bucket = aws.s3.Bucket(name)\n',
      errors: [{ line: 3, severity: 'warning', message: /neither a `pulumi.ComponentResource` nor given/ }],
    },
    {
      name: 'one warning per component for all its children without a parent',
      code: goodComponent.replace(',\n                               opts=pulumi.ResourceOptions(parent=self))', ')\n        self.igw = aws.ec2.InternetGateway("igw", vpc_id=self.vpc.id)\n        self.rt = aws.ec2.RouteTable("rt", vpc_id=self.vpc.id, opts=pulumi.ResourceOptions(parent=self.vpc))'),
      errors: [{ line: 8, severity: 'warning', message: 'Component `TapStack` creates 2 resources without `parent=self` (`aws.ec2.Vpc` (line 8), `aws.ec2.InternetGateway` (line 9)): they are not grouped under the component and do not inherit its options (provider, protect).' }],
    },
    {
      name: 'no register_outputs',
      code: goodComponent.replace('        self.register_outputs({"vpc_id": self.vpc.id})\n', ''),
      errors: [{ line: 5, severity: 'notice', message: /register_outputs/ }],
    },
    // TypeScript
    {
      name: 'TypeScript: class TapStack without extends',
      path: 'lib/tap-stack.ts',
      code: 'import * as aws from "@pulumi/aws";\n\nexport class TapStack {\n  constructor(name: string) {\n    new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: "10.0.0.0/16" });\n  }\n}\n',
      errors: [{ line: 3, column: 14, message: 'The stack class `TapStack` is a plain class: it creates `aws.ec2.Vpc` (line 5) but does not extend `pulumi.ComponentResource`, so nothing groups its resources or passes them a parent and provider.' }],
    },
    {
      name: 'TypeScript: a helper class given nothing by its caller',
      path: 'lib/storage.ts',
      code: 'import { s3 } from "@pulumi/aws";\n\nexport class Storage {\n  bucket = new s3.Bucket("logs");\n}\n',
      errors: [{ line: 3, severity: 'warning', message: /^Class `Storage` creates `aws.s3.Bucket` \(line 4\) but is neither/ }],
    },
    {
      name: 'TypeScript: super without opts, no registerOutputs, a child without parent',
      path: 'lib/tap-stack.ts',
      code: goodTypeScriptStack.replace('super("tap:stack:TapStack", name, args, opts);', 'super("tap:stack:TapStack", name);').replace(', { parent: this }', '').replace('    this.registerOutputs({ vpcId: this.vpc.id });\n', ''),
      errors: [
        { line: 4, severity: 'notice', message: 'Component `TapStack` never calls `this.registerOutputs(...)`: Pulumi cannot tell when it has finished creating children.' },
        { line: 7, severity: 'warning', message: /does not pass `opts` to `super`/ },
        { line: 8, severity: 'warning', message: 'Component `TapStack` creates `aws.ec2.Vpc` (line 8) without `parent: this`: it is not grouped under the component and does not inherit its options (provider, protect).' },
      ],
    },
    {
      name: 'TypeScript: ComponentResource imported by name, super without a name',
      path: 'lib/tap-stack.ts',
      code: 'import { ComponentResource } from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\nexport class TapStack extends ComponentResource {\n  constructor(name: string) {\n    super("tap:stack:TapStack");\n    new aws.s3.Bucket("b", {}, { parent: this });\n    this.registerOutputs({});\n  }\n}\n',
      errors: [{ line: 5, message: /calls `super` without a type token and name/ }],
    },
    {
      name: 'TypeScript: a stack class in a Markdown answer',
      path: 'lib/MODEL_RESPONSE.md',
      code: '```typescript\nimport * as aws from "@pulumi/aws";\nexport class TapStack {\n  vpc = new aws.ec2.Vpc("v");\n}\n```\n',
      errors: [{ line: 3, message: /^The stack class `TapStack` is a plain class/ }],
    },
  ],
});
