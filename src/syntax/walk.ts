/**
 * Tree traversal for detectors. Nothing recurses on the JavaScript stack (deeply nested input
 * must not overflow it), and per-type queries are answered from the tree's own type index
 * (flat-tree.ts) instead of visiting every node.
 */
import type { SyntaxNode } from './flat-tree.js';
import { descendantsSkipping } from './scope-walk.js';

/**
 * Nodes of the given types inside `root` (root included), in document order, parents before
 * the children that start at the same place.
 */
export function descendantsOfType(root: SyntaxNode, types: string | readonly string[]): SyntaxNode[] {
  return root.descendantsOfType(types);
}

/** Every node below `root` (root included) in document order. */
export function descendants(root: SyntaxNode): Generator<SyntaxNode> {
  return descendantsSkipping(root, () => false);
}

/**
 * Nearest ancestor (excluding the node itself) of one of the given types. Answers are kept per
 * tree and type list for every node passed on the way up, so asking for each of a deep tree's
 * nodes costs linear time overall, not time proportional to depth for each node.
 */
export function closestAncestor(node: SyntaxNode, types: string | readonly string[]): SyntaxNode | null {
  const wanted = typeof types === 'string' ? [types] : types;
  // Per node: the index of its closest ancestor-or-self of a wanted type, or -1.
  const known = node.tree.memo<number>(`closestAncestor:${wanted.join(',')}`);
  const passed: number[] = [];
  let answer = -1;
  for (let current = node.parent; current; current = current.parent) {
    const remembered = known[current.index];
    if (remembered !== undefined) {
      answer = remembered;
      break;
    }
    if (wanted.includes(current.type)) {
      answer = current.index;
      known[current.index] = answer;
      break;
    }
    passed.push(current.index);
  }
  for (const index of passed) known[index] = answer;
  return answer < 0 ? null : node.tree.node(answer);
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
