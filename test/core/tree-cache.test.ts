/**
 * A review with a tiny tree budget (every tree let go and parsed again when read) finds
 * exactly what a review that keeps every tree finds: detectors must not depend on node object
 * identity across reads of a unit, only on node ids, which a new parse of the same text keeps.
 */
import { describe, expect, it, vi } from 'vitest';
import { reviewWithCatalog } from '../../src/core/index.js';
import { TreeCache } from '../../src/syntax/tree-cache.js';
import { parsePython } from '../../src/python/parser.js';
import { corpusReview } from '../support/corpus-review.js';

const { files, project, config } = corpusReview(3);

describe('tree budget', () => {
  it('gives the same findings with every tree parsed again as with every tree kept', () => {
    const kept = reviewWithCatalog({ files, config, mode: 'change', project, treeCacheBytes: Infinity });
    const squeezed = reviewWithCatalog({ files, config, mode: 'change', project, treeCacheBytes: 0 });
    expect(kept.treesParsedAgain).toBe(0);
    expect(kept.findings.length).toBeGreaterThan(10);
    expect(squeezed.findings).toEqual(kept.findings);
  }, 90_000);

  it('gives the same findings when every read of a tree parses it again', () => {
    // Rules now read trees almost only while their file is reviewed, inside the kept window:
    // a cache that never answers makes every read a new parse, the strictest test of node ids.
    const never = vi.spyOn(TreeCache.prototype, 'get').mockReturnValue(undefined);
    try {
      const kept = reviewWithCatalog({ files, config, mode: 'change', project, treeCacheBytes: Infinity });
      const reparsed = reviewWithCatalog({ files, config, mode: 'change', project, treeCacheBytes: 0 });
      expect(reparsed.treesParsedAgain).toBeGreaterThan(1000);
      expect(reparsed.findings).toEqual(kept.findings);
    } finally {
      never.mockRestore();
    }
  }, 90_000);

  it('keeps trees in first-parsed order until the budget is spent, and always the last few handed out', () => {
    const cache = new TreeCache(3_000);
    const [a, b, c] = [{}, {}, {}];
    const small = parsePython('x = 1\n'); // 7 nodes: 182 bytes counted (24-byte records, 2-byte types)
    const big = parsePython(`y = [${'1, '.repeat(100)}]\n`); // over 5,000 bytes
    cache.put(a, small);
    cache.put(b, big); // over the budget: kept only while it is among the last 8 handed out
    cache.put(c, small);
    expect(cache.get(a)).toBe(small);
    expect(cache.get(b)).toBe(big);
    expect(cache.get(c)).toBe(small);
    const others = Array.from({ length: 8 }, () => ({}));
    for (const other of others) cache.put(other, big);
    expect(cache.get(b)).toBeUndefined();
    expect(cache.get(a)).toBe(small);
    expect(cache.get(c)).toBe(small);
    expect(cache.get(others[7] as object)).toBe(big);
  });

  it('keeps every tree of the file under review, however many, until it is released', () => {
    const cache = new TreeCache(0);
    const tree = parsePython('x = 1\n');
    const blocks = Array.from({ length: 12 }, () => ({}));
    cache.holdFile();
    for (const block of blocks) cache.put(block, tree);
    expect(blocks.every((block) => cache.get(block) === tree)).toBe(true);
    cache.release();
    // Past the budget, only the last few handed out stay.
    expect(blocks.filter((block) => cache.get(block) === tree)).toHaveLength(8);
  });

  it('parsing the same text with the same id base gives the same node ids', () => {
    const first = parsePython('def f(a):\n    return a\n');
    const again = parsePython('def f(a):\n    return a\n', 0, first.idBase);
    const ids = (tree: typeof first) => tree.rootNode.descendantsOfType('identifier').map((node) => node.id);
    expect(ids(again)).toEqual(ids(first));
  });
});
