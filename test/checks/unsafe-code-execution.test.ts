import { unsafeCodeExecution } from '../../checks/unsafe-code-execution.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(unsafeCodeExecution, {
  valid: [
    'from lib.lambda_handler import handler\n\nresult = handler({}, None)\n',
    '# we never exec(code) here\nx = 1\n',
    'message = "do not call eval(x) or exec(y)"\n',
    'class Calc:\n    def evaluate(self, x):\n        return self.evaluate(x - 1)\n',
    'result = self.eval(expression)\n',
    'import subprocess\nsubprocess.run(["pulumi", "preview"], check=True)\n',
    'import subprocess\nsubprocess.run(["ls"], shell=False)\n',
    'import json\ndata = json.loads(text)\n',
    'def eval(x):\n    return x\n\nvalue = eval(3)\n',
    'from sandbox import exec\nexec(task)\n',
    'import ast\nvalue = ast.literal_eval("[1, 2]")\n',
    'code = compile(source, "x.py", "exec")\n',
    // TypeScript: the same failures, written the TypeScript way, and their safe look-alikes.
    { path: 'test/tap-stack.unit.test.ts', code: 'import { execFileSync } from "child_process";\nexecFileSync("pulumi", ["preview"]);\n' },
    { name: 'TypeScript: a shell command that is one literal string', path: 'test/tap-stack.int.test.ts', code: 'import { execSync } from "child_process";\nconst stack = execSync("pulumi stack --show-name").toString();\nexecSync(`pulumi preview`);\n' },
    'import os\nimport subprocess\nos.system("pulumi preview")\nsubprocess.run("pulumi up --yes", shell=True, check=True)\n',
    { path: 'lib/tap-stack.ts', code: 'const value = JSON.parse(text);\nconst evaluate = (x: string) => x.length;\nevaluate("x");\n' },
    { path: 'lib/tap-stack.ts', code: 'function eval(x: string) { return x; }\neval("3");\n' },
    { path: 'test/a.test.ts', code: 'import { spawn } from "child_process";\nspawn("ls", ["-l"], { shell: false });\n' },
    { path: 'lib/tap-stack.ts', code: 'const text = "eval(x) and new Function() in a string";\n' },
  ],
  invalid: [
    {
      name: 'seed: exec(lambda_code, globals()) in a test',
      path: 'tests/unit/test_tap_stack.py',
      code: 'def test_handler():\n    with open("lib/lambda/handler.py") as f:\n        lambda_code = f.read()\n    exec(lambda_code, globals())\n    assert "handler" in globals()\n',
      errors: [{ line: 4, column: 5, endColumn: 33, message: /`exec\(\)` executes a string/ }],
    },
    { code: 'value = eval(user_input)\n', errors: [{ line: 1, column: 9, message: /`eval\(\)` evaluates/ }] },
    { code: 'exec(compile(src, "f.py", "exec"))\n', errors: [{ line: 1, message: /compiled from a string/ }] },
    { code: 'import os\nos.system(f"aws s3 rm {bucket}")\n', errors: [{ line: 2, message: /os.system/ }] },
    { code: 'import subprocess as sp\nsp.run(cmd, shell=True)\n', errors: [{ line: 2, message: /shell=True/ }] },
    { code: 'from subprocess import Popen\nPopen("pulumi up " + stack, shell=True)\n', errors: [{ line: 2, message: /subprocess.Popen/ }] },
    { code: 'import pickle\nstate = pickle.loads(blob)\n', errors: [{ line: 2, message: /unpickling/ }] },
    { code: 'import builtins\nbuiltins.exec(code)\n', errors: [{ line: 2, message: /builtins.exec/ }] },
    {
      name: 'TypeScript: eval of a handler read from disk in a test',
      path: 'test/tap-stack.unit.test.ts',
      code: 'import * as fs from "fs";\n\nit("handles", () => {\n  const code = fs.readFileSync("lib/lambda/index.js", "utf8");\n  eval(code);\n});\n',
      errors: [{ line: 5, column: 3, endColumn: 13, message: /^`eval\(\)` evaluates a string as JavaScript/ }],
    },
    { path: 'lib/tap-stack.ts', code: 'const handler = new Function("event", body);\n', errors: [{ line: 1, message: /`Function\(\.\.\.\)` compiles a string/ }] },
    { path: 'test/a.test.ts', code: 'import * as cp from "child_process";\ncp.execSync(`pulumi stack output ${name}`);\n', errors: [{ line: 2, message: /`cp\.execSync\(\.\.\.\)` runs a command through the shell/ }] },
    { path: 'test/a.test.ts', code: 'import { spawnSync } from "node:child_process";\nspawnSync(cmd, { shell: true });\n', errors: [{ line: 2, message: /shell: true/ }] },
    { path: 'lib/tap-stack.ts', code: 'import * as vm from "vm";\nvm.runInNewContext(source, sandbox);\n', errors: [{ line: 2, message: /vm\.runInNewContext/ }] },
    {
      name: 'TypeScript block inside a Markdown answer',
      path: 'lib/MODEL_RESPONSE.md',
      code: 'The test:\n\n```typescript\nconst result = eval(handlerSource);\n```\n',
      errors: [{ line: 4, column: 16, message: /eval/ }],
    },
    {
      name: 'inside a Markdown answer',
      path: 'answer.md',
      code: 'Here is the test:\n\n```python\nexec(code)\n```\n',
      errors: [{ line: 4, column: 1, message: /exec/ }],
    },
  ],
});
