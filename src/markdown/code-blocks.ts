/**
 * Finds the code in a Markdown document. Model answers arrive as Markdown, so fenced blocks
 * tagged `python`/`py` are analysed as Python, and `typescript`/`ts` as TypeScript, with
 * positions mapped back to the Markdown file's own lines.
 */
import MarkdownIt from 'markdown-it';

export interface MarkdownCodeBlock {
  /** The front-end the fence's info string names. */
  language: CodeBlockLanguage;
  code: string;
  /** 0-based line of the block's first code line in the Markdown file. */
  lineOffset: number;
  /** Columns the block's lines are indented by in the file (fences inside list items). */
  columnOffset: number;
  /** False when the document ends before the closing fence. */
  closed: boolean;
}

export type CodeBlockLanguage = 'python' | 'typescript';

/**
 * Info strings per language. `tsx` is not TypeScript here: its JSX grammar reads `<T>x` casts
 * differently, and Pulumi programs hold no JSX.
 */
const INFO: readonly [CodeBlockLanguage, RegExp][] = [
  ['python', /^(python3?|py)\b/i],
  ['typescript', /^(typescript|ts)\b/i],
];
const markdown = new MarkdownIt();

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

/** A private-use character that does not occur in `text`. */
function placeholderFor(text: string): string {
  for (let code = 0xe000; code < 0xf8ff; code++) {
    const candidate = String.fromCharCode(code);
    if (!text.includes(candidate)) return candidate;
  }
  return '\r';
}

/** The fenced blocks of `text` in a language a front-end reads, in document order. */
export function extractCodeBlocks(text: string): MarkdownCodeBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: MarkdownCodeBlock[] = [];
  const placeholder = text.includes('\r') ? placeholderFor(text) : '\r';
  const env: ExtractEnv = { loneCarriageReturn: placeholder };
  for (const token of markdown.parse(text, env)) {
    const info = token.info.trim();
    const language = INFO.find(([, pattern]) => pattern.test(info))?.[0];
    if (token.type !== 'fence' || !token.map || !language) continue;
    const [start, end] = token.map;
    const openLine = lines[start] ?? '';
    const indent = openLine.length - openLine.trimStart().length;
    blocks.push({
      language,
      code: placeholder === '\r' ? token.content : token.content.split(placeholder).join('\r'),
      lineOffset: start + 1,
      columnOffset: indent,
      closed: isClosingFence(lines[end - 1], token.markup) && end - 1 > start,
    });
  }
  return blocks;
}

export function extractPythonBlocks(text: string): MarkdownCodeBlock[] {
  return extractCodeBlocks(text).filter((block) => block.language === 'python');
}

function isClosingFence(line: string | undefined, markup: string): boolean {
  if (line === undefined) return false;
  const trimmed = line.trim();
  const marker = markup[0] ?? '`';
  return trimmed.length >= markup.length && [...trimmed].every((char) => char === marker);
}
