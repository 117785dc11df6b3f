/**
 * Texts the App hands over deflated are inflated when a file is reviewed and let go after:
 * the findings must be exactly those of the same texts given as strings, with the texts read
 * again at any later point (project rules, snippets, trees parsed again).
 */
import { describe, expect, it } from 'vitest';
import { reviewWithCatalog, type InputFile } from '../../src/core/index.js';
import { DeflatedText, RecentlyRead, StoredText } from '../../src/syntax/stored-text.js';
import { corpusReview } from '../support/corpus-review.js';

const { files, project, config } = corpusReview(5);

describe('deflated texts', () => {
  it('give the same findings as strings, with every tree kept or every tree parsed again', () => {
    const deflated = files.map((file) => ({ ...file, content: DeflatedText.of(file.content as string) ?? file.content }));
    expect(deflated.every((file) => file.content instanceof DeflatedText)).toBe(true);
    const plain = reviewWithCatalog({ files, config, mode: 'change', project, treeCacheBytes: Infinity });
    expect(plain.findings.length).toBeGreaterThan(10);
    for (const treeCacheBytes of [Infinity, 0]) {
      expect(reviewWithCatalog({ files: deflated, config, mode: 'change', project, treeCacheBytes }).findings).toEqual(plain.findings);
    }
    // Three reviews of a corpus: a loaded CI machine can take over 20 s.
  }, 90_000);

  it('keep a byte-order mark, CRLF and non-BMP text as they were', () => {
    const text = '\ufeff# 😀 é\r\nx = 1\r\n';
    const review = (content: InputFile['content']) => reviewWithCatalog({ files: [{ path: 'lib/a.py', content, status: 'added' }], config, mode: 'change' }).findings;
    expect(review(DeflatedText.of(text) as DeflatedText)).toEqual(review(text));
  });

  it('are not deflated when that would change them (lone surrogates)', () => {
    expect(DeflatedText.of('x = "\ud800"\n')).toBeUndefined();
    expect(DeflatedText.of('x = "😀"\n')?.inflate().toString('utf8')).toBe('x = "😀"\n');
  });

  it('a cooled text is inflated again on read, and only the last few read stay inflated', () => {
    const recent = new RecentlyRead(2);
    const stored = ['a = 1\n', 'b = 2\n', 'c = 3\n'].map((text) => new StoredText(text, DeflatedText.of(text), recent));
    for (const text of stored) text.cool();
    expect(stored.map((text) => text.value)).toEqual(['a = 1\n', 'b = 2\n', 'c = 3\n']);
    const held = (text: StoredText) => (text as unknown as { warm: string | undefined }).warm !== undefined;
    expect(stored.map(held)).toEqual([false, true, true]);
    const plain = new StoredText('kept = 1\n');
    plain.cool();
    expect(held(plain)).toBe(true);
  });
});
