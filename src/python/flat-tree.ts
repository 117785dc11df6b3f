/**
 * A parsed Python file as one Int32Array (written by the native addon in src/native/), with
 * node objects made on demand. The API is the subset of node-tree-sitter's `SyntaxNode` the
 * detectors use, with the same meanings, so rules read like ordinary tree-sitter code.
 *
 * Records are in pre-order, so a node's subtree is the contiguous range of records from its own
 * to `subtreeEnd`: children, siblings and "descendants of type" are index arithmetic, not native
 * calls. Offsets and columns are in UTF-16 code units (JavaScript string indices).
 */
import type { Point } from '../engine/types.js';
import { END, EXTRA, FIELD_SHIFT, FLAGS, HAS_ERROR, lineStartsOf, lowerBound, MISSING, NAMED, PARENT, START, STRIDE, SUBTREE_END, SYMBOL } from './flat-records.js';
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

function comparePoints(a: Point, b: Point): number {
  return a.row - b.row || a.column - b.column;
}

export class FlatNode {
  constructor(
    readonly tree: FlatTree,
    readonly index: number,
  ) {}

  get id(): number {
    return this.tree.idOf(this.index);
  }

  get type(): string {
    return this.tree.grammar.typeName(this.tree.typeNumberAt(this.index));
  }

  get text(): string {
    return this.tree.text.slice(this.startIndex, this.endIndex);
  }

  get isNamed(): boolean {
    return (this.tree.read(this.index, FLAGS) & NAMED) !== 0;
  }

  get isMissing(): boolean {
    return (this.tree.read(this.index, FLAGS) & MISSING) !== 0;
  }

  get isExtra(): boolean {
    return (this.tree.read(this.index, FLAGS) & EXTRA) !== 0;
  }

  get hasError(): boolean {
    return (this.tree.read(this.index, FLAGS) & HAS_ERROR) !== 0;
  }

  get startIndex(): number {
    return this.tree.read(this.index, START);
  }

  get endIndex(): number {
    return this.tree.read(this.index, END);
  }

  get startPosition(): Point {
    return this.tree.pointAt(this.startIndex);
  }

  get endPosition(): Point {
    return this.tree.pointAt(this.endIndex);
  }

  /** Index one past the last record of this node's subtree. */
  get subtreeEnd(): number {
    return this.tree.read(this.index, SUBTREE_END);
  }

  get parent(): FlatNode | null {
    const parent = this.tree.read(this.index, PARENT);
    return parent < 0 ? null : this.tree.node(parent);
  }

  /** Field id of this node in its parent (0: none). */
  private get fieldId(): number {
    return this.tree.read(this.index, FLAGS) >>> FIELD_SHIFT;
  }

  /** Record indices of the children, in order. */
  private childIndices(): number[] {
    const indices: number[] = [];
    const end = this.subtreeEnd;
    for (let child = this.index + 1; child < end; child = this.tree.read(child, SUBTREE_END)) indices.push(child);
    return indices;
  }

  get children(): FlatNode[] {
    return this.childIndices().map((index) => this.tree.node(index));
  }

  get namedChildren(): FlatNode[] {
    const named: FlatNode[] = [];
    const end = this.subtreeEnd;
    for (let child = this.index + 1; child < end; child = this.tree.read(child, SUBTREE_END)) {
      if (this.tree.read(child, FLAGS) & NAMED) named.push(this.tree.node(child));
    }
    return named;
  }

  get childCount(): number {
    return this.childIndices().length;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  child(position: number): FlatNode | null {
    const index = this.childIndices()[position];
    return index === undefined ? null : this.tree.node(index);
  }

  namedChild(position: number): FlatNode | null {
    return this.namedChildren[position] ?? null;
  }

  get firstChild(): FlatNode | null {
    return this.index + 1 < this.subtreeEnd ? this.tree.node(this.index + 1) : null;
  }

  get nextSibling(): FlatNode | null {
    const parent = this.tree.read(this.index, PARENT);
    if (parent < 0) return null;
    const next = this.subtreeEnd;
    return next < this.tree.read(parent, SUBTREE_END) ? this.tree.node(next) : null;
  }

  get previousSibling(): FlatNode | null {
    const parent = this.parent;
    if (!parent) return null;
    let previous: FlatNode | null = null;
    for (let child = parent.index + 1; child < this.index; child = this.tree.read(child, SUBTREE_END)) previous = this.tree.node(child);
    return previous;
  }

  /** The first child in the named field, as tree-sitter's `childForFieldName`. */
  childForFieldName(name: string): FlatNode | null {
    const id = this.tree.grammar.fieldId(name);
    if (id === undefined) return null;
    const end = this.subtreeEnd;
    for (let child = this.index + 1; child < end; child = this.tree.read(child, SUBTREE_END)) {
      if (this.tree.read(child, FLAGS) >>> FIELD_SHIFT === id) return this.tree.node(child);
    }
    return null;
  }

  childrenForFieldName(name: string): FlatNode[] {
    const id = this.tree.grammar.fieldId(name);
    if (id === undefined) return [];
    return this.children.filter((child) => child.fieldId === id);
  }

  /** Nodes of the given types in this subtree (this node included), in document order. */
  descendantsOfType(types: string | readonly string[]): FlatNode[] {
    const tree = this.tree;
    const end = this.subtreeEnd;
    if (typeof types === 'string' || types.length === 1) {
      const indices = tree.indicesOfType(typeof types === 'string' ? types : (types[0] as string), this.index, end);
      const nodes = new Array<FlatNode>(indices.length);
      for (let position = 0; position < indices.length; position++) nodes[position] = tree.node(indices[position] as number);
      return nodes;
    }
    const lists = [...new Set(types)].map((type) => tree.indicesOfType(type, this.index, end)).filter((list) => list.length > 0);
    if (lists.length === 1) return Array.from(lists[0] as Int32Array, (index) => tree.node(index));
    const merged = new Int32Array(lists.reduce((total, list) => total + list.length, 0));
    let offset = 0;
    for (const list of lists) {
      merged.set(list, offset);
      offset += list.length;
    }
    merged.sort();
    const nodes = new Array<FlatNode>(merged.length);
    for (let position = 0; position < merged.length; position++) nodes[position] = tree.node(merged[position] as number);
    return nodes;
  }

  /** The smallest node spanning [start, end), as tree-sitter's `descendantForIndex`. */
  descendantForIndex(start: number, end = start): FlatNode {
    return this.descendantFor((child) => child.endIndex >= end && child.endIndex > start, (child) => start < child.startIndex);
  }

  /** The smallest node spanning the point range, as tree-sitter's `descendantForPosition`. */
  descendantForPosition(start: Point, end: Point = start): FlatNode {
    return this.descendantFor(
      (child) => comparePoints(child.endPosition, end) >= 0 && comparePoints(child.endPosition, start) > 0,
      (child) => comparePoints(start, child.startPosition) < 0,
    );
  }

  private descendantFor(reachesRange: (child: FlatNode) => boolean, startsAfterRange: (child: FlatNode) => boolean): FlatNode {
    let found = this.index;
    for (let descended = true; descended; ) {
      descended = false;
      const end = this.tree.read(found, SUBTREE_END);
      for (let index = found + 1; index < end; index = this.tree.read(index, SUBTREE_END)) {
        const child = this.tree.node(index);
        if (!reachesRange(child)) continue;
        if (startsAfterRange(child)) break;
        found = index;
        descended = true;
        break;
      }
    }
    return this.tree.node(found);
  }

  /** S-expression of the named nodes, as tree-sitter prints it (for debugging and tests). */
  toString(): string {
    const fieldName = this.fieldId ? `${this.tree.grammar.fieldNames[this.fieldId] ?? ''}: ` : '';
    if (this.isMissing) return `${fieldName}(MISSING ${this.type})`;
    const inner = this.namedChildren.map((child) => ` ${child.toString()}`).join('');
    return `${fieldName}(${this.type}${inner})`;
  }
}
