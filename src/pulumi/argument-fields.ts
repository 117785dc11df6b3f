/**
 * Keys of nested argument blocks that the block's input type does not have (IAC105):
 * `retryPolicy: { maximumEventAge: 3600 }` where `RuleTargetRetryPolicy` takes
 * `maximumEventAgeInSeconds`, `spec: { listener: {...} }` where App Mesh takes `listeners`.
 * TypeScript rejects such a key in an object literal when `pulumi up` compiles the program;
 * Python sends it on and the setting silently never applies. Only dicts the model sees whole
 * are judged (no spread, no `**kwargs`), and only against object types (maps take any key).
 */
import type { AwsApi } from '../aws/api.js';
import { alternativesOf, type ArgType } from '../aws/type-codes.js';
import type { DictValue, Value } from './model.js';
import type { Site } from './site.js';
import { snakeCase } from './spelling.js';

type ObjectType = { kind: 'object'; module: string; name: string };

export interface UnknownField {
  /** The block holding the key. */
  dict: DictValue;
  /** The key as written. */
  key: string;
  /** Where the entry is written (its value's site, or the entry's own site when it holds a variable). */
  site: Site | undefined;
  /** `retry_policy.maximumEventAge`: the path below the argument, in canonical names up to the key. */
  path: string;
  /** The input type's name (`CloudwatchEventTargetRetryPolicyArgs`). */
  typeName: string;
  /** The type's keys, canonical (snake_case). */
  accepted: readonly string[];
}

const MAX_DEPTH = 8;

/** Unknown keys anywhere below one argument's value, judged against the argument's type. */
export function unknownFields(api: AwsApi, value: Value, type: ArgType, path: string): UnknownField[] {
  const found: UnknownField[] = [];
  visit(api, value, type, path, 0, found);
  return found;
}

function visit(api: AwsApi, value: Value, type: ArgType, path: string, depth: number, found: UnknownField[]): void {
  if (depth > MAX_DEPTH) return;
  const alternatives = alternativesOf(type);
  if (alternatives.some((alternative) => alternative.kind === 'any')) return;
  if (value.kind === 'list') {
    const list = alternatives.find((alternative) => alternative.kind === 'list');
    if (list && list.kind === 'list') value.items.forEach((item, index) => visit(api, item, list.item, `${path}[${index}]`, depth + 1, found));
    return;
  }
  if (value.kind !== 'dict' || value.open) return;
  const objects = alternatives.filter((alternative): alternative is ObjectType => alternative.kind === 'object');
  if (objects.length === 1) {
    visitFields(api, value, objects[0] as ObjectType, path, depth, found);
    return;
  }
  const map = alternatives.find((alternative) => alternative.kind === 'map');
  if (!objects.length && map && map.kind === 'map') {
    for (const [key, entry] of value.entries) visit(api, entry, map.item, `${path}.${key}`, depth + 1, found);
  }
}

function visitFields(api: AwsApi, dict: DictValue, object: ObjectType, path: string, depth: number, found: UnknownField[]): void {
  const typeName = `${object.name}Args`;
  const signature = api.signature('type', object.module, typeName);
  if (!signature) return;
  for (const [key, entry] of dict.entries) {
    const spec = signature.args.get(key) ?? signature.args.get(snakeCase(key));
    if (spec) {
      visit(api, entry, spec.type, `${path}.${spec.name}`, depth + 1, found);
      continue;
    }
    // A dict built by an `*Args(...)` class: its keywords are judged where the class is called.
    if (dict.argsType) continue;
    found.push({ dict, key, site: dict.entrySites?.get(key) ?? entry.site, path: `${path}.${key}`, typeName, accepted: [...signature.args.keys()] });
  }
}
