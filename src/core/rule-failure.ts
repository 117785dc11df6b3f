/**
 * A rule that throws on a file has not checked it: the engine says so in a finding instead of
 * letting the failure sink the review or pass silently.
 */
import { FILE_NOT_ANALYZED } from './engine-rules.js';
import type { FindingCollector } from './finding-collector.js';
import type { RuleMeta } from '../api/types.js';

export function reportRuleFailure(meta: RuleMeta, path: string, error: unknown, collector: FindingCollector, what = path ? 'this file' : 'the project'): void {
  const message = error instanceof Error ? error.message : String(error);
  // Fail closed: error severity, so the review cannot pass with the file unchecked (and no suppression silences it).
  collector.addAt(FILE_NOT_ANALYZED, path || '.', `rule ${meta.id} (${meta.name}) could not check ${what}: ${message}`, 'error');
}
