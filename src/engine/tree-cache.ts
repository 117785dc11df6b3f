/**
 * Bounds the memory parsed trees take during one review. A unit keeps its text and parses
 * again when its tree was let go; the cache decides which trees stay.
 *
 * Policy: trees are kept in the order they were first parsed until the budget is spent; past
 * it, only the tree handed out last stays (a rule reading one unit many times in a row parses
 * it once). Detectors visit units in the same order over and over (every file rule, then every
 * project rule), and for that pattern keeping the first trees beats keeping the latest:
 * least-recently-used would miss on every visit once the units outgrow the budget.
 */
import type { Tree } from '../python/parser.js';

/** Bytes per node counted against the budget: the 24-byte record plus type index, node cache and node objects. */
const BYTES_PER_NODE = 64;

export class TreeCache {
  private readonly kept = new Map<object, Tree>();
  private used = 0;
  private last: { owner: object; tree: Tree } | undefined;
  /** Trees parsed again because the budget had let them go (for benchmarks and tests). */
  reparses = 0;

  constructor(readonly budgetBytes: number) {}

  get(owner: object): Tree | undefined {
    const tree = this.kept.get(owner) ?? (this.last?.owner === owner ? this.last.tree : undefined);
    return tree;
  }

  put(owner: object, tree: Tree): void {
    this.last = { owner, tree };
    const bytes = tree.nodeCount * BYTES_PER_NODE;
    if (this.used + bytes <= this.budgetBytes) {
      this.kept.set(owner, tree);
      this.used += bytes;
    }
  }
}
