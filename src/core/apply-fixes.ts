/**
 * Applies findings' fixes to a file's text: fixes are taken in file order and one whose edits
 * overlap an edit already taken is skipped (the next run can apply it to the new text); the
 * chosen edits are then applied from the end of the file backwards, so positions stay valid.
 * Pure: the CLI reads and writes the files.
 */
import type { Finding, Fix, TextEdit } from '../api/types.js';

export type SkipReason = 'overlap' | 'out-of-range';

export interface FileFixResult {
  text: string;
  /** Findings whose fix is in `text` (a fix two findings share counts for both). */
  applied: Finding[];
  skipped: { finding: Finding; reason: SkipReason; with?: Finding }[];
}

interface Range {
  start: number;
  end: number;
  text: string;
}

/** Start offset of every line; lines end at `\n` (a `\r` before it belongs to the line, as in the engine). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function offsetOf(starts: readonly number[], text: string, line: number, column: number): number | undefined {
  const lineStart = starts[line - 1];
  if (lineStart === undefined || column < 1) return undefined;
  const next = starts[line];
  const lineEnd = next === undefined ? text.length : next - 1;
  const offset = lineStart + column - 1;
  return offset <= lineEnd ? offset : undefined;
}

function rangesOf(edits: readonly TextEdit[], starts: readonly number[], text: string): Range[] | undefined {
  const ranges: Range[] = [];
  for (const edit of edits) {
    const start = offsetOf(starts, text, edit.line, edit.column);
    const end = offsetOf(starts, text, edit.endLine, edit.endColumn);
    if (start === undefined || end === undefined || end < start) return undefined;
    ranges.push({ start, end, text: edit.text });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/** Two ranges conflict when they share characters, or insert at the same place (their order would be a guess). */
function conflicts(a: Range, b: Range): boolean {
  if (a.start === a.end || b.start === b.end) return a.start === b.start || (a.start < b.end && b.start < a.end);
  return a.start < b.end && b.start < a.end;
}

const sameRanges = (a: readonly Range[], b: readonly Range[]): boolean =>
  a.length === b.length && a.every((range, index) => range.start === b[index]?.start && range.end === b[index]?.end && range.text === b[index]?.text);

/** Applies the fixes of `findings` (all of one file) to `text`; inserted lines get the file's line ending. */
export function applyFileFixes(text: string, findings: readonly Finding[]): FileFixResult {
  const starts = lineStarts(text);
  const crlf = text.slice(0, text.indexOf('\n') + 1).endsWith('\r\n');
  const result: FileFixResult = { text, applied: [], skipped: [] };
  const taken: { finding: Finding; ranges: Range[] }[] = [];
  const candidates = findings
    .filter((finding) => finding.fix?.edits.length)
    .map((finding) => ({ finding, ranges: rangesOf(finding.fix?.edits ?? [], starts, text) }))
    .sort((a, b) => (a.ranges?.[0]?.start ?? 0) - (b.ranges?.[0]?.start ?? 0));
  for (const { finding, ranges } of candidates) {
    if (!ranges) {
      result.skipped.push({ finding, reason: 'out-of-range' });
      continue;
    }
    const same = taken.find((other) => sameRanges(other.ranges, ranges));
    if (same) {
      result.applied.push(finding);
      continue;
    }
    const clash = taken.find((other) => other.ranges.some((a) => ranges.some((b) => conflicts(a, b))));
    if (clash) {
      result.skipped.push({ finding, reason: 'overlap', with: clash.finding });
      continue;
    }
    taken.push({ finding, ranges });
    result.applied.push(finding);
  }
  const edits = taken.flatMap((entry) => entry.ranges).sort((a, b) => b.start - a.start);
  let output = text;
  for (const edit of edits) output = output.slice(0, edit.start) + (crlf ? edit.text.replace(/\r?\n/g, '\r\n') : edit.text) + output.slice(edit.end);
  result.text = output;
  return result;
}

/** Findings with a fix, by path, in the engine's order. */
export function fixableByPath(findings: readonly Finding[]): Map<string, Finding[]> {
  const byPath = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!finding.fix) continue;
    const list = byPath.get(finding.path) ?? [];
    list.push(finding);
    byPath.set(finding.path, list);
  }
  return byPath;
}

/** Whole lines a fix rewrites, and what they become: what a GitHub suggested change replaces. */
export interface LineReplacement {
  startLine: number;
  endLine: number;
  /** The new text of those lines, one entry per line, without line endings; empty: the lines are deleted. */
  lines: string[];
}

/**
 * The lines `fix` rewrites in `text` and their new content, or undefined when its edits do not
 * fit the text or overlap. An edit that ends at the start of a line (a whole line removed or
 * replaced) does not touch that line, so the replacement stops at the line before it.
 */
export function fixedLines(text: string, fix: Fix): LineReplacement | undefined {
  const starts = lineStarts(text);
  const ranges = rangesOf(fix.edits, starts, text);
  if (!ranges?.length || ranges.some((range, index) => index > 0 && range.start < (ranges[index - 1] as Range).end)) return undefined;
  const startLine = fix.edits.reduce((first, edit) => Math.min(first, edit.line), Infinity);
  const lastLine = fix.edits.reduce((last, edit) => Math.max(last, edit.endLine), -Infinity);
  const from = starts[startLine - 1] as number;
  const rewrite = (to: number): string => {
    let region = text.slice(from, to);
    for (const range of [...ranges].reverse()) region = region.slice(0, range.start - from) + range.text + region.slice(range.end - from);
    return region.replace(/\r(?=\n|$)/g, '');
  };
  const lastStart = starts[lastLine - 1] as number;
  // Every edit ends at the start of the last line and none starts there: whole lines before it are rewritten.
  if (lastLine > startLine && ranges.every((range) => range.end <= lastStart && range.start < lastStart)) {
    const region = rewrite(lastStart);
    if (region === '') return { startLine, endLine: lastLine - 1, lines: [] };
    if (region.endsWith('\n')) return { startLine, endLine: lastLine - 1, lines: region.slice(0, -1).split('\n') };
  }
  const next = starts[lastLine];
  return { startLine, endLine: lastLine, lines: rewrite(next === undefined ? text.length : next - 1).split('\n') };
}
