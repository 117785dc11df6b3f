/**
 * Renderers of the files around the Pulumi program: the boto3 Lambda handler, the unit tests
 * (Pulumi mocks), the integration tests (boto3 against deployed outputs) and the Markdown
 * model answers built from component files.
 */
import type { Planter } from './planter.js';
import { componentFile } from './program-files.js';
import { Code } from './python-writer.js';
import type { Random } from './seeded-random.js';
import { azs, title, truncate } from './text-helpers.js';
import type { Component, Plan } from './vocabulary.js';

export function handlerFile(random: Random, planter: Planter, plan: Plan): string {
  const code = new Code();
  code.line(`"""Lambda handler for the ${title(plan.project.name)} services."""`);
  code.many(['import json', 'import logging', 'import os', '', 'import boto3', '', 'logger = logging.getLogger()', 'logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))', '', 'dynamodb = boto3.resource("dynamodb")', 's3 = boto3.client("s3")', '', '']);
  let round = 0;
  while (code.length < plan.target - 800 && round < 300) {
    const name = `${random.pick(['get', 'put', 'list', 'delete', 'process', 'sync'])}_${random.pick(['item', 'order', 'user', 'record', 'event', 'report'])}_${round}`;
    code.line(`def ${name}(event, context):`);
    code.in().line(`"""Handles ${name.replace(/_/g, ' ')} requests."""`);
    code.line('table = dynamodb.Table(os.environ["TABLE_NAME"])');
    code.line('body = json.loads(event.get("body") or "{}")');
    code.line('if not body.get("id"):');
    code.in().line('return {"statusCode": 400, "body": json.dumps({"error": "id is required"})}').out();
    code.line('try:');
    code.in().line(`result = table.${random.pick(['get_item(Key={"id": body["id"]})', 'put_item(Item=body)', 'delete_item(Key={"id": body["id"]})', 'scan(Limit=50)'])}`);
    code.line(`logger.info("${name} done", extra={"id": body.get("id")})`).out();
    code.line('except Exception as error:  # noqa: BLE001');
    code.in().line(`logger.exception("${name} failed")`).line('return {"statusCode": 500, "body": json.dumps({"error": str(error)})}').out();
    if (planter.plant('shell command in handler', 0.01)) code.line('os.system(f"aws s3 cp /tmp/out s3://{os.environ[\'BUCKET\']}/")');
    code.line('return {"statusCode": 200, "body": json.dumps(result, default=str)}');
    code.out().line('').line('');
    round++;
  }
  code.line('def main(event, context):');
  code.in().line('"""Entry point: routes on the HTTP method."""').line('method = event.get("httpMethod", "GET")').line('return {"statusCode": 200, "body": json.dumps({"method": method})}').out();
  return code.text();
}

export function unitTestFile(random: Random, planter: Planter, plan: Plan): string {
  const { project } = plan;
  const code = new Code();
  const execPlanted = planter.plant('exec in tests', 0.05);
  code.line(`"""Unit tests for the ${title(project.name)} TapStack, run against Pulumi mocks."""`);
  code.many(['import json', 'import unittest', '', 'import pulumi', '', '']);
  code.line('class MyMocks(pulumi.runtime.Mocks):');
  code.in().line('"""Returns predictable IDs and echoes inputs."""').line('');
  code.line('def new_resource(self, args: pulumi.runtime.MockResourceArgs):');
  code.in().many(['outputs = dict(args.inputs)', 'if args.typ == "aws:ec2/vpc:Vpc":', '    outputs["id"] = "vpc-123456"', 'if args.typ == "aws:s3/bucket:Bucket":', '    outputs["arn"] = f"arn:aws:s3:::{args.name}"', 'return [args.name + "_id", outputs]']).out().line('');
  code.line('def call(self, args: pulumi.runtime.MockCallArgs):');
  code.in().many(['if args.token == "aws:index/getAvailabilityZones:getAvailabilityZones":', `    return {"names": [${azs(project).map((zone) => `"${zone}"`).join(', ')}]}`, 'return {}']).out();
  code.out().line('').line('');
  code.line('pulumi.runtime.set_mocks(MyMocks(), preview=False)');
  code.line('');
  code.line(`from lib.${project.name}.tap_stack import TapStack, TapStackArgs  # noqa: E402`);
  code.line('');
  code.line('');
  code.line('class TestTapStack(unittest.TestCase):');
  code.in().line('"""TapStack resources and outputs."""').line('');
  code.line('def setUp(self):');
  code.in().line('self.stack = TapStack("test-stack", TapStackArgs(environment_suffix="test"))').out().line('');
  let round = 0;
  while (code.length < plan.target - 600 && round < 300) {
    const subject = random.pick(['vpc', 'public_subnet_ids', 'private_subnet_ids', 'tags', 'environment_suffix', 'name_prefix']);
    const empty = planter.plant('test without assertion', 0.02);
    code.line('@pulumi.runtime.test');
    code.line(`def test_${subject}_${round}(self):`);
    code.in().line(`"""${subject.replace(/_/g, ' ')} is set up as expected."""`);
    if (empty) {
      code.line(`value = self.stack.${subject}`);
      code.line('print(value)');
    } else if (subject === 'vpc') {
      code.line('def check(vpc_id):');
      code.in().line('self.assertEqual(vpc_id, "vpc-123456")').out();
      code.line('return self.stack.vpc_id.apply(check)');
    } else if (subject.endsWith('_ids')) {
      code.line(`def check(ids):`);
      code.in().line(`self.assertEqual(len(ids), ${project.azCount})`).line('for subnet_id in ids:').in().line('self.assertTrue(subnet_id)').out().out();
      code.line(`return pulumi.Output.all(*self.stack.${subject}).apply(check)`);
    } else {
      code.line(`self.assertIsNotNone(self.stack.${subject})`);
      if (random.chance(0.5)) code.line(`self.assertIn("test", json.dumps(self.stack.tags))`);
    }
    code.out().line('');
    round++;
  }
  if (execPlanted) {
    code.line('def test_lambda_handler(self):');
    code.in().line('"""The handler answers 200."""');
    code.line(`with open("lib/${project.name}/lambda/handler.py", encoding="utf-8") as handle:`);
    code.in().line('lambda_code = handle.read()').out();
    code.line('exec(lambda_code, globals())');
    code.line('self.assertEqual(main({}, None)["statusCode"], 200)').out().line('');
  }
  code.out().line('');
  code.line('if __name__ == "__main__":');
  code.in().line('unittest.main()');
  return code.text();
}

export function integrationTestFile(random: Random, planter: Planter, plan: Plan): string {
  const { project } = plan;
  const code = new Code();
  code.line(`"""Integration tests: the deployed ${title(project.name)} stack, read from cfn-outputs/flat-outputs.json."""`);
  code.many(['import json', 'import os', 'import unittest', '', 'import boto3', '', '']);
  code.line('OUTPUTS_FILE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "cfn-outputs", "flat-outputs.json")');
  code.line('');
  code.line('');
  code.line('class TestDeployedStack(unittest.TestCase):');
  code.in().line('"""Checks the live resources."""').line('');
  code.line('@classmethod');
  code.line('def setUpClass(cls):');
  code.in().line('with open(OUTPUTS_FILE, encoding="utf-8") as handle:').in().line('cls.outputs = json.load(handle)').out();
  code.line(`cls.region = os.environ.get("AWS_REGION", "${project.region}")`);
  code.line('cls.ec2 = boto3.client("ec2", region_name=cls.region)');
  code.line('cls.s3 = boto3.client("s3", region_name=cls.region)');
  code.line('cls.lambda_client = boto3.client("lambda", region_name=cls.region)').out().line('');
  let round = 0;
  while (code.length < plan.target - 300 && round < 300) {
    const which = random.int(0, 2);
    code.line(`def test_${['vpc_exists', 'bucket_is_encrypted', 'lambda_is_configured'][which]}_${round}(self):`);
    code.in().line(`"""${['The VPC exists and has DNS support.', 'The bucket has default encryption.', 'The function runs the expected runtime.'][which]}"""`);
    if (which === 0) {
      code.line('vpc_id = self.outputs["vpc_id"]');
      code.line('response = self.ec2.describe_vpcs(VpcIds=[vpc_id])');
      code.line('self.assertEqual(len(response["Vpcs"]), 1)');
      code.line('attribute = self.ec2.describe_vpc_attribute(VpcId=vpc_id, Attribute="enableDnsSupport")');
      code.line('self.assertTrue(attribute["EnableDnsSupport"]["Value"])');
    } else if (which === 1) {
      code.line('bucket = self.outputs["bucket_name"]');
      code.line('encryption = self.s3.get_bucket_encryption(Bucket=bucket)');
      code.line('rules = encryption["ServerSideEncryptionConfiguration"]["Rules"]');
      code.line('self.assertTrue(any(rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "aws:kms" for rule in rules))');
    } else {
      code.line('function = self.lambda_client.get_function(FunctionName=self.outputs["lambda_arn"])');
      code.line('with self.subTest(part="runtime"):');
      code.in().line('self.assertTrue(function["Configuration"]["Runtime"].startswith("python3"))').out();
    }
    code.out().line('');
    round++;
  }
  code.out();
  code.line('');
  code.line('if __name__ == "__main__":');
  code.in().line('unittest.main()');
  return code.text();
}

export function answerFile(random: Random, planter: Planter, plan: Plan): string {
  const { project } = plan;
  const parts: string[] = [];
  parts.push(`# ${title(project.name)} infrastructure with Pulumi (Python)\n`);
  parts.push(`Below is a complete Pulumi Python implementation for the ${title(project.name)} platform in \`${project.region}\`. It follows the ComponentResource pattern, keeps every resource tagged and exports the values the integration tests read.\n`);
  parts.push('## Project structure\n\n```\nlib/\n  tap_stack.py\n  components/\ntests/\n  unit/test_tap_stack.py\n  integration/test_tap_stack.py\n```\n');
  let size = parts.join('\n').length;
  let index = 0;
  const terraform = planter.plant('Terraform syntax in an answer', 0.04);
  while (size < plan.target) {
    const component = project.components[index % project.components.length] as Component;
    const section = componentFile(random, planter, { ...plan, kind: 'component', target: Math.min(plan.target - size, random.int(3_000, 9_000)) }, component);
    const fence = random.chance(0.85) ? 'python' : random.pick(['py', 'Python']);
    const listIndent = random.chance(0.1) ? '   ' : '';
    parts.push(`## ${index + 1}. \`lib/components/${component}.py\`\n`);
    parts.push(`${listIndent ? '1. ' : ''}The ${component} layer ${random.pick(['creates', 'defines', 'provisions'])} ${random.pick(['the resources below', 'one set of resources per service', 'what the stack needs'])}:\n`);
    parts.push(`${listIndent}\`\`\`${fence}\n${section.split('\n').map((line) => (line ? listIndent + line : line)).join('\n')}${listIndent}\`\`\`\n`);
    if (terraform && index === 1) parts.push('Equivalent bucket definition:\n\n```python\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  acl    = "private"\n}\n```\n');
    parts.push(random.pick(['Key points:\n\n- Every resource has `parent=self`.\n- Names carry the environment suffix.\n', 'This keeps the layer self-contained and testable with mocks.\n', '']));
    size = parts.join('\n').length;
    index++;
    if (index > 60) break;
  }
  let text = parts.join('\n');
  if (planter.plant('truncated answer', 0.12)) text = truncate(random, text);
  return text;
}
