import { unknownOutputAttribute } from '../../checks/unknown-output-attribute.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import pulumi\nimport pulumi_aws as aws\n\n';
const ts = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\n';

ruleTester(unknownOutputAttribute, {
  valid: [
    header + 'bucket = aws.s3.Bucket("b")\npulumi.export("arn", bucket.arn)\npulumi.export("id", bucket.id)\npulumi.export("urn", bucket.urn)\n',
    header + 'db = aws.rds.Instance("db", instance_class="db.t3.micro", engine="postgres")\npulumi.export("endpoint", db.endpoint)\npulumi.export("address", db.address)\n',
    // The attribute path after an output is not judged (`endpoint.apply`, lifted attributes of an Output).
    header + 'lb = aws.lb.LoadBalancer("lb")\nurl = lb.dns_name.apply(lambda name: f"http://{name}")\n',
    header + 'identity = aws.get_caller_identity()\naccount = identity.account_id\nzones = aws.get_availability_zones(state="available")\nfirst = zones.names[0]\n',
    // A component's own fields, set in __init__ or in a helper method.
    header +
      'class Web(pulumi.ComponentResource):\n' +
      '    def __init__(self, name, opts=None):\n' +
      '        super().__init__("x:y:Web", name, None, opts)\n' +
      '        self.bucket = aws.s3.Bucket("b", opts=pulumi.ResourceOptions(parent=self))\n' +
      '        self.bucket_name = self.bucket.bucket\n' +
      'web = Web("web")\npulumi.export("name", web.bucket_name)\npulumi.export("arn", web.bucket.arn)\n',
    // Other providers are not judged.
    // The SDK's private attributes, and attributes the program sets on a resource object itself.
    header + 'bucket = aws.s3.Bucket("b")\nlogical = bucket._name\n',
    header + 'vpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\nvpc.private_subnet_ids = ["a", "b"]\nids = vpc.private_subnet_ids\n',
    'import pulumi_random as random\n\npassword = random.RandomPassword("p", length=16)\nvalue = password.result\n',
    { path: 'README.md', code: '```python\nimport pulumi_aws as aws\nbucket = aws.s3.Bucket("b")\nname = bucket.bucket_domain_name\n```\n' },
    // TypeScript: outputs as TypeScript spells them, a provider function's awaited result, a promise's then.
    { path: 'index.ts', code: ts + 'const bucket = new aws.s3.Bucket("b");\nexport const domain = bucket.bucketDomainName;\nexport const arn = bucket.arn;\nexport const urn = bucket.urn;\n' },
    { path: 'index.ts', code: ts + 'export async function account() {\n  const identity = await aws.getCallerIdentity();\n  return identity.accountId;\n}\nexport const region = aws.getRegion().then((r) => r.name);\n' },
    {
      path: 'lib/web.ts',
      code:
        ts +
        'export class Web extends pulumi.ComponentResource {\n' +
        '  public readonly bucket: aws.s3.Bucket;\n' +
        '  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {\n' +
        '    super("x:y:Web", name, {}, opts);\n' +
        '    this.bucket = new aws.s3.Bucket("b", {}, { parent: this });\n' +
        '    this.registerOutputs({ name: this.bucket.bucket });\n' +
        '  }\n' +
        '}\n' +
        'const web = new Web("web");\nexport const arn = web.bucket.arn;\n',
    },
    // Methods @pulumi/aws adds to some resource classes in TypeScript.
    { path: 'index.ts', code: ts + 'const bucket = new aws.s3.Bucket("b");\nbucket.onObjectCreated("created", async () => {});\nconst topic = new aws.sns.Topic("t");\ntopic.onEvent("sub", async () => {});\n' },
    // A field the program sets on the resource object itself (through a cast to its own interface).
    {
      path: 'index.ts',
      code:
        ts +
        'interface ExtendedVpc extends aws.ec2.Vpc { publicSubnetIds: pulumi.Output<string>[] }\n' +
        'const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16" });\n' +
        'const subnet = new aws.ec2.Subnet("s", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" });\n' +
        '(vpc as ExtendedVpc).publicSubnetIds = [subnet.id];\n' +
        'new aws.lb.LoadBalancer("lb", { subnets: (vpc as ExtendedVpc).publicSubnetIds });\n',
    },
  ],
  invalid: [
    {
      code: header + 'bucket = aws.s3.Bucket("b")\npulumi.export("url", bucket.website_url)\n',
      errors: [{ line: 5, column: 29, endColumn: 40, message: /`aws\.s3\.Bucket` \(`bucket`\) has no attribute `website_url` in pulumi-aws 7\.\d+\.\d+; did you mean `website_endpoint`\?/ }],
    },
    { code: header + 'db = aws.rds.Instance("db", instance_class="db.t3.micro", engine="postgres")\npulumi.export("host", db.endpoint_address)\n', errors: [{ line: 5, message: /no attribute `endpoint_address`/ }] },
    { code: header + 'api = aws.apigateway.RestApi("api")\npulumi.export("url", api.url)\n', errors: [{ line: 5, message: /`aws\.apigateway\.RestApi` \(`api`\) has no attribute `url`/ }] },
    // Through a variable, a helper's parameter and a self attribute read in another method.
    { code: header + 'bucket = aws.s3.Bucket("b")\nsite = bucket\nurl = site.website_url\n', errors: [{ line: 6 }] },
    { code: header + 'def endpoint_of(database):\n    return database.endpoint_url\nendpoint_of(aws.rds.Instance("db", instance_class="db.t3.micro"))\n', errors: [{ line: 5, message: /`endpoint_url`/ }] },
    {
      code:
        header +
        'class Data(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Data", name, None, opts)\n' +
        '        self.table = aws.dynamodb.Table("t", hash_key="id", attributes=[{"name": "id", "type": "S"}], opts=pulumi.ResourceOptions(parent=self))\n' +
        '        self._exports()\n' +
        '    def _exports(self):\n' +
        '        self.register_outputs({"table": self.table.table_name})\n',
      errors: [{ line: 10, message: /`aws\.dynamodb\.Table` \(`self\.table`\) has no attribute `table_name`; did you mean `name`\?|no attribute `table_name`/ }],
    },
    // Gone in the newest major: only a warning when the project pins no version (it may install the older one), an error when it pins the newest.
    {
      code: header + 'db = aws.rds.Instance("db", instance_class="db.t3.micro", engine="postgres")\npulumi.export("db", db.name)\n',
      errors: [{ line: 5, severity: 'warning', message: /no attribute `name` in pulumi-aws 7\.\d+\.\d+ \(it exists in pulumi-aws 6\.\d+\.\d+\).*does not pin pulumi-aws/ }],
    },
    {
      code: header + 'db = aws.rds.Instance("db", instance_class="db.t3.micro", engine="postgres")\npulumi.export("db", db.name)\n',
      project: { 'requirements.txt': 'pulumi>=3,<4\npulumi-aws>=7.0.0,<8\n' },
      errors: [{ line: 5, severity: 'error', message: /no attribute `name`.*\(it exists in pulumi-aws 6/ }],
    },
    // A provider function's result.
    { code: header + 'identity = aws.get_caller_identity()\naccount = identity.account\n', errors: [{ line: 5, message: /The result of `aws\.get_caller_identity` has no attribute `account`.*did you mean `account_id`/ }] },
    // In a loop: one finding.
    { code: header + 'for i in range(3):\n    queue = aws.sqs.Queue(f"q{i}")\n    pulumi.export(f"q{i}", queue.queue_url)\n', errors: [{ line: 6 }] },
    { path: 'lib/MODEL_RESPONSE.md', code: '```python\nimport pulumi\nimport pulumi_aws as aws\nbucket = aws.s3.Bucket("b")\npulumi.export("url", bucket.website_url)\n```\n', errors: [{ line: 5, path: 'lib/MODEL_RESPONSE.md' }] },
    // TypeScript: the name and the suggestion as TypeScript spells them.
    { path: 'index.ts', code: ts + 'const bucket = new aws.s3.Bucket("b");\nexport const url = bucket.websiteUrl;\n', errors: [{ line: 5, column: 27, endColumn: 37, message: /`aws\.s3\.Bucket` \(`bucket`\) has no attribute `websiteUrl` in @pulumi\/aws 7\.\d+\.\d+; did you mean `websiteEndpoint`\?/ }] },
    {
      path: 'lib/data.ts',
      code:
        ts +
        'export class Data extends pulumi.ComponentResource {\n' +
        '  private table: aws.dynamodb.Table;\n' +
        '  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {\n' +
        '    super("x:y:Data", name, {}, opts);\n' +
        '    this.table = new aws.dynamodb.Table("t", { hashKey: "id", attributes: [{ name: "id", type: "S" }] }, { parent: this });\n' +
        '    this.exports();\n' +
        '  }\n' +
        '  private exports() {\n' +
        '    this.registerOutputs({ table: this.table.tableName });\n' +
        '  }\n' +
        '}\n',
      errors: [{ line: 12, message: /no attribute `tableName`/ }],
    },
    { path: 'index.ts', code: ts + 'export const account = aws.getCallerIdentityOutput().account;\n', errors: [{ line: 4, message: /The result of `aws\.getCallerIdentity` has no attribute `account`.*did you mean `accountId`/ }] },
    { path: 'index.ts', code: ts + 'export async function main() {\n  const identity = await aws.getCallerIdentity();\n  return identity.account;\n}\n', errors: [{ line: 6, message: /no attribute `account`/ }] },
    {
      path: 'index.ts',
      code: ts + 'const api = new aws.apigateway.RestApi("api");\nconst deployment = new aws.apigateway.Deployment("d", { restApi: api.id });\nexport const url = deployment.invokeUrl;\nexport const items = pulumi.interpolate`${deployment.invokeUrl}/items`;\n',
      errors: [{ line: 6, severity: 'warning', message: /no attribute `invokeUrl` in @pulumi\/aws 7\.\d+\.\d+ \(it exists in @pulumi\/aws 6.*"@pulumi\/aws": "\^6".*noted once per file/ }],
    },
    { path: 'lib/MODEL_RESPONSE.md', code: '```typescript\nimport * as aws from "@pulumi/aws";\nconst db = new aws.rds.Instance("db", { instanceClass: "db.t3.micro" });\nexport const host = db.endpointAddress;\n```\n', errors: [{ line: 4, path: 'lib/MODEL_RESPONSE.md' }] },
  ],
});
