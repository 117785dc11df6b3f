/**
 * The file model every check shares: one parse per Python unit. A `.py` file is one unit; a
 * Markdown file contributes one unit per fenced Python block, each knowing where it sits.
 */
import { parsePython, type SyntaxNode, type Tree } from './parser.js';
import { importTable, type ImportTable } from './names.js';
import { markdownPython } from './markdown-python.js';
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

type Placement = Pick<PythonUnit, 'lineOffset' | 'columnOffset' | 'origin' | 'isFinal' | 'fenceClosed' | 'assembledPath' | 'endsFile' | 'blockEnding' | 'answer'>;

/**
 * A unit parsed once up front (imports, suppressions, the parse budget); its tree lives in the
 * review's tree cache, or with the unit itself when there is no cache.
 */
class ParsedUnit implements PythonUnit {
  readonly language = 'python';
  readonly isTestFile: boolean;
  readonly imports: ImportTable;
  readonly lineOffset: number;
  readonly columnOffset: number;
  readonly origin: PythonUnit['origin'];
  readonly isFinal: boolean;
  readonly fenceClosed: boolean;
  readonly assembledPath: string | undefined;
  readonly endsFile: boolean;
  readonly blockEnding: PythonUnit['blockEnding'];
  readonly answer: PythonUnit['answer'];
  private readonly idBase: number;
  private readonly ownTree: Tree | undefined;

  /** The unit's code, or the file's stored text when the unit is the whole file (it may be deflated between reads). */
  private readonly source: string | StoredText;

  constructor(
    readonly path: string,
    text: string,
    placement: Placement,
    parseBudgetMs: number,
    private readonly cache: TreeCache | undefined,
    stored: StoredText | undefined,
  ) {
    ({ lineOffset: this.lineOffset, columnOffset: this.columnOffset, origin: this.origin, isFinal: this.isFinal, fenceClosed: this.fenceClosed } = placement);
    ({ assembledPath: this.assembledPath, endsFile: this.endsFile, blockEnding: this.blockEnding, answer: this.answer } = placement);
    this.source = stored ?? text;
    const tree = parsePython(text, parseBudgetMs);
    this.idBase = tree.idBase;
    // A block of an answer is test code when the answer places it in a test file.
    this.isTestFile = isTestPath(this.assembledPath ?? path);
    this.imports = importTable(tree.rootNode);
    if (cache) cache.put(this, tree);
    else this.ownTree = tree;
  }

  get text(): string {
    return typeof this.source === 'string' ? this.source : this.source.value;
  }

  get tree(): Tree {
    if (this.ownTree) return this.ownTree;
    const cache = this.cache as TreeCache;
    let tree = cache.get(this);
    if (!tree) {
      // The same text gives the same tree, and the same id base gives the same node ids.
      tree = parsePython(this.text, 0, this.idBase);
      cache.reparses++;
      cache.put(this, tree);
    }
    return tree;
  }

  get root(): SyntaxNode {
    return this.tree.rootNode;
  }
}

/**
 * Parses a file's text into its Python units (none for non-Python, non-Markdown files).
 * Throws ParseTimeoutError when a unit takes longer than `parseBudgetMs` (0: no limit).
 * With a tree cache, trees may be let go and parsed again when read.
 */
export function pythonUnitsOf(path: string, text: string, parseBudgetMs = 0, cache?: TreeCache, stored?: StoredText): PythonUnit[] {
  // A block's code is kept like the file's text: deflated between reads when the file's is.
  const makeUnit = (unitPath: string, code: string, placement: Placement, budget: number) => new ParsedUnit(unitPath, code, placement, budget, cache, stored?.sibling(code));
  const language = languageOf(path);
  if (language === 'python') {
    const placement: Placement = { lineOffset: 0, columnOffset: 0, origin: 'python-file', isFinal: true, fenceClosed: true, assembledPath: path, endsFile: true, blockEnding: undefined, answer: undefined };
    // `stored` holds this same text: the unit reads it from there, so it need not keep the string.
    return [new ParsedUnit(path, text, placement, parseBudgetMs, cache, stored)];
  }
  if (language === 'markdown') {
    const { blocks, answer } = markdownPython(text);
    return blocks.map((block, index) => {
      const isFinal = index === blocks.length - 1;
      return makeUnit(path, block.code, {
        lineOffset: block.lineOffset,
        columnOffset: block.columnOffset,
        origin: 'markdown-block',
        isFinal,
        fenceClosed: block.fenceClosed,
        assembledPath: block.file,
        endsFile: block.endsDocument,
        blockEnding: block.ending,
        answer: isFinal ? answer : undefined,
      }, parseBudgetMs);
    });
  }
  return [];
}

/** The import bindings of a Python unit. */
export function importsOf(unit: SourceUnit): ImportTable {
  return unit.imports;
}
