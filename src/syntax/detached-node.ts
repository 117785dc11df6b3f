/**
 * Facts a project rule keeps for the whole review (region mentions, provider constructions...)
 * must not pin every unit's tree in memory: a node object holds its whole tree. `detachNode`
 * swaps a fact's node for a getter that finds the same node (same index, same id) in the unit's
 * current tree, parsed again if the review's tree budget had let it go (see tree-cache.ts).
 *
 * The getter lives on a prototype shared by every fact detached under the same key; the fact
 * itself holds the unit and the node's index. A per-fact `defineProperty` getter cost a closure,
 * its context, an accessor pair and a dictionary-mode property table: about 20 MB for the
 * 60,000 facts of a 3,000-file review. Being on the prototype, the node is not an own property:
 * spreading a detached fact leaves it out. The fact's strings are copied (see string-copies.ts).
 */
import type { SyntaxNode } from './flat-tree.js';
import type { SourceUnit as PythonUnit } from './source-unit.js';
import { withCopiedStrings } from './string-copies.js';
import { getOrCompute } from './memo-table.js';

const UNIT = Symbol('detached unit');
const INDEX = Symbol('detached node index');

interface Detached {
  [UNIT]: PythonUnit;
  [INDEX]: number;
}

const prototypes = new Map<string, object>();

function prototypeFor(key: string): object {
  return getOrCompute(prototypes, key, () =>
    Object.defineProperty({}, key, {
      get(this: Detached): SyntaxNode {
        return this[UNIT].tree.node(this[INDEX]);
      },
      enumerable: false,
    }),
  );
}

export function detachNode<T extends object>(fact: T, key: keyof T & string, unit: PythonUnit): T {
  const node = fact[key] as unknown as SyntaxNode;
  const detached = Object.create(prototypeFor(key)) as Detached & Record<string, unknown>;
  for (const [name, value] of Object.entries(fact)) if (name !== key) detached[name] = value;
  detached[UNIT] = unit;
  detached[INDEX] = node.index;
  // A detached fact is kept for the whole review: its names must not pin the file's text either.
  return withCopiedStrings(detached) as unknown as T;
}
