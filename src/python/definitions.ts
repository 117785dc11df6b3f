/**
 * Reading function and class definitions: decorators, bodies, docstrings and base classes,
 * whether the definition is wrapped in a `decorated_definition` node or not.
 */
import { calleeName } from './calls.js';
import { qualifiedName, type ImportTable } from './names.js';
import type { SyntaxNode } from './parser.js';

/** The function or class behind a node, looking through `decorated_definition`. */
export function unwrapDefinition(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === 'function_definition' || node.type === 'class_definition') return node;
  if (node.type === 'decorated_definition') {
    const inner = node.childForFieldName('definition');
    return inner && (inner.type === 'function_definition' || inner.type === 'class_definition') ? inner : undefined;
  }
  return undefined;
}

/** The `decorator` nodes of a definition (empty when it is not decorated). */
export function decoratorsOf(definition: SyntaxNode): SyntaxNode[] {
  const parent = definition.parent;
  if (!parent || parent.type !== 'decorated_definition') return [];
  return parent.namedChildren.filter((child) => child.type === 'decorator');
}

/**
 * Qualified names of a definition's decorators through the imports: `@abstractmethod` with
 * `from abc import abstractmethod` gives `abc.abstractmethod`; a called decorator
 * (`@pytest.mark.skip(reason="x")`) gives the name of what is called.
 */
export function decoratorNames(definition: SyntaxNode, imports: ImportTable): string[] {
  const names: string[] = [];
  for (const decorator of decoratorsOf(definition)) {
    const expression = decorator.namedChildren.find((child) => child.type !== 'comment');
    if (!expression) continue;
    const name = expression.type === 'call' ? calleeName(expression, imports) : qualifiedName(expression, imports);
    if (name) names.push(name);
  }
  return names;
}

/** Statements of a block, without comments. */
export function bodyStatements(body: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!body) return [];
  return body.namedChildren.filter((child) => child.type !== 'comment');
}

function isPlainString(node: SyntaxNode): boolean {
  if (node.type === 'concatenated_string') return node.namedChildren.every(isPlainString);
  if (node.type !== 'string') return false;
  const start = node.namedChildren.find((child) => child.type === 'string_start');
  return !start || !/f/i.test(start.text);
}

/** The docstring statement of a module, class or function body, if its first statement is a string. */
export function docstringOf(body: SyntaxNode | null | undefined): SyntaxNode | undefined {
  const first = bodyStatements(body)[0];
  if (!first || first.type !== 'expression_statement') return undefined;
  const expressions = first.namedChildren.filter((child) => child.type !== 'comment');
  const only = expressions.length === 1 ? expressions[0] : undefined;
  return only && isPlainString(only) ? first : undefined;
}

/** Statements of a body after its docstring. */
export function statementsAfterDocstring(body: SyntaxNode | null | undefined): SyntaxNode[] {
  const statements = bodyStatements(body);
  return docstringOf(body) ? statements.slice(1) : statements;
}

/** Qualified names of a class's base classes, plus `metaclass=` values. */
export function classBaseNames(klass: SyntaxNode, imports: ImportTable): string[] {
  const superclasses = klass.childForFieldName('superclasses');
  if (!superclasses) return [];
  const names: string[] = [];
  for (const base of superclasses.namedChildren) {
    if (base.type === 'comment') continue;
    const target = base.type === 'keyword_argument' ? base.childForFieldName('value') : base.type === 'subscript' ? base.childForFieldName('value') : base;
    const name = target ? qualifiedName(target, imports) : undefined;
    if (name) names.push(name);
  }
  return names;
}

/** The name of a function or class definition. */
export function definitionName(definition: SyntaxNode): string {
  return definition.childForFieldName('name')?.text ?? '';
}
