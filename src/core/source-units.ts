/**
 * From a file to its source units, by language: `.py` files go to the Python front-end, `.ts`
 * files to the TypeScript one, and a Markdown answer gives one unit per block a front-end reads
 * (Python blocks as src/python/markdown-python.ts finds them, ```typescript/```ts blocks), in
 * document order; its last unit is the file's final unit, whatever its language (an answer is cut
 * off in its last block) and carries the facts about the whole answer.
 */
import { isTypeScriptLanguage, type MarkdownCodeBlock } from '../markdown/code-blocks.js';
import { namedFile } from '../markdown/block-files.js';
import { endsDocument, markdownPython } from '../python/markdown-python.js';
import { pythonBlockPlacement, pythonUnit } from '../python/units.js';
import { wholeFilePlacement, type Placement } from '../syntax/parsed-unit.js';
import { languageOf, type AnswerFacts, type SourceUnit } from '../syntax/source-unit.js';
import type { StoredText } from '../syntax/stored-text.js';
import type { TreeCache } from '../syntax/tree-cache.js';
import { isSymlinkText } from './symlink-text.js';
import { typeScriptUnit } from '../typescript/units.js';

/** Files a TypeScript block may name that are TypeScript (not `package.json` under a ```ts fence). */
const TYPESCRIPT_FILE = /\.[mc]?ts$/;

/** A block about to become a unit: where it starts, and how to make it once its placement is final. */
interface PendingUnit {
  lineOffset: number;
  make(isFinal: boolean, answer: AnswerFacts | undefined): SourceUnit;
}

/**
 * Parses a file's text into its units (none for files no front-end reads). Throws
 * ParseTimeoutError when a unit takes longer than `parseBudgetMs` (0: no limit). With a tree
 * cache, trees may be let go and parsed again when read.
 */
export function unitsOf(path: string, text: string, parseBudgetMs = 0, cache?: TreeCache, stored?: StoredText): SourceUnit[] {
  const language = languageOf(path);
  // A link stored as its target's path holds no code of its own (the target is reviewed as itself).
  if (language !== 'markdown' && isSymlinkText(text)) return [];
  // `stored` holds this same text: the unit reads it from there, so it need not keep the string.
  if (language === 'python') return [pythonUnit(path, text, wholeFilePlacement(path, 'python-file'), parseBudgetMs, cache, stored)];
  if (language === 'typescript') return [typeScriptUnit(path, text, wholeFilePlacement(path, 'typescript-file'), parseBudgetMs, cache, stored)];
  if (language !== 'markdown') return [];

  const { blocks: pythonBlocks, answer, fenced } = markdownPython(text);
  // A block's code is kept like the file's text: deflated between reads when the file's is.
  const pending: PendingUnit[] = pythonBlocks.map((block) => ({
    lineOffset: block.lineOffset,
    make: (isFinal, facts) => pythonUnit(path, block.code, pythonBlockPlacement(block, isFinal, facts), parseBudgetMs, cache, stored?.sibling(block.code)),
  }));
  const lines = text.split(/\r?\n/);
  fenced.forEach((block, index) => {
    if (!isTypeScriptLanguage(block.language)) return;
    const file = namedFile(lines, block.fenceLine, block.code.split('\n', 1)[0], fenced[index - 1]?.endLine ?? 0);
    if (file && !TYPESCRIPT_FILE.test(file)) return;
    pending.push({
      lineOffset: block.lineOffset,
      make: (isFinal, facts) => typeScriptUnit(path, block.code, typeScriptBlockPlacement(block, lines, file, isFinal, facts), parseBudgetMs, cache, stored?.sibling(block.code)),
    });
  });
  pending.sort((a, b) => a.lineOffset - b.lineOffset);
  return pending.map((unit, index) => {
    const isFinal = index === pending.length - 1;
    return unit.make(isFinal, isFinal ? answer : undefined);
  });
}

function typeScriptBlockPlacement(block: MarkdownCodeBlock, lines: readonly string[], file: string | undefined, isFinal: boolean, answer: AnswerFacts | undefined): Placement {
  return {
    lineOffset: block.lineOffset,
    columnOffset: block.columnOffset,
    origin: 'markdown-block',
    isFinal,
    fenceClosed: block.closed,
    assembledPath: file,
    endsFile: endsDocument(lines, block.endLine),
    blockEnding: block.ending,
    answer,
  };
}
