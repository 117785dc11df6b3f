/**
 * One review of one pull request at one head SHA: check run in progress, changed files and
 * project context read from GitHub, the engine run, then annotations, inline comments, the
 * summary comment and the completed check run. Whatever fails, the check run is completed
 * with a conclusion that says what happened; nothing is left in progress.
 *
 * The review reads file contents as bytes and parses them; it never runs code from the pull
 * request. Everything it needs is in `ReviewRequest`, so the queue (reviewer.ts) holds
 * requests. Its `signal` is checked between steps: a review a newer push aborted completes its
 * check run as `cancelled` ("Superseded by <sha>") at the next step instead of finishing.
 */
import pLimit from 'p-limit';
import type { Logger } from 'probot';
import { ConfigError } from '../core/config.js';
import { PROJECT_CONTEXT_PATTERNS, type InputFile } from '../core/index.js';
import { failsAt } from '../core/outcome.js';
import type { Finding } from '../api/types.js';
import { addAnnotations, completeCheckRun, createCheckRun, type CheckConclusion, type CheckRun } from '../github/checks.js';
import { listProjectFiles, projectTexts, type BlobContent, type ContentSource, type ProjectListing } from '../github/contents.js';
import { graphqlContentSource } from '../github/graphql-contents.js';
import { listChangedFiles, MAX_LISTED_FILES, postedFingerprints, upsertSummaryComment } from '../github/pulls.js';
import { describeError, httpStatus, type GitHub, type RepoRef } from '../github/types.js';
import { planAnnotations } from '../render/annotations.js';
import { renderCheckOutput, renderFailureOutput, renderSummaryComment, type Conclusion, type FileLinker, type ReviewReport } from '../render/markdown.js';
import { headConfiguration, listBaseRequirements, loadConfiguration, removedPaths } from './base-requirements.js';
import { engineStatus, planFiles } from './changed-files.js';
import { sharedEnginePool } from './engine-pool.js';
import type { EngineInput, EngineResult, ProjectSnapshot } from './engine-wire.js';
import { compareWithBase } from './base-comparison.js';
import { explainFailure, interruptedOutput, memoryOutput, StepError, supersededOutput } from './failure-output.js';
import { MemoryPressureError } from './memory-guard.js';
import { postInlineComments } from './inline-comments.js';
import { comparedFiles, newOnlyEnabled } from './new-only.js';
import { completeOrphanedRuns } from './orphaned-runs.js';
import { ShutdownError, supersededBy } from './review-queue.js';

export interface ReviewRequest {
  repo: RepoRef;
  pullNumber: number;
  headSha: string;
  /** The head before the push that asked for this review (`pull_request.synchronize`): a run left there is looked for too. */
  previousHeadSha?: string;
  /** The pull request's base commit: what the review demands (configuration, lib/AWS_REGION, stack files) is read there. */
  baseSha: string;
  /** What asked for the review, for logs (e.g. `pull_request.synchronize`, `/recheck by @ana`). */
  trigger: string;
  /** Reads the raw configuration at a commit (repo-config.ts: Probot's config plugin, so `_extends` works). */
  loadConfig: (ref: string) => Promise<unknown>;
  /** The repository's web URL (GitHub Enterprise has its own host); used for file links. */
  htmlUrl?: string;
}

export interface ReviewDependencies {
  github: GitHub;
  log: Logger;
  /** Parallel content requests per review (GraphQL batches of 100, raw blob reads). */
  concurrency?: number;
  /** How file contents are read: GraphQL batches of 100 (raw blobs for big or binary ones) unless a test says otherwise. */
  contentSource?: (github: GitHub, repo: RepoRef, limit: <T>(fn: () => Promise<T>) => Promise<T>) => ContentSource;
  /** Aborted (with a SupersededError) when a newer push to the pull request makes this review moot. */
  signal?: AbortSignal;
  /** Check runs this process's reviews are carrying out (the reviewer's): any other in-progress run of ours is orphaned. */
  activeRuns?: Set<number>;
  /** Memory budget for parsed trees during one review (bytes); beyond it trees are parsed again when read. */
  treeCacheBytes?: number;
  /**
   * Runs the engine on the review's files: by default in the shared worker pool (engine-pool.ts);
   * the App passes its own pool, the benchmark a stub to measure the App without the engine.
   */
  engine?: (input: EngineInput, signal?: AbortSignal) => Promise<EngineResult>;
}

export interface ReviewOutcome {
  checkRunId: number;
  conclusion: CheckConclusion;
  findings: readonly Finding[];
  /** Set when the review could not be carried out. */
  failure?: string;
  /** The head SHA that superseded this review (conclusion `cancelled`). */
  supersededBy?: string;
}

/** Four 100-blob batches in flight: the 3,000-file benchmark peaks about 20 MB lower than with eight. */
const DEFAULT_CONCURRENCY = 4;

async function step<T>(signal: AbortSignal | undefined, description: string, run: () => Promise<T> | T): Promise<T> {
  signal?.throwIfAborted();
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
      // Brackets too: an unbalanced `)` in a path would end the Markdown link early.
      const encoded = path.split('/').map((part) => encodeURIComponent(part).replace(/[()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
      const anchor = line ? `#L${line}${endLine && endLine > line ? `-L${endLine}` : ''}` : '';
      return `${base}/blob/${request.headSha}/${encoded}${anchor}`;
    },
  };
}

export async function reviewPullRequest(request: ReviewRequest, deps: ReviewDependencies): Promise<ReviewOutcome> {
  const { github, log, signal } = deps;
  signal?.throwIfAborted();
  const checkRun = await createCheckRun(github, request.repo, request.headSha, String(request.pullNumber));
  log.info({ pull: request.pullNumber, sha: request.headSha, trigger: request.trigger, checkRun: checkRun.id }, 'iac-review started');
  const activeRuns = deps.activeRuns ?? new Set<number>();
  activeRuns.add(checkRun.id);
  try {
    // Runs an earlier process left in progress (a crash mid-review) on this head or the one before.
    const shas = [request.headSha, ...(request.previousHeadSha ? [request.previousHeadSha] : [])];
    await completeOrphanedRuns(github, request.repo, shas, checkRun.appId, activeRuns, log);
    const outcome = await carryOut(request, deps, checkRun);
    log.info({ pull: request.pullNumber, sha: request.headSha, conclusion: outcome.conclusion, findings: outcome.findings.length }, 'iac-review completed');
    return outcome;
  } catch (error) {
    const newer = signal ? supersededBy(signal) : undefined;
    const interrupted = signal?.aborted && signal.reason instanceof ShutdownError;
    const memory: MemoryPressureError | undefined = signal?.aborted && signal.reason instanceof MemoryPressureError ? signal.reason : undefined;
    const { conclusion, output, failure } = newer
      ? { conclusion: 'cancelled' as const, output: supersededOutput(request.headSha, newer, request.pullNumber), failure: undefined }
      : interrupted
        ? { conclusion: 'cancelled' as const, output: interruptedOutput(), failure: undefined }
        : memory
          ? { conclusion: 'failure' as const, output: memoryOutput(memory), failure: memory.message }
          : failureCompletion(error, request);
    const where = { pull: request.pullNumber, sha: request.headSha, checkRun: checkRun.id };
    if (newer) log.info({ ...where, by: newer }, 'iac-review superseded by a newer push');
    else if (interrupted) log.warn(where, 'iac-review interrupted: the App is shutting down');
    else if (memory) log.error(where, `iac-review stopped: ${memory.message}`);
    else log.error({ err: error, ...where }, `iac-review failed: ${failure}`);
    try {
      await completeCheckRun(github, request.repo, checkRun.id, conclusion, output);
    } catch (completionError) {
      log.error({ err: completionError, checkRun: checkRun.id }, 'could not complete the check run');
    }
    return { checkRunId: checkRun.id, conclusion, findings: [], ...(failure ? { failure } : {}), ...(newer ? { supersededBy: newer } : {}) };
  } finally {
    activeRuns.delete(checkRun.id);
  }
}

function failureCompletion(error: unknown, request: ReviewRequest) {
  const { title, explanation, conclusion = 'failure' } = explainFailure(error, request.headSha);
  return { conclusion, output: renderFailureOutput(title, explanation), failure: explanation };
}

async function carryOut(request: ReviewRequest, deps: ReviewDependencies, checkRun: CheckRun): Promise<ReviewOutcome> {
  const { github, log, signal } = deps;
  const { repo, pullNumber, headSha } = request;
  const checkpoint = () => signal?.throwIfAborted();
  const notes: string[] = [];
  // What the review demands comes from the base commit (base-requirements.ts).
  const config = await loadConfiguration(request, request.baseSha);

  const changed = await step(signal, `listing the changed files of #${pullNumber}`, () => listChangedFiles(github, repo, pullNumber));
  const headConfig = await headConfiguration(request, changed);
  if (changed.length >= MAX_LISTED_FILES) {
    notes.push(`GitHub lists at most ${MAX_LISTED_FILES.toLocaleString('en-US')} files of a pull request; files beyond that were not reviewed.`);
  }
  const plan = planFiles(changed);
  const reviewedPaths = new Set([...plan.fetch, ...plan.binary].map((file) => file.path));

  checkpoint();
  let listing: ProjectListing | undefined;
  try {
    listing = await listProjectFiles(github, repo, headSha, PROJECT_CONTEXT_PATTERNS, reviewedPaths, config.maxFileBytes);
  } catch (error) {
    log.warn({ err: error }, 'project context unavailable');
    notes.push(`Project files (requirements, README, setup files) could not be listed: ${describeError(error)}.`);
  }
  checkpoint();
  // review.new_only: the base versions of the changed files are found in the same listing of the base tree.
  const compared = newOnlyEnabled(config) ? comparedFiles(plan.fetch) : [];
  const baseListing = await listBaseRequirements(github, repo, request.baseSha, config.maxFileBytes, log, notes, compared.map((file) => file.basePath));

  // Changed files, project files and the base's requirement files in the same batched reads.
  const limit = pLimit(deps.concurrency ?? DEFAULT_CONCURRENCY);
  const source = (deps.contentSource ?? graphqlContentSource)(github, repo, limit);
  const projectToRead = listing?.toRead ?? [];
  const contents = await step(signal, 'reading the changed files', () => source.readBlobs([...plan.fetch, ...projectToRead, ...baseListing.toRead]));
  const projectStart = plan.fetch.length;
  const baseStart = projectStart + projectToRead.length;

  const files: InputFile[] = [
    ...plan.fetch.map((file, index) => ({ path: file.path, content: contents[index] as BlobContent, status: engineStatus(file.status) })),
    ...plan.binary.map((file) => ({ path: file.path, content: new Uint8Array(), status: engineStatus(file.status) })),
  ];
  const project: ProjectSnapshot | undefined = listing && { paths: listing.paths, texts: projectTexts(projectToRead, contents.slice(projectStart, baseStart)) };
  const base: EngineInput['base'] = {
    project: { paths: baseListing.paths, texts: projectTexts(baseListing.toRead, contents.slice(baseStart)) },
    removed: removedPaths(changed),
    ...(headConfig ? { headConfig } : {}),
  };

  // In a worker thread, so the server keeps answering; a newer push, the deadline or the heap limit stops it mid-way.
  const engine = deps.engine ?? ((input: EngineInput, abort?: AbortSignal) => sharedEnginePool().review(input, abort));
  const result = await step(signal, 'running the detectors', () =>
    engine({ files, config, mode: 'change', base, ...(project ? { project } : {}), ...(deps.treeCacheBytes === undefined ? {} : { treeCacheBytes: deps.treeCacheBytes }) }, signal),
  );
  // Findings the base commit has too are pre-existing: listed, but they neither fail the check nor get inline comments.
  const published = await step(signal, 'comparing with the base commit', () =>
    compareWithBase({ findings: result.findings, changed, compared, baseSha: request.baseSha, baseListing, config, source, engine, signal, log }),
  );
  for (const note of published.notes) notes.push(note);
  const findings = published.findings;
  const lineFixes = new Map(findings.map((finding, index) => [finding, result.lineFixes?.[index]]));
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
  checkpoint();
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
    lineFixOf: (finding) => lineFixes.get(finding),
  });
  for (const note of inline.notes) notes.push(note);

  checkpoint();
  try {
    const body = renderSummaryComment(report, inline, checkRun.htmlUrl);
    // A clean pull request gets no comment, but a stale one from an earlier run is updated.
    await upsertSummaryComment(github, repo, pullNumber, body, findings.length > 0);
  } catch (error) {
    notes.push(`The summary comment could not be written: ${describeError(error)}.`);
  }

  checkpoint();
  const annotations = planAnnotations(findings);
  if (annotations.overLimit) notes.push(`${annotations.overLimit} finding(s) beyond the first ${annotations.batches.flat().length} have no annotation; the text below lists them.`);
  const batches = annotations.batches;
  for (const batch of batches.slice(0, -1)) {
    checkpoint();
    try {
      await addAnnotations(github, repo, checkRun.id, renderCheckOutput(report), batch);
    } catch (error) {
      notes.push(`${batch.length} annotation(s) could not be added: ${describeError(error)}.`);
    }
  }
  const last = batches.at(-1) ?? [];
  checkpoint();
  try {
    await completeCheckRun(github, repo, checkRun.id, conclusion, renderCheckOutput(report), last);
  } catch (error) {
    // An annotation GitHub refuses (422) must not cost the conclusion: complete without them.
    if (!last.length || httpStatus(error) !== 422) throw new StepError('completing the check run', error);
    notes.push(`${last.length} annotation(s) were refused by GitHub: ${describeError(error)}.`);
    await step(undefined, 'completing the check run', () => completeCheckRun(github, repo, checkRun.id, conclusion, renderCheckOutput(report)));
  }
  return { checkRunId: checkRun.id, conclusion, findings };
}
