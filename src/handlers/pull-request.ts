/**
 * `pull_request` opened, synchronize, reopened, ready_for_review: queue a review of the head
 * SHA (a newer head supersedes a queued or running review of an older one).
 * Draft pull requests are reviewed when they become ready (or on `/recheck` / Re-run).
 */
import type { Context } from 'probot';
import type { Reviewer } from '../app/reviewer.js';
import { readRepoConfig } from '../github/repo-config.js';

export const PULL_REQUEST_EVENTS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.ready_for_review',
] as const;

type PullRequestContext = Context<(typeof PULL_REQUEST_EVENTS)[number]>;

export function pullRequestHandler(reviewer: Reviewer) {
  return async (context: PullRequestContext): Promise<void> => {
    const { pull_request: pull, repository } = context.payload;
    if (pull.draft && context.payload.action !== 'ready_for_review') {
      context.log.info({ pull: pull.number }, 'draft pull request: review deferred until it is ready');
      return;
    }
    reviewer.review(
      {
        repo: context.repo(),
        pullNumber: pull.number,
        headSha: pull.head.sha,
        baseSha: pull.base.sha,
        ...(context.payload.action === 'synchronize' && context.payload.before !== pull.head.sha ? { previousHeadSha: context.payload.before } : {}),
        trigger: `pull_request.${context.payload.action}`,
        loadConfig: (ref) => readRepoConfig(context.octokit, context.repo(), ref),
        htmlUrl: repository.html_url,
      },
      context.octokit,
      context.log,
      { skipIfInFlight: true },
    );
  };
}
