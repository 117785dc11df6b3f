/**
 * Iterative tree traversal. Detectors must survive deeply nested input (thousands of
 * brackets), so nothing here recurses on the JavaScript stack.
 */
import type { SyntaxNode } from './parser.js';

/** Every node below `root` (root included) in document order. */
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

/** Descendants of the given node types, in document order. */
export function* descendantsOfType(root: SyntaxNode, types: string | readonly string[]): Generator<SyntaxNode> {
  const wanted = typeof types === 'string' ? [types] : types;
  for (const node of descendants(root)) {
    if (wanted.includes(node.type)) yield node;
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
