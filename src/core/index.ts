/**
 * The engine's public entry: review files with every registered detector and the catalog's
 * rule IDs. The CLI and the App both call `reviewWithCatalog`.
 */
import { detectors } from '../../checks/registry.js';
import { catalogIds } from './catalog.js';
import { review, reviewAsync, type AsyncReviewOptions, type ReviewOptions, type ReviewResult } from './review.js';

export type { InputFile, ProjectSource, ReviewOptions, ReviewResult, ReviewStep } from './review.js';
export { REQUIREMENT_PATTERNS, type BaseRequirements, type HeadConfig } from './requirements.js';
export { CONFIG_PATH, ConfigError, parseConfigText, resolveConfig, type ResolvedConfig } from './config.js';
export { catalog, catalogEntry, catalogIds, ruleDocsUrl } from './catalog.js';
export type { Finding, Severity } from '../api/types.js';
export { severityRank } from '../api/types.js';

/**
 * Project files detectors read besides the reviewed ones: manifests, READMEs, stack files and
 * the required-region file. A host (CLI, App) makes these available through `ProjectSource`.
 */
export const PROJECT_CONTEXT_PATTERNS: readonly string[] = [
  'requirements.txt',
  'requirements-dev.txt',
  'Pipfile',
  'pyproject.toml',
  'setup.py',
  'README.md',
  'lib/README.md',
  'lib/AWS_REGION',
  'Pulumi.yaml',
  'Pulumi.*.yaml',
  'metadata.json',
  'package.json',
  'tsconfig.json',
];

export function reviewWithCatalog(options: Omit<ReviewOptions, 'rules' | 'knownRuleIds'>): ReviewResult {
  return review({ ...options, rules: detectors, knownRuleIds: catalogIds });
}

/** `reviewWithCatalog` in time slices, for servers (see `reviewAsync`). */
export function reviewWithCatalogAsync(options: Omit<ReviewOptions, 'rules' | 'knownRuleIds'>, asyncOptions?: AsyncReviewOptions): Promise<ReviewResult> {
  return reviewAsync({ ...options, rules: detectors, knownRuleIds: catalogIds }, asyncOptions);
}

/** True when some finding is at or above the configured `fail_on` severity. */
export { failsAt } from './outcome.js';
export { ParserUnavailableError } from '../syntax/parse.js';
