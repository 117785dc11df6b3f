/**
 * The engine: decode and parse each file once, run every enabled detector, map positions,
 * apply suppressions and configured severities. Pure: no network, no GitHub, no file system.
 */
import picomatch from 'picomatch';
import type { ResolvedConfig } from './config.js';
import { decodeText, type Replacement } from './decode.js';
import { FileEntry } from './file-entry.js';
import { DeflatedText, RecentlyRead, StoredText } from '../syntax/stored-text.js';
import { FILE_NOT_ANALYZED, INVALID_SUPPRESSION, REQUIREMENT_CHANGED } from './engine-rules.js';
import { FindingCollector } from './finding-collector.js';
import type { FileStatus, ModelRule, ProjectView, ReviewedFile, ReviewSettings, Rule } from '../api/rule.js';
import { ProgramCollector, type OversizedProgram } from './programs.js';
import type { ProgramModel } from '../pulumi/model.js';
import { baseView, reportRequirementChanges, type BaseRequirements } from './requirements.js';
import { reportRuleFailure } from './rule-failure.js';
import { traverseUnit } from './unit-traversal.js';
import { deriveSettings } from './settings.js';
import { DEFAULT_TREE_CACHE_BYTES, TreeCache } from '../syntax/tree-cache.js';
import { ParserUnavailableError, ParseTimeoutError } from '../syntax/parse.js';
import { languageOf } from '../syntax/source-unit.js';
import type { PythonUnit } from '../python/units.js';
import { unitsOf } from './source-units.js';
import {
  isSuppressed,
  suppressionIndex,
  suppressionsInHashCommentText,
  suppressionsInUnit,
  type Suppression,
} from './suppressions.js';
import type { Finding, RuleMeta } from '../api/types.js';

export interface InputFile {
  path: string;
  /** Bytes, text, or text deflated as it arrived (the App): that one is kept deflated between reads. */
  content: Uint8Array | string | DeflatedText;
  /** How the change touched it; `unchanged` in a plain scan. */
  status?: FileStatus;
  /** Size in bytes when the host knows it without reading (an oversized file need not be read). */
  size?: number;
  /** Set by the host when the file could not be read; it becomes an IAC002 finding. */
  readError?: string;
}

/** Project files beyond the reviewed ones (manifests, READMEs, stack files). */
export interface ProjectSource {
  readFile(path: string): string | undefined;
  paths: readonly string[];
}

export interface ReviewOptions {
  files: readonly InputFile[];
  config: ResolvedConfig;
  mode: ReviewSettings['mode'];
  rules: readonly Rule[];
  /** IDs every suppression may name (the catalog); defaults to the rules given. */
  knownRuleIds?: readonly string[];
  project?: ProjectSource;
  /**
   * Memory budget in bytes for parsed trees kept during the review (see tree-cache.ts); trees
   * beyond it are parsed again when a rule reads them. Default 0 (trees of the file under review
   * and the last few read are always kept); `Infinity` keeps every tree.
   */
  treeCacheBytes?: number;
  /**
   * What the review demands, from the base commit (the App, `diff`): settings are derived from
   * it instead of the change, and a requirement the change edits is reported (IAC003).
   */
  base?: BaseRequirements;
  /** Where the review is, as it goes: a host that stops a review can say which file it was on (the App's deadline). */
  onStep?: (step: ReviewStep) => void;
}

/** A step of the review: a file read or analysed (with its place among the files), or a project rule's final judgement. */
export type ReviewStep = { phase: 'reading' | 'analysing'; path: string; index: number; total: number } | { phase: 'judging'; ruleId: string };

export interface ReviewResult {
  findings: Finding[];
  settings: ReviewSettings;
  /** Files whose content went through the detectors. */
  filesAnalyzed: number;
  /** Files left out by `paths.include` / `paths.exclude`. */
  filesExcluded: number;
  /** Trees parsed again because `treeCacheBytes` had let them go. */
  treesParsedAgain: number;
}

const HASH_COMMENT_FILES = /(^|\/)(requirements[^/]*\.txt|Pipfile|pyproject\.toml|[^/]+\.ya?ml)$/;

function pathFilter(config: ResolvedConfig): (path: string) => boolean {
  const included = config.include.length ? picomatch(config.include as string[], { dot: true }) : () => true;
  const excluded = config.exclude.length ? picomatch(config.exclude as string[], { dot: true }) : () => false;
  return (path) => included(path) && !excluded(path);
}

/**
 * The review as a sequence of small steps: each `yield` is a point where a host may let other
 * work run (the App keeps answering webhooks while a big pull request is reviewed).
 */
function* reviewSteps(options: ReviewOptions): Generator<void, ReviewResult> {
  const { config, rules } = options;
  const wanted = pathFilter(config);
  const files = options.files.filter((file) => wanted(file.path));
  const collector = new FindingCollector();
  const suppressions: Suppression[] = [];
  const reviewed: FileEntry[] = [];
  const recentlyRead = new RecentlyRead();
  let filesAnalyzed = 0;

  // Texts first: the settings (region, environment) come from project files, and rules need them.
  for (const [index, file] of files.entries()) {
    options.onStep?.({ phase: 'reading', path: file.path, index, total: files.length });
    const entry = decodeFileEntry(file, config, collector, suppressions, recentlyRead);
    entry.cool();
    reviewed.push(entry);
    yield;
  }
  const project = projectView(reviewed, options.project);
  const settings = deriveSettings(config, options.base ? baseView(options.base) : project, options.mode);
  if (options.base) reportRequirementChanges(options.files, config, options.base, settings, collector);
  const enabled = rules.filter((rule) => config.ruleLevels.get(rule.meta.id) !== 'off');
  const modelRules: ModelRule<unknown>[] = enabled;
  // Per-review state of the rules that keep one (`begin`).
  const states = new Map<Rule, unknown>();
  for (const rule of modelRules) {
    const begin = rule.begin;
    if (begin) runGuarded(rule.meta, '', collector, () => states.set(rule, begin.call(rule, project, settings)));
  }
  const started = (rule: Rule) => !('begin' in rule && rule.begin) || states.has(rule);
  const traversing = modelRules.filter((rule) => rule.visitors && started(rule));
  const treeCache = options.treeCacheBytes === Infinity ? undefined : new TreeCache(options.treeCacheBytes ?? DEFAULT_TREE_CACHE_BYTES);
  const judging = modelRules.filter((rule) => rule.program && started(rule));
  // Program models are built only for rules that read them: building one holds its units' trees.
  const programs = judging.length ? new ProgramCollector(project, config.maxProgramBytes) : undefined;

  const reviewedPaths = new Set(reviewed.map((entry) => entry.path));
  // Fail closed: a model that cannot be built leaves every rule that judges it unable to check.
  const unbuilt = (root: string, error: unknown) => judging.forEach((rule) => reportRuleFailure(rule.meta, root, error, collector));
  const judgeModel = (model: ProgramModel) => {
    for (const rule of judging) {
      options.onStep?.({ phase: 'judging', ruleId: rule.meta.id });
      try {
        rule.program?.(model, collector.programContext(rule.meta, settings, project, states.get(rule), reviewedPaths));
      } catch (error) {
        // Fail closed on every reviewed file of the program: none of them was checked by this rule.
        const files = model.files.filter((path) => reviewedPaths.has(path));
        for (const path of files.length ? files : [model.root]) reportRuleFailure(rule.meta, path, error, collector, 'the program this file belongs to');
      }
    }
  };

  // Then each file is parsed and goes through every rule's visitors while its trees are fresh.
  for (const [index, entry] of reviewed.entries()) {
    options.onStep?.({ phase: 'analysing', path: entry.path, index, total: reviewed.length });
    const text = entry.text;
    if (text === undefined) continue;
    treeCache?.holdFile();
    parseUnits(entry, text, config, collector, suppressions, treeCache);
    if (entry.units.length || (entry.hasText && languageOf(entry.path) !== 'other')) filesAnalyzed++;
    // Unit by unit: a Markdown file's blocks each stay the tree in hand for every rule's visitors,
    // which are per language: a unit meets only those for its own.
    for (const unit of entry.units) traverseUnit(unit, entry, traversing, states, settings, collector);
    if (entry.units.length && programs) {
      programs.addFile(entry.path, entry.units);
      // An answer is a program of its own, complete now: judged before its trees are let go.
      if (languageOf(entry.path) === 'markdown') for (const model of programs.buildAnswers(entry.path, unbuilt)) judgeModel(model);
    }
    treeCache?.release();
    entry.cool();
    yield;
  }
  if (programs) {
    // Fail closed, once for the program: the rules that judge models did not check its files.
    const oversized = ({ root, paths, size }: OversizedProgram) => {
      const at = paths.find((path) => reviewedPaths.has(path)) ?? root;
      const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
      const ruleIds = judging.map((rule) => rule.meta.id).join(', ');
      collector.addAt(FILE_NOT_ANALYZED, at, `the program in \`${root === '.' ? 'the reviewed root' : root}\` (${paths.length} files, ${mb(size)} MB of code) is over the ${mb(config.maxProgramBytes)} MB its model is built for (limits.max_program_bytes), so the rules that judge the program (${ruleIds}) did not check it; the other rules did.`, 'error');
    };
    for (const model of programs.build(unbuilt, oversized)) {
      judgeModel(model);
      yield;
    }
  }
  for (const rule of modelRules) {
    if (!rule.project || !started(rule)) continue;
    options.onStep?.({ phase: 'judging', ruleId: rule.meta.id });
    runGuarded(rule.meta, '', collector, () => rule.project?.(project, collector.projectFilesContext(rule.meta, settings, states.get(rule))));
  }

  reportInvalidSuppressions(suppressions, options.knownRuleIds ?? rules.map((rule) => rule.meta.id), collector);
  const silenced = suppressionIndex(suppressions);
  const findings = collector.findings
    .filter((finding) => finding.ruleId === INVALID_SUPPRESSION.id || isUnsuppressible(finding) || !isSuppressed(silenced, finding.ruleId, finding.path, finding.line))
    .map((finding) => {
      const level = config.ruleLevels.get(finding.ruleId);
      return level && level !== 'off' ? { ...finding, severity: level } : finding;
    });
  return { findings: sortFindings(dedupe(findings)), settings, filesAnalyzed, filesExcluded: options.files.length - files.length, treesParsedAgain: treeCache?.reparses ?? 0 };
}

/** Decodes one file; problems become IAC002 findings, never exceptions. */
function decodeFileEntry(file: InputFile, config: ResolvedConfig, collector: FindingCollector, suppressions: Suppression[], recentlyRead: RecentlyRead): FileEntry {
  const language = languageOf(file.path);
  const entry = new FileEntry(file.path, file.status ?? 'unchanged');
  const size = file.size ?? (typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength);
  const analysable = language !== 'other';
  if (file.readError !== undefined) {
    collector.addAt(FILE_NOT_ANALYZED, file.path, `not analyzed: cannot read the file: ${file.readError}`);
    return entry;
  }
  if (size > config.maxFileBytes) {
    if (analysable) {
      collector.addAt(FILE_NOT_ANALYZED, file.path, `not analyzed: ${size} bytes is over the ${config.maxFileBytes}-byte limit (limits.max_file_bytes)`);
    }
    return entry;
  }
  const decoded = decodeText(file.content);
  if (!decoded.ok) {
    if (analysable) collector.addAt(FILE_NOT_ANALYZED, file.path, `not analyzed: ${decoded.reason}`);
    return entry;
  }
  // Deflated input stays deflated between reads, unless decoding changed the text (a byte-order mark, CR line ends).
  const deflated = file.content instanceof DeflatedText && !decoded.lineEnds && Buffer.byteLength(decoded.text) === file.content.byteLength ? file.content : undefined;
  const stored = new StoredText(decoded.text, deflated, recentlyRead);
  entry.hold(stored);
  collector.registerText(file.path, decoded.text, deflated ? () => stored.value : undefined);
  if (decoded.replaced && analysable) reportReplacedBytes(file.path, decoded.text, decoded.replaced, collector);
  if (HASH_COMMENT_FILES.test(file.path)) for (const suppression of suppressionsInHashCommentText(file.path, decoded.text)) suppressions.push(suppression);
  return entry;
}

/** A notice on the first byte that was not UTF-8: the file was analysed with U+FFFD in its place. */
function reportReplacedBytes(path: string, text: string, replaced: Replacement, collector: FindingCollector): void {
  const line = replaced.firstLine;
  const lineText = text.split(/\r?\n/)[line - 1] ?? '';
  const column = Math.max(0, lineText.indexOf('\uFFFD')) + 1;
  const count = replaced.bytes === 1 ? 'a byte' : `${replaced.bytes} bytes`;
  const byte = `0x${replaced.firstByte.toString(16).toUpperCase().padStart(2, '0')}`;
  // Python reads a .py file as UTF-8 unless its first two lines declare another encoding (PEP 263).
  const python = languageOf(path) === 'python' && !/coding[:=]/.test(text.split('\n', 2).join('\n'))
    ? ' Python refuses to import the file as it is (SyntaxError: Non-UTF-8 code): save it as UTF-8.'
    : '';
  collector.addSpan(
    FILE_NOT_ANALYZED,
    path,
    { line, column, endLine: line, endColumn: column + 1 },
    `Analyzed with ${count} that ${replaced.bytes === 1 ? 'is' : 'are'} not UTF-8 read as U+FFFD (first: ${byte} on line ${line}, likely a Windows-1252 character).${python}`,
  );
}

/** Parses a decoded file into its units; a parse over budget becomes an IAC002 finding. */
function parseUnits(entry: FileEntry, text: string, config: ResolvedConfig, collector: FindingCollector, suppressions: Suppression[], treeCache: TreeCache | undefined): void {
  if (languageOf(entry.path) === 'other') return;
  try {
    const units = unitsOf(entry.path, text, config.parseTimeoutMs, treeCache, entry.storedText);
    entry.units = units;
  } catch (error) {
    // A parser that cannot run is the installation's fault, not this file's: the review fails.
    if (error instanceof ParserUnavailableError) throw error;
    const limit = error instanceof ParseTimeoutError ? ' (limits.parse_timeout_ms)' : '';
    collector.addAt(FILE_NOT_ANALYZED, entry.path, `not analyzed: ${(error as Error).message}${limit}`);
    entry.hold(undefined);
    return;
  }
  for (const unit of entry.units) for (const suppression of suppressionsInUnit(unit)) suppressions.push(suppression);
}

/** Reviews files synchronously (the CLI). */
export function review(options: ReviewOptions): ReviewResult {
  const steps = reviewSteps(options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface AsyncReviewOptions {
  /** Stops the review at its next step (a newer push superseded it); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Longest stretch of synchronous work before the event loop gets a turn; default 20 ms. */
  sliceMs?: number;
}

/**
 * Reviews files in time slices, giving the event loop a turn at least every `sliceMs`, so a
 * server stays responsive while a big change is analyzed.
 */
export async function reviewAsync(options: ReviewOptions, { signal, sliceMs = 20 }: AsyncReviewOptions = {}): Promise<ReviewResult> {
  const steps = reviewSteps(options);
  let sliceStart = performance.now();
  for (;;) {
    signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** Findings the reviewed code cannot silence: a rule that could not check it, a requirement it changes. */
function isUnsuppressible(finding: Finding): boolean {
  return (finding.ruleId === FILE_NOT_ANALYZED.id && finding.severity === 'error') || finding.ruleId === REQUIREMENT_CHANGED.id;
}

function runGuarded(meta: RuleMeta, path: string, collector: FindingCollector, run: () => void): void {
  try {
    run();
  } catch (error) {
    reportRuleFailure(meta, path, error, collector);
  }
}

function reportInvalidSuppressions(suppressions: readonly Suppression[], known: readonly string[], collector: FindingCollector): void {
  for (const suppression of suppressions) {
    const span = { line: suppression.line, column: suppression.column, endLine: suppression.line, endColumn: suppression.endColumn };
    const problems: string[] = [];
    if (suppression.ruleIds.length === 0) problems.push('names no rule ID (there is no ignore-everything; write ignore[IAC307])');
    const unknown = suppression.ruleIds.filter((id) => !known.includes(id));
    if (unknown.length) problems.push(`names an unknown rule ID ${unknown.join(', ')}`);
    if (!suppression.reason) problems.push('gives no reason');
    if (problems.length) {
      collector.addSpan(INVALID_SUPPRESSION, suppression.path, span, `Suppression ${problems.join(' and ')}.`, suppression.text);
    }
  }
}

function projectView(files: readonly ReviewedFile[], source: ProjectSource | undefined): ProjectView {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const paths = [...new Set([...(source?.paths ?? []), ...byPath.keys()])].sort();
  return {
    files,
    paths,
    readFile: (path) => (byPath.has(path) ? byPath.get(path)?.text : source?.readFile(path)),
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = [finding.ruleId, finding.path, finding.line, finding.column, finding.endLine, finding.endColumn, finding.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

export type { PythonUnit };
