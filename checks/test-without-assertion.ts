/**
 * IAC702: tests that cannot fail. Three findings, all warnings:
 * - a test function with no assertion (`assert`, `self.assert*`, `pytest.raises`, mock
 *   `assert_*`, `self.fail`, or a helper in the same file that asserts);
 * - Pulumi unit tests (a `@pulumi.runtime.test` function, or a test that builds resources or a
 *   stack class from the project) in a file set where nothing calls `pulumi.runtime.set_mocks`
 *   (in a change review, where an unchanged conftest.py is invisible, only when the file
 *   defines its own `Mocks` class and never sets it);
 * - newly skipped tests. Without the old version of a file "newly" is approximated: in a
 *   change review, every unconditional skip (`@pytest.mark.skip`, `@unittest.skip`,
 *   `skipIf(True)`, a top-level `pytest.skip()` / `self.skipTest()`, `pytestmark = ...skip`)
 *   in a file the change adds or modifies. A plain scan reports no skips.
 *
 * Test code is what `isTestFile` says (tests/ or test/ folders, test_*.py, *_test.py,
 * conftest.py) plus Markdown Python blocks that import pytest or unittest. Test bodies that
 * are placeholders (`...`, `pass  # TODO`) are IAC203's finding, not reported again here.
 * When a test calls a helper this rule cannot see (imported from a test-helper module, or
 * inherited from a custom base class) it stays silent.
 */
import { projectPythonTexts } from '../src/engine/project-python.js';
import type { ProjectRule, ProjectRuleContext, ProjectView, ReviewedFile } from '../src/engine/rule.js';
import type { PythonUnit } from '../src/engine/source.js';
import { callArguments, calleeName, constantValue } from '../src/python/calls.js';
import { classBaseNames, decoratorNames, decoratorsOf, definitionName, statementsAfterDocstring, unwrapDefinition } from '../src/python/definitions.js';
import { dottedName, qualifiedName } from '../src/python/names.js';
import type { SyntaxNode } from '../src/python/parser.js';
import { commentsWhere, isPlaceholderComment, isTodoComment, stubStatement } from '../src/python/placeholders.js';
import { isResourceClass } from '../src/python/pulumi.js';
import { cachedImportBindings, callsNamed, importedTopModules, nodesOfType } from '../src/python/fast-walk.js';

/** Callee names (last segment) that assert: `assertEqual`, `assert_called_once_with`, `assert_that`, `fail`. */
const ASSERTING_CALL = /^(assert|fail$|raises$|warns$|deprecated_call$|expect$)/i;
const NO_NAMES: ReadonlySet<string> = new Set();
/** Calls that raise when what they check is wrong: boto3 `head_*`, waiters, `check_call`, `raise_for_status`. */
const IMPLICIT_CHECK = /^(head_[a-z_]+|wait|check_call|check_output|raise_for_status)$/;
/** Modules whose imported helpers may assert where this rule cannot see. */
const HELPER_MODULE = /(^|\.)(tests?|testing|helpers?|utils?|conftest|fixtures?|assertions?|checks?|verif\w*|support)(\.|$)|^test_|_test$/;
const SKIP_DECORATORS = new Set(['pytest.mark.skip', 'unittest.skip', 'unittest.case.skip']);
const CONDITIONAL_SKIP_DECORATORS = new Set(['pytest.mark.skipif', 'unittest.skipIf', 'unittest.case.skipIf']);
const UNLESS_SKIP_DECORATORS = new Set(['unittest.skipUnless', 'unittest.case.skipUnless']);

interface TestFunction {
  definition: SyntaxNode;
  klass: SyntaxNode | undefined;
  label: string;
}

export const testWithoutAssertion: ProjectRule = {
  meta: {
    id: 'IAC702',
    name: 'test-without-assertion',
    title: 'Tests that assert nothing',
    category: 'Testing',
    severity: 'warning',
    why: 'Generated test suites often build the stack and check nothing, run Pulumi unit tests without mocks, or skip the tests that fail; all of them pass while proving nothing about the infrastructure.',
    fix: 'Assert on the resource properties the test is about (inside `.apply` for outputs), call `pulumi.runtime.set_mocks(...)` before importing the stack, and fix skipped tests instead of skipping them.',
    badExample: 'def test_vpc():\n    stack = TapStack("t", TapStackArgs())',
    goodExample:
      'pulumi.runtime.set_mocks(MyMocks())\n\n@pulumi.runtime.test\ndef test_vpc():\n    stack = TapStack("t", TapStackArgs())\n    def check(cidr):\n        assert cidr == "10.0.0.0/16"\n    return stack.vpc.cidr_block.apply(check)',
    seed: { report: 'model-failures-tracking', section: 'Testing Procedures' },
  },
  scope: 'project',
  check(project, context) {
    const setsMocks = projectPythonTexts(project).some((source) => /\bset_mocks\s*\(/.test(source.text));
    for (const file of project.files) {
      for (const unit of file.units) {
        if (!isTestUnit(unit)) continue;
        const skipped = checkSkips(unit, file, context);
        checkAssertions(unit, skipped, context);
        // A pull request shows only some files: an unchanged conftest.py may set the mocks. There,
        // only a file that defines its own Mocks class and never sets it is reported.
        if (!setsMocks && (context.settings.mode === 'scan' || definesMocks(unit))) checkMocks(unit, project, context);
      }
    }
  },
};

function isTestUnit(unit: PythonUnit): boolean {
  if (unit.isTestFile) return true;
  if (unit.origin !== 'markdown-block') return false;
  const modules = importedTopModules(unit.imports);
  return modules.has('pytest') || modules.has('unittest');
}

/** Test functions: module-level `test*` functions and `test*` methods of `Test*` or `*TestCase` classes. */
function testFunctions(unit: PythonUnit): TestFunction[] {
  const tests: TestFunction[] = [];
  for (const child of unit.root.namedChildren) {
    const definition = unwrapDefinition(child);
    if (!definition) continue;
    if (definition.type === 'function_definition') {
      if (/^test/.test(definitionName(definition))) tests.push({ definition, klass: undefined, label: definitionName(definition) });
      continue;
    }
    const isTestClass = /^Test/.test(definitionName(definition)) || classBaseNames(definition, unit.imports).some((name) => /TestCase$/.test(name));
    if (!isTestClass) continue;
    for (const member of definition.childForFieldName('body')?.namedChildren ?? []) {
      const method = unwrapDefinition(member);
      if (method?.type === 'function_definition' && /^test/.test(definitionName(method))) {
        tests.push({ definition: method, klass: definition, label: `${definitionName(definition)}.${definitionName(method)}` });
      }
    }
  }
  return tests;
}

// ---------------------------------------------------------------------------------------
// Assertions

function checkAssertions(unit: PythonUnit, skipped: ReadonlySet<number>, context: ProjectRuleContext): void {
  let asserting: Set<string> | undefined;
  let helperImports: Set<string> | undefined;
  const lines = unit.text.split('\n');
  for (const test of testFunctions(unit)) {
    if (skipped.has(test.definition.id) || (test.klass && skipped.has(test.klass.id))) continue;
    if (decoratorNames(test.definition, unit.imports).some((name) => /^pytest\.fixture$/.test(name))) continue;
    const body = test.definition.childForFieldName('body');
    if (!body || isPlaceholder(body, test.definition, unit, lines)) continue;
    if (containsAssertion(body, unit, NO_NAMES)) continue;
    if (containsAssertion(body, unit, (asserting ??= assertingHelpers(unit)))) continue;
    if (referencesAny(body, (helperImports ??= helperImportNames(unit)))) continue;
    if (test.klass && callsInheritedHelper(body, test.klass, unit)) continue;
    context.report({
      unit,
      node: test.definition.childForFieldName('name') ?? test.definition,
      message: `Test \`${test.label}\` asserts nothing: it passes whatever the code does. Assert on the values it is about (\`assert ...\`, \`self.assertEqual\`, or inside \`.apply\` for Pulumi outputs).`,
    });
  }
}

/** IAC203 reports stub bodies; a second finding on the same test adds nothing. */
function isPlaceholder(body: SyntaxNode, definition: SyntaxNode, unit: PythonUnit, lines: readonly string[]): boolean {
  const stub = stubStatement(body);
  if (!stub) return false;
  if (stub.kind !== 'pass') return true;
  const marker = (text: string) => isTodoComment(text) || isPlaceholderComment(text);
  return commentsWhere(unit.root, lines, marker, definition.startPosition.row, stub.node.endPosition.row).length > 0;
}

/** Names imported from test-support modules (by name, or any relative import), whose helpers may assert. */
function helperImportNames(unit: PythonUnit): Set<string> {
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

function containsAssertion(scope: SyntaxNode, unit: PythonUnit, asserting: ReadonlySet<string>): boolean {
  for (const node of nodesOfType(scope, ['assert_statement', 'raise_statement', 'call', 'identifier'])) {
    if (isAssertingNode(node, unit)) return true;
    if (node.type === 'identifier' && asserting.has(node.text)) return true;
  }
  return false;
}

/** Names of functions and methods in the unit that assert, directly or through one another. */
function assertingHelpers(unit: PythonUnit): Set<string> {
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

function referencesAny(scope: SyntaxNode, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  for (const node of nodesOfType(scope, 'identifier')) if (names.has(node.text)) return true;
  return false;
}

/** `self.check_x()` where `check_x` is not defined in the class and the class has a custom base. */
function callsInheritedHelper(body: SyntaxNode, klass: SyntaxNode, unit: PythonUnit): boolean {
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

// ---------------------------------------------------------------------------------------
// Mocks

function checkMocks(unit: PythonUnit, project: ProjectView, context: ProjectRuleContext): void {
  if (/integration|e2e/i.test(unit.path)) return;
  const bindings = cachedImportBindings(unit.root);
  if (bindings.some((binding) => binding.qualified.startsWith('pulumi.automation') || binding.module === 'moto')) return;
  // Mocks set up by a fixture (`def test_x(pulumi_mocks):`) live in a conftest.py.
  for (const fn of nodesOfType(unit.root, 'function_definition')) {
    if (/mock/i.test(fn.childForFieldName('parameters')?.text ?? '')) return;
  }
  // Mocks may be set by a helper module this rule cannot read (`from .mocks import ...`).
  for (const statement of nodesOfType(unit.root, 'import_from_statement')) {
    const module = statement.childForFieldName('module_name');
    if (!module) continue;
    if (/mock/i.test(module.text)) return;
    const path = module.type === 'relative_import' ? undefined : module.text.replace(/\./g, '/');
    const readable = path !== undefined && (project.readFile(`${path}.py`) ?? project.readFile(`${path}/__init__.py`)) !== undefined;
    if (!readable && (module.type === 'relative_import' || HELPER_MODULE.test(module.text))) return;
  }

  for (const child of unit.root.namedChildren) {
    const definition = unwrapDefinition(child);
    if (definition?.type !== 'function_definition' && definition?.type !== 'class_definition') continue;
    const functions = definition.type === 'function_definition' ? [definition] : [...nodesOfType(definition, 'function_definition')];
    for (const fn of functions) {
      const decorator = decoratorsOf(fn).find((node) => {
        const expression = node.namedChildren.find((entry) => entry.type !== 'comment');
        return expression !== undefined && qualifiedName(expression, unit.imports) === 'pulumi.runtime.test';
      });
      if (decorator) {
        reportMocks(unit, decorator, context);
        return;
      }
    }
  }

  // The first resource or project stack class built inside a test function.
  const stackClasses = projectStackClasses(unit, project);
  for (const call of callsNamed(unit.root, unit.text, '[A-Z]\\w*')) {
    const callee = call.childForFieldName('function');
    const builds = (callee?.type === 'identifier' && stackClasses.has(callee.text)) || isResourceClass(calleeName(call, unit.imports) ?? '');
    if (builds && insideTestFunction(call)) {
      reportMocks(unit, call, context);
      return;
    }
  }
}

function insideTestFunction(node: SyntaxNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'function_definition' && /^test/.test(definitionName(current))) return true;
  }
  return false;
}

function definesMocks(unit: PythonUnit): boolean {
  return nodesOfType(unit.root, 'class_definition').some((klass) => classBaseNames(klass, unit.imports).some((name) => /(^|\.)Mocks$/.test(name)));
}

function reportMocks(unit: PythonUnit, node: SyntaxNode, context: ProjectRuleContext): void {
  context.report({
    unit,
    node,
    message:
      'Pulumi unit tests here run without `pulumi.runtime.set_mocks(...)` (not in this file, a conftest.py or any other test file): resources are not mocked, so the test needs a real engine and fails or deploys. Set mocks before importing the stack.',
  });
}

/** Local names imported from project modules whose source is available and uses Pulumi. */
function projectStackClasses(unit: PythonUnit, project: ProjectView): Set<string> {
  const names = new Set<string>();
  for (const binding of cachedImportBindings(unit.root)) {
    if (binding.node.parent?.type !== 'import_from_statement' || !/^[A-Z]/.test(binding.local)) continue;
    const module = binding.qualified.split('.').slice(0, -1).join('.');
    if (!module || /^pulumi/.test(module)) continue;
    const base = module.replace(/\./g, '/');
    const text = project.readFile(`${base}.py`) ?? project.readFile(`${base}/__init__.py`);
    if (text !== undefined && /^\s*(import pulumi|from pulumi)/m.test(text)) names.add(binding.local);
  }
  return names;
}

// ---------------------------------------------------------------------------------------
// Skips

/** Reports unconditional skips in files the change adds or modifies; returns the skipped definitions' ids. */
function checkSkips(unit: PythonUnit, file: ReviewedFile, context: ProjectRuleContext): Set<number> {
  const skipped = new Set<number>();
  const report = context.settings.mode === 'change' && (file.status === 'added' || file.status === 'modified');
  const flag = (node: SyntaxNode, what: string, owner: SyntaxNode | undefined) => {
    if (owner) skipped.add(owner.id);
    if (!report) return;
    context.report({
      unit,
      node,
      message: `${what} is skipped in a file this change ${file.status === 'added' ? 'adds' : 'modifies'} (\`${preview(node.text)}\`): a skipped test checks nothing. Fix the test or the code instead of skipping it.`,
    });
  };

  for (const statement of unit.root.namedChildren) {
    // `pytestmark = pytest.mark.skip(...)` and a top-level `pytest.skip(..., allow_module_level=True)`.
    if (statement.type === 'expression_statement') {
      const expression = statement.namedChildren[0];
      if (expression?.type === 'assignment' && expression.childForFieldName('left')?.text === 'pytestmark') {
        const right = expression.childForFieldName('right');
        const marks = right?.type === 'list' ? right.namedChildren : right ? [right] : [];
        const skip = marks.find((mark) => isUnconditionalSkipMark(mark, unit));
        if (skip) flag(skip, 'Every test in this module', undefined);
      } else if (expression?.type === 'call' && calleeName(expression, unit.imports) === 'pytest.skip') {
        flag(expression, 'Every test in this module', undefined);
      }
      continue;
    }
    const definition = unwrapDefinition(statement);
    if (!definition) continue;
    const decorator = skipDecorator(definition, unit);
    if (decorator) {
      flag(decorator, definition.type === 'class_definition' ? `Test class \`${definitionName(definition)}\`` : `Test \`${definitionName(definition)}\``, definition);
      continue;
    }
    const tests = definition.type === 'function_definition' ? [definition] : testFunctions(unit).filter((test) => test.klass?.id === definition.id).map((test) => test.definition);
    for (const test of tests) {
      if (!/^test/.test(definitionName(test))) continue;
      const label = definition.type === 'class_definition' ? `${definitionName(definition)}.${definitionName(test)}` : definitionName(test);
      const own = test.id === definition.id ? undefined : skipDecorator(test, unit);
      if (own) {
        flag(own, `Test \`${label}\``, test);
        continue;
      }
      const call = bodySkipCall(test, unit);
      if (call) flag(call, `Test \`${label}\``, test);
    }
  }
  return skipped;
}

function skipDecorator(definition: SyntaxNode, unit: PythonUnit): SyntaxNode | undefined {
  const names = decoratorNames(definition, unit.imports);
  const decorators = decoratorsOf(definition);
  for (let index = 0; index < decorators.length; index++) {
    const decorator = decorators[index] as SyntaxNode;
    const expression = decorator.namedChildren.find((child) => child.type !== 'comment');
    if (!expression) continue;
    const name = names[index];
    if (name && SKIP_DECORATORS.has(name)) return decorator;
    if (name && (CONDITIONAL_SKIP_DECORATORS.has(name) || UNLESS_SKIP_DECORATORS.has(name)) && expression.type === 'call') {
      const condition = callArguments(expression).positional[0] ?? callArguments(expression).keywords.get('condition');
      const value = condition ? constantValue(condition) : undefined;
      if (value === (CONDITIONAL_SKIP_DECORATORS.has(name) ? true : false)) return decorator;
    }
  }
  return undefined;
}

function isUnconditionalSkipMark(node: SyntaxNode, unit: PythonUnit): boolean {
  const name = node.type === 'call' ? calleeName(node, unit.imports) : qualifiedName(node, unit.imports);
  if (name === 'pytest.mark.skip') return true;
  if (name === 'pytest.mark.skipif' && node.type === 'call') {
    const condition = callArguments(node).positional[0];
    return condition !== undefined && constantValue(condition) === true;
  }
  return false;
}

/** A `pytest.skip(...)` or `self.skipTest(...)` statement directly in the test body (not under an `if`). */
function bodySkipCall(test: SyntaxNode, unit: PythonUnit): SyntaxNode | undefined {
  for (const statement of statementsAfterDocstring(test.childForFieldName('body'))) {
    if (statement.type !== 'expression_statement') continue;
    const call = statement.namedChildren[0];
    if (call?.type !== 'call') continue;
    const name = calleeName(call, unit.imports);
    if (name === 'pytest.skip' || name === 'self.skipTest') return call;
  }
  return undefined;
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 60)}…` : oneLine;
}
