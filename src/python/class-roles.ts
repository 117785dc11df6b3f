/**
 * What a class that creates Pulumi resources is, for IAC301: the stack itself, a component, a
 * helper that receives `parent`/`provider`/`opts` from its caller and passes them on to what it
 * creates, or something that is not a stack at all (data and args classes, mixins, provider
 * factories, test doubles). Only the stack has to be a `ComponentResource`; a helper that passes
 * its caller's options on keeps its resources in the caller's tree.
 */
import { decoratorNames, definitionName } from './definitions.js';
import { qualifiedName, type ImportTable } from './names.js';
import type { SyntaxNode } from './parser.js';
import { isComponentResourceName, resourceCalls, resourceOptionsArgument, type ResourceCall } from './pulumi.js';
import { descendantsOfType } from '../syntax/walk.js';

export type BaseKind = 'component' | 'none' | 'other';

export type ClassRole =
  | { kind: 'component' }
  /** A plain class that is the program's stack: named `TapStack`, or instantiated at module level. */
  | { kind: 'stack'; creations: Creation[] }
  /** A plain class that receives its caller's options and passes them to what it creates. */
  | { kind: 'passes-options'; received: string[] }
  /** A plain class that creates resources with nothing from its caller: they land at the top of the stack. */
  | { kind: 'detached-helper'; creations: Creation[] }
  | { kind: 'not-a-stack'; why: 'data class' | 'args class' | 'mixin' | 'provider factory' | 'test double' }
  /** Creates no resources, or has a base class this file cannot judge. */
  | { kind: 'irrelevant' };

export interface Creation {
  call: SyntaxNode;
  /** `aws.s3.Bucket`, or the name of a component class of the same file. */
  label: string;
}

/** Conventional name of the stack class in these projects. */
const STACK_CLASS = 'TapStack';
/** Parameters that carry the caller's options. */
const OPTIONS_PARAMETER = /^(opts|options|resource_options|parent|provider|providers|provider_manager|aws_provider|.+_(opts|options|provider|providers|parent))$/;
const ARGS_CLASS = /(Args|Config|Configuration|Settings|Props|Properties|Options|Params|Parameters|Spec)$/;
const TEST_DOUBLE = /^(Mock|Fake|Stub|Dummy)/;

export function className(klass: SyntaxNode): string {
  return definitionName(klass) || '<anonymous>';
}

export function baseKind(klass: SyntaxNode, imports: ImportTable, known: ReadonlyMap<string, BaseKind>): BaseKind {
  const superclasses = klass.childForFieldName('superclasses');
  const bases = superclasses ? superclasses.namedChildren.filter((node) => node.type !== 'keyword_argument' && node.type !== 'comment') : [];
  if (bases.length === 0) return 'none';
  if (bases.every((base) => base.text === 'object')) return 'none';
  for (const base of bases) {
    const qualified = qualifiedName(base, imports);
    if (isComponentResourceName(qualified)) return 'component';
    if (qualified && known.get(qualified) === 'component') return 'component';
  }
  return 'other';
}

/** Base kinds of every class of a module, in-module inheritance resolved in document order. */
export function baseKinds(classes: readonly SyntaxNode[], imports: ImportTable): Map<string, BaseKind> {
  const kinds = new Map<string, BaseKind>();
  for (const klass of classes) kinds.set(className(klass), baseKind(klass, imports, kinds));
  return kinds;
}

/** Resources a class body creates, and components of the same module it instantiates. */
export function creationsOf(body: SyntaxNode, imports: ImportTable, kinds: ReadonlyMap<string, BaseKind>): Creation[] {
  const creations: Creation[] = resourceCalls(body, imports).map(({ call, qualified }) => ({ call, label: shortResourceName(qualified) }));
  for (const call of descendantsOfType(body, 'call')) {
    const name = call.childForFieldName('function');
    if (name?.type === 'identifier' && kinds.get(name.text) === 'component') creations.push({ call, label: name.text });
  }
  return creations.sort((a, b) => a.call.startIndex - b.call.startIndex);
}

export function shortResourceName(qualified: string): string {
  return qualified.replace(/^pulumi_aws\./, 'aws.').replace(/^pulumi_/, '');
}

/** Names of classes instantiated by a module-level statement (`stack = TapStack()`), not inside a def or class. */
export function moduleLevelInstantiations(root: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const call of descendantsOfType(root, 'call')) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'identifier') continue;
    let inside = false;
    for (let node = call.parent; node; node = node.parent) {
      if (node.type === 'function_definition' || node.type === 'class_definition') {
        inside = true;
        break;
      }
    }
    if (!inside) names.add(fn.text);
  }
  return names;
}

function initOf(body: SyntaxNode): SyntaxNode | undefined {
  for (const child of body.namedChildren) {
    const definition = child.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
    if (definition?.type === 'function_definition' && definitionName(definition) === '__init__') return definition;
  }
  return undefined;
}

function parameterNames(definition: SyntaxNode): string[] {
  const names: string[] = [];
  for (const parameter of definition.childForFieldName('parameters')?.namedChildren ?? []) {
    const name = parameter.type === 'identifier' ? parameter : (parameter.childForFieldName('name') ?? parameter.namedChildren.find((child) => child.type === 'identifier'));
    if (name?.type === 'identifier') names.push(name.text);
  }
  return names;
}

function mentions(text: string, carriers: ReadonlySet<string>): boolean {
  for (const carrier of carriers) {
    if (new RegExp(`(^|[^\\w.])${carrier.replace(/\./g, '\\.')}\\b`).test(text)) return true;
  }
  return false;
}

/**
 * The names through which a class holds its caller's options: the `__init__` parameters that
 * carry them, attributes and variables assigned from those, methods built on them and
 * resources created with them (a child parented to such a resource inherits its provider).
 */
function optionCarriers(body: SyntaxNode, calls: readonly ResourceCall[]): { received: string[]; carriers: Set<string> } {
  const init = initOf(body);
  const received = init ? parameterNames(init).filter((name) => OPTIONS_PARAMETER.test(name)) : [];
  const carriers = new Set(received);
  if (carriers.size === 0) return { received, carriers };
  const assignments = [...descendantsOfType(body, 'assignment')];
  const methods = body.namedChildren
    .map((child) => (child.type === 'decorated_definition' ? child.childForFieldName('definition') : child))
    .filter((child): child is SyntaxNode => child?.type === 'function_definition' && definitionName(child) !== '__init__');
  const callOptions = new Map(calls.map(({ call }) => [call.id, resourceOptionsArgument(call)?.text ?? '']));
  // Two passes reach what is assigned from what was assigned from a carrier, in any order.
  for (let pass = 0; pass < 2; pass++) {
    for (const assignment of assignments) {
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (!left || !right || (left.type !== 'identifier' && left.type !== 'attribute')) continue;
      const options = right.type === 'call' ? callOptions.get(right.id) : undefined;
      if (mentions(options ?? right.text, carriers)) carriers.add(left.text);
    }
    for (const method of methods) {
      if (mentions(method.childForFieldName('body')?.text ?? '', carriers)) carriers.add(`self.${definitionName(method)}`);
    }
  }
  return { received, carriers };
}

/** Decides what a class is; `stackNames` are the classes the module instantiates at module level. */
export function classRole(klass: SyntaxNode, imports: ImportTable, kinds: ReadonlyMap<string, BaseKind>, stackNames: ReadonlySet<string>, isTestFile: boolean): ClassRole {
  const name = className(klass);
  const kind = kinds.get(name);
  if (kind === 'component') return { kind: 'component' };
  const body = klass.childForFieldName('body');
  if (kind !== 'none' || !body) return { kind: 'irrelevant' };
  const creations = creationsOf(body, imports, kinds);
  if (creations.length === 0) return { kind: 'irrelevant' };
  if (name === STACK_CLASS) return { kind: 'stack', creations };
  if (isTestFile && TEST_DOUBLE.test(name)) return { kind: 'not-a-stack', why: 'test double' };
  if (decoratorNames(klass, imports).some((decorator) => /(^|\.)dataclass$/.test(decorator))) return { kind: 'not-a-stack', why: 'data class' };
  if (ARGS_CLASS.test(name)) return { kind: 'not-a-stack', why: 'args class' };
  const calls = resourceCalls(body, imports);
  if (calls.length > 0 && calls.length === creations.length && calls.every(({ qualified }) => /\.Provider$/.test(qualified))) return { kind: 'not-a-stack', why: 'provider factory' };
  if (/Mixin$/.test(name) || (!initOf(body) && calls.some(({ call }) => /\bparent\s*=\s*self\b/.test(resourceOptionsArgument(call)?.text ?? '')))) {
    return { kind: 'not-a-stack', why: 'mixin' };
  }
  const { received, carriers } = optionCarriers(body, calls);
  const passesOn = received.length > 0 && calls.some(({ call }) => mentions(resourceOptionsArgument(call)?.text ?? '', carriers));
  if (passesOn) return { kind: 'passes-options', received };
  if (stackNames.has(name)) return { kind: 'stack', creations };
  return { kind: 'detached-helper', creations };
}
