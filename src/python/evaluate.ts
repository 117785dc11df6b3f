/**
 * A small static evaluator for the values network and region checks need: literals, f-strings,
 * arithmetic on integers, constants assigned exactly once, subscripts of literal lists and
 * dicts, and the iterations of simple `for` loops and comprehensions (`range()`, `enumerate()`,
 * `zip()`, `.items()`, literal lists and slices of known length).
 *
 * Anything it cannot see through (calls to other functions, config, parameters, names assigned
 * more than once) evaluates to `undefined`: callers stay silent on those. Expression evaluation
 * recurses with a hard depth cap, so deeply nested input cannot overflow the stack.
 */
import type { SyntaxNode } from './parser.js';
import { descendants, descendantsOfType } from './walk.js';

export type Value = number | string | boolean | null | Value[] | DictValue;
export interface DictValue {
  dict: Map<string | number, Value>;
}

/** A loop variable whose value is not known (an element of a list of unknown content). */
const UNKNOWN = Symbol('unknown');
type Binding = Value | typeof UNKNOWN;
type Env = ReadonlyMap<string, Binding>;

export interface Evaluation {
  /** One value per combination of the enclosing loops' iterations (a single value outside loops). */
  values: Value[];
  /** False when an enclosing loop's number of iterations is not known exactly. */
  exact: boolean;
}

const MAX_DEPTH = 40;
const MAX_ITEMS = 4096;

const MUTATING_METHODS = new Set(['append', 'extend', 'insert', 'pop', 'remove', 'clear', 'update', 'setdefault', 'popitem', 'sort', 'reverse', 'add', 'discard']);
const SCOPE_TYPES = new Set(['function_definition', 'lambda', 'class_definition', 'module']);
/** What `bindingsOf` reads: nested scopes (their names) and the statements that bind names. */
const BINDING_TYPES = [
  'function_definition', 'lambda', 'class_definition', 'assignment', 'augmented_assignment', 'for_statement', 'named_expression',
  'as_pattern', 'with_item', 'except_clause', 'global_statement', 'nonlocal_statement', 'import_statement', 'import_from_statement',
];

interface ScopeBinding {
  /** The assignment's right-hand side, undefined for bindings that are not a plain `name = value`. */
  value: SyntaxNode | undefined;
}

export function isDict(value: Value | undefined): value is DictValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Evaluator {
  private readonly scopeBindings = new Map<number, Map<string, ScopeBinding[]>>();
  private readonly mutatedByTree = new Map<number, Set<string>>();
  private readonly evaluations = new Map<number, Evaluation | undefined>();

  /**
   * Every value `node` takes, one per iteration of its enclosing loops (within its function).
   * Undefined when the value depends on something that cannot be evaluated.
   */
  evaluateAll(node: SyntaxNode): Evaluation | undefined {
    if (this.evaluations.has(node.id)) return this.evaluations.get(node.id);
    const result = this.evaluateAllUncached(node);
    this.evaluations.set(node.id, result);
    return result;
  }

  private evaluateAllUncached(node: SyntaxNode): Evaluation | undefined {
    const frames = loopFrames(node);
    let envs: Map<string, Binding>[] = [new Map()];
    let exact = true;
    for (const frame of frames) {
      const next: Map<string, Binding>[] = [];
      for (const env of envs) {
        const iterations = this.iterations(frame.iterable, env);
        if (!iterations) {
          exact = false;
          const unknown = new Map(env);
          for (const name of patternNames(frame.target)) unknown.set(name, UNKNOWN);
          next.push(unknown);
          continue;
        }
        if (!iterations.exact) exact = false;
        for (const element of iterations.elements) {
          const bound = new Map(env);
          if (!bindPattern(frame.target, element, bound)) return undefined;
          next.push(bound);
        }
      }
      if (next.length > MAX_ITEMS) return undefined;
      envs = next;
    }
    const values: Value[] = [];
    for (const env of envs) {
      const value = this.evaluate(node, env, 0);
      if (value === undefined) return undefined;
      values.push(value);
    }
    return { values, exact };
  }

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

  /** The iterations of an iterable expression, or undefined when not known. */
  private iterations(iterable: SyntaxNode, env: Env): { elements: Binding[]; exact: boolean } | undefined {
    const value = this.evaluate(iterable, env, 0);
    const elements = value === undefined ? undefined : iterate(value);
    if (elements) return elements.length > MAX_ITEMS ? undefined : { elements, exact: true };
    // `x[:N]` or `enumerate(x[:N])` over a list of unknown content: N iterations at most.
    const enumerated = iterable.type === 'call' && iterable.childForFieldName('function')?.text === 'enumerate';
    const target = enumerated ? argumentList(iterable)[0] : iterable;
    const count = target ? this.sliceLength(target, env) : undefined;
    if (count === undefined || count > MAX_ITEMS) return undefined;
    const startNode = enumerated ? argumentList(iterable)[1] : undefined;
    const start = startNode ? this.evaluate(startNode, env, 0) : 0;
    if (typeof start !== 'number') return undefined;
    const result: Binding[] = [];
    for (let index = 0; index < count; index++) result.push(enumerated ? ([start + index, UNKNOWN] as unknown as Value) : UNKNOWN);
    return { elements: result, exact: false };
  }

  /** N for `x[:N]` / `x[0:N]` with a known N, whatever `x` holds. */
  private sliceLength(node: SyntaxNode, env: Env): number | undefined {
    if (node.type !== 'subscript') return undefined;
    const slice = node.childForFieldName('subscript');
    if (!slice || slice.type !== 'slice') return undefined;
    const parts = sliceParts(slice);
    if (!parts || parts.step) return undefined;
    const start = parts.start ? this.evaluate(parts.start, env, 0) : 0;
    const stop = parts.stop ? this.evaluate(parts.stop, env, 0) : undefined;
    if (typeof start !== 'number' || typeof stop !== 'number' || start < 0 || stop < start) return undefined;
    return stop - start;
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
    if (fn.type !== 'identifier' || this.isShadowed(fn)) return undefined;
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
        const length = Math.min(...lists.map((list) => (list as Value[]).length));
        return Array.from({ length }, (_, index) => lists.map((list) => (list as Value[])[index] as Value));
      }
      default:
        return undefined;
    }
  }

  /** A builtin name the module rebinds (def str, import range...) is not the builtin. */
  private isShadowed(identifier: SyntaxNode): boolean {
    for (const scope of enclosingScopes(identifier)) {
      if (this.bindingsOf(scope).has(identifier.text)) return true;
    }
    return false;
  }

  private lookup(identifier: SyntaxNode, env: Env, depth: number): Value | undefined {
    const name = identifier.text;
    if (env.has(name)) {
      const bound = env.get(name);
      return bound === UNKNOWN ? undefined : (bound as Value);
    }
    // A list or dict changed in place (`subnets.append(...)`, `d[k] = v`) is not a constant.
    if (this.mutated(identifier).has(name)) return undefined;
    for (const scope of enclosingScopes(identifier)) {
      const found = this.bindingsOf(scope).get(name);
      if (!found) continue;
      const [only] = found;
      if (found.length !== 1 || !only?.value) return undefined;
      // Inside the same function the loop variables in `env` still apply (`cidr = f"...{i}"`).
      const sameScope = enclosingScopes(only.value)[0]?.id === enclosingScopes(identifier)[0]?.id;
      return this.evaluate(only.value, sameScope ? env : new Map(), depth);
    }
    return undefined;
  }

  /** Names mutated in place anywhere in the module (conservatively, whatever their scope). */
  private mutated(node: SyntaxNode): Set<string> {
    // The topmost ancestor of any node is the tree's root (asking each parent costs O(depth)).
    const root = node.tree.rootNode;
    const cached = this.mutatedByTree.get(root.id);
    if (cached) return cached;
    const names = mutatedNames(root);
    this.mutatedByTree.set(root.id, names);
    return names;
  }

  /** Every name bound in a scope (not in nested functions or classes), with its assignments. */
  private bindingsOf(scope: SyntaxNode): Map<string, ScopeBinding[]> {
    const cached = this.scopeBindings.get(scope.id);
    if (cached) return cached;
    const bindings = new Map<string, ScopeBinding[]>();
    const add = (name: string, value: SyntaxNode | undefined) => {
      const list = bindings.get(name) ?? [];
      list.push({ value });
      bindings.set(name, list);
    };
    if (scope.type === 'function_definition' || scope.type === 'lambda') {
      const parameters = scope.childForFieldName('parameters');
      for (const parameter of parameters?.namedChildren ?? []) {
        const name = parameter.type === 'identifier' ? parameter : (parameter.childForFieldName('name') ?? parameter.namedChildren.find((child) => child.type === 'identifier'));
        if (name?.type === 'identifier') add(name.text, undefined);
      }
    }
    const body = scope.type === 'module' ? scope : scope.childForFieldName('body');
    if (body) {
      for (const node of ownBindingNodes(body)) {
        if (node.id !== body.id && SCOPE_TYPES.has(node.type)) {
          const name = node.childForFieldName('name');
          if (name && node.type !== 'lambda') add(name.text, undefined);
          continue;
        }
        switch (node.type) {
          case 'assignment': {
            const left = node.childForFieldName('left');
            const right = node.childForFieldName('right');
            if (left?.type === 'identifier') add(left.text, right && right.type !== 'assignment' ? right : undefined);
            else if (left) for (const name of patternNames(left)) add(name, undefined);
            break;
          }
          case 'augmented_assignment': {
            const left = node.childForFieldName('left');
            if (left?.type === 'identifier') add(left.text, undefined);
            break;
          }
          case 'for_statement': {
            const left = node.childForFieldName('left');
            if (left) for (const name of patternNames(left)) add(name, undefined);
            break;
          }
          case 'named_expression': {
            const name = node.childForFieldName('name');
            if (name) add(name.text, undefined);
            break;
          }
          case 'as_pattern':
          case 'with_item': {
            const alias = node.childForFieldName('alias') ?? node.namedChildren.find((child) => child.type === 'as_pattern_target');
            if (alias) for (const name of patternNames(alias)) add(name, undefined);
            break;
          }
          case 'except_clause': {
            for (const child of node.namedChildren) if (child.type === 'identifier' && child.previousSibling?.type === 'as') add(child.text, undefined);
            break;
          }
          case 'global_statement':
          case 'nonlocal_statement':
            for (const child of node.namedChildren) if (child.type === 'identifier') add(child.text, undefined);
            break;
          case 'import_statement':
          case 'import_from_statement': {
            // Its `dotted_name` and `aliased_import` children (the module name excepted).
            const moduleName = node.childForFieldName('module_name');
            for (const child of node.namedChildren) {
              if (child.type === 'aliased_import') {
                const alias = child.childForFieldName('alias');
                if (alias) add(alias.text, undefined);
              } else if (child.type === 'dotted_name' && moduleName?.id !== child.id) {
                add(child.text.split('.')[0] ?? child.text, undefined);
              }
            }
            break;
          }
          default:
            break;
        }
      }
    }
    this.scopeBindings.set(scope.id, bindings);
    return bindings;
  }
}

interface LoopFrame {
  target: SyntaxNode;
  iterable: SyntaxNode;
}

/** Enclosing `for` loops and comprehension clauses of `node` within its function, outermost first. */
export function loopFrames(node: SyntaxNode): LoopFrame[] {
  const frames: LoopFrame[] = [];
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'class_definition' || current.type === 'lambda') break;
    if (current.type === 'for_statement' && current.childForFieldName('body')?.id === child.id) {
      const target = current.childForFieldName('left');
      const iterable = current.childForFieldName('right');
      if (target && iterable) frames.unshift({ target, iterable });
    } else if (
      (current.type === 'list_comprehension' || current.type === 'generator_expression' || current.type === 'set_comprehension' || current.type === 'dictionary_comprehension') &&
      current.childForFieldName('body')?.id === child.id
    ) {
      const clauses = current.namedChildren.filter((clause) => clause.type === 'for_in_clause');
      const own: LoopFrame[] = [];
      for (const clause of clauses) {
        const target = clause.childForFieldName('left');
        const iterable = clause.childForFieldName('right');
        if (target && iterable) own.push({ target, iterable });
      }
      frames.unshift(...own);
    }
  }
  return frames;
}

/** Nodes that bind names in a scope body, and the scopes nested directly in it, in document order; nothing inside those. */
function ownBindingNodes(body: SyntaxNode): SyntaxNode[] {
  const nodes = descendantsOfType(body, BINDING_TYPES);
  const kept: SyntaxNode[] = [];
  // Nested scopes still open at the current position (properly nested, so a stack of their ends).
  const open: number[] = [];
  for (const node of nodes) {
    const start = node.startIndex;
    while (open.length && (open[open.length - 1] as number) <= start) open.pop();
    if (open.length === 0) kept.push(node);
    if (node.id !== body.id && SCOPE_TYPES.has(node.type)) open.push(node.endIndex);
  }
  return kept;
}

/** Identifiers of the methods that change a list, dict or set in place. */
const MUTATING_WORD = new RegExp(`(?<![A-Za-z0-9_])(?:${[...MUTATING_METHODS].join('|')})(?![A-Za-z0-9_])`, 'g');

/**
 * Names changed in place anywhere under `root`: `x.append(...)` and the other mutating methods,
 * `x[k] = v` / `x[k] += v` and `del x[k]`. Calls are found through the method names in the source
 * text (each occurrence confirmed by the tree) rather than by visiting every node.
 */
function mutatedNames(root: SyntaxNode): Set<string> {
  const names = new Set<string>();
  const text = root.text;
  const base = root.startIndex;
  for (const match of text.matchAll(MUTATING_WORD)) {
    const start = base + match.index;
    const identifier = root.descendantForIndex(start, start + match[0].length);
    if (identifier.type !== 'identifier' || identifier.startIndex !== start || identifier.endIndex !== start + match[0].length) continue;
    const fn = identifier.parent;
    if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.id !== identifier.id) continue;
    const call = fn.parent;
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== fn.id) continue;
    const target = fn.childForFieldName('object');
    if (target?.type === 'identifier') names.add(target.text);
  }
  for (const assignment of descendantsOfType(root, ['assignment', 'augmented_assignment'])) {
    const left = assignment.childForFieldName('left');
    const target = left?.type === 'subscript' ? left.childForFieldName('value') : undefined;
    if (target?.type === 'identifier') names.add(target.text);
  }
  // A `del` statement starts with the keyword.
  if (/(?<![A-Za-z0-9_])del(?![A-Za-z0-9_])/.test(text)) {
    for (const statement of descendantsOfType(root, 'delete_statement')) {
      const first = statement.namedChildren[0];
      const target = first?.type === 'subscript' ? first.childForFieldName('value') : undefined;
      if (target?.type === 'identifier') names.add(target.text);
    }
  }
  return names;
}

const scopesCache = new WeakMap<SyntaxNode, SyntaxNode[]>();

/** Enclosing scopes of a node, innermost first, skipping class bodies (invisible to methods); memoised per node. */
function enclosingScopes(node: SyntaxNode): SyntaxNode[] {
  let scopes = scopesCache.get(node);
  if (!scopes) {
    scopes = findEnclosingScopes(node);
    scopesCache.set(node, scopes);
  }
  return scopes;
}

function findEnclosingScopes(node: SyntaxNode): SyntaxNode[] {
  const scopes: SyntaxNode[] = [];
  let first = true;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'lambda' || current.type === 'module') scopes.push(current);
    else if (current.type === 'class_definition' && first) scopes.push(current);
    if (current.type === 'function_definition' || current.type === 'lambda' || current.type === 'class_definition') first = false;
  }
  return scopes;
}

function patternNames(pattern: SyntaxNode): string[] {
  if (pattern.type === 'identifier') return [pattern.text];
  const names: string[] = [];
  for (const node of descendants(pattern)) {
    if (node.type === 'identifier' && node.parent?.type !== 'attribute' && node.parent?.type !== 'subscript') names.push(node.text);
  }
  return names;
}

function bindPattern(pattern: SyntaxNode, value: Binding, env: Map<string, Binding>): boolean {
  if (pattern.type === 'identifier') {
    env.set(pattern.text, value);
    return true;
  }
  if (pattern.type === 'pattern_list' || pattern.type === 'tuple_pattern' || pattern.type === 'list_pattern' || pattern.type === 'tuple' || pattern.type === 'list') {
    const targets = pattern.namedChildren.filter((child) => child.type !== 'comment');
    if (targets.some((target) => target.type === 'list_splat_pattern')) return false;
    if (value === UNKNOWN) {
      for (const target of targets) for (const name of patternNames(target)) env.set(name, UNKNOWN);
      return true;
    }
    if (!Array.isArray(value) || value.length !== targets.length) return false;
    return targets.every((target, index) => bindPattern(target, (value[index] as Binding | undefined) ?? UNKNOWN, env));
  }
  if (pattern.type === 'parenthesized_expression') {
    const inner = pattern.namedChildren[0];
    return inner ? bindPattern(inner, value, env) : false;
  }
  return false;
}

function iterate(value: Value): Value[] | undefined {
  if (Array.isArray(value)) return value;
  if (isDict(value)) return [...value.dict.keys()];
  if (typeof value === 'string') return [...value];
  return undefined;
}

function argumentList(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return [];
  return args.namedChildren.filter((child) => child.type !== 'comment');
}

function sliceParts(slice: SyntaxNode): { start?: SyntaxNode; stop?: SyntaxNode; step?: SyntaxNode } | undefined {
  const parts: (SyntaxNode | undefined)[] = [undefined];
  for (const child of slice.children) {
    if (child.type === ':') parts.push(undefined);
    else if (child.type !== 'comment') {
      if (parts[parts.length - 1] !== undefined) return undefined;
      parts[parts.length - 1] = child;
    }
  }
  if (parts.length < 2 || parts.length > 3) return undefined;
  return { start: parts[0], stop: parts[1], step: parts[2] };
}

function parseInteger(text: string): number | undefined {
  const clean = text.replace(/_/g, '');
  if (/^\d+$/.test(clean)) return Number(clean);
  if (/^0[xX][0-9a-fA-F]+$/.test(clean)) return Number.parseInt(clean.slice(2), 16);
  return undefined;
}

function contentValue(content: SyntaxNode, raw: boolean, formatted: boolean): string {
  let text = content.text;
  if (formatted) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  if (!raw) text = text.replace(/\\(?:\r?\n|.)/g, (sequence) => unescape(sequence));
  return text;
}

function unescape(sequence: string): string {
  const simple: Record<string, string> = { '\\n': '\n', '\\t': '\t', '\\r': '\r', '\\\\': '\\', "\\'": "'", '\\"': '"', '\\0': '\0' };
  if (sequence in simple) return simple[sequence] as string;
  if (/^\\\r?\n$/.test(sequence)) return '';
  return sequence;
}
