/**
 * The file model every check shares: one parse per Python unit. A `.py` file is one unit; a
 * Markdown file contributes one unit per fenced Python block, each knowing where it sits.
 */
import { parsePython } from './parser.js';
import { importTable, type ImportTable } from './names.js';
import { extractPythonBlocks } from '../markdown/code-blocks.js';
import { ParsedSourceUnit, type Placement } from '../syntax/parsed-unit.js';
import type { StoredText } from '../syntax/stored-text.js';
import type { TreeCache } from '../syntax/tree-cache.js';
import { languageOf, type SourceUnit } from '../syntax/source-unit.js';

export { languageOf, type Language } from '../syntax/source-unit.js';

/** A Python unit: a source unit whose import bindings are Python's. */
export type PythonUnit = SourceUnit;

export function isTestPath(path: string): boolean {
  const base = path.split('/').pop() ?? path;
  return /(^|\/)tests?\//.test(path) || /^test_.*\.py$/.test(base) || /_test\.py$/.test(base) || base === 'conftest.py';
}

/**
 * One Python unit of a file: the whole `.py` file, or one Markdown block (`placement`).
 * `stored` holds the unit's code when given. Throws ParseTimeoutError when parsing takes
 * longer than `parseBudgetMs` (0: no limit).
 */
export function pythonUnit(path: string, code: string, placement: Placement, parseBudgetMs = 0, cache?: TreeCache, stored?: StoredText): PythonUnit {
  return new ParsedSourceUnit({ language: 'python', parse: parsePython, importsOf: importTable }, path, code, placement, isTestPath(path), parseBudgetMs, cache, stored);
}

/**
 * Parses a file's text into its Python units (none for non-Python, non-Markdown files).
 * Throws ParseTimeoutError when a unit takes longer than `parseBudgetMs` (0: no limit).
 * With a tree cache, trees may be let go and parsed again when read.
 */
export function pythonUnitsOf(path: string, text: string, parseBudgetMs = 0, cache?: TreeCache, stored?: StoredText): PythonUnit[] {
  const language = languageOf(path);
  if (language === 'python') {
    // `stored` holds this same text: the unit reads it from there, so it need not keep the string.
    return [pythonUnit(path, text, { lineOffset: 0, columnOffset: 0, origin: 'python-file', isFinal: true, fenceClosed: true }, parseBudgetMs, cache, stored)];
  }
  if (language === 'markdown') {
    const blocks = extractPythonBlocks(text);
    // A block's code is kept like the file's text: deflated between reads when the file's is.
    return blocks.map((block, index) =>
      pythonUnit(path, block.code, {
        lineOffset: block.lineOffset,
        columnOffset: block.columnOffset,
        origin: 'markdown-block',
        isFinal: index === blocks.length - 1,
        fenceClosed: block.closed,
      }, parseBudgetMs, cache, stored?.sibling(block.code)),
    );
  }
  return [];
}

/** The import bindings of a Python unit. */
export function importsOf(unit: SourceUnit): ImportTable {
  return unit.imports;
}
