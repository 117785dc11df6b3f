/**
 * The Python code of a Markdown answer, read the way people write answers: blocks tagged
 * `python`/`py` (and untagged blocks that plainly start a Python module), each knowing the file
 * it belongs to and how it ends; Python pasted without any fence when the answer is plainly
 * code; blocks shown as the wrong way to do something left out. Fence repairs are in
 * src/markdown/code-blocks.ts, file names in src/markdown/block-files.ts.
 */
import { extractCodeBlocks, isPythonLanguage, type BlockEnding, type MarkdownCodeBlock } from '../markdown/code-blocks.js';
import { namedFile } from '../markdown/block-files.js';
import { codeEnd, isProseLine, type CodeEnd } from './code-extent.js';
import type { AnswerFacts } from '../syntax/source-unit.js';

export interface PythonBlock {
  code: string;
  /** 0-based line of the first code line in the Markdown file. */
  lineOffset: number;
  columnOffset: number;
  /** The block has a closing fence of its own (or a glued one, or `'''` standing for one). */
  fenceClosed: boolean;
  /** How the block ends; `unfenced` for Python outside any fence. */
  ending: BlockEnding | 'unfenced';
  /** Only blank lines follow the block: an answer cut off ends here. */
  endsDocument: boolean;
  /** The file of the answer the block belongs to, when the answer names it. */
  file: string | undefined;
}

export interface MarkdownPython {
  blocks: PythonBlock[];
  answer: AnswerFacts;
  /** Every fenced block of the answer as read with Python's repairs (other front-ends take theirs from here). */
  fenced: MarkdownCodeBlock[];
}

/** The first line of an untagged block (or of unfenced text) that starts a Python module. */
const MODULE_START = /^(import [A-Za-z_]|from [\w.]+ import |"""|'''|#!.*python)/;
/** Statements at column 0 that only Python code has. */
const PYTHON_STATEMENT = /^(import [A-Za-z_]|from [\w.]+ import |def \w+\(|class \w+[(:]|@\w|[A-Za-z_][\w.]*(\[[^\]]*\])?\s*(=|\+=)[^=])/;
/** A first comment or a label line that presents the block as the wrong way to do it. */
const COUNTER_EXAMPLE_COMMENT = /^\s*#\s*(❌|WRONG|INCORRECT|BAD\b|BEFORE\b|DON'?T\b|ANTI-?PATTERN)/i;
// One `\s*` per gap: `\s*:?\s*(?:\*\*)?\s*$` took 12 s on a label followed by 500 spaces.
const COUNTER_EXAMPLE_LABEL = /^\s*(?:[-*]\s+)?(?:\*\*|__)?[^\n]{0,40}\b(wrong|incorrect|anti-?pattern|example problem|before\b|don'?t)\b[^\n]{0,30}(?:\*\*|__)?\s*(?::\s*)?(?:\*\*\s*)?$/i;
/** Files a Python-tagged block may name that are not Python (`requirements.txt` under a ```python fence). */
const PYTHON_FILE = /\.pyi?$/;

/** Prose after Python code that no fence closed (or that `'''` closed) ends the block. */
function pythonCodeEnd(language: string, code: string, closed: boolean): CodeEnd | undefined {
  if (!isPythonLanguage(language)) return undefined;
  const end = codeEnd(code);
  // A block with its own closing fence keeps code that comes after a stray sentence.
  if (!end || (closed && codeAfter(code, end.line))) return undefined;
  return end;
}

function codeAfter(code: string, line: number): boolean {
  return code.split('\n').slice(line + 1).some((text) => PYTHON_STATEMENT.test(text));
}

function isPythonBlock(block: MarkdownCodeBlock): boolean {
  if (isPythonLanguage(block.language)) return true;
  if (block.language !== '') return false;
  const first = block.code.split('\n').find((line) => line.trim());
  return first !== undefined && MODULE_START.test(first);
}

function isCounterExample(lines: readonly string[], block: MarkdownCodeBlock): boolean {
  const first = block.code.split('\n').find((line) => line.trim()) ?? '';
  if (COUNTER_EXAMPLE_COMMENT.test(first)) return true;
  for (let row = block.fenceLine - 1; row >= 0 && row >= block.fenceLine - 2; row--) {
    const line = lines[row] ?? '';
    if (line.trim()) return COUNTER_EXAMPLE_LABEL.test(line);
  }
  return false;
}

export function endsDocument(lines: readonly string[], endLine: number): boolean {
  for (let row = endLine; row < lines.length; row++) if ((lines[row] ?? '').trim()) return false;
  return true;
}

export function markdownPython(text: string): MarkdownPython {
  const lines = text.split(/\r?\n/);
  const fenced = extractCodeBlocks(text, pythonCodeEnd);
  const blocks: PythonBlock[] = [];
  let previousEnd = 0;
  for (const block of fenced) {
    const since = previousEnd;
    previousEnd = block.endLine;
    if (!isPythonBlock(block) || isCounterExample(lines, block)) continue;
    const file = namedFile(lines, block.fenceLine, block.code.split('\n', 1)[0], since);
    if (file && !PYTHON_FILE.test(file)) continue;
    blocks.push({
      code: block.code,
      lineOffset: block.lineOffset,
      columnOffset: block.columnOffset,
      fenceClosed: block.closed,
      ending: block.ending,
      endsDocument: endsDocument(lines, block.endLine),
      file,
    });
  }
  if (!fenced.some((block) => isPythonBlock(block))) for (const block of unfencedPython(lines, fenced)) blocks.push(block);
  return { blocks, answer: answerFacts(lines, fenced), fenced };
}

function answerFacts(lines: readonly string[], fenced: readonly MarkdownCodeBlock[]): AnswerFacts {
  const nestedCuts = fenced.flatMap((block, index) =>
    block.nestedOpenLine === undefined
      ? []
      : [{ language: block.language, file: namedFile(lines, block.fenceLine, undefined, fenced[index - 1]?.endLine ?? 0), fenceLine: block.fenceLine, innerFenceLine: block.nestedOpenLine, closingLine: block.endLine - 1 }],
  );
  const last = fenced[fenced.length - 1];
  const lastLine = last?.code.trimEnd().split('\n').pop() ?? '';
  // A block left open at the end holding prose is the leftover of fences paired the wrong way, not a cut.
  const cut = last && !last.closed && endsDocument(lines, last.endLine) && !isPythonBlock(last) && last.code.trim() && !isProseLine(lastLine.trim());
  const unclosedTail = cut ? { language: last.language || 'untagged', fenceLine: last.fenceLine, endLine: last.lineOffset + last.code.trimEnd().split('\n').length - 1 } : undefined;
  return { unclosedTail, nestedCuts };
}

/**
 * Python outside any fence, in an answer that is plainly code: between fences (or in an
 * answer without any), text that starts like a module (imports, a docstring, a shebang) and
 * holds a few statements only Python has; it runs until prose or the next fence.
 */
function unfencedPython(lines: readonly string[], fenced: readonly MarkdownCodeBlock[]): PythonBlock[] {
  const found: PythonBlock[] = [];
  const gaps: [number, number][] = [];
  let from = 0;
  for (const block of fenced) {
    gaps.push([from, block.fenceLine]);
    from = block.endLine;
  }
  gaps.push([from, lines.length]);
  for (const [gapStart, gapEnd] of gaps) {
    const start = lines.slice(gapStart, gapEnd).findIndex((line) => MODULE_START.test(line));
    if (start < 0) continue;
    const first = gapStart + start;
    const candidate = lines.slice(first, gapEnd);
    if (candidate.filter((line) => PYTHON_STATEMENT.test(line)).length < 3) continue;
    const end = codeEnd(candidate.join('\n'));
    const code = candidate.slice(0, end ? end.line : candidate.length);
    const endLine = first + code.length;
    found.push({
      // NUL becomes U+FFFD as in fenced code (markdown-it's normalisation).
      code: `${code.join('\n')}\n`.replace(/\0/g, '\uFFFD'),
      lineOffset: first,
      columnOffset: 0,
      fenceClosed: true,
      ending: 'unfenced',
      endsDocument: endsDocument(lines, endLine),
      file: namedFile(lines, first, code[0], gapStart),
    });
  }
  return found;
}
