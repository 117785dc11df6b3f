import { hardcodedValues } from '../../checks/hardcoded-values.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import os\nimport pulumi\nimport pulumi_aws as aws\n\nconfig = pulumi.Config()\n';

ruleTester(hardcodedValues, {
  valid: [
    // AMI looked up, account from the caller identity, secrets from config.
    header +
      'ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"], filters=[{"name": "name", "values": ["al2023-ami-*"]}])\n' +
      'aws.ec2.Instance("web", ami=ami.id, instance_type="t3.micro")\n' +
      'account = aws.get_caller_identity().account_id\n' +
      'role_arn = f"arn:aws:iam::{account}:role/deployer"\n' +
      'aws.rds.Instance("db", password=config.require_secret("dbPassword"), username="admin")\n',
    // AWS-managed policy ARNs and ARNs without an account.
    header + 'aws.iam.RolePolicyAttachment("logs", role=role.name, policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")\nbucket_arn = "arn:aws:s3:::my-logs/*"\n',
    // Secret-looking names whose values are not literal secrets.
    header +
      'db_password = os.environ.get("DB_PASSWORD", "")\n' +
      'secret_name = "prod/db/password"\n' +
      'password_length = 32\n' +
      'aws.rds.Instance("db", manage_master_user_password=True, username="admin")\n' +
      'env = {"DB_PASSWORD_SECRET_ARN": secret.arn, "password": "DB_PASSWORD", "api_key_required": "true"}\n' +
      'aws.efs.FileSystem("fs", creation_token="shared-fs", encrypted=True)\n',
    // Look-alikes: a name starting with ami-, a 12-digit number outside an ARN, a token that names a resource.
    header + 'aws.iam.Role("ami-builder", assume_role_policy=doc)\norder_id = "123456789012"\naws.efs.FileSystem("fs", creation_token="ami-cache-01")\n',
    // A password from an f-string interpolation or a parameter is not visible.
    header + 'def connect(password):\n    return aws.rds.Instance("db", password=password, username=f"{prefix}-admin")\n',
    // A single availability zone and zones from the lookup; a mixed list of regions.
    header +
      'azs = aws.get_availability_zones(state="available").names\n' +
      'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-east-1a")\n' +
      'regions = ["us-east-1", "us-west-2"]\n',
    // Docstrings and AWS's documented example key.
    header + '"""Deploys with account 123456789012: arn:aws:iam::123456789012:root, ami-0abcdef1234567890."""\nexample_key = "AKIAIOSFODNN7EXAMPLE"\n',
    // Test code uses fake values on purpose.
    { path: 'tests/unit/test_tap_stack.py', code: header + 'ami = "ami-12345678"\npassword = "test-password"\nazs = ["us-east-1a", "us-east-1b"]\n' },
    {
      name: 'Pulumi mocks return fake ARNs, also outside a test file',
      path: 'lib/testing.py',
      code: header + 'class StackMocks(pulumi.runtime.Mocks):\n    def new_resource(self, args):\n        return [args.name + "_id", {**args.inputs, "arn": f"arn:aws:s3:us-east-1:123456789012:{args.name}"}]\n\n    def call(self, args):\n        return {"accountId": "123456789012", "arn": "arn:aws:iam::123456789012:user/test", "imageId": "ami-0abcdef1234567890"}\n',
    },
    {
      name: 'a mock new_resource function and a pytest fixture',
      path: 'lib/helpers.py',
      code: header + 'import pytest\n\ndef new_resource(args):\n    return [args.name, {"arn": "arn:aws:sqs:us-east-1:123456789012:q"}]\n\n@pytest.fixture\ndef topic_arn():\n    return "arn:aws:sns:us-east-1:123456789012:alerts"\n',
    },
    {
      name: "an answer's test block (it imports unittest) is test code",
      path: 'lib/MODEL_RESPONSE.md',
      code: '```python\nimport unittest\n\nclass TestStack(unittest.TestCase):\n    def test_arn(self):\n        self.assertEqual(role_arn(), "arn:aws:iam::123456789012:role/x")\n```\n',
    },
    {
      name: 'a block the answer places in a test file is test code',
      path: 'lib/IDEAL_RESPONSE.md',
      code: '## tests/unit/test_tap_stack.py\n\n```python\nEXPECTED_ARN = "arn:aws:iam::123456789012:role/x"\n```\n',
    },
    { name: 'a dummy fallback behind a secret lookup is a stand-in', code: 'import pulumi\nconfig = pulumi.Config()\ntoken = config.get_secret("token") or "placeholder-token"\n' },
    { name: 'LocalStack\'s documented test credentials', code: 'import pulumi_aws as aws\naws.Provider("local", access_key="test", secret_key="test", skip_credentials_validation=True)\n' },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: 'const config = new pulumi.Config();\nnew aws.rds.Instance("db", { password: config.requireSecret("dbPassword") });\nconst apiKey = config.get("apiKey") ?? "placeholder-api-key";\n' },
    { path: 'test/tap-stack.unit.test.ts', code: 'const password = "test-password";\n' },
    { name: 'TypeScript: ARNs built from the account lookup, fake ARNs in test mocks', path: 'lib/tap-stack.ts', code: 'const id = aws.getCallerIdentityOutput();\nconst arn = pulumi.interpolate`arn:aws:iam::${id.accountId}:root`;\nconst ami = aws.ec2.getAmiOutput({ mostRecent: true, owners: ["amazon"] });\n' },
    { path: 'test/tap-stack.unit.test.ts', code: 'pulumi.runtime.setMocks({ newResource: (args) => ({ id: "ami-0abcdef1234567890", state: { arn: "arn:aws:s3:::b", role: "arn:aws:iam::123456789012:role/r" } }) });\n' },
  ],
  invalid: [
    {
      name: 'a placeholder ARN in stack code is still hard-coded (mocks are judged by where they are, not by the account)',
      code: header + 'aws.lambda_.Function("f", role=role.arn, environment={"variables": {"TOPIC": "arn:aws:sns:us-east-1:123456789012:alerts"}})\n',
      errors: [{ line: 6, message: /ARN hard-codes account ID `123456789012`/ }],
    },
    {
      name: 'seed example: hard-coded AMI ID',
      code: header + 'aws.ec2.Instance("web", ami="ami-0abcdef1234567890", instance_type="t3.micro")\n',
      errors: [{ line: 6, column: 29, endColumn: 52, message: /Hard-coded AMI ID `ami-0abcdef1234567890`/ }],
    },
    {
      name: 'account ID in an ARN, also inside an f-string',
      code:
        header +
        'role = "arn:aws:iam::999988887777:role/deployer"\n' +
        'topic = f"arn:aws:sns:{region}:210987654321:alerts"\n',
      errors: [
        { line: 6, message: /ARN hard-codes account ID `999988887777`/ },
        { line: 7, message: /account ID `210987654321`/ },
      ],
    },
    {
      name: 'ELB service account in an access-log bucket policy',
      code: header + 'principal = {"AWS": "arn:aws:iam::127311923021:root"}\n',
      errors: [{ line: 6, message: /regional Elastic Load Balancing account `127311923021`: use `aws\.elb\.get_service_account\(\)`/ }],
    },
    {
      name: 'literal database password',
      code: header + 'aws.rds.Instance("db", engine="postgres", username="admin", password="SuperSecret123!")\n',
      errors: [{ line: 6, column: 70, severity: 'error', message: /Hard-coded secret in `password`/ }],
    },
    {
      name: 'config fallback and module constant',
      code:
        header +
        'db_password = config.get_secret("dbPassword") or "Temp1234!"\n' +
        'API_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789"\n' +
        'aws.elasticache.ReplicationGroup("cache", description="c", auth_token=pulumi.Output.secret("0123456789abcdef0123"))\n',
      errors: [
        { line: 6, severity: 'error', message: /`db_password`/ },
        { line: 7, severity: 'error', message: /`API_TOKEN`/ },
        { line: 8, severity: 'error', message: /`auth_token`/ },
      ],
    },
    {
      name: 'secrets in Lambda and container environments',
      code:
        header +
        'aws.lambda_.Function("fn", role=role.arn, runtime="python3.12", handler="index.handler",\n' +
        '    environment={"variables": {"STRIPE_API_KEY": "sk_live_abc123", "TABLE": table.name}})\n' +
        'containers = [{"name": "app", "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}]\n',
      errors: [
        { line: 7, severity: 'error', message: /`STRIPE_API_KEY`/ },
        { line: 8, severity: 'error', message: /environment variable `DB_PASSWORD`/ },
      ],
    },
    {
      name: 'AWS access key in a provider',
      code: header + 'provider = aws.Provider("aws", region="us-east-1", access_key="AKIAQWERTYUIOPASDFGH")\n',
      errors: [{ line: 6, severity: 'error', message: /Hard-coded AWS access key ID `AKIAQWER…`/ }],
    },
    {
      name: 'access key in a test file is still reported',
      path: 'tests/integration/test_stack.py',
      code: 'import boto3\nclient = boto3.client("s3", aws_access_key_id="AKIAQWERTYUIOPASDFGH")\n',
      errors: [{ line: 2, severity: 'error', message: /access key ID/ }],
    },
    {
      name: 'SecureString parameter and default parameter',
      code:
        header +
        'aws.ssm.Parameter("db-pass", type="SecureString", value="correct-horse-battery")\n' +
        'class DbArgs:\n    def __init__(self, master_password: str = "changeme"):\n        self.master_password = master_password\n',
      errors: [
        { line: 6, severity: 'error', message: /SecureString parameter with a literal `value`/ },
        { line: 8, severity: 'error', message: /`master_password`/ },
      ],
    },
    {
      name: 'hard-coded availability-zone list',
      code: header + 'for i, az in enumerate(["us-east-1a", "us-east-1b", "us-east-1c"]):\n    aws.ec2.Subnet(f"private-{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i}.0/24", availability_zone=az)\n',
      errors: [{ line: 6, column: 24, severity: 'notice', message: /Availability zones `us-east-1a`, `us-east-1b`, `us-east-1c` are hard-coded/ }],
    },
    // TypeScript
    {
      path: 'lib/tap-stack.ts',
      code: 'import * as aws from "@pulumi/aws";\nconst masterPassword = "PaymentAdm1n!";\nnew aws.rds.Instance("db", { engine: "postgres", password: pulumi.secret("SuperSecret123!") });\n',
      errors: [
        { line: 2, severity: 'error', message: 'Hard-coded secret in `masterPassword`: a literal value in code leaks through version control and cannot be rotated; read it with `config.requireSecret(...)` or from Secrets Manager.' },
        { line: 3, severity: 'error', message: /^Hard-coded secret in `password`/ },
      ],
    },
    {
      name: 'TypeScript: AMI IDs and account ARNs in the stack, an access key even in a test',
      path: 'lib/tap-stack.ts',
      code: 'import * as aws from "@pulumi/aws";\nnew aws.ec2.Instance("web", { ami: "ami-0abcdef1234567890", instanceType: "t3.micro" });\nconst region = "us-east-1";\nconst topic = `arn:aws:sns:${region}:123456789012:alerts`;\n',
      files: [{ path: 'test/tap-stack.unit.test.ts', content: 'const key = "AKIAIOSFODNN7ABCDEFG";\n' }],
      errors: [
        { line: 2, message: /^Hard-coded AMI ID `ami-0abcdef1234567890`: .*`aws\.ec2\.getAmi\(\.\.\.\)`/ },
        { line: 4, message: /^ARN hard-codes account ID `123456789012`: read the account from `aws\.getCallerIdentity\(\)`/ },
        { path: 'test/tap-stack.unit.test.ts', line: 1, severity: 'error', message: /^Hard-coded AWS access key ID `AKIAIOSF…`/ },
      ],
    },
    {
      name: 'an IAM principal in the documentation account, in both languages (not in test mocks)',
      code: header + 'role = aws.iam.Role("r", assume_role_policy=json.dumps({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]}))\n',
      files: [
        { path: 'lib/audit.ts', content: 'import * as aws from "@pulumi/aws";\nconst auditor = "arn:aws:iam::111122223333:role/AuditorRole";\n' },
        { path: 'tests/unit/test_stack.py', content: 'ROLE = "arn:aws:iam::123456789012:role/mock"\n' },
      ],
      errors: [
        { path: 'lib/audit.ts', line: 2, severity: 'error', message: /^`arn:aws:iam::111122223333:\.\.\.` names `111122223333`, the account AWS documentation uses as an example: .*`aws\.getCallerIdentity\(\)`/ },
        { line: 6, severity: 'error', message: /names `123456789012`.*`aws\.get_caller_identity\(\)`/ },
      ],
    },
  ],
});
