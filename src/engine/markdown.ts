/**
 * Finds the Python code in a Markdown document. Model answers arrive as Markdown, so fenced
 * blocks tagged `python`/`py` are analysed as Python with positions mapped back to the
 * Markdown file's own lines.
 */
import MarkdownIt from 'markdown-it';

export interface MarkdownCodeBlock {
  code: string;
  /** 0-based line of the block's first code line in the Markdown file. */
  lineOffset: number;
  /** Columns the block's lines are indented by in the file (fences inside list items). */
  columnOffset: number;
  /** False when the document ends before the closing fence. */
  closed: boolean;
}

const PYTHON_INFO = /^(python3?|py)\b/i;
const markdown = new MarkdownIt();

export function extractPythonBlocks(text: string): MarkdownCodeBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: MarkdownCodeBlock[] = [];
  for (const token of markdown.parse(text, {})) {
    if (token.type !== 'fence' || !token.map || !PYTHON_INFO.test(token.info.trim())) continue;
    const [start, end] = token.map;
    const openLine = lines[start] ?? '';
    const indent = openLine.length - openLine.trimStart().length;
    blocks.push({
      code: token.content,
      lineOffset: start + 1,
      columnOffset: indent,
      closed: isClosingFence(lines[end - 1], token.markup) && end - 1 > start,
    });
  }
  return blocks;
}

function isClosingFence(line: string | undefined, markup: string): boolean {
  if (line === undefined) return false;
  const trimmed = line.trim();
  const marker = markup[0] ?? '`';
  return trimmed.length >= markup.length && [...trimmed].every((char) => char === marker);
}
