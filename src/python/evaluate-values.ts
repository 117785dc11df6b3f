/**
 * The values the static evaluator (evaluate.ts) produces, and the environment of loop variables
 * it evaluates in. Shared by every part of the evaluator, so it sits apart from all of them.
 */
export type Value = number | string | boolean | null | Value[] | DictValue;
export interface DictValue {
  dict: Map<string | number, Value>;
}

/** A loop variable whose value is not known (an element of a list of unknown content). */
export const UNKNOWN = Symbol('unknown');
export type Binding = Value | typeof UNKNOWN;
export type Env = ReadonlyMap<string, Binding>;

/** Most loop iterations, comprehension items or `range()` elements the evaluator expands. */
export const MAX_ITEMS = 4096;

export function isDict(value: Value | undefined): value is DictValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function iterate(value: Value): Value[] | undefined {
  if (Array.isArray(value)) return value;
  if (isDict(value)) return [...value.dict.keys()];
  if (typeof value === 'string') return [...value];
  return undefined;
}
