/**
 * Bounds the memory parsed trees take during one review. A unit keeps its text and parses
 * again when its tree was let go; the cache decides which trees stay.
 *
 * - Trees are kept in the order they were first parsed until the budget is spent. Rules read
 *   units in review order, file by file, so keeping the first trees beats least-recently-used,
 *   which would miss on every pass once the units outgrow the budget.
 * - The last few trees handed out stay whatever the budget (a rule reading one unit many times
 *   in a row parses it once), and so do all trees parsed while the engine holds a file
 *   (`holdFile` .. `release`): every rule goes over all of a Markdown file's blocks, which
 *   can be more than the last few.
 * - A kept tree that is not among those last few is compact: records and types only, node
 *   objects and memo tables let go (FlatTree.compact), so the budget counts what is held.
 */
import type { Tree } from './flat-tree.js';

/**
 * The default budget: none beyond the file under review. Rules read a unit's tree almost only
 * while its file is reviewed (project rules keep facts for later), so kept trees went unread:
 * the 1,000-file benchmark parses no tree twice with 0, and ran about 4 % faster than with
 * 64 MiB, which it spent compacting trees nobody read again.
 */
export const DEFAULT_TREE_CACHE_BYTES = 0;

/** Trees beyond the budget that stay because they were handed out last. */
const RECENT = 8;

export class TreeCache {
  private readonly kept = new Map<object, Tree>();
  private used = 0;
  /** Most recent last. */
  private readonly recent: { owner: object; tree: Tree }[] = [];
  /** Trees parsed since `holdFile()`, kept until `release()`. */
  private readonly held = new Map<object, Tree>();
  private holding = false;
  /** Trees parsed again because the budget had let them go (for benchmarks and tests). */
  reparses = 0;

  constructor(readonly budgetBytes: number) {}

  /** Keeps every tree put from now on until `release()`, whatever the budget: the file under review. */
  holdFile(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    this.held.clear();
  }

  get(owner: object): Tree | undefined {
    const held = this.held.get(owner);
    if (held) return held;
    const kept = this.kept.get(owner);
    if (kept) return kept;
    const position = this.recent.findIndex((entry) => entry.owner === owner);
    if (position < 0) return undefined;
    // Handed out again: it becomes the most recent.
    const [entry] = this.recent.splice(position, 1) as [{ owner: object; tree: Tree }];
    this.recent.push(entry);
    return entry.tree;
  }

  put(owner: object, tree: Tree): void {
    if (this.holding) this.held.set(owner, tree);
    const known = this.recent.findIndex((entry) => entry.owner === owner);
    if (known >= 0) this.recent.splice(known, 1);
    this.recent.push({ owner, tree });
    if (this.recent.length > RECENT) {
      const left = this.recent.shift() as { owner: object; tree: Tree };
      if (this.kept.get(left.owner) === left.tree) left.tree.compact();
    }
    if (this.kept.has(owner)) return;
    const bytes = tree.compactBytes;
    if (this.used + bytes <= this.budgetBytes) {
      this.kept.set(owner, tree);
      this.used += bytes;
    }
  }
}
