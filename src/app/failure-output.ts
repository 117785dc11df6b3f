/**
 * What a check run says when the review did not produce findings: which step failed and why
 * (a GitHub error, a rate limit, a timeout, a vanished file, invalid configuration), that a
 * newer push superseded it, or that the App was too busy to take it on.
 */
import { ConfigError } from '../core/config.js';
import { ParserUnavailableError } from '../core/index.js';
import { FileFetchError } from '../github/contents.js';
import { isRequestTimeout } from '../github/request-timeout.js';
import { describeError, httpStatus } from '../github/types.js';
import { codeSpan } from '../render/inert.js';
import type { CheckOutput } from '../render/markdown.js';
import { EngineStoppedError, ReviewDeadlineError, ReviewHeapError } from './engine-pool.js';
import type { MemoryPressureError } from './memory-guard.js';

/** A failed step of the review: what the app was doing, and the error. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`${step}: ${describeError(cause)}`, { cause });
    this.name = 'StepError';
  }
}

export interface FailureExplanation {
  title: string;
  explanation: string;
  /** `failure` unless said otherwise; `timed_out` for a review stopped at its deadline. */
  conclusion?: 'failure' | 'timed_out';
}

const short = (sha: string) => sha.slice(0, 7);

/** Seconds GitHub asked the App to wait (`retry-after`), when it said. */
export function retryAfterSeconds(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: Record<string, string | number | undefined> } } | undefined)?.response?.headers;
  const value = Number(headers?.['retry-after']);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function isSecondaryRateLimit(error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== 403 && status !== 429) return false;
  return retryAfterSeconds(error) !== undefined || /secondary rate limit/i.test(error instanceof Error ? error.message : '');
}

function githubTitle(cause: unknown): string {
  if (isRequestTimeout(cause)) return 'Review failed: GitHub did not answer in time';
  if (isSecondaryRateLimit(cause)) return 'Review failed: GitHub secondary rate limit';
  const status = httpStatus(cause);
  if (status === 403 || status === 429) return 'Review failed: GitHub rate limit';
  return status ? `Review failed: GitHub API error ${status}` : 'Review failed: internal error';
}

function waitAdvice(cause: unknown): string {
  const seconds = retryAfterSeconds(cause);
  return seconds === undefined ? '' : ` GitHub asked to wait ${seconds} s before trying again.`;
}

/**
 * Conclusion when the review itself fails: `failure`. Fail closed: with `iac-review` as a
 * required check, an unreviewed commit must not look approved; Re-run or `/recheck` retries.
 */
export function explainFailure(error: unknown, headSha: string): FailureExplanation {
  if (error instanceof ConfigError) {
    return {
      title: 'Invalid configuration',
      explanation: [
        `The configuration \`.github/iac-review.yml\` is invalid, so nothing was reviewed:`,
        '',
        ...error.problems.map((problem) => `- \`${problem.split(':')[0]}\`:${problem.slice(problem.indexOf(':') + 1)}`),
        '',
        'The App reads it from the pull request’s base commit (or from the organisation’s `.github` repository through `_extends`), so a pull request cannot relax its own review.',
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
        explanation: `While ${error.step}, ${codeSpan(cause.path)} at \`${short(headSha)}\` could not be read: ${describeError(cause.cause)}.${vanished}${waitAdvice(cause.cause)}`,
      };
    }
    if (cause instanceof EngineStoppedError) return explainStoppedEngine(cause, headSha);
    if (cause instanceof ParserUnavailableError) {
      return {
        title: 'Review failed: the parser is not installed correctly',
        explanation: `${cause.message}. This is a fault of the App's installation, not of this pull request; once it is fixed, Re-run the check or comment \`/recheck\`.`,
      };
    }
    return { title: githubTitle(cause), explanation: `While ${error.step}, ${describeError(cause)}.${waitAdvice(cause)}` };
  }
  return { title: 'Review failed: internal error', explanation: `The review stopped unexpectedly: ${describeError(error)}.` };
}

/** Where the stopped worker was, for Markdown: the file's path comes from the pull request, so it is a code span it cannot break out of. */
function markdownWhere(error: EngineStoppedError): string {
  const step = error.step;
  return step?.phase === 'reading' || step?.phase === 'analysing' ? `while ${step.phase} ${codeSpan(step.path)} (file ${step.index + 1} of ${step.total})` : error.where;
}

/**
 * A review the engine pool stopped at its deadline (`timed_out`) or its heap limit (`failure`):
 * both name the file the worker was on, which is where to look first (a file crafted to stall
 * the review, or one far larger than the rest).
 */
function explainStoppedEngine(error: EngineStoppedError, headSha: string): FailureExplanation {
  const retry = 'Press **Re-run** on this check or comment `/recheck` on the pull request (write access needed) to try again.';
  if (error instanceof ReviewDeadlineError) {
    const seconds = error.deadlineMs / 1000;
    return {
      conclusion: 'timed_out',
      title: `Not reviewed: stopped after ${seconds} s ${error.where}`.slice(0, 250),
      explanation:
        `The review of \`${short(headSha)}\` took longer than its ${seconds} s limit and was stopped ${markdownWhere(error)}. ` +
        `Nothing was reported, and the check does not pass: a file that keeps the review busy this long may be built to stall it, or be far larger than source code usually is. ${retry} ` +
        'The limit is the App\'s `IAC_REVIEW_DEADLINE_MS`.',
    };
  }
  const heapMb = error instanceof ReviewHeapError ? error.heapMb : undefined;
  return {
    title: `Not reviewed: out of memory ${error.where}`.slice(0, 250),
    explanation:
      `The review of \`${short(headSha)}\` needed more than its ${heapMb ?? '?'} MB of heap and was stopped ${markdownWhere(error)}. ` +
      `Nothing was reported, and the check does not pass. ${retry} The limit is the App's \`IAC_REVIEW_WORKER_HEAP_MB\`.`,
  };
}

/** Completion of a review a newer push made moot: conclusion `cancelled`. */
export function supersededOutput(headSha: string, supersededBy: string, pullNumber: number): CheckOutput {
  return {
    title: `Superseded by ${short(supersededBy)}`,
    summary:
      `A newer commit, \`${short(supersededBy)}\`, was pushed to #${pullNumber} while \`${short(headSha)}\` was being reviewed, ` +
      `so this review stopped. The newer commit gets its own \`iac-review\` check run; nothing is reported for \`${short(headSha)}\`.`,
  };
}

/** Completion of a review stopped because the App shut down (a deploy or restart): conclusion `cancelled`. */
export function interruptedOutput(): CheckOutput {
  return {
    title: 'Interrupted: iac-review restarted',
    summary:
      'The App stopped (for example for a deploy) while this commit was being reviewed, so the review did not finish. ' +
      'Press **Re-run** on this check or comment `/recheck` on the pull request (write access needed).',
  };
}

/** Completion of a run an earlier App process left in progress (a crash, a SIGKILL): conclusion `cancelled`. */
export function orphanedOutput(startedAt: string | undefined): CheckOutput {
  return {
    title: 'Interrupted: iac-review stopped before finishing',
    summary:
      `The review that started${startedAt ? ` at ${startedAt}` : ''} never finished: the App stopped (a crash, an out-of-memory kill or a forced restart) while it ran, ` +
      'and this run was found still in progress later. Nothing was reported for it. Press **Re-run** on this check or comment `/recheck` on the pull request (write access needed).',
  };
}

/** Completion of a review stopped because the App's heap was nearly full: conclusion `failure` (fail closed). */
export function memoryOutput(error: MemoryPressureError): CheckOutput {
  return {
    title: 'Not reviewed: iac-review ran short of memory',
    summary:
      `While this commit was being reviewed, ${error.message}, so this review (the newest running) was stopped to keep the App and its other reviews alive. ` +
      'Press **Re-run** on this check or comment `/recheck` on the pull request (write access needed) when fewer reviews are running; ' +
      'if it happens again, the App needs more memory (`IAC_REVIEW_CONCURRENCY=1`, or a higher `--max-old-space-size`).',
  };
}

/** A commit the App could not queue: its backlog was full. Conclusion `failure` (fail closed). */
export function busyOutput(waiting: number): CheckOutput {
  return {
    title: 'Not reviewed: iac-review is busy',
    summary:
      `${waiting} reviews were already waiting, the most this App instance queues, so this commit was not reviewed. ` +
      'Press **Re-run** on this check or comment `/recheck` on the pull request (write access needed) once the queue has drained.',
  };
}
