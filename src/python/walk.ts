/**
 * Tree traversal for detectors. Two rules drive it:
 * - nothing recurses on the JavaScript stack (deeply nested input must not overflow it);
 * - materialising a node object in node-tree-sitter costs several microseconds, about as much
 *   as parsing it, so per-type queries are answered from one native `descendantsOfType` pass
 *   per tree, shared by every detector, instead of each detector walking the tree again.
 */
import type { SyntaxNode, Tree } from './parser.js';
import { descendantsSkipping } from './scope-walk.js';

/** Node types most detectors ask for: collected in the first pass over a tree. */
const COMMON_TYPES = [
  'call', 'class_definition', 'function_definition', 'decorated_definition', 'decorator', 'comment',
  'import_statement', 'import_from_statement', 'assignment', 'augmented_assignment', 'keyword_argument',
  'string', 'concatenated_string', 'dictionary', 'pair', 'list', 'for_statement', 'with_statement',
  'return_statement', 'raise_statement', 'assert_statement', 'expression_statement', 'pass_statement',
  'ellipsis', 'print_statement', 'exec_statement', 'global_statement', 'nonlocal_statement', 'lambda',
  'ERROR', 'block',
];

interface TypedNodes {
  /** Nodes of one type in document order. */
  nodes: SyntaxNode[];
  /** Their end indices, read from the tree once each (-1 until read). */
  ends: Int32Array;
}

class TypeIndex {
  private readonly byType = new Map<string, TypedNodes>();
  /** Id of the tree's root node: queries over the whole tree need no range checks. */
  readonly rootId: number;

  constructor(private readonly tree: Tree) {
    this.rootId = tree.rootNode.id;
  }

  nodesOf(type: string): TypedNodes {
    this.ensure([type]);
    return this.byType.get(type) as TypedNodes;
  }

  has(types: readonly string[]): boolean {
    return types.every((type) => this.byType.has(type));
  }

  /** Loads every type not loaded yet in one native pass (the common types with the first query). */
  ensure(types: readonly string[]): void {
    const missing = types.filter((type) => !this.byType.has(type));
    if (missing.length === 0) return;
    this.load(this.byType.size === 0 ? [...new Set([...COMMON_TYPES, ...missing])] : [...new Set(missing)]);
  }

  private load(types: string[]): void {
    const lists = new Map<string, SyntaxNode[]>(types.map((type) => [type, []]));
    for (const node of this.tree.rootNode.descendantsOfType(types)) lists.get(node.type)?.push(node);
    for (const [type, nodes] of lists) this.byType.set(type, { nodes, ends: new Int32Array(nodes.length).fill(-1) });
  }
}

const indexes = new WeakMap<Tree, TypeIndex>();

function indexOf(tree: Tree): TypeIndex {
  let index = indexes.get(tree);
  if (!index) {
    index = new TypeIndex(tree);
    indexes.set(tree, index);
  }
  return index;
}

/** First position in `nodes` (sorted by start) whose start is at or after `start`. */
function lowerBound(nodes: readonly SyntaxNode[], start: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((nodes[middle] as SyntaxNode).startIndex < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Nodes of the given types inside `root` (root included), in document order, parents before
 * the children that start at the same place.
 */
export function descendantsOfType(root: SyntaxNode, types: string | readonly string[]): SyntaxNode[] {
  const wanted = typeof types === 'string' ? [types] : types;
  const index = indexOf(root.tree);
  const whole = root.id === index.rootId;
  // A type nobody asked for over the whole tree is not worth collecting for every node of the
  // tree (identifiers of an assignment target...): tree-sitter's own pass over the subtree gives
  // the same nodes in the same order.
  if (!whole && !index.has(wanted)) return root.descendantsOfType([...wanted]);
  index.ensure(wanted);
  let found: SyntaxNode[] = [];
  if (whole) {
    // Everything is inside the whole tree (no spread: lists can be longer than the argument limit).
    found = wanted.length === 1 ? index.nodesOf(wanted[0] as string).nodes.slice() : wanted.flatMap((type) => index.nodesOf(type).nodes);
  } else {
    const rootStart = root.startIndex;
    const rootEnd = root.endIndex;
    for (const type of wanted) {
      const { nodes, ends } = index.nodesOf(type);
      for (let position = lowerBound(nodes, rootStart); position < nodes.length; position++) {
        const node = nodes[position] as SyntaxNode;
        if (node.startIndex > rootEnd) break;
        let end = ends[position] as number;
        if (end < 0) {
          end = node.endIndex;
          ends[position] = end;
        }
        if (end <= rootEnd && isWithin(node, end, root, rootStart, rootEnd)) found.push(node);
      }
    }
  }
  if (wanted.length > 1) found.sort(documentOrder);
  return found;
}

/**
 * Pre-order (what a cursor walk or tree-sitter's own `descendantsOfType` gives): by start, an
 * ancestor before its descendants; of two nodes starting at the same place that are not related,
 * the first is a zero-width one (a preceding sibling subtree ends where the next one starts).
 */
function documentOrder(a: SyntaxNode, b: SyntaxNode): number {
  const byStart = a.startIndex - b.startIndex;
  if (byStart !== 0 || a.id === b.id) return byStart;
  const aEnd = a.endIndex;
  const bEnd = b.endIndex;
  if (aEnd !== bEnd && Math.min(aEnd, bEnd) > a.startIndex) return bEnd - aEnd;
  if (isAncestor(a, b)) return -1;
  if (isAncestor(b, a)) return 1;
  return aEnd - bEnd;
}

function isAncestor(ancestor: SyntaxNode, node: SyntaxNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.id === ancestor.id) return true;
    if (current.startIndex < ancestor.startIndex) return false;
  }
  return false;
}

/** Range containment, with zero-width nodes at a boundary checked by ancestry. */
function isWithin(node: SyntaxNode, end: number, root: SyntaxNode, rootStart: number, rootEnd: number): boolean {
  if (node.startIndex > rootStart && end < rootEnd) return true;
  for (let current: SyntaxNode | null = node; current; current = current.parent) {
    if (current.id === root.id) return true;
    if (current.startIndex < root.startIndex || current.endIndex > root.endIndex) return false;
  }
  return false;
}

/**
 * Every node below `root` (root included) in document order. Materialises every node, so it
 * is for small subtrees and error paths; prefer `descendantsOfType` elsewhere.
 */
export function descendants(root: SyntaxNode): Generator<SyntaxNode> {
  return descendantsSkipping(root, () => false);
}

/** Nearest ancestor (excluding the node itself) of one of the given types. */
export function closestAncestor(node: SyntaxNode, types: string | readonly string[]): SyntaxNode | null {
  const wanted = typeof types === 'string' ? [types] : types;
  for (let current = node.parent; current; current = current.parent) {
    if (wanted.includes(current.type)) return current;
  }
  return null;
}

/** True when `node` lies inside a function or class body nested within `scope`, not directly in it. */
export function isInsideNestedScope(node: SyntaxNode, scope: SyntaxNode): boolean {
  for (let current = node.parent; current && current.id !== scope.id; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'class_definition' || current.type === 'lambda') {
      return true;
    }
  }
  return false;
}
