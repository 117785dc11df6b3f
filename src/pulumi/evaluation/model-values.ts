/**
 * Turning what the evaluator computes with into model values: the program's functions, classes
 * and external names have no place in the model, and an object of a program class is a dict of
 * its fields (an args object such as `TapStackArgs(...)`) or, for a component, its resource.
 */
import type { Value } from '../model.js';
import { unknown } from '../values.js';
import { isModelValue, type EvalValue } from './eval-values.js';

export function toModelValue(value: EvalValue, seen: Set<EvalValue> = new Set()): Value {
  if (seen.has(value)) return unknown('a value that contains itself', 'site' in value ? value.site : undefined);
  switch (value.kind) {
    case 'external':
      return unknown(`\`${shorten(value.name)}\``, value.site);
    case 'program-module':
      return unknown(`module \`${value.path}\``, value.site);
    case 'function':
      return unknown(`function \`${value.name}\``, value.site);
    case 'class':
      return unknown(`class \`${value.info.name}\``, value.site);
    case 'builtin':
      return unknown(`\`${value.name}\``, value.site);
    case 'config-object':
      return unknown('a `pulumi.Config`', value.site);
    case 'invoke-result':
      return unknown(`the result of \`${value.invoke.key}\``, value.site);
    case 'object': {
      if (value.resource) return { kind: 'resource', resource: value.resource, site: value.site };
      seen.add(value);
      const entries = new Map<string, Value>();
      for (const [key, field] of value.fields) entries.set(key, toModelValue(field, seen));
      seen.delete(value);
      return { kind: 'dict', entries, open: true, argsType: value.info.name, site: value.site };
    }
    case 'list': {
      if (value.items.every(isPlainModel)) return value;
      seen.add(value);
      const items = value.items.map((item) => toModelValue(item as EvalValue, seen));
      seen.delete(value);
      return { ...value, items };
    }
    case 'dict': {
      if ([...value.entries.values()].every(isPlainModel)) return value;
      seen.add(value);
      const entries = new Map<string, Value>();
      for (const [key, item] of value.entries) entries.set(key, toModelValue(item as EvalValue, seen));
      seen.delete(value);
      return { ...value, entries };
    }
    case 'template': {
      if (value.parts.every((part) => typeof part === 'string' || isPlainModel(part))) return value;
      return { ...value, parts: value.parts.map((part) => (typeof part === 'string' ? part : toModelValue(part as EvalValue, seen))) };
    }
    default:
      return value;
  }
}

/** A model value whose containers (checked one level deep; deeper ones are converted on their own) hold only model values. */
function isPlainModel(value: Value | EvalValue): boolean {
  if (!isModelValue(value as EvalValue)) return false;
  if (value.kind === 'list') return value.items.every((item) => isModelValue(item as EvalValue) && item.kind !== 'list' && item.kind !== 'dict');
  if (value.kind === 'dict') return [...value.entries.values()].every((item) => isModelValue(item as EvalValue) && item.kind !== 'list' && item.kind !== 'dict');
  return true;
}

function shorten(name: string): string {
  return name.length > 80 ? `${name.slice(0, 77)}...` : name;
}
