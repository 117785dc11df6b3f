/**
 * The three CLI commands as functions from options to { output, exitCode }: scan a folder,
 * review a git change, list the rules. No process exits here, so they are easy to test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalog, catalogIds, CONFIG_PATH, ConfigError, failsAt, parseConfigText, reviewWithCatalog, type HeadConfig, type ResolvedConfig } from '../core/index.js';
import type { Finding } from '../api/types.js';
import { renderJson } from '../render/json.js';
import { renderSarif } from '../render/sarif.js';
import { renderText } from '../render/text.js';
import { diskProjectSource, isReviewable, readInputFile } from './disk-project.js';
import { changeBetween, changeInputFiles, commitProjectSource, repositoryRoot, resolveCommit, type CommitSource } from './git-diff.js';
import { isDirectory, relativePosix, walkProject } from './walk.js';

export type Format = 'text' | 'json' | 'sarif';

export interface CommandResult {
  output: string;
  exitCode: 0 | 1 | 2;
}

export class UsageError extends Error {}

function loadConfig(explicit: string | undefined, fallback: () => string | undefined, source: string): ResolvedConfig {
  if (explicit) {
    if (!existsSync(explicit)) throw new UsageError(`config file not found: ${explicit}`);
    return parseConfigText(readFileSync(explicit, 'utf8'), catalogIds, explicit);
  }
  const text = fallback();
  return parseConfigText(text ?? '', catalogIds, source);
}

function render(findings: Finding[], filesAnalyzed: number, config: ResolvedConfig, format: Format, colour: boolean): CommandResult {
  const output =
    format === 'json' ? renderJson(findings, filesAnalyzed, config.failOn) : format === 'sarif' ? renderSarif(findings) : renderText(findings, filesAnalyzed, colour);
  return { output, exitCode: failsAt(findings, config.failOn) ? 1 : 0 };
}

export interface ScanOptions {
  paths: string[];
  format: Format;
  config?: string;
  colour: boolean;
  cwd: string;
}

export function scanCommand(options: ScanOptions): CommandResult {
  const targets = (options.paths.length ? options.paths : ['.']).map((path) => resolve(options.cwd, path));
  for (const target of targets) if (!existsSync(target)) throw new UsageError(`no such file or folder: ${target}`);
  // One folder: paths are relative to it. Anything else: relative to the working folder.
  const root = targets.length === 1 && isDirectory(targets[0] as string) ? (targets[0] as string) : resolve(options.cwd);
  const config = loadConfig(options.config && resolve(options.cwd, options.config), () => diskProjectSource(root, []).readFile(CONFIG_PATH), CONFIG_PATH);
  const listed = new Set<string>();
  for (const target of targets) {
    if (isDirectory(target)) {
      const prefix = relativePosix(root, target);
      for (const path of walkProject(target)) listed.add(prefix ? `${prefix}/${path}` : path);
    } else {
      listed.add(relativePosix(root, target));
    }
  }
  const paths = [...listed].sort();
  const files = paths.filter(isReviewable).map((path) => readInputFile(root, path, config));
  const result = reviewWithCatalog({ files, config, mode: 'scan', project: diskProjectSource(root, paths) });
  return render(result.findings, result.filesAnalyzed, config, options.format, options.colour);
}

export interface DiffOptions {
  base: string;
  head: string;
  format: Format;
  config?: string;
  colour: boolean;
  cwd: string;
}

/**
 * What the review demands (configuration, lib/AWS_REGION, stack files) is read at the base
 * ref, as the App reads it from the pull request's base: a change cannot relax its own review,
 * and a change to a requirement is reported (IAC003).
 */
export function diffCommand(options: DiffOptions): CommandResult {
  const root = repositoryRoot(options.cwd);
  const head = resolveCommit(root, options.head);
  const base = resolveCommit(root, options.base);
  const source = commitProjectSource(root, head);
  const baseSource = commitProjectSource(root, base);
  const explicit = options.config && resolve(options.cwd, options.config);
  const config = loadConfig(explicit, () => baseSource.readFile(CONFIG_PATH), `${CONFIG_PATH} at ${options.base}`);
  const change = changeBetween(root, options.base, head);
  const files = changeInputFiles(source, change.changed, config.maxFileBytes);
  const configChanged = !explicit && [...change.removed, ...change.changed.map((file) => file.path)].includes(CONFIG_PATH);
  const headConfig = configChanged ? configAt(source, `${CONFIG_PATH} at ${options.head}`) : undefined;
  const result = reviewWithCatalog({ files, config, mode: 'change', project: source, base: { project: baseSource, removed: change.removed, ...(headConfig ? { headConfig } : {}) } });
  return render(result.findings, result.filesAnalyzed, config, options.format, options.colour);
}

/** The configuration a commit would bring, or why it is invalid (reported, not thrown: the base's is in force). */
function configAt(source: CommitSource, label: string): HeadConfig {
  try {
    return { config: parseConfigText(source.readFile(CONFIG_PATH) ?? '', catalogIds, label) };
  } catch (error) {
    if (error instanceof ConfigError) return { invalid: error.problems.join('; ') };
    throw error;
  }
}

export function rulesCommand(format: Format): CommandResult {
  if (format === 'sarif') return { output: renderSarif([]), exitCode: 0 };
  if (format === 'json') {
    const rules = catalog.map(({ id, name, title, category, severity, detector, why, fix }) => ({ id, name, title, category, severity, detector: detector ?? 'engine', why, fix }));
    return { output: `${JSON.stringify({ version: 1, rules }, null, 2)}\n`, exitCode: 0 };
  }
  const rows = catalog.map((entry) => `${entry.id}  ${entry.severity.padEnd(7)}  ${entry.title}  [${entry.category}]  ${entry.detector ?? 'engine'}`);
  const detected = catalog.filter((entry) => entry.detector).length;
  return { output: `${rows.join('\n')}\n\n${detected} detectors; IAC001, IAC002 and IAC003 are raised by the engine itself.\n`, exitCode: 0 };
}
