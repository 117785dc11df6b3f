/**
 * Evaluation of one expression in a known environment of loop variables, for the static
 * evaluator (evaluate.ts): literals, f-strings, arithmetic, subscripts and slices, list
 * comprehensions, a few builtins (`range`, `enumerate`, `zip`, `len`...) and names bound exactly
 * once. The iteration over enclosing loops is evaluate.ts's part; name resolution is
 * evaluate-scope-bindings.ts's.
 */
import { contentValue, parseInteger, unescape } from './evaluate-literal-text.js';
import { bindPattern } from './evaluate-loops.js';
import { enclosingScopes, ScopeNames } from './evaluate-scope-bindings.js';
import { argumentList, sliceParts } from './evaluate-syntax-parts.js';
import { isDict, iterate, MAX_ITEMS, UNKNOWN, type Binding, type Env, type Value } from './evaluate-values.js';
import type { SyntaxNode } from './parser.js';

const MAX_DEPTH = 40;

/** The base of `Evaluator` (evaluate.ts), which adds the iteration over enclosing loops. */
export class ExpressionEvaluator {
  private readonly names = new ScopeNames();

  /** The single value of `node` ignoring loops: undefined when it depends on a loop variable. */
  evaluate(node: SyntaxNode, env: Env = new Map(), depth = 0): Value | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const next = depth + 1;
    switch (node.type) {
      case 'integer':
        return parseInteger(node.text);
      case 'true':
        return true;
      case 'false':
        return false;
      case 'none':
        return null;
      case 'string':
        return this.stringValue(node, env, next);
      case 'concatenated_string': {
        let text = '';
        for (const part of node.namedChildren) {
          const value = this.evaluate(part, env, next);
          if (typeof value !== 'string') return undefined;
          text += value;
        }
        return text;
      }
      case 'parenthesized_expression': {
        const inner = node.namedChildren.find((child) => child.type !== 'comment');
        return inner ? this.evaluate(inner, env, next) : undefined;
      }
      case 'identifier':
        return this.lookup(node, env, next);
      case 'unary_operator': {
        const operand = node.childForFieldName('argument');
        const operator = node.childForFieldName('operator')?.text;
        const value = operand ? this.evaluate(operand, env, next) : undefined;
        if (typeof value !== 'number') return undefined;
        return operator === '-' ? -value : operator === '+' ? value : undefined;
      }
      case 'binary_operator':
        return this.binary(node, env, next);
      case 'list':
      case 'tuple': {
        const items: Value[] = [];
        for (const child of node.namedChildren) {
          if (child.type === 'comment') continue;
          const value = this.evaluate(child, env, next);
          if (value === undefined) return undefined;
          items.push(value);
        }
        return items;
      }
      case 'dictionary': {
        const dict = new Map<string | number, Value>();
        for (const child of node.namedChildren) {
          if (child.type === 'comment') continue;
          if (child.type !== 'pair') return undefined;
          const keyNode = child.childForFieldName('key');
          const valueNode = child.childForFieldName('value');
          const key = keyNode ? this.evaluate(keyNode, env, next) : undefined;
          const value = valueNode ? this.evaluate(valueNode, env, next) : undefined;
          if ((typeof key !== 'string' && typeof key !== 'number') || value === undefined) return undefined;
          dict.set(key, value);
        }
        return { dict };
      }
      case 'subscript':
        return this.subscript(node, env, next);
      case 'list_comprehension':
        return this.comprehension(node, env, next);
      case 'call':
        return this.call(node, env, next);
      default:
        return undefined;
    }
  }

  private stringValue(node: SyntaxNode, env: Env, depth: number): string | undefined {
    let text = '';
    let raw = false;
    let formatted = false;
    for (const child of node.children) {
      if (child.type === 'string_start') {
        raw = /r/i.test(child.text);
        formatted = /f/i.test(child.text);
        if (/b/i.test(child.text)) return undefined;
      } else if (child.type === 'string_content') {
        text += contentValue(child, raw, formatted);
      } else if (child.type === 'interpolation') {
        if (child.childForFieldName('format_specifier') || child.childForFieldName('type_conversion')) return undefined;
        const expression = child.childForFieldName('expression');
        const value = expression ? this.evaluate(expression, env, depth) : undefined;
        if (typeof value === 'string') text += value;
        else if (typeof value === 'number') text += String(value);
        else return undefined;
      } else if (child.type === 'escape_sequence') {
        text += raw ? child.text : unescape(child.text);
      }
    }
    return text;
  }

  /** `[body for x in xs for y in ys]` without `if` clauses. */
  private comprehension(node: SyntaxNode, env: Env, depth: number): Value | undefined {
    const body = node.childForFieldName('body');
    const clauses = node.namedChildren.filter((child) => child.id !== body?.id && child.type !== 'comment');
    if (!body || clauses.some((clause) => clause.type !== 'for_in_clause')) return undefined;
    let envs: Map<string, Binding>[] = [new Map(env)];
    for (const clause of clauses) {
      const target = clause.childForFieldName('left');
      const iterable = clause.childForFieldName('right');
      if (!target || !iterable) return undefined;
      const next: Map<string, Binding>[] = [];
      for (const current of envs) {
        const value = this.evaluate(iterable, current, depth);
        const elements = value === undefined ? undefined : iterate(value);
        if (!elements) return undefined;
        for (const element of elements) {
          const bound = new Map(current);
          if (!bindPattern(target, element, bound)) return undefined;
          next.push(bound);
        }
      }
      if (next.length > MAX_ITEMS) return undefined;
      envs = next;
    }
    const items: Value[] = [];
    for (const current of envs) {
      const value = this.evaluate(body, current, depth);
      if (value === undefined) return undefined;
      items.push(value);
    }
    return items;
  }

  private binary(node: SyntaxNode, env: Env, depth: number): Value | undefined {
    const leftNode = node.childForFieldName('left');
    const rightNode = node.childForFieldName('right');
    const operator = node.childForFieldName('operator')?.text;
    if (!leftNode || !rightNode || !operator) return undefined;
    const left = this.evaluate(leftNode, env, depth);
    if (left === undefined) return undefined;
    const right = this.evaluate(rightNode, env, depth);
    if (right === undefined) return undefined;
    if (typeof left === 'number' && typeof right === 'number') {
      switch (operator) {
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '*':
          return left * right;
        case '//':
          return right === 0 ? undefined : Math.floor(left / right);
        case '%':
          return right === 0 ? undefined : ((left % right) + right) % right;
        case '**':
          return right >= 0 && right <= 64 ? left ** right : undefined;
        default:
          return undefined;
      }
    }
    if (operator === '+' && typeof left === 'string' && typeof right === 'string') return left + right;
    if (operator === '+' && Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
    return undefined;
  }

  private subscript(node: SyntaxNode, env: Env, depth: number): Value | undefined {
    const valueNode = node.childForFieldName('value');
    const indexNode = node.childForFieldName('subscript');
    if (!valueNode || !indexNode) return undefined;
    const value = this.evaluate(valueNode, env, depth);
    if (value === undefined) return undefined;
    if (indexNode.type === 'slice') {
      if (!Array.isArray(value) && typeof value !== 'string') return undefined;
      const parts = sliceParts(indexNode);
      if (!parts) return undefined;
      const bound = (part: SyntaxNode | undefined) => (part ? this.evaluate(part, env, depth) : null);
      const start = bound(parts.start);
      const stop = bound(parts.stop);
      const step = bound(parts.step);
      if (start === undefined || stop === undefined || step === undefined) return undefined;
      if ((start !== null && typeof start !== 'number') || (stop !== null && typeof stop !== 'number')) return undefined;
      if (step !== null && step !== 1) return undefined;
      return value.slice(start ?? undefined, stop ?? undefined);
    }
    const index = this.evaluate(indexNode, env, depth);
    if (Array.isArray(value) || typeof value === 'string') {
      if (typeof index !== 'number' || !Number.isInteger(index)) return undefined;
      const position = index < 0 ? value.length + index : index;
      const item = position >= 0 && position < value.length ? (value[position] as Binding) : undefined;
      return item === UNKNOWN ? undefined : item;
    }
    if (isDict(value) && (typeof index === 'string' || typeof index === 'number')) return value.dict.get(index);
    return undefined;
  }

  private call(node: SyntaxNode, env: Env, depth: number): Value | undefined {
    const fn = node.childForFieldName('function');
    if (!fn) return undefined;
    const args = argumentList(node);
    if (args.some((arg) => arg.type === 'keyword_argument' || arg.type === 'list_splat' || arg.type === 'dictionary_splat')) return undefined;
    if (fn.type === 'attribute') {
      const method = fn.childForFieldName('attribute')?.text;
      const objectNode = fn.childForFieldName('object');
      if (!objectNode || args.length > 0) return undefined;
      const object = this.evaluate(objectNode, env, depth);
      if (!isDict(object)) return undefined;
      if (method === 'items') return [...object.dict.entries()].map(([key, value]) => [key, value]);
      if (method === 'keys') return [...object.dict.keys()];
      if (method === 'values') return [...object.dict.values()];
      return undefined;
    }
    if (fn.type !== 'identifier' || this.names.isShadowed(fn)) return undefined;
    const values: Value[] = [];
    for (const arg of args) {
      const value = this.evaluate(arg, env, depth);
      if (value === undefined) return undefined;
      values.push(value);
    }
    const [first, second, third] = values;
    switch (fn.text) {
      case 'str':
        return typeof first === 'string' ? first : typeof first === 'number' ? String(first) : undefined;
      case 'int':
        return typeof first === 'number' ? Math.trunc(first) : typeof first === 'string' && /^\s*-?\d+\s*$/.test(first) ? Number(first) : undefined;
      case 'len':
        return Array.isArray(first) || typeof first === 'string' ? first.length : isDict(first) ? first.dict.size : undefined;
      case 'list':
      case 'tuple':
        return first === undefined ? [] : (iterate(first) as Value[] | undefined);
      case 'range': {
        if (!values.every((value) => typeof value === 'number' && Number.isInteger(value))) return undefined;
        const [start, stop, step] = values.length === 1 ? [0, first as number, 1] : [first as number, second as number, (third as number | undefined) ?? 1];
        if (values.length === 0 || values.length > 3 || step === 0) return undefined;
        const count = Math.max(0, Math.ceil((stop - start) / step));
        if (count > MAX_ITEMS) return undefined;
        return Array.from({ length: count }, (_, index) => start + index * step);
      }
      case 'enumerate': {
        const items = first === undefined ? undefined : iterate(first);
        const start = second ?? 0;
        if (!items || typeof start !== 'number' || values.length > 2) return undefined;
        return (items as Value[]).map((item, index) => [start + index, item]);
      }
      case 'zip': {
        const lists = values.map(iterate);
        if (lists.length === 0 || lists.some((list) => list === undefined)) return undefined;
        const length = lists.reduce((shortest, list) => Math.min(shortest, (list as Value[]).length), Infinity);
        return Array.from({ length }, (_, index) => lists.map((list) => (list as Value[])[index] as Value));
      }
      default:
        return undefined;
    }
  }

  private lookup(identifier: SyntaxNode, env: Env, depth: number): Value | undefined {
    const name = identifier.text;
    if (env.has(name)) {
      const bound = env.get(name);
      return bound === UNKNOWN ? undefined : (bound as Value);
    }
    // A list or dict changed in place (`subnets.append(...)`, `d[k] = v`) is not a constant.
    if (this.names.mutated(identifier).has(name)) return undefined;
    for (const scope of enclosingScopes(identifier)) {
      const found = this.names.bindingsOf(scope).get(name);
      if (!found) continue;
      const [only] = found;
      if (found.length !== 1 || !only?.value) return undefined;
      // Inside the same function the loop variables in `env` still apply (`cidr = f"...{i}"`).
      const sameScope = enclosingScopes(only.value)[0]?.id === enclosingScopes(identifier)[0]?.id;
      return this.evaluate(only.value, sameScope ? env : new Map(), depth);
    }
    return undefined;
  }
}
