/**
 * Where Python code stops and Markdown prose starts, for code that no fence closes: a block
 * whose closing fence is missing, a block "closed" with `'''` instead of ```` ``` ````, or
 * Python pasted into an answer without any fence. Only lines where a new Python statement
 * could start are judged (not inside a bracket or a string), and only lines that cannot be
 * Python: a sentence, a list item, a table row or a horizontal rule.
 */
import { scanPython } from './lexical-scan.js';

export interface CodeEnd {
  /** 0-based line of the code where the prose (or the `'''` standing for a fence) starts. */
  line: number;
  kind: 'prose' | 'quotes';
}

/** Keywords and soft keywords a statement may start with, followed by a space and a word. */
const STATEMENT_WORDS = new Set([
  'and', 'as', 'assert', 'async', 'await', 'break', 'case', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'exec', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'match', 'nonlocal', 'not', 'or',
  'pass', 'print', 'raise', 'return', 'try', 'type', 'while', 'with', 'yield',
]);
const LIST_ITEM = /^([-*+]|\d{1,3}[.)])[ \t]+\S/;
const MARKDOWN_LINE = /^(\*\*|__)\S|^>[ \t]|^\|.*\|[ \t]*$|^(-{3,}|\*{3,}|_{3,}|={3,})[ \t]*$/;
const HEADING = /^#{1,6}[ \t]+\S/;
/** `Word word word...` : two words in a row where Python would need an operator between them. */
const SENTENCE = /^([A-Za-z][\w'’-]*)(:?)[ \t]+[A-Za-z`*"'(“][^=]*$/;
const FENCE_QUOTES = /^('''|""")[ \t]*$/;

/** True for a line at column 0 that is Markdown prose and cannot be a Python statement. */
export function isProseLine(line: string): boolean {
  if (LIST_ITEM.test(line) || MARKDOWN_LINE.test(line)) return true;
  const sentence = SENTENCE.exec(line);
  if (!sentence) return false;
  const first = sentence[1] as string;
  const second = /^\S+[ \t]+([A-Za-z]+)/.exec(line)?.[1] ?? '';
  // `x if y else z`, `a or b`: an expression statement; a sentence starts with a capital.
  if (STATEMENT_WORDS.has(first) || (/^[a-z]/.test(first) && STATEMENT_WORDS.has(second))) return false;
  // `name: type` is an annotation; prose needs at least three words after a colon.
  const words = line.trim().split(/\s+/).length;
  return sentence[2] === ':' ? words >= 4 : words >= 3;
}

function nextNonBlank(lines: readonly string[], row: number): string | undefined {
  for (let next = row + 1; next < lines.length; next++) {
    const line = lines[next] as string;
    if (line.trim()) return line;
  }
  return undefined;
}

/** Prose goes on after `row`: the next line is prose, a heading, or there is none. */
function proseFollows(lines: readonly string[], row: number): boolean {
  const next = nextNonBlank(lines, row);
  return next === undefined || isProseLine(next) || HEADING.test(next);
}

/** The first line of prose in `code`, moved back over a heading that introduces it. */
export function codeEnd(code: string): CodeEnd | undefined {
  const lines = code.split('\n');
  const rowStarts: number[] = [];
  for (let index = 0, row = 0; row < lines.length; row++) {
    rowStarts.push(index);
    index += (lines[row] as string).length + 1;
  }
  const startRows = new Map(rowStarts.map((start, row) => [start, row]));
  const scan = scanPython(code);
  for (const logical of scan.logicalLines) {
    const row = startRows.get(logical.start);
    if (row === undefined || row === 0) continue;
    const line = lines[row] as string;
    if (!isProseLine(line) || !proseFollows(lines, row)) continue;
    let start = row;
    while (start > 0 && HEADING.test(lines[start - 1] as string)) start--;
    const before = lines[start - 1];
    if (before === undefined || before.trim() === '' || start < row) return { line: start, kind: 'prose' };
  }
  return quotesAsFence(lines, startRows, scan.openStringAt);
}

/** `'''` alone on a line, opening a string that never closes, with prose after it: the model's closing fence. */
function quotesAsFence(lines: readonly string[], startRows: ReadonlyMap<number, number>, openStringAt: number | undefined): CodeEnd | undefined {
  const row = openStringAt === undefined ? undefined : startRows.get(openStringAt);
  if (row === undefined || row === 0 || !FENCE_QUOTES.test(lines[row] as string)) return undefined;
  const next = nextNonBlank(lines, row);
  return next !== undefined && (isProseLine(next) || HEADING.test(next)) ? { line: row, kind: 'quotes' } : undefined;
}
