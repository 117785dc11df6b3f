/**
 * Python builtins and the methods of values, for the evaluator: `range`, `enumerate`, `zip`,
 * `len`, `str`...; string methods (`join`, `format`, `lower`...), list and dict mutation
 * (`append`, `extend`, `update`, `d[k] = v` is expressions.ts's), `Output.apply`,
 * `pulumi.Config` reads and `super().__init__`. `exec` and `eval` are never run.
 */
import type { ConfigRead, ListValue, OutputValue, Value } from '../../pulumi/model.js';
import type { Site } from '../../pulumi/site.js';
import { outputsIn, referencedResources, stringOf, unknown } from '../../pulumi/values.js';
import { attributeOf, classAttribute } from './attributes.js';
import { callFunction, callValue, type CallArguments, type CallSite } from './calls.js';
import { MAX_ITERATIONS } from './interpreter.js';
import { toModelValue } from '../../pulumi/evaluation/model-values.js';
import { componentInit } from './pulumi-calls.js';
import type { BuiltinValue, EvalValue } from '../../pulumi/evaluation/eval-values.js';

const MAX_RANGE = 4096;

export function callBuiltin(builtin: BuiltinValue, args: CallArguments, call: CallSite): EvalValue {
  const interpreter = call.expressions.interpreter;
  const site = interpreter.site(call.node, call.frame);
  const values = args.positional.map((argument) => argument.value);
  const [first, second, third] = values;
  const dot = builtin.name.indexOf('.');
  if (dot > 0) return callMethod(builtin.name.slice(0, dot), builtin.name.slice(dot + 1), builtin.self, args, call, site);
  switch (builtin.name) {
    case 'range': {
      const numbers = values.map((value) => (value.kind === 'number' && Number.isInteger(value.value) ? value.value : undefined));
      if (numbers.length === 0 || numbers.length > 3 || numbers.some((value) => value === undefined)) return unknown('a range', site);
      const [start, stop, step] = numbers.length === 1 ? [0, numbers[0] as number, 1] : [numbers[0] as number, numbers[1] as number, numbers[2] ?? 1];
      if (step === 0) return unknown('a range', site);
      const count = Math.max(0, Math.ceil((stop - start) / step));
      if (count > MAX_RANGE) return unknown('a long range', site);
      return list(Array.from({ length: count }, (_, index) => ({ kind: 'number', value: start + index * step, site })), site);
    }
    case 'enumerate': {
      const iteration = first ? call.expressions.iterate(first, site) : undefined;
      const start = second?.kind === 'number' ? second.value : 0;
      if (!iteration) return unknown('an enumeration', site);
      const items = iteration.items.map((item, index) => list([{ kind: 'number', value: start + index, site }, item as Value], site));
      return { kind: 'list', items, open: !iteration.exact, site };
    }
    case 'zip': {
      const iterations = values.map((value) => call.expressions.iterate(value, site));
      if (iterations.length === 0 || iterations.some((iteration) => !iteration)) return unknown('a zip', site);
      const length = iterations.reduce((shortest, iteration) => Math.min(shortest, iteration?.items.length ?? 0), Infinity);
      const items = Array.from({ length }, (_, index) => list(iterations.map((iteration) => iteration?.items[index] as Value), site));
      return { kind: 'list', items, open: iterations.some((iteration) => !iteration?.exact), site };
    }
    case 'len': {
      if (first?.kind === 'list' && !first.open && !first.atMost) return { kind: 'number', value: first.items.length, site };
      if (first?.kind === 'dict' && !first.open) return { kind: 'number', value: first.entries.size, site };
      if (first?.kind === 'string') return { kind: 'number', value: first.value.length, site };
      return unknown('a length', site);
    }
    case 'str': {
      if (!first) return { kind: 'string', value: '', site };
      if (first.kind === 'output') call.expressions.misuse('str', first, call.node, call.frame);
      if (first.kind === 'string') return first;
      if (first.kind === 'number') return { kind: 'string', value: String(first.value), site };
      if (first.kind === 'boolean') return { kind: 'string', value: first.value ? 'True' : 'False', site };
      return unknown('a string', site, true);
    }
    case 'int':
    case 'float': {
      if (first?.kind === 'number') return { kind: 'number', value: builtin.name === 'int' ? Math.trunc(first.value) : first.value, site };
      if (first?.kind === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(first.value)) return { kind: 'number', value: builtin.name === 'int' ? Math.trunc(Number(first.value)) : Number(first.value), site };
      return unknown('a number', site);
    }
    case 'bool': {
      const truth = first ? call.expressions.truthiness(first) : false;
      return truth === undefined ? unknown('a boolean', site) : { kind: 'boolean', value: truth, site };
    }
    case 'list':
    case 'tuple':
    case 'set':
    case 'frozenset':
    case 'sorted':
    case 'reversed': {
      if (!first) return list([], site);
      const iteration = call.expressions.iterate(first, site);
      if (!iteration) return { kind: 'list', items: [], open: true, site };
      let items = iteration.items as Value[];
      if (builtin.name === 'reversed') items = [...items].reverse();
      if (builtin.name === 'sorted' && items.every((item) => item.kind === 'string')) items = [...items].sort((a, b) => (a.kind === 'string' && b.kind === 'string' ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) : 0));
      return { kind: 'list', items, open: !iteration.exact, site };
    }
    case 'dict': {
      const entries = new Map<string, Value>();
      let open = args.open;
      if (first?.kind === 'dict') {
        for (const [key, value] of first.entries) entries.set(key, value);
        open ||= first.open;
      } else if (first) {
        open = true;
      }
      for (const [key, argument] of args.keywords) entries.set(key, argument.value as Value);
      return { kind: 'dict', entries, open, site };
    }
    case 'min':
    case 'max':
    case 'sum': {
      const items = values.length === 1 ? call.expressions.iterate(values[0] as EvalValue, site)?.items : values;
      const numbers = items?.map((item) => (item.kind === 'number' ? item.value : undefined));
      if (!numbers || numbers.length === 0 || numbers.some((value) => value === undefined)) return unknown('a number', site);
      const known = numbers as number[];
      const value = builtin.name === 'min' ? known.reduce((a, b) => Math.min(a, b)) : builtin.name === 'max' ? known.reduce((a, b) => Math.max(a, b)) : known.reduce((a, b) => a + b, 0);
      return { kind: 'number', value, site };
    }
    case 'getattr': {
      if (first && second?.kind === 'string') {
        const value = attributeOf(first, second.value, site, interpreter);
        if (value.kind === 'unknown' && third) return third;
        return value;
      }
      return third ?? unknown('an attribute', site);
    }
    case 'super':
      return { kind: 'builtin', name: 'super', ...(call.frame.self ? { self: call.frame.self } : {}), site };
    case 'format':
      return first?.kind === 'string' ? first : unknown('a string', site, true);
    case 'print':
      return { kind: 'null', site };
    case 'isinstance':
    case 'hasattr':
    case 'callable':
    case 'any':
    case 'all':
      return unknown('a boolean', site);
    case 'map':
    case 'filter':
      return { kind: 'list', items: [], open: true, site };
    default:
      // exec, eval, compile, open, __import__...: never run; their results are not known.
      return unknown(`the result of \`${builtin.name}\``, site);
  }
}

function list(items: Value[], site: Site): ListValue {
  return { kind: 'list', items, open: false, site };
}

function callMethod(type: string, method: string, self: EvalValue | undefined, args: CallArguments, call: CallSite, site: Site): EvalValue {
  const values = args.positional.map((argument) => argument.value);
  const [first, second] = values;
  switch (type) {
    case 'str':
      return stringMethod(method, self, values, args, call, site);
    case 'list': {
      if (self?.kind !== 'list') return unknown('a list', site);
      const items = self.items as Value[];
      if ((method === 'append' || method === 'insert') && (method === 'append' ? first : second)) {
        if (items.length < MAX_ITERATIONS * 8) items.push((method === 'append' ? first : second) as Value);
        else (self as { open: boolean }).open = true;
        return { kind: 'null', site };
      }
      if (method === 'extend' && first) {
        const iteration = call.expressions.iterate(first, site);
        if (iteration && items.length + iteration.items.length < MAX_ITERATIONS * 8) {
          for (const item of iteration.items) items.push(item as Value);
        } else (self as { open: boolean }).open = true;
        if (iteration && !iteration.exact) (self as { open: boolean }).open = true;
        return { kind: 'null', site };
      }
      if (method === 'copy') return { ...self, items: [...self.items] };
      if (method === 'pop') return items.pop() ?? unknown('an item', site);
      return unknown(`\`list.${method}\``, site);
    }
    case 'dict': {
      if (self?.kind !== 'dict') return unknown('a dict', site);
      const entries = self.entries as Map<string, Value>;
      const key = first?.kind === 'string' ? first.value : undefined;
      switch (method) {
        case 'get':
          if (key !== undefined && entries.has(key)) return entries.get(key) as Value;
          if (key !== undefined && !self.open) return second ?? { kind: 'null', site };
          return second ?? unknown(`\`.get(${key ?? '...'})\``, site);
        case 'items':
          return { kind: 'list', items: [...entries].map(([entryKey, value]) => list([{ kind: 'string', value: entryKey, site }, value], site)), open: self.open, site };
        case 'keys':
          return { kind: 'list', items: [...entries.keys()].map((entryKey) => ({ kind: 'string', value: entryKey, site })), open: self.open, site };
        case 'values':
          return { kind: 'list', items: [...entries.values()], open: self.open, site };
        case 'update': {
          if (first?.kind === 'dict') for (const [entryKey, value] of first.entries) entries.set(entryKey, value);
          else if (first) (self as { open: boolean }).open = true;
          for (const [entryKey, argument] of args.keywords) entries.set(entryKey, argument.value as Value);
          return { kind: 'null', site };
        }
        case 'setdefault':
          if (key !== undefined && !entries.has(key) && second) entries.set(key, second as Value);
          return key !== undefined ? (entries.get(key) ?? unknown('a value', site)) : unknown('a value', site);
        case 'copy':
          return { ...self, entries: new Map(entries) };
        case 'pop':
          if (key !== undefined && entries.has(key)) {
            const value = entries.get(key) as Value;
            entries.delete(key);
            return value;
          }
          return second ?? unknown('a value', site);
        default:
          return unknown(`\`dict.${method}\``, site);
      }
    }
    case 'output':
      return outputMethod(method, self, args, call, site);
    case 'config':
      return configRead(method, self, args, call, site);
    case 'component':
      if (method === 'register_outputs' && self?.kind === 'object' && self.resource) self.info.component.registersOutputs = true;
      return { kind: 'null', site };
    case 'super':
      return superMethod(method, self, args, call, site);
    case 'stack-reference':
      return { kind: 'output', resources: self?.kind === 'resource' ? [self.resource] : [], via: method, site };
    default:
      return unknown(`\`${type}.${method}\``, site);
  }
}

function stringMethod(method: string, self: EvalValue | undefined, values: EvalValue[], args: CallArguments, call: CallSite, site: Site): EvalValue {
  const text = self?.kind === 'string' ? self.value : undefined;
  const [first, second] = values;
  switch (method) {
    case 'join': {
      const iteration = first ? call.expressions.iterate(first, site) : undefined;
      for (const output of outputsIn(first ? toModelValue(first) : undefined)) call.expressions.misuse('join', output, call.node, call.frame);
      if (text === undefined || !iteration?.exact) return unknown('a joined string', site, true);
      const parts = iteration.items.map((item) => stringOf(toModelValue(item)));
      return parts.every((part) => part !== undefined) ? { kind: 'string', value: parts.join(text), site } : unknown('a joined string', site, true);
    }
    case 'format': {
      for (const argument of [...args.positional, ...args.keywords.values()]) {
        for (const output of outputsIn(toModelValue(argument.value))) call.expressions.misuse('format', output, call.node, call.frame);
      }
      if (text === undefined) return unknown('a formatted string', site, true);
      let index = 0;
      let failed = false;
      const formatted = text.replace(/\{([A-Za-z_]\w*|\d*)\}/g, (_, key: string) => {
        const value = key === '' ? values[index++] : /^\d+$/.test(key) ? values[Number(key)] : args.keywords.get(key)?.value;
        const part = value?.kind === 'number' ? String(value.value) : value ? stringOf(toModelValue(value)) : undefined;
        if (part === undefined) failed = true;
        return part ?? '';
      });
      return failed ? unknown('a formatted string', site, true) : { kind: 'string', value: formatted, site };
    }
    case 'lower':
    case 'upper':
    case 'strip':
    case 'lstrip':
    case 'rstrip':
    case 'title':
    case 'capitalize': {
      if (text === undefined) return unknown('a string', site, true);
      const value = method === 'lower' ? text.toLowerCase() : method === 'upper' ? text.toUpperCase() : method === 'strip' ? text.trim() : method === 'lstrip' ? text.trimStart() : method === 'rstrip' ? text.trimEnd() : method === 'title' ? text.replace(/\b\w/g, (char) => char.toUpperCase()) : text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
      return { kind: 'string', value, site };
    }
    case 'replace':
      if (text !== undefined && first?.kind === 'string' && second?.kind === 'string') return { kind: 'string', value: text.split(first.value).join(second.value), site };
      return unknown('a string', site, true);
    case 'split': {
      if (text === undefined) return { kind: 'list', items: [], open: true, site };
      const separator = first?.kind === 'string' ? first.value : undefined;
      const parts = separator === undefined ? text.trim().split(/\s+/).filter(Boolean) : text.split(separator);
      return list(parts.map((part) => ({ kind: 'string', value: part, site })), site);
    }
    case 'startswith':
    case 'endswith':
      if (text !== undefined && first?.kind === 'string') return { kind: 'boolean', value: method === 'startswith' ? text.startsWith(first.value) : text.endsWith(first.value), site };
      return unknown('a boolean', site);
    default:
      return unknown(`\`str.${method}\``, site, true);
  }
}

/** `output.apply(fn)`: the function runs on the plain value (not known here); the result is an Output again. */
function outputMethod(method: string, self: EvalValue | undefined, args: CallArguments, call: CallSite, site: Site): EvalValue {
  const output = self?.kind === 'output' ? self : undefined;
  const resources = output?.resources ?? [];
  if (method !== 'apply') return { kind: 'output', resources, via: method, site };
  const fn = args.positional[0]?.value;
  let known: Value | undefined;
  if (fn?.kind === 'function') {
    const result = callFunction(fn, { positional: [{ value: unknown('the value inside the Output', site), node: undefined }], keywords: new Map(), open: false }, call);
    known = toModelValue(result);
  } else if (fn) {
    known = toModelValue(callValue(fn, { positional: [{ value: unknown('the value inside the Output', site), node: undefined }], keywords: new Map(), open: false }, call));
  }
  const value: OutputValue = { kind: 'output', resources: [...new Set([...resources, ...referencedResources(known)])], via: 'apply', site };
  if (known && known.kind !== 'unknown') value.known = known;
  else if (known?.kind === 'unknown' && known.encodes) value.known = known;
  return value;
}

const CONFIG_METHODS = /^(get|require)(_secret)?(_(int|bool|float|object))?$/;

/** `config.get("key")`, `config.require_int("count")`, `config.get("region", "us-east-1")`. */
function configRead(method: string, self: EvalValue | undefined, args: CallArguments, call: CallSite, site: Site): EvalValue {
  const match = CONFIG_METHODS.exec(method);
  const key = args.positional[0]?.value ?? args.keywords.get('key')?.value;
  if (!match || key?.kind !== 'string') return unknown(`\`config.${method}\``, site);
  const read: ConfigRead = {
    key: key.value,
    method,
    required: match[1] === 'require',
    secret: Boolean(match[2]),
    site,
  };
  if (self?.kind === 'config-object' && self.namespace) read.namespace = self.namespace;
  const fallback = args.positional[1]?.value ?? args.keywords.get('default')?.value;
  if (fallback && fallback.kind !== 'null') read.default = toModelValue(fallback);
  call.expressions.interpreter.builder.configReads.push(read);
  return { kind: 'config', read, site };
}

/** `super().__init__(...)`: a component registers itself; a program base class runs its own `__init__`. */
function superMethod(method: string, self: EvalValue | undefined, args: CallArguments, call: CallSite, site: Site): EvalValue {
  if (self?.kind !== 'object') return unknown('`super()`', site);
  const owner = call.frame.owner ?? self.info;
  if (method === '__init__' && self.resource && owner.bases.some((base) => base.kind === 'external')) {
    componentInit(self, args, call);
    return { kind: 'null', site };
  }
  for (const base of owner.bases) {
    if (base.kind !== 'class') continue;
    const member = classAttribute(base.info, method);
    if (member?.kind === 'function') return callFunction({ ...member, self }, args, call);
  }
  if (method === '__init__' && self.resource) componentInit(self, args, call);
  return { kind: 'null', site };
}
