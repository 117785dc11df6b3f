/**
 * Python name resolution over one module: which names are used but bound nowhere they could
 * be seen from. Follows Python's scoping rules closely enough to be quiet on correct code:
 *
 * - module, function, lambda, class and comprehension scopes; a name bound anywhere in a scope
 *   counts for the whole scope (order-insensitive, so conditional or late definitions never alarm);
 * - class-body names are not visible in methods or nested functions (Python's rule), but
 *   comprehensions in a class body may see them (lenient: only the first iterable really can);
 * - `global` moves a function's bindings to the module, `nonlocal` names count as bound;
 * - decorators, default values, annotations and base classes resolve in the enclosing scope;
 * - bindings: imports, (augmented/annotated) assignments, `def`, `class`, parameters (including
 *   lambda, `*args`, `**kwargs`), `for`, `with ... as`, `except ... as`, comprehension targets,
 *   walrus, `del`, match-pattern captures, PEP 695 type parameters and `type` aliases.
 *
 * Iterative throughout: deeply nested input must not overflow the stack.
 */
import { IMPLICIT_NAMES, PYTHON_BUILTINS } from './builtins.js';
import type { SyntaxNode } from './parser.js';

type ScopeKind = 'module' | 'function' | 'class' | 'comprehension';

interface Scope {
  kind: ScopeKind;
  parent: Scope | undefined;
  bindings: Set<string>;
  globals: Set<string>;
}

export interface NameUse {
  name: string;
  node: SyntaxNode;
}

export interface NameAnalysis {
  /** `from x import *` somewhere: the names it brings in cannot be known. */
  starImport: boolean;
  /** `exec(...)` or `globals()` is called: names may be created dynamically. */
  dynamicNames: boolean;
  /** Names bound at module level (including through `global`). */
  moduleBindings: Set<string>;
  /** Uses that resolve to no binding, builtin or implicit name, in document order. */
  unresolved: NameUse[];
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const TARGET_CONTAINERS = new Set([
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'tuple',
  'list',
  'parenthesized_expression',
  'expression_list',
  'list_splat_pattern',
  'list_splat',
  'as_pattern_target',
]);

function newScope(kind: ScopeKind, parent: Scope | undefined): Scope {
  return { kind, parent, bindings: new Set(), globals: new Set() };
}

/** Identifier nodes a target binds (`a`, `a, *b`, `(a, [b, c])`); attribute/subscript targets bind nothing. */
function targetIdentifiers(target: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const pending = [target];
  while (pending.length) {
    const node = pending.pop() as SyntaxNode;
    if (node.type === 'identifier') found.push(node);
    else if (TARGET_CONTAINERS.has(node.type)) for (const child of node.namedChildren) pending.push(child);
  }
  return found;
}

/** Every identifier below `root` (root included). */
function identifiersBelow(root: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const pending = [root];
  while (pending.length) {
    const node = pending.pop() as SyntaxNode;
    if (node.type === 'identifier') found.push(node);
    else for (const child of node.namedChildren) pending.push(child);
  }
  return found;
}

function nearestNonComprehension(scope: Scope): Scope {
  let current = scope;
  while (current.kind === 'comprehension' && current.parent) current = current.parent;
  return current;
}

export function analyseNames(root: SyntaxNode): NameAnalysis {
  const module = newScope('module', undefined);
  const scopes: Scope[] = [module];
  const uses: { name: string; node: SyntaxNode; scope: Scope }[] = [];
  const notUses = new Set<number>();
  let starImport = false;
  let dynamicNames = false;

  const bind = (scope: Scope, name: string) => scope.bindings.add(name);
  const bindTargets = (scope: Scope, target: SyntaxNode | null) => {
    if (!target) return;
    for (const identifier of targetIdentifiers(target)) {
      bind(scope, identifier.text);
      notUses.add(identifier.id);
    }
  };

  const pending: { node: SyntaxNode; scope: Scope }[] = [{ node: root, scope: module }];
  const pushAll = (scope: Scope, nodes: readonly (SyntaxNode | null | undefined)[]) => {
    for (let index = nodes.length - 1; index >= 0; index--) {
      const node = nodes[index];
      if (node) pending.push({ node, scope });
    }
  };
  // Few nodes only: a spread of a node's children (130,000 in a long list) overflowed the stack.
  const push = (scope: Scope, ...nodes: (SyntaxNode | null | undefined)[]) => pushAll(scope, nodes);
  const pushChildren = (node: SyntaxNode, scope: Scope, except?: ReadonlySet<number>) => pushAll(scope, node.namedChildren.filter((child) => !except?.has(child.id)));

  /** Binds parameter names in `inner`; defaults and annotations are evaluated in `outer`. */
  const parameters = (node: SyntaxNode | null, inner: Scope, outer: Scope) => {
    if (!node) return;
    for (const parameter of node.namedChildren) {
      switch (parameter.type) {
        case 'identifier':
          bind(inner, parameter.text);
          break;
        case 'default_parameter':
        case 'typed_default_parameter': {
          bindTargets(inner, parameter.childForFieldName('name'));
          push(outer, parameter.childForFieldName('type'), parameter.childForFieldName('value'));
          break;
        }
        case 'typed_parameter': {
          const name = parameter.namedChildren.find((child) => child.type !== 'type');
          if (name) for (const identifier of identifiersBelow(name)) bind(inner, identifier.text);
          push(outer, parameter.childForFieldName('type'));
          break;
        }
        case 'list_splat_pattern':
        case 'dictionary_splat_pattern':
        case 'tuple_pattern':
          for (const identifier of identifiersBelow(parameter)) bind(inner, identifier.text);
          break;
        default:
          break;
      }
    }
  };

  const typeParameters = (node: SyntaxNode | null, scope: Scope) => {
    if (!node) return;
    // Lenient: bounds (`T: Base`) are bound too, which can only silence a finding.
    for (const identifier of identifiersBelow(node)) bind(scope, identifier.text);
  };

  while (pending.length) {
    const { node, scope } = pending.pop() as { node: SyntaxNode; scope: Scope };
    switch (node.type) {
      case 'identifier':
        if (!notUses.has(node.id)) uses.push({ name: node.text, node, scope });
        continue;
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        importBindings(node, scope, (found) => (starImport ||= found));
        continue;
      case 'global_statement':
        for (const identifier of node.namedChildren) if (identifier.type === 'identifier') scope.globals.add(identifier.text);
        continue;
      case 'nonlocal_statement':
        for (const identifier of node.namedChildren) if (identifier.type === 'identifier') bind(scope, identifier.text);
        continue;
      case 'function_definition': {
        bindTargets(scope, node.childForFieldName('name'));
        const inner = newScope('function', scope);
        scopes.push(inner);
        parameters(node.childForFieldName('parameters'), inner, scope);
        typeParameters(node.childForFieldName('type_parameters'), inner);
        push(scope, node.childForFieldName('return_type'));
        push(inner, node.childForFieldName('body'));
        continue;
      }
      case 'lambda': {
        const inner = newScope('function', scope);
        scopes.push(inner);
        parameters(node.childForFieldName('parameters'), inner, scope);
        push(inner, node.childForFieldName('body'));
        continue;
      }
      case 'class_definition': {
        bindTargets(scope, node.childForFieldName('name'));
        const inner = newScope('class', scope);
        scopes.push(inner);
        typeParameters(node.childForFieldName('type_parameters'), inner);
        push(scope, node.childForFieldName('superclasses'));
        push(inner, node.childForFieldName('body'));
        continue;
      }
      case 'type_alias_statement': {
        const left = node.childForFieldName('left');
        if (left) for (const identifier of identifiersBelow(left)) bind(scope, identifier.text);
        push(scope, node.childForFieldName('right'));
        continue;
      }
      case 'assignment':
      case 'augmented_assignment':
      case 'for_statement':
      case 'for_in_clause':
        bindTargets(scope, node.childForFieldName('left'));
        break;
      case 'named_expression': {
        const name = node.childForFieldName('name');
        if (name) {
          bind(nearestNonComprehension(scope), name.text);
          notUses.add(name.id);
        }
        break;
      }
      case 'as_pattern':
        // `with x as y` / `except E as e` (patterns inside `case` are handled with the clause).
        bindTargets(scope, node.childForFieldName('alias'));
        break;
      case 'delete_statement':
        for (const target of node.namedChildren) bindTargets(scope, target);
        break;
      case 'case_clause': {
        const patterns = node.namedChildren.filter((child) => child.type === 'case_pattern');
        for (const pattern of patterns) for (const identifier of identifiersBelow(pattern)) bind(scope, identifier.text);
        pushChildren(node, scope, new Set(patterns.map((pattern) => pattern.id)));
        continue;
      }
      case 'keyword_argument':
        push(scope, node.childForFieldName('value'));
        continue;
      case 'attribute':
        push(scope, node.childForFieldName('object'));
        continue;
      case 'dotted_name':
        push(scope, node.namedChildren[0]);
        continue;
      case 'exec_statement':
        dynamicNames = true;
        break;
      case 'call': {
        const callee = node.childForFieldName('function');
        if (callee?.type === 'identifier' && (callee.text === 'exec' || callee.text === 'globals')) dynamicNames = true;
        break;
      }
      default:
        if (COMPREHENSIONS.has(node.type)) {
          const inner = newScope('comprehension', scope);
          scopes.push(inner);
          pushChildren(node, inner);
          continue;
        }
    }
    pushChildren(node, scope);
  }

  // `global x` in a function: its assignments to x bind the module's x.
  for (const scope of scopes) {
    for (const name of scope.globals) if (scope.bindings.has(name)) module.bindings.add(name);
  }

  const unresolved = uses.filter((use) => !resolves(use.name, use.scope, module)).map(({ name, node }) => ({ name, node }));
  unresolved.sort((a, b) => a.node.startIndex - b.node.startIndex);
  return { starImport, dynamicNames, moduleBindings: module.bindings, unresolved };
}

function resolves(name: string, scope: Scope, module: Scope): boolean {
  if (PYTHON_BUILTINS.has(name) || IMPLICIT_NAMES.has(name)) return true;
  let current: Scope | undefined = scope;
  let classVisible = true;
  while (current) {
    if (current.kind !== 'class' || classVisible) {
      if (current.globals.has(name)) return module.bindings.has(name);
      if (current.bindings.has(name)) return true;
    }
    if (current.kind !== 'comprehension') classVisible = false;
    current = current.parent;
  }
  return false;
}

function importBindings(statement: SyntaxNode, scope: Scope, star: (found: boolean) => void): void {
  if (statement.type === 'import_statement') {
    for (const child of statement.namedChildren) {
      if (child.type === 'dotted_name') {
        const first = child.namedChildren[0];
        if (first) scope.bindings.add(first.text);
      } else if (child.type === 'aliased_import') {
        const alias = child.childForFieldName('alias');
        if (alias) scope.bindings.add(alias.text);
      }
    }
    return;
  }
  for (const child of statement.namedChildren) {
    if (child.type === 'wildcard_import') star(true);
  }
  for (const child of statement.childrenForFieldName('name')) {
    if (child.type === 'dotted_name') {
      const last = child.namedChildren[child.namedChildren.length - 1];
      if (last) scope.bindings.add(last.text);
    } else if (child.type === 'aliased_import') {
      const alias = child.childForFieldName('alias');
      if (alias) scope.bindings.add(alias.text);
    }
  }
}
