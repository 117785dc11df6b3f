/**
 * Collects findings from detectors and turns unit-relative positions into file spans that
 * always lie inside the file, with a normalised snippet for fingerprints.
 */
import { copiedFix, placeUnitReport } from '../api/report-placement.js';
import { FileLines } from './file-lines.js';
import { copyOf } from '../syntax/string-copies.js';
import type { ModelReport, ProgramContext, ProjectContext, ProjectView, ReviewedFile, ReviewSettings, UnitContext, UnitReport } from '../api/rule.js';
import type { SourceUnit } from '../syntax/source-unit.js';
import type { Finding, Fix, RuleMeta, Severity, Span } from '../api/types.js';
import { placeModelFix } from '../api/fix-placement.js';

const SNIPPET_LIMIT = 200;

export function normalizeSnippet(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > SNIPPET_LIMIT ? collapsed.slice(0, SNIPPET_LIMIT) : collapsed;
}

export class FindingCollector {
  readonly findings: Finding[] = [];
  private readonly lines = new Map<string, FileLines>();

  /** `reread` gives the text again later, so the collector need not hold it (see FileLines). */
  registerText(path: string, text: string, reread?: () => string | undefined): void {
    this.lines.set(path, new FileLines(text, reread));
  }

  unitContext<State>(meta: RuleMeta, unit: SourceUnit, file: ReviewedFile, settings: ReviewSettings, state: State): UnitContext<State> {
    return { unit, file, settings, state, report: (report) => this.addUnitReport(meta, unit, report) };
  }

  /** Reports on model sites; those in files outside the review (read only to build the model) are dropped. */
  programContext<State>(meta: RuleMeta, settings: ReviewSettings, project: ProjectView, state: State, reviewed: ReadonlySet<string>): ProgramContext<State> {
    return {
      settings,
      project,
      state,
      report: (report: ModelReport) => {
        const site = report.at && 'site' in report.at ? report.at.site : report.at;
        if (!site) throw new Error(`${meta.id} reported on a model element without a site`);
        if (!reviewed.has(site.path)) return;
        this.addSpan(meta, site.path, site.span, report.message, site.text, report.severity, report.fix && placeModelFix(report.fix));
      },
    };
  }

  projectFilesContext<State>(meta: RuleMeta, settings: ReviewSettings, state: State): ProjectContext<State> {
    return { settings, state, report: (report) => this.addSpan(meta, report.path, report.span, report.message, report.snippet, report.severity, report.fix) };
  }

  /** A finding on the first line of a file (for whole-file problems). */
  addAt(meta: RuleMeta, path: string, message: string, severity?: Severity): void {
    const firstLine = this.lines.get(path)?.firstLine ?? '';
    this.addSpan(meta, path, { line: 1, column: 1, endLine: 1, endColumn: Math.max(1, firstLine.length) + 1 }, message, firstLine, severity);
  }

  addSpan(meta: RuleMeta, path: string, span: Span, message: string, snippet?: string, severity?: Severity, fix?: Fix): void {
    const clamped = this.clamp(path, span);
    this.findings.push({
      ruleId: meta.id,
      severity: severity ?? meta.severity,
      path,
      ...clamped,
      category: meta.category,
      // Copies: a finding outlives its file's text, and a slice of that text would pin all of it.
      message: copyOf(message),
      snippet: copyOf(normalizeSnippet(snippet ?? this.lines.get(path)?.line(clamped.line) ?? '')),
      ...(fix ? { fix: copiedFix(fix) } : {}),
    });
  }

  private addUnitReport(meta: RuleMeta, unit: SourceUnit, report: UnitReport): void {
    const placed = placeUnitReport(unit, report);
    if (!placed) throw new Error(`${meta.id} reported without a node or position`);
    this.addSpan(meta, unit.path, placed.span, report.message, placed.snippet, report.severity, placed.fix);
  }

  /** Keeps a span inside the file: lines within 1..lineCount, columns within each line. */
  private clamp(path: string, span: Span): Span {
    const lines = this.lines.get(path);
    const lastLine = Math.max(1, lines?.count ?? 1);
    const line = Math.min(Math.max(1, span.line), lastLine);
    const endLine = Math.min(Math.max(line, span.endLine), lastLine);
    const lineEnd = (lineNumber: number) => (lines?.length(lineNumber) ?? 0) + 1;
    const column = Math.min(Math.max(1, span.column), lineEnd(line));
    let endColumn = Math.min(Math.max(1, span.endColumn), lineEnd(endLine));
    if (endLine === line && endColumn < column) endColumn = column;
    return { line, column, endLine, endColumn };
  }
}
