/**
 * A finding's identity across runs: rule, path and the normalised code it points at, not its
 * line number, so a finding that moves because lines were added above it is still the same.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../api/types.js';

export function fingerprint(finding: Pick<Finding, 'ruleId' | 'path' | 'snippet' | 'message'>): string {
  return createHash('sha256')
    .update([finding.ruleId, finding.path, finding.snippet || finding.message].join('\u0000'))
    .digest('hex')
    .slice(0, 20);
}

/**
 * The findings with `preExisting` set on those whose fingerprint `known` holds (the base
 * commit's findings of the same files, or a baseline file). Counted: two identical findings
 * where the base had one leave one of them new.
 */
export function markPreExisting(findings: readonly Finding[], known: Iterable<string>): Finding[] {
  const remaining = new Map<string, number>();
  for (const print of known) remaining.set(print, (remaining.get(print) ?? 0) + 1);
  return findings.map((finding) => {
    const print = fingerprint(finding);
    const count = remaining.get(print) ?? 0;
    if (count === 0) return finding;
    remaining.set(print, count - 1);
    return { ...finding, preExisting: true };
  });
}
