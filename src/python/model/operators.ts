/**
 * Operators for the Python evaluator: arithmetic and string building (`+`, `%`, `*`), and
 * comparisons. String building over an `Output` is recorded as a misuse (IAC109): the result
 * is the Output's `__str__`, not its value.
 */
import type { Value } from '../../pulumi/model.js';
import type { Site } from '../../pulumi/site.js';
import { outputsIn, unknown } from '../../pulumi/values.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import type { PythonExpressions } from './expressions.js';
import type { Frame, Interpreter } from './interpreter.js';
import { toModelValue } from '../../pulumi/evaluation/model-values.js';
import type { EvalValue } from '../../pulumi/evaluation/eval-values.js';
import type { Scope } from '../../pulumi/evaluation/scope.js';

const isStringLike = (value: EvalValue) => value.kind === 'string' || value.kind === 'template' || (value.kind === 'unknown' && value.string === true);

export function binaryOperation(operator: string, left: EvalValue, right: EvalValue, site: Site, interpreter: Interpreter, frame: Frame): EvalValue {
  void frame;
  if (left.kind === 'number' && right.kind === 'number') {
    const a = left.value;
    const b = right.value;
    const value = arithmetic(operator, a, b);
    return value === undefined ? unknown('a number', site) : { kind: 'number', value, site };
  }
  if (operator === '+') {
    if (left.kind === 'output' || right.kind === 'output') {
      const output = left.kind === 'output' ? left : right;
      if (output.kind === 'output' && (isStringLike(left) || isStringLike(right))) interpreter.builder.addMisuse({ how: 'concat', output, site, language: 'python' });
      return unknown('a string built from an Output', site, true);
    }
    if (isStringLike(left) && isStringLike(right)) {
      const parts = [...partsOf(left), ...partsOf(right)];
      const known = parts.every((part) => typeof part === 'string');
      return known ? { kind: 'string', value: parts.join(''), site } : { kind: 'template', parts, site };
    }
    if (left.kind === 'list' && right.kind === 'list') return { kind: 'list', items: [...left.items, ...right.items], open: left.open || right.open, site };
  }
  if (operator === '%' && isStringLike(left)) {
    for (const output of outputsIn(toModelValue(right))) interpreter.builder.addMisuse({ how: 'percent', output, site, language: 'python' });
    if (left.kind === 'string') {
      const values = right.kind === 'list' ? right.items : [right];
      const formatted = percentFormat(left.value, values);
      if (formatted !== undefined) return { kind: 'string', value: formatted, site };
    }
    return unknown('a formatted string', site, true);
  }
  if (operator === '*' && left.kind === 'string' && right.kind === 'number' && right.value >= 0 && right.value * left.value.length <= 100_000) {
    return { kind: 'string', value: left.value.repeat(right.value), site };
  }
  if (operator === '|' && left.kind === 'dict' && right.kind === 'dict') {
    return { kind: 'dict', entries: new Map([...left.entries, ...right.entries]), open: left.open || right.open, site };
  }
  return unknown('the result of an operation', site, isStringLike(left) && (operator === '+' || operator === '%'));
}

function partsOf(value: EvalValue): (string | Value)[] {
  if (value.kind === 'string') return [value.value];
  if (value.kind === 'template') return [...value.parts];
  return [toModelValue(value)];
}

function arithmetic(operator: string, a: number, b: number): number | undefined {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? undefined : a / b;
    case '//':
      return b === 0 ? undefined : Math.floor(a / b);
    case '%':
      return b === 0 ? undefined : ((a % b) + b) % b;
    case '**':
      return b >= 0 && b <= 64 ? a ** b : undefined;
    case '<<':
      return b >= 0 && b < 32 ? a << b : undefined;
    case '>>':
      return b >= 0 && b < 32 ? a >> b : undefined;
    case '&':
      return a & b;
    case '|':
      return a | b;
    default:
      return undefined;
  }
}

/** `"%s-%d" % (name, 3)` with `%s`, `%d`, `%i` and `%%` only. */
function percentFormat(format: string, values: readonly EvalValue[]): string | undefined {
  let index = 0;
  let failed = false;
  const text = format.replace(/%([sdi%])/g, (_, conversion: string) => {
    if (conversion === '%') return '%';
    const value = values[index++];
    if (value?.kind === 'string' || value?.kind === 'number') return String(value.value);
    failed = true;
    return '';
  });
  return failed || index !== values.length ? undefined : text;
}

export function compare(node: SyntaxNode, scope: Scope, frame: Frame, expressions: PythonExpressions): EvalValue {
  const site = expressions.interpreter.site(node, frame);
  const operands = node.namedChildren.filter((child) => child.type !== 'comment');
  const operators = node.children.filter((child) => !child.isNamed).map((child) => child.text);
  const values = operands.map((operand) => expressions.evaluate(operand, scope, frame));
  if (values.length !== 2 || operators.length < 1) return unknown('a comparison', site);
  const [left, right] = values as [EvalValue, EvalValue];
  const operator = operators.join(' ');
  // `bucket.region == "us-east-1"`: an Output object never equals a plain value (IAC109).
  if ((operator === '==' || operator === '!=') && (left.kind === 'output') !== (right.kind === 'output')) {
    const output = left.kind === 'output' ? left : right;
    const other = left.kind === 'output' ? right : left;
    if (output.kind === 'output' && output.resource && (other.kind === 'string' || other.kind === 'number' || other.kind === 'boolean')) {
      expressions.interpreter.builder.addMisuse({ how: 'comparison', output, site, language: 'python' });
    }
  }
  const plain = (value: EvalValue) => (value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean' ? value.value : value.kind === 'null' ? null : undefined);
  const a = plain(left);
  const b = plain(right);
  if (operator === 'in' || operator === 'not in') {
    const items = right.kind === 'list' && !right.open ? right.items.map((item) => plain(item as EvalValue)) : right.kind === 'dict' && !right.open ? [...right.entries.keys()] : undefined;
    if (a === undefined || !items || items.some((item) => item === undefined)) {
      if (right.kind === 'string' && typeof a === 'string') return { kind: 'boolean', value: right.value.includes(a) === (operator === 'in'), site };
      return unknown('a comparison', site);
    }
    return { kind: 'boolean', value: items.includes(a) === (operator === 'in'), site };
  }
  if (a === undefined || b === undefined) return unknown('a comparison', site);
  let result: boolean | undefined;
  switch (operator) {
    case '==':
    case 'is':
      result = a === b;
      break;
    case '!=':
    case 'is not':
      result = a !== b;
      break;
    case '<':
      result = a !== null && b !== null && a < b;
      break;
    case '<=':
      result = a !== null && b !== null && a <= b;
      break;
    case '>':
      result = a !== null && b !== null && a > b;
      break;
    case '>=':
      result = a !== null && b !== null && a >= b;
      break;
    default:
      result = undefined;
  }
  return result === undefined ? unknown('a comparison', site) : { kind: 'boolean', value: result, site };
}
