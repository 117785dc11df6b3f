/**
 * A file under review as the engine keeps it: a `ReviewedFile` whose text lives in a
 * `StoredText`, so it can be deflated between reads (see stored-text.ts). Rules see the same
 * `text` and `units` as before; only the engine warms and cools the text.
 */
import type { FileStatus, ReviewedFile } from '../api/rule.js';
import type { SourceUnit } from '../syntax/source-unit.js';
import type { StoredText } from '../syntax/stored-text.js';

export class FileEntry implements ReviewedFile {
  /** Every unit of the file, whatever its language. */
  units: readonly SourceUnit[] = [];
  private stored: StoredText | undefined;

  constructor(
    readonly path: string,
    readonly status: FileStatus,
  ) {}

  get text(): string | undefined {
    return this.stored?.value;
  }

  /** The text once decoded; undefined drops it (the file cannot be analysed). */
  hold(stored: StoredText | undefined): void {
    this.stored = stored;
  }

  /** Whether the file has a text, without inflating it. */
  get hasText(): boolean {
    return this.stored !== undefined;
  }

  get storedText(): StoredText | undefined {
    return this.stored;
  }

  /** Lets the text's string go until it is read again (texts that cannot be inflated stay). */
  cool(): void {
    this.stored?.cool();
  }
}
