/**
 * A finding's fingerprint: rule, path and normalised code, plus the occurrence number among
 * identical ones. It survives lines moving up or down, so a re-run recognises what an earlier
 * run already commented on.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../api/types.js';

export function fingerprint(ruleId: string, path: string, snippet: string, occurrence = 0): string {
  return createHash('sha256').update([ruleId, path, snippet, String(occurrence)].join('\u0000')).digest('hex').slice(0, 20);
}

/** Fingerprints for findings in the engine's order; identical findings are numbered. */
export function fingerprintAll(findings: readonly Finding[]): Map<Finding, string> {
  const seen = new Map<string, number>();
  const result = new Map<Finding, string>();
  for (const finding of findings) {
    const key = [finding.ruleId, finding.path, finding.snippet].join('\u0000');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    result.set(finding, fingerprint(finding.ruleId, finding.path, finding.snippet, occurrence));
  }
  return result;
}
