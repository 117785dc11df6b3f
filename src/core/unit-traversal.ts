/**
 * Runs the language rules on one unit: each rule that has visitors for the unit's language
 * makes them for this unit, and the engine's one traversal (traversal.ts) calls them all.
 */
import type { ModelRule, ReviewedFile, ReviewSettings, Visitors } from '../api/rule.js';
import type { SourceUnit } from '../syntax/source-unit.js';
import type { FindingCollector } from './finding-collector.js';
import { reportRuleFailure } from './rule-failure.js';
import { traverse } from './traversal.js';

export function traverseUnit(
  unit: SourceUnit,
  file: ReviewedFile,
  rules: readonly ModelRule<unknown>[],
  states: ReadonlyMap<unknown, unknown>,
  settings: ReviewSettings,
  collector: FindingCollector,
): void {
  const visitorSets: Visitors[] = [];
  const owners: ModelRule<unknown>[] = [];
  for (const rule of rules) {
    const create = rule.visitors?.[unit.language];
    if (!create) continue;
    try {
      visitorSets.push(create(collector.unitContext(rule.meta, unit, file, settings, states.get(rule))));
      owners.push(rule);
    } catch (error) {
      reportRuleFailure(rule.meta, unit.path, error, collector);
    }
  }
  if (visitorSets.length === 0) return;
  for (const failure of traverse(unit.tree, visitorSets)) {
    const rule = owners[failure.rule];
    if (rule) reportRuleFailure(rule.meta, unit.path, failure.error, collector);
  }
}
