/**
 * Test code as IAC702 (checks/test-without-assertion.ts) reads it: which units are test code,
 * their test functions and methods, whether a node sits inside a test function, Pulumi `Mocks`
 * classes and the project stack classes a test file imports.
 */
import type { ProjectView } from '../api/rule.js';
import type { PythonUnit } from './units.js';
import { classBaseNames, decoratorNames, definitionName, unwrapDefinition } from './definitions.js';
import type { ImportTable } from './names.js';
import { cachedImportBindings, importedTopModules, nodesOfType } from './fast-walk.js';
import type { SyntaxNode } from './parser.js';

export interface TestFunction {
  definition: SyntaxNode;
  klass: SyntaxNode | undefined;
  label: string;
}

export function isTestUnit(unit: PythonUnit): boolean {
  if (unit.isTestFile) return true;
  if (unit.origin !== 'markdown-block') return false;
  const modules = importedTopModules(unit.imports);
  return modules.has('pytest') || modules.has('unittest');
}

/** Test functions: module-level `test*` functions and `test*` methods of `Test*` or `*TestCase` classes. */
export function testFunctions(unit: PythonUnit): TestFunction[] {
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

export function insideTestFunction(node: SyntaxNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'function_definition' && /^test/.test(definitionName(current))) return true;
  }
  return false;
}

/** Methods of `pulumi.runtime.Mocks` that return fake resource outputs and call results. */
const MOCK_METHODS = new Set(['new_resource', 'call']);

/**
 * True inside test fixtures: a `pulumi.runtime.Mocks` subclass (its `new_resource` and `call`
 * return fake IDs and ARNs), a mock method of that name elsewhere, or a `@pytest.fixture`.
 */
export function insideTestFixture(node: SyntaxNode, imports: ImportTable): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'class_definition' && classBaseNames(current, imports).some((name) => /(^|\.)Mocks$/.test(name))) return true;
    if (current.type !== 'function_definition') continue;
    if (MOCK_METHODS.has(definitionName(current)) && /\bargs\b/.test(current.childForFieldName('parameters')?.text ?? '')) return true;
    if (decoratorNames(current, imports).some((name) => /(^|\.)fixture$/.test(name))) return true;
  }
  return false;
}

export function definesMocks(unit: PythonUnit): boolean {
  return nodesOfType(unit.root, 'class_definition').some((klass) => classBaseNames(klass, unit.imports).some((name) => /(^|\.)Mocks$/.test(name)));
}

/** Local names imported from project modules whose source is available and uses Pulumi. */
export function projectStackClasses(unit: PythonUnit, project: ProjectView): Set<string> {
  const names = new Set<string>();
  // One answer per module: a file may import thousands of names from the same one.
  const usesPulumi = new Map<string, boolean>();
  for (const binding of cachedImportBindings(unit.root)) {
    if (binding.node.parent?.type !== 'import_from_statement' || !/^[A-Z]/.test(binding.local)) continue;
    const module = binding.qualified.split('.').slice(0, -1).join('.');
    if (!module || /^pulumi/.test(module)) continue;
    let answer = usesPulumi.get(module);
    if (answer === undefined) {
      const base = module.replace(/\./g, '/');
      const text = project.readFile(`${base}.py`) ?? project.readFile(`${base}/__init__.py`);
      // Indentation, not `\s*`, after `^`: `\s*` from every line start of a long blank run was quadratic.
      answer = text !== undefined && /^[^\S\n\r\u2028\u2029]*(import pulumi|from pulumi)/m.test(text);
      usesPulumi.set(module, answer);
    }
    if (answer) names.add(binding.local);
  }
  return names;
}
