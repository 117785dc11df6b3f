/**
 * Maps a rule's fix (edits on nodes or 0-based unit points, like its reports) to file
 * positions: a Markdown block's edits land at the block's line and column offset, and the
 * lines an edit inserts get the block's indentation. Edits use `\n`; whoever applies them
 * writes the file's own line ending (a block's text no longer shows it).
 */
import type { ModelFix, UnitEdit, UnitFix } from './rule.js';
import type { Fix, Point, TextEdit } from './types.js';
import type { SourceUnit } from '../syntax/source-unit.js';
import { lineAt } from '../syntax/positions.js';

export type FixPlacement = Pick<SourceUnit, 'lineOffset' | 'columnOffset' | 'text'>;

const before = (a: Point, b: Point): boolean => a.row < b.row || (a.row === b.row && a.column < b.column);

/**
 * The fix in file terms, or undefined when it cannot be applied as given: an edit without a
 * range, outside the unit, ending before it starts, or overlapping another edit of the fix.
 */
export function placeFix(unit: FixPlacement, fix: UnitFix): Fix | undefined {
  // Lines looked up, not split: a file with a fix on each of thousands of findings was quadratic.
  const lineLength = (row: number) => lineAt(unit.text, row)?.length;
  const ranges: { start: Point; end: Point; edit: UnitEdit }[] = [];
  for (const edit of fix.edits) {
    const start = edit.node?.startPosition ?? edit.start;
    const end = edit.node?.endPosition ?? edit.end ?? start;
    if (!start || !end || before(end, start)) return undefined;
    const endLength = lineLength(end.row);
    const startLength = lineLength(start.row);
    if (endLength === undefined || startLength === undefined || end.column > endLength || start.column > startLength) return undefined;
    ranges.push({ start, end, edit });
  }
  if (!ranges.length) return undefined;
  ranges.sort((a, b) => (before(a.start, b.start) ? -1 : before(b.start, a.start) ? 1 : 0));
  for (let index = 1; index < ranges.length; index++) {
    if (before((ranges[index] as (typeof ranges)[number]).start, (ranges[index - 1] as (typeof ranges)[number]).end)) return undefined;
  }
  const indent = ' '.repeat(unit.columnOffset);
  const edits: TextEdit[] = ranges.map(({ start, end, edit }) => ({
    line: unit.lineOffset + start.row + 1,
    column: unit.columnOffset + start.column + 1,
    endLine: unit.lineOffset + end.row + 1,
    endColumn: unit.columnOffset + end.column + 1,
    text: indent ? edit.text.replace(/\n/g, `\n${indent}`) : edit.text,
  }));
  return { description: fix.description, edits };
}

/**
 * A fix on the program model in file terms: each edit's site knows its file span and its unit's
 * placement; undefined when the edits lie in different files or overlap.
 */
export function placeModelFix(fix: ModelFix): Fix | undefined {
  const [first] = fix.edits;
  if (!first || fix.edits.some((edit) => edit.site.path !== first.site.path)) return undefined;
  const edits: TextEdit[] = fix.edits.map(({ site, text }) => {
    const indent = ' '.repeat(site.source.columnOffset);
    return { ...site.span, text: indent ? text.replace(/\n/g, `\n${indent}`) : text };
  });
  const at = (line: number, column: number): Point => ({ row: line, column });
  edits.sort((a, b) => a.line - b.line || a.column - b.column);
  for (let index = 1; index < edits.length; index++) {
    const previous = edits[index - 1] as TextEdit;
    const current = edits[index] as TextEdit;
    if (before(at(current.line, current.column), at(previous.endLine, previous.endColumn))) return undefined;
  }
  return { description: fix.description, edits };
}
