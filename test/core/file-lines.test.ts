import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileLines } from '../../src/core/file-lines.js';
import { copyOf } from '../../src/syntax/string-copies.js';

/** What FileLines stands in for: the lines as `split(/\r?\n/)` gives them. */
function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

describe('FileLines', () => {
  it.each([
    ['', ['']],
    ['a', ['a']],
    ['a\n', ['a', '']],
    ['a\r\nb', ['a', 'b']],
    ['a\rb\n', ['a\rb', '']],
    ['\r\n\r\n', ['', '', '']],
    ['x\r', ['x\r']],
    ['é😀\nz', ['é😀', 'z']],
  ])('reads %j as split(/\\r?\\n/) does', (text, expected) => {
    const lines = new FileLines(text);
    expect(lines.count).toBe(expected.length);
    expected.forEach((line, index) => {
      expect(lines.line(index + 1)).toBe(line);
      expect(lines.length(index + 1)).toBe(line.length);
    });
    expect(lines.firstLine).toBe(expected[0]);
  });

  it('agrees with split on generated texts', () => {
    const text = fc.stringMatching(/^[a\r\n é]*$/);
    fc.assert(
      fc.property(text, (generated) => {
        const lines = new FileLines(generated);
        const expected = splitLines(generated);
        expect(Array.from({ length: lines.count }, (_, index) => lines.line(index + 1))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps lengths and the first line when the text cannot be read again', () => {
    const lines = new FileLines('first\nsecond line\n', () => undefined);
    expect(lines.line(2)).toBeUndefined();
    expect(lines.length(2)).toBe('second line'.length);
    expect(lines.firstLine).toBe('first');
    expect(lines.length(0)).toBe(0);
    expect(lines.length(9)).toBe(0);
  });

  it('copies strings without changing a code unit, lone surrogates included', () => {
    for (const text of ['short', 'a longer string than twelve', '\ud800 lone surrogate and more text', '']) expect(copyOf(text)).toBe(text);
  });
});
