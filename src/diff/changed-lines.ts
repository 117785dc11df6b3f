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

export interface ChangedLines {
  /** RIGHT-side lines the change added (`+` lines). */
  added: ReadonlySet<number>;
  /** RIGHT-side ranges covered by each hunk (added and context lines). */
  hunks: readonly HunkRange[];
}

export const NO_CHANGED_LINES: ChangedLines = { added: new Set(), hunks: [] };

export function changedLines(patch: string | undefined): ChangedLines {
  if (!patch) return NO_CHANGED_LINES;
  let parsed;
  try {
    parsed = parsePatch(patch);
  } catch {
    return NO_CHANGED_LINES;
  }
  const added = new Set<number>();
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
