/**
 * The failure taxonomy: every rule ID with its metadata and whether a detector implements
 * it. JSON, SARIF, the README and suppressions all read from here.
 */
import { detectors } from '../../checks/registry.js';
import { ENGINE_RULES } from './engine-rules.js';
import type { LanguageId, RuleMeta } from '../api/types.js';
import type { Rule } from '../api/rule.js';

export interface CatalogEntry extends RuleMeta {
  /** The detector's file (`checks/<name>.ts`), or undefined for findings the engine raises itself. */
  detector: string | undefined;
  /** The languages whose code the rule judges. */
  coveredLanguages: readonly LanguageId[];
}

const ALL_LANGUAGES: readonly LanguageId[] = ['python', 'typescript'];

/**
 * What a rule covers: what its metadata declares; else the languages it has visitors for, and
 * every language when it judges the program model (filled by every front-end).
 */
function coveredLanguages(rule: Rule): readonly LanguageId[] {
  if (rule.meta.languages) return rule.meta.languages;
  if (rule.program) return ALL_LANGUAGES;
  return ALL_LANGUAGES.filter((language) => rule.visitors?.[language]);
}

export const DOCS_BASE_URL = 'https://github.com/iac-review/iac-review/blob/main/README.md';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}#${ruleId.toLowerCase()}`;
}

export const catalog: readonly CatalogEntry[] = [
  ...ENGINE_RULES.map((meta) => ({ ...meta, detector: undefined, coveredLanguages: ALL_LANGUAGES })),
  ...detectors.map((rule) => ({ ...rule.meta, detector: `checks/${rule.meta.name}.ts`, coveredLanguages: coveredLanguages(rule) })),
].sort((a, b) => a.id.localeCompare(b.id));

export const catalogIds: readonly string[] = catalog.map((entry) => entry.id);

export function catalogEntry(ruleId: string): CatalogEntry | undefined {
  return catalog.find((entry) => entry.id === ruleId);
}
