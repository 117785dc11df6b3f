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
import { projectPythonTexts } from '../src/python/project-python.js';
import type { ModelRule, ProjectView, ReviewedFile, ReviewSettings } from '../src/api/rule.js';
import type { PythonUnit } from '../src/python/units.js';
import { calleeName } from '../src/python/calls.js';
import { decoratorNames, decoratorsOf, definitionName, unwrapDefinition } from '../src/python/definitions.js';
import { qualifiedName } from '../src/python/names.js';
import type { SyntaxNode } from '../src/syntax/flat-tree.js';
import { isResourceClass } from '../src/python/pulumi.js';
import { cachedImportBindings, callsNamed, nodesOfType } from '../src/python/fast-walk.js';
import {
  assertingHelpers,
  callsInheritedHelper,
  containsAssertion,
  HELPER_MODULE,
  helperImportNames,
  isPlaceholder,
  NO_NAMES,
  referencesAny,
} from '../src/python/test-assertions.js';
import { definesMocks, insideTestFunction, isTestUnit, projectStackClasses, testFunctions } from '../src/python/test-functions.js';
import { bodySkipCall, isUnconditionalSkipMark, skipDecorator } from '../src/python/test-skips.js';
import { assertingHelper, assertsSomething, isSkip, testDeclaration, type TypeScriptTest } from '../src/typescript/tests.js';

/** What the helpers below report through: the unit's context, under the name they use. */
interface TestContext {
  readonly settings: ReviewSettings;
  report(report: { unit: PythonUnit; node: SyntaxNode; message: string }): void;
}

export const testWithoutAssertion: ModelRule<{ project: ProjectView; setsMocks: boolean; setsTypeScriptMocks: boolean }> = {
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
    example: { path: 'tests/unit/test_tap_stack.py' },
    seed: { report: 'model-failures-tracking', section: 'Testing Procedures' },
    languages: ['python', 'typescript'],
  },
  scope: 'model',
  // Whether anything sets the mocks is read from the project's texts before any file is parsed;
  // each test unit is then judged from its module node (the helpers read the tree's type index).
  begin: (project) => ({
    project,
    setsMocks: projectPythonTexts(project).some((source) => /\bset_mocks\s*\(/.test(source.text)),
    setsTypeScriptMocks: projectTypeScriptTexts(project).some((text) => /\bsetMocks\s*\(/.test(text)),
  }),
  visitors: {
    python: (context) => ({
      module() {
        const unit = context.unit;
        if (!isTestUnit(unit)) return;
        const { project, setsMocks } = context.state;
        const reporter: TestContext = { settings: context.settings, report: ({ node, message }) => context.report({ node, message }) };
        const skipped = checkSkips(unit, context.file, reporter);
        checkAssertions(unit, skipped, reporter);
        // A pull request shows only some files: an unchanged conftest.py may set the mocks. There,
        // only a file that defines its own Mocks class and never sets it is reported.
        if (!setsMocks && (context.settings.mode === 'scan' || definesMocks(unit))) checkMocks(unit, project, reporter);
      },
    }),
    typescript(context) {
      if (!context.unit.isTestFile) return {};
      const tests: TypeScriptTest[] = [];
      const skips: SyntaxNode[] = [];
      const helpers = new Set<string>();
      let buildsStack: SyntaxNode | undefined;
      const addHelper = (node: SyntaxNode) => {
        const name = assertingHelper(node);
        if (name) helpers.add(name);
      };
      return {
        function_declaration: addHelper,
        variable_declarator: addHelper,
        call_expression(call) {
          const test = testDeclaration(call);
          if (test) tests.push(test);
          else if (isSkip(call)) skips.push(call);
        },
        new_expression(node) {
          // A stack or resource built inside a test needs mocks (or a real engine); AWS SDK clients and commands do not.
          if (buildsStack || isAwsSdkObject(node, context.unit.imports)) return;
          if (tests.some((test) => test.body.startIndex <= node.startIndex && node.endIndex <= test.body.endIndex)) buildsStack = node;
        },
        'unit:exit'() {
          const changed = context.settings.mode === 'change' && (context.file.status === 'added' || context.file.status === 'modified');
          for (const skip of changed ? skips : []) {
            context.report({ node: skip, message: `A test is skipped in a file this change ${context.file.status === 'added' ? 'adds' : 'modifies'} (\`${preview(skip.text)}\`): a skipped test checks nothing. Fix the test or the code instead of skipping it.` });
          }
          for (const test of tests) {
            if (assertsSomething(test, helpers)) continue;
            context.report({
              node: test.call.childForFieldName('function') ?? test.call,
              message: `Test \`${test.label}\` asserts nothing: it passes whatever the code does. Assert on the values it is about (\`expect(...)\`, or inside \`.apply\` / \`pulumi.all(...).apply\` for Pulumi outputs).`,
            });
          }
          const definesTypeScriptMocks = /\bnewResource\s*[(:]/.test(context.unit.text);
          // Mocks set in another block of the same answer count; an answer names its test files per block.
          const mocked = context.state.setsTypeScriptMocks || /\bsetMocks\s*\(/.test(context.file.text ?? '');
          const integration = /integration|e2e|int\.test/i.test(context.unit.assembledPath ?? context.unit.path);
          if (buildsStack && !mocked && (context.settings.mode === 'scan' || definesTypeScriptMocks) && !integration) {
            context.report({
              node: buildsStack,
              message: 'Pulumi unit tests here run without `pulumi.runtime.setMocks(...)` (not in this file or any other test file): resources are not mocked, so the test needs a real engine and fails or deploys. Set mocks before importing the stack.',
            });
          }
        },
      };
    },
  },
};

/** `new S3Client(...)`, `new DescribeTableCommand(...)`, `new AWS.S3()`: AWS SDK objects, no Pulumi resource. */
function isAwsSdkObject(node: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const constructor = node.childForFieldName('constructor');
  if (!constructor) return false;
  const first = constructor.text.split('.')[0] ?? '';
  const module = imports.get(first) ?? '';
  return /^(@aws-sdk\/|aws-sdk\b)/.test(module) || /(Client|Command)$/.test(constructor.text);
}

/** Texts of the project's TypeScript files, reviewed or not (mocks may be set in a shared setup file). */
function projectTypeScriptTexts(project: ProjectView): string[] {
  const texts: string[] = [];
  const seen = new Set<string>();
  for (const file of project.files) {
    seen.add(file.path);
    if (/\.[mc]?ts$/.test(file.path) && file.text !== undefined) texts.push(file.text);
  }
  for (const path of project.paths) {
    if (seen.has(path) || !/\.[mc]?ts$/.test(path) || /(^|\/)node_modules\//.test(path)) continue;
    const text = project.readFile(path);
    if (text !== undefined) texts.push(text);
  }
  return texts;
}

// ---------------------------------------------------------------------------------------
// Assertions

function checkAssertions(unit: PythonUnit, skipped: ReadonlySet<number>, context: TestContext): void {
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

// ---------------------------------------------------------------------------------------
// Mocks

function checkMocks(unit: PythonUnit, project: ProjectView, context: TestContext): void {
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

function reportMocks(unit: PythonUnit, node: SyntaxNode, context: TestContext): void {
  context.report({
    unit,
    node,
    message:
      'Pulumi unit tests here run without `pulumi.runtime.set_mocks(...)` (not in this file, a conftest.py or any other test file): resources are not mocked, so the test needs a real engine and fails or deploys. Set mocks before importing the stack.',
  });
}

// ---------------------------------------------------------------------------------------
// Skips

/** Reports unconditional skips in files the change adds or modifies; returns the skipped definitions' ids. */
function checkSkips(unit: PythonUnit, file: ReviewedFile, context: TestContext): Set<number> {
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

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 60)}…` : oneLine;
}
