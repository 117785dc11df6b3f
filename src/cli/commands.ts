/**
 * The CLI commands as functions from options to { output, exitCode, notes }: scan a folder
 * (and fix it), review a git change, write a baseline, list the rules. No process exits here,
 * so they are easy to test.
 */
import { resolve } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../core/config.js';
import { catalog, catalogIds, CONFIG_PATH, ConfigError, parseConfigText, reviewWithCatalog, type HeadConfig } from '../core/index.js';
import { fingerprint, markPreExisting } from '../core/fingerprint.js';
import type { Finding, Severity } from '../api/types.js';
import { renderSarif } from '../render/sarif.js';
import { readBaseline, renderBaseline, withoutBaseline } from './baseline.js';
import { applyFixes, fixDiff, planFixes } from './fix-command.js';
import { changeBetween, changeInputFiles, commitProjectSource, mergeBase, repositoryRoot, resolveCommit, type ChangedFile, type CommitSource } from './git-diff.js';
import { renderReview, type CommandResult, type Format, type OutputOptions } from './output.js';
import { loadConfig, repositoryPlacement, scanTarget, UsageError } from './scan-target.js';

export { UsageError } from './scan-target.js';
export type { CommandResult, Format } from './output.js';

export interface ReportOptions {
  format: Format;
  colour: boolean;
  quiet?: boolean;
  statistics?: boolean;
  /** The lowest severity that fails, instead of the config's `fail_on`. */
  failOn?: Severity | undefined;
  /** Also write the SARIF report to this file (relative to `cwd`). */
  sarifOutput?: string | undefined;
}

export interface ScanOptions extends ReportOptions {
  paths: string[];
  config?: string | undefined;
  cwd: string;
  /** Apply the findings' fixes to the files, then review them again. */
  fix?: boolean;
  /** Print the fixes as a unified diff instead of a report; write nothing. */
  diff?: boolean;
  /** Report only findings not in this baseline file. */
  baseline?: string | undefined;
}

/** Report lines besides the findings: at the top of text output, on stderr for machine formats. */
function withLines(result: CommandResult, lines: readonly string[], format: Format): CommandResult {
  if (!lines.length) return result;
  if (format === 'text') return { ...result, output: `${lines.join('\n')}\n\n${result.output}` };
  return { ...result, notes: [...(result.notes ?? []), ...lines] };
}

export function scanCommand(options: ScanOptions): CommandResult {
  const target = scanTarget(options);
  const placement = repositoryPlacement(target.root);
  const output: OutputOptions = { ...options, ...placement, automationId: 'iac-review/scan/' };
  const first = target.analyse();
  if (options.diff) {
    const { diff, notes } = fixDiff(planFixes(target, first.findings), placement.pathPrefix);
    return { output: diff, exitCode: diff ? 1 : 0, notes };
  }
  const { after, lines } = options.fix ? applyFixes(target, first) : { after: first, lines: [] };
  let findings: Finding[] = after.findings;
  if (options.baseline) {
    const filtered = withoutBaseline(findings, readBaseline(resolve(options.cwd, options.baseline)));
    findings = filtered.findings;
    if (filtered.known) lines.push(`${filtered.known} finding(s) in the baseline ${options.baseline} not reported.`);
  }
  return withLines(renderReview(findings, after.filesAnalyzed, target.config, output), lines, options.format);
}

export interface BaselineOptions {
  paths: string[];
  config?: string | undefined;
  cwd: string;
}

/** `iac-review baseline [PATH...]`: the current findings' fingerprints, as JSON on stdout. */
export function baselineCommand(options: BaselineOptions): CommandResult {
  const result = scanTarget(options).analyse();
  return { output: renderBaseline(result.findings), exitCode: 0, notes: [`${result.findings.length} finding(s) recorded.`] };
}

export interface DiffOptions extends ReportOptions {
  base: string;
  head: string;
  config?: string | undefined;
  cwd: string;
  /** Fail only on findings the merge base does not have (default: the config's `review.new_only`, else off). */
  newOnly?: boolean | undefined;
}

/**
 * The merge base's findings in the changed files that existed there (renamed files under their
 * new path), for `--new-only`: same config, the base's project files.
 */
function baseFingerprints(root: string, base: string, head: string, changed: readonly ChangedFile[], config: Parameters<typeof reviewWithCatalog>[0]['config']): string[] {
  const source: CommitSource = commitProjectSource(root, mergeBase(root, base, head), config.maxFileBytes);
  const files = changed
    .filter((file) => file.status !== 'added' && (source.sizeOf(file.previousPath ?? file.path) ?? Infinity) <= config.maxFileBytes)
    .map((file) => ({ path: file.path, status: file.status, content: source.readBytes(file.previousPath ?? file.path) ?? '' }));
  if (!files.length) return [];
  return reviewWithCatalog({ files, config, mode: 'change', project: source }).findings.map(fingerprint);
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
  const baseSource = commitProjectSource(root, base);
  const explicit = options.config && resolve(options.cwd, options.config);
  const config = loadConfig(explicit, () => committedConfig(baseSource, `${CONFIG_PATH} at ${options.base}`), `${CONFIG_PATH} at ${options.base}`);
  const source = commitProjectSource(root, head, config.maxFileBytes);
  const change = changeBetween(root, options.base, head);
  const files = changeInputFiles(source, change.changed, config.maxFileBytes);
  const configChanged = !explicit && [...change.removed, ...change.changed.map((file) => file.path)].includes(CONFIG_PATH);
  const headConfig = configChanged ? configAt(source, `${CONFIG_PATH} at ${options.head}`) : undefined;
  const result = reviewWithCatalog({ files, config, mode: 'change', project: source, base: { project: baseSource, removed: change.removed, ...(headConfig ? { headConfig } : {}) } });
  const newOnly = options.newOnly ?? config.newOnly ?? false;
  const findings = newOnly ? markPreExisting(result.findings, baseFingerprints(root, options.base, head, change.changed, config)) : result.findings;
  return renderReview(findings, result.filesAnalyzed, config, { ...options, ...repositoryPlacement(root), automationId: 'iac-review/diff/' });
}

/** The configuration file of a commit; one too large to read stops the review, as in a scan. */
function committedConfig(source: CommitSource, label: string): string | undefined {
  const size = source.sizeOf(CONFIG_PATH);
  if (size !== undefined && size > DEFAULT_MAX_FILE_BYTES) throw new UsageError(`cannot read the config file ${label}: it is larger than ${DEFAULT_MAX_FILE_BYTES} bytes`);
  return source.readFile(CONFIG_PATH);
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
