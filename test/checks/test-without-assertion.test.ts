import { testWithoutAssertion } from '../../checks/test-without-assertion.js';
import { ruleTester } from '../support/rule-tester.js';

const UNIT = 'tests/unit/test_tap_stack.py';
const STACK = { 'lib/tap_stack.py': 'import pulumi\nimport pulumi_aws as aws\n\nclass TapStack(pulumi.ComponentResource):\n    pass\n' };
const MOCKS = `import pulumi


class MyMocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        return [args.name + "_id", args.inputs]

    def call(self, args):
        return {}


pulumi.runtime.set_mocks(MyMocks())
`;

ruleTester(testWithoutAssertion, {
  valid: [
    {
      name: 'Pulumi unit test asserting inside apply, with mocks',
      path: UNIT,
      project: STACK,
      code: `${MOCKS}
from lib.tap_stack import TapStack


@pulumi.runtime.test
def test_vpc_cidr():
    stack = TapStack("t")

    def check(cidr):
        assert cidr == "10.0.0.0/16"

    return stack.vpc.cidr_block.apply(check)
`,
    },
    {
      name: 'unittest assertions, mock asserts, pytest.raises, self.fail',
      path: UNIT,
      code: 'import unittest\nfrom unittest import mock\nimport pytest\n\nclass TestStack(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(1, 1)\n\n    def test_b(self):\n        m = mock.Mock()\n        m()\n        m.assert_called_once()\n\n    def test_c(self):\n        with pytest.raises(ValueError):\n            int("x")\n\n    def test_d(self):\n        if 1 > 2:\n            self.fail("bad")\n',
    },
    {
      name: 'assertion in a module helper passed to apply, and in a helper chain',
      path: UNIT,
      code: 'def _check_tags(tags):\n    assert tags["Environment"] == "dev"\n\ndef verify(stack):\n    _check_tags(stack.tags)\n\ndef test_tags():\n    stack = make()\n    return stack.tags.apply(_check_tags)\n\ndef test_verify():\n    verify(make())\n',
    },
    {
      name: 'helpers from a test-support module or a custom base class may assert',
      path: UNIT,
      code: 'from tests.helpers import check_bucket\nfrom tests.base import StackTest\n\ndef test_bucket():\n    check_bucket("logs")\n\nclass TestVpc(StackTest):\n    def test_vpc(self):\n        self.verify_vpc()\n',
    },
    {
      name: 'integration tests: head_bucket and waiters raise on failure',
      path: 'tests/integration/test_tap_stack.py',
      code: 'import boto3\n\ndef test_bucket_exists():\n    boto3.client("s3").head_bucket(Bucket="logs")\n\ndef test_instance_running():\n    boto3.client("ec2").get_waiter("instance_running").wait(InstanceIds=["i-1"])\n',
    },
    {
      name: 'mocks set in conftest.py',
      path: UNIT,
      project: { 'tests/conftest.py': MOCKS, ...STACK },
      code: 'import pulumi\nfrom lib.tap_stack import TapStack\n\n@pulumi.runtime.test\ndef test_stack():\n    stack = TapStack("t")\n    return stack.urn.apply(lambda urn: assert_urn(urn))\n\ndef assert_urn(urn):\n    assert urn\n',
    },
    {
      name: 'conditional skips and skips in a plain scan',
      path: UNIT,
      code: 'import sys\nimport pytest\n\n@pytest.mark.skipif(sys.platform == "win32", reason="posix only")\ndef test_a():\n    assert True\n\ndef test_b():\n    if not sys.platform:\n        pytest.skip("no platform")\n    assert True\n',
    },
    {
      name: 'an unconditional skip in an unchanged file (scan)',
      path: UNIT,
      mode: 'scan',
      code: 'import pytest\n\n@pytest.mark.skip(reason="flaky")\ndef test_a():\n    pass\n',
    },
    {
      name: 'change review: an unchanged conftest.py may set the mocks',
      path: UNIT,
      project: STACK,
      code: 'import pulumi\nfrom lib.tap_stack import TapStack\n\n@pulumi.runtime.test\ndef test_bucket():\n    stack = TapStack("t")\n    return stack.bucket.id.apply(lambda i: check(i))\n\ndef check(i):\n    assert i\n',
    },
    { name: 'fixtures named test_*', path: UNIT, code: 'import pytest\n\n@pytest.fixture\ndef test_config():\n    return {"region": "us-east-1"}\n' },
    {
      name: 'relative helper imports and mocks from a fixture',
      path: UNIT,
      project: STACK,
      code: 'import pulumi\nfrom lib.tap_stack import TapStack\nfrom .verification import verify_stack\n\n@pulumi.runtime.test\ndef test_stack(pulumi_mocks):\n    verify_stack(TapStack("t"))\n',
    },
    { name: 'non-test code is not checked', code: 'def test_connection():\n    connect()\n' },
    {
      name: 'placeholder test bodies are IAC203 findings',
      path: UNIT,
      code: 'def test_vpc():\n    ...\n\ndef test_nat():\n    pass  # TODO\n',
    },
    // TypeScript: Jest tests that assert, directly, through a helper, with done, or under mocks.
    {
      path: 'test/tap-stack.unit.test.ts',
      mode: 'scan',
      code:
        'import * as pulumi from "@pulumi/pulumi";\n' +
        'pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs });\n' +
        'import { TapStack } from "../lib/tap-stack";\n\n' +
        'function expectTagged(value: unknown) {\n  expect(value).toBeDefined();\n}\n\n' +
        'describe("TapStack", () => {\n' +
        '  it("creates a VPC", async () => {\n    const stack = new TapStack("t", {});\n    const cidr = await new Promise((resolve) => stack.vpc.cidrBlock.apply(resolve));\n    expect(cidr).toBe("10.0.0.0/16");\n  });\n' +
        '  it("tags", () => {\n    expectTagged({});\n  });\n' +
        '  it("calls back", (done) => {\n    setTimeout(done, 1);\n  });\n' +
        '});\n',
    },
    { path: 'test/a.unit.test.ts', status: 'unchanged', mode: 'change', code: 'it.skip("later", () => {\n  expect(1).toBe(1);\n});\n' },
    { path: 'lib/tap-stack.ts', code: 'it("is not a test file", () => {});\n' },
    {
      name: 'TypeScript: AWS SDK clients and commands built in an integration-style test need no mocks',
      path: 'test/tap-stack.unit.test.ts',
      mode: 'scan',
      code: 'import { DynamoDBClient, DescribeTableCommand } from "@aws-sdk/client-dynamodb";\n\nit("has a table", async () => {\n  const client = new DynamoDBClient({});\n  const out = await client.send(new DescribeTableCommand({ TableName: "t" }));\n  expect(out.Table).toBeDefined();\n});\n',
    },
    {
      name: 'TypeScript: mocks set in another block of the same answer; the answer names its integration test file',
      path: 'lib/IDEAL_RESPONSE.md',
      mode: 'scan',
      code:
        '## test/setup.ts\n\n```typescript\nimport * as pulumi from "@pulumi/pulumi";\npulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs });\n```\n\n' +
        '## test/tap-stack.unit.test.ts\n\n```typescript\nimport { TapStack } from "../lib/tap-stack";\nit("has a vpc", () => {\n  const stack = new TapStack("t", {});\n  expect(stack.vpc).toBeDefined();\n});\n```\n\n' +
        '## test/tap-stack.int.test.ts\n\n```typescript\nimport { Thing } from "../lib/thing";\nit("deploys", async () => {\n  const thing = new Thing();\n  expect(await thing.ready()).toBe(true);\n});\n```\n',
    },
  ],
  invalid: [
    {
      name: 'the catalog bad example: a test that only builds the stack',
      path: UNIT,
      project: STACK,
      code: `${MOCKS}
from lib.tap_stack import TapStack, TapStackArgs


def test_vpc():
    stack = TapStack("t", TapStackArgs())
`,
      errors: [{ line: 17, column: 5, endColumn: 13, message: /Test `test_vpc` asserts nothing/ }],
    },
    {
      name: 'unittest method that only prints',
      path: UNIT,
      code: 'import unittest\n\nclass TestTapStack(unittest.TestCase):\n    def test_outputs(self):\n        outputs = load()\n        print(outputs)\n\n    def test_ok(self):\n        self.assertTrue(load())\n',
      errors: [{ line: 4, message: /Test `TestTapStack\.test_outputs` asserts nothing/ }],
    },
    {
      name: 'bare pass test',
      path: UNIT,
      code: 'def test_security_group():\n    pass\n',
      errors: [{ line: 1, message: /`test_security_group` asserts nothing/ }],
    },
    {
      name: 'pulumi.runtime.test without set_mocks anywhere (scan: every file is visible)',
      path: UNIT,
      mode: 'scan',
      project: STACK,
      code: 'import pulumi\nfrom lib.tap_stack import TapStack\n\n@pulumi.runtime.test\ndef test_bucket():\n    stack = TapStack("t")\n    return stack.bucket.id.apply(lambda i: check(i))\n\ndef check(i):\n    assert i\n',
      errors: [{ line: 4, column: 1, message: /without `pulumi\.runtime\.set_mocks/ }],
    },
    {
      name: 'stack built in a test, mocks class defined but never set',
      path: UNIT,
      project: STACK,
      code: 'import pulumi\nfrom lib.tap_stack import TapStack\n\nclass MyMocks(pulumi.runtime.Mocks):\n    def new_resource(self, args):\n        return [args.name, args.inputs]\n\n    def call(self, args):\n        return {}\n\ndef test_stack():\n    stack = TapStack("t")\n    assert stack is not None\n',
      errors: [{ line: 12, column: 13, message: /set_mocks/ }],
    },
    {
      name: 'newly skipped tests in a modified file',
      path: UNIT,
      status: 'modified',
      code: 'import unittest\nimport pytest\n\n@pytest.mark.skip(reason="fails on CI")\ndef test_nat():\n    assert False\n\nclass TestVpc(unittest.TestCase):\n    @unittest.skip("later")\n    def test_cidr(self):\n        self.assertEqual(1, 2)\n\n    def test_igw(self):\n        self.skipTest("not ready")\n        self.assertTrue(False)\n',
      errors: [
        { line: 4, column: 1, message: /Test `test_nat` is skipped in a file this change modifies \(`@pytest\.mark\.skip\(reason="fails on CI"\)`\)/ },
        { line: 9, message: /Test `TestVpc\.test_cidr` is skipped/ },
        { line: 14, message: /Test `TestVpc\.test_igw` is skipped.*self\.skipTest/ },
      ],
    },
    {
      name: 'module-level skip mark and skipIf(True) in an added file',
      path: UNIT,
      status: 'added',
      code: 'import unittest\nimport pytest\n\npytestmark = pytest.mark.skip(reason="wip")\n\n@unittest.skipIf(True, "disabled")\nclass TestAll(unittest.TestCase):\n    def test_x(self):\n        self.assertTrue(True)\n',
      errors: [
        { line: 4, message: /Every test in this module is skipped in a file this change adds/ },
        { line: 6, message: /Test class `TestAll` is skipped/ },
      ],
    },
    {
      name: 'markdown answer with a test block',
      path: 'answer.md',
      code: '# Tests\n\n```python\nimport pytest\n\ndef test_deploy():\n    deploy()\n```\n',
      errors: [{ line: 6, path: 'answer.md', message: /`test_deploy` asserts nothing/ }],
    },
    {
      name: 'TypeScript: a Jest test that asserts nothing',
      path: 'test/tap-stack.unit.test.ts',
      code: 'import { TapStack } from "../lib/tap-stack";\n\ndescribe("TapStack", () => {\n  it("creates the stack", () => {\n    const stack = new TapStack("t", {});\n  });\n});\n',
      errors: [{ line: 4, column: 3, endColumn: 5, message: /^Test `creates the stack` asserts nothing/ }],
    },
    {
      name: 'TypeScript: stack built in tests with no mocks anywhere (scan)',
      path: 'test/tap-stack.unit.test.ts',
      mode: 'scan',
      code: 'import { TapStack } from "../lib/tap-stack";\n\nit("has a vpc", () => {\n  const stack = new TapStack("t", {});\n  expect(stack.vpc).toBeDefined();\n});\n',
      errors: [{ line: 4, column: 17, message: /run without `pulumi\.runtime\.setMocks/ }],
    },
    {
      name: 'TypeScript: newly skipped tests in a modified file',
      path: 'test/tap-stack.unit.test.ts',
      status: 'modified',
      code: 'describe.skip("network", () => {\n  it("vpc", () => expect(1).toBe(1));\n});\nxit("bucket", () => {\n  expect(1).toBe(1);\n});\n',
      errors: [
        { line: 1, message: /A test is skipped in a file this change modifies \(`describe\.skip/ },
        { line: 4, message: /`xit\(/ },
      ],
    },
  ],
});
