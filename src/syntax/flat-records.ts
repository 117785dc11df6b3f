/**
 * The layout of the flat tree records the native addon writes (src/native/flat-tree.c, whose
 * enum must match), and small helpers over sorted index arrays and line starts.
 */

/** Record layout; keep in sync with src/native/flat-tree.c. */
export const STRIDE = 6;
export const SYMBOL = 0;
export const FLAGS = 1;
export const PARENT = 2;
export const SUBTREE_END = 3;
export const START = 4;
export const END = 5;

export const NAMED = 1;
export const MISSING = 2;
export const EXTRA = 4;
export const HAS_ERROR = 8;
export const FIELD_SHIFT = 8;

/** tree-sitter's symbol for ERROR nodes (`ts_builtin_sym_error`). */
export const ERROR_SYMBOL = 65535;

/** Start offset of every line (rows break at `\n` only, as in tree-sitter). */
export function lineStartsOf(text: string): Int32Array {
  let count = 1;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
  const starts = new Int32Array(count);
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts[line++] = index + 1;
  return starts;
}

/** First position in `sorted` whose value is at least `value`. */
export function lowerBound(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

