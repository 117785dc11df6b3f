/**
 * IAC501's TypeScript fix: `dependsOn: [igw]` for a NAT gateway that lacks a dependency on its
 * internet gateway. The model knows which gateway; whether code at the NAT gateway can name it
 * (block scoping, shadowing, `this` in a method) and how its options are written is syntax, so
 * visitors note it per unit during the engine's traversal (no tree outlives it) and the model
 * judgement builds the edit from those notes. The mirror of natDependsOnFix (src/python/rule-fixes.ts).
 */
import type { ModelFix, Visitors } from '../api/rule.js';
import type { Resource } from '../pulumi/model.js';
import { Site } from '../pulumi/site.js';
import type { SyntaxNode } from '../syntax/flat-tree.js';

/** Inserts `text(reference)` at `at`, or replaces `at`..`end` with it. */
interface OptionsEdit {
  at: number;
  end: number;
  text: (reference: string) => string;
}

interface NatSurroundings {
  /** Each name in scope up to the enclosing function: the start of the `new` its `const` holds, or -1 (another binding). */
  visible: Map<string, number>;
  /** The method `this` stands for there (reached through arrow functions only). */
  method: { className: string; name: string } | undefined;
  edit: OptionsEdit | undefined;
}

/** What one unit's syntax says, keyed by the start offset of `new` expressions. */
export interface NatFixNotes {
  nats: Map<number, NatSurroundings>;
  /** Gateways assigned to `this.<field>` by a statement of a method body. */
  fields: Map<number, { field: string; className: string; method: string }>;
  /** Per class: the methods its constructor runs (itself, the `this` methods it calls, theirs...). */
  constructed: Map<string, Set<string>>;
}

export function emptyNatFixNotes(): NatFixNotes {
  return { nats: new Map(), fields: new Map(), constructed: new Map() };
}

const FUNCTIONS = new Set(['function_declaration', 'function_expression', 'function', 'generator_function', 'generator_function_declaration', 'arrow_function', 'method_definition', 'class_declaration', 'class']);
const NAT = /(^|\.)NatGateway$/;
const GATEWAY = /(^|\.)InternetGateway(Attachment)?$/;

const significant = (node: SyntaxNode | null | undefined): SyntaxNode[] => node?.namedChildren.filter((child) => child.type !== 'comment') ?? [];

/** Names a pattern binds (`a`, `{ a, b: c }`, `[a, ...b]`). */
function boundNames(pattern: SyntaxNode | null): string[] {
  if (!pattern) return [];
  if (pattern.type === 'identifier' || pattern.type === 'shorthand_property_identifier_pattern') return [pattern.text];
  return pattern.namedChildren.flatMap((child) => (child.type === 'property_identifier' ? [] : boundNames(child.childForFieldName('value') ?? child)));
}

/** Declarations scoped to `scope` (a block, the module, a loop head, a function's parameters): name -> `new` start of a const, else -1. */
function declarationsIn(scope: SyntaxNode, into: Map<string, number>): void {
  const note = (name: string, value: number) => {
    if (!into.has(name)) into.set(name, value);
  };
  const statements = scope.type === 'switch_body' ? scope.namedChildren.flatMap((entry) => entry.namedChildren) : scope.namedChildren;
  for (let statement of statements) {
    if (statement.type === 'export_statement') statement = statement.childForFieldName('declaration') ?? statement;
    if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
      const isConst = statement.children[0]?.type === 'const';
      for (const declarator of statement.namedChildren) {
        if (declarator.type !== 'variable_declarator') continue;
        const name = declarator.childForFieldName('name');
        const value = declarator.childForFieldName('value');
        if (name?.type === 'identifier' && isConst && value?.type === 'new_expression') note(name.text, value.startIndex);
        else for (const bound of boundNames(name)) note(bound, -1);
      }
    } else if (/declaration$/.test(statement.type) || statement.type === 'required_parameter' || statement.type === 'optional_parameter') {
      for (const bound of boundNames(statement.childForFieldName('name') ?? statement.childForFieldName('pattern'))) note(bound, -1);
    } else if (statement.type === 'identifier' && scope.type === 'formal_parameters') {
      note(statement.text, -1);
    }
  }
  // `for (const x of xs)`, `catch (e)`, an arrow's single parameter (a `for (;;)` head is a child declaration).
  const head = scope.type === 'for_in_statement' ? 'left' : scope.type === 'catch_clause' || scope.type === 'arrow_function' ? 'parameter' : undefined;
  if (head) for (const bound of boundNames(scope.childForFieldName(head))) note(bound, -1);
}

/** The bindings code at `node` sees, innermost first, up to its function (whose parameters count). */
function visibleAt(node: SyntaxNode): Map<string, number> {
  const visible = new Map<string, number>();
  for (let scope = node.parent; scope; scope = scope.parent) {
    declarationsIn(scope, visible);
    if (FUNCTIONS.has(scope.type)) {
      const parameters = scope.childForFieldName('parameters');
      if (parameters) declarationsIn(parameters, visible);
      break;
    }
  }
  return visible;
}

/** A non-static method of a named class declaration: its class and name. */
function methodOf(node: SyntaxNode): { className: string; name: string } | undefined {
  if (node.type !== 'method_definition' || node.children.some((child) => child.type === 'static')) return undefined;
  const className = node.parent?.type === 'class_body' ? node.parent.parent?.childForFieldName('name')?.text : undefined;
  const name = node.childForFieldName('name');
  return className && name?.type === 'property_identifier' ? { className, name: name.text } : undefined;
}

/** The method whose `this` code at `node` has: through arrow functions, not through `function`s. */
function thisMethod(node: SyntaxNode): { className: string; name: string } | undefined {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (scope.type === 'arrow_function') continue;
    if (FUNCTIONS.has(scope.type)) return methodOf(scope);
  }
  return undefined;
}

function indentationAt(text: string, offset: number): string | undefined {
  const prefix = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  return /^[ \t]*$/.test(prefix) ? prefix : undefined;
}

/**
 * Where `dependsOn` goes: a third argument when the call has two (on a line of its own when the
 * arguments are one per line), or a property after the last one of an inline options object
 * (one per line when they are). Nothing for a spread, options in a variable, or a `dependsOn`.
 */
function optionsEdit(call: SyntaxNode, text: string): OptionsEdit | undefined {
  const args = significant(call.childForFieldName('arguments'));
  if (args.some((arg) => arg.type === 'spread_element')) return undefined;
  const [first, second, options] = args;
  if (args.length === 2 && first && second) {
    const indent = second.startPosition.row > first.endPosition.row ? indentationAt(text, second.startIndex) : undefined;
    return { at: second.endIndex, end: second.endIndex, text: (ref) => `${indent === undefined ? ', ' : `,\n${indent}`}{ dependsOn: [${ref}] }` };
  }
  if (args.length !== 3 || options?.type !== 'object') return undefined;
  const properties = significant(options);
  const keyOf = (property: SyntaxNode) =>
    property.type === 'shorthand_property_identifier' ? property.text : property.type === 'pair' ? property.childForFieldName('key')?.text.replace(/^(['"])(.*)\1$/, '$2') : undefined;
  if (properties.some((property) => keyOf(property) === undefined || keyOf(property) === 'dependsOn')) return undefined;
  const last = properties[properties.length - 1];
  if (!last) return options.namedChildren.length ? undefined : { at: options.startIndex, end: options.endIndex, text: (ref) => `{ dependsOn: [${ref}] }` };
  const comma = last.nextSibling?.type === ',' ? last.nextSibling : undefined;
  const at = (comma ?? last).endIndex;
  const indent = last.startPosition.row > options.startPosition.row ? indentationAt(text, last.startIndex) : undefined;
  if (indent !== undefined) return { at, end: at, text: (ref) => `${comma ? '' : ','}\n${indent}dependsOn: [${ref}]${comma ? ',' : ''}` };
  return { at, end: at, text: (ref) => (comma ? ` dependsOn: [${ref}],` : `, dependsOn: [${ref}]`) };
}

/** `this.<name>(...)` calls in a method body, outside nested functions (which run later). */
function thisCalls(body: SyntaxNode | null): string[] {
  const calls: string[] = [];
  const visit = (node: SyntaxNode) => {
    if (FUNCTIONS.has(node.type)) return;
    const callee = node.type === 'call_expression' ? node.childForFieldName('function') : null;
    if (callee?.type === 'member_expression' && callee.childForFieldName('object')?.type === 'this') {
      const property = callee.childForFieldName('property');
      if (property) calls.push(property.text);
    }
    for (const child of node.namedChildren) visit(child);
  };
  for (const child of body?.namedChildren ?? []) visit(child);
  return calls;
}

function constructedMethods(klass: SyntaxNode): Set<string> | undefined {
  const calls = new Map<string, string[]>();
  for (const member of significant(klass.childForFieldName('body'))) {
    const method = methodOf(member);
    if (method) calls.set(method.name, thisCalls(member.childForFieldName('body')));
  }
  if (!calls.has('constructor')) return undefined;
  const reached = new Set(['constructor']);
  const pending = ['constructor'];
  while (pending.length) {
    for (const callee of calls.get(pending.pop() as string) ?? []) {
      if (calls.has(callee) && !reached.has(callee)) {
        reached.add(callee);
        pending.push(callee);
      }
    }
  }
  return reached;
}

/** Visitors noting, for one unit, what the fix needs: around each NAT gateway, each gateway kept in a field, each class's construction. */
export function natFixVisitors(notes: NatFixNotes, text: string): Visitors {
  return {
    new_expression(node) {
      const constructor = node.childForFieldName('constructor')?.text ?? '';
      if (NAT.test(constructor)) {
        notes.nats.set(node.startIndex, { visible: visibleAt(node), method: thisMethod(node), edit: optionsEdit(node, text) });
        return;
      }
      // `this.igw = new aws.ec2.InternetGateway(...);` as a statement of a method's body (not in an `if` or a callback).
      const assignment = node.parent;
      const target = assignment?.type === 'assignment_expression' ? assignment.childForFieldName('left') : null;
      const statement = assignment?.parent;
      const method = statement?.type === 'expression_statement' && statement.parent?.type === 'statement_block' ? statement.parent.parent : null;
      const field = target?.type === 'member_expression' && target.childForFieldName('object')?.type === 'this' ? target.childForFieldName('property')?.text : undefined;
      const owner = method ? methodOf(method) : undefined;
      if (GATEWAY.test(constructor) && field && owner && assignment?.childForFieldName('right')?.id === node.id) {
        notes.fields.set(node.startIndex, { field, className: owner.className, method: owner.name });
      }
    },
    class_declaration(node) {
      const name = node.childForFieldName('name')?.text;
      const methods = constructedMethods(node);
      if (name && methods) notes.constructed.set(name, methods);
    },
  };
}

/**
 * The fix, or undefined unless certain: the gateway is a `const` of the NAT gateway's function
 * (or module) in scope there and created before it, or a `this` field a method body assigns
 * (the same method earlier, or construction when the NAT gateway is created afterwards); and the
 * options are absent or an inline object without `dependsOn`.
 */
export function natDependsOnTypeScriptFix(nat: Resource, gateway: Resource, notes: NatFixNotes | undefined): ModelFix | undefined {
  const here = notes?.nats.get(nat.callSite.start);
  if (!notes || !here?.edit || nat.language !== 'typescript' || nat.options.open || nat.options.values.has('depends_on')) return undefined;
  if (gateway.site.source !== nat.site.source) return undefined;
  const reference = referenceTo(gateway, nat, here, notes);
  if (!reference) return undefined;
  const edit = here.edit;
  return { description: `Add \`dependsOn: [${reference}]\``, edits: [{ site: new Site(nat.site.source, edit.at, edit.end), text: edit.text(reference) }] };
}

function referenceTo(gateway: Resource, nat: Resource, here: NatSurroundings, notes: NatFixNotes): string | undefined {
  const before = gateway.callSite.end <= nat.callSite.start;
  for (const [name, start] of here.visible) if (start === gateway.callSite.start) return before ? name : undefined;
  const field = notes.fields.get(gateway.callSite.start);
  const method = here.method;
  if (!field || !method || field.className !== method.className) return undefined;
  if (field.method === method.name && !before) return undefined;
  if (field.method !== method.name) {
    const construction = notes.constructed.get(field.className);
    if (!construction?.has(field.method)) return undefined;
    // Both run by construction: the model ran the constructor's calls in order, so creation order is run order.
    if (construction.has(method.name) && gateway.id > nat.id) return undefined;
  }
  return `this.${field.field}`;
}
