/** The CLI's JSON output, a contract other tools consume: keep its shape exactly. */
import { countBySeverity, failsAt } from '../core/outcome.js';
import type { Finding, Fix, Severity } from '../api/types.js';

export interface JsonReport {
  version: 1;
  findings: {
    ruleId: string;
    severity: Severity;
    path: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    category: string;
    message: string;
    /** Only when the rule knows a deterministic fix. */
    fix?: Fix;
    /** Only in a change review comparing with the base (`--new-only`, the App): the base has it too. */
    preExisting?: true;
  }[];
  summary: { files: number; findings: number; error: number; warning: number; notice: number; failOn: Severity; failed: boolean };
}

export function renderJson(findings: readonly Finding[], filesAnalyzed: number, failOn: Severity): string {
  const report: JsonReport = {
    version: 1,
    findings: findings.map(({ ruleId, severity, path, line, column, endLine, endColumn, category, message, fix, preExisting }) => ({
      ruleId,
      severity,
      path,
      line,
      column,
      endLine,
      endColumn,
      category,
      message,
      ...(fix ? { fix } : {}),
      ...(preExisting ? { preExisting: true as const } : {}),
    })),
    summary: { files: filesAnalyzed, findings: findings.length, ...countBySeverity(findings), failOn, failed: failsAt(findings, failOn) },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
