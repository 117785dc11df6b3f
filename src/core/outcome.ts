import { severityRank, type Finding, type Severity } from '../api/types.js';

/**
 * True when a finding is at or above `failOn` (the CLI's exit 1, the App's `failure`). Findings
 * the base commit already had (`preExisting`, with new-only) never fail a change.
 */
export function failsAt(findings: readonly Finding[], failOn: Severity): boolean {
  return findings.some((finding) => !finding.preExisting && severityRank(finding.severity) >= severityRank(failOn));
}

export interface SeverityCounts {
  error: number;
  warning: number;
  notice: number;
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
