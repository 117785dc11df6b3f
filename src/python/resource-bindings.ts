/**
 * Resource bindings for IAC501 (checks/wrong-resource-dependencies.ts): the `pulumi_aws`
 * resources a unit creates and the names they are stored in (`igw`, `self.igw`, `xs.append(...)`),
 * resolution of a dotted reference to those resources (also through loop variables), the
 * resource options of a call and the dotted names an expression references.
 */
import type { PythonUnit } from './units.js';
import { calleeName } from './calls.js';
import { NESTED_SCOPES } from './method-attributes.js';
import { dottedName } from './names.js';
import type { SyntaxNode } from './parser.js';
import { inlineResourceOptions, isResourceClass, resourceOptionsArgument } from './pulumi.js';
import { ownScopeNodes } from '../syntax/scope-walk.js';
import { descendants, descendantsOfType } from '../syntax/walk.js';

// ---------------------------------------------------------------------------------------------
// Resource bindings shared by cases 2 and 3.

export interface Resource {
  call: SyntaxNode;
  qualified: string;
  /** The name the resource is reachable by (`igw`, `self.igw`, `self.nat_gateways`). */
  binding: string | undefined;
  /** Scope the binding lives in (class for `self.x`, function or module otherwise). */
  scope: SyntaxNode | undefined;
}

export function resourceCalls(unit: PythonUnit): Resource[] {
  const found: Resource[] = [];
  for (const call of descendantsOfType(unit.root, 'call')) {
    const qualified = calleeName(call, unit.imports);
    if (!qualified?.startsWith('pulumi_aws.') || !isResourceClass(qualified)) continue;
    const binding = bindingOf(call);
    found.push({ call, qualified, binding, scope: binding ? scopeOf(call, binding) : undefined });
  }
  return found;
}

/** What a resource is stored in: `x = R()`, `self.x = R()`, `xs.append(R())`, `xs = [R() for ...]`, `xs[k] = R()`. */
function bindingOf(call: SyntaxNode): string | undefined {
  let node = call;
  for (let guard = 0; guard < 8; guard++) {
    const parent = node.parent;
    if (!parent) return undefined;
    if (parent.type === 'parenthesized_expression' || parent.type === 'list' || parent.type === 'tuple') {
      node = parent;
      continue;
    }
    if ((parent.type === 'list_comprehension' || parent.type === 'generator_expression') && parent.childForFieldName('body')?.id === node.id) {
      node = parent;
      continue;
    }
    if (parent.type === 'assignment' && parent.childForFieldName('right')?.id === node.id) {
      const left = parent.childForFieldName('left');
      if (!left) return undefined;
      return dottedName(left.type === 'subscript' ? (left.childForFieldName('value') ?? left) : left);
    }
    if (parent.type === 'argument_list') {
      const fn = parent.parent?.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      const object = fn?.childForFieldName('object');
      if ((method === 'append' || method === 'extend') && object) return dottedName(object);
    }
    return undefined;
  }
  return undefined;
}

function scopeOf(node: SyntaxNode, name: string): SyntaxNode | undefined {
  const types = name.startsWith('self.') ? ['class_definition'] : ['function_definition', 'module'];
  for (let current = node.parent; current; current = current.parent) {
    if (types.includes(current.type)) return current;
  }
  return undefined;
}

/** The resources a dotted reference at `at` can mean: a local binding first, then the module's, or the class's for `self.x`. */
export function resolve(reference: string, at: SyntaxNode, resources: readonly Resource[]): Resource[] {
  const candidates = resources.filter((resource) => resource.binding === reference);
  if (candidates.length === 0) return [];
  if (reference.startsWith('self.')) {
    const klass = scopeOf(at, reference);
    return candidates.filter((resource) => resource.scope?.id === klass?.id);
  }
  const local = scopeOf(at, reference);
  const inLocal = candidates.filter((resource) => resource.scope?.id === local?.id);
  if (inLocal.length > 0) return inLocal;
  return candidates.filter((resource) => resource.scope?.type === 'module');
}

/** Like `resolve`, and a loop variable stands for what its loop iterates over (`for eip in eips`). */
export function resolveWithLoops(reference: string, at: SyntaxNode, resources: readonly Resource[]): Resource[] {
  const direct = resolve(reference, at, resources);
  if (direct.length > 0 || reference.includes('.')) return direct;
  for (let current = at.parent; current; current = current.parent) {
    if (NESTED_SCOPES.includes(current.type)) break;
    if (current.type !== 'for_statement') continue;
    const left = current.childForFieldName('left');
    const iterable = current.childForFieldName('right');
    if (!left || !iterable || ![...descendantsOfType(left, 'identifier')].some((identifier) => identifier.text === reference)) continue;
    return references(iterable).flatMap((name) => resolve(name, at, resources));
  }
  return [];
}

/** Inline options of a resource call, also through a variable assigned once (`child = ResourceOptions(...)`). */
export function optionsOf(call: SyntaxNode, unit: PythonUnit): ReadonlyMap<string, SyntaxNode> | undefined {
  const opts = resourceOptionsArgument(call);
  if (!opts || opts.type === 'none') return new Map();
  const inline = inlineResourceOptions(opts, unit.imports);
  if (inline || opts.type !== 'identifier') return inline;
  let scope: SyntaxNode | undefined;
  for (let current = call.parent; current && !scope; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'module') scope = current;
  }
  if (!scope) return undefined;
  const parameters = scope.childForFieldName('parameters');
  if (parameters && references(parameters).includes(opts.text)) return undefined;
  const assignments = [...ownScopeNodes(scope)].filter(
    (node) => node.type === 'assignment' && node.childForFieldName('left')?.text === opts.text,
  );
  const value = assignments.length === 1 ? assignments[0]?.childForFieldName('right') : undefined;
  return value ? inlineResourceOptions(value, unit.imports) : undefined;
}

/** Dotted names referenced below `node` (`eip.id` gives `eip.id` and `eip`). */
export function references(node: SyntaxNode): string[] {
  const names = new Set<string>();
  for (const child of descendants(node)) {
    if (child.type !== 'identifier' && child.type !== 'attribute') continue;
    const dotted = dottedName(child);
    if (!dotted) continue;
    const parts = dotted.split('.');
    for (let length = 1; length <= parts.length; length++) names.add(parts.slice(0, length).join('.'));
  }
  return [...names];
}
