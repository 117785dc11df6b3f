import { developmentSettingsInProduction } from '../../checks/development-settings-in-production.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import os\nimport json\nimport pulumi\nimport pulumi_aws as aws\n\n';
const devDatabase = 'aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", skip_final_snapshot=True, deletion_protection=False)\n';
const production = { environment: 'production' };

const TS_HEADER = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n';

ruleTester(developmentSettingsInProduction, {
  valid: [
    // Not production: nothing says so.
    header + devDatabase,
    // The code defaults to a development environment.
    header + 'environment_suffix = pulumi.Config().get("environmentSuffix") or "dev"\n' + devDatabase,
    // The configuration says staging; a "prod" default in the code does not override it.
    { code: header + 'env = os.environ.get("ENVIRONMENT", "prod")\n' + devDatabase, config: { environment: 'staging' } },
    { code: header + devDatabase, project: { 'Pulumi.dev.yaml': 'config:\n  aws:region: us-east-1\n' } },
    // Production with production settings, or settings derived from the environment.
    {
      code: header + 'aws.rds.Instance("db", skip_final_snapshot=False, final_snapshot_identifier="db-final", deletion_protection=True, backup_retention_period=7)\n',
      config: production,
    },
    { code: header + 'is_prod = env == "prod"\naws.rds.Instance("db", skip_final_snapshot=not is_prod, deletion_protection=is_prod, backup_retention_period=retention)\n', config: production },
    // A per-environment table: which entry is used cannot be seen.
    { code: header + 'SETTINGS = {"dev": {"skip_final_snapshot": True, "LOG_LEVEL": "DEBUG"}, "prod": {"skip_final_snapshot": False}}\n', config: production },
    // force_delete matters on ECR only; INFO logging; a keyword of a helper call.
    {
      code:
        header +
        'aws.autoscaling.Group("asg", max_size=2, min_size=1, force_delete=True)\n' +
        'aws.lambda_.Function("fn", role=r.arn, environment={"variables": {"LOG_LEVEL": "INFO", "DEBUG_BUCKET": b.id}})\n' +
        'aws.s3.Bucket("b", tags=make_tags(force_destroy=True))\n',
      config: production,
    },
    // Tests are out of scope.
    { code: header + devDatabase, path: 'tests/unit/test_tap_stack.py', config: production },
    // Configurable settings; a production default in a test file does not make the program production.
    header + 'aws.s3.BucketV2("b", force_destroy=pulumi.Config().get_bool("forceDestroy"))\naws.rds.Instance("db", skip_final_snapshot=pulumi.Config().get_bool("skipSnapshot") or False)\n',
    {
      code: header + devDatabase,
      files: [{ path: 'tests/unit/test_stack.py', content: 'import os\nENVIRONMENT = os.environ.get("ENVIRONMENT", "prod")\n' }],
    },
    // A tag's fallback value in another file labels that file's resources, not the program's environment.
    {
      code: header + devDatabase,
      files: [{ path: 'lib/compute.py', content: 'def tags_for(tags):\n    return {"Environment": tags.get("Environment", "Production")}\n' }],
    },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: `${TS_HEADER}new aws.rds.Instance("db", { engine: "postgres", instanceClass: "db.t3.micro", allocatedStorage: 20, skipFinalSnapshot: false, deletionProtection: true });\n`, config: production },
  ],
  invalid: [
    {
      name: 'seed example: RDS development settings with config environment production',
      code: header + 'aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", skip_final_snapshot=True, deletion_protection=False, backup_retention_period=0)\n',
      config: production,
      errors: [
        { line: 6, column: 73, endColumn: 97, message: /`skip_final_snapshot=True` on `aws\.rds\.Instance` in production \(environment "production"\): deleting or replacing the database discards its data/ },
        { line: 6, column: 99, message: /`deletion_protection=False`/ },
        { line: 6, column: 126, message: /`backup_retention_period=0` on `aws\.rds\.Instance` in production \(environment "production"\): automated backups and point-in-time recovery are off/ },
      ],
    },
    {
      name: 'Pulumi.prod.yaml stack file, force_destroy bucket',
      code: header + 'bucket = aws.s3.BucketV2("logs", force_destroy=True)\n',
      project: { 'Pulumi.prod.yaml': 'config:\n  aws:region: us-east-1\n' },
      errors: [{ line: 6, column: 34, message: /`force_destroy=True` on `aws\.s3\.BucketV2` in production \(environment "production"\)/ }],
    },
    {
      name: 'production default suffix in the same file',
      code: header + 'config = pulumi.Config()\nenvironment_suffix = config.get("environmentSuffix") or "prod"\n' + devDatabase,
      errors: [
        { line: 8, message: /in production \(default environment "prod" on line 7\)/ },
        { line: 8, message: /`deletion_protection=False`/ },
      ],
    },
    {
      name: 'os.environ default "production", debug logging in a Lambda',
      code:
        header +
        'ENV = os.environ.get("ENVIRONMENT_SUFFIX", "production")\n' +
        'aws.lambda_.Function("fn", role=r.arn, runtime="python3.12", handler="h.handler",\n' +
        '    environment=aws.lambda_.FunctionEnvironmentArgs(variables={"LOG_LEVEL": "DEBUG", "STAGE": ENV}))\n',
      // Dict entries are reported at their value: the model keeps no site for a key.
      errors: [{ line: 8, column: 77, message: /Debug logging \(`LOG_LEVEL=DEBUG`\) on `aws\.lambda_\.Function` in production \(default environment "production" on line 6\)/ }],
    },
    {
      name: 'entry point tap.py defaults to prod; lib file has the setting',
      code: 'import pulumi_aws as aws\n\naws.secretsmanager.Secret("db", recovery_window_in_days=0)\n',
      path: 'lib/tap_stack.py',
      project: { 'tap.py': 'import pulumi\nenvironment_suffix = pulumi.Config().get("env") or "prod"\n' },
      errors: [{ line: 3, message: /`recovery_window_in_days=0` on `aws\.secretsmanager\.Secret` in production \(default environment "prod" in tap\.py line 2\)/ }],
    },
    {
      name: 'default parameter "prod"; DynamoDB without PITR or deletion protection',
      code:
        header +
        'class TapStackArgs:\n' +
        '    def __init__(self, environment_suffix: str = "prod"):\n' +
        '        self.environment_suffix = environment_suffix\n' +
        'aws.dynamodb.Table("t", hash_key="id", attributes=[{"name": "id", "type": "S"}],\n' +
        '    point_in_time_recovery={"enabled": False}, deletion_protection_enabled=False)\n',
      errors: [
        { line: 10, column: 40, message: /Point-in-time recovery disabled on `aws\.dynamodb\.Table`/ },
        { line: 10, column: 48, message: /`deletion_protection_enabled=False`/ },
      ],
    },
    {
      name: 'ECS container environment with LOG_LEVEL DEBUG and API Gateway data trace',
      code:
        header +
        'aws.ecs.TaskDefinition("task", family="app", container_definitions=json.dumps([\n' +
        '    {"name": "app", "image": "nginx", "environment": [{"name": "LOG_LEVEL", "value": "DEBUG"}]}]))\n' +
        'aws.apigateway.MethodSettings("all", rest_api=api.id, stage_name="prod", method_path="*/*",\n' +
        '    settings={"logging_level": "INFO", "data_trace_enabled": True})\n',
      config: { environment: 'prod' },
      errors: [
        { line: 7, message: /Debug logging \(`LOG_LEVEL=DEBUG`\) in a container environment in production \(environment "prod"\)/ },
        { line: 9, message: /`data_trace_enabled=True` on `aws\.apigateway\.MethodSettings`/ },
      ],
    },
    {
      name: 'Markdown answer: default in one block, setting in another',
      path: 'answer.md',
      code:
        '# Stack\n\n```python\nimport pulumi\nenv = pulumi.Config().get("env") or "production"\n```\n\n' +
        '```python\nimport pulumi_aws as aws\naws.rds.Cluster("c", engine="aurora-postgresql", skip_final_snapshot=True)\n```\n',
      errors: [{ line: 10, message: /`skip_final_snapshot=True` on `aws\.rds\.Cluster` in production \(default environment "production" on line 5\)/ }],
    },
    {
      name: 'settings through a module dict splat, a helper method default and a JSON container definition',
      code:
        header +
        'DB_SETTINGS = {"skip_final_snapshot": True, "deletion_protection": False}\n' +
        'class Data(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Data", name, None, opts)\n' +
        '        self.buckets = [self._bucket(n) for n in ["logs", "assets"]]\n' +
        '        self.db = aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", **DB_SETTINGS)\n' +
        '        aws.batch.JobDefinition("job", type="container", container_properties=json.dumps({"image": "app",\n' +
        '            "environment": [{"name": "LOG_LEVEL", "value": "DEBUG"}]}))\n' +
        '    def _bucket(self, name, force=True):\n' +
        '        return aws.s3.BucketV2(name, force_destroy=force, opts=pulumi.ResourceOptions(parent=self))\n',
      config: production,
      errors: [
        { line: 11, column: 93, message: /^`skip_final_snapshot=True` on `aws\.rds\.Instance`/ },
        { line: 11, column: 93, message: /^`deletion_protection=False` on `aws\.rds\.Instance`/ },
        { line: 13, column: 29, message: /^Debug logging \(`LOG_LEVEL=DEBUG`\) in a container environment/ },
        { line: 15, column: 38, message: /^`force_destroy=True` on `aws\.s3\.BucketV2`/ },
      ],
    },
    {
      name: 'the production default lives in another file of the program (an args class)',
      code: header + 'from lib.args import StackArgs\nargs = StackArgs()\naws.dynamodb.Table("t", hash_key="id", deletion_protection_enabled=False)\n',
      files: [{ path: 'lib/args.py', content: 'class StackArgs:\n    def __init__(self, environment_suffix: str = "production"):\n        self.environment_suffix = environment_suffix\n' }],
      errors: [{ line: 8, message: /`deletion_protection_enabled=False` on `aws\.dynamodb\.Table` in production \(default environment "production" in lib\/args\.py line 2\)/ }],
    },
    // TypeScript
    {
      path: 'lib/tap-stack.ts',
      code: `${TS_HEADER}new aws.rds.Instance("db", {\n  engine: "postgres",\n  instanceClass: "db.t3.micro",\n  allocatedStorage: 20,\n  skipFinalSnapshot: true,\n  deletionProtection: false,\n});\n`,
      config: production,
      errors: [
        { line: 7, message: /^`skipFinalSnapshot: true` on `aws.rds.Instance` in production/ },
        { line: 8, message: /^`deletionProtection: false` on `aws.rds.Instance` in production/ },
      ],
    },
  ],
});
