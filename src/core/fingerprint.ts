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
