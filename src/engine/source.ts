/**
 * The file model every check shares: one parse per Python unit. A `.py` file is one unit; a
 * Markdown file contributes one unit per fenced Python block, each knowing where it sits.
 */
import { parsePython, type SyntaxNode, type Tree } from '../python/parser.js';
import { importTable, type ImportTable } from '../python/names.js';
import { extractPythonBlocks } from './markdown.js';

export type Language = 'python' | 'markdown' | 'other';

export interface PythonUnit {
  /** Path of the containing file, relative to the reviewed root, with `/`. */
  path: string;
  text: string;
  tree: Tree;
  root: SyntaxNode;
  /** 0-based line of the containing file where this unit's first line sits. */
  lineOffset: number;
  /** Columns added to every position (indented Markdown fences). */
  columnOffset: number;
  origin: 'python-file' | 'markdown-block';
  /** The last unit of its file: end-of-file checks (truncation) look only here. */
  isFinal: boolean;
  /** A Markdown block whose closing fence is missing; always true for Python files. */
  fenceClosed: boolean;
  /** Test code (under test/ or tests/, or named test_*.py / *_test.py). */
  isTestFile: boolean;
  /** Local import bindings, computed once per unit. */
  imports: ImportTable;
}

export function languageOf(path: string): Language {
  const lower = path.toLowerCase();
  if (lower.endsWith('.py') || lower.endsWith('.pyi')) return 'python';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return 'other';
}

export function isTestPath(path: string): boolean {
  const base = path.split('/').pop() ?? path;
  return /(^|\/)tests?\//.test(path) || /^test_.*\.py$/.test(base) || /_test\.py$/.test(base) || base === 'conftest.py';
}

function makeUnit(
  path: string,
  text: string,
  placement: Pick<PythonUnit, 'lineOffset' | 'columnOffset' | 'origin' | 'isFinal' | 'fenceClosed'>,
  parseBudgetMs: number,
): PythonUnit {
  const tree = parsePython(text, parseBudgetMs);
  return { path, text, tree, root: tree.rootNode, isTestFile: isTestPath(path), imports: importTable(tree.rootNode), ...placement };
}

/**
 * Parses a file's text into its Python units (none for non-Python, non-Markdown files).
 * Throws ParseTimeoutError when a unit takes longer than `parseBudgetMs` (0: no limit).
 */
export function pythonUnitsOf(path: string, text: string, parseBudgetMs = 0): PythonUnit[] {
  const language = languageOf(path);
  if (language === 'python') {
    return [makeUnit(path, text, { lineOffset: 0, columnOffset: 0, origin: 'python-file', isFinal: true, fenceClosed: true }, parseBudgetMs)];
  }
  if (language === 'markdown') {
    const blocks = extractPythonBlocks(text);
    return blocks.map((block, index) =>
      makeUnit(path, block.code, {
        lineOffset: block.lineOffset,
        columnOffset: block.columnOffset,
        origin: 'markdown-block',
        isFinal: index === blocks.length - 1,
        fenceClosed: block.closed,
      }, parseBudgetMs),
    );
  }
  return [];
}
