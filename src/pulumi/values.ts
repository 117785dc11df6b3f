/**
 * Reading model values the way rules need them: as a string, a number, a list, a dict entry; the
 * resources a value refers to; a plain JSON-like copy of what is known. Every reader answers
 * `undefined` for what is not known statically, and rules stay silent on that.
 */
import type { Argument, CreationContext, DictValue, ListValue, OutputValue, Resource, Site, Value } from './model.js';
import { Site as SiteClass } from './site.js';

export function unknown(reason: string, site: Site | undefined, string = false): Value {
  return string ? { kind: 'unknown', reason, site, string } : { kind: 'unknown', reason, site };
}

/** The text of a string value, or of a template whose holes are all known strings or numbers. */
export function stringOf(value: Value | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'string') return value.value;
  if (value.kind === 'template') {
    let text = '';
    for (const part of value.parts) {
      if (typeof part === 'string') text += part;
      else {
        const inner = part.kind === 'number' ? String(part.value) : stringOf(part);
        if (inner === undefined) return undefined;
        text += inner;
      }
    }
    return text;
  }
  if (value.kind === 'config' && value.read.default) return undefined;
  return undefined;
}

/** A string value, or the default of a config read (`config.get("region") or "us-east-1"`). */
export function stringOrDefault(value: Value | undefined): string | undefined {
  if (value?.kind === 'config') return stringOf(value.read.default);
  return stringOf(value);
}

export function numberOf(value: Value | undefined): number | undefined {
  if (value?.kind === 'number') return value.value;
  if (value?.kind === 'string' && /^-?\d+$/.test(value.value)) return Number(value.value);
  return undefined;
}

export function booleanOf(value: Value | undefined): boolean | undefined {
  return value?.kind === 'boolean' ? value.value : undefined;
}

export function isList(value: Value | undefined): value is ListValue {
  return value?.kind === 'list';
}

export function isDict(value: Value | undefined): value is DictValue {
  return value?.kind === 'dict';
}

/** A list's items, or a single non-list value as one item (`cidr_blocks="0.0.0.0/0"` mistakes); undefined when unknown. */
export function itemsOf(value: Value | undefined): readonly Value[] | undefined {
  if (!value || value.kind === 'unknown') return undefined;
  if (value.kind === 'list') return value.items;
  return [value];
}

/** A dict entry by any of its spellings (`from_port` / `fromPort`). */
export function entryOf(value: Value | undefined, ...keys: string[]): Value | undefined {
  if (value?.kind !== 'dict') return undefined;
  for (const key of keys) {
    const found = value.entries.get(key);
    if (found) return found;
  }
  return undefined;
}

/** An argument's value by canonical name. */
export function argument(resource: { args: ReadonlyMap<string, Argument> }, name: string): Value | undefined {
  return resource.args.get(name)?.value;
}

/** An option's value by canonical name (`provider`, `parent`, `depends_on`). */
export function option(resource: Resource, name: string): Value | undefined {
  return resource.options.values.get(name)?.value;
}

/** Every resource a value refers to, as an object or through its outputs, however deeply nested. */
export function referencedResources(value: Value | undefined): Resource[] {
  const found: Resource[] = [];
  const seen = new Set<Value>();
  const stack: Value[] = value ? [value] : [];
  while (stack.length) {
    const current = stack.pop() as Value;
    if (seen.has(current)) continue;
    seen.add(current);
    switch (current.kind) {
      case 'resource':
        found.push(current.resource);
        break;
      case 'output':
        for (const resource of current.resources) found.push(resource);
        if (current.known) stack.push(current.known);
        break;
      case 'list':
        for (const item of current.items) stack.push(item);
        break;
      case 'dict':
        for (const item of current.entries.values()) stack.push(item);
        break;
      case 'template':
        for (const part of current.parts) if (typeof part !== 'string') stack.push(part);
        break;
      default:
        break;
    }
  }
  return [...new Set(found)];
}

/** The known strings inside a value's lists and dicts, with where each is written. */
export function stringsIn(value: Value | undefined, maxDepth = 12): { value: string; site: Site | undefined }[] {
  const found: { value: string; site: Site | undefined }[] = [];
  const stack: { value: Value; depth: number }[] = value ? [{ value, depth: 0 }] : [];
  while (stack.length) {
    const { value: current, depth } = stack.pop() as { value: Value; depth: number };
    if (depth > maxDepth) continue;
    if (current.kind === 'string') found.push({ value: current.value, site: current.site });
    else if (current.kind === 'list') for (const item of current.items) stack.push({ value: item, depth: depth + 1 });
    else if (current.kind === 'dict') for (const item of current.entries.values()) stack.push({ value: item, depth: depth + 1 });
  }
  return found;
}

/** Outputs inside a value (for string building over Outputs). */
export function outputsIn(value: Value | undefined): OutputValue[] {
  const found: OutputValue[] = [];
  const stack: Value[] = value ? [value] : [];
  let budget = 10_000;
  while (stack.length && budget-- > 0) {
    const current = stack.pop() as Value;
    if (current.kind === 'output') found.push(current);
    else if (current.kind === 'list') for (const item of current.items) stack.push(item);
    else if (current.kind === 'dict') for (const item of current.entries.values()) stack.push(item);
    else if (current.kind === 'template') for (const part of current.parts) if (typeof part !== 'string') stack.push(part);
  }
  return found;
}

export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/**
 * A plain copy of what is known (for JSON policies and the like). Any unknown part makes the
 * answer undefined, unless `lenient`: then unknown items and entries are left out.
 */
export function plainOf(value: Value | undefined, lenient = false): Plain | undefined {
  if (!value) return undefined;
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    case 'template':
      return stringOf(value);
    case 'list': {
      const items: Plain[] = [];
      for (const item of value.items) {
        const plain = plainOf(item, lenient);
        if (plain === undefined) {
          if (!lenient) return undefined;
          continue;
        }
        items.push(plain);
      }
      return items;
    }
    case 'dict': {
      const object: { [key: string]: Plain } = {};
      for (const [key, item] of value.entries) {
        const plain = plainOf(item, lenient);
        if (plain === undefined) {
          if (!lenient) return undefined;
          continue;
        }
        object[key] = plain;
      }
      return object;
    }
    default:
      return undefined;
  }
}

/** A short description of a value for messages: `"10.0.0.0/16"`, `vpc.id`, `a config value`. */
export function describeValue(value: Value | undefined): string {
  if (!value) return 'nothing';
  switch (value.kind) {
    case 'string':
      return JSON.stringify(value.value);
    case 'number':
    case 'boolean':
      return String(value.value);
    case 'null':
      return 'None';
    case 'template':
      return stringOf(value) !== undefined ? JSON.stringify(stringOf(value)) : 'a built string';
    case 'resource':
      return value.resource.boundTo ?? value.resource.constructorText;
    case 'output':
      return value.resource && value.attribute ? `${value.resource.boundTo ?? value.resource.constructorText}.${value.attribute}` : 'an Output';
    case 'config':
      return `config \`${value.read.key}\``;
    default:
      return value.site?.text ?? 'a value';
  }
}

/** True when `inner` lies within `outer`, in the same unit. */
function within(inner: Site, outer: Site): boolean {
  return inner.source === outer.source && inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * Where to point at a value read through containers (`path` outermost first: an argument's site,
 * a list, a dict, the value): the value itself when it is written inside its container, else
 * the innermost container that holds what was read where it is written (`[ANYWHERE]` in a rule's
 * dict rather than the module constant's definition, which other rules may use too).
 */
export function writtenSite(path: readonly (Site | Value | undefined)[]): Site | undefined {
  const siteOf = (step: Site | Value | undefined) => (step instanceof SiteClass ? step : step?.site);
  let candidate: Site | undefined;
  for (let index = path.length - 1; index >= 0; index--) {
    const outer = siteOf(path[index]);
    if (!outer) continue;
    if (candidate && within(candidate, outer)) return candidate;
    candidate = outer;
  }
  return candidate;
}

/** True when two creations are in different branches of one choice the evaluator could not decide: never both happen. */
export function exclusiveCreations(a: CreationContext, b: CreationContext): boolean {
  return a.branches.some((mine) => b.branches.some((theirs) => theirs.choice === mine.choice && theirs.branch !== mine.branch));
}
