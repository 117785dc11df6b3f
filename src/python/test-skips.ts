/**
 * Unconditional test skips, for IAC702 (checks/test-without-assertion.ts): skip decorators
 * (`@pytest.mark.skip`, `@unittest.skip`, `skipIf(True)`, `skipUnless(False)`), module-level
 * skip marks and `pytest.skip()` / `self.skipTest()` calls directly in a test body.
 */
import type { PythonUnit } from './units.js';
import { callArguments, calleeName, constantValue } from './calls.js';
import { decoratorNames, decoratorsOf, statementsAfterDocstring } from './definitions.js';
import { qualifiedName } from './names.js';
import type { SyntaxNode } from './parser.js';

const SKIP_DECORATORS = new Set(['pytest.mark.skip', 'unittest.skip', 'unittest.case.skip']);
const CONDITIONAL_SKIP_DECORATORS = new Set(['pytest.mark.skipif', 'unittest.skipIf', 'unittest.case.skipIf']);
const UNLESS_SKIP_DECORATORS = new Set(['unittest.skipUnless', 'unittest.case.skipUnless']);

export function skipDecorator(definition: SyntaxNode, unit: PythonUnit): SyntaxNode | undefined {
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

export function isUnconditionalSkipMark(node: SyntaxNode, unit: PythonUnit): boolean {
  const name = node.type === 'call' ? calleeName(node, unit.imports) : qualifiedName(node, unit.imports);
  if (name === 'pytest.mark.skip') return true;
  if (name === 'pytest.mark.skipif' && node.type === 'call') {
    const condition = callArguments(node).positional[0];
    return condition !== undefined && constantValue(condition) === true;
  }
  return false;
}

/** A `pytest.skip(...)` or `self.skipTest(...)` statement directly in the test body (not under an `if`). */
export function bodySkipCall(test: SyntaxNode, unit: PythonUnit): SyntaxNode | undefined {
  for (const statement of statementsAfterDocstring(test.childForFieldName('body'))) {
    if (statement.type !== 'expression_statement') continue;
    const call = statement.namedChildren[0];
    if (call?.type !== 'call') continue;
    const name = calleeName(call, unit.imports);
    if (name === 'pytest.skip' || name === 'self.skipTest') return call;
  }
  return undefined;
}
