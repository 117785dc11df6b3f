/**
 * One node of a `FlatTree`: a record index with node-tree-sitter's `SyntaxNode` accessors on
 * top (the subset the detectors use, with the same meanings). Everything is read from the
 * tree's records on demand; the tree makes at most one node object per record, so identity
 * holds. Children, siblings and "descendants of type" are index arithmetic over the pre-order
 * records (see flat-tree.ts).
 */
import type { Point } from './positions.js';
import { END, EXTRA, FIELD_SHIFT, FLAGS, HAS_ERROR, MISSING, NAMED, PARENT, START, SUBTREE_END } from './flat-records.js';
import type { FlatTree } from './flat-tree.js';

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
    return this.descendantFor(
      (index) => this.tree.read(index, START) <= start,
      (child) => child.endIndex >= end && child.endIndex > start,
    );
  }

  /** The smallest node spanning the point range, as tree-sitter's `descendantForPosition`. */
  descendantForPosition(start: Point, end: Point = start): FlatNode {
    return this.descendantFor(
      (index) => comparePoints(this.tree.pointAt(this.tree.read(index, START)), start) <= 0,
      (child) => comparePoints(child.endPosition, end) >= 0 && comparePoints(child.endPosition, start) > 0,
    );
  }

  /**
   * tree-sitter's descent: at each level, the first child that reaches the range, unless it starts
   * after the range. Siblings before the last child starting at or before the range end at or
   * before its start, so they never reach it, and the siblings after it start after the range:
   * the answer lies on the path down to the last record starting at or before the range. Records
   * are in pre-order, so their starts never decrease and that record is found by binary search
   * (scanning each level's children made every lookup linear in the number of statements).
   */
  private descendantFor(startsAtOrBefore: (index: number) => boolean, reachesRange: (child: FlatNode) => boolean): FlatNode {
    const tree = this.tree;
    let low = this.index + 1;
    let high = this.subtreeEnd;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (startsAtOrBefore(middle)) low = middle + 1;
      else high = middle;
    }
    const path: number[] = [];
    for (let index = low - 1; index > this.index; index = tree.read(index, PARENT)) path.push(index);
    let found = this.index;
    for (let position = path.length - 1; position >= 0; position--) {
      const child = tree.node(path[position] as number);
      if (!reachesRange(child)) break;
      found = child.index;
    }
    return tree.node(found);
  }

  /** S-expression of the named nodes, as tree-sitter prints it (for debugging and tests). */
  toString(): string {
    const fieldName = this.fieldId ? `${this.tree.grammar.fieldNames[this.fieldId] ?? ''}: ` : '';
    if (this.isMissing) return `${fieldName}(MISSING ${this.type})`;
    const inner = this.namedChildren.map((child) => ` ${child.toString()}`).join('');
    return `${fieldName}(${this.type}${inner})`;
  }
}
