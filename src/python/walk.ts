/**
 * Tree traversal for detectors. Two rules drive it:
 * - nothing recurses on the JavaScript stack (deeply nested input must not overflow it);
 * - materialising a node object in node-tree-sitter costs several microseconds, about as much
 *   as parsing it, so per-type queries are answered from one native `descendantsOfType` pass
 *   per tree, shared by every detector, instead of each detector walking the tree again.
 */
import type { SyntaxNode, Tree } from './parser.js';

/** Node types most detectors ask for: collected in the first pass over a tree. */
const COMMON_TYPES = [
  'call', 'class_definition', 'function_definition', 'decorated_definition', 'decorator', 'comment',
  'import_statement', 'import_from_statement', 'assignment', 'augmented_assignment', 'keyword_argument',
  'string', 'concatenated_string', 'dictionary', 'pair', 'list', 'for_statement', 'with_statement',
  'return_statement', 'raise_statement', 'assert_statement', 'expression_statement', 'pass_statement',
  'ellipsis', 'print_statement', 'exec_statement', 'global_statement', 'nonlocal_statement', 'lambda',
  'ERROR', 'block',
];

class TypeIndex {
  private readonly byType = new Map<string, SyntaxNode[]>();

  constructor(private readonly tree: Tree) {}

  nodesOf(type: string): SyntaxNode[] {
    if (!this.byType.has(type)) this.load(this.byType.size === 0 ? [...new Set([...COMMON_TYPES, type])] : [type]);
    return this.byType.get(type) ?? [];
  }

  private load(types: string[]): void {
    for (const type of types) this.byType.set(type, []);
    for (const node of this.tree.rootNode.descendantsOfType(types)) this.byType.get(node.type)?.push(node);
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
  const found: SyntaxNode[] = [];
  for (const type of wanted) {
    const nodes = index.nodesOf(type);
    for (let position = lowerBound(nodes, root.startIndex); position < nodes.length; position++) {
      const node = nodes[position] as SyntaxNode;
      if (node.startIndex > root.endIndex) break;
      if (node.endIndex <= root.endIndex && isWithin(node, root)) found.push(node);
    }
  }
  if (wanted.length > 1) found.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  return found;
}

/** Range containment, with zero-width nodes at a boundary checked by ancestry. */
function isWithin(node: SyntaxNode, root: SyntaxNode): boolean {
  if (node.startIndex > root.startIndex && node.endIndex < root.endIndex) return true;
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
export function* descendants(root: SyntaxNode): Generator<SyntaxNode> {
  const cursor = root.walk();
  let depth = 0;
  for (;;) {
    yield cursor.currentNode;
    if (cursor.gotoFirstChild()) {
      depth++;
      continue;
    }
    for (;;) {
      if (depth === 0) return;
      if (cursor.gotoNextSibling()) break;
      cursor.gotoParent();
      depth--;
    }
  }
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
