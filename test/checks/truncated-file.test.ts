import { truncatedFile } from '../../checks/truncated-file.js';
import { ruleTester } from '../support/rule-tester.js';

// The seed: an integration test cut off right after a `with` statement.
const seedIntegrationTest = `"""Integration tests for TapStack."""
import json
import unittest

import boto3


class TestTapStackIntegration(unittest.TestCase):
    def setUp(self):
        with open("cfn-outputs/flat-outputs.json") as f:
            self.outputs = json.load(f)

    def test_bucket_exists(self):
        s3 = boto3.client("s3")
        with open("cfn-outputs/flat-outputs.json", "r") as f:
`;

ruleTester(truncatedFile, {
  valid: [
    { code: seedIntegrationTest + '            outputs = json.load(f)\n        self.assertIn("bucket", outputs)\n', path: 'tests/integration/test_tap_stack.py' },
    'def handler(event, context):\n    with open("/tmp/x") as f:\n        return f.read()\n',
    'x = foo(1,\n        2)\n',
    'names = ["a", "b",\n         "c"]\n',
    'class Empty:\n    ...\n',
    'x = 1  # trailing comment with ( and "\n',
    'text = """a\nmulti-line string with a ( inside\n"""\n',
    'value = d["key"]\n',
    'def f():\n    return\n',
    '',
    '# only a comment\n',
    { code: 'Text\n\n```python\nx = 1\n```\n\nMore text.\n', path: 'answer.md' },
    { code: 'Text\n\n```python\nx = foo(\n```\n\n```python\ny = 2\n```\n', path: 'answer.md', name: 'only the last block counts' },
    'path = r"C:\\\\temp\\\\"\n',
    { name: 'a missing colon on the last statement is IAC102', code: 'x = 1\n\nclass B\n    pass\n' },
  ],
  invalid: [
    {
      name: 'seed: integration test cut inside with',
      code: seedIntegrationTest,
      path: 'tests/integration/test_tap_stack.py',
      errors: [{ line: 15, column: 9, endLine: 15, endColumn: 62, message: /block opener with no body/ }],
    },
    { code: 'vpc = aws.ec2.Vpc(\n    "main",\n    cidr_bl', errors: [{ line: 1, column: 1, endLine: 3, message: /unclosed `\(` opened on line 1/ }] },
    { code: 'x = "abc', errors: [{ line: 1, column: 5, message: /unterminated string/ }] },
    { code: 'doc = """Start of a docstring\nthat never ends\n', errors: [{ line: 1, column: 7, message: /unterminated string/ }] },
    { code: 'tags = {\n    "Name": "web",\n', errors: [{ line: 1, column: 1, message: /unclosed `\{`/ }] },
    { code: 'x = 1\nsubnets = ["a", "b",', errors: [{ line: 2, column: 1, message: /unclosed `\[`/ }] },
    { code: 'ports = 80, 443,\n', errors: [{ line: 1, message: /trailing comma/ }] },
    { code: 'class TapStack:\n', errors: [{ line: 1, message: /block opener/ }] },
    { code: 'total = base +\n', errors: [{ line: 1, message: /operator `\+`/ }] },
    { code: 'import os\nfrom pulumi import', errors: [{ line: 2, message: /keyword `import`/ }] },
    { code: 'x = 1 + \\\n', errors: [{ line: 1, message: /line continuation/ }] },
    { code: 'if ready:\n    pass\nelse:\n    # later\n', errors: [{ line: 3, message: /block opener/ }] },
    { code: 'import pulumi\n\n@pulumi.runtime.test\n', errors: [{ line: 3, message: /decorator/ }] },
    {
      name: 'markdown: unclosed final fence',
      code: '# Answer\n\n```python\nimport pulumi\nx = 1\n',
      path: 'answer.md',
      errors: [{ line: 5, message: /never closed/ }],
    },
    {
      name: 'markdown: final block ends mid-construct',
      code: '# Answer\n\n```python\nimport pulumi\nbucket = aws.s3.Bucket(\n```\n',
      path: 'answer.md',
      errors: [{ line: 5, column: 1, message: /last Python code block ends inside an unclosed `\(` opened on line 5/ }],
    },
  ],
});
