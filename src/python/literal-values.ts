/**
 * Reading literal values one level at a time: dict literals, `dict(...)` and `*Args(...)`
 * calls as mappings, list/tuple literals as sequences, strings, integers and constants, and
 * names that are bound exactly once in the module (`SSH_RULE = {...}` used as `SSH_RULE`).
 * Nothing here recurses on the syntax tree: callers descend one known level at a time.
 */
import { stringLiteralValue } from './calls.js';
import type { ImportTable } from './names.js';
import type { SyntaxNode } from './parser.js';
import { descendantsOfType } from '../syntax/walk.js';

export interface MappingEntry {
  /** The key as written (`cidr_blocks`, `cidrBlocks`, `Effect`). */
  key: string;
  value: SyntaxNode;
  /** The `pair` or `keyword_argument` node, for reporting `key: value`. */
  entry: SyntaxNode;
}

export interface Mapping {
  node: SyntaxNode;
  entries: Map<string, MappingEntry>;
  /** True when keys may be missing from `entries` (`**splat`, positional or non-string keys). */
  open: boolean;
}

export interface Sequence {
  node: SyntaxNode;
  items: SyntaxNode[];
  /** True when items may be missing (`*splat`). */
  open: boolean;
}

/** Strips redundant parentheses: `("0.0.0.0/0")` is the string. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (let guard = 0; current.type === 'parenthesized_expression' && guard < 64; guard++) {
    const inner = current.namedChildren.find((child) => child.type !== 'comment');
    if (!inner) break;
    current = inner;
  }
  return current;
}

const snakeKeys = new Map<string, string>();

/** `cidrBlocks` / `CIDR_BLOCKS` / `cidr-blocks` -> `cidr_blocks` (memoised: keys repeat endlessly). */
export function snakeKey(key: string): string {
  let snake = snakeKeys.get(key);
  if (snake === undefined) {
    snake = /[A-Z-]/.test(key)
      ? key
          .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
          .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1_$2')
          .replace(/-/g, '_')
          .toLowerCase()
      : key;
    if (snakeKeys.size < 10_000) snakeKeys.set(key, snake);
  }
  return snake;
}

/** The keyword or dict-key mapping of a dict literal, `dict(...)` call or `*Args(...)`/`*ArgsDict(...)` call. */
export function mappingOf(node: SyntaxNode, imports?: ImportTable): Mapping | undefined {
  const target = unwrap(node);
  if (target.type === 'dictionary') {
    const entries = new Map<string, MappingEntry>();
    let open = false;
    for (const child of target.namedChildren) {
      if (child.type === 'pair') {
        const keyNode = child.childForFieldName('key');
        const value = child.childForFieldName('value');
        const key = keyNode ? stringLiteralValue(unwrap(keyNode)) : undefined;
        if (key === undefined || !value) {
          open = true;
          continue;
        }
        entries.set(key, { key, value, entry: child });
      } else if (child.type === 'dictionary_splat') {
        // A later `**splat` may override every key written before it.
        entries.clear();
        open = true;
      } else if (child.type !== 'comment') {
        open = true;
      }
    }
    return { node: target, entries, open };
  }
  if (target.type === 'call') {
    const fn = target.childForFieldName('function');
    if (!fn) return undefined;
    const last = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn.type === 'identifier' ? fn.text : undefined;
    if (!last) return undefined;
    const isDict = fn.type === 'identifier' && last === 'dict' && !imports?.has('dict');
    if (!isDict && !/[A-Za-z0-9](Args|ArgsDict)$/.test(last)) return undefined;
    return keywordMapping(target);
  }
  return undefined;
}

/** The keyword arguments of any call as a mapping (`open` when positional or splat arguments exist). */
export function keywordMapping(call: SyntaxNode): Mapping | undefined {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return undefined;
  const entries = new Map<string, MappingEntry>();
  let open = false;
  for (const child of args.namedChildren) {
    if (child.type === 'keyword_argument') {
      const name = child.childForFieldName('name');
      const value = child.childForFieldName('value');
      if (name && value) entries.set(name.text, { key: name.text, value, entry: child });
    } else if (child.type !== 'comment') {
      open = true;
    }
  }
  return { node: call, entries, open };
}

/** Looks a key up by its snake_case form, so `cidrBlocks` and `cidr_blocks` both match. */
export function mappingGet(mapping: Mapping, snake: string): MappingEntry | undefined {
  const direct = mapping.entries.get(snake);
  if (direct) return direct;
  for (const entry of mapping.entries.values()) {
    if (snakeKey(entry.key) === snake) return entry;
  }
  return undefined;
}

/** Items of a list, tuple or set literal. */
export function sequenceOf(node: SyntaxNode): Sequence | undefined {
  const target = unwrap(node);
  if (target.type !== 'list' && target.type !== 'tuple' && target.type !== 'set') return undefined;
  const items: SyntaxNode[] = [];
  let open = false;
  for (const child of target.namedChildren) {
    if (child.type === 'list_splat') open = true;
    else if (child.type !== 'comment') items.push(child);
  }
  return { node: target, items, open };
}

/** The literal value of a plain (non-f) string, looking through parentheses. */
export function stringValue(node: SyntaxNode): string | undefined {
  return stringLiteralValue(unwrap(node));
}

/** A decimal integer literal, optionally negative (`-1`). */
export function integerValue(node: SyntaxNode): number | undefined {
  const target = unwrap(node);
  if (target.type === 'integer') {
    return /^\d+$/.test(target.text.replace(/_/g, '')) ? Number(target.text.replace(/_/g, '')) : undefined;
  }
  if (target.type === 'unary_operator') {
    const operator = target.childForFieldName('operator')?.text;
    const argument = target.childForFieldName('argument');
    if (!argument || (operator !== '-' && operator !== '+')) return undefined;
    const inner = unwrap(argument);
    if (inner.type !== 'integer' || !/^\d+$/.test(inner.text)) return undefined;
    return operator === '-' ? -Number(inner.text) : Number(inner.text);
  }
  return undefined;
}

/**
 * The text of a string node with every f-string interpolation replaced by `\u0000`, so
 * literal parts can be searched without pretending to know the interpolated values.
 */
export function stringTemplate(node: SyntaxNode): string | undefined {
  const target = unwrap(node);
  if (target.type === 'concatenated_string') {
    const parts = target.namedChildren.filter((child) => child.type === 'string').map((child) => stringTemplate(child));
    return parts.every((part) => part !== undefined) ? parts.join('') : undefined;
  }
  if (target.type !== 'string') return undefined;
  let value = '';
  for (const child of target.namedChildren) {
    if (child.type === 'string_content') value += child.text;
    else if (child.type === 'escape_sequence') value += stringLiteralValue(child) ?? child.text;
    else if (child.type === 'interpolation') value += '\u0000';
  }
  return value;
}

/**
 * Ids of the strings that are statements on their own (docstrings and bare string expressions),
 * including the parts of such a concatenated string. Computed from the statements, so no
 * node has to walk up its ancestors.
 */
export function standaloneStrings(root: SyntaxNode): Set<number> {
  const ids = new Set<number>();
  for (const statement of descendantsOfType(root, 'expression_statement')) {
    if (statement.namedChildCount !== 1) continue;
    const child = statement.namedChildren[0];
    if (child?.type === 'string') ids.add(child.id);
    else if (child?.type === 'concatenated_string') for (const part of child.namedChildren) ids.add(part.id);
  }
  return ids;
}

/**
 * Node types that bind names in ways other than a plain `name = value` (made ambiguous). Few of
 * them are in the shared type index, so they are fetched in one native pass of their own.
 */
const OTHER_BINDINGS = [
  'augmented_assignment',
  'for_statement',
  'for_in_clause',
  'parameters',
  'lambda_parameters',
  'named_expression',
  'as_pattern_target',
  'global_statement',
  'nonlocal_statement',
  'function_definition',
  'class_definition',
  'delete_statement',
  'case_pattern',
];
const BINDING_FIELD: Record<string, string> = {
  augmented_assignment: 'left',
  for_statement: 'left',
  for_in_clause: 'left',
  named_expression: 'name',
  function_definition: 'name',
  class_definition: 'name',
};

/**
 * Resolves names bound exactly once in a module by a plain `name = value` assignment and
 * nowhere else (no parameter, loop target, import or second assignment of the same name).
 * Anything else resolves to itself: a value that cannot be seen is never guessed.
 */
export class NameResolver {
  private static readonly cache = new WeakMap<object, NameResolver>();
  private readonly single = new Map<string, SyntaxNode>();

  /** The resolver of a unit's tree, built once and shared by every detector. */
  static of(root: SyntaxNode, imports?: ImportTable): NameResolver {
    const key = root.tree as object;
    let resolver = NameResolver.cache.get(key);
    if (!resolver) {
      resolver = new NameResolver(root, imports);
      if (root.parent === null) NameResolver.cache.set(key, resolver);
    }
    return resolver;
  }

  constructor(root: SyntaxNode, imports?: ImportTable) {
    const plain = new Map<string, SyntaxNode[]>();
    const ambiguous = new Set<string>(imports ? [...imports.keys()] : []);
    for (const assignment of descendantsOfType(root, 'assignment')) {
      const left = assignment.childForFieldName('left');
      if (!left) continue;
      if (left.type === 'identifier') {
        const value = assignedValue(assignment);
        if (value) {
          const values = plain.get(left.text);
          if (values) values.push(value);
          else plain.set(left.text, [value]);
        }
      } else if (left.type !== 'attribute' && left.type !== 'subscript') {
        // `a, b = ...`: unpacking is not followed.
        for (const name of descendantsOfType(left, 'identifier')) ambiguous.add(name.text);
      }
    }
    for (const binder of root.descendantsOfType(OTHER_BINDINGS)) {
      const field = BINDING_FIELD[binder.type];
      const target = field ? binder.childForFieldName(field) : binder;
      if (!target) continue;
      // Over-approximates (parameter defaults, annotations): a name that is only maybe bound stays unresolved.
      if (target.type === 'identifier') ambiguous.add(target.text);
      else for (const name of descendantsOfType(target, 'identifier')) ambiguous.add(name.text);
    }
    for (const [name, values] of plain) {
      const only = values[0];
      if (values.length === 1 && only && !ambiguous.has(name)) this.single.set(name, only);
    }
  }

  /** Follows identifiers (a few hops at most) to the single value they are bound to. */
  resolve(node: SyntaxNode): SyntaxNode {
    let current = unwrap(node);
    for (let hops = 0; hops < 8 && current.type === 'identifier'; hops++) {
      const next = this.single.get(current.text);
      if (!next) break;
      current = unwrap(next);
    }
    return current;
  }

  mapping(node: SyntaxNode, imports?: ImportTable): Mapping | undefined {
    return mappingOf(this.resolve(node), imports);
  }

  sequence(node: SyntaxNode): Sequence | undefined {
    return sequenceOf(this.resolve(node));
  }

  string(node: SyntaxNode): string | undefined {
    return stringValue(this.resolve(node));
  }

  integer(node: SyntaxNode): number | undefined {
    return integerValue(this.resolve(node));
  }

  /** `True`/`False` through names. */
  boolean(node: SyntaxNode): boolean | undefined {
    const target = this.resolve(node);
    if (target.type === 'true') return true;
    if (target.type === 'false') return false;
    return undefined;
  }
}

/** The right-hand side of `a = b = value` for any target in the chain. */
function assignedValue(assignment: SyntaxNode): SyntaxNode | undefined {
  let value = assignment.childForFieldName('right');
  for (let guard = 0; value?.type === 'assignment' && guard < 64; guard++) value = value.childForFieldName('right');
  return value ?? undefined;
}
