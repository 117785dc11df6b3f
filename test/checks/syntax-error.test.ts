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
  ],
});
