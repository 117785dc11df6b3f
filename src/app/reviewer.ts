/**
 * Takes review requests from the webhook handlers and runs them through the review queue:
 * `review()` returns at once (the delivery is acknowledged while the review waits), the same
 * pull request and SHA is not reviewed twice at once when GitHub sends both
 * `pull_request.synchronize` and `check_suite.requested` for one push, and a newer head SHA
 * supersedes the pull request's older review (its check run completes as `cancelled`,
 * "Superseded by <sha>"). When the backlog is full the commit gets a completed check run
 * saying the App was busy, so it is never left without a status.
 */
import type { Logger } from 'probot';
import { createCompletedCheckRun } from '../github/checks.js';
import type { GitHub } from '../github/types.js';
import { busyOutput } from './failure-output.js';
import { megabytes, MemoryPressureError, type HeapReading } from './memory-guard.js';
import { reviewPullRequest, type ReviewDependencies, type ReviewOutcome, type ReviewRequest } from './review-pull-request.js';
import { ReviewQueue, SupersededError, type QueueSettings, type Submission } from './review-queue.js';

export interface ReviewOptions {
  /** Automatic triggers skip a review already waiting or running for the same pull request and SHA. */
  skipIfInFlight?: boolean;
}

export type ReviewerSettings = Partial<QueueSettings> & Omit<ReviewDependencies, 'github' | 'log' | 'signal'>;

type PullRef = Pick<ReviewRequest, 'repo' | 'pullNumber' | 'headSha'>;

export class Reviewer {
  readonly queue: ReviewQueue;
  private readonly defaults: Omit<ReviewDependencies, 'github' | 'log' | 'signal'>;
  /** Check runs this process's reviews are carrying out: an in-progress run of ours not here is orphaned. */
  private readonly activeRuns = new Set<number>();

  constructor(settings: ReviewerSettings = {}) {
    const { concurrency, maxWaiting, ...defaults } = settings;
    this.queue = new ReviewQueue({ ...(concurrency ? { concurrency } : {}), ...(maxWaiting !== undefined ? { maxWaiting } : {}) });
    this.defaults = defaults;
  }

  /** The queue's group: one pull request. */
  static group(request: Pick<ReviewRequest, 'repo' | 'pullNumber'>): string {
    return `${request.repo.owner}/${request.repo.repo}#${request.pullNumber}`;
  }

  static key(request: PullRef): string {
    return `${Reviewer.group(request)}@${request.headSha}`;
  }

  /** True while a review of this pull request and SHA waits or runs. */
  isInFlight(request: PullRef): boolean {
    return this.queue.isActive(Reviewer.group(request), request.headSha);
  }

  /** Queues the review and returns at once; `result` (when queued) settles when it is done. */
  review(request: ReviewRequest, github: GitHub, log: Logger, options: ReviewOptions = {}): Submission<ReviewOutcome> {
    const key = Reviewer.key(request);
    const submission = this.queue.submit({
      group: Reviewer.group(request),
      version: request.headSha,
      skipIfActive: options.skipIfInFlight ?? false,
      run: (signal) => this.run(request, github, log, signal),
    });
    if (submission.status === 'duplicate') {
      log.info({ key, trigger: request.trigger }, 'review already queued or in progress for this pull request and SHA; skipped');
    } else if (submission.status === 'closed') {
      log.warn({ key, trigger: request.trigger }, 'the App is shutting down: review not queued; Re-run or /recheck once it is back');
    } else if (submission.status === 'full') {
      log.error(
        { key, trigger: request.trigger, waiting: submission.waiting, running: this.queue.running },
        `review queue full (${submission.waiting} waiting): ${key} not reviewed; its check run says so, Re-run or /recheck retries`,
      );
      this.queue.track(this.reportBusy(request, github, log, submission.waiting));
    } else {
      log.info({ key, trigger: request.trigger, waiting: submission.waiting, running: submission.running }, 'review queued');
      void submission.result.then((outcome) => {
        if (!outcome) log.info({ key }, 'review superseded by a newer push before it started');
      });
    }
    return submission;
  }

  /**
   * What the memory guard calls when the heap stays nearly full after a full collection: the
   * newest running review stops, and its check run says the App ran short of memory.
   */
  relieveMemoryPressure(reading: HeapReading, log: Pick<Logger, 'error'>): void {
    const stopped = this.queue.abortNewestRunning(new MemoryPressureError(reading));
    log.error({ usedMb: megabytes(reading.used), limitMb: megabytes(reading.limit), stopped }, stopped ? 'heap nearly full: stopping the newest running review' : 'heap nearly full with no review running');
  }

  /** Resolves once every queued review has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Stops taking reviews and interrupts the running ones (their check runs complete as
   * cancelled, "Interrupted: iac-review restarted"); waiting ones are dropped. Resolves when
   * they have settled or after `graceMs`, whichever comes first.
   */
  async shutdown(log: Logger, graceMs = 8000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
    const stopping = this.queue.shutdown().then((dropped) => {
      if (dropped) log.warn({ dropped }, `${dropped} queued review(s) dropped at shutdown; their commits have no iac-review check run until Re-run or /recheck`);
      return 'stopped' as const;
    });
    const outcome = await Promise.race([stopping, grace]);
    clearTimeout(timer);
    if (outcome === 'timeout') log.error({ graceMs }, 'reviews still running at shutdown; their check runs may stay in progress');
  }

  private async run(request: ReviewRequest, github: GitHub, log: Logger, signal: AbortSignal): Promise<ReviewOutcome | undefined> {
    try {
      return await reviewPullRequest(request, { ...this.defaults, github, log, signal, activeRuns: this.activeRuns });
    } catch (error) {
      // Only creating the check run happens outside the review's own error handling.
      if (error instanceof SupersededError) return undefined;
      log.error({ err: error, key: Reviewer.key(request) }, 'iac-review could not start: creating the check run failed');
      return undefined;
    }
  }

  private async reportBusy(request: ReviewRequest, github: GitHub, log: Logger, waiting: number): Promise<void> {
    try {
      await createCompletedCheckRun(github, request.repo, request.headSha, 'failure', busyOutput(waiting));
    } catch (error) {
      log.error({ err: error, key: Reviewer.key(request) }, 'could not report the full review queue on the check run');
    }
  }
}
