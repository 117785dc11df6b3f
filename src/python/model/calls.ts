/**
 * Calls for the Python evaluator: arguments are evaluated (splats included), then the callee
 * decides. The program's functions and methods run with the arguments bound to their
 * parameters; the program's classes are instantiated (a component class makes a component
 * resource); builtins and external names (Pulumi, the AWS SDK, `json`...) are in builtins.ts and
 * pulumi-calls.ts.
 */
import type { Value } from '../../pulumi/model.js';
import { unknown } from '../../pulumi/values.js';
import type { SyntaxNode } from '../../syntax/flat-tree.js';
import { classAttribute } from './attributes.js';
import { callBuiltin } from './builtins.js';
import type { PythonExpressions } from './expressions.js';
import { MAX_CALL_DEPTH, type Frame } from './interpreter.js';
import { callExternal, createComponent } from './pulumi-calls.js';
import type { ClassInfo, FunctionValue, ObjectValue, EvalValue } from '../../pulumi/evaluation/eval-values.js';
import { Scope } from '../../pulumi/evaluation/scope.js';

export interface ArgumentValue {
  value: EvalValue;
  node: SyntaxNode | undefined;
}

export interface CallArguments {
  positional: ArgumentValue[];
  keywords: Map<string, ArgumentValue>;
  /** A `*args` or `**kwargs` whose content is not known: more arguments may be passed. */
  open: boolean;
}

export interface CallSite {
  node: SyntaxNode;
  /** The callee expression (`aws.ec2.Vpc`). */
  callee: SyntaxNode;
  frame: Frame;
  expressions: PythonExpressions;
}

export function evaluateCall(node: SyntaxNode, scope: Scope, frame: Frame, expressions: PythonExpressions): EvalValue {
  const calleeNode = node.childForFieldName('function');
  const site = expressions.interpreter.site(node, frame);
  if (!calleeNode) return unknown('a call', site);
  const callee = expressions.evaluate(calleeNode, scope, frame);
  const args = evaluateArguments(node.childForFieldName('arguments'), scope, frame, expressions);
  return callValue(callee, args, { node, callee: calleeNode, frame, expressions });
}

function evaluateArguments(list: SyntaxNode | null, scope: Scope, frame: Frame, expressions: PythonExpressions): CallArguments {
  const args: CallArguments = { positional: [], keywords: new Map(), open: false };
  if (!list) return args;
  if (list.type === 'generator_expression') {
    args.positional.push({ value: expressions.evaluate(list, scope, frame), node: list });
    return args;
  }
  for (const child of list.namedChildren) {
    switch (child.type) {
      case 'comment':
        break;
      case 'keyword_argument': {
        const name = child.childForFieldName('name')?.text;
        const valueNode = child.childForFieldName('value');
        if (name && valueNode) args.keywords.set(name, { value: expressions.evaluate(valueNode, scope, frame), node: child });
        break;
      }
      case 'list_splat': {
        const inner = child.namedChildren[0];
        const spread = inner ? expressions.iterate(expressions.evaluate(inner, scope, frame), undefined) : undefined;
        if (spread?.exact) for (const item of spread.items) args.positional.push({ value: item, node: inner });
        else args.open = true;
        break;
      }
      case 'dictionary_splat': {
        const inner = child.namedChildren[0];
        const spread = inner ? expressions.evaluate(inner, scope, frame) : undefined;
        if (spread?.kind === 'dict') {
          for (const [key, value] of spread.entries) args.keywords.set(key, { value, node: inner });
          args.open ||= spread.open;
        } else if (spread?.kind === 'object' && !spread.resource) {
          for (const [key, value] of spread.fields) args.keywords.set(key, { value, node: inner });
          args.open = true;
        } else {
          args.open = true;
        }
        break;
      }
      default:
        args.positional.push({ value: expressions.evaluate(child, scope, frame), node: child });
    }
  }
  return args;
}

export function callValue(callee: EvalValue, args: CallArguments, call: CallSite): EvalValue {
  const site = call.expressions.interpreter.site(call.node, call.frame);
  switch (callee.kind) {
    case 'function':
      return callFunction(callee, args, call);
    case 'class':
      return instantiate(callee.info, args, call);
    case 'builtin':
      return callBuiltin(callee, args, call);
    case 'external':
      return callExternal(callee.name, args, call);
    case 'output':
      return unknown('calling an Output', site);
    default:
      return unknown(`the result of \`${call.callee.text.slice(0, 60)}\``, site);
  }
}

/** Runs a program function or method with the call's arguments bound to its parameters. */
export function callFunction(fn: FunctionValue, args: CallArguments, call: CallSite, visible = call.frame.visible): EvalValue {
  const interpreter = call.expressions.interpreter;
  const site = interpreter.site(call.node, call.frame);
  if (interpreter.exhausted || interpreter.callStack.length >= MAX_CALL_DEPTH || interpreter.callStack.includes(fn.node.id)) {
    return unknown(`what \`${fn.name}\` returns`, site);
  }
  const scope = new Scope('function', fn.closure, fn.module.path);
  const positional = fn.self ? [{ value: fn.self, node: undefined }, ...args.positional] : args.positional;
  bindParameters(fn, { ...args, positional }, scope, call);
  const self = fn.self?.kind === 'object' ? fn.self : undefined;
  // A nested function or lambda runs as part of the method around it; a module-level helper does not.
  const nested = fn.closure.kind === 'function';
  const owner = fn.owner ?? (nested ? call.frame.owner : undefined);
  const frame: Frame = { returns: [], visible, module: fn.module, functionName: fn.name };
  if (owner) frame.owner = owner;
  if (self) frame.self = self;
  else if (nested && call.frame.self) frame.self = call.frame.self;
  return interpreter.callFunction(fn, scope, frame);
}

function bindParameters(fn: FunctionValue, args: CallArguments, scope: Scope, call: CallSite): void {
  const interpreter = call.expressions.interpreter;
  const parameters = fn.node.childForFieldName('parameters')?.namedChildren ?? [];
  const remaining = new Map(args.keywords);
  let position = 0;
  let keywordOnly = false;
  for (const parameter of parameters) {
    const site = interpreter.site(parameter, call.frame);
    switch (parameter.type) {
      case 'identifier':
      case 'typed_parameter':
      case 'default_parameter':
      case 'typed_default_parameter': {
        const nameNode = parameter.type === 'identifier' ? parameter : (parameter.childForFieldName('name') ?? parameter.namedChildren.find((child) => child.type === 'identifier'));
        const name = nameNode?.text;
        if (!name) break;
        let value: EvalValue | undefined;
        if (!keywordOnly && position < args.positional.length) value = args.positional[position++]?.value;
        else if (remaining.has(name)) {
          value = remaining.get(name)?.value;
          remaining.delete(name);
        }
        if (value === undefined) {
          const defaultNode = parameter.childForFieldName('value');
          if (args.open) value = unknown(`a parameter \`${name}\` (passed through *args or **kwargs)`, site);
          else if (defaultNode) value = call.expressions.evaluate(defaultNode, fn.closure, { ...call.frame, module: fn.module });
          else value = unknown(`a parameter \`${name}\` no visible caller passes`, site);
        }
        scope.bind(name, value);
        break;
      }
      case 'list_splat_pattern': {
        const name = parameter.namedChildren[0]?.text;
        const rest = args.positional.slice(position).map((argument) => argument.value);
        position = args.positional.length;
        keywordOnly = true;
        if (name) scope.bind(name, { kind: 'list', items: rest as Value[], open: args.open, site });
        break;
      }
      case 'dictionary_splat_pattern': {
        const name = parameter.namedChildren[0]?.text;
        const entries = new Map<string, Value>();
        for (const [key, argument] of remaining) entries.set(key, argument.value as Value);
        if (name) scope.bind(name, { kind: 'dict', entries, open: args.open, site });
        break;
      }
      case 'keyword_separator':
        keywordOnly = true;
        break;
      default:
        break;
    }
  }
}

/** A call with every argument unknown, for code no visible caller runs (the entry pass). */
export function unknownArguments(): CallArguments {
  return { positional: [], keywords: new Map(), open: true };
}

/** `Cls(...)`: a component class makes a component resource; any class gets its `__init__` run on a new object. */
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
  if (info.isDataclass) {
    for (const [index, field] of info.fieldNames.entries()) {
      const value = args.positional[index]?.value ?? args.keywords.get(field)?.value ?? classAttribute(info, field) ?? (args.open ? unknown(`field \`${field}\``, site) : undefined);
      if (value !== undefined) object.fields.set(field, value);
    }
  }
  const init = classAttribute(info, '__init__');
  if (init?.kind === 'function') callFunction({ ...init, self: object }, args, call, visible);
  return object;
}
