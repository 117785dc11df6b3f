/**
 * Reading a checkout that may be hostile. A pull request can commit a symbolic link to
 * `/dev/zero` (reading it never ends), a FIFO (opening it blocks forever), a folder where a
 * file is expected, or a link out of the repository to the reviewer's own files. Every file the
 * CLI reads goes through `SafeReader`: only regular files, never through a symbolic link that
 * leaves the scanned folder, never more than a size cap; anything else is a refusal with a
 * reason the caller reports.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, relative } from 'node:path';

export type SafeRead =
  | { kind: 'file'; bytes: Buffer }
  | { kind: 'too-large'; size: number }
  | { kind: 'missing' }
  /** Not read; `reason` says why in a few words ("it is a FIFO, not a regular file", "EACCES (permission denied)"). */
  | { kind: 'refused'; reason: string };

/** A file or folder the CLI must read cannot be (a one-line message, exit 2). */
export class ReadError extends Error {}

/** What a file system entry is, in words, when it is not a regular file. */
export function kindOf(stats: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'something else';
}

/** A one-line reason for an I/O error: its code and Node's words for it. */
export function ioReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (!code) return String(message ?? error);
  const words = /^[A-Z]+: ([^,]+)/.exec(message ?? '')?.[1];
  return words ? `${code} (${words})` : code;
}

function isInside(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest === '' || (!rest.startsWith('..') && !isAbsolute(rest));
}

export class SafeReader {
  private readonly realRoots: string[];

  /**
   * Reads files of at most `maxBytes` inside `roots`: the folders and files named on the command
   * line (the user chose them; the checkout chooses what lies inside them).
   */
  constructor(
    roots: readonly string[],
    readonly maxBytes: number,
  ) {
    this.realRoots = roots.map((root) => realpathSync(root));
  }

  /** Why `absolute` may not be read, or undefined when it is a regular file inside the root. */
  refusal(absolute: string): Exclude<SafeRead, { kind: 'file' } | { kind: 'too-large' }> | undefined {
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return isLink(absolute) ? { kind: 'refused', reason: 'it is a symbolic link to nothing' } : { kind: 'missing' };
      if (code === 'ELOOP') return { kind: 'refused', reason: 'it is a loop of symbolic links' };
      return { kind: 'refused', reason: ioReason(error) };
    }
    if (!this.realRoots.some((root) => isInside(root, real))) return { kind: 'refused', reason: 'it leads outside the scanned folder through a symbolic link' };
    try {
      const stats = lstatSync(real);
      return stats.isFile() ? undefined : { kind: 'refused', reason: notRegular(stats) };
    } catch (error) {
      return { kind: 'refused', reason: ioReason(error) };
    }
  }

  read(absolute: string): SafeRead {
    const refused = this.refusal(absolute);
    if (refused) return refused;
    let descriptor: number;
    try {
      // Non-blocking and not through a link: if the file was swapped for a FIFO or a link since
      // it was checked, opening neither hangs nor follows it, and fstat below refuses it.
      descriptor = openSync(realpathSync(absolute), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    } catch (error) {
      return { kind: 'refused', reason: ioReason(error) };
    }
    try {
      const stats = fstatSync(descriptor);
      if (!stats.isFile()) return { kind: 'refused', reason: notRegular(stats) };
      if (stats.size > this.maxBytes) return { kind: 'too-large', size: stats.size };
      // At most one byte past the cap: a file that grows while it is read is still cut short.
      const buffer = Buffer.alloc(Math.min(stats.size, this.maxBytes) + 1);
      let length = 0;
      for (let count = 1; count > 0 && length < buffer.length; length += count) count = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (length > this.maxBytes) return { kind: 'too-large', size: length };
      return { kind: 'file', bytes: buffer.subarray(0, length) };
    } catch (error) {
      return { kind: 'refused', reason: ioReason(error) };
    } finally {
      closeSync(descriptor);
    }
  }

  /** The text of a file, or undefined when it cannot be read safely (the caller need not say why). */
  readText(absolute: string): string | undefined {
    const read = this.read(absolute);
    return read.kind === 'file' ? read.bytes.toString('utf8') : undefined;
  }
}

function notRegular(stats: Stats): string {
  return `it is ${kindOf(stats)}, not a regular file`;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
