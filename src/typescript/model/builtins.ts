/**
 * JavaScript's builtins and the methods of values, for the TypeScript evaluator: array methods
 * (`map` and `forEach` run their callback once per known item, as loop iterations), string
 * methods, `JSON.stringify` (an Output inside is a mistake), `Object.keys/values/entries/assign`,
 * `Array.from`, `Math`, `pulumi.Config` reads, `Output.apply`. `eval` and `new Function` are
 * never run.
 */
import { pythonName } from '../../aws/python-names.js';
import type { ConfigRead, OutputValue, Value } from '../../pulumi/model.js';
import type { BuiltinValue, EvalValue } from '../../pulumi/evaluation/eval-values.js';
import { toModelValue } from '../../pulumi/evaluation/model-values.js';
import { MAX_ITERATIONS } from '../../pulumi/evaluation/run.js';
import type { Site } from '../../pulumi/site.js';
import { outputsIn, plainOf, referencedResources, stringOf, unknown } from '../../pulumi/values.js';
import { callValue, type CallArguments, type CallSite } from './calls.js';

export function callBuiltin(builtin: BuiltinValue, args: CallArguments, call: CallSite): EvalValue {
  const site = call.expressions.interpreter.site(call.node, call.frame);
  const values = args.positional.map((argument) => argument.value);
  const dot = builtin.name.indexOf('.');
  const type = dot > 0 ? builtin.name.slice(0, dot) : builtin.name;
  const method = dot > 0 ? builtin.name.slice(dot + 1) : '';
  switch (type) {
    case 'array':
      return arrayMethod(method, builtin.self, values, call, site);
    case 'string':
      return stringMethod(method, builtin.self, values, call, site);
    case 'JSON':
      if (method === 'stringify') return jsonStringify(values[0], call, site);
      return unknown('parsed JSON', site);
    case 'Object':
      return objectMethod(method, values, site);
    case 'Array':
      return arrayGlobal(method, values, call, site);
    case 'Math': {
      const numbers = values.map((value) => (value.kind === 'number' ? value.value : undefined));
      const fn = (Math as unknown as Record<string, (...args: number[]) => number>)[method];
      if (!fn || numbers.some((value) => value === undefined)) return unknown('a number', site);
      return { kind: 'number', value: fn(...(numbers as number[])), site };
    }
    case 'String': {
      const [first] = values;
      if (first?.kind === 'output') call.expressions.misuse('str', first, call.node, call.frame);
      if (first?.kind === 'string' || first?.kind === 'number') return { kind: 'string', value: String(first.value), site };
      return unknown('a string', site, true);
    }
    case 'Number':
    case 'parseInt':
    case 'parseFloat': {
      const [first] = values;
      if (first?.kind === 'number') return first;
      if (first?.kind === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(first.value)) return { kind: 'number', value: Number(first.value), site };
      return unknown('a number', site);
    }
    case 'config':
      return configRead(method, builtin.self, values, call, site);
    case 'output':
      return outputApply(builtin.self, values, call, site);
    case 'component':
      if (builtin.self?.kind === 'object' && builtin.self.resource) builtin.self.info.component.registersOutputs = true;
      return { kind: 'null', site };
    case 'stack-reference':
      return { kind: 'output', resources: builtin.self?.kind === 'resource' ? [builtin.self.resource] : [], via: method, site };
    case 'console':
      return { kind: 'null', site };
    case 'require':
      return values[0]?.kind === 'string' ? { kind: 'external', name: values[0].value.replace(/^@pulumi\/pulumi$/, 'pulumi').replace(/^@pulumi\/(.+)$/, 'pulumi_$1'), site } : unknown('a module', site);
    default:
      // eval, Function, Promise...: never run; their results are not known.
      return unknown(`the result of \`${builtin.name}\``, site);
  }
}

function list(items: EvalValue[], site: Site, open = false): EvalValue {
  return { kind: 'list', items: items as Value[], open, site };
}

/** Runs `fn(item, index)` for each known item, each as one iteration of a loop. */
function eachItem(items: readonly EvalValue[], exact: boolean, fn: EvalValue | undefined, call: CallSite): EvalValue[] {
  const interpreter = call.expressions.interpreter;
  const results: EvalValue[] = [];
  if (!fn) return results;
  const count = exact ? items.length : undefined;
  for (const [index, item] of items.entries()) {
    if (interpreter.exhausted) break;
    interpreter.loops.push({ index, count });
    try {
      results.push(callValue(fn, { positional: [{ value: item, node: undefined }, { value: { kind: 'number', value: index, site: undefined }, node: undefined }], open: false }, call));
    } finally {
      interpreter.loops.pop();
    }
  }
  return results;
}

function arrayMethod(method: string, self: EvalValue | undefined, values: EvalValue[], call: CallSite, site: Site): EvalValue {
  const expressions = call.expressions;
  const iteration = self ? expressions.iterate(self) : undefined;
  const [first, second] = values;
  switch (method) {
    case 'map':
    case 'flatMap':
    case 'forEach': {
      if (!iteration || iteration.items.length > MAX_ITERATIONS) {
        // One unknown item stands for all: what the callback creates is still seen.
        const interpreter = expressions.interpreter;
        interpreter.loops.push({ index: undefined, count: undefined });
        try {
          if (first) callValue(first, { positional: [{ value: unknown('an item of the array', site), node: undefined }], open: false }, call);
        } finally {
          interpreter.loops.pop();
        }
        return method === 'forEach' ? { kind: 'null', site } : list([], site, true);
      }
      const results = eachItem(iteration.items, iteration.exact, first, call);
      if (method === 'forEach') return { kind: 'null', site };
      const flat = method === 'flatMap' ? results.flatMap((result): EvalValue[] => (result.kind === 'list' ? [...result.items] : [result])) : results;
      return list(flat, site, !iteration.exact);
    }
    case 'filter':
      if (iteration) eachItem(iteration.items, iteration.exact, first, call);
      return { kind: 'list', items: (iteration?.items ?? []) as Value[], open: true, atMost: true, site };
    case 'slice': {
      if (!iteration || (first && first.kind !== 'number') || (second && second.kind !== 'number')) return list([], site, true);
      const start = first?.kind === 'number' ? first.value : undefined;
      const end = second?.kind === 'number' ? second.value : undefined;
      return list(iteration.items.slice(start, end), site, !iteration.exact);
    }
    case 'concat':
      if (!iteration) return list([], site, true);
      return list([...iteration.items, ...values.flatMap((value): EvalValue[] => (value.kind === 'list' ? [...value.items] : [value]))], site, !iteration.exact);
    case 'push':
      if (self?.kind === 'list' && self.items.length < MAX_ITERATIONS * 8) for (const value of values as Value[]) (self.items as Value[]).push(value);
      else if (self?.kind === 'list') (self as { open: boolean }).open = true;
      return { kind: 'null', site };
    case 'join': {
      for (const output of outputsIn(self ? toModelValue(self) : undefined)) expressions.misuse('join', output, call.node, call.frame);
      const separator = first?.kind === 'string' ? first.value : ',';
      const parts = iteration?.exact ? iteration.items.map((item) => (item.kind === 'number' ? String(item.value) : stringOf(toModelValue(item)))) : undefined;
      return parts && parts.every((part) => part !== undefined) ? { kind: 'string', value: parts.join(separator), site } : unknown('a joined string', site, true);
    }
    case 'includes':
    case 'some':
    case 'every':
      return unknown('a boolean', site);
    case 'find':
      return iteration?.items.length === 1 ? (iteration.items[0] as EvalValue) : unknown('an element', site);
    case 'keys':
      return iteration ? list(iteration.items.map((_, index) => ({ kind: 'number', value: index, site })), site, !iteration.exact) : list([], site, true);
    case 'entries':
      return iteration ? list(iteration.items.map((item, index) => list([{ kind: 'number', value: index, site }, item], site)), site, !iteration.exact) : list([], site, true);
    default:
      return unknown(`\`array.${method}\``, site);
  }
}

function stringMethod(method: string, self: EvalValue | undefined, values: EvalValue[], call: CallSite, site: Site): EvalValue {
  void call;
  const text = self?.kind === 'string' ? self.value : undefined;
  const [first, second] = values;
  if (text === undefined) return method === 'split' ? list([], site, true) : unknown('a string', site, true);
  switch (method) {
    case 'toLowerCase':
      return { kind: 'string', value: text.toLowerCase(), site };
    case 'toUpperCase':
      return { kind: 'string', value: text.toUpperCase(), site };
    case 'trim':
      return { kind: 'string', value: text.trim(), site };
    case 'replace':
    case 'replaceAll':
      if (first?.kind === 'string' && second?.kind === 'string') return { kind: 'string', value: method === 'replace' ? text.replace(first.value, second.value) : text.split(first.value).join(second.value), site };
      return unknown('a string', site, true);
    case 'split':
      if (first?.kind === 'string') return list(text.split(first.value).map((part) => ({ kind: 'string', value: part, site })), site);
      return list([], site, true);
    case 'slice':
    case 'substring':
      return { kind: 'string', value: text.slice(first?.kind === 'number' ? first.value : 0, second?.kind === 'number' ? second.value : undefined), site };
    case 'startsWith':
    case 'endsWith':
    case 'includes':
      if (first?.kind === 'string') return { kind: 'boolean', value: method === 'startsWith' ? text.startsWith(first.value) : method === 'endsWith' ? text.endsWith(first.value) : text.includes(first.value), site };
      return unknown('a boolean', site);
    case 'concat': {
      const parts = values.map((value) => stringOf(toModelValue(value)));
      return parts.every((part) => part !== undefined) ? { kind: 'string', value: text + parts.join(''), site } : unknown('a string', site, true);
    }
    default:
      return unknown(`\`string.${method}\``, site, true);
  }
}

/** `JSON.stringify(x)`: JSON text when all of x is known; an Output inside is a misuse (IAC109). */
function jsonStringify(value: EvalValue | undefined, call: CallSite, site: Site): EvalValue {
  const model = value ? toModelValue(value) : undefined;
  for (const output of outputsIn(model)) call.expressions.misuse('json.dumps', output, call.node, call.frame);
  const plain = plainOf(model);
  if (plain !== undefined) return { kind: 'string', value: JSON.stringify(plain), site };
  return model ? { kind: 'unknown', reason: 'JSON text of values not all known', site, string: true, encodes: model } : unknown('JSON text', site, true);
}

function objectMethod(method: string, values: EvalValue[], site: Site): EvalValue {
  const [first] = values;
  switch (method) {
    case 'keys':
    case 'values':
    case 'entries': {
      if (first?.kind !== 'dict') return list([], site, true);
      const entries = [...first.entries];
      const items = entries.map(([key, value]) => (method === 'keys' ? ({ kind: 'string', value: key, site } as EvalValue) : method === 'values' ? value : list([{ kind: 'string', value: key, site }, value], site)));
      return list(items, site, first.open);
    }
    case 'assign': {
      const entries = new Map<string, Value>();
      let open = false;
      for (const value of values) {
        if (value.kind === 'dict') {
          for (const [key, item] of value.entries) entries.set(key, item);
          open ||= value.open;
        } else open = true;
      }
      return { kind: 'dict', entries, open, site };
    }
    case 'fromEntries': {
      const entries = new Map<string, Value>();
      if (first?.kind !== 'list') return { kind: 'dict', entries, open: true, site };
      for (const item of first.items) {
        const [key, value] = item.kind === 'list' ? item.items : [];
        if (key?.kind === 'string' && value) entries.set(key.value, value);
      }
      return { kind: 'dict', entries, open: first.open, site };
    }
    default:
      return unknown(`\`Object.${method}\``, site);
  }
}

/** `Array.from({ length: n }, fn)`, `Array.from(items, fn)`, `Array(n)`. */
function arrayGlobal(method: string, values: EvalValue[], call: CallSite, site: Site): EvalValue {
  const [first, second] = values;
  if (method !== 'from' && method !== '') return unknown(`\`Array.${method}\``, site);
  const length = first?.kind === 'dict' ? first.entries.get('length') : first?.kind === 'number' ? first : undefined;
  let items: EvalValue[] | undefined;
  if (length?.kind === 'number' && length.value >= 0 && length.value <= MAX_ITERATIONS) items = Array.from({ length: length.value }, () => ({ kind: 'null', site }) as EvalValue);
  else if (first) items = call.expressions.iterate(first)?.items;
  if (!items) return list([], site, true);
  return second ? list(eachItem(items, true, second, call), site) : list(items, site);
}

const CONFIG_METHODS = /^(get|require)(Secret)?(Number|Boolean|Object)?$/;

/** `config.get("key")`, `config.requireNumber("count")`, `config.getSecret("password")`. */
function configRead(method: string, self: EvalValue | undefined, values: EvalValue[], call: CallSite, site: Site): EvalValue {
  const match = CONFIG_METHODS.exec(method);
  const key = values[0];
  if (!match || key?.kind !== 'string') return unknown(`\`config.${method}\``, site);
  const read: ConfigRead = { key: key.value, method: pythonName(method), required: match[1] === 'require', secret: Boolean(match[2]), site };
  if (self?.kind === 'config-object' && self.namespace) read.namespace = self.namespace;
  call.expressions.interpreter.builder.configReads.push(read);
  return { kind: 'config', read, site };
}

/** `output.apply(fn)`: the function runs on the plain value (not known here); the result is an Output again. */
function outputApply(self: EvalValue | undefined, values: EvalValue[], call: CallSite, site: Site): EvalValue {
  const resources = self?.kind === 'output' ? self.resources : [];
  const fn = values[0];
  const known = fn ? toModelValue(callValue(fn, { positional: [{ value: unknown('the value inside the Output', site), node: undefined }], open: false }, call)) : undefined;
  const value: OutputValue = { kind: 'output', resources: [...new Set([...resources, ...referencedResources(known)])], via: 'apply', site };
  if (known && (known.kind !== 'unknown' || known.encodes)) value.known = known;
  return value;
}
