import { describe, expect, it } from 'vitest';
import type { Finding, TextEdit } from '../../src/api/types.js';
import { applyFileFixes } from '../../src/core/apply-fixes.js';
import { placeFix } from '../../src/api/fix-placement.js';

function finding(ruleId: string, ...edits: TextEdit[]): Finding {
  const first = edits[0] as TextEdit;
  return { ruleId, severity: 'error', path: 'a.py', line: first.line, column: first.column, endLine: first.endLine, endColumn: first.endColumn, category: 'Test', message: ruleId, snippet: '', fix: { description: ruleId, edits } };
}
const edit = (line: number, column: number, endLine: number, endColumn: number, text: string): TextEdit => ({ line, column, endLine, endColumn, text });

describe('applyFileFixes', () => {
  const text = 'alpha = 1\nbeta = 2\ngamma = 3\n';

  it('applies edits from the end backwards, several per fix, across lines', () => {
    const result = applyFileFixes(text, [finding('A', edit(1, 1, 1, 6, 'ALPHA'), edit(3, 9, 3, 10, '33')), finding('B', edit(2, 1, 2, 1, '# note\n'))]);
    expect(result.text).toBe('ALPHA = 1\n# note\nbeta = 2\ngamma = 33\n');
    expect(result.applied.map((entry) => entry.ruleId)).toEqual(['A', 'B']);
    expect(result.skipped).toEqual([]);
  });

  it('skips a fix overlapping one taken earlier in the file, and two insertions at one point', () => {
    const first = finding('A', edit(1, 1, 1, 6, 'ALPHA'));
    const overlapping = finding('B', edit(1, 3, 1, 8, 'x'));
    const insertion = finding('C', edit(2, 1, 2, 1, 'x'));
    const sameInsertion = finding('D', edit(2, 1, 2, 1, 'y'));
    const result = applyFileFixes(text, [overlapping, first, insertion, sameInsertion]);
    expect(result.text).toBe('ALPHA = 1\nxbeta = 2\ngamma = 3\n');
    expect(result.skipped.map(({ finding: skipped, reason, with: other }) => `${skipped.ruleId} ${reason} ${other?.ruleId}`)).toEqual(['B overlap A', 'D overlap C']);
  });

  it('applies a fix two findings share once, and refuses edits outside the text', () => {
    const shared = edit(3, 1, 3, 6, 'GAMMA');
    const result = applyFileFixes(text, [finding('A', shared), finding('B', { ...shared }), finding('C', edit(9, 1, 9, 2, 'x')), finding('D', edit(1, 5, 1, 40, 'x'))]);
    expect(result.text).toBe('alpha = 1\nbeta = 2\nGAMMA = 3\n');
    expect(result.applied.map((entry) => entry.ruleId)).toEqual(['A', 'B']);
    expect(result.skipped.map((entry) => `${entry.finding.ruleId} ${entry.reason}`).sort()).toEqual(['C out-of-range', 'D out-of-range']);
  });

  it('writes inserted lines with the file\'s CRLF line ends', () => {
    expect(applyFileFixes('a = 1\r\nb = 2\r\n', [finding('A', edit(2, 1, 2, 1, 'x = 0\n'))]).text).toBe('a = 1\r\nx = 0\r\nb = 2\r\n');
  });
});

describe('placeFix', () => {
  const unit = { lineOffset: 4, columnOffset: 3, text: 'class A:\n    def f(self):\n        pass\n' };

  it('maps unit points into a Markdown block at its line and column offset, indenting inserted lines', () => {
    const fix = placeFix(unit, { description: 'd', edits: [{ start: { row: 2, column: 8 }, end: { row: 2, column: 8 }, text: 'x = 1\n        ' }, { start: { row: 0, column: 7 }, end: { row: 0, column: 7 }, text: '(B)' }] });
    expect(fix).toEqual({
      description: 'd',
      edits: [
        { line: 5, column: 11, endLine: 5, endColumn: 11, text: '(B)' },
        { line: 7, column: 12, endLine: 7, endColumn: 12, text: 'x = 1\n           ' },
      ],
    });
  });

  it('gives no fix for edits outside the unit, reversed, or overlapping each other', () => {
    const at = (row: number, column: number) => ({ row, column });
    expect(placeFix(unit, { description: 'd', edits: [{ start: at(7, 0), end: at(7, 0), text: 'x' }] })).toBeUndefined();
    expect(placeFix(unit, { description: 'd', edits: [{ start: at(0, 50), end: at(0, 50), text: 'x' }] })).toBeUndefined();
    expect(placeFix(unit, { description: 'd', edits: [{ start: at(1, 4), end: at(1, 2), text: 'x' }] })).toBeUndefined();
    expect(placeFix(unit, { description: 'd', edits: [{ start: at(1, 0), end: at(1, 6), text: 'x' }, { start: at(1, 4), end: at(1, 8), text: 'y' }] })).toBeUndefined();
    expect(placeFix(unit, { description: 'd', edits: [] })).toBeUndefined();
  });
});
