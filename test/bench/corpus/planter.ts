/**
 * `Planter`: decides (with the shared PRNG) which failures are planted, and counts them for
 * the corpus stats and for each file's `planted` list.
 */
import type { Random } from './seeded-random.js';

export class Planter {
  readonly counts: Record<string, number> = {};
  /** Failures planted in the file being rendered. */
  current: string[] = [];

  constructor(private readonly random: Random) {}

  /** True (and counted) with the given probability. */
  plant(name: string, probability: number): boolean {
    if (!this.random.chance(probability)) return false;
    this.counts[name] = (this.counts[name] ?? 0) + 1;
    this.current.push(name);
    return true;
  }
}
