/**
 * A source unit parsed once up front (imports, suppressions, the parse budget), whatever its
 * language: the front-ends (src/python/units.ts, src/typescript/units.ts) extend it with what
 * only their language has. Its tree lives in the review's tree cache, or with the unit itself
 * when there is no cache, and is parsed again (with the same node ids) when the cache let it go.
 */
import type { SyntaxNode, Tree } from './flat-tree.js';
import type { ParseFunction } from './parse.js';
import type { SourceUnit } from './source-unit.js';
import type { StoredText } from './stored-text.js';
import type { TreeCache } from './tree-cache.js';

/** Where a unit sits in its file. */
export type Placement = Pick<SourceUnit, 'lineOffset' | 'columnOffset' | 'origin' | 'isFinal' | 'fenceClosed' | 'assembledPath' | 'endsFile' | 'blockEnding' | 'answer'>;

/** The placement of a whole source file as its one unit. */
export function wholeFilePlacement(path: string, origin: Placement['origin']): Placement {
  return { lineOffset: 0, columnOffset: 0, origin, isFinal: true, fenceClosed: true, assembledPath: path, endsFile: true, blockEnding: undefined, answer: undefined };
}

/** What a front-end gives every unit it makes: its language, its parser and its import bindings. */
export interface FrontEnd {
  language: SourceUnit['language'];
  parse: ParseFunction;
  /** The unit's import bindings, read once from its tree (strings copied: they outlive the tree). */
  importsOf(root: SyntaxNode): ReadonlyMap<string, string>;
}

export class ParsedSourceUnit implements SourceUnit {
  readonly language: SourceUnit['language'];
  readonly imports: ReadonlyMap<string, string>;
  readonly lineOffset: number;
  readonly columnOffset: number;
  readonly origin: SourceUnit['origin'];
  readonly isFinal: boolean;
  readonly fenceClosed: boolean;
  readonly assembledPath: string | undefined;
  readonly endsFile: boolean;
  readonly blockEnding: SourceUnit['blockEnding'];
  readonly answer: SourceUnit['answer'];
  private readonly idBase: number;
  private readonly ownTree: Tree | undefined;
  /** The unit's code, or the file's stored text when the unit is the whole file (it may be deflated between reads). */
  private readonly source: string | StoredText;

  private readonly parse: ParseFunction;

  /** Parses `text` within `parseBudgetMs`; throws what `parse` throws (ParseTimeoutError). */
  constructor(
    frontEnd: FrontEnd,
    readonly path: string,
    text: string,
    placement: Placement,
    readonly isTestFile: boolean,
    parseBudgetMs: number,
    private readonly cache: TreeCache | undefined,
    stored: StoredText | undefined,
  ) {
    ({ lineOffset: this.lineOffset, columnOffset: this.columnOffset, origin: this.origin, isFinal: this.isFinal, fenceClosed: this.fenceClosed } = placement);
    ({ assembledPath: this.assembledPath, endsFile: this.endsFile, blockEnding: this.blockEnding, answer: this.answer } = placement);
    this.language = frontEnd.language;
    this.parse = frontEnd.parse;
    this.source = stored ?? text;
    const tree = this.parse(text, parseBudgetMs);
    this.idBase = tree.idBase;
    this.imports = frontEnd.importsOf(tree.rootNode);
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
      tree = this.parse(this.text, 0, this.idBase);
      cache.reparses++;
      cache.put(this, tree);
    }
    return tree;
  }

  get root(): SyntaxNode {
    return this.tree.rootNode;
  }
}
