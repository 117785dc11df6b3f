/**
 * Calls and `new` for the TypeScript evaluator: the program's functions, arrow functions and
 * methods run with the call's arguments; `new` on a program class runs its field initializers
 * and constructor on a new object (a component class makes a component resource); `super(...)`
 * registers a component or runs the base constructor. Methods of arrays (`map`, `forEach`...),
 * strings and JavaScript's globals are builtins.ts's; names outside the program (Pulumi, AWS)
 * are pulumi-calls.ts's.
 */
import type { Value } from '../../pulumi/model.js';
import type { ClassInfo, EvalValue, FunctionValue, ObjectValue } from '../../pulumi/evaluation/eval-values.js';
import { MAX_CALL_DEPTH } from '../../pulumi/evaluation/run.js';
import { Scope } from '../../pulumi/evaluation/scope.js';
import { referencedResources, unknown } from '../../pulumi/values.js';
import { toModelValue } from '../../pulumi/evaluation/model-values.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import { callBuiltin } from './builtins.js';
import { fieldInitializers } from './definitions.js';
import type { TypeScriptExpressions } from './expressions.js';
import type { Frame } from './interpreter.js';
import { classMember } from './members.js';
import { callExternal, componentInit, createComponent, newExternal } from './pulumi-calls.js';

export interface ArgumentValue {
  value: EvalValue;
  node: SyntaxNode | undefined;
}

export interface CallArguments {
  positional: ArgumentValue[];
  /** A spread whose content is not known: more arguments may be passed. */
  open: boolean;
}

export interface CallSite {
  node: SyntaxNode;
  callee: SyntaxNode;
  frame: Frame;
  expressions: TypeScriptExpressions;
}

export function evaluateCall(node: SyntaxNode, scope: Scope, frame: Frame, expressions: TypeScriptExpressions): EvalValue {
  const interpreter = expressions.interpreter;
  const site = interpreter.site(node, frame);
  const calleeNode = node.childForFieldName('function');
  const argumentsNode = node.childForFieldName('arguments');
  if (!calleeNode) return unknown('a call', site);
  const call: CallSite = { node, callee: calleeNode, frame, expressions };
  if (calleeNode.type === 'super') {
    superCall(evaluateArguments(argumentsNode, scope, frame, expressions), call);
    return { kind: 'null', site };
  }
  const callee = expressions.evaluate(calleeNode, scope, frame);
  // A tagged template: `pulumi.interpolate\`...\`` builds an Output; any other tag gets the string.
  if (argumentsNode?.type === 'template_string') {
    const tagged = callee.kind === 'external' && /^pulumi\.(interpolate|concat)$/.test(callee.name);
    const text = expressions.template(argumentsNode, scope, frame, tagged ? 'interpolate' : 'template');
    if (tagged) return { kind: 'output', resources: referencedResources(toModelValue(text)), via: 'interpolate', site };
    return unknown(`\`${calleeNode.text.slice(0, 40)}\` of a template`, site);
  }
  return callValue(callee, evaluateArguments(argumentsNode, scope, frame, expressions), call);
}

export function evaluateNew(node: SyntaxNode, scope: Scope, frame: Frame, expressions: TypeScriptExpressions): EvalValue {
  const site = expressions.interpreter.site(node, frame);
  const constructorNode = node.childForFieldName('constructor');
  if (!constructorNode) return unknown('a new object', site);
  const constructor = expressions.evaluate(constructorNode, scope, frame);
  const args = evaluateArguments(node.childForFieldName('arguments'), scope, frame, expressions);
  const call: CallSite = { node, callee: constructorNode, frame, expressions };
  if (constructor.kind === 'class') return instantiate(constructor.info, args, call);
  if (constructor.kind === 'external') return newExternal(constructor.name, args, call);
  if (constructor.kind === 'builtin') return callBuiltin(constructor, args, call);
  return unknown(`a new \`${constructorNode.text.slice(0, 60)}\``, site);
}

function evaluateArguments(list: SyntaxNode | null, scope: Scope, frame: Frame, expressions: TypeScriptExpressions): CallArguments {
  const args: CallArguments = { positional: [], open: false };
  for (const child of list?.namedChildren ?? []) {
    if (child.type === 'comment') continue;
    if (child.type === 'spread_element') {
      const inner = child.namedChildren[0];
      const spread = inner ? expressions.iterate(expressions.evaluate(inner, scope, frame)) : undefined;
      if (spread?.exact) for (const item of spread.items) args.positional.push({ value: item, node: inner });
      else args.open = true;
      continue;
    }
    args.positional.push({ value: expressions.evaluate(child, scope, frame), node: child });
  }
  return args;
}

export function callValue(callee: EvalValue, args: CallArguments, call: CallSite): EvalValue {
  const site = call.expressions.interpreter.site(call.node, call.frame);
  switch (callee.kind) {
    case 'function':
      return callFunction(callee, args, call);
    case 'builtin':
      return callBuiltin(callee, args, call);
    case 'external':
      return callExternal(callee.name, args, call);
    default:
      return unknown(`the result of \`${call.callee.text.slice(0, 60)}\``, site);
  }
}

/** Runs a program function with the call's arguments bound to its parameters; `this` is the object it is bound to. */
export function callFunction(fn: FunctionValue, args: CallArguments, call: CallSite, visible = call.frame.visible): EvalValue {
  const interpreter = call.expressions.interpreter;
  const site = interpreter.site(call.node, call.frame);
  if (interpreter.exhausted || interpreter.callStack.length >= MAX_CALL_DEPTH || interpreter.callStack.includes(fn.node.id)) return unknown(`what \`${fn.name}\` returns`, site);
  const scope = new Scope('function', fn.closure, fn.module.path);
  const frame: Frame = { returns: [], visible, module: fn.module, functionName: fn.name };
  const owner = fn.owner ?? (fn.closure.kind === 'function' ? call.frame.owner : undefined);
  if (owner) frame.owner = owner;
  if (fn.self?.kind === 'object') frame.self = fn.self;
  bindParameters(fn, args, scope, { ...call, frame });
  return interpreter.callFunction(fn, scope, frame);
}

function bindParameters(fn: FunctionValue, args: CallArguments, scope: Scope, call: CallSite): void {
  const expressions = call.expressions;
  const interpreter = expressions.interpreter;
  const parametersNode = fn.node.childForFieldName('parameters') ?? fn.node.childForFieldName('parameter');
  const parameters = parametersNode?.type === 'identifier' ? [parametersNode] : (parametersNode?.namedChildren ?? []);
  let position = 0;
  for (const parameter of parameters) {
    if (parameter.type === 'comment') continue;
    const pattern = parameter.type === 'identifier' ? parameter : (parameter.childForFieldName('pattern') ?? parameter.namedChildren[0]);
    if (!pattern) continue;
    const site = interpreter.site(parameter, call.frame);
    if (pattern.type === 'rest_pattern' || parameter.type === 'rest_pattern') {
      const target = pattern.type === 'rest_pattern' ? pattern.namedChildren[0] : pattern;
      const rest = args.positional.slice(position).map((argument) => argument.value as Value);
      position = args.positional.length;
      if (target) expressions.assign(target, { kind: 'list', items: rest, open: args.open, site }, scope, call.frame);
      continue;
    }
    let value: EvalValue | undefined = args.positional[position++]?.value;
    const defaultNode = parameter.childForFieldName('value');
    if (value === undefined || value.kind === 'null') {
      if (defaultNode) value = expressions.evaluate(defaultNode, fn.closure, call.frame);
      else if (value === undefined) value = unknown(args.open ? `a parameter \`${pattern.text}\` (passed through a spread)` : `a parameter \`${pattern.text}\` no visible caller passes`, site);
    }
    expressions.assign(pattern, value, scope, call.frame);
    // `constructor(private readonly name: string)`: a parameter property is also a field.
    if (call.frame.self && parameter.namedChildren.some((child) => child.type === 'accessibility_modifier' || child.text === 'readonly') && pattern.type === 'identifier') {
      call.frame.self.fields.set(pattern.text, value);
    }
  }
}

/** A call with every argument unknown, for code no visible caller runs (the entry pass). */
export function unknownArguments(): CallArguments {
  return { positional: [], open: true };
}

/** `new Cls(...)`: field initializers, then the constructor (or the base class's), on a new object. */
export function instantiate(info: ClassInfo, args: CallArguments, call: CallSite, visible = call.frame.visible): EvalValue {
  const interpreter = call.expressions.interpreter;
  const site = interpreter.site(call.node, call.frame);
  info.instantiated = true;
  const object: ObjectValue = { kind: 'object', info, fields: new Map(), site };
  info.lastInstance = object;
  if (info.isComponentResource) {
    object.resource = createComponent(info, args, call, visible);
    info.component.instances.push(object.resource);
  }
  construct(info, object, args, call, visible);
  return object;
}

/** Runs a class's field initializers and constructor on `object`; a class without one runs its base's. */
function construct(info: ClassInfo, object: ObjectValue, args: CallArguments, call: CallSite, visible: boolean, depth = 0): void {
  if (depth > 20) return;
  const constructor = info.attributes.get('constructor');
  const frame: Frame = { returns: [], visible, module: constructor?.kind === 'function' ? constructor.module : call.frame.module, owner: info, self: object, functionName: 'constructor' };
  for (const field of fieldInitializers(info)) {
    const value = field.value ? call.expressions.evaluate(field.value, field.scope, frame) : undefined;
    if (value !== undefined) object.fields.set(field.name, value);
  }
  if (constructor?.kind === 'function') {
    callFunction({ ...constructor, self: object }, args, { ...call, frame }, visible);
    return;
  }
  const base = info.bases.find((candidate) => candidate.kind === 'class');
  if (base?.kind === 'class') construct(base.info, object, args, call, visible, depth + 1);
  else if (object.resource) componentInit(object, args, { ...call, frame });
}

/** `super(...)` in a constructor: a component registers itself; a program base class constructs. */
function superCall(args: CallArguments, call: CallSite): void {
  const self = call.frame.self;
  const owner = call.frame.owner;
  if (!self || !owner) return;
  const base = owner.bases.find((candidate) => candidate.kind === 'class');
  if (base?.kind === 'class') {
    const constructor = classMember(base.info, 'constructor');
    if (constructor?.kind === 'function') callFunction({ ...constructor, self }, args, { ...call, frame: { ...call.frame, owner: base.info } });
    for (const field of fieldInitializers(base.info)) {
      const value = field.value ? call.expressions.evaluate(field.value, field.scope, call.frame) : undefined;
      if (value !== undefined && !self.fields.has(field.name)) self.fields.set(field.name, value);
    }
    return;
  }
  if (self.resource) componentInit(self, args, call);
}
