/**
 * Iterative traversal that does not enter chosen subtrees (nested functions, classes, lambdas).
 * Nothing recurses on the JavaScript stack, so deeply nested input cannot overflow it.
 */
import type { SyntaxNode } from './flat-tree.js';

/** Nodes below `root` (root included) in document order; a node for which `skip` holds is yielded, its subtree is not. */
export function* descendantsSkipping(root: SyntaxNode, skip: (node: SyntaxNode) => boolean): Generator<SyntaxNode> {
  for (const { node } of descendantsWithAncestors(root, skip)) yield node;
}

const NESTED_SCOPES = new Set(['function_definition', 'lambda', 'class_definition']);

/** Nodes of a scope's own code: nested functions, lambdas and classes are yielded but not entered. */
export function ownScopeNodes(scope: SyntaxNode): Generator<SyntaxNode> {
  return descendantsSkipping(scope, (node) => NESTED_SCOPES.has(node.type));
}

export interface WalkEntry {
  node: SyntaxNode;
  /** Ancestors of `node` from the walk's root down to its parent (the root's own ancestors excluded). */
  ancestors: readonly SyntaxNode[];
}

/**
 * Like `descendantsSkipping`, with each node's ancestors at hand. The tree is stored in
 * pre-order (flat-tree.ts), so the walk is a scan over record indices that jumps over skipped
 * subtrees. The `ancestors` array is reused between steps; copy it to keep it.
 */
export function* descendantsWithAncestors(root: SyntaxNode, skip: (node: SyntaxNode) => boolean = () => false): Generator<WalkEntry> {
  const tree = root.tree;
  const ancestors: SyntaxNode[] = [];
  const end = root.subtreeEnd;
  for (let index = root.index; index < end; ) {
    const node = tree.node(index);
    while (ancestors.length > 0 && (ancestors[ancestors.length - 1] as SyntaxNode).subtreeEnd <= index) ancestors.pop();
    yield { node, ancestors };
    if (index !== root.index && skip(node)) {
      index = node.subtreeEnd;
    } else {
      ancestors.push(node);
      index++;
    }
  }
}
