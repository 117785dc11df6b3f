/** Conversions between string indices and tree-sitter points (0-based row, UTF-16 column). */
import type { Point } from '../engine/types.js';

export function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let position = text.indexOf('\n'); position >= 0 && position < index; position = text.indexOf('\n', position + 1)) {
    row++;
    lineStart = position + 1;
  }
  return { row, column: index - lineStart };
}
