/**
 * Maps a file's unified-diff `patch` (as the pull-request files API returns it) to the lines a
 * review comment may anchor to on the RIGHT (head) side, and decides where a finding goes.
 * Parsed with the `diff` package; a patch it cannot parse anchors nothing (the finding goes to
 * the summary instead of risking a 422).
 */
import { parsePatch } from 'diff';

/** A hunk's range of new-side (RIGHT) line numbers, inclusive. */
export interface HunkRange {
  start: number;
  end: number;
}

/**
 * A set of line numbers kept as sorted, disjoint ranges: an added file of 5,000 lines is one
 * range, where a Set would hold 5,000 entries for every file of a big pull request.
 */
export class LineRanges implements Iterable<number> {
  /** Start and end (inclusive) of each range, in order. */
  private readonly bounds: number[] = [];

  /** Adds `line`; lines must come in increasing order (as a hunk's do). */
  add(line: number): void {
    const last = this.bounds.length - 1;
    if (last > 0 && this.bounds[last] === line - 1) this.bounds[last] = line;
    else if (last < 0 || line > (this.bounds[last] as number)) this.bounds.push(line, line);
  }

  has(line: number): boolean {
    let low = 0;
    let high = this.bounds.length / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (line < (this.bounds[2 * middle] as number)) high = middle - 1;
      else if (line > (this.bounds[2 * middle + 1] as number)) low = middle + 1;
      else return true;
    }
    return false;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let index = 0; index < this.bounds.length; index += 2) {
      for (let line = this.bounds[index] as number; line <= (this.bounds[index + 1] as number); line++) yield line;
    }
  }
}

export interface ChangedLines {
  /** RIGHT-side lines the change added (`+` lines). */
  added: LineRanges;
  /** RIGHT-side ranges covered by each hunk (added and context lines). */
  hunks: readonly HunkRange[];
}

export const NO_CHANGED_LINES: ChangedLines = { added: new LineRanges(), hunks: [] };

export function changedLines(patch: string | undefined): ChangedLines {
  if (!patch) return NO_CHANGED_LINES;
  let parsed;
  try {
    parsed = parsePatch(patch);
  } catch {
    return NO_CHANGED_LINES;
  }
  const added = new LineRanges();
  const hunks: HunkRange[] = [];
  for (const file of parsed) {
    for (const hunk of file.hunks) {
      let line = hunk.newStart;
      let last = hunk.newStart - 1;
      for (const text of hunk.lines) {
        const marker = text[0];
        if (marker === '+') {
          added.add(line);
          last = line;
          line++;
        } else if (marker === ' ') {
          last = line;
          line++;
        }
        // '-' lines exist only on the LEFT side; '\' is "No newline at end of file".
      }
      if (last >= hunk.newStart) hunks.push({ start: hunk.newStart, end: last });
    }
  }
  return { added, hunks };
}

/** Where an inline comment goes: `line` (and `startLine` for a multi-line range), RIGHT side. */
export interface Anchor {
  line: number;
  startLine?: number;
}

/** Ranges longer than this are anchored on one line: a whole highlighted class helps nobody. */
export const MAX_RANGE_LINES = 15;

/**
 * The anchor for a finding spanning `line..endLine`, or undefined when the span touches no
 * added line (the finding then belongs to the summary: the change did not write that code).
 */
export function anchorFor(changed: ChangedLines, line: number, endLine: number): Anchor | undefined {
  const last = Math.max(line, endLine);
  let firstAdded: number | undefined;
  for (let current = line; current <= last; current++) {
    if (changed.added.has(current)) {
      firstAdded = current;
      break;
    }
  }
  if (firstAdded === undefined) return undefined;
  const hunk = changed.hunks.find((range) => range.start <= line && line <= range.end);
  if (last > line && hunk && last <= hunk.end && last - line < MAX_RANGE_LINES) {
    return { startLine: line, line: last };
  }
  return { line: changed.added.has(line) ? line : firstAdded };
}

/** True when every line of `from..to` is one the change added (a suggested change may replace only those). */
export function allAdded(changed: ChangedLines, from: number, to: number): boolean {
  for (let line = from; line <= to; line++) if (!changed.added.has(line)) return false;
  return from <= to;
}
