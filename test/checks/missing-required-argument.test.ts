import { missingRequiredArgument } from '../../checks/missing-required-argument.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import pulumi\nimport pulumi_aws as aws\n\n';
const vpc = 'vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\n';
const ts = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\n';

ruleTester(missingRequiredArgument, {
  valid: [
    header + vpc + 'aws.ec2.Subnet("s", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\n',
    // Arguments through a dict, an Args object (positional and `args=`), a helper's parameter.
    header + vpc + 'params = {"vpc_id": vpc.id, "cidr_block": "10.0.1.0/24"}\naws.ec2.Subnet("s", **params)\n',
    header + vpc + 'aws.ec2.Subnet("s", aws.ec2.SubnetArgs(vpc_id=vpc.id, cidr_block="10.0.1.0/24"))\n',
    header + vpc + 'aws.ec2.Subnet("s", args=aws.ec2.SubnetArgs(vpc_id=vpc.id))\n',
    header + vpc + 'def subnet(name, vpc_id):\n    return aws.ec2.Subnet(name, vpc_id=vpc_id, cidr_block="10.0.1.0/24")\nsubnet("a", vpc.id)\n',
    // More may arrive through **kwargs or an Args object the model cannot see.
    header + 'def subnet(name, **kwargs):\n    return aws.ec2.Subnet(name, **kwargs)\n',
    header + 'def subnet(name, args):\n    return aws.ec2.Subnet(name, args)\n',
    // A component whose caller is not visible: its parameter is unknown, but the argument is given.
    header +
      'class Net(pulumi.ComponentResource):\n' +
      '    def __init__(self, name, vpc_id, opts=None):\n' +
      '        super().__init__("x:y:Net", name, None, opts)\n' +
      '        self.subnet = aws.ec2.Subnet("s", vpc_id=vpc_id, opts=pulumi.ResourceOptions(parent=self))\n',
    header + 'aws.lambda_.Function("f", role="arn:aws:iam::123456789012:role/r", runtime="python3.12", handler="index.handler", code=pulumi.FileArchive("./app"))\n',
    header + 'aws.ssm.get_parameter(name="/app/db/password", with_decryption=True)\n',
    header + 'aws.get_caller_identity()\n',
    // A method nobody visible calls sees a field as last set (`None` until a guard fills it): not judged on that None.
    header +
      'class Db:\n' +
      '    def __init__(self):\n' +
      '        self.subnet_ids = None\n' +
      '    def subnet_group(self):\n' +
      '        return aws.rds.SubnetGroup("g", subnet_ids=self.subnet_ids)\n',
    // Not AWS: not judged.
    'import pulumi_random as random\n\nrandom.RandomPassword("p")\n',
    { path: 'README.md', code: '# Answer\n\n```python\nimport pulumi_aws as aws\nvpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\naws.ec2.Subnet("s", vpc_id=vpc.id)\n```\n' },
    // A guard whose operands include one that is None (`enabled and zone_id`) is false: its body does not run.
    header +
      'class Dns(pulumi.ComponentResource):\n' +
      '    def __init__(self, name, zone_id=None, opts=None):\n' +
      '        super().__init__("x:y:Dns", name, None, opts)\n' +
      '        self.enabled = pulumi.Config().get_bool("dns")\n' +
      '        self.zone_id = zone_id\n' +
      '        if self.enabled and self.zone_id:\n' +
      '            self._records()\n' +
      '    def _records(self):\n' +
      '        aws.route53.Record("www", zone_id=self.zone_id, name="www", type="A", ttl=60, records=["10.0.0.1"], opts=pulumi.ResourceOptions(parent=self))\n' +
      'Dns("dns")\n',
    // TypeScript: inputs written camelCase, through an object variable, a spread or a component's props.
    { path: 'index.ts', code: ts + 'const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });\nnew aws.ec2.Subnet("s", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });\n' },
    { path: 'index.ts', code: ts + 'const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });\nconst args = { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" };\nnew aws.ec2.Subnet("s", args);\n' },
    { path: 'index.ts', code: ts + 'export function subnet(name: string, common: aws.ec2.SubnetArgs) {\n  return new aws.ec2.Subnet(name, { ...common, cidrBlock: "10.0.1.0/24" });\n}\n' },
    {
      path: 'lib/network.ts',
      code:
        ts +
        'export interface NetworkProps { vpcId: pulumi.Input<string> }\n' +
        'export class Network extends pulumi.ComponentResource {\n' +
        '  constructor(name: string, props: NetworkProps, opts?: pulumi.ComponentResourceOptions) {\n' +
        '    super("x:y:Network", name, {}, opts);\n' +
        '    new aws.ec2.Subnet("s", { vpcId: props.vpcId, cidrBlock: "10.0.1.0/24" }, { parent: this });\n' +
        '  }\n' +
        '}\n',
    },
    { path: 'index.ts', code: ts + 'const password = aws.ssm.getParameterOutput({ name: "/app/db", withDecryption: true });\n' },
  ],
  invalid: [
    { code: header + 'aws.ec2.Subnet("s", cidr_block="10.0.1.0/24")\n', errors: [{ line: 4, column: 1, endColumn: 15, message: /`aws\.ec2\.Subnet` is called without `vpc_id`, which pulumi-aws 7\.\d+\.\d+ requires/ }] },
    // Through a variable holding the keyword arguments.
    { code: header + 'params = {"cidr_block": "10.0.1.0/24"}\naws.ec2.Subnet("s", **params)\n', errors: [{ line: 5, message: /without `vpc_id`/ }] },
    // Given as None through a helper's default.
    {
      code: header + 'def subnet(name, vpc_id=None):\n    return aws.ec2.Subnet(name, vpc_id=vpc_id, cidr_block="10.0.1.0/24")\nsubnet("a")\n',
      errors: [{ line: 5, message: /without `vpc_id`/ }],
    },
    // In a helper method on self attributes, in a loop: one finding for the code that runs three times.
    {
      code:
        header +
        'class Stack(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Stack", name, None, opts)\n' +
        '        self.alarms = []\n' +
        '        self._alarms()\n' +
        '    def _alarms(self):\n' +
        '        for name in ["cpu", "memory", "disk"]:\n' +
        '            self.alarms.append(aws.lambda_.Permission(f"{name}-invoke", action="lambda:InvokeFunction", opts=pulumi.ResourceOptions(parent=self)))\n',
      errors: [{ line: 11, message: /`aws\.lambda_\.Permission` is called without `function` and `principal`.*"Missing required properties"/ }],
    },
    { code: header + 'role = aws.iam.Role("r", assume_role_policy="{}")\naws.lambda_.Function("f", runtime="python3.12", handler="index.handler")\n', errors: [{ line: 5, message: /without `role`/ }] },
    // A provider function: the invoke fails.
    { code: header + 'password = aws.ssm.get_parameter(with_decryption=True)\n', errors: [{ line: 4, message: /`aws\.ssm\.get_parameter` is called without `name`.*the call fails/ }] },
    // A Markdown answer.
    {
      path: 'lib/MODEL_RESPONSE.md',
      code: '# Network\n\n```python\nimport pulumi_aws as aws\n\nsubnet = aws.ec2.Subnet("public", cidr_block="10.0.1.0/24")\n```\n',
      errors: [{ line: 6, path: 'lib/MODEL_RESPONSE.md' }],
    },
    // The version the project pins judges, and is named.
    {
      code: header + 'aws.ec2.Subnet("s", cidr_block="10.0.1.0/24")\n',
      project: { 'requirements.txt': 'pulumi>=3,<4\npulumi-aws==6.83.4\n' },
      errors: [{ line: 4, message: /pulumi-aws 6\.83\.4 requires/ }],
    },
    // TypeScript: the missing input is named as TypeScript writes it.
    { path: 'index.ts', code: ts + 'new aws.ec2.Subnet("s", { cidrBlock: "10.0.1.0/24" });\n', errors: [{ line: 4, message: /`aws\.ec2\.Subnet` is called without `vpcId`, which @pulumi\/aws 7\.\d+\.\d+ requires/ }] },
    {
      path: 'lib/alarms.ts',
      code:
        ts +
        'export class Alarms extends pulumi.ComponentResource {\n' +
        '  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {\n' +
        '    super("x:y:Alarms", name, {}, opts);\n' +
        '    for (const metric of ["cpu", "memory"]) {\n' +
        '      new aws.lambda.Permission(`${metric}-invoke`, { action: "lambda:InvokeFunction" }, { parent: this });\n' +
        '    }\n' +
        '  }\n' +
        '}\n' +
        'new Alarms("alarms");\n',
      errors: [{ line: 8, message: /`aws\.lambda\.Permission` is called without `function` and `principal`/ }],
    },
    { path: 'index.ts', code: ts + 'const password = aws.ssm.getParameterOutput({ withDecryption: true });\n', errors: [{ line: 4, message: /`aws\.ssm\.getParameter` is called without `name`.*the call fails/ }] },
    { path: 'index.ts', code: ts + 'new aws.ec2.Subnet("s", { vpcId: undefined, cidrBlock: "10.0.1.0/24" });\n', errors: [{ line: 4, message: /without `vpcId`/ }] },
    {
      path: 'lib/MODEL_RESPONSE.md',
      code: '# Network\n\n```typescript\nimport * as aws from "@pulumi/aws";\n\nconst subnet = new aws.ec2.Subnet("public", { cidrBlock: "10.0.1.0/24" });\n```\n',
      errors: [{ line: 6, path: 'lib/MODEL_RESPONSE.md', message: /`vpcId`/ }],
    },
    // The major a package.json range stays within judges a TypeScript project.
    {
      path: 'index.ts',
      code: ts + 'new aws.ec2.Subnet("s", { cidrBlock: "10.0.1.0/24" });\n',
      project: { 'package.json': '{ "dependencies": { "@pulumi/pulumi": "^3.0.0", "@pulumi/aws": "^6.50.0" } }\n' },
      errors: [{ line: 4, message: /@pulumi\/aws 6\.\d+\.\d+ requires/ }],
    },
  ],
});
