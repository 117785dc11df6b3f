/**
 * The `__init__` method-order case of IAC501 (checks/wrong-resource-dependencies.ts): a class's
 * methods and default attributes, the `self.x` attributes each method reads and assigns and the
 * `self` methods it calls (also through the methods it calls), and the `self` nodes of a method
 * body outside nested scopes.
 */
import type { PythonUnit } from './units.js';
import { callArguments, stringLiteralValue } from './calls.js';
import type { SyntaxNode } from './parser.js';
import { descendantsOfType } from '../syntax/walk.js';

export const NESTED_SCOPES = ['function_definition', 'lambda', 'class_definition'];

export interface MethodFacts {
  /** Attribute -> first node reading it. */
  reads: Map<string, SyntaxNode>;
  assigns: Set<string>;
  calls: Set<string>;
}

export function methodsOf(klass: SyntaxNode): Map<string, SyntaxNode> {
  const methods = new Map<string, SyntaxNode>();
  for (const child of klass.childForFieldName('body')?.namedChildren ?? []) {
    const definition = child.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
    const name = definition?.type === 'function_definition' ? definition.childForFieldName('name')?.text : undefined;
    if (definition && name) methods.set(name, definition);
  }
  return methods;
}

export function classAttributes(klass: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const child of klass.childForFieldName('body')?.namedChildren ?? []) {
    const assignment = child.type === 'expression_statement' ? child.namedChildren[0] : undefined;
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
    if (left) for (const identifier of descendantsOfType(left, 'identifier')) names.add(identifier.text);
  }
  return names;
}

export function selfName(method: SyntaxNode): string | undefined {
  const first = method.childForFieldName('parameters')?.namedChildren[0];
  return first?.type === 'identifier' ? first.text : undefined;
}

/** `self.x` -> `x` for an attribute node on the method's self parameter (memoised: `__init__` is read twice). */
export function selfAttribute(node: SyntaxNode, self: string): string | undefined {
  if (node.type !== 'attribute') return undefined;
  const memo = node.tree.memo<{ self: string; attribute: string | undefined }>('selfAttribute');
  const cached = memo[node.index];
  if (cached?.self === self) return cached.attribute;
  const object = node.childForFieldName('object');
  const attribute = object?.type === 'identifier' && object.text === self ? node.childForFieldName('attribute')?.text : undefined;
  memo[node.index] = { self, attribute };
  return attribute;
}

const TARGET_PATTERNS = ['pattern_list', 'tuple_pattern', 'list_pattern', 'parenthesized_expression'];

function directFacts(method: SyntaxNode, unit: PythonUnit): MethodFacts {
  const facts: MethodFacts = { reads: new Map(), assigns: new Set(), calls: new Set() };
  const self = selfName(method);
  const body = method.childForFieldName('body');
  if (!self || !body) return facts;
  const guarded = new Set<string>();
  for (const node of ownSelfNodes(body, self, unit, true)) {
    if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      const called = fn ? selfAttribute(fn, self) : undefined;
      if (called) facts.calls.add(called);
      // hasattr(self, "x") / getattr(self, "x", ...) guard reads of x.
      if (fn?.type === 'identifier' && (fn.text === 'hasattr' || fn.text === 'getattr')) {
        const [object, name] = callArguments(node).positional;
        const attribute = name ? stringLiteralValue(name) : undefined;
        if (object?.text === self && attribute) guarded.add(attribute);
      }
      continue;
    }
    const attribute = selfAttribute(node, self);
    if (!attribute) continue;
    const parent = node.parent ?? undefined;
    if (assignmentTargetingUp(node)) facts.assigns.add(attribute);
    else if (!parent || parent.type !== 'call' || parent.childForFieldName('function')?.id !== node.id) {
      if (!facts.reads.has(attribute)) facts.reads.set(attribute, node);
    }
  }
  for (const attribute of guarded) facts.reads.delete(attribute);
  return facts;
}

/** True for ASCII identifier characters (a non-ASCII neighbour is left to the tree to decide). */
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** True when `text` has the word `word` at `index` (not followed by an ASCII identifier character). */
function wordAt(text: string, index: number, word: string): boolean {
  return text.startsWith(word, index) && !isWordCode(text.charCodeAt(index + word.length));
}

/**
 * The nodes of a method body the order checks look at, outside nested functions, lambdas and
 * classes, in document order: calls whose callee may be `self.x` (or `hasattr`/`getattr` when
 * `guards`), and `self.x` attribute nodes. Found through the shared node index and the source
 * text (every occurrence of the `self` name, confirmed by the tree) instead of visiting every
 * node of the body: a call's callee starts where the call starts, so a call whose text does
 * not start with the word `self` (or `hasattr`/`getattr`) cannot have one of those callees.
 */
export function ownSelfNodes(body: SyntaxNode, self: string, unit: PythonUnit, guards: boolean): SyntaxNode[] {
  const text = unit.text;
  const found: SyntaxNode[] = [];
  for (const call of descendantsOfType(body, 'call')) {
    const start = call.startIndex;
    if (wordAt(text, start, self) || (guards && (wordAt(text, start, 'hasattr') || wordAt(text, start, 'getattr')))) found.push(call);
  }
  const end = body.endIndex;
  for (let index = text.indexOf(self, body.startIndex); index >= 0 && index + self.length <= end; index = text.indexOf(self, index + 1)) {
    const identifier = body.tree.leafOfTypeAt('identifier', index, index + self.length);
    if (!identifier) continue;
    const attribute = identifier.parent;
    if (attribute?.type === 'attribute' && attribute.childForFieldName('object')?.id === identifier.id) found.push(attribute);
  }
  found.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  return outsideNestedScopes(found, descendantsOfType(body, NESTED_SCOPES));
}

/** The nodes (sorted by start) that are not inside one of `scopes` (sorted by start, properly nested or disjoint). */
function outsideNestedScopes(nodes: readonly SyntaxNode[], scopes: readonly SyntaxNode[]): SyntaxNode[] {
  const kept: SyntaxNode[] = [];
  const open: { end: number; id: number }[] = [];
  let next = 0;
  for (const node of nodes) {
    const start = node.startIndex;
    for (; next < scopes.length && (scopes[next] as SyntaxNode).startIndex <= start; next++) {
      const scope = scopes[next] as SyntaxNode;
      while (open.length && (open[open.length - 1] as { end: number }).end <= scope.startIndex) open.pop();
      open.push({ end: scope.endIndex, id: scope.id });
    }
    while (open.length && (open[open.length - 1] as { end: number }).end <= start) open.pop();
    const innermost = open[open.length - 1];
    if (!innermost || innermost.id === node.id) kept.push(node);
  }
  return kept;
}

/**
 * The assignment whose target `node` is (also inside `a, b = ...` patterns), reading only the
 * parents it needs: the climb through patterns stops at the method body at the latest (a block
 * is not a pattern).
 */
export function assignmentTargetingUp(node: SyntaxNode): SyntaxNode | undefined {
  let current = node;
  let parent = node.parent;
  while (parent && TARGET_PATTERNS.includes(parent.type)) {
    current = parent;
    parent = parent.parent;
  }
  const isTarget = (parent?.type === 'assignment' || parent?.type === 'augmented_assignment') && parent.childForFieldName('left')?.id === current.id;
  return isTarget && parent ? parent : undefined;
}

/** Reads and assignments including those of the methods a method calls (to a fixpoint). */
export function closedFacts(methods: Map<string, SyntaxNode>, unit: PythonUnit): Map<string, MethodFacts> {
  const facts = new Map<string, MethodFacts>();
  for (const [name, method] of methods) facts.set(name, directFacts(method, unit));
  const direct = new Map([...facts].map(([name, value]) => [name, { reads: new Map(value.reads), assigns: new Set(value.assigns), calls: value.calls }]));
  let changed = true;
  for (let round = 0; changed && round < 50; round++) {
    changed = false;
    for (const [name, own] of facts) {
      for (const callee of direct.get(name)?.calls ?? []) {
        const other = facts.get(callee);
        if (!other || callee === name) continue;
        for (const [attribute, node] of other.reads) {
          if (!own.reads.has(attribute)) {
            own.reads.set(attribute, node);
            changed = true;
          }
        }
        for (const attribute of other.assigns) {
          if (!own.assigns.has(attribute)) {
            own.assigns.add(attribute);
            changed = true;
          }
        }
      }
    }
  }
  return facts;
}
