import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineRanges } from '../../src/diff/changed-lines.js';

describe('LineRanges', () => {
  it('holds exactly the lines added, in order, as a Set would', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 120 }), fc.array(fc.integer({ min: 0, max: 402 }), { maxLength: 50 }), (lines, probes) => {
        const sorted = [...lines].sort((a, b) => a - b);
        const ranges = new LineRanges();
        for (const line of sorted) ranges.add(line);
        const expected = new Set(sorted);
        expect([...ranges]).toEqual(sorted);
        for (const probe of probes) expect(ranges.has(probe)).toBe(expected.has(probe));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a run of consecutive lines as one range', () => {
    const ranges = new LineRanges();
    for (let line = 1; line <= 5000; line++) ranges.add(line);
    expect(ranges.has(1)).toBe(true);
    expect(ranges.has(5000)).toBe(true);
    expect(ranges.has(5001)).toBe(false);
    expect(ranges.has(0)).toBe(false);
  });
});
