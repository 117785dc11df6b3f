import { describe, expect, it } from 'vitest';
import { outdatedRuntime } from '../../checks/outdated-runtime.js';
import { capsBelowThree } from '../../src/packaging/pulumi-pins.js';
import { ruleTester } from '../support/rule-tester.js';

const fn = (runtime: string) =>
  `import pulumi_aws as aws\n\nfn = aws.lambda_.Function("fn", runtime=${runtime}, handler="index.handler", role=role.arn, code=code)\n`;

const tsFn = (runtime: string) =>
  `import * as aws from '@pulumi/aws';\n\nexport const fn = new aws.lambda.Function('fn', { runtime: ${runtime}, handler: 'index.handler', role: role.arn, code });\n`;

ruleTester(outdatedRuntime, {
  valid: [
    { name: 'TypeScript: nodejs20.x', code: tsFn("'nodejs20.x'"), path: 'lib/tap-stack.ts' },
    { name: 'TypeScript: a current enum member', code: tsFn('aws.lambda.Runtime.NodeJS20dX'), path: 'lib/tap-stack.ts' },
    { name: 'TypeScript: Pulumi 3 in package.json', files: [{ path: 'package.json', content: '{\n  "dependencies": {\n    "@pulumi/pulumi": "^3.100.0",\n    "@pulumi/aws": "^6.0.0"\n  }\n}\n' }] },
    fn('"python3.12"'),
    fn('"nodejs20.x"'),
    fn('"java8.al2"'),
    fn('"provided.al2023"'),
    fn('aws.lambda_.Runtime.PYTHON3D12'),
    { name: 'runtime from a variable that is reassigned stays unknown', code: 'import pulumi_aws as aws\nRUNTIME = "python3.8"\nRUNTIME = "python3.12"\naws.lambda_.Function("fn", runtime=RUNTIME, handler="h", role=r, code=c)\n' },
    { name: 'runtime keyword of another resource', code: 'import pulumi_aws as aws\n\naws.appsync.Function("f", runtime={"name": "APPSYNC_JS", "runtime_version": "1.0.0"}, api_id=api.id, data_source="d", name="f")\nx = {"runtime": "python3.7"}\n' },
    'import pulumi_aws as aws\n\naws.rds.Instance("db", engine="mysql", engine_version="8.0.35", instance_class="db.t3.micro")\n',
    'import pulumi_aws as aws\n\naws.rds.Instance("db", engine="postgres", engine_version="16.3", instance_class="db.t3.micro")\naws.rds.Instance("db2", engine="postgres", instance_class="db.t3.micro")\n',
    'import pulumi_aws as aws\n\naws.rds.Cluster("c", engine="aurora-mysql", engine_version="8.0.mysql_aurora.3.05.2")\naws.rds.ParameterGroup("pg", family="postgres16")\n',
    { name: 'unreviewed manifest is not blamed on the change', code: 'import pulumi\n', project: { 'requirements.txt': 'pulumi==2.25.0\n' } },
    {
      name: 'pins that allow Pulumi 3',
      files: [
        { path: 'requirements.txt', content: 'pulumi>=3.0.0,<4.0.0\npulumi-aws>=6.0.0\npulumi_random==2.1.0  # a provider, not the SDK\n# pulumi==2.0.0\n' },
        { path: 'Pipfile', content: '[packages]\npulumi = ">=2.0"\npulumi-aws = "==4.0.0"\n' },
        { path: 'pyproject.toml', content: '[project]\ndependencies = ["pulumi>=3.100", "pulumi-aws<6"]\n[tool.poetry.dependencies]\npulumi = "^3.0"\n' },
      ],
    },
    { name: 'a string mentioning python3.7 outside a runtime argument', code: 'import pulumi\n\ndescription = "migrated from python3.7"\n' },
  ],
  invalid: [
    { name: 'python3.7', code: fn('"python3.7"'), errors: [{ line: 3, column: 41, endColumn: 52, message: /Lambda runtime `python3\.7` is deprecated.*python3\.12/ }] },
    { code: fn('"nodejs16.x"'), errors: [{ line: 3, message: /`nodejs16\.x`.*nodejs22\.x/ }] },
    { code: fn('"go1.x"'), errors: [{ line: 3, message: /`go1\.x`.*provided\.al2023/ }] },
    { code: fn('"dotnetcore3.1"'), errors: [{ line: 3, message: /`dotnetcore3\.1`.*dotnet8/ }] },
    { name: 'enum member', code: 'from pulumi_aws import lambda_\n\nlambda_.Function("fn", runtime=lambda_.Runtime.PYTHON3D8, handler="h", role=r, code=c)\n', errors: [{ line: 3, message: /`lambda_\.Runtime\.PYTHON3D8` \(python3\.8\)/ }] },
    { name: 'module constant', code: 'import pulumi_aws as aws\n\nRUNTIME = "ruby2.7"\naws.lambda_.Function("fn", runtime=RUNTIME, handler="h", role=r, code=c)\n', errors: [{ line: 4, message: /`ruby2\.7`/ }] },
    { name: 'FunctionArgs in a component', code: 'import pulumi_aws as aws\n\nargs = aws.lambda_.FunctionArgs(runtime="python2.7", handler="h", role=r, code=c)\n', errors: [{ line: 3, message: /`python2\.7`/ }] },
    { name: 'layer compatible runtimes', code: 'import pulumi_aws as aws\n\naws.lambda_.LayerVersion("deps", layer_name="deps", compatible_runtimes=["python3.12", "python3.6"], code=c)\n', errors: [{ line: 3, message: /`python3\.6`/ }] },
    {
      name: 'RDS MySQL 5.7 and its parameter group',
      code: 'import pulumi_aws as aws\n\npg = aws.rds.ParameterGroup("pg", family="mysql5.7")\ndb = aws.rds.Instance("db", engine="mysql", engine_version="5.7.44", instance_class="db.t3.micro", parameter_group_name=pg.name)\n',
      errors: [
        { line: 3, message: /family `mysql5\.7`: MySQL 5\.7 is past the end of standard support/ },
        { line: 4, message: /RDS engine `mysql` version `5\.7\.44`: MySQL 5\.7.*8\.0/ },
      ],
    },
    { code: 'import pulumi_aws as aws\n\naws.rds.Instance("db", engine="postgres", engine_version="11.22", instance_class="db.t3.micro")\n', errors: [{ line: 3, message: /PostgreSQL 11 is past the end of standard support \(11 ended 2024-02-29\)/ }] },
    { code: 'import pulumi_aws as aws\n\naws.rds.Cluster("c", engine="aurora-mysql", engine_version="5.7.mysql_aurora.2.11.2")\n', errors: [{ line: 3, message: /Aurora MySQL 2/ }] },
    { name: 'Aurora MySQL 1 with no version', code: 'import pulumi_aws as aws\n\naws.rds.Cluster("c", engine="aurora", master_username="admin")\n', errors: [{ line: 3, column: 29, message: /RDS engine `aurora`: Aurora MySQL 1/ }] },
    { name: 'engine enum', code: 'import pulumi_aws as aws\n\naws.rds.Cluster("c", engine=aws.rds.EngineType.AURORA_POSTGRESQL, engine_version="12.9")\n', errors: [{ line: 3, message: /`aurora-postgresql` version `12\.9`: PostgreSQL 12/ }] },
    {
      name: 'runtimes of functions built in a loop, each judged',
      code: 'import pulumi_aws as aws\n\nfor name, runtime in [("a", "python3.12"), ("b", "python3.7")]:\n    aws.lambda_.Function(name, runtime=runtime, handler="h", role=r, code=c)\n',
      errors: [{ line: 4, message: /`python3\.7`/ }],
    },
    {
      name: 'a runtime passed to a helper method through a self attribute',
      code: 'import pulumi\nimport pulumi_aws as aws\n\n\nclass TapStack(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n        super().__init__("tap:stack:TapStack", name, None, opts)\n        self.runtime = "nodejs14.x"\n        self._function("api")\n\n    def _function(self, name):\n        return aws.lambda_.Function(name, runtime=self.runtime, handler="index.handler", role=r, code=c, opts=pulumi.ResourceOptions(parent=self))\n',
      errors: [{ line: 12, message: /`nodejs14\.x`.*nodejs22\.x/ }],
    },
    { name: 'TypeScript: nodejs16.x', path: 'lib/tap-stack.ts', code: tsFn("'nodejs16.x'"), errors: [{ line: 3, column: 60, message: /Lambda runtime `nodejs16\.x` is deprecated.*nodejs22\.x/ }] },
    { name: 'TypeScript: go1.x from a constant', path: 'lib/tap-stack.ts', code: "import * as aws from '@pulumi/aws';\n\nconst RUNTIME = 'go1.x';\nnew aws.lambda.Function('fn', { runtime: RUNTIME, handler: 'main', role: role.arn, code });\n", errors: [{ line: 4, message: /`go1\.x`.*provided\.al2023/ }] },
    { name: 'TypeScript: a deprecated enum member', path: 'lib/tap-stack.ts', code: tsFn('aws.lambda.Runtime.NodeJS16dX'), errors: [{ line: 3, message: /`aws\.lambda\.Runtime\.NodeJS16dX` \(nodejs16\.x\)/ }] },
    {
      name: 'TypeScript: RDS PostgreSQL 11 and a MySQL 5.7 parameter group',
      path: 'lib/tap-stack.ts',
      code: "import * as aws from '@pulumi/aws';\n\nnew aws.rds.ParameterGroup('pg', { family: 'mysql5.7' });\nnew aws.rds.Instance('db', { engine: 'postgres', engineVersion: '11.22', instanceClass: 'db.t3.micro' });\n",
      errors: [
        { line: 3, message: /family `mysql5\.7`/ },
        { line: 4, message: /`postgres` version `11\.22`: PostgreSQL 11/ },
      ],
    },
    {
      name: 'TypeScript: package.json keeps @pulumi/pulumi at 2',
      files: [{ path: 'package.json', content: '{\n  "dependencies": {\n    "@pulumi/pulumi": "^2.20.0",\n    "@pulumi/aws": "^4.0.0"\n  }\n}\n' }],
      errors: [{ path: 'package.json', line: 3, message: /`"@pulumi\/pulumi": "\^2\.20\.0"` keeps Pulumi below 3/ }],
    },
    {
      name: 'requirements.txt pins pulumi 2',
      files: [{ path: 'requirements.txt', content: 'pulumi-aws>=4.0.0\npulumi==2.25.0  # stable\n' }],
      errors: [{ path: 'requirements.txt', line: 2, column: 1, endColumn: 15, message: /`pulumi==2\.25\.0` keeps Pulumi below 3/ }],
    },
    {
      name: 'Pipfile and pyproject pins',
      files: [
        { path: 'Pipfile', content: '[packages]\npulumi = {version = ">=2.0,<3.0"}\n' },
        { path: 'pyproject.toml', content: '[project]\ndependencies = [\n  "pulumi~=2.10",\n]\n[tool.poetry.dependencies]\npulumi = "^2.0.0"\n' },
      ],
      errors: [
        { path: 'Pipfile', line: 2, message: /keeps Pulumi below 3/ },
        { path: 'pyproject.toml', line: 3, column: 4, message: /`pulumi~=2\.10`/ },
        { path: 'pyproject.toml', line: 6, message: /`pulumi = "\^2\.0\.0"`/ },
      ],
    },
  ],
});

describe('capsBelowThree', () => {
  it.each([
    ['==2.25.0', true],
    ['<3', true],
    ['<3.0.0', true],
    ['>=2.0,<3.0', true],
    ['~=2.10', true],
    ['^2.0', true],
    ['<=2.99', true],
    ['2.*', true],
    ['>=2.0', false],
    ['<3.1', false],
    ['>=3,<4', false],
    ['^2.0 || ^3.0', false],
    ['*', false],
    ['!=2.0', false],
  ])('%s -> %s', (spec, expected) => {
    expect(capsBelowThree(spec)).toBe(expected);
  });
});
