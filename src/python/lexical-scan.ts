/**
 * A small lexical scan of Python source. It answers what tree-sitter cannot:
 * - in what state does the text end? Open brackets, an unterminated string or a dangling
 *   operator at the very end mean the file was cut off (a file cut right after
 *   `with open(p) as f:` parses without any error: its body block is just empty);
 * - where do logical lines start? tree-sitter accepts inconsistent dedents, so indentation
 *   is checked from these (see indentation.ts).
 */
import { getOrCompute } from '../syntax/memo-table.js';

export interface OpenBracket {
  char: string;
  index: number;
}

export interface LastToken {
  text: string;
  index: number;
  kind: 'name' | 'number' | 'operator' | 'string' | 'continuation';
}

export interface LogicalLine {
  /** Index of the line's first token. */
  start: number;
  /** Text of the line's last token (`:` for a block opener). */
  last: string;
}

export interface TailState {
  /** Brackets still open at the end, outermost first. */
  openBrackets: OpenBracket[];
  /** Start index of a string literal that is still open at the end. */
  openStringAt: number | undefined;
  /** The last token that is not a comment or whitespace. */
  lastToken: LastToken | undefined;
  /** Logical lines (bracket continuations and `\\` joins folded in), in order. */
  logicalLines: LogicalLine[];
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);
const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '->', ':=', '==', '!=', '<=', '>=', '**', '//', '<<', '>>',
  '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=',
  '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '=', '.', ',', ':', ';', '!',
];
/** Multi-character operators by length, longest tried first. */
const OPERATORS_3 = new Set(OPERATORS.filter((operator) => operator.length === 3));
const OPERATORS_2 = new Set(OPERATORS.filter((operator) => operator.length === 2));
const STRING_PREFIX = /^[rRbBuUfFtT]{0,2}$/;

function isNameChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  return /[\p{L}\p{N}_]/u.test(char);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function operatorAt(text: string, index: number): string {
  const three = text.slice(index, index + 3);
  if (OPERATORS_3.has(three)) return three;
  const two = three.slice(0, 2);
  if (OPERATORS_2.has(two)) return two;
  return three.slice(0, 1);
}

export function scanPython(text: string): TailState {
  const openBrackets: OpenBracket[] = [];
  const logicalLines: LogicalLine[] = [];
  // The last token, kept as offsets and made into an object only at the end (scans are per character).
  let lastStart = -1;
  let lastEnd = -1;
  let lastKind: LastToken['kind'] = 'name';
  /** The logical line being read; its `last` is filled in when the next one starts. */
  let line: LogicalLine | undefined;
  let lineLastStart = 0;
  let lineLastEnd = 0;
  let atLineStart = true;
  let index = 0;
  const length = text.length;
  const finish = (openStringAt: number | undefined): TailState => {
    if (line) line.last = text.slice(lineLastStart, lineLastEnd);
    const lastToken = lastStart < 0 ? undefined : { text: lastKind === 'continuation' ? '\\' : text.slice(lastStart, lastEnd), index: lastStart, kind: lastKind };
    return { openBrackets, openStringAt, lastToken, logicalLines };
  };
  /** Records a token on the current logical line, opening a new one after a real newline. */
  const note = (start: number, end: number, kind: LastToken['kind']) => {
    lastStart = start;
    lastEnd = end;
    lastKind = kind;
    if (atLineStart) {
      if (line) line.last = text.slice(lineLastStart, lineLastEnd);
      line = { start, last: '' };
      logicalLines.push(line);
      atLineStart = false;
    }
    lineLastStart = start;
    lineLastEnd = end;
  };

  while (index < length) {
    const char = text[index] as string;
    if (char === '\n') {
      if (openBrackets.length === 0 && (lastStart < 0 || lastKind !== 'continuation')) atLineStart = true;
      index++;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r' || char === '\f') {
      index++;
      continue;
    }
    if (char === '#') {
      const newline = text.indexOf('\n', index);
      index = newline < 0 ? length : newline;
      continue;
    }
    if (char === '\\') {
      lastStart = index;
      lastEnd = index + 1;
      lastKind = 'continuation';
      index++;
      continue;
    }
    if (char === '"' || char === "'") {
      const end = skipString(text, index);
      if (end === undefined) return finish(index);
      note(index, end, 'string');
      index = end;
      continue;
    }
    if (isNameChar(char)) {
      let end = index + 1;
      while (end < length && isNameChar(text[end] as string)) end++;
      const next = text[end];
      if ((next === '"' || next === "'") && end - index <= 2 && !isDigit(char) && STRING_PREFIX.test(text.slice(index, end))) {
        const stringEnd = skipString(text, end, /[fF]/.test(text.slice(index, end)));
        if (stringEnd === undefined) return finish(index);
        note(index, stringEnd, 'string');
        index = stringEnd;
        continue;
      }
      note(index, end, isDigit(char) ? 'number' : 'name');
      index = end;
      continue;
    }
    if (OPENERS[char]) {
      note(index, index + 1, 'operator');
      openBrackets.push({ char, index });
      index++;
      continue;
    }
    if (CLOSERS.has(char)) {
      const top = openBrackets[openBrackets.length - 1];
      if (top && OPENERS[top.char] === char) openBrackets.pop();
      note(index, index + 1, 'operator');
      index++;
      continue;
    }
    const operator = operatorAt(text, index);
    note(index, index + operator.length, 'operator');
    index += operator.length;
  }
  return finish(undefined);
}

/**
 * Index just past the string whose quote starts at `quoteIndex`, or undefined when the text
 * ends inside it. A single-quoted string stops at an unescaped newline (a mid-file syntax
 * error, not a cut-off file), except inside an f-string's replacement field, which may span
 * lines and hold strings of its own (Python 3.12, PEP 701).
 */
function skipString(text: string, quoteIndex: number, formatted = false): number | undefined {
  const quote = text[quoteIndex] as string;
  const triple = text.startsWith(quote.repeat(3), quoteIndex);
  const delimiter = triple ? quote.repeat(3) : quote;
  let index = quoteIndex + delimiter.length;
  let depth = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (formatted) {
      if (depth === 0 && (char === '{' || char === '}') && text[index + 1] === char) {
        index += 2;
        continue;
      }
      if (char === '{' || (char === '}' && depth > 0)) {
        depth += char === '{' ? 1 : -1;
        index++;
        continue;
      }
      if (depth > 0) {
        if (char === '"' || char === "'") {
          const end = skipString(text, index, /[fF][rRbB]?$|^[rRbB]?[fF]$/.test(prefixBefore(text, index)));
          if (end === undefined) return undefined;
          index = end;
        } else {
          index++;
        }
        continue;
      }
    }
    if (!triple && char === '\n') return index;
    if (text.startsWith(delimiter, index)) return index + delimiter.length;
    index++;
  }
  return undefined;
}

/** The string prefix letters right before a quote (`f`, `rb`...). */
function prefixBefore(text: string, quoteIndex: number): string {
  let start = quoteIndex;
  while (start > 0 && start > quoteIndex - 2 && /[rRbBuUfFtT]/.test(text[start - 1] as string)) start--;
  return start > 0 && isNameChar(text[start - 1] as string) ? '' : text.slice(start, quoteIndex);
}

const scans = new WeakMap<object, TailState>();

/** `scanPython` memoised per parse tree, so detectors sharing a unit scan it once. */
export function scanPythonOnce(key: object, text: string): TailState {
  return getOrCompute(scans, key, () => scanPython(text));
}
