import { lineStartsOf } from '../syntax/flat-records.js';
import { copyOf } from '../syntax/string-copies.js';

/**
 * The lines of a reviewed file as offsets into its text, for clamping finding spans and taking
 * snippets. A plain `text.split(/\r?\n/)` per file held a string per line for the whole review
 * (about 800,000 of them on a 3,000-file pull request); offsets cost 8 bytes a line. Lines end
 * at `\n` or `\r\n`, as that split did. The text is either held or, with `reread`, read again
 * when a snippet is wanted: lengths (for clamping) and the first line (for whole-file findings)
 * are always at hand.
 */
export class FileLines {
  private readonly text: string | undefined;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  readonly firstLine: string;

  /** `reread`, when given, reads the text again for a snippet instead of this object holding it. */
  constructor(
    text: string,
    private readonly reread?: () => string | undefined,
  ) {
    this.starts = lineStartsOf(text);
    this.ends = new Int32Array(this.starts.length);
    const last = this.starts.length - 1;
    for (let line = 0; line < last; line++) {
      // The line ends before its `\n`, and before a `\r` just ahead of it.
      const newline = (this.starts[line + 1] as number) - 1;
      this.ends[line] = newline > (this.starts[line] as number) && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    }
    this.ends[last] = text.length;
    this.firstLine = copyOf(text.slice(0, this.ends[0]));
    this.text = reread ? undefined : text;
  }

  get count(): number {
    return this.starts.length;
  }

  /** Length of 1-based line `line` (without its terminator); 0 outside the file. */
  length(line: number): number {
    const index = line - 1;
    return index >= 0 && index < this.starts.length ? (this.ends[index] as number) - (this.starts[index] as number) : 0;
  }

  /** Text of 1-based line `line`; undefined outside the file or when the text cannot be read again. */
  line(line: number): string | undefined {
    const index = line - 1;
    const text = this.text ?? this.reread?.();
    if (text === undefined || index < 0 || index >= this.starts.length) return undefined;
    return text.slice(this.starts[index], this.ends[index]);
  }
}
