/**
 * A small lexical scan of Python source. It answers what tree-sitter cannot:
 * - in what state does the text end? Open brackets, an unterminated string or a dangling
 *   operator at the very end mean the file was cut off (a file cut right after
 *   `with open(p) as f:` parses without any error: its body block is just empty);
 * - where do logical lines start? tree-sitter accepts inconsistent dedents, so indentation
 *   is checked from these (see indentation.ts).
 */

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
const STRING_PREFIX = /^[rRbBuUfFtT]{0,2}$/;

function isNameChar(char: string): boolean {
  return /[\p{L}\p{N}_]/u.test(char);
}

export function scanPython(text: string): TailState {
  const openBrackets: OpenBracket[] = [];
  const logicalLines: LogicalLine[] = [];
  let lastToken: LastToken | undefined;
  let atLineStart = true;
  let index = 0;
  const length = text.length;
  const state = () => ({ openBrackets, openStringAt: undefined as number | undefined, lastToken, logicalLines });
  /** Records a token on the current logical line, opening a new one after a real newline. */
  const note = (token: LastToken) => {
    lastToken = token;
    if (atLineStart) {
      logicalLines.push({ start: token.index, last: token.text });
      atLineStart = false;
    } else {
      const current = logicalLines[logicalLines.length - 1];
      if (current) current.last = token.text;
    }
  };

  while (index < length) {
    const char = text[index] as string;
    if (char === '\n') {
      if (openBrackets.length === 0 && lastToken?.kind !== 'continuation') atLineStart = true;
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
      lastToken = { text: '\\', index, kind: 'continuation' };
      index++;
      continue;
    }
    if (char === '"' || char === "'") {
      const end = skipString(text, index);
      if (end === undefined) return { ...state(), openStringAt: index };
      note({ text: text.slice(index, end), index, kind: 'string' });
      index = end;
      continue;
    }
    if (isNameChar(char)) {
      let end = index + 1;
      while (end < length && isNameChar(text[end] as string)) end++;
      const word = text.slice(index, end);
      const next = text[end];
      if ((next === '"' || next === "'") && STRING_PREFIX.test(word) && !/^\d/.test(word)) {
        const stringEnd = skipString(text, end);
        if (stringEnd === undefined) return { ...state(), openStringAt: index };
        note({ text: text.slice(index, stringEnd), index, kind: 'string' });
        index = stringEnd;
        continue;
      }
      note({ text: word, index, kind: /^\d/.test(word) ? 'number' : 'name' });
      index = end;
      continue;
    }
    if (OPENERS[char]) {
      note({ text: char, index, kind: 'operator' });
      openBrackets.push({ char, index });
      index++;
      continue;
    }
    if (CLOSERS.has(char)) {
      const top = openBrackets[openBrackets.length - 1];
      if (top && OPENERS[top.char] === char) openBrackets.pop();
      note({ text: char, index, kind: 'operator' });
      index++;
      continue;
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, index)) ?? char;
    note({ text: operator, index, kind: 'operator' });
    index += operator.length;
  }
  return state();
}

/**
 * Index just past the string whose quote starts at `quoteIndex`, or undefined when the text
 * ends inside it. A single-quoted string stops at an unescaped newline (a mid-file syntax
 * error, not a cut-off file).
 */
function skipString(text: string, quoteIndex: number): number | undefined {
  const quote = text[quoteIndex] as string;
  const triple = text.startsWith(quote.repeat(3), quoteIndex);
  const delimiter = triple ? quote.repeat(3) : quote;
  let index = quoteIndex + delimiter.length;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (!triple && char === '\n') return index;
    if (text.startsWith(delimiter, index)) return index + delimiter.length;
    index++;
  }
  return undefined;
}

const scans = new WeakMap<object, TailState>();

/** `scanPython` memoised per parse tree, so detectors sharing a unit scan it once. */
export function scanPythonOnce(key: object, text: string): TailState {
  let scan = scans.get(key);
  if (!scan) {
    scan = scanPython(text);
    scans.set(key, scan);
  }
  return scan;
}
