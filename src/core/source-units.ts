/**
 * From a file to its source units, by language: `.py` files go to the Python front-end, `.ts`
 * files to the TypeScript one, and a Markdown answer gives one unit per fenced block in a
 * language a front-end reads, in document order (its last block is the file's final unit,
 * whatever its language: an answer is cut off in its last block).
 */
import { extractCodeBlocks, type CodeBlockLanguage } from '../markdown/code-blocks.js';
import { pythonUnit } from '../python/units.js';
import type { Placement } from '../syntax/parsed-unit.js';
import { languageOf, type SourceUnit } from '../syntax/source-unit.js';
import type { StoredText } from '../syntax/stored-text.js';
import type { TreeCache } from '../syntax/tree-cache.js';
import { typeScriptUnit } from '../typescript/units.js';

type UnitMaker = (path: string, code: string, placement: Placement, parseBudgetMs: number, cache?: TreeCache, stored?: StoredText) => SourceUnit;

const FRONT_ENDS: Record<CodeBlockLanguage, { make: UnitMaker; fileOrigin: Placement['origin'] }> = {
  python: { make: pythonUnit, fileOrigin: 'python-file' },
  typescript: { make: typeScriptUnit, fileOrigin: 'typescript-file' },
};

/**
 * Parses a file's text into its units (none for files no front-end reads). Throws
 * ParseTimeoutError when a unit takes longer than `parseBudgetMs` (0: no limit). With a tree
 * cache, trees may be let go and parsed again when read.
 */
export function unitsOf(path: string, text: string, parseBudgetMs = 0, cache?: TreeCache, stored?: StoredText): SourceUnit[] {
  const language = languageOf(path);
  if (language === 'python' || language === 'typescript') {
    const { make, fileOrigin } = FRONT_ENDS[language];
    // `stored` holds this same text: the unit reads it from there, so it need not keep the string.
    return [make(path, text, { lineOffset: 0, columnOffset: 0, origin: fileOrigin, isFinal: true, fenceClosed: true }, parseBudgetMs, cache, stored)];
  }
  if (language !== 'markdown') return [];
  const blocks = extractCodeBlocks(text);
  // A block's code is kept like the file's text: deflated between reads when the file's is.
  return blocks.map((block, index) =>
    FRONT_ENDS[block.language].make(path, block.code, {
      lineOffset: block.lineOffset,
      columnOffset: block.columnOffset,
      origin: 'markdown-block',
      isFinal: index === blocks.length - 1,
      fenceClosed: block.closed,
    }, parseBudgetMs, cache, stored?.sibling(block.code)),
  );
}
