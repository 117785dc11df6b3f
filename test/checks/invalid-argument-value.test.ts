import { invalidArgumentValue } from '../../checks/invalid-argument-value.js';
import { ruleTester } from '../support/rule-tester.js';

const header = 'import json\nimport pulumi\nimport pulumi_aws as aws\n\n';
const ts = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\n';

ruleTester(invalidArgumentValue, {
  valid: [
    header + 'aws.lambda_.Function("f", role="r", runtime="python3.12", handler="index.handler", environment={"variables": {"REGION": "us-east-1", "TABLE": "t"}})\n',
    // Log groups encrypted with a key whose policy lets CloudWatch Logs use it, or a key the model cannot see.
    header + 'region = "us-east-1"\nkey = aws.kms.Key("k", policy=json.dumps({"Statement": [{"Effect": "Allow", "Principal": {"Service": f"logs.{region}.amazonaws.com"}, "Action": "kms:*", "Resource": "*"}]}))\naws.cloudwatch.LogGroup("g", kms_key_id=key.arn)\n',
    header + 'key = aws.kms.Key("k")\naws.kms.KeyPolicy("p", key_id=key.id, policy=json.dumps({"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.amazonaws.com"}, "Action": "kms:*", "Resource": "*"}]}))\naws.cloudwatch.LogGroup("g", kms_key_id=key.arn)\n',
    header + 'def group(key_arn):\n    return aws.cloudwatch.LogGroup("g", kms_key_id=key_arn)\n',
    { path: 'index.ts', code: ts + 'const key = new aws.kms.Key("k", { policy: pulumi.output(doc).apply((d) => JSON.stringify(d)) });\nnew aws.cloudwatch.LogGroup("g", { kmsKeyId: key.arn });\n' },
    // Private REST APIs with a resource policy (argument or RestApiPolicy), and regional ones without.
    header + 'api = aws.apigateway.RestApi("a", endpoint_configuration={"types": "PRIVATE"}, policy=json.dumps({"Statement": []}))\naws.apigateway.Deployment("d", rest_api=api.id)\n',
    header + 'api = aws.apigateway.RestApi("a", endpoint_configuration={"types": "PRIVATE"})\naws.apigateway.RestApiPolicy("p", rest_api_id=api.id, policy="{}")\naws.apigateway.Deployment("d", rest_api=api.id)\n',
    { path: 'index.ts', code: ts + 'const api = new aws.apigateway.RestApi("a", { endpointConfiguration: { types: "REGIONAL" } });\nnew aws.apigateway.Deployment("d", { restApi: api.id });\n' },
    // Dashboard metric rows with dimensions as name, value pairs and rendering options last.
    header + 'fn = aws.lambda_.Function("f", role="r")\naws.cloudwatch.Dashboard("d", dashboard_name="ops", dashboard_body=fn.name.apply(lambda name: json.dumps({"widgets": [{"type": "metric", "properties": {"metrics": [["AWS/Lambda", "Errors", "FunctionName", name, {"stat": "Sum", "label": "errors"}]]}}]})))\n',
    // Closed strings with accepted values, settings given together.
    header + 'aws.dynamodb.Table("t", billing_mode="PAY_PER_REQUEST", hash_key="id", attributes=[{"name": "id", "type": "S"}], stream_view_type="NEW_AND_OLD_IMAGES")\nq = aws.sqs.Queue("q")\naws.lambda_.EventSourceMapping("m", event_source_arn=q.arn, function_name="f")\n',
    { path: 'index.ts', code: ts + 'new aws.cloudfront.Distribution("d", { enabled: true, customErrorResponses: [{ errorCode: 404, responseCode: 200, responsePagePath: "/index.html" }] } as any);\nnew aws.s3.BucketVersioning("v", { bucket: "b", versioningConfiguration: { status: "Enabled", mfaDelete: "Disabled" } });\nnew aws.lambda.Function("f", { role: "r", architectures: ["arm64"] });\n' },
    // Lambda roles allowed what the function's dead-letter queue and tracing need, or not known whole.
    header + 'role = aws.iam.Role("r", assume_role_policy="{}")\ndlq = aws.sqs.Queue("dlq")\naws.iam.RolePolicy("p", role=role.id, policy=dlq.arn.apply(lambda arn: json.dumps({"Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": arn}]})))\naws.iam.RolePolicyAttachment("x", role=role.name, policy_arn="arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess")\naws.lambda_.Function("f", role=role.arn, dead_letter_config={"target_arn": dlq.arn}, tracing_config={"mode": "Active"})\n',
    header + 'role = aws.iam.Role("r", assume_role_policy="{}")\ndlq = aws.sqs.Queue("dlq")\naws.iam.RolePolicyAttachment("x", role=role.name, policy_arn=config.require("policyArn"))\naws.lambda_.Function("f", role=role.arn, dead_letter_config={"target_arn": dlq.arn})\n',
    // Hosted zones: a real domain, a private zone (attached to a VPC), a record under a reserved domain.
    header + 'aws.route53.Zone("z", name="payments.acme-corp.io")\nvpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\naws.route53.Zone("p", name="internal.example.com", vpcs=[{"vpc_id": vpc.id}])\n',
    { path: 'index.ts', code: ts + 'const env = "dev";\nnew aws.route53.Zone("z", { name: `${env}.examples.com` });\nnew aws.route53.Zone("t", { name: `${env}-test` });\n' },
    header + 'aws.ec2.Vpc("v", cidr_block="10.0.0.0/16", enable_dns_hostnames=True, tags={"Name": "main"})\n',
    header + 'aws.ec2.SecurityGroup("sg", ingress=[{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}])\n',
    header + 'aws.lambda_.Function("f", role="r", runtime="python3.12", handler="index.handler", timeout=30, memory_size=256, code=pulumi.FileArchive("./app"))\n',
    header + 'aws.lambda_.Function("f", role="r", runtime=aws.lambda_.Runtime.PYTHON3D12)\n',
    // Deprecated runtimes are IAC402's, not wrong values.
    header + 'aws.lambda_.Function("f", role="r", runtime="python3.7")\n',
    // A policy as a dict where the type takes a PolicyDocument; JSON text where it takes a string.
    header + 'aws.iam.Role("r", assume_role_policy={"Version": "2012-10-17", "Statement": []})\n',
    header + 'aws.ecs.TaskDefinition("t", family="app", container_definitions=json.dumps([{"name": "app", "image": "nginx"}]))\n',
    header + 'aws.ec2.Instance("i", ami="ami-123", instance_type="t3.micro")\n',
    // A family newer than the table is not judged; values the model does not know are not judged.
    header + 'aws.ec2.Instance("i", ami="ami-123", instance_type="zz9.large")\n',
    header + 'config = pulumi.Config()\naws.ec2.Instance("i", ami="ami-123", instance_type=config.get("type") or "t3.micro")\n',
    header + 'def sg(cidrs):\n    return aws.ec2.SecurityGroup("sg", ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": cidrs}])\n',
    header + 'aws.iam.RolePolicyAttachment("a", role="r", policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")\n',
    // A slice of a string known only in part is still a string.
    header + 'config = pulumi.Config()\nprefix = config.require("prefix")\naws.s3.Bucket("b", bucket=f"{prefix}-artifacts"[:63])\n',
    // An object of the program's own class: its fields are not all known.
    header + 'class Rule:\n    def __init__(self, port):\n        self.protocol = "tcp"\n        self.from_port = port\n        self.to_port = port\naws.ec2.SecurityGroup("sg", ingress=[Rule(443)])\n',
    { path: 'README.md', code: '```python\nimport pulumi_aws as aws\naws.ec2.Vpc("v", cidr_block="10.0.0.0/16", enable_dns_support=True)\n```\n' },
    // TypeScript: the right types, camelCase inputs, enum members.
    { path: 'index.ts', code: ts + 'new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, tags: { Name: "main" } });\n' },
    { path: 'index.ts', code: ts + 'new aws.ec2.SecurityGroup("sg", { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] });\n' },
    { path: 'index.ts', code: ts + 'new aws.lambda.Function("f", { role: "r", runtime: aws.lambda.Runtime.NodeJS20dX, handler: "index.handler", timeout: 30, code: new pulumi.asset.FileArchive("./app") });\n' },
    { path: 'index.ts', code: ts + 'new aws.ecs.TaskDefinition("t", { family: "app", containerDefinitions: JSON.stringify([{ name: "app", image: "nginx" }]) });\n' },
  ],
  invalid: [
    {
      code: header + 'aws.ec2.SecurityGroup("sg", ingress=[{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": "0.0.0.0/0"}])\n',
      errors: [{ line: 5, message: /`ingress\[0\]\.cidr_blocks` of `aws\.ec2\.SecurityGroup` \(pulumi-aws 7\.\d+\.\d+\) is a string, but it takes a list of strings: write `\["0\.0\.0\.0\/0"\]`/ }],
    },
    { code: header + 'aws.ec2.Vpc("v", cidr_block="10.0.0.0/16", enable_dns_hostnames="true")\n', errors: [{ line: 5, severity: 'notice', message: /is the string "true", but it takes a boolean \(the provider converts it, but the SDK declares the other type\): write `True`/ }] },
    { code: header + 'aws.lambda_.Function("f", role="r", timeout="30")\n', errors: [{ line: 5, severity: 'notice', message: /`timeout` .* takes a number .*: write `30`/ }] },
    { code: header + 'aws.lambda_.Function("f", role="r", runtime="python3.99")\n', errors: [{ line: 5, message: /"python3\.99", which is not a `Runtime` AWS accepts; did you mean/ }] },
    { code: header + 'aws.lambda_.Function("f", role="r", runtime="nodejs20")\n', errors: [{ line: 5, message: /did you mean "nodejs20\.x"/ }] },
    { code: header + 'aws.ec2.Instance("i", ami="ami-123", instance_type="t3.mega")\n', errors: [{ line: 5, message: /the t3 family has no such size/ }] },
    { code: header + 'aws.ecs.TaskDefinition("t", family="app", container_definitions=[{"name": "app", "image": "nginx"}])\n', errors: [{ line: 5, message: /is a list, but it takes a string/ }] },
    { code: header + 'aws.sqs.Queue("q", redrive_policy={"deadLetterTargetArn": "arn", "maxReceiveCount": 3})\n', errors: [{ line: 5, message: /is a dict, but it takes a string: a JSON document has to be passed as text/ }] },
    { code: header + 'aws.s3.Bucket("b", tags=[{"Key": "Name", "Value": "logs"}])\n', errors: [{ line: 5, message: /takes a map of strings: write a dict/ }] },
    { code: header + 'aws.lambda_.Function("f", role="r", code="./lambda.zip")\n', errors: [{ line: 5, message: /pulumi\.FileArchive\("\.\/lambda\.zip"\)/ }] },
    { code: header + 'aws.iam.RolePolicyAttachment("a", role="r", policy_arn="arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole")\n', errors: [{ line: 5, message: /"arn:aws:iam::aws:policy\/service-role\/AWSLambdaBasicExecutionRole"/ }] },
    // Through a module constant, a helper's parameter and a loop (one finding for the code written once).
    { code: header + 'RUNTIME = "python3.99"\naws.lambda_.Function("f", role="r", runtime=RUNTIME)\n', errors: [{ line: 6, message: /python3\.99/ }] },
    {
      code: header + 'def fn(name, timeout):\n    return aws.lambda_.Function(name, role="r", timeout=timeout)\nfor name in ["a", "b"]:\n    fn(name, "60")\n',
      errors: [{ line: 6, severity: 'notice', message: /`timeout`/ }],
    },
    {
      code:
        header +
        'class Net(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Net", name, None, opts)\n' +
        '        self.cidr = "10.0.0.0/16"\n' +
        '        self._sg()\n' +
        '    def _sg(self):\n' +
        '        aws.ec2.SecurityGroup("sg", ingress=[aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=80, to_port=80, cidr_blocks=self.cidr)], opts=pulumi.ResourceOptions(parent=self))\n',
      errors: [{ line: 11, message: /`ingress\[0\]\.cidr_blocks`/ }],
    },
    { path: 'lib/MODEL_RESPONSE.md', code: '```python\nimport pulumi_aws as aws\naws.ec2.Vpc("v", cidr_block="10.0.0.0/16", enable_dns_support="yes")\n```\n', errors: [{ line: 3, path: 'lib/MODEL_RESPONSE.md' }] },
    // TypeScript: a string for a number or boolean does not compile, so it is an error; names and fixes as TypeScript writes them.
    {
      path: 'index.ts',
      code: ts + 'new aws.ec2.SecurityGroup("sg", { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: "0.0.0.0/0" }] });\n',
      errors: [{ line: 4, message: /`ingress\[0\]\.cidrBlocks` of `aws\.ec2\.SecurityGroup` \(@pulumi\/aws 7\.\d+\.\d+\) is a string, but it takes a list of strings/ }],
    },
    { path: 'index.ts', code: ts + 'new aws.lambda.Function("f", { role: "r", timeout: "30" });\n', errors: [{ line: 4, severity: 'error', message: /`timeout` .* takes a number \(tsc rejects it.*write `30`/ }] },
    { path: 'index.ts', code: ts + 'new aws.ec2.Vpc("v", { cidrBlock: "10.0.0.0/16", enableDnsHostnames: "true" });\n', errors: [{ line: 4, severity: 'error', message: /`enableDnsHostnames` .* write `true`\./ }] },
    { path: 'index.ts', code: ts + 'new aws.s3.Bucket("b", { tags: [{ Key: "Name", Value: "logs" }] });\n', errors: [{ line: 4, message: /write an object \(`\{ Name: "web" \}`\)/ }] },
    { path: 'index.ts', code: ts + 'new aws.lambda.Function("f", { role: "r", runtime: "nodejs20" });\n', errors: [{ line: 4, message: /did you mean "nodejs20\.x"/ }] },
    { path: 'index.ts', code: ts + 'new aws.lambda.Function("f", { role: "r", code: "./lambda.zip" });\n', errors: [{ line: 4, message: /`new pulumi\.asset\.FileArchive\("\.\/lambda\.zip"\)`/ }] },
    { path: 'index.ts', code: ts + 'new aws.sqs.Queue("q", { redrivePolicy: { deadLetterTargetArn: "arn", maxReceiveCount: 3 } });\n', errors: [{ line: 4, message: /is an object, but it takes a string.*`JSON\.stringify\(\.\.\.\)`/ }] },
    {
      path: 'index.ts',
      code: ts + 'const TYPES = ["t3.mega", "t3.micro"];\nfor (const type of TYPES) {\n  new aws.ec2.Instance(`i-${type}`, { ami: "ami-123", instanceType: type });\n}\n',
      errors: [{ line: 6, message: /the t3 family has no such size/ }],
    },
    {
      name: 'a public hosted zone under a domain AWS reserves',
      code: header + 'env = "dev"\nzone = aws.route53.Zone("z", name=f"payments-{env}.example.com")\n',
      errors: [{ line: 6, message: /^`name` of `aws\.route53\.Zone` ends in `example\.com`, a domain reserved for documentation and tests: Route 53 does not create a public hosted zone for it \(InvalidDomainName\)/ }],
    },
    {
      name: 'TypeScript: a public hosted zone under a reserved domain, with an unknown prefix too',
      path: 'index.ts',
      code: ts + 'export function zones(suffix: string) {\n  new aws.route53.Zone("z", { name: `tradingdb-${suffix}.example.com` });\n  new aws.route53.Zone("t", { name: "app.test" });\n}\n',
      errors: [{ line: 5, message: /ends in `example\.com`/ }, { line: 6, message: /ends in `test`/ }],
    },
    {
      name: 'a Lambda environment variable the runtime reserves',
      code: header + 'aws.lambda_.Function("f", role="r", runtime="python3.12", handler="index.handler",\n    environment=aws.lambda_.FunctionEnvironmentArgs(variables={"AWS_REGION": "us-east-1", "TABLE": "t"}))\n',
      errors: [{ line: 6, message: /^`AWS_REGION` in the environment of `aws\.lambda_\.Function` is a variable the Lambda runtime sets itself: AWS refuses reserved keys/ }],
    },
    {
      name: 'TypeScript: reserved Lambda environment variables through a variable',
      path: 'index.ts',
      code: ts + 'const env = { AWS_ACCESS_KEY_ID: "x", TABLE: "t" };\nnew aws.lambda.Function("f", { role: "r", environment: { variables: env } });\n',
      errors: [{ line: 4, message: /^`AWS_ACCESS_KEY_ID` in the environment of `aws\.lambda\.Function`/ }],
    },
    {
      name: 'a log group encrypted with a key that has no policy',
      code: header + 'key = aws.kms.Key("k", enable_key_rotation=True)\naws.cloudwatch.LogGroup("g", retention_in_days=7, kms_key_id=key.arn)\n',
      errors: [{ line: 6, message: /^`kms_key_id` of `aws\.cloudwatch\.LogGroup`: `aws\.kms\.Key` has no key policy, and the default one does not let CloudWatch Logs use the key, so creating the log group fails \(AccessDeniedException\)/ }],
    },
    {
      name: 'TypeScript: a log group encrypted with a key whose policy leaves CloudWatch Logs out',
      path: 'index.ts',
      code: ts + 'const key = new aws.kms.Key("k", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" }] }) });\nnew aws.cloudwatch.LogGroup("g", { kmsKeyId: key.arn });\n',
      errors: [{ line: 5, message: /^`kmsKeyId` of `aws\.cloudwatch\.LogGroup`: the policy of `aws\.kms\.Key` never names the CloudWatch Logs service/ }],
    },
    {
      name: 'a private REST API deployed without a resource policy',
      code: header + 'api = aws.apigateway.RestApi("a", endpoint_configuration=aws.apigateway.RestApiEndpointConfigurationArgs(types="PRIVATE"))\naws.apigateway.Deployment("d", rest_api=api.id)\n',
      errors: [{ line: 5, message: /^`aws\.apigateway\.RestApi` is a PRIVATE API without a resource policy: API Gateway refuses to deploy it/ }],
    },
    {
      name: 'TypeScript: a private REST API deployed without a resource policy',
      path: 'index.ts',
      code: ts + 'const api = new aws.apigateway.RestApi("a", { endpointConfiguration: { types: "PRIVATE" } });\nnew aws.apigateway.Deployment("d", { restApi: api.id });\n',
      errors: [{ line: 4, message: /PRIVATE API without a resource policy.*Give it `policy`/ }],
    },
    {
      name: 'dashboard metric rows with dimensions as an object or under `dimensions`',
      code: header + 'fn = aws.lambda_.Function("f", role="r")\naws.cloudwatch.Dashboard("d", dashboard_name="ops", dashboard_body=fn.name.apply(lambda name: json.dumps({"widgets": [{"type": "metric", "properties": {"metrics": [\n    ["AWS/Lambda", "Errors", {"FunctionName": name}],\n    ["AWS/Lambda", "Duration", {"stat": "Average", "dimensions": {"FunctionName": name}}]]}}]})))\n',
      errors: [
        { line: 7, message: /^A metric row's options object in the `dashboard_body` of `aws\.cloudwatch\.Dashboard` has `FunctionName`, which is not a rendering property/ },
        { line: 8, message: /has `dimensions`, which is not a rendering property/ },
      ],
    },
    {
      name: 'TypeScript: a dashboard metric row with dimensions as an object, inside pulumi.all(...).apply',
      path: 'index.ts',
      code: ts + 'const asg = new aws.autoscaling.Group("g", { maxSize: 2, minSize: 1 });\nnew aws.cloudwatch.Dashboard("d", {\n  dashboardName: "ops",\n  dashboardBody: pulumi.all([asg.name]).apply(([name]) => JSON.stringify({ widgets: [{ type: "metric", properties: { metrics: [\n    ["AWS/AutoScaling", "GroupDesiredCapacity", { AutoScalingGroupName: name }],\n  ] } }] })),\n});\n',
      errors: [{ line: 8, message: /has `AutoScalingGroupName`, which is not a rendering property.*`dashboardBody`|`dashboardBody` of `aws\.cloudwatch\.Dashboard` has `AutoScalingGroupName`/ }],
    },
    {
      name: 'closed strings the schema leaves open, and settings AWS refuses',
      code: header + 'aws.dynamodb.Table("t", billing_mode="ON_DEMAND", hash_key="id", attributes=[{"name": "id", "type": "S"}])\nfn = aws.lambda_.Function("f", role="r", architectures=["arm"])\naws.lambda_.EventSourceMapping("m", event_source_arn=fn.arn, function_name="g")\naws.s3.BucketVersioningV2("v", bucket="b", versioning_configuration={"status": "Enabled", "mfa_delete": "Enabled"})\n',
      errors: [
        { line: 5, message: /^`billing_mode` of `aws\.dynamodb\.Table` is "ON_DEMAND", which AWS does not accept: one of "PROVISIONED", "PAY_PER_REQUEST"\.$/ },
        { line: 6, message: /^`architectures` of `aws\.lambda_\.Function` holds "arm"/ },
        { line: 7, message: /^`event_source_arn` of `aws\.lambda_\.EventSourceMapping` is a Lambda function/ },
        { line: 8, message: /^`versioning_configuration\.mfa_delete` of `aws\.s3\.BucketVersioningV2` is "Enabled" without `mfa`/ },
      ],
    },
    {
      name: 'TypeScript: a CloudFront error page without its status code',
      path: 'index.ts',
      code: ts + 'new aws.cloudfront.Distribution("d", { enabled: true, customErrorResponses: [{ errorCode: 404, responsePagePath: "/404.html" }] } as any);\n',
      errors: [{ line: 4, message: /^`customErrorResponses\[0\]\.responsePagePath` of `aws\.cloudfront\.Distribution` is set without `responseCode`/ }],
    },
    {
      name: 'a Lambda dead-letter queue and Active tracing the role is not allowed to use',
      code: header + 'role = aws.iam.Role("r", assume_role_policy="{}")\naws.iam.RolePolicyAttachment("basic", role=role.name, policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")\ndlq = aws.sqs.Queue("dlq")\naws.lambda_.Function("f", role=role.arn,\n    dead_letter_config={"target_arn": dlq.arn},\n    tracing_config={"mode": "Active"})\n',
      errors: [
        { line: 9, message: /^`dead_letter_config` of `aws\.lambda_\.Function` needs `sqs:SendMessage` for its SQS dead-letter queue, and no policy of its role `aws\.iam\.Role` allows it/ },
        { line: 10, message: /^`tracing_config` .* needs `xray:PutTraceSegments` for Active X-Ray tracing/ },
      ],
    },
    {
      name: 'TypeScript: a Lambda dead-letter topic the role is not allowed to publish to',
      path: 'index.ts',
      code: ts + 'const role = new aws.iam.Role("r", { assumeRolePolicy: "{}", managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"] });\nconst topic = new aws.sns.Topic("t");\nnew aws.lambda.Function("f", { role: role.arn, deadLetterConfig: { targetArn: topic.arn } });\n',
      errors: [{ line: 6, message: /^`deadLetterConfig` of `aws\.lambda\.Function` needs `sns:Publish` for its SNS dead-letter topic/ }],
    },
  ],
});
