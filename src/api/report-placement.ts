/**
 * Where a rule's report on a unit lands in the unit's file: Markdown blocks sit at a line and
 * column offset. Also used by rules that keep a report until their final judgement, placed while
 * the unit's tree is at hand.
 */
import type { PlacedReport, UnitReport } from './rule.js';
import type { SourceUnit } from '../syntax/source-unit.js';
import type { Fix, Point, Span } from './types.js';
import { copyOf } from '../syntax/string-copies.js';
import { placeFix } from './fix-placement.js';
import { lineAt } from '../syntax/positions.js';

/** A fix copied: a finding outlives its file's text, and a slice of that text would pin all of it. */
export function copiedFix(fix: Fix): Fix {
  return { description: copyOf(fix.description), edits: fix.edits.map((edit) => ({ ...edit, text: copyOf(edit.text) })) };
}

/** Where a unit report lands in its file, its snippet and fix; undefined without a node or position. */
export function placeUnitReport(unit: SourceUnit, report: UnitReport): { span: Span; snippet: string | undefined; fix: Fix | undefined } | undefined {
  const start: Point | undefined = report.node?.startPosition ?? report.start;
  const end: Point | undefined = report.node?.endPosition ?? report.end ?? start;
  if (!start || !end) return undefined;
  const span: Span = {
    line: unit.lineOffset + start.row + 1,
    column: unit.columnOffset + start.column + 1,
    endLine: unit.lineOffset + end.row + 1,
    endColumn: unit.columnOffset + end.column + 1,
  };
  return { span, snippet: report.node ? report.node.text : lineAt(unit.text, start.row), fix: report.fix && placeFix(unit, report.fix) };
}

/**
 * A report a rule keeps until its final judgement, placed now, while the unit's tree is at hand:
 * the same span and snippet the unit report would get, with no node or text kept.
 */
export function placedReport(unit: SourceUnit, report: UnitReport): PlacedReport {
  const placed = placeUnitReport(unit, report);
  if (!placed) throw new Error('a report without a node or position');
  return {
    path: unit.path,
    span: placed.span,
    message: copyOf(report.message),
    ...(placed.snippet === undefined ? {} : { snippet: copyOf(placed.snippet) }),
    ...(report.severity ? { severity: report.severity } : {}),
    ...(placed.fix ? { fix: copiedFix(placed.fix) } : {}),
  };
}
