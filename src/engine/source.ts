/**
 * The file model every check shares: one parse per Python unit. A `.py` file is one unit; a
 * Markdown file contributes one unit per fenced Python block, each knowing where it sits.
 */
import { parsePython, type SyntaxNode, type Tree } from '../python/parser.js';
import { importTable, type ImportTable } from '../python/names.js';
import { extractPythonBlocks } from './markdown.js';
import type { StoredText } from './stored-text.js';
import type { TreeCache } from './tree-cache.js';

export type Language = 'python' | 'markdown' | 'other';

export interface PythonUnit {
  /** Path of the containing file, relative to the reviewed root, with `/`. */
  path: string;
  text: string;
  /** The parse of `text`; may be parsed again on a later read (see tree-cache.ts), with the same node ids. */
  readonly tree: Tree;
  readonly root: SyntaxNode;
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

type Placement = Pick<PythonUnit, 'lineOffset' | 'columnOffset' | 'origin' | 'isFinal' | 'fenceClosed'>;

/**
 * A unit parsed once up front (imports, suppressions, the parse budget); its tree lives in the
 * review's tree cache, or with the unit itself when there is no cache.
 */
class ParsedUnit implements PythonUnit {
  readonly isTestFile: boolean;
  readonly imports: ImportTable;
  readonly lineOffset: number;
  readonly columnOffset: number;
  readonly origin: PythonUnit['origin'];
  readonly isFinal: boolean;
  readonly fenceClosed: boolean;
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
    this.source = stored ?? text;
    const tree = parsePython(text, parseBudgetMs);
    this.idBase = tree.idBase;
    this.isTestFile = isTestPath(path);
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
    // `stored` holds this same text: the unit reads it from there, so it need not keep the string.
    return [new ParsedUnit(path, text, { lineOffset: 0, columnOffset: 0, origin: 'python-file', isFinal: true, fenceClosed: true }, parseBudgetMs, cache, stored)];
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
