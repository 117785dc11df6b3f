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
    { name: 'a star import ends a file: no operator is left dangling', code: 'import pulumi\nfrom lib.tap_stack import *\n' },
    { name: 'markdown: a star import ends the answer', code: '```python\nfrom lib.tap_stack import *\n```\n', path: 'answer.md' },
    { name: 'markdown: closing fence glued to the last code line', code: 'Stack:\n\n```python\nbucket = aws.s3.Bucket(\n    "logs",\n)```\n\nDone.\n', path: 'answer.md' },
    { name: 'markdown: glued fence at the very end of the answer', code: '```python\nclass A:\n    x = {\n        "k": 1,\n    }```\n', path: 'answer.md' },
    { name: 'markdown: prose after the last block means the answer was not cut off there', code: '```python\nsettings = {\n    "a": 1,\n```\n\nThis excerpt shows the first setting.\n', path: 'answer.md' },
    { name: 'markdown: a block never closed, followed by prose', code: '```python\nimport pulumi\nx = 1\n\nThis program exports nothing yet.\n\n## Notes\n\n- run pulumi up\n', path: 'answer.md' },
    { name: "markdown: a block closed with ''' instead of a fence", code: "```python\nimport pulumi\nx = 1\n'''\n\nThe stack above creates one bucket.\n", path: 'answer.md' },
    { name: 'markdown: an unclosed block ends at the next opening fence, and the answer goes on', code: '```python\nx = foo(\n\n```bash\npulumi up\n```\n', path: 'answer.md' },
    { name: 'markdown: a README fenced with more backticks than its examples is whole', code: '```python\nx = 1\n```\n\n````markdown\n# Stack\n\n```bash\npulumi up\n```\n````\n', path: 'answer.md' },
    { name: 'markdown: a complete yaml block after the code', code: '```python\nx = 1\n```\n\n```yaml\nname: tap\n```\n', path: 'answer.md' },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: 'import * as aws from "@pulumi/aws";\n\nexport const bucket = new aws.s3.Bucket("b", {\n  acl: "private",\n});\n' },
    { path: 'lib/MODEL_RESPONSE.md', code: '# Answer\n\n```typescript\nconst b = new aws.s3.Bucket("b");\n```\n\nDone.\n' },
    { path: 'lib/MODEL_RESPONSE.md', code: '```ts\nconst b = new aws.s3.Bucket("b", {\n```\n\nThe rest follows the same pattern.\n' },
  ],
  invalid: [
    {
      name: 'seed: integration test cut inside with',
      code: seedIntegrationTest,
      path: 'tests/integration/test_tap_stack.py',
      errors: [{ line: 15, column: 9, endLine: 15, endColumn: 62, message: /block opener with no body/ }],
    },
    { code: 'vpc = aws.ec2.Vpc(\n    "main",\n    cidr_bl', errors: [{ line: 1, column: 1, endLine: 3, message: /statement starting on line 1, with `\(` \(line 1\) never closed/ }] },
    {
      name: 'the message names the statement reported and every bracket left open, innermost last',
      code: 'x = 1\nproject = aws.codebuild.Project(\n    "build",\n    vpc_config=Args(\n        subnets=[s.id for s in subnets',
      errors: [{ line: 2, column: 1, endLine: 5, message: 'The file ends in the middle of the statement starting on line 2, with `(` (line 2), `(` (line 4), `[` (line 5) never closed: it was cut off mid-construct.' }],
    },
    {
      name: 'many open brackets are named by the outermost and the innermost',
      code: 'x = f(\n  g(\n    [\n      {\n        "k": (1,',
      errors: [{ line: 1, message: 'The file ends in the middle of the statement starting on line 1, with 5 brackets never closed, from `(` (line 1) to `(` (line 5): it was cut off mid-construct.' }],
    },
    { code: 'x = "abc', errors: [{ line: 1, column: 5, message: /unterminated string/ }] },
    { code: 'doc = """Start of a docstring\nthat never ends\n', errors: [{ line: 1, column: 7, message: /unterminated string/ }] },
    { code: 'tags = {\n    "Name": "web",\n', errors: [{ line: 1, column: 1, message: /`\{` \(line 1\) never closed/ }] },
    { code: 'x = 1\nsubnets = ["a", "b",', errors: [{ line: 2, column: 1, message: /`\[` \(line 2\) never closed/ }] },
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
      errors: [{ line: 5, severity: 'warning', message: /ends inside this Python code block \(no closing ```\): its last statement is complete/ }],
    },
    {
      name: 'markdown: the answer ends inside a yaml block that is never closed',
      code: '```python\nimport pulumi\nx = 1\n```\n\nCI:\n\n```yaml\njobs:\n  deploy:\n    steps:\n',
      path: 'answer.md',
      errors: [{ line: 11, column: 1, message: 'The answer ends inside a `yaml` code block (opened on line 8) that is never closed: it was cut off.' }],
    },
    {
      name: 'markdown: a README closed early by the fence of the example nested in it (its leftover is prose, not a cut)',
      code: '```python\nx = 1\n```\n\n## File: lib/README.md\n\n```markdown\n# Stack\n\n```bash\npulumi up\n```\n\n## Testing\n\nRun the tests.\n```\n\nThis answer delivers the stack and its README.\n',
      path: 'answer.md',
      errors: [{ line: 12, severity: 'warning', message: 'The `markdown` block for `lib/README.md` (opened on line 7) is closed here, early, by the closing fence of the block nested in it on line 10: the rest of `lib/README.md` falls outside the block. Fence the outer block with more backticks than the blocks inside it.' }],
    },
    {
      name: 'markdown: final block ends mid-construct',
      code: '# Answer\n\n```python\nimport pulumi\nbucket = aws.s3.Bucket(\n```\n',
      path: 'answer.md',
      errors: [{ line: 5, column: 1, message: /last Python code block ends in the middle of the statement starting on line 5, with `\(` \(line 5\) never closed/ }],
    },
    // TypeScript
    {
      path: 'lib/tap-stack.ts',
      code: 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\nexport class TapStack extends pulumi.ComponentResource {\n  constructor(name: string) {\n    super("tap:stack:TapStack", name);\n    const vpc = new aws.ec2.Vpc("vpc", {\n      cidrBlock: "10.0.0.0/16",\n',
      errors: [{ line: 4, endLine: 8, message: 'The file ends in the middle of the statement starting on line 4 (inside an unclosed `{`, opened on line 7): it was cut off mid-construct.' }],
    },
    { path: 'lib/tap-stack.ts', code: 'const name = `tap-${env}-bucket\n', errors: [{ line: 1, message: 'The file ends inside an unterminated template literal: it was cut off mid-construct.' }] },
    {
      path: 'lib/MODEL_RESPONSE.md',
      code: '# Answer\n\n```typescript\nconst b = new aws.s3.Bucket("b", {\n  acl: "private",\n',
      errors: [{ line: 4, message: 'The last TypeScript code block ends inside an unclosed `{`: it was cut off mid-construct.' }],
    },
    {
      path: 'lib/MODEL_RESPONSE.md',
      code: '# Answer\n\n```typescript\nconst b = new aws.s3.Bucket("b");\n',
      errors: [{ line: 4, severity: 'warning', message: /ends inside this TypeScript code block \(no closing ```\)/ }],
    },
  ],
});
