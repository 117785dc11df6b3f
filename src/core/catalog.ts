/**
 * The failure taxonomy: every rule ID with its metadata and whether a detector implements
 * it. JSON, SARIF, the README and suppressions all read from here.
 */
import { detectors } from '../../checks/registry.js';
import { ENGINE_RULES } from './engine-rules.js';
import type { RuleMeta } from '../api/types.js';

export interface CatalogEntry extends RuleMeta {
  /** The detector's file (`checks/<name>.ts`), or undefined for findings the engine raises itself. */
  detector: string | undefined;
}

export const DOCS_BASE_URL = 'https://github.com/iac-review/iac-review/blob/main/README.md';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}#${ruleId.toLowerCase()}`;
}

export const catalog: readonly CatalogEntry[] = [
  ...ENGINE_RULES.map((meta) => ({ ...meta, detector: undefined })),
  ...detectors.map((rule) => ({ ...rule.meta, detector: `checks/${rule.meta.name}.ts` })),
].sort((a, b) => a.id.localeCompare(b.id));

export const catalogIds: readonly string[] = catalog.map((entry) => entry.id);

export function catalogEntry(ruleId: string): CatalogEntry | undefined {
  return catalog.find((entry) => entry.id === ruleId);
}
