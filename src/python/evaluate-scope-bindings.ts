/**
 * Name resolution for the static evaluator (evaluate.ts): the names each scope binds and with
 * which assignments, the scopes enclosing a node, whether a builtin is shadowed, and which names
 * are changed in place. Kept apart from the evaluation itself because it reads statements
 * rather than expressions, and because its per-scope and per-tree caches are its own.
 */
import { mutatedNames } from './evaluate-mutations.js';
import { patternNames } from './evaluate-loops.js';
import type { SyntaxNode } from './parser.js';
import { descendantsOfType } from '../syntax/walk.js';
import { getOrCompute } from '../syntax/memo-table.js';

const SCOPE_TYPES = new Set(['function_definition', 'lambda', 'class_definition', 'module']);
/** What `bindingsOf` reads: nested scopes (their names) and the statements that bind names. */
const BINDING_TYPES = [
  'function_definition', 'lambda', 'class_definition', 'assignment', 'augmented_assignment', 'for_statement', 'named_expression',
  'as_pattern', 'with_item', 'except_clause', 'global_statement', 'nonlocal_statement', 'import_statement', 'import_from_statement',
];

export interface ScopeBinding {
  /** The assignment's right-hand side, undefined for bindings that are not a plain `name = value`. */
  value: SyntaxNode | undefined;
}

/** The bindings of scopes and the in-place mutations of modules, each computed once. */
export class ScopeNames {
  private readonly scopeBindings = new Map<number, Map<string, ScopeBinding[]>>();
  private readonly mutatedByTree = new Map<number, Set<string>>();

  /** A builtin name the module rebinds (def str, import range...) is not the builtin. */
  isShadowed(identifier: SyntaxNode): boolean {
    for (const scope of enclosingScopes(identifier)) {
      if (this.bindingsOf(scope).has(identifier.text)) return true;
    }
    return false;
  }

  /** Names mutated in place anywhere in the module (conservatively, whatever their scope). */
  mutated(node: SyntaxNode): Set<string> {
    // The topmost ancestor of any node is the tree's root (asking each parent costs O(depth)).
    const root = node.tree.rootNode;
    const cached = this.mutatedByTree.get(root.id);
    if (cached) return cached;
    const names = mutatedNames(root);
    this.mutatedByTree.set(root.id, names);
    return names;
  }

  /** Every name bound in a scope (not in nested functions or classes), with its assignments. */
  bindingsOf(scope: SyntaxNode): Map<string, ScopeBinding[]> {
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

const scopesCache = new WeakMap<SyntaxNode, SyntaxNode[]>();

/** Enclosing scopes of a node, innermost first, skipping class bodies (invisible to methods); memoised per node. */
export function enclosingScopes(node: SyntaxNode): SyntaxNode[] {
  return getOrCompute(scopesCache, node, findEnclosingScopes);
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
