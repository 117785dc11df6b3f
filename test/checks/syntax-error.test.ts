import { syntaxError } from '../../checks/syntax-error.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(syntaxError, {
  valid: [
    'def create_vpc(self):\n    return aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n',
    'if ready:\n    pass\nelse:\n    x = 1\n',
    'x = [\n    1,\n  2,\n        3]\ny = 4\n',
    'value = 1 + \\\n    2\n',
    'class A:\n    """Doc."""\n\n    def f(self):\n        return {\n    "a": 1}\n',
    'def f():\n    return 1\n\n\ndef g():\n\tif x:\n\t\treturn 2\n\treturn 3\n',
    'text = """\n  indented text\nnot code\n"""\nx = 1\n',
    'class A: pass\n',
    { name: 'a cut-off tail is IAC101, not IAC102', code: 'x = 1\ny = foo(1,\n' },
    { name: 'unclosed string at the end is IAC101', code: 'x = 1\ny = "abc' },
    { name: 'block opener at the end is IAC101', code: 'def f():\n    with open(p) as f:\n' },
    '@decorator\ndef f():\n    pass\n',
    { name: 'an f-string replacement field may span lines (Python 3.12)', code: 'class Fake:\n  def __init__(self, **kwargs):\n    self.arn = kwargs.get("arn") or f"arn:{\n        kwargs.get(\n            \'name\', \'res\')}"\n    self.id = 1\n' },
    { name: 'an f-string field holding a string with the same quote (Python 3.12)', code: 'x = f"{d["key"]}"\ny = 2\n' },
    { name: 'markdown: `...` stands for elided code', path: 'answer.md', code: '### lib/eks.py\n\n```python\ndef create_cluster(...) -> aws.eks.Cluster:\n    return aws.eks.Cluster("c", ...)\n\ndef create_autoscaler(\n    name: str,\n    ...\n):\n    pass\n```\n' },
    { name: 'markdown: an excerpt that starts inside a dictionary', path: 'answer.md', code: '**Correct**:\n\n```python\n# outputs of the stack\n\'redis_endpoint\': cluster.configuration_endpoint_address,\n\'redis_port\': cluster.port,\n```\n' },
    { name: 'markdown: a sketch whose handler body is a comment', path: 'answer.md', code: '```python\ndef check():\n    try:\n        s3.head_bucket(Bucket=name)\n    except Exception as e:\n        # alert and fail over\n\n    return {"status": "healthy"}\n```\n' },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: 'import * as aws from "@pulumi/aws";\n\nconst tags: Record<string, string> = { env: "dev" };\nexport const bucket = new aws.s3.Bucket("b", { tags });\n' },
    { path: 'lib/tap-stack.ts', code: 'export const a = new Thing("x", {\n  size: 1,\n', name: 'a cut-off TypeScript file is IAC101\'s' },
  ],
  invalid: [
    {
      name: 'missing colon (the seed: missing colons)',
      code: 'def create_vpc(self)\n    return aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")\n\nx = 1\n',
      errors: [{ line: 1, column: 1, message: /Syntax error/ }],
    },
    {
      name: 'wrong indentation (the seed: wrong indentation)',
      code: 'class TapStack:\n    def __init__(self):\n        self.a = 1\n      self.b = 2\n',
      errors: [{ line: 4, column: 7, message: /unindent does not match/ }],
    },
    { name: 'unexpected indent', code: 'x = 1\n    y = 2\nz = 3\n', errors: [{ line: 2, column: 5, message: /unexpected indent/ }] },
    { name: 'body not indented', code: 'def f():\nreturn 1\n\nx = 2\n', errors: [{ line: 2, column: 1, message: /expected an indented block/ }] },
    { name: 'missing bracket mid-file', code: 'x = [1, 2\ny = 3\nz = 4\n', errors: [{ line: 1, message: /Syntax error/ }] },
    { name: 'extra closing bracket', code: 'vpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16"))\nx = 1\n', errors: [{ line: 1, message: /Syntax error/ }] },
    { name: 'Python 2 print statement', code: 'print "deployed"\nx = 1\n', errors: [{ line: 1, column: 1, endColumn: 17, message: /print/ }] },
    {
      name: 'two separate broken regions give two findings',
      code: 'def create(self)\n    return 1\n\n\nx = 1\n\n\nclass B\n    pass\n',
      errors: [{ line: 1 }, { line: 8 }],
    },
    { name: 'missing paren in def', code: 'def f(:\n    pass\n\ny = 3\n', errors: [{ line: 1, message: /Syntax error/ }] },
    { name: '`...` in a parameter list is an error in a .py file', code: 'def create_cluster(...):\n    pass\n\nx = 1\n', errors: [{ line: 1, message: /Syntax error/ }] },
    { name: 'a handler whose body is only a comment is an error in a .py file', code: 'try:\n    f()\nexcept Exception:\n    # later\n\nx = 1\n', errors: [{ line: 6, message: /expected an indented block/ }] },
    { name: 'markdown: a dictionary entry after code is a real error', path: 'answer.md', code: '```python\nx = 1\n\'a\': 2\n```\n', errors: [{ line: 3, message: /Syntax error/ }] },
    { name: 'markdown: a broken line in an answer is still an error', path: 'answer.md', code: '```python\nimport pulumi_aws as aws\nsse = (\n    aws.s3.Rule\n    DefaultArgs(algorithm="AES256")\n)\n```\n', errors: [{ line: 4, message: /Syntax error/ }] },
    // TypeScript
    { path: 'lib/tap-stack.ts', code: 'const a = 1;\nconst x = ;\nconst y = 2;\n', errors: [{ line: 2, column: 9, message: 'Syntax error: cannot parse `=`.' }] },
    { path: 'lib/MODEL_RESPONSE.md', code: '```typescript\nconst a = 1;\nconst x = ;\nconst y = 2;\n```\n', errors: [{ line: 3, message: /^Syntax error/ }] },
    {
      name: 'at most five findings per unit; the fifth counts the rest (escaped Markdown breaks every line)',
      path: 'lib/tap-stack.ts',
      code: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => `function ${name}() {\n  return 1 +;\n}\n`).join('') + 'export const h = 1;\n',
      errors: [
        { line: 2, message: /^Syntax error/ },
        { line: 5, message: /^Syntax error/ },
        { line: 8, message: /^Syntax error/ },
        { line: 11, message: /^Syntax error/ },
        { line: 14, message: /\(2 more syntax errors follow in this code: fix this one first\)$/ },
      ],
    },
  ],
});
