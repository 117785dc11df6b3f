/** Positions in source text: spans in files, tree-sitter points, and conversions between them. */

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

/** The 0-based point of a string index (rows break at `\n`, columns in UTF-16 code units). */
export function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let position = text.indexOf('\n'); position >= 0 && position < index; position = text.indexOf('\n', position + 1)) {
    row++;
    lineStart = position + 1;
  }
  return { row, column: index - lineStart };
}
