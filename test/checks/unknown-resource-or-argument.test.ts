import { unknownResourceOrArgument } from '../../checks/unknown-resource-or-argument.js';
import { ruleTester } from '../support/rule-tester.js';

const aws = (body: string) => `import json\nimport pulumi\nimport pulumi_aws as aws\n\n${body}\n`;
const V6_PIN = { 'requirements.txt': 'pulumi>=3.0.0,<4.0.0\npulumi-aws>=6.0.0,<7.0.0\n' };

const TS = 'import * as aws from "@pulumi/aws";\n';
const TS_V6 = { 'package.json': '{ "dependencies": { "@pulumi/aws": "^6.0.0" } }\n' };

ruleTester(unknownResourceOrArgument, {
  valid: [
    {
      name: 'ec2: VPC, subnet, gateway, routes, security group, AMI lookup, instance, NAT',
      code: aws(`vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", enable_dns_hostnames=True, enable_dns_support=True, tags={"Name": "main"})
subnet = aws.ec2.Subnet("public", vpc_id=vpc.id, cidr_block="10.0.1.0/24", map_public_ip_on_launch=True, availability_zone="us-east-1a")
igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)
rt = aws.ec2.RouteTable("rt", vpc_id=vpc.id, routes=[aws.ec2.RouteTableRouteArgs(cidr_block="0.0.0.0/0", gateway_id=igw.id)])
aws.ec2.RouteTableAssociation("rta", subnet_id=subnet.id, route_table_id=rt.id)
sg = aws.ec2.SecurityGroup("web", vpc_id=vpc.id, description="web",
    ingress=[aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=443, to_port=443, cidr_blocks=["10.0.0.0/8"])],
    egress=[aws.ec2.SecurityGroupEgressArgs(protocol="-1", from_port=0, to_port=0, cidr_blocks=["0.0.0.0/0"])])
ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"], filters=[aws.ec2.GetAmiFilterArgs(name="name", values=["al2023-ami-*"])])
ami_id = aws.ec2.get_ami_output(most_recent=True, owners=["amazon"]).id
web = aws.ec2.Instance("web", ami=ami.id, instance_type="t3.micro", subnet_id=subnet.id, vpc_security_group_ids=[sg.id],
    metadata_options=aws.ec2.InstanceMetadataOptionsArgs(http_tokens="required"), opts=pulumi.ResourceOptions(depends_on=[igw]))
eip = aws.ec2.Eip("nat", domain="vpc")
nat = aws.ec2.NatGateway("nat", allocation_id=eip.id, subnet_id=subnet.id)`),
    },
    {
      name: 's3: bucket with separate versioning, encryption and public access block resources',
      code: aws(`bucket = aws.s3.Bucket("logs", bucket_prefix="logs-", force_destroy=True, tags={"env": "dev"})
aws.s3.BucketVersioning("logs-versioning", bucket=bucket.id,
    versioning_configuration=aws.s3.BucketVersioningVersioningConfigurationArgs(status="Enabled"))
aws.s3.BucketServerSideEncryptionConfiguration("logs-sse", bucket=bucket.id, rules=[
    aws.s3.BucketServerSideEncryptionConfigurationRuleArgs(
        apply_server_side_encryption_by_default=aws.s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs(sse_algorithm="aws:kms"))])
aws.s3.BucketPublicAccessBlock("logs-pab", bucket=bucket.id, block_public_acls=True, block_public_policy=True, ignore_public_acls=True, restrict_public_buckets=True)`),
    },
    {
      name: 'iam: role, policy attachment, inline policy, policy document',
      code: aws(`role = aws.iam.Role("lambda-role", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": []}), max_session_duration=3600)
aws.iam.RolePolicyAttachment("basic", role=role.name, policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
doc = aws.iam.get_policy_document(statements=[aws.iam.GetPolicyDocumentStatementArgs(actions=["s3:GetObject"], resources=["*"])])
aws.iam.RolePolicy("inline", role=role.id, policy=doc.json)`),
    },
    {
      name: 'lambda_ via from-import: function, environment, permission',
      code: `import pulumi
from pulumi_aws import lambda_

fn = lambda_.Function("handler", runtime="python3.12", handler="index.handler", role=role_arn,
    code=pulumi.AssetArchive({".": pulumi.FileArchive("./app")}), memory_size=256, timeout=30,
    environment=lambda_.FunctionEnvironmentArgs(variables={"TABLE": "items"}))
lambda_.Permission("apigw", action="lambda:InvokeFunction", function=fn.name, principal="apigateway.amazonaws.com")
`,
    },
    {
      name: 'rds via from-import of the classes',
      code: `from pulumi_aws.rds import Instance, SubnetGroup

subnets = SubnetGroup("db", subnet_ids=["subnet-1", "subnet-2"])
db = Instance("db", engine="postgres", engine_version="16.3", instance_class="db.t3.micro", allocated_storage=20,
    db_name="app", username="app", manage_master_user_password=True, db_subnet_group_name=subnets.name,
    skip_final_snapshot=False, storage_encrypted=True, multi_az=True, backup_retention_period=7, deletion_protection=True)
`,
    },
    {
      name: 'cloudwatch: alarm and log group',
      code: aws(`aws.cloudwatch.MetricAlarm("cpu", comparison_operator="GreaterThanThreshold", evaluation_periods=2, metric_name="CPUUtilization",
    namespace="AWS/EC2", period=300, statistic="Average", threshold=80, alarm_actions=[topic_arn], dimensions={"InstanceId": "i-1"})
aws.cloudwatch.LogGroup("logs", name="/aws/lambda/handler", retention_in_days=14)`),
    },
    {
      name: 'apigateway: rest api, resource, method, integration, deployment, stage',
      code: aws(`api = aws.apigateway.RestApi("api", description="items")
res = aws.apigateway.Resource("items", rest_api=api.id, parent_id=api.root_resource_id, path_part="items")
get = aws.apigateway.Method("get", rest_api=api.id, resource_id=res.id, http_method="GET", authorization="NONE")
aws.apigateway.Integration("get", rest_api=api.id, resource_id=res.id, http_method=get.http_method,
    integration_http_method="POST", type="AWS_PROXY", uri=invoke_arn)
deployment = aws.apigateway.Deployment("deployment", rest_api=api.id, opts=pulumi.ResourceOptions(depends_on=[get]))
aws.apigateway.Stage("prod", deployment=deployment.id, rest_api=api.id, stage_name="prod", xray_tracing_enabled=True)`),
    },
    {
      name: 'ecs: cluster, task definition, fargate service',
      code: aws(`cluster = aws.ecs.Cluster("cluster", settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="enabled")])
task = aws.ecs.TaskDefinition("app", family="app", cpu="256", memory="512", network_mode="awsvpc", requires_compatibilities=["FARGATE"],
    execution_role_arn=role_arn, container_definitions=json.dumps([{"name": "app", "image": "nginx"}]))
aws.ecs.Service("app", cluster=cluster.arn, task_definition=task.arn, desired_count=2, launch_type="FARGATE",
    network_configuration=aws.ecs.ServiceNetworkConfigurationArgs(subnets=["subnet-1"], security_groups=["sg-1"], assign_public_ip=False))`),
    },
    {
      name: 'provider, top-level functions, Args class forms, TypedDicts, splats and dunders',
      code: aws(`provider = aws.Provider("use1", region="us-east-1", default_tags=aws.ProviderDefaultTagsArgs(tags={"team": "infra"}))
identity = aws.get_caller_identity()
region = aws.get_region_output(opts=pulumi.InvokeOptions(provider=provider))
vpc = aws.ec2.Vpc("v", aws.ec2.VpcArgs(cidr_block="10.0.0.0/16"), opts=pulumi.ResourceOptions(provider=provider))
vpc2 = aws.ec2.Vpc(resource_name="v2", args=aws.ec2.VpcArgs(cidr_block="10.1.0.0/16"))
rule: aws.ec2.SecurityGroupIngressArgsDict = aws.ec2.SecurityGroupIngressArgsDict(protocol="tcp", from_port=22, to_port=22)
common = {"tags": {"a": "b"}}
vpc3 = aws.ec2.Vpc("v3", cidr_block="10.2.0.0/16", **common)
existing = aws.ec2.Vpc.get("existing", id="vpc-123")
size = aws.ec2.InstanceType.T3_MICRO`),
    },
    { name: 'v6-only arguments under a v6 pin', code: aws('aws.s3.Bucket("b", loggings=[aws.s3.BucketLoggingArgs(target_bucket="logs")], website_endpoint="x")'), project: V6_PIN },
    { name: 'boto3 and local classes with AWS-like names', code: 'import boto3\n\nec2 = boto3.resource("ec2")\nvpc = ec2.Vpc("vpc-123")\n\nclass Bucket:\n    def __init__(self, bucket_name):\n        self.name = bucket_name\n\nBucket(bucket_name="x")\n' },
    { name: 'a local module named aws', code: 'from . import aws\n\naws.ec2.Vpc("v", cidr="10.0.0.0/16")\n' },
    { name: 'markdown block with correct code', code: '# VPC\n\n```python\nimport pulumi_aws as aws\nvpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n```\n', path: 'README.md' },
    { name: 'broken code does not throw', code: 'import pulumi_aws as aws\n\nvpc = aws.ec2.Vpc("main", cidr_block=\n' },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: `${TS}const vpc = new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true });\n` },
    { path: 'lib/tap-stack.ts', code: `${TS}import { lambda } from "@pulumi/aws";\nconst base = { runtime: "nodejs18.x", handler: "index.handler" };\nnew lambda.Function("f", { ...base, role: role.arn, code: new pulumi.asset.FileArchive("./app") });\n` },
    { name: 'TypeScript: other Pulumi packages are not judged', path: 'lib/tap-stack.ts', code: 'import * as awsx from "@pulumi/awsx";\nnew awsx.ec2.Vpc("v", { numberOfAvailabilityZones: 2 });\n' },
    {
      name: 'nested blocks with their own keys, in both spellings in Python; maps and spread blocks take any key',
      code: aws(`target = aws.cloudwatch.EventTarget("t", rule="r", arn="arn", retry_policy={"maximum_retry_attempts": 2, "maximumEventAgeInSeconds": 3600})
def group(extra):
    return aws.ec2.SecurityGroup("sg", ingress=[{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["10.0.0.0/8"], **extra}], tags={"AnyKey": "x"})`),
    },
    {
      name: 'TypeScript: nested blocks with their own keys, through a variable too',
      path: 'lib/tap-stack.ts',
      code: `${TS}const retry = { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 };\nnew aws.cloudwatch.EventTarget("t", { rule: "r", arn: "arn", retryPolicy: retry, deadLetterConfig: { arn: "q" } });\n`,
    },
  ],
  invalid: [
    {
      name: 'seed: invented `cidr` on a VPC',
      code: aws('vpc = aws.ec2.Vpc("main", cidr="10.0.0.0/16")'),
      errors: [{ line: 5, column: 27, endColumn: 31, message: /^`cidr` is not an argument of `aws\.ec2\.Vpc` in pulumi-aws 7\.\d+\.\d+; did you mean `cidr_block`\?$/ }],
      // `cidr` is another name, not a misspelling: several arguments contain it.
      output: null,
    },
    {
      name: 'fix: a typo with one close argument',
      code: aws('aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", enable_dns_hostname=True)'),
      errors: [{ line: 5, message: /did you mean `enable_dns_hostnames`/ }],
      output: aws('aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", enable_dns_hostnames=True)'),
    },
    {
      name: 'fix: camelCase argument to the SDK spelling',
      code: aws('aws.ec2.Vpc("main", cidrBlock="10.0.0.0/16")'),
      errors: [{ line: 5, message: /spells it `cidr_block`/ }],
      output: aws('aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")'),
    },
    {
      name: 'fix: misspelled resource and module (every call through the module)',
      code: aws('vpc = aws.ec2.Vpcc("main", cidr_block="10.0.0.0/16")\na = aws.ec22.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\nb = aws.ec22.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.2.0/24")'),
      errors: [
        { line: 5, message: /`aws\.ec2\.Vpcc` is not in module `ec2`.*did you mean `Vpc`/ },
        { line: 6, message: /`ec22` is not a module.*did you mean `ec2`/ },
      ],
      output: aws('vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\na = aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24")\nb = aws.ec2.Subnet("b", vpc_id=vpc.id, cidr_block="10.0.2.0/24")'),
    },
    {
      name: 'no fix: the right name is already passed as well',
      code: aws('aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", cidrBlock="10.1.0.0/16")'),
      errors: [{ line: 5, message: /spells it `cidr_block`/ }],
      output: null,
    },
    {
      name: 'no fix: judged against a table that may not be the project one',
      code: aws('aws.ec2.Vpc("main", cidrBlock="10.0.0.0/16")'),
      project: { 'requirements.txt': 'pulumi-aws>=8.0.0\n' },
      errors: [{ line: 5, severity: 'warning', message: /spells it `cidr_block`/ }],
      output: null,
    },
    { code: aws('aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", enable_dns_hostname=True)'), errors: [{ line: 5, column: 47, message: /`enable_dns_hostname`.*did you mean `enable_dns_hostnames`\?/ }] },
    {
      name: 'from pulumi_aws import ec2',
      code: 'from pulumi_aws import ec2\n\nsubnet = ec2.Subnet("public", vpc_id="vpc-1", cidr_block="10.0.1.0/24", map_public_ip=True)\n',
      errors: [{ line: 3, column: 73, message: /`map_public_ip` is not an argument of `ec2\.Subnet`.*did you mean `map_public_ip_on_launch`\?/ }],
    },
    {
      name: 'from pulumi_aws.ec2 import Vpc, camelCase argument',
      code: 'from pulumi_aws.ec2 import Vpc\n\nvpc = Vpc("main", cidrBlock="10.0.0.0/16")\n',
      errors: [{ line: 3, column: 19, message: /`cidrBlock` is not an argument of `Vpc` \(pulumi-aws 7\.\d+\.\d+\): the Python SDK spells it `cidr_block`\./ }],
    },
    { name: 'unknown resource class', code: aws('vpc = aws.ec2.Vpcs("main", cidr_block="10.0.0.0/16")'), errors: [{ line: 5, column: 15, endColumn: 19, message: /`aws\.ec2\.Vpcs` is not in module `ec2` of pulumi-aws 7\.\d+\.\d+; did you mean `Vpc`\?/ }] },
    {
      name: 'unknown class imported, reported once at the import',
      code: 'from pulumi_aws.ec2 import Vpcs, Subnet\n\nvpc = Vpcs("main", cidr_block="10.0.0.0/16")\n',
      errors: [{ line: 1, column: 28, endColumn: 32, message: /`Vpcs` is not in module `ec2`.*did you mean `Vpc`\?/ }],
    },
    { name: 's3 bucket_name', code: aws('aws.s3.Bucket("assets", bucket_name="my-assets")'), errors: [{ line: 5, message: /`bucket_name` is not an argument of `aws\.s3\.Bucket`.*did you mean `bucket`\?/ }] },
    {
      name: 'lambda_: two invented arguments',
      code: aws('aws.lambda_.Function("fn", runtime="python3.12", handler="index.handler", role=role_arn, memory=256, timeout_seconds=30)'),
      errors: [
        { line: 5, message: /`memory` .*did you mean `memory_size`\?/ },
        { line: 5, message: /`timeout_seconds` .*did you mean `timeout`\?/ },
      ],
    },
    { name: 'iam', code: aws('aws.iam.Role("role", assume_role_policy_document=json.dumps({}))'), errors: [{ line: 5, message: /did you mean `assume_role_policy`\?/ }] },
    { name: 'rds', code: aws('aws.rds.Instance("db", engine="postgres", instance_type="db.t3.micro", allocated_storage=20)'), errors: [{ line: 5, message: /`instance_type` .*did you mean `instance_class`\?/ }] },
    { name: 'cloudwatch', code: aws('aws.cloudwatch.MetricAlarm("cpu", metric="CPUUtilization", namespace="AWS/EC2", comparison_operator="GreaterThanThreshold", evaluation_periods=2)'), errors: [{ line: 5, message: /`metric` .*did you mean `metric_name`\?/ }] },
    { name: 'apigateway: the Terraform name rest_api_id', code: aws('aws.apigateway.Method("get", rest_api_id=api.id, resource_id=res.id, http_method="GET", authorization="NONE")'), errors: [{ line: 5, message: /`rest_api_id` .*did you mean `rest_api`\?/ }] },
    { name: 'ecs', code: aws('aws.ecs.Service("svc", cluster=cluster.arn, task_definition_arn=task.arn, desired_count=1)'), errors: [{ line: 5, message: /`task_definition_arn` .*did you mean `task_definition`\?/ }] },
    {
      name: 'input-type class argument',
      code: aws('aws.ec2.SecurityGroup("sg", ingress=[aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=80, to_port=80, cidr_block=["0.0.0.0/0"])])'),
      errors: [{ line: 5, message: /`cidr_block` is not an argument of `aws\.ec2\.SecurityGroupIngressArgs`.*did you mean `cidr_blocks`\?/ }],
    },
    {
      name: 'function arguments, plain and _output',
      code: aws('ami = aws.ec2.get_ami(most_recent=True, owner=["amazon"])\nami2 = aws.ec2.get_ami_output(most_recnt=True, owners=["amazon"])'),
      errors: [
        { line: 5, message: /`owner` is not an argument of `aws\.ec2\.get_ami`.*did you mean `owners`\?/ },
        { line: 6, message: /`most_recnt` .*did you mean `most_recent`\?/ },
      ],
    },
    { name: 'unknown function', code: aws('ami = aws.ec2.get_latest_ami(owners=["amazon"])'), errors: [{ line: 5, message: /`aws\.ec2\.get_latest_ami` is not in module `ec2`.*did you mean `get_ami`\?/ }] },
    { name: 'class from another module', code: aws('aws.ec2.Bucket("b")'), errors: [{ line: 5, message: /`aws\.ec2\.Bucket` is not in module `ec2`.*`Bucket` is in .*`pulumi_aws\.s3`/ }] },
    {
      name: 'unknown module, reported once per file',
      code: aws('lb = aws.elbv2.LoadBalancer("lb")\ntg = aws.elbv2.TargetGroup("tg")'),
      errors: [{ line: 5, column: 10, endColumn: 15, message: /`elbv2` is not a module of pulumi-aws 7\.\d+\.\d+\./ }],
    },
    { name: 'function from another module', code: aws('ami = aws.get_ami(most_recent=True)'), errors: [{ line: 5, column: 11, endColumn: 18, message: /`aws\.get_ami` is not in the top level of `pulumi_aws`.*`get_ami` is in `pulumi_aws\.ec2`\./ }] },
    { name: 'Vpc at the top level', code: 'from pulumi_aws import Vpc\n', errors: [{ line: 1, message: /`Vpc` is not in the top level of `pulumi_aws`.*`Vpc` is in `pulumi_aws\.ec2`/ }] },
    {
      name: 'v6 name under the default (v7) table, with no pin: a warning (the project may install v6)',
      code: aws('aws.s3.Bucket("b", loggings=[{"target_bucket": "logs"}])'),
      errors: [{ line: 5, severity: 'warning', message: /`loggings` is not an argument of `aws\.s3\.Bucket` in pulumi-aws 7\.\d+\.\d+ \(it exists in pulumi-aws 6\.\d+\.\d+\); did you mean `logging`\? Only a warning: no manifest pins the provider, and another major has this name\.$/ }],
    },
    {
      name: 'v7 name under a v6 pin is judged by the v6 table',
      code: aws('aws.s3.Bucket("b", logging={"target_bucket": "logs"})'),
      project: V6_PIN,
      errors: [{ line: 5, severity: 'error', message: /`logging` is not an argument of `aws\.s3\.Bucket` in pulumi-aws 6\.\d+\.\d+ \(it exists in pulumi-aws 7\.\d+\.\d+\); did you mean `loggings`\?/ }],
    },
    {
      name: 'a major without a bundled table lowers findings to warnings',
      code: aws('aws.ec2.Vpc("main", cidr="10.0.0.0/16")'),
      project: { 'requirements.txt': 'pulumi-aws==5.42.0\n' },
      errors: [{ line: 5, severity: 'warning', message: /pulumi-aws 6\.\d+\.\d+; did you mean `cidr_block`\? Only a warning: requirements\.txt pins pulumi-aws ==5\.42\.0 \(major 5\)/ }],
    },
    {
      name: 'a pin newer than the bundled table lowers findings to warnings',
      code: aws('aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", brand_new_argument=True)'),
      files: [{ path: 'pyproject.toml', content: '[project]\ndependencies = ["pulumi-aws>=7.999.0,<8"]\n' }],
      errors: [{ line: 5, severity: 'warning', message: /Only a warning: pyproject\.toml pins pulumi-aws >=7\.999\.0,<8, newer than the bundled/ }],
    },
    {
      name: 'markdown answer block',
      code: '# Answer\n\n```python\nimport pulumi_aws as aws\n\nvpc = aws.ec2.Vpc("main",\n    cidr="10.0.0.0/16")\n```\n',
      path: 'answer.md',
      errors: [{ line: 7, column: 5, message: /did you mean `cidr_block`\?/ }],
    },
    {
      name: 'a key the nested block does not have, also in a list of blocks',
      code: aws(`target = aws.cloudwatch.EventTarget("t", rule="r", arn="arn", retry_policy={"maximum_retry_attempts": 2, "maximum_event_age": 3600})
sg = aws.ec2.SecurityGroup("sg", ingress=[{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_block": "10.0.0.0/8"}])`),
      errors: [
        { line: 5, message: /^`maximum_event_age` is not a field of `retry_policy` \(`EventTargetRetryPolicyArgs` in pulumi-aws 7\.\d+\.\d+\): the SDK passes it on and the setting never applies; did you mean `maximum_event_age_in_seconds`\?$/ },
        { line: 6, message: /^`cidr_block` is not a field of `ingress\[0\]` .*did you mean `cidr_blocks`\?$/ },
      ],
    },
    {
      name: 'TypeScript: a key a nested block does not have, written inline or in a constant',
      path: 'lib/tap-stack.ts',
      code: `${TS}new aws.appmesh.VirtualNode("n", { meshName: "m", spec: { listener: { portMapping: { port: 8080, protocol: "http" } } } });\nconst retry = { maximumEventAge: 3600 };\nnew aws.cloudwatch.EventTarget("t", { rule: "r", arn: "arn", retryPolicy: retry });\n`,
      errors: [
        { line: 2, message: /^`listener` is not a field of `spec` \(`VirtualNodeSpecArgs` in @pulumi\/aws [\d.]+\): tsc rejects it when `pulumi up` compiles the program; did you mean `listeners`\?$/ },
        { line: 3, message: /^`maximumEventAge` is not a field of `retryPolicy` .*did you mean `maximumEventAgeInSeconds`\?$/ },
      ],
    },
    // TypeScript
    {
      name: 'TypeScript: a misspelled argument, also through a spread object',
      path: 'lib/tap-stack.ts',
      code: `${TS}const base = { runtime: "nodejs18.x", handlr: "index.handler" };\nnew aws.lambda.Function("f", { ...base, role: "arn:aws:iam::123456789012:role/x" });\nnew aws.ec2.Vpc("v", { cidr: "10.0.0.0/16" });\n`,
      project: TS_V6,
      errors: [
        { line: 2, message: /^`handlr` is not an argument of `aws.lambda.Function` in @pulumi\/aws 6\.\d+\.\d+; did you mean `handler`\?$/ },
        { line: 4, message: /^`cidr` is not an argument of `aws.ec2.Vpc` in @pulumi\/aws 6\.\d+\.\d+; did you mean `cidrBlock`\?$/ },
      ],
    },
    {
      name: 'TypeScript: a resource or module the provider does not have',
      path: 'lib/tap-stack.ts',
      code: `${TS}new aws.ec2.Vpcs("c", {});\nnew aws.ec3.Vpc("d", {});\n`,
      errors: [
        { line: 2, message: /^`aws.ec2.Vpcs` is not a resource of @pulumi\/aws [\d.]+; did you mean `Vpc`\?$/ },
        { line: 3, message: /^`ec3` is not a module of @pulumi\/aws [\d.]+; did you mean `ec2`\?$/ },
      ],
    },
  ],
});
