/**
 * Indentation errors CPython rejects but tree-sitter accepts: an unexpected indent, a dedent
 * to a level that matches no outer block, and a block opener followed by no indented body.
 */
import { scanPythonOnce } from './lexical-scan.js';
import type { Tree } from './parser.js';

export interface IndentationError {
  /** Index of the first token of the offending line. */
  index: number;
  message: string;
}

const TAB_SIZE = 8;

function width(text: string, tokenIndex: number): number {
  const lineStart = text.lastIndexOf('\n', tokenIndex - 1) + 1;
  let columns = 0;
  for (let position = lineStart; position < tokenIndex; position++) {
    columns = text[position] === '\t' ? (Math.floor(columns / TAB_SIZE) + 1) * TAB_SIZE : columns + 1;
  }
  return columns;
}

function isLineStart(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t\f]*$/.test(text.slice(lineStart, index));
}

export function indentationErrors(tree: Tree, text: string): IndentationError[] {
  const errors: IndentationError[] = [];
  const stack = [0];
  let previousOpensBlock = false;
  for (const line of scanPythonOnce(tree, text).logicalLines) {
    // A line that starts after `;` or on the line of a previous token is not a new indented line.
    if (!isLineStart(text, line.start)) continue;
    const columns = width(text, line.start);
    const top = stack[stack.length - 1] ?? 0;
    if (columns > top) {
      if (!previousOpensBlock) errors.push({ index: line.start, message: 'unexpected indent' });
      stack.push(columns);
    } else {
      if (previousOpensBlock) errors.push({ index: line.start, message: 'expected an indented block after the line ending with `:`' });
      while ((stack[stack.length - 1] ?? 0) > columns) stack.pop();
      if ((stack[stack.length - 1] ?? 0) !== columns) {
        errors.push({ index: line.start, message: 'unindent does not match any outer indentation level' });
        stack.push(columns);
      }
    }
    previousOpensBlock = line.last === ':';
  }
  return errors;
}
