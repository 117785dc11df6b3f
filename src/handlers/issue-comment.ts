/**
 * `/recheck` in a pull-request comment: reviews the current head again when the commenter may
 * write to the repository (asked from the API, not guessed from the payload). The comment gets
 * a reaction; anyone else gets a short reply saying why nothing ran. Bots are ignored.
 */
import type { Context } from 'probot';
import type { Reviewer } from '../app/reviewer.js';
import { canWrite, reactToComment, replyToIssue } from '../github/issues.js';
import { getPullRequest } from '../github/pulls.js';
import { readRepoConfig } from '../github/repo-config.js';

const RECHECK = /^\s*\/recheck(?:\s|$)/;

export function isRecheckCommand(body: string | null | undefined): boolean {
  return RECHECK.test(body ?? '');
}

export function issueCommentHandler(reviewer: Reviewer) {
  return async (context: Context<'issue_comment.created'>): Promise<void> => {
    const { comment, issue, repository, sender } = context.payload;
    if (!issue.pull_request || !isRecheckCommand(comment.body)) return;
    if (context.isBot || comment.user?.type === 'Bot') {
      context.log.debug({ sender: sender.login }, '/recheck from a bot ignored');
      return;
    }
    const repo = context.repo();
    const login = comment.user?.login ?? sender.login;
    if (!(await canWrite(context.octokit, repo, login))) {
      context.log.info({ user: login, pull: issue.number }, '/recheck refused: no write permission');
      await replyToIssue(
        context.octokit,
        repo,
        issue.number,
        `@${login} \`/recheck\` needs write, maintain or admin permission on this repository, so nothing was run. A maintainer can comment \`/recheck\` or press **Re-run** on the \`iac-review\` check.`,
      );
      return;
    }
    await reactToComment(context.octokit, repo, comment.id, 'eyes');
    const pull = await getPullRequest(context.octokit, repo, issue.number);
    if (pull.state !== 'open') {
      await replyToIssue(context.octokit, repo, issue.number, `@${login} this pull request is closed, so \`/recheck\` did not run.`);
      return;
    }
    reviewer.review(
      {
        repo,
        pullNumber: pull.number,
        headSha: pull.headSha,
        baseSha: pull.baseSha,
        trigger: `/recheck by @${login}`,
        loadConfig: (ref) => readRepoConfig(context.octokit, repo, ref),
        htmlUrl: repository.html_url,
      },
      context.octokit,
      context.log,
    );
  };
}
