/**
 * Facts a project rule keeps for the whole review (region mentions, provider constructions...)
 * must not pin every unit's tree in memory: a node object holds its whole tree. `detachNode`
 * swaps a fact's node for a getter that finds the same node (same index, same id) in the unit's
 * current tree, parsed again if the review's tree budget had let it go (see tree-cache.ts).
 */
import type { SyntaxNode } from '../python/parser.js';
import type { PythonUnit } from './source.js';

export function detachNode<T extends object>(fact: T, key: keyof T & string, unit: PythonUnit): T {
  const node = fact[key] as unknown as SyntaxNode;
  const index = node.index;
  Object.defineProperty(fact, key, { get: () => unit.tree.node(index), enumerable: true, configurable: true });
  return fact;
}
