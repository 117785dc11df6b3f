/**
 * A parsed Python file as one Int32Array (written by the native addon in src/native/), with
 * node objects (flat-node.ts) made on demand. The API is the subset of node-tree-sitter's
 * `SyntaxNode` the detectors use, with the same meanings, so rules read like ordinary
 * tree-sitter code.
 *
 * Records are in pre-order, so a node's subtree is the contiguous range of records from its own
 * to `subtreeEnd`: children, siblings and "descendants of type" are index arithmetic, not native
 * calls. Offsets and columns are in UTF-16 code units (JavaScript string indices).
 */
import type { Point } from './positions.js';
import { FlatNode } from './flat-node.js';
import { END, lineStartsOf, lowerBound, START, STRIDE, SYMBOL } from './flat-records.js';
import type { GrammarNames } from './grammar-names.js';

/** Node ids are unique across trees, as in tree-sitter (detectors key maps by them). */
let nextIdBase = 1;

export class FlatTree {
  readonly rootNode: FlatNode;
  readonly nodeCount: number;
  /** Id of the root; node ids are `idBase + record index`. */
  readonly idBase: number;
  /** Node objects made so far (one per record, so identity holds); dropped by `compact`. */
  private nodes: (FlatNode | undefined)[] | undefined;
  /** Per node, its dense type number. */
  private readonly types: Uint16Array;
  /** Node indices grouped by type number, each group in document order (built on first query)... */
  private byType: Int32Array | undefined;
  /** ...and where each type's group starts in it (one more entry than there are types). */
  private typeStarts: Int32Array | undefined;
  private lineStarts: Int32Array | undefined;
  private readonly memos = new Map<string, unknown[]>();

  constructor(
    readonly text: string,
    readonly records: Int32Array,
    readonly grammar: GrammarNames,
    idBase?: number,
  ) {
    this.nodeCount = records.length / STRIDE;
    if (idBase === undefined) {
      this.idBase = nextIdBase;
      nextIdBase += this.nodeCount;
    } else {
      this.idBase = idBase;
    }
    this.types = grammar.typeNumbers(records, STRIDE, SYMBOL);
    this.rootNode = this.node(0);
  }

  /** The node object for a record, one per record (identity holds: `a === b` for the same node). */
  node(index: number): FlatNode {
    if (index === 0 && this.rootNode) return this.rootNode;
    const nodes = (this.nodes ??= new Array<FlatNode | undefined>(this.nodeCount));
    let node = nodes[index];
    if (!node) {
      node = new FlatNode(this, index);
      nodes[index] = node;
    }
    return node;
  }

  /** Row and column (UTF-16 code units) of a text offset; rows break at `\n` only, as in tree-sitter. */
  pointAt(offset: number): Point {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { row: low, column: offset - (starts[low] as number) };
  }

  /**
   * Lets go of everything derived from the records (node objects, type index, memo tables), as
   * if the tree had been parsed again: a tree kept for later costs its records and types only.
   * Node objects handed out before stay valid; new reads make new ones, with the same ids.
   */
  compact(): void {
    this.nodes = undefined;
    this.byType = undefined;
    this.typeStarts = undefined;
    this.memos.clear();
  }

  /** Bytes the tree holds when compact: its records and its per-node types. */
  get compactBytes(): number {
    return this.records.byteLength + this.types.byteLength;
  }

  /**
   * A per-tree memo table indexed by node index, for facts helpers derive from a node (its
   * callee, its arguments...): cheaper than a WeakMap keyed by node, and gone with the tree.
   */
  memo<T>(name: string): (T | undefined)[] {
    let table = this.memos.get(name);
    if (!table) {
      table = [];
      this.memos.set(name, table);
    }
    return table as (T | undefined)[];
  }

  /** `compute()` for the node at `index`, once per tree: the answer (even undefined) is kept in the `name` memo table. */
  remember<T>(name: string, index: number, compute: () => T): T {
    const table = this.memo<T>(name);
    if (index in table) return table[index] as T;
    const value = compute();
    table[index] = value;
    return value;
  }

  idOf(index: number): number {
    return this.idBase + index;
  }

  read(index: number, field: number): number {
    return this.records[index * STRIDE + field] as number;
  }

  typeNumberAt(index: number): number {
    return this.types[index] as number;
  }

  /** Indices of the nodes of one type in [from, to), in document order. */
  indicesOfType(type: string, from: number, to: number): Int32Array {
    const typeNumber = this.grammar.typeNumberNamed(type);
    if (typeNumber === undefined) return new Int32Array(0);
    if (!this.byType) this.groupByType();
    const all = (this.byType as Int32Array).subarray((this.typeStarts as Int32Array)[typeNumber], (this.typeStarts as Int32Array)[typeNumber + 1]);
    if (from === 0 && to >= this.nodeCount) return all;
    return all.subarray(lowerBound(all, from), lowerBound(all, to));
  }

  /**
   * The node of a leaf type (such as `identifier`) spanning exactly [start, end), by binary
   * search: leaves never nest, so in pre-order their start offsets never decrease.
   */
  leafOfTypeAt(type: string, start: number, end: number): FlatNode | undefined {
    const all = this.indicesOfType(type, 0, this.nodeCount);
    let low = 0;
    let high = all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.read(all[middle] as number, START) < start) low = middle + 1;
      else high = middle;
    }
    // Several leaves can start at one offset (a zero-width MISSING one before a real one).
    for (let position = low; position < all.length && this.read(all[position] as number, START) === start; position++) {
      if (this.read(all[position] as number, END) === end) return this.node(all[position] as number);
    }
    return undefined;
  }

  /** A counting sort of the node indices by type: two passes, two arrays. */
  private groupByType(): void {
    const types = this.types;
    const starts = new Int32Array(this.grammar.typeCount + 1);
    for (let index = 0; index < types.length; index++) {
      const next = (types[index] as number) + 1;
      starts[next] = (starts[next] as number) + 1;
    }
    for (let type = 1; type < starts.length; type++) starts[type] = (starts[type] as number) + (starts[type - 1] as number);
    const filled = starts.slice(0, -1);
    const byType = new Int32Array(types.length);
    for (let index = 0; index < types.length; index++) {
      const type = types[index] as number;
      const position = filled[type] as number;
      byType[position] = index;
      filled[type] = position + 1;
    }
    this.byType = byType;
    this.typeStarts = starts;
  }
}

/** The names rules and front-ends use: node-tree-sitter's, for the flat tree's own classes. */
export type SyntaxNode = FlatNode;
export type Tree = FlatTree;
