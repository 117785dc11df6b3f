/**
 * The get-or-compute step of the memo tables used across the engine, the rules and their
 * helpers (WeakMaps keyed by a node, a unit or a review, and the Maps nested in them): the
 * stored value, or `compute(key)` stored and returned when there is none. Like the proposed
 * `Map.prototype.getOrInsertComputed`.
 */
export interface MemoTable<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

export function getOrCompute<K, V>(table: MemoTable<K, V>, key: K, compute: (key: K) => V): V {
  let value = table.get(key);
  if (value === undefined) {
    value = compute(key);
    table.set(key, value);
  }
  return value;
}
