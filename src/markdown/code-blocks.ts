/**
 * Finds the fenced code blocks of a Markdown document as people (and models) actually write
 * them. Beyond CommonMark (markdown-it), two slips are common in model answers and are repaired
 * here, because CommonMark reads everything after them wrongly:
 * - a closing fence glued to the last code line (`})```): CommonMark keeps the block open until
 *   the next bare fence, which is usually the *end* of the next block;
 * - a block never closed, followed by another block's opening fence (```` ```bash ````): the
 *   opening fence cannot close a block, so CommonMark swallows it and pairs every later fence
 *   the wrong way round.
 * In both cases the block ends there and the rest of the document is read again from that line.
 * Language knowledge (where Python code stops and prose starts) lives with the Python
 * front-end (src/python/markdown-python.ts).
 */
import MarkdownIt from 'markdown-it';

export interface MarkdownCodeBlock {
  code: string;
  /** 0-based line of the block's first code line in the Markdown file. */
  lineOffset: number;
  /** Columns the block's lines are indented by in the file (fences inside list items). */
  columnOffset: number;
  /** False when the block has no closing fence of its own (the document, or another block's opening fence, ends it). */
  closed: boolean;
  /** The fence's language tag, lower-cased (`python`, `ts`...), '' for an untagged fence. */
  language: string;
  /** The fence itself (```` ``` ````, `~~~~`...). */
  markup: string;
  /**
   * How the block ends: its own fence line, a fence glued to its last code line, `'''` standing
   * for the fence, prose (the fence was forgotten), or nothing (the document, or another block's
   * opening fence, ends it).
   */
  ending: BlockEnding;
  /** 0-based line of the opening fence. */
  fenceLine: number;
  /** 0-based line just past the block (past its closing fence when it has one). */
  endLine: number;
  /**
   * For a Markdown block (a README in the answer): the 0-based line of a nested block's opening
   * fence still open where the block ends. The nested block's closing fence closed the outer
   * block early, and the rest of that file falls outside it.
   */
  nestedOpenLine?: number;
}

export type BlockEnding = 'fence' | 'glued-fence' | 'quotes' | 'prose' | 'none';

/**
 * Where a block's code stops although no fence says so, as only the block's language can tell
 * (prose after Python code, `'''` used as a fence): the 0-based code line where it stops.
 */
export type CodeEndFinder = (language: string, code: string, closed: boolean) => { line: number; kind: 'prose' | 'quotes' } | undefined;

const PYTHON_INFO = /^(python3?|py)$/;

/** The languages a front-end reads. */
export type CodeBlockLanguage = 'python' | 'typescript';

/**
 * `tsx` is not TypeScript here: its JSX grammar reads `<T>x` casts differently, and Pulumi
 * programs hold no JSX.
 */
const TYPESCRIPT_INFO = /^(typescript|ts)$/;
const markdown = new MarkdownIt();
// Fences are block tokens: inline parsing (super-linear in a paragraph's lines) is not needed.
markdown.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

/**
 * The engine counts lines as `\n` or `\r\n` (as tree-sitter counts rows), while CommonMark also
 * ends a line at a lone `\r`: markdown-it's own normalisation would number lines differently from
 * the rest of the engine and put every block after a lone `\r` on the wrong lines. Here a lone
 * `\r` stays inside its line, as a placeholder character given back in the extracted code.
 */
interface ExtractEnv {
  loneCarriageReturn: string;
}
markdown.core.ruler.at('normalize', (state) => {
  const placeholder = (state.env as Partial<ExtractEnv>).loneCarriageReturn ?? '\r';
  state.src = state.src.replace(/\r\n/g, '\n').replace(/\r/g, placeholder).replace(/\0/g, '\uFFFD');
});

/** A private-use character that does not occur in `text` (one pass: a search per candidate was 6,400 passes). */
function placeholderFor(text: string): string {
  const used = new Uint8Array(0xf8ff - 0xe000);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xe000 && code < 0xf8ff) used[code - 0xe000] = 1;
  }
  const free = used.indexOf(0);
  return free < 0 ? '\r' : String.fromCharCode(0xe000 + free);
}

/** The language a fence's info string names: its first word, lower-cased, without braces or a leading dot. */
export function fenceLanguage(info: string): string {
  const word = /^\{?\.?([^\s{}`,]*)/.exec(info.trim())?.[1] ?? '';
  return word.toLowerCase();
}

export function isPythonLanguage(language: string): boolean {
  return PYTHON_INFO.test(language);
}

export function isTypeScriptLanguage(language: string): boolean {
  return TYPESCRIPT_INFO.test(language);
}

/**
 * Every fenced block of the document, in order, with the repairs described above; `codeEnd`
 * adds the repairs only a language knows.
 */
export function extractCodeBlocks(text: string, codeEnd?: CodeEndFinder): MarkdownCodeBlock[] {
  const lines = text.split(/\r?\n/);
  const placeholder = text.includes('\r') ? placeholderFor(text) : '\r';
  const blocks: MarkdownCodeBlock[] = [];
  let from = 0;
  let window = FIRST_WINDOW;
  // Each pass reads a window of the document from `from`. A repaired block makes the next pass
  // start after it; a window that ends inside a block is read again twice as long. Reading the
  // whole rest of the document after every repair was quadratic (40,000 fences took a minute).
  while (from < lines.length) {
    const to = windowEnd(lines, from, window);
    const kept = blocks.length;
    const next = readBlocks(lines, from, to, placeholder, blocks, codeEnd);
    if (next === 'past-window') {
      blocks.length = kept;
      window *= 2;
    } else if (next !== undefined) {
      window = Math.max(FIRST_WINDOW, 2 * (next - from));
      from = next;
    } else {
      from = to;
      window *= 2;
    }
  }
  return blocks;
}

/** Lines in the first window, and after a repair. */
const FIRST_WINDOW = 16;

/**
 * Where a window from `from` ends: at or after `from + window`, preferably where a new top-level
 * block surely starts (a line at column 0 after a blank line), so that reading on from there is
 * reading on in the same document; the document's end once it is near.
 */
function windowEnd(lines: readonly string[], from: number, window: number): number {
  const earliest = from + window;
  if (earliest + window >= lines.length) return lines.length;
  for (let index = earliest; index < earliest + window; index++) {
    if ((lines[index - 1] as string).trim() === '' && /^[^\s]/.test(lines[index] as string)) return index;
  }
  return earliest;
}

/** Blocks tagged `python`/`py`: the Python code of the document. */
export function extractPythonBlocks(text: string): MarkdownCodeBlock[] {
  return extractCodeBlocks(text).filter((block) => isPythonLanguage(block.language));
}

/**
 * Reads blocks of lines `from` to `to`; returns the line to read again from when a block had to
 * be repaired, or 'past-window' when a block still open at `to` may go on after it.
 */
function readBlocks(lines: readonly string[], from: number, to: number, placeholder: string, blocks: MarkdownCodeBlock[], codeEnd: CodeEndFinder | undefined): number | 'past-window' | undefined {
  const env: ExtractEnv = { loneCarriageReturn: placeholder };
  const source = from === 0 && to === lines.length ? lines.join('\n') : lines.slice(from, to).join('\n');
  for (const token of markdown.parse(source, env)) {
    if (token.type !== 'fence' || !token.map) continue;
    const start = token.map[0] + from;
    const end = token.map[1] + from;
    const openLine = lines[start] ?? '';
    const language = fenceLanguage(token.info);
    const closed = isClosingFence(lines[end - 1], token.markup) && end - 1 > start;
    const content = placeholder === '\r' ? token.content : token.content.split(placeholder).join('\r');
    const codeLines = content === '' ? [] : content.replace(/\n$/, '').split('\n');
    const markdownBlock = language === 'markdown' || language === 'md';
    // The first repair within the window is the block's first (the lines after cannot move it).
    const repair = markdownBlock ? undefined : repairedEnd(codeLines, token.markup);
    // Blank lines at the window's end do not end a block (CommonMark leaves them out of the last one).
    if (!closed && !repair && to < lines.length && onlyBlankLines(lines, end, to)) return 'past-window';
    const block: MarkdownCodeBlock = {
      code: content,
      lineOffset: start + 1,
      columnOffset: openLine.length - openLine.trimStart().length,
      closed,
      language,
      markup: token.markup,
      ending: closed ? 'fence' : 'none',
      fenceLine: start,
      endLine: end,
    };
    blocks.push(block);
    if (markdownBlock && closed) {
      const nested = openNestedFence(codeLines, token.markup);
      if (nested !== undefined) block.nestedOpenLine = start + 1 + nested;
    }
    if (repair) {
      const glued = repair.kind === 'glued';
      block.code = codeUpTo(codeLines, repair.line, glued ? repair.lastLine : undefined);
      block.closed = glued;
      block.ending = glued ? 'glued-fence' : 'none';
      block.endLine = start + 1 + repair.line + (glued ? 1 : 0);
    }
    const stop = codeEnd?.(language, block.code, block.closed);
    if (stop) {
      block.code = codeUpTo(codeLines, stop.line, undefined);
      block.closed = stop.kind === 'quotes';
      block.ending = stop.kind;
      // The `'''` line stands for the closing fence; prose is read again as Markdown.
      block.endLine = start + 1 + stop.line + (stop.kind === 'quotes' ? 1 : 0);
    }
    if (repair || stop) return block.endLine;
  }
  return undefined;
}

function onlyBlankLines(lines: readonly string[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) if ((lines[index] as string).trim() !== '') return false;
  return true;
}

function codeUpTo(codeLines: readonly string[], line: number, lastLine: string | undefined): string {
  const kept = codeLines.slice(0, line);
  if (lastLine !== undefined) kept.push(lastLine);
  return kept.length ? `${kept.join('\n')}\n` : '';
}

type Repair = { kind: 'glued'; line: number; lastLine: string } | { kind: 'opening'; line: number };

/**
 * Where a block really ends when CommonMark would read past it: a code line that ends with the
 * block's own fence (`})```), or another block's opening fence (```` ```bash ````), which can only
 * mean this block was never closed.
 */
function repairedEnd(codeLines: readonly string[], markup: string): Repair | undefined {
  const marker = markup[0] === '~' ? '~' : '`';
  const glued = new RegExp(`^(.*[^${marker}\\s])[ \\t]*${marker}{${markup.length},}[ \\t]*$`);
  const opening = new RegExp(`^[ \\t]*${marker}{3,}[ \\t]*[A-Za-z{.]`);
  for (let index = 0; index < codeLines.length; index++) {
    const line = codeLines[index] as string;
    if (!line.includes(marker.repeat(3))) continue;
    if (opening.test(line)) return { kind: 'opening', line: index };
    const match = glued.exec(line);
    if (match) return { kind: 'glued', line: index, lastLine: match[1] as string };
  }
  return undefined;
}

/** The code line of a nested fence (same marker, at least as long as the outer one) still open at the end of a Markdown block. */
function openNestedFence(codeLines: readonly string[], markup: string): number | undefined {
  const marker = markup[0] === '~' ? '~' : '`';
  const fence = new RegExp(`^[ \\t]*(${marker}{3,})(.*)$`);
  let open: { line: number; length: number } | undefined;
  codeLines.forEach((line, index) => {
    const match = fence.exec(line);
    if (!match) return;
    const length = (match[1] as string).length;
    if (open === undefined) {
      if (length >= markup.length) open = { line: index, length };
    } else if (!(match[2] as string).trim() && length >= open.length) {
      open = undefined;
    }
  });
  return open?.line;
}

function isClosingFence(line: string | undefined, markup: string): boolean {
  if (line === undefined) return false;
  const trimmed = line.trim();
  const marker = markup[0] ?? '`';
  return trimmed.length >= markup.length && [...trimmed].every((char) => char === marker);
}
