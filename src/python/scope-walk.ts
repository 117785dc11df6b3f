/**
 * Iterative traversal that does not enter chosen subtrees (nested functions, classes, lambdas).
 * Asking each node for its ancestors instead costs O(depth) per `parent` call in tree-sitter,
 * which turns a scope scan cubic on deeply nested input.
 */
import type { SyntaxNode } from './parser.js';

/** Nodes below `root` (root included) in document order; a node for which `skip` holds is yielded, its subtree is not. */
export function* descendantsSkipping(root: SyntaxNode, skip: (node: SyntaxNode) => boolean): Generator<SyntaxNode> {
  const cursor = root.walk();
  let depth = 0;
  for (;;) {
    const node = cursor.currentNode;
    yield node;
    if ((depth === 0 || !skip(node)) && cursor.gotoFirstChild()) {
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
 * Like `descendantsSkipping`, with each node's ancestors at hand: reading `node.parent` costs
 * O(depth) in tree-sitter, so code that looks upwards from every node should use this instead.
 * The `ancestors` array is reused between steps; copy it to keep it.
 */
export function* descendantsWithAncestors(root: SyntaxNode, skip: (node: SyntaxNode) => boolean = () => false): Generator<WalkEntry> {
  const cursor = root.walk();
  const ancestors: SyntaxNode[] = [];
  for (;;) {
    const node = cursor.currentNode;
    yield { node, ancestors };
    if ((ancestors.length === 0 || !skip(node)) && cursor.gotoFirstChild()) {
      ancestors.push(node);
      continue;
    }
    for (;;) {
      if (ancestors.length === 0) return;
      if (cursor.gotoNextSibling()) break;
      cursor.gotoParent();
      ancestors.pop();
    }
  }
}
