/**
 * IAC307: real calls that execute code or shell commands built from data: `exec`, `eval`,
 * `exec(compile(...))`, `os.system`, `subprocess` with `shell=True`, `pickle.loads`.
 * Only calls count: the words in strings, comments or names like `self.evaluate` do not.
 */
import type { FileRule } from '../src/api/rule.js';
import { callArguments, calleeName, constantValue } from '../src/python/calls.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { descendantsOfType } from '../src/syntax/walk.js';

/** Builtins that run code; shadowed when the module defines or imports the same name. */
const CODE_BUILTINS = new Set(['exec', 'eval']);
const ALWAYS_UNSAFE: Record<string, string> = {
  'builtins.exec': 'executes a string as Python code',
  'builtins.eval': 'evaluates a string as Python code',
  'os.system': 'runs a command through the shell',
  'os.popen': 'runs a command through the shell',
  'subprocess.getoutput': 'runs a command through the shell',
  'subprocess.getstatusoutput': 'runs a command through the shell',
  'pickle.loads': 'unpickling runs code chosen by whoever wrote the data',
  'pickle.load': 'unpickling runs code chosen by whoever wrote the data',
  'cPickle.loads': 'unpickling runs code chosen by whoever wrote the data',
  'dill.loads': 'unpickling runs code chosen by whoever wrote the data',
  'marshal.loads': 'loads code objects from data',
};
const SHELL_CAPABLE = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen']);

export const unsafeCodeExecution: FileRule = {
  meta: {
    id: 'IAC307',
    name: 'unsafe-code-execution',
    title: 'Unsafe code execution (exec, eval, shell)',
    category: 'Security',
    severity: 'error',
    why: 'Executing strings as code or through a shell is a code-injection hole; in tests it also runs whatever the file under test contains with the test runner\'s credentials.',
    fix: 'Import the module under test (`from lib.lambda_handler import handler`) or use `importlib`; call subprocess with an argument list and `shell=False`; parse data with `json`.',
    badExample: 'with open("lib/lambda/handler.py") as f:\n    lambda_code = f.read()\nexec(lambda_code, globals())',
    goodExample: 'from lib.lambda_handler import handler\n\nresult = handler({"path": "/"}, None)',
    seed: { report: 'model-failure-analysis', section: 'Security Code Vulnerability' },
  },
  scope: 'file',
  check(unit, context) {
    const shadowed = locallyDefinedNames(unit.root);
    for (const call of descendantsOfType(unit.root, 'call')) {
      const fn = call.childForFieldName('function');
      if (!fn) continue;
      const name = calleeName(call, unit.imports);
      if (!name) continue;
      if (fn.type === 'identifier' && CODE_BUILTINS.has(name) && !shadowed.has(name) && !unit.imports.has(name)) {
        const compiled = callArguments(call).positional[0];
        const viaCompile = compiled?.type === 'call' && compiled.childForFieldName('function')?.text === 'compile';
        context.report({
          node: call,
          message: `\`${name}()\` ${name === 'exec' ? 'executes' : 'evaluates'} ${viaCompile ? 'code compiled from a string' : 'a string as Python code'}: code injection risk.`,
        });
        continue;
      }
      const unsafe = ALWAYS_UNSAFE[name];
      if (unsafe) {
        context.report({ node: call, message: `\`${name}()\` ${unsafe}: code injection risk.` });
        continue;
      }
      if (SHELL_CAPABLE.has(name)) {
        const shell = callArguments(call).keywords.get('shell');
        if (shell && constantValue(shell) === true) {
          context.report({ node: call, message: `\`${name}(..., shell=True)\` runs the command through the shell: command injection risk.` });
        }
      }
    }
  },
};

/** Names a module binds with `def` or assignment, which shadow the builtins of the same name. */
function locallyDefinedNames(root: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const node of descendantsOfType(root, ['function_definition', 'assignment'])) {
    const target = node.type === 'function_definition' ? node.childForFieldName('name') : node.childForFieldName('left');
    if (target?.type === 'identifier') names.add(target.text);
  }
  return names;
}
