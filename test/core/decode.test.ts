import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, invalidUtf8Offsets } from '../../src/core/decode.js';

const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('decodeText', () => {
  it('finds invalid bytes exactly when the WHATWG decoder rejects the input', () => {
    // Bytes biased towards the edges of UTF-8 (lead bytes, continuation bytes, surrogates, overlongs).
    const byte = fc.oneof(fc.integer({ min: 0x01, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.constantFrom(0xc0, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x92));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 40 }), (values) => {
        const bytes = Uint8Array.from(values);
        expect(invalidUtf8Offsets(bytes).length === 0).toBe(isUtf8(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('names the first stray byte and its line, and replaces it with U+FFFD', () => {
    const bytes = Uint8Array.from([...Buffer.from('a\nb\nit'), 0x92, ...Buffer.from('s\n')]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: 'a\nb\nit\uFFFDs\n', replaced: { bytes: 1, firstLine: 3, firstByte: 0x92 } });
  });

  it('keeps valid UTF-8 (and a real U+FFFD in it) without a replacement note', () => {
    expect(decodeText(Buffer.from('caf\u00e9 \uFFFD\n'))).toEqual({ ok: true, text: 'caf\u00e9 \uFFFD\n' });
  });

  it('allows a few strays in a short file but refuses text where they are common', () => {
    const few = Uint8Array.from([...Buffer.from('x = 1  # '), 0x93, 0x94, ...Buffer.from('\n')]);
    expect(decodeText(few).ok).toBe(true);
    const many = Uint8Array.from(Array.from({ length: 200 }, (_, index) => (index % 4 === 0 ? 0xe9 : 0x61)));
    expect(decodeText(many)).toEqual({ ok: false, reason: 'not valid UTF-8 (50 bytes are not UTF-8: text in another encoding)' });
  });

  it('binary stays binary', () => {
    expect(decodeText(Uint8Array.from([0x92, 0x00, 0x41]))).toEqual({ ok: false, reason: 'binary content (NUL bytes)' });
  });
});
