/**
 * A reviewed file's text, kept deflated while no rule is reading it. The App hands the engine
 * texts already deflated as they arrive from GitHub (`DeflatedText`), so a 3,000-file pull
 * request holds about 7 MB of compressed source instead of 31 MB of strings in the V8 heap.
 * The engine inflates a file's text when it reviews the file and lets the string go afterwards
 * (`cool`); a later read inflates it again, and the last few inflated texts stay at hand.
 * Texts given as strings (the CLI) are kept as they are.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** In a `u` regex a surrogate pair is one code point: only unpaired halves are \p{Cs}. */
const LONE_SURROGATE = /\p{Cs}/u;

/** UTF-8 text compressed with raw deflate; `byteLength` is the uncompressed size in bytes. */
export class DeflatedText {
  private constructor(
    readonly deflated: Uint8Array,
    readonly byteLength: number,
  ) {}

  /** Undefined when deflating would not give the same string back (lone surrogates). */
  static of(text: string): DeflatedText | undefined {
    if (LONE_SURROGATE.test(text)) return undefined;
    const bytes = Buffer.from(text, 'utf8');
    // A copy of exact size: zlib's output is a view of a 16 KB chunk, which it would keep alive.
    return new DeflatedText(Uint8Array.prototype.slice.call(deflateRawSync(bytes, { level: 1 })), bytes.length);
  }

  /** A deflated text handed over as its parts (from another thread): `deflated` must inflate to `byteLength` bytes of UTF-8. */
  static fromParts(deflated: Uint8Array, byteLength: number): DeflatedText {
    return new DeflatedText(deflated, byteLength);
  }

  /** The UTF-8 bytes again. */
  inflate(): Buffer {
    return inflateRawSync(this.deflated);
  }
}

/**
 * The cooled texts of one review that were read again, most recent first: the last few stay
 * inflated, so a rule going over a file's text several times inflates it once.
 */
export class RecentlyRead {
  private readonly texts: StoredText[] = [];

  constructor(private readonly keep = 8) {}

  touch(text: StoredText): void {
    const at = this.texts.indexOf(text);
    if (at >= 0) this.texts.splice(at, 1);
    this.texts.unshift(text);
    if (this.texts.length > this.keep) this.texts.pop()?.cool();
  }
}

export class StoredText {
  private warm: string | undefined;
  private siblings: StoredText[] | undefined;

  /** `deflated` must inflate to exactly `text`'s UTF-8 bytes. */
  constructor(
    text: string,
    private readonly deflated?: DeflatedText,
    private readonly recent?: RecentlyRead,
  ) {
    this.warm = text;
  }

  get value(): string {
    if (this.warm !== undefined) return this.warm;
    const text = (this.deflated as DeflatedText).inflate().toString('utf8');
    this.warm = text;
    this.recent?.touch(this);
    return text;
  }

  /**
   * Another text kept like this one (deflated between reads, in the same recently-read set
   * when this one is deflated): a Markdown file's Python blocks. It cools with this one.
   */
  sibling(text: string): StoredText {
    if (!this.deflated) return new StoredText(text);
    const stored = new StoredText(text, DeflatedText.of(text), this.recent);
    (this.siblings ??= []).push(stored);
    return stored;
  }

  /** Lets the string go (and its siblings') when the text can be inflated again. */
  cool(): void {
    if (this.deflated) this.warm = undefined;
    for (const sibling of this.siblings ?? []) sibling.cool();
  }
}
