/**
 * One review of one pull request at one head SHA: check run in progress, changed files and
 * project context read from GitHub, the engine run, then annotations, inline comments, the
 * summary comment and the completed check run. Whatever fails, the check run is completed
 * with a conclusion that says what happened; nothing is left in progress.
 *
 * The review reads file contents as bytes and parses them; it never runs code from the pull
 * request. Everything it needs is in `ReviewRequest`, so a queue can hold requests later.
 */
import pLimit from 'p-limit';
import type { Logger } from 'probot';
import { catalogIds } from '../engine/catalog.js';
import { ConfigError, resolveConfig, type ResolvedConfig } from '../engine/config.js';
import { PROJECT_CONTEXT_PATTERNS, reviewWithCatalog, type InputFile, type ProjectSource } from '../engine/index.js';
import { failsAt } from '../engine/outcome.js';
import type { Finding } from '../engine/types.js';
import { addAnnotations, completeCheckRun, createCheckRun, type CheckRun } from '../github/checks.js';
import { FileFetchError, loadProjectFiles, restContentSource, type ContentSource } from '../github/contents.js';
import { listChangedFiles, MAX_LISTED_FILES, postedFingerprints, upsertSummaryComment } from '../github/pulls.js';
import { describeError, httpStatus, type GitHub, type RepoRef } from '../github/types.js';
import { planAnnotations } from '../render/annotations.js';
import { renderCheckOutput, renderFailureOutput, renderSummaryComment, type Conclusion, type FileLinker, type ReviewReport } from '../render/markdown.js';
import { engineStatus, planFiles } from './changed-files.js';
import { postInlineComments } from './inline-comments.js';

export interface ReviewRequest {
  repo: RepoRef;
  pullNumber: number;
  headSha: string;
  /** What asked for the review, for logs (e.g. `pull_request.synchronize`, `/recheck by @ana`). */
  trigger: string;
  /** Reads the raw configuration: Probot's `context.config('iac-review.yml')`, so `_extends` works. */
  loadConfig: () => Promise<unknown>;
  /** The repository's web URL (GitHub Enterprise has its own host); used for file links. */
  htmlUrl?: string;
}

export interface ReviewDependencies {
  github: GitHub;
  log: Logger;
  /** Parallel content requests per review. */
  concurrency?: number;
  /** How file contents are read; the REST blobs API unless a test or a batching layer says otherwise. */
  contentSource?: (github: GitHub, repo: RepoRef, limit: <T>(fn: () => Promise<T>) => Promise<T>) => ContentSource;
}

export interface ReviewOutcome {
  checkRunId: number;
  conclusion: Conclusion;
  findings: readonly Finding[];
  /** Set when the review could not be carried out. */
  failure?: string;
}

const DEFAULT_CONCURRENCY = 8;

/** A failed step of the review: what the app was doing, and the error. */
class StepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`${step}: ${describeError(cause)}`, { cause });
    this.name = 'StepError';
  }
}

async function step<T>(description: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StepError) throw error;
    throw new StepError(description, error);
  }
}

function fileLinker(request: ReviewRequest): FileLinker {
  const base = request.htmlUrl ?? `https://github.com/${request.repo.owner}/${request.repo.repo}`;
  return {
    file: (path, line, endLine) => {
      const encoded = path.split('/').map(encodeURIComponent).join('/');
      const anchor = line ? `#L${line}${endLine && endLine > line ? `-L${endLine}` : ''}` : '';
      return `${base}/blob/${request.headSha}/${encoded}${anchor}`;
    },
  };
}

export async function reviewPullRequest(request: ReviewRequest, deps: ReviewDependencies): Promise<ReviewOutcome> {
  const { github, log } = deps;
  const checkRun = await createCheckRun(github, request.repo, request.headSha, String(request.pullNumber));
  log.info({ pull: request.pullNumber, sha: request.headSha, trigger: request.trigger, checkRun: checkRun.id }, 'iac-review started');
  try {
    const outcome = await carryOut(request, deps, checkRun);
    log.info({ pull: request.pullNumber, sha: request.headSha, conclusion: outcome.conclusion, findings: outcome.findings.length }, 'iac-review completed');
    return outcome;
  } catch (error) {
    const { title, explanation } = explainFailure(error, request);
    log.error({ err: error, pull: request.pullNumber, sha: request.headSha }, `iac-review failed: ${explanation}`);
    try {
      await completeCheckRun(github, request.repo, checkRun.id, 'failure', renderFailureOutput(title, explanation));
    } catch (completionError) {
      log.error({ err: completionError, checkRun: checkRun.id }, 'could not complete the check run after a failure');
    }
    return { checkRunId: checkRun.id, conclusion: 'failure', findings: [], failure: explanation };
  }
}

/**
 * Conclusion when the review itself fails: `failure`. Fail closed: with `iac-review` as a
 * required check, an unreviewed commit must not look approved; Re-run or `/recheck` retries.
 */
function explainFailure(error: unknown, request: ReviewRequest): { title: string; explanation: string } {
  if (error instanceof ConfigError) {
    return {
      title: 'Invalid configuration',
      explanation: [
        `The configuration \`.github/iac-review.yml\` is invalid, so nothing was reviewed:`,
        '',
        ...error.problems.map((problem) => `- \`${problem.split(':')[0]}\`:${problem.slice(problem.indexOf(':') + 1)}`),
        '',
        'The App reads it from the default branch (or from the organisation’s `.github` repository through `_extends`).',
      ].join('\n'),
    };
  }
  if (error instanceof StepError) {
    const cause = error.cause;
    if (cause instanceof FileFetchError) {
      const status = httpStatus(cause.cause);
      const vanished = status === 404 ? ' The file may have vanished (for example after a force-push).' : '';
      return {
        title: 'Review failed: a file could not be read',
        explanation: `While ${error.step}, \`${cause.path}\` at \`${request.headSha.slice(0, 7)}\` could not be read: ${describeError(cause.cause)}.${vanished}`,
      };
    }
    const status = httpStatus(cause);
    const title = status ? (status === 403 || status === 429 ? 'Review failed: GitHub rate limit' : `Review failed: GitHub API error ${status}`) : 'Review failed: internal error';
    return { title, explanation: `While ${error.step}, ${describeError(cause)}.` };
  }
  return { title: 'Review failed: internal error', explanation: `The review stopped unexpectedly: ${describeError(error)}.` };
}

async function loadConfiguration(request: ReviewRequest): Promise<ResolvedConfig> {
  let raw: unknown;
  try {
    raw = await request.loadConfig();
  } catch (error) {
    // The config plugin throws plain errors for YAML it cannot parse and RequestErrors for HTTP.
    if (httpStatus(error) !== undefined) throw new StepError('reading .github/iac-review.yml', error);
    throw new ConfigError('.github/iac-review.yml', [`(file): ${(error as Error).message.replace(/^\[[^\]]+\]\s*/, '')}`]);
  }
  return resolveConfig(raw ?? {}, catalogIds);
}

async function carryOut(request: ReviewRequest, deps: ReviewDependencies, checkRun: CheckRun): Promise<ReviewOutcome> {
  const { github, log } = deps;
  const { repo, pullNumber, headSha } = request;
  const notes: string[] = [];
  const config = await loadConfiguration(request);

  const changed = await step(`listing the changed files of #${pullNumber}`, () => listChangedFiles(github, repo, pullNumber));
  if (changed.length >= MAX_LISTED_FILES) {
    notes.push(`GitHub lists at most ${MAX_LISTED_FILES.toLocaleString('en-US')} files of a pull request; files beyond that were not reviewed.`);
  }
  const plan = planFiles(changed);
  const limit = pLimit(deps.concurrency ?? DEFAULT_CONCURRENCY);
  const source = (deps.contentSource ?? restContentSource)(github, repo, limit);
  const contents = await step('reading the changed files', () => source.readBlobs(plan.fetch));

  const files: InputFile[] = [
    ...plan.fetch.map((file, index) => ({ path: file.path, content: contents[index] as Uint8Array, status: engineStatus(file.status) })),
    ...plan.binary.map((file) => ({ path: file.path, content: new Uint8Array(), status: engineStatus(file.status) })),
  ];

  let project: ProjectSource | undefined;
  try {
    const projectFiles = await loadProjectFiles(github, repo, headSha, PROJECT_CONTEXT_PATTERNS, source, new Set(files.map((file) => file.path)), config.maxFileBytes);
    project = { paths: projectFiles.paths, readFile: (path) => projectFiles.texts.get(path) };
  } catch (error) {
    log.warn({ err: error }, 'project context unavailable');
    notes.push(`Project files (requirements, README, stack files, lib/AWS_REGION) could not be read: ${describeError(error)}. Region and environment come from the configuration only.`);
  }

  const result = await step('running the detectors', () => reviewWithCatalog({ files, config, mode: 'change', project }));
  const findings = result.findings;
  const conclusion: Conclusion =
    failsAt(findings, config.failOn) ? 'failure' : result.filesAnalyzed === 0 && findings.length === 0 ? 'neutral' : 'success';

  const report: ReviewReport = {
    conclusion,
    findings,
    failOn: config.failOn,
    headSha,
    filesChanged: changed.length,
    filesReviewed: files.length,
    filesAnalyzed: result.filesAnalyzed,
    filesExcluded: result.filesExcluded,
    region: result.settings.region,
    regionSource: result.settings.regionSource,
    production: result.settings.production,
    notes,
    links: fileLinker(request),
  };
  if (plan.binary.length) notes.push(`${plan.binary.length} binary or empty file(s) were checked by name only.`);

  // Inline comments: only new findings on lines the change added.
  let alreadyPosted: Set<string> | undefined;
  try {
    alreadyPosted = await postedFingerprints(github, repo, pullNumber);
  } catch (error) {
    notes.push(`Earlier review comments could not be listed (${describeError(error)}); no inline comments were posted, to avoid duplicates.`);
  }
  const inline = await postInlineComments({
    github,
    repo,
    pullNumber,
    headSha,
    findings,
    changed,
    alreadyPosted,
    maxInline: config.maxInlineComments,
    checkRunUrl: checkRun.htmlUrl,
    log,
  });
  notes.push(...inline.notes);

  try {
    const body = renderSummaryComment(report, inline, checkRun.htmlUrl);
    // A clean pull request gets no comment, but a stale one from an earlier run is updated.
    await upsertSummaryComment(github, repo, pullNumber, body, findings.length > 0);
  } catch (error) {
    notes.push(`The summary comment could not be written: ${describeError(error)}.`);
  }

  const annotations = planAnnotations(findings);
  if (annotations.overLimit) notes.push(`${annotations.overLimit} finding(s) beyond the first ${annotations.batches.flat().length} have no annotation; the text below lists them.`);
  const batches = annotations.batches;
  for (const batch of batches.slice(0, -1)) {
    try {
      await addAnnotations(github, repo, checkRun.id, renderCheckOutput(report), batch);
    } catch (error) {
      notes.push(`${batch.length} annotation(s) could not be added: ${describeError(error)}.`);
    }
  }
  const last = batches.at(-1) ?? [];
  try {
    await completeCheckRun(github, repo, checkRun.id, conclusion, renderCheckOutput(report), last);
  } catch (error) {
    // An annotation GitHub refuses (422) must not cost the conclusion: complete without them.
    if (!last.length || httpStatus(error) !== 422) throw new StepError('completing the check run', error);
    notes.push(`${last.length} annotation(s) were refused by GitHub: ${describeError(error)}.`);
    await step('completing the check run', () => completeCheckRun(github, repo, checkRun.id, conclusion, renderCheckOutput(report)));
  }
  return { checkRunId: checkRun.id, conclusion, findings };
}
