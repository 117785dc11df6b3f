/**
 * Assertions in test code, for IAC702 (checks/test-without-assertion.ts): assert statements,
 * asserting and implicitly checking calls, helpers of the same file that assert, names imported
 * from test-support modules, inherited helpers of custom TestCase bases, and placeholder bodies.
 */
import type { PythonUnit } from './units.js';
import { callArguments, calleeName } from './calls.js';
import { classBaseNames, definitionName, unwrapDefinition } from './definitions.js';
import { cachedImportBindings, nodesOfType } from './fast-walk.js';
import { dottedName } from './names.js';
import type { SyntaxNode } from './parser.js';
import { commentsWhere, isPlaceholderComment, isTodoComment, stubStatement } from './placeholders.js';

/** Callee names (last segment) that assert: `assertEqual`, `assert_called_once_with`, `assert_that`, `fail`. */
const ASSERTING_CALL = /^(assert|fail$|raises$|warns$|deprecated_call$|expect$)/i;
export const NO_NAMES: ReadonlySet<string> = new Set();
/** Calls that raise when what they check is wrong: boto3 `head_*`, waiters, `check_call`, `raise_for_status`. */
const IMPLICIT_CHECK = /^(head_[a-z_]+|wait|check_call|check_output|raise_for_status)$/;
/** Modules whose imported helpers may assert where this rule cannot see. */
export const HELPER_MODULE = /(^|\.)(tests?|testing|helpers?|utils?|conftest|fixtures?|assertions?|checks?|verif\w*|support)(\.|$)|^test_|_test$/;

/** IAC203 reports stub bodies; a second finding on the same test adds nothing. */
export function isPlaceholder(body: SyntaxNode, definition: SyntaxNode, unit: PythonUnit, lines: readonly string[]): boolean {
  const stub = stubStatement(body);
  if (!stub) return false;
  if (stub.kind !== 'pass') return true;
  const marker = (text: string) => isTodoComment(text) || isPlaceholderComment(text);
  return commentsWhere(unit.root, lines, marker, definition.startPosition.row, stub.node.endPosition.row).length > 0;
}

/** Names imported from test-support modules (by name, or any relative import), whose helpers may assert. */
export function helperImportNames(unit: PythonUnit): Set<string> {
  const names = new Set<string>();
  for (const binding of cachedImportBindings(unit.root)) {
    const fromImport = binding.node.parent?.type === 'import_from_statement';
    const module = fromImport ? binding.qualified.split('.').slice(0, -1).join('.') : binding.qualified;
    if (HELPER_MODULE.test(module)) names.add(binding.local);
  }
  for (const statement of nodesOfType(unit.root, 'import_from_statement')) {
    if (statement.childForFieldName('module_name')?.type !== 'relative_import') continue;
    for (const name of statement.childrenForFieldName('name')) {
      const local = name.type === 'aliased_import' ? name.childForFieldName('alias') : name;
      if (local) names.add(local.text);
    }
  }
  return names;
}

function isAssertingNode(node: SyntaxNode, unit: PythonUnit): boolean {
  if (node.type === 'assert_statement') return true;
  if (node.type === 'raise_statement') return /AssertionError/.test(node.text);
  if (node.type !== 'call') return false;
  const fn = node.childForFieldName('function');
  const name = fn ? (dottedName(fn) ?? (fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined)) : undefined;
  if (!name) return false;
  const last = name.split('.').pop() ?? name;
  if (ASSERTING_CALL.test(last) || IMPLICIT_CHECK.test(last)) return true;
  // `subprocess.run([...], check=True)` raises when the command fails.
  if (callArguments(node).keywords.get('check')?.type === 'true') return true;
  return (calleeName(node, unit.imports) ?? '').startsWith('pytest_check.');
}

export function containsAssertion(scope: SyntaxNode, unit: PythonUnit, asserting: ReadonlySet<string>): boolean {
  for (const node of nodesOfType(scope, ['assert_statement', 'raise_statement', 'call', 'identifier'])) {
    if (isAssertingNode(node, unit)) return true;
    if (node.type === 'identifier' && asserting.has(node.text)) return true;
  }
  return false;
}

/** Names of functions and methods in the unit that assert, directly or through one another. */
export function assertingHelpers(unit: PythonUnit): Set<string> {
  const definitions = [...nodesOfType(unit.root, 'function_definition')].filter((definition) => !/^test/.test(definitionName(definition)));
  const asserting = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const definition of definitions) {
      const name = definitionName(definition);
      if (asserting.has(name)) continue;
      const body = definition.childForFieldName('body');
      if (body && containsAssertion(body, unit, asserting)) {
        asserting.add(name);
        changed = true;
      }
    }
  }
  return asserting;
}

export function referencesAny(scope: SyntaxNode, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  for (const node of nodesOfType(scope, 'identifier')) if (names.has(node.text)) return true;
  return false;
}

/** `self.check_x()` where `check_x` is not defined in the class and the class has a custom base. */
export function callsInheritedHelper(body: SyntaxNode, klass: SyntaxNode, unit: PythonUnit): boolean {
  const bases = classBaseNames(klass, unit.imports);
  const custom = bases.some((name) => !/^(unittest\.(case\.)?)?(TestCase|IsolatedAsyncioTestCase)$/.test(name) && name !== 'object');
  if (!custom) return false;
  const own = new Set(
    (klass.childForFieldName('body')?.namedChildren ?? [])
      .map((member) => unwrapDefinition(member))
      .filter((member): member is SyntaxNode => member?.type === 'function_definition')
      .map(definitionName),
  );
  for (const call of nodesOfType(body, 'call')) {
    const fn = call.childForFieldName('function');
    if (fn?.type === 'attribute' && fn.childForFieldName('object')?.text === 'self') {
      const method = fn.childForFieldName('attribute')?.text ?? '';
      if (!own.has(method)) return true;
    }
  }
  return false;
}
