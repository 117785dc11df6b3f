/**
 * `check_run.rerequested` (the Re-run button) and `check_suite.requested` / `rerequested`:
 * review that head SHA again for its pull requests. GitHub leaves `pull_requests` empty for
 * forks; then open pull requests are searched by head SHA. `check_suite.requested` (a push) is
 * skipped when the pull_request event already reviews, or reviewed, the same SHA.
 */
import type { Context } from 'probot';
import type { Reviewer } from '../app/reviewer.js';
import { CHECK_NAME, hasCheckRun } from '../github/checks.js';
import { findOpenPullRequestsForSha, getPullRequest } from '../github/pulls.js';
import { readRepoConfig } from '../github/repo-config.js';
import type { GitHub, RepoRef } from '../github/types.js';

type CheckRunContext = Context<'check_run.rerequested'>;
type CheckSuiteContext = Context<'check_suite.requested' | 'check_suite.rerequested'>;

interface Target {
  headSha: string;
  pullNumbers: number[];
  trigger: string;
  /** A push rather than a person: skip work already done or running. */
  automatic: boolean;
}

async function pullNumbersFor(github: GitHub, repo: RepoRef, headSha: string, listed: readonly { number: number }[], lookUp: boolean): Promise<number[]> {
  if (listed.length) return listed.map((pull) => pull.number);
  return lookUp ? findOpenPullRequestsForSha(github, repo, headSha) : [];
}

/** What the two check events share, without the union of their payload types. */
interface CheckEventContext {
  octokit: GitHub;
  log: CheckRunContext['log'];
  htmlUrl: string;
}

async function reviewTarget(reviewer: Reviewer, context: CheckEventContext, repo: RepoRef, target: Target): Promise<void> {
  if (!target.pullNumbers.length) {
    context.log.info({ sha: target.headSha, trigger: target.trigger }, 'no open pull request has this head SHA; nothing to review');
    return;
  }
  for (const pullNumber of target.pullNumbers) {
    const pull = await getPullRequest(context.octokit, repo, pullNumber);
    if (pull.headSha !== target.headSha) {
      context.log.info({ pull: pullNumber, sha: target.headSha, head: pull.headSha }, 'pull request has moved on to a newer head; the newer head is reviewed instead');
      continue;
    }
    if (pull.state !== 'open') {
      context.log.info({ pull: pullNumber }, 'pull request is closed; not reviewed');
      continue;
    }
    const request = {
      repo,
      pullNumber,
      headSha: target.headSha,
      baseSha: pull.baseSha,
      trigger: target.trigger,
      loadConfig: (ref: string) => readRepoConfig(context.octokit, repo, ref),
      htmlUrl: context.htmlUrl,
    };
    if (target.automatic && (reviewer.isInFlight(request) || (await hasCheckRun(context.octokit, repo, target.headSha)))) {
      context.log.info({ pull: pullNumber, sha: target.headSha }, 'already reviewed or being reviewed; check_suite.requested skipped');
      continue;
    }
    reviewer.review(request, context.octokit, context.log, { skipIfInFlight: target.automatic });
  }
}

function shared(context: CheckRunContext | CheckSuiteContext): CheckEventContext {
  return {
    octokit: context.octokit,
    log: context.log,
    htmlUrl: context.payload.repository.html_url,
  };
}

export function checkRunHandler(reviewer: Reviewer) {
  return async (context: CheckRunContext): Promise<void> => {
    const run = context.payload.check_run;
    if (run.name !== CHECK_NAME) return;
    const repo = context.repo();
    const pullNumbers = await pullNumbersFor(context.octokit, repo, run.head_sha, run.pull_requests, true);
    await reviewTarget(reviewer, shared(context), repo, { headSha: run.head_sha, pullNumbers, trigger: 'check_run.rerequested', automatic: false });
  };
}

export function checkSuiteHandler(reviewer: Reviewer) {
  return async (context: CheckSuiteContext): Promise<void> => {
    const suite = context.payload.check_suite;
    const rerequested = context.payload.action === 'rerequested';
    const repo = context.repo();
    // A push with no pull request yet: the pull_request.opened event will follow.
    const pullNumbers = await pullNumbersFor(context.octokit, repo, suite.head_sha, suite.pull_requests, rerequested);
    await reviewTarget(reviewer, shared(context), repo, {
      headSha: suite.head_sha,
      pullNumbers,
      trigger: `check_suite.${context.payload.action}`,
      automatic: !rerequested,
    });
  };
}
