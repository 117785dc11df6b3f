/**
 * Runs reviews and remembers which are in flight, so the same pull request at the same SHA is
 * not reviewed twice at once when GitHub sends both `pull_request.synchronize` and
 * `check_suite.requested` for one push. A later queue (with superseding of older SHAs) can
 * replace this class without touching the handlers.
 */
import type { Logger } from 'probot';
import type { GitHub } from '../github/types.js';
import { reviewPullRequest, type ReviewDependencies, type ReviewOutcome, type ReviewRequest } from './review-pull-request.js';

export interface ReviewOptions {
  /** Automatic triggers skip a review already running for the same pull request and SHA. */
  skipIfInFlight?: boolean;
}

export class Reviewer {
  private readonly inFlight = new Map<string, Promise<ReviewOutcome>>();

  constructor(private readonly defaults: Omit<ReviewDependencies, 'github' | 'log'> = {}) {}

  static key(request: Pick<ReviewRequest, 'repo' | 'pullNumber' | 'headSha'>): string {
    return `${request.repo.owner}/${request.repo.repo}#${request.pullNumber}@${request.headSha}`;
  }

  isInFlight(request: Pick<ReviewRequest, 'repo' | 'pullNumber' | 'headSha'>): boolean {
    return this.inFlight.has(Reviewer.key(request));
  }

  async review(request: ReviewRequest, github: GitHub, log: Logger, options: ReviewOptions = {}): Promise<ReviewOutcome | undefined> {
    const key = Reviewer.key(request);
    if (options.skipIfInFlight && this.inFlight.has(key)) {
      log.info({ key, trigger: request.trigger }, 'review already in progress for this pull request and SHA; skipped');
      return undefined;
    }
    const running = reviewPullRequest(request, { ...this.defaults, github, log });
    this.inFlight.set(key, running);
    try {
      return await running;
    } finally {
      if (this.inFlight.get(key) === running) this.inFlight.delete(key);
    }
  }
}
