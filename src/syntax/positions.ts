/** Positions in source text: spans in files, tree-sitter points, and conversions between them. */
import { lineStartsOf, lowerBound } from './flat-records.js';

/**
 * A span in a file. Lines and columns are 1-based; `endColumn` points one past the last
 * character (SARIF's convention), columns count UTF-16 code units like JavaScript strings.
 */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A 0-based point as tree-sitter reports it. */
export interface Point {
  row: number;
  column: number;
}

/**
 * Line starts of the text last asked about: callers ask about the same text many times in a row
 * (each finding of a file), and scanning from the start for each was quadratic in a file with
 * thousands of findings. One text is kept, so memory stays bounded.
 */
let lastText: string | undefined;
let lastStarts: Int32Array = new Int32Array(1);

function lineStarts(text: string): Int32Array {
  if (text !== lastText) {
    lastStarts = lineStartsOf(text);
    lastText = text;
  }
  return lastStarts;
}

/** The 0-based point of a string index (rows break at `\n`, columns in UTF-16 code units). */
export function pointAt(text: string, index: number): Point {
  const starts = lineStarts(text);
  const row = Math.max(0, lowerBound(starts, index + 1) - 1);
  return { row, column: index - (starts[row] as number) };
}

/** Line `row` (0-based) of the text without its `\n`, undefined past the last line. */
export function lineAt(text: string, row: number): string | undefined {
  const starts = lineStarts(text);
  if (row < 0 || row >= starts.length) return undefined;
  const end = row + 1 < starts.length ? (starts[row + 1] as number) - 1 : text.length;
  return text.slice(starts[row] as number, end);
}
