/**
 * Derives the project facts detectors rely on (required region, production or not) from the
 * configuration and the project's own files, in a documented order of precedence.
 */
import { parse as parseYaml } from 'yaml';
import { isProductionName } from '../api/environments.js';
import type { ResolvedConfig } from './config.js';
import type { ProjectView, ReviewSettings } from '../api/rule.js';

export const STACK_FILE = /^(?:.*\/)?Pulumi\.([^/]+)\.ya?ml$/;
export { isProductionName };

/** `aws:region` of a stack file's text, when it sets one. */
export function stackRegion(text: string): string | undefined {
  try {
    const document = parseYaml(text) as { config?: Record<string, unknown> } | null;
    const region = document?.config?.['aws:region'];
    if (typeof region === 'string') return region;
    if (region && typeof region === 'object' && 'value' in region && typeof region.value === 'string') return region.value;
  } catch {
    // A broken stack file gives no region; it is not this module's finding to make.
  }
  return undefined;
}

export function deriveSettings(config: ResolvedConfig, project: ProjectView, mode: ReviewSettings['mode']): ReviewSettings {
  const stackFiles = project.paths
    .map((path) => ({ path, stack: STACK_FILE.exec(path)?.[1] }))
    .filter((entry): entry is { path: string; stack: string } => entry.stack !== undefined);
  const productionStacks = stackFiles.filter((entry) => isProductionName(entry.stack));

  let region = config.region;
  let regionSource = region ? 'config `region`' : undefined;
  const regionFile = project.readFile('lib/AWS_REGION')?.trim();
  if (!region && regionFile) {
    region = regionFile.split(/\s+/)[0];
    regionSource = 'lib/AWS_REGION';
  }
  if (!region) {
    const withRegion = stackFiles
      .map((entry) => ({ ...entry, region: stackRegion(project.readFile(entry.path) ?? '') }))
      .filter((entry): entry is typeof entry & { region: string } => entry.region !== undefined);
    const distinct = new Set(withRegion.map((entry) => entry.region));
    const chosen = distinct.size === 1 ? withRegion[0] : withRegion.find((entry) => isProductionName(entry.stack));
    if (chosen) {
      region = chosen.region;
      regionSource = `aws:region in ${chosen.path}`;
    }
  }

  const environment = config.environment ?? (productionStacks.length > 0 ? 'production' : undefined);
  return {
    region,
    regionSource,
    environment,
    production: environment !== undefined && isProductionName(environment),
    allowedStructure: config.allowedStructure,
    mode,
  };
}
