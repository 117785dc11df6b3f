/**
 * The file model every check shares: one parse per Python unit. A `.py` file is one unit; a
 * Markdown file contributes one unit per Python block (src/python/markdown-python.ts), each
 * knowing where it sits and which file of the answer it belongs to.
 */
import { parsePython } from './parser.js';
import { importTable, type ImportTable } from './names.js';
import { markdownPython, type PythonBlock } from './markdown-python.js';
import { ParsedSourceUnit, wholeFilePlacement, type Placement } from '../syntax/parsed-unit.js';
import type { StoredText } from '../syntax/stored-text.js';
import type { TreeCache } from '../syntax/tree-cache.js';
import { languageOf, type AnswerFacts, type SourceUnit } from '../syntax/source-unit.js';

export { languageOf, type Language } from '../syntax/source-unit.js';

/** A Python unit: a source unit whose import bindings are Python's. */
export type PythonUnit = SourceUnit;

export function isTestPath(path: string): boolean {
  const base = path.split('/').pop() ?? path;
  return /(^|\/)tests?\//.test(path) || /^test_.*\.py$/.test(base) || /_test\.py$/.test(base) || base === 'conftest.py';
}

const PYTHON = { language: 'python', parse: parsePython, importsOf: importTable } as const;

/**
 * One Python unit of a file: the whole `.py` file, or one Markdown block (`placement`).
 * `stored` holds the unit's code when given. Throws ParseTimeoutError when parsing takes
 * longer than `parseBudgetMs` (0: no limit).
 */
export function pythonUnit(path: string, code: string, placement: Placement, parseBudgetMs = 0, cache?: TreeCache, stored?: StoredText): PythonUnit {
  // A block of an answer is test code when the answer places it in a test file.
  const isTestFile = isTestPath(placement.assembledPath ?? path);
  return new ParsedSourceUnit(PYTHON, path, code, placement, isTestFile, parseBudgetMs, cache, stored);
}

/** Where a Python block of a Markdown answer sits (`answer` only on the file's final unit). */
export function pythonBlockPlacement(block: PythonBlock, isFinal: boolean, answer: AnswerFacts | undefined): Placement {
  return {
    lineOffset: block.lineOffset,
    columnOffset: block.columnOffset,
    origin: 'markdown-block',
    isFinal,
    fenceClosed: block.fenceClosed,
    assembledPath: block.file,
    endsFile: block.endsDocument,
    blockEnding: block.ending,
    answer: isFinal ? answer : undefined,
  };
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
    return [pythonUnit(path, text, wholeFilePlacement(path, 'python-file'), parseBudgetMs, cache, stored)];
  }
  if (language === 'markdown') {
    const { blocks, answer } = markdownPython(text);
    // A block's code is kept like the file's text: deflated between reads when the file's is.
    return blocks.map((block, index) =>
      pythonUnit(path, block.code, pythonBlockPlacement(block, index === blocks.length - 1, answer), parseBudgetMs, cache, stored?.sibling(block.code)),
    );
  }
  return [];
}

/** The import bindings of a Python unit. */
export function importsOf(unit: SourceUnit): ImportTable {
  return unit.imports;
}
