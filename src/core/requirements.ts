/**
 * Requirements from the base: what a review demands (the required region in lib/AWS_REGION,
 * `aws:region` and production stacks in Pulumi.<stack>.yaml, the configuration with its
 * structure allow-list) is read from the base commit, never from the change under review, so a
 * change cannot relax its own review. A change that edits one of them is reported (IAC003,
 * naming the old and new value); the new value takes effect once merged.
 *
 * Only files the change touches are compared: a requirement the base branch changed since
 * the change was branched off is the base's, not the change's.
 */
import type { ProjectView, ReviewSettings } from '../api/rule.js';
import type { ResolvedConfig } from './config.js';
import { CONFIG_PATH } from './config.js';
import { decodeText } from './decode.js';
import { REQUIREMENT_CHANGED } from './engine-rules.js';
import type { FindingCollector } from './finding-collector.js';
import { deriveSettings, isProductionName, stackRegion, STACK_FILE } from './settings.js';
import type { InputFile, ProjectSource } from './review.js';

/** Files (besides the configuration) that say what the review demands. */
export const REQUIREMENT_PATTERNS: readonly string[] = ['lib/AWS_REGION', 'Pulumi.*.yaml'];
const REGION_FILE = 'lib/AWS_REGION';

/** The head's configuration when the change edits it, or why it is invalid. */
export type HeadConfig = { config: ResolvedConfig } | { invalid: string };

export interface BaseRequirements {
  /** Files of the base commit: at least lib/AWS_REGION and the stack files (paths and texts). */
  project: ProjectSource;
  /** The configuration the change's head would bring, when the change edits it. */
  headConfig?: HeadConfig;
  /** Paths the change deletes (or renames away): gone at the head. */
  removed?: readonly string[];
}

/** The project as the base commit has it: what settings are derived from. */
export function baseView(base: BaseRequirements): ProjectView {
  return { files: [], paths: base.project.paths, readFile: (path) => base.project.readFile(path) };
}

const NONE = '(none)';

function regionIn(text: string | undefined): string | undefined {
  return text?.trim().split(/\s+/)[0] || undefined;
}

function shown(value: unknown): string {
  if (value === undefined) return NONE;
  const text = value instanceof Map ? JSON.stringify(Object.fromEntries([...value].sort())) : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** The configuration's keys as written in the file, with the resolved value each maps to. */
const CONFIG_KEYS: readonly [string, (config: ResolvedConfig) => unknown][] = [
  ['region', (config) => config.region],
  ['environment', (config) => config.environment],
  ['structure.allowed', (config) => config.allowedStructure],
  ['rules', (config) => config.ruleLevels],
  ['fail_on', (config) => config.failOn],
  ['paths.include', (config) => config.include],
  ['paths.exclude', (config) => config.exclude],
  ['comments.max_inline', (config) => config.maxInlineComments],
  ['review.new_only', (config) => config.newOnly],
  ['limits.max_file_bytes', (config) => config.maxFileBytes],
  ['limits.parse_timeout_ms', (config) => config.parseTimeoutMs],
];

interface Change {
  path: string;
  what: string;
  before: string;
  after: string;
}

/**
 * Reports each requirement the change edits, on the file that holds it. `files` are the
 * change's files as given (their texts are the head's), `config` the base's.
 */
export function reportRequirementChanges(files: readonly InputFile[], config: ResolvedConfig, base: BaseRequirements, settings: ReviewSettings, collector: FindingCollector): void {
  const headFiles = new Map(files.map((file) => [file.path, file]));
  const removed = new Set(base.removed ?? []);
  const touched = (path: string) => headFiles.has(path) || removed.has(path);
  const headText = (path: string): string | undefined => {
    const file = headFiles.get(path);
    if (!file || file.readError !== undefined) return undefined;
    const decoded = decodeText(file.content);
    return decoded.ok ? decoded.text : undefined;
  };
  const baseText = (path: string) => base.project.readFile(path);
  const changes: Change[] = [];
  const compare = (path: string, what: string, before: string | undefined, after: string | undefined) => {
    if ((before ?? NONE) !== (after ?? NONE)) changes.push({ path, what, before: before ?? NONE, after: after ?? NONE });
  };

  if (touched(REGION_FILE)) compare(REGION_FILE, 'the required region', regionIn(baseText(REGION_FILE)), regionIn(headText(REGION_FILE)));

  const stackPaths = [...new Set([...base.project.paths, ...headFiles.keys(), ...removed])].filter((path) => STACK_FILE.test(path) && touched(path)).sort();
  for (const path of stackPaths) {
    const [before, after] = [baseText(path), headText(path)];
    compare(path, '`aws:region`', before === undefined ? undefined : stackRegion(before), after === undefined ? undefined : stackRegion(after));
  }
  // Adding or removing a production stack file changes the environment the review assumes.
  const productionStacks = stackPaths.filter((path) => isProductionName(STACK_FILE.exec(path)?.[1] ?? ''));
  if (productionStacks.length) {
    const headPaths = [...base.project.paths.filter((path) => !removed.has(path)), ...headFiles.keys()];
    const headView: ProjectView = { files: [], paths: [...new Set(headPaths)], readFile: (path) => (touched(path) ? headText(path) : baseText(path)) };
    const atHead = deriveSettings(config, headView, settings.mode);
    for (const path of productionStacks) compare(path, 'the environment', settings.environment, atHead.environment);
  }

  const headConfig = touched(CONFIG_PATH) ? base.headConfig : undefined;
  if (headConfig && 'config' in headConfig) {
    for (const [key, read] of CONFIG_KEYS) compare(CONFIG_PATH, `\`${key}\``, shown(read(config)), shown(read(headConfig.config)));
  }

  const keeps = 'this review keeps the base commit’s value; the new one takes effect once merged.';
  for (const change of changes) {
    collector.addAt(REQUIREMENT_CHANGED, change.path, `Review requirement changed: ${change.what} in ${change.path} goes from ${change.before} to ${change.after}; ${keeps}`);
  }
  if (headConfig && 'invalid' in headConfig) {
    collector.addAt(
      REQUIREMENT_CHANGED,
      CONFIG_PATH,
      `Review requirement changed: ${CONFIG_PATH} at the head is invalid (${headConfig.invalid}); this review uses the base commit’s configuration, and once merged every review fails until it is fixed.`,
      'warning',
    );
  }
}
