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
    { name: 'unittest classes are not stacks', code: 'import unittest\nimport pulumi_aws as aws\n\nclass TestX(unittest.TestCase):\n    def test_b(self):\n        aws.s3.Bucket("b")\n' },
  ],
  invalid: [
    {
      name: 'seed: class TapStack: (basic class)',
      code: 'import pulumi_aws as aws\n\n\nclass TapStack:\n    def __init__(self, name):\n        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")\n',
      errors: [{ line: 4, column: 7, endColumn: 15, message: /does not subclass `pulumi.ComponentResource`/ }],
      // No `import pulumi`: adding one is left to the author.
      output: null,
    },
    {
      name: 'fix: class TapStack: gets the base, opts and the super().__init__ call',
      code: 'import pulumi\nimport pulumi_aws as aws\n\n\nclass TapStack:\n    def __init__(self, name):\n        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")\n',
      errors: [{ line: 5, message: /does not subclass/ }],
      output:
        'import pulumi\nimport pulumi_aws as aws\n\n\nclass TapStack(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n' +
        '        super().__init__("pkg:index:TapStack", name, None, opts)\n        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidr_block="10.0.0.0/16")\n',
    },
    {
      name: 'fix: object base, docstrings, parameters one per line, existing opts',
      code:
        'import pulumi as p\nimport pulumi_aws as aws\n\n\nclass TapStack(object):\n    """The stack."""\n\n    def __init__(\n        self,\n        name: str,\n        opts: p.ResourceOptions | None = None,\n    ):\n        """Builds it."""\n        self.bucket = aws.s3.Bucket(f"{name}-logs")\n',
      errors: [{ line: 5, message: /does not subclass/ }],
      output:
        'import pulumi as p\nimport pulumi_aws as aws\n\n\nclass TapStack(p.ComponentResource):\n    """The stack."""\n\n    def __init__(\n        self,\n        name: str,\n        opts: p.ResourceOptions | None = None,\n    ):\n        """Builds it."""\n' +
        '        super().__init__("pkg:index:TapStack", name, None, opts)\n        self.bucket = aws.s3.Bucket(f"{name}-logs")\n',
    },
    {
      name: 'fix: from pulumi import ComponentResource, empty parentheses',
      code: 'from pulumi import ComponentResource\nimport pulumi_aws as aws\n\nclass Net():\n    def __init__(self, name, cidr):\n        aws.ec2.Vpc(name, cidr_block=cidr)\n',
      errors: [{ line: 4, message: /does not subclass/ }],
      output:
        'from pulumi import ComponentResource\nimport pulumi_aws as aws\n\nclass Net(ComponentResource):\n    def __init__(self, name, cidr, opts=None):\n' +
        '        super().__init__("pkg:index:Net", name, None, opts)\n        aws.ec2.Vpc(name, cidr_block=cidr)\n',
    },
    {
      name: 'no fix: __init__ takes no name, the component name would be a guess',
      code: 'import pulumi\nimport pulumi_aws as aws\n\nclass Storage:\n    def __init__(self, prefix):\n        aws.s3.Bucket(f"{prefix}-logs")\n',
      errors: [{ line: 4, message: /does not subclass/ }],
      output: null,
    },
    {
      name: 'no fix: resources created outside __init__',
      code: 'import pulumi\nimport pulumi_aws as aws\n\nclass Storage:\n    def build(self, name):\n        aws.s3.Bucket(name)\n',
      errors: [{ line: 4, message: /does not subclass/ }],
      output: null,
    },
    {
      name: 'from-import form',
      code: 'from pulumi_aws import ec2\n\nclass Network(object):\n    def build(self):\n        ec2.Vpc("v", cidr_block="10.0.0.0/16")\n',
      errors: [{ line: 3, message: /Network/ }],
    },
    {
      name: 'direct class import form',
      code: 'from pulumi_aws.s3 import Bucket\n\nclass Storage:\n    def __init__(self):\n        self.bucket = Bucket("logs")\n',
      errors: [{ line: 3, message: /aws.s3.Bucket|pulumi_aws.s3.Bucket/ }],
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
      name: 'no register_outputs',
      code: goodComponent.replace('        self.register_outputs({"vpc_id": self.vpc.id})\n', ''),
      errors: [{ line: 5, severity: 'notice', message: /register_outputs/ }],
    },
  ],
});
