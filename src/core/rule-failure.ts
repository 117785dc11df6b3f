/**
 * A rule that throws on a file has not checked it: the engine says so in a finding instead of
 * letting the failure sink the review or pass silently.
 */
import { FILE_NOT_ANALYZED } from './engine-rules.js';
import type { FindingCollector } from './finding-collector.js';
import type { RuleMeta } from '../api/types.js';

export function reportRuleFailure(meta: RuleMeta, path: string, error: unknown, collector: FindingCollector): void {
  const message = error instanceof Error ? error.message : String(error);
  collector.addAt(FILE_NOT_ANALYZED, path || '.', `not fully analyzed: detector ${meta.id} (${meta.name}) failed: ${message}`);
}
