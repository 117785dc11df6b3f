/**
 * IAC307: real calls that execute code or shell commands built from data: `exec`, `eval`,
 * `exec(compile(...))`, `os.system`, `subprocess` with `shell=True`, `pickle.loads`.
 * Only calls count: the words in strings, comments or names like `self.evaluate` do not; a shell
 * command that is one literal string (`os.system("pulumi preview")`) has no data to inject.
 */
import type { ModelRule } from '../src/api/rule.js';
import { callArguments, calleeName, constantValue } from '../src/python/calls.js';
import { importsOf } from '../src/python/units.js';
import { stringValue } from '../src/python/literal-values.js';
import type { SyntaxNode } from '../src/syntax/flat-tree.js';
import { typeScriptLiteralString } from '../src/typescript/strings.js';

const SHELL = 'runs a command through the shell';

/** A command that is one plain string literal: nothing in it comes from data. */
function isLiteralCommand(node: SyntaxNode | undefined): boolean {
  return node !== undefined && stringValue(node) !== undefined;
}

/** Builtins that run code; shadowed when the module defines or imports the same name. */
const CODE_BUILTINS = new Set(['exec', 'eval']);
const ALWAYS_UNSAFE: Record<string, string> = {
  'builtins.exec': 'executes a string as Python code',
  'builtins.eval': 'evaluates a string as Python code',
  'os.system': SHELL,
  'os.popen': SHELL,
  'subprocess.getoutput': SHELL,
  'subprocess.getstatusoutput': SHELL,
  'pickle.loads': 'unpickling runs code chosen by whoever wrote the data',
  'pickle.load': 'unpickling runs code chosen by whoever wrote the data',
  'cPickle.loads': 'unpickling runs code chosen by whoever wrote the data',
  'dill.loads': 'unpickling runs code chosen by whoever wrote the data',
  'marshal.loads': 'loads code objects from data',
};
const SHELL_CAPABLE = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen']);

/** Node's ways of running code or shell commands, by the module member a TypeScript callee resolves to. */
const TYPESCRIPT_UNSAFE: Record<string, string> = {
  'child_process.exec': SHELL,
  'child_process.execSync': SHELL,
  'vm.runInNewContext': 'evaluates a string as JavaScript',
  'vm.runInThisContext': 'evaluates a string as JavaScript',
  'vm.runInContext': 'evaluates a string as JavaScript',
  'vm.compileFunction': 'compiles a string into a function',
  'vm.Script': 'compiles a string as JavaScript',
};
const TYPESCRIPT_SHELL_CAPABLE = new Set(['child_process.spawn', 'child_process.spawnSync', 'child_process.execFile', 'child_process.execFileSync']);

export const unsafeCodeExecution: ModelRule = {
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
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  visitors: {
    python(context) {
      const imports = importsOf(context.unit);
      // Builtins are shadowed by a `def exec` or `eval = ...` anywhere in the module: judged at the end.
      const shadowed = new Set<string>();
      const builtinCalls: { call: SyntaxNode; name: string }[] = [];
      const bind = (target: SyntaxNode | null) => {
        if (target?.type === 'identifier') shadowed.add(target.text);
      };
      return {
        function_definition: (node) => bind(node.childForFieldName('name')),
        assignment: (node) => bind(node.childForFieldName('left')),
        call(call) {
          const fn = call.childForFieldName('function');
          const name = fn ? calleeName(call, imports) : undefined;
          if (!fn || !name) return;
          if (fn.type === 'identifier' && CODE_BUILTINS.has(name) && !imports.has(name)) {
            builtinCalls.push({ call, name });
            return;
          }
          const unsafe = ALWAYS_UNSAFE[name];
          // A shell command that is one literal string (`os.system("pulumi preview")`) carries no data to inject.
          if (unsafe === SHELL && isLiteralCommand(callArguments(call).positional[0])) return;
          if (unsafe) {
            context.report({ node: call, message: `\`${name}()\` ${unsafe}: code injection risk.` });
            return;
          }
          if (SHELL_CAPABLE.has(name)) {
            const { keywords, positional } = callArguments(call);
            const shell = keywords.get('shell');
            if (shell && constantValue(shell) === true && !isLiteralCommand(positional[0])) {
              context.report({ node: call, message: `\`${name}(..., shell=True)\` runs the command through the shell: command injection risk.` });
            }
          }
        },
        'unit:exit'() {
          for (const { call, name } of builtinCalls) {
            if (shadowed.has(name)) continue;
            const compiled = callArguments(call).positional[0];
            const viaCompile = compiled?.type === 'call' && compiled.childForFieldName('function')?.text === 'compile';
            context.report({
              node: call,
              message: `\`${name}()\` ${name === 'exec' ? 'executes' : 'evaluates'} ${viaCompile ? 'code compiled from a string' : 'a string as Python code'}: code injection risk.`,
            });
          }
        },
      };
    },
    typescript(context) {
      const imports = context.unit.imports;
      // `eval` and `Function` are globals unless the module binds the name itself.
      const bound = new Set<string>(imports.keys());
      const globalCalls: { node: SyntaxNode; name: string }[] = [];
      const bind = (name: SyntaxNode | null) => {
        if (name?.type === 'identifier') bound.add(name.text);
      };
      const judge = (node: SyntaxNode, callee: SyntaxNode | null) => {
        if (!callee) return;
        if (callee.type === 'identifier' && (callee.text === 'eval' || callee.text === 'Function')) {
          globalCalls.push({ node, name: callee.text });
          return;
        }
        const member = typeScriptMember(callee, imports);
        if (!member) return;
        // A shell command that is one literal string carries no data to inject.
        const literalCommand = typeScriptLiteralString(node.childForFieldName('arguments')?.namedChildren[0]) !== undefined;
        const unsafe = TYPESCRIPT_UNSAFE[member];
        if (unsafe === SHELL && literalCommand) return;
        if (unsafe) {
          context.report({ node, message: `\`${callee.text}(...)\` ${unsafe}: code injection risk.` });
          return;
        }
        if (TYPESCRIPT_SHELL_CAPABLE.has(member) && !literalCommand && /\bshell\s*:\s*(true|['"`])/.test(node.childForFieldName('arguments')?.text ?? '')) {
          context.report({ node, message: `\`${callee.text}(..., { shell: true })\` runs the command through the shell: command injection risk.` });
        }
      };
      return {
        function_declaration: (node) => bind(node.childForFieldName('name')),
        variable_declarator: (node) => bind(node.childForFieldName('name')),
        call_expression: (node) => judge(node, node.childForFieldName('function')),
        new_expression: (node) => judge(node, node.childForFieldName('constructor')),
        'unit:exit'() {
          for (const { node, name } of globalCalls) {
            if (bound.has(name)) continue;
            context.report({
              node,
              message: name === 'eval' ? '`eval()` evaluates a string as JavaScript: code injection risk.' : '`Function(...)` compiles a string into a function, as `eval` does: code injection risk.',
            });
          }
        },
      };
    },
  },
};

/** `cp.exec` with a namespace import of `child_process` as `cp`, or `exec` imported by name from it: `child_process.exec`. */
function typeScriptMember(callee: SyntaxNode, imports: ReadonlyMap<string, string>): string | undefined {
  const parts: string[] = [];
  let current: SyntaxNode | null = callee;
  while (current?.type === 'member_expression') {
    parts.unshift(current.childForFieldName('property')?.text ?? '');
    current = current.childForFieldName('object');
  }
  if (current?.type !== 'identifier') return undefined;
  const bound = imports.get(current.text);
  if (!bound) return undefined;
  return [bound.replace(/^node:/, ''), ...parts].join('.');
}
