/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies captured from nock are untyped JSON */
/**
 * What starts a review and what a second review does: re-runs without duplicate comments,
 * `/recheck` permissions, bots, the Re-run button and check-suite events (forks included).
 */
import { describe, expect, it } from 'vitest';
import {
  blobSha,
  CHECK_RUN_ID,
  createTestProbot,
  deliver,
  expectAllMocksUsed as expectAllUsed,
  fixture,
  GitHubMock,
  HEAD_SHA,
  mockFullReview,
  PROJECT_TREE,
  useNock,
  type PrFile,
} from './support.js';

const { unmatched } = useNock();
const expectAllMocksUsed = (mock: GitHubMock) => expectAllUsed(mock, unmatched);

const BOT = { login: 'iac-review[bot]', id: 9001, node_id: 'BOT_kgDOAAAjKQ', type: 'Bot', site_admin: false };
const HUMAN = { login: 'ana-dev', id: 7001, node_id: 'U_kgDO7001', type: 'User', site_admin: false };

const EXEC_FILE = `"""Helpers."""\n\n\ndef run(a, b):\n    exec(a)\n    eval(b)\n`;
const FILES: PrFile[] = [{ path: 'lib/helpers.py', status: 'added', content: EXEC_FILE }];

/** Review comments as GitHub lists them after a review was created with `comments`. */
function listedReviewComments(comments: any[], user = BOT): any[] {
  return comments.map((comment, index) => ({
    id: 60_000 + index,
    pull_request_review_id: 31337,
    commit_id: HEAD_SHA,
    original_commit_id: HEAD_SHA,
    path: comment.path,
    line: comment.line,
    side: 'RIGHT',
    body: comment.body,
    user,
    html_url: `https://github.com/acme/infra/pull/12#discussion_r${60_000 + index}`,
  }));
}

/** Interceptors for a second review by the same app (the installation token is cached). */
function mockSecondReview(files: readonly PrFile[], previousComments: any[], issueComments: any[]): GitHubMock {
  // Delivered as pull_request.synchronize: orphaned runs are looked for on the head and the previous head.
  const mock = new GitHubMock().config().createCheckRun(undefined, 2).listFiles(files).blobsOf(files);
  mock.tree(PROJECT_TREE, files.map((file) => file.path)).baseTree(PROJECT_TREE).reviewCommentsList(previousComments).issueCommentsList(issueComments);
  return mock.updateCheckRun();
}

describe('re-running a review', () => {
  it('posts no duplicate comments and edits the summary comment in place', async () => {
    const { probot } = await createTestProbot();
    const first = mockFullReview(new GitHubMock(), FILES);
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(first);
    const firstComments = first.sent.reviews[0].comments;
    expect(firstComments.map((comment: any) => comment.line)).toEqual([5, 6]);
    const summary = { id: 777001, body: first.sent.issueComments[0].body, user: BOT };
    const chatter = { id: 777000, body: 'Looks generated, please check.', user: HUMAN };

    // Same commit again: nothing new inline, the summary comment is edited (no createReview, no createComment).
    const second = mockSecondReview(FILES, listedReviewComments(firstComments), [chatter, summary]).editIssueComment(777001);
    await deliver(probot, 'pull_request', fixture('pull_request.synchronize'));
    expectAllMocksUsed(second);
    expect(second.sent.reviews).toEqual([]);
    expect(second.sent.issueComments).toEqual([]);
    expect(second.sent.issueCommentEdits).toHaveLength(1);
    expect(second.sent.issueCommentEdits[0]?.body.body).toMatch(/Inline comments: 0 new this run, 2 from earlier runs/);
    expect(second.completion()).toMatchObject({ conclusion: 'failure' });

    // A new finding (lines moved down by one): only it is posted.
    const moved = EXEC_FILE.replace('def run(a, b):\n', 'def run(a, b):\n    """Runs things."""\n') + '    exec(a + b)\n';
    const files: PrFile[] = [{ path: 'lib/helpers.py', status: 'added', content: moved }];
    const third = mockSecondReview(files, listedReviewComments(firstComments), [chatter, summary]).createReview().editIssueComment(777001);
    await deliver(probot, 'pull_request', fixture('pull_request.synchronize'));
    expectAllMocksUsed(third);
    expect(third.sent.reviews).toHaveLength(1);
    expect(third.sent.reviews[0].comments).toEqual([expect.objectContaining({ path: 'lib/helpers.py', line: 8, body: expect.stringContaining('exec(') })]);
  });

  it('ignores markers in comments written by people', async () => {
    const { probot } = await createTestProbot();
    const first = mockFullReview(new GitHubMock(), FILES);
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(first);
    // Someone pasted the bot's comments (markers included) as their own: the findings are still posted.
    const quoted = listedReviewComments(first.sent.reviews[0].comments, HUMAN);
    const second = mockSecondReview(FILES, quoted, []).createReview().createIssueComment();
    await deliver(probot, 'pull_request', fixture('pull_request.synchronize'));
    expectAllMocksUsed(second);
    expect(second.sent.reviews[0].comments).toHaveLength(2);
  });
});

describe('/recheck', () => {
  function recheckFrom(login: string, type: 'User' | 'Bot' = 'User', body = '/recheck'): Record<string, any> {
    const payload = fixture('issue_comment.created');
    const user = { ...payload.comment.user, login, type };
    payload.comment = { ...payload.comment, body, user };
    payload.sender = user;
    return payload;
  }

  function permission(mock: GitHubMock, login: string, level: string, role: string): void {
    mock.scope.get(`/repos/acme/infra/collaborators/${login}/permission`).reply(200, { permission: level, role_name: role, user: { login, type: 'User' } });
  }

  it('from a read-only user runs nothing and replies why', async () => {
    const mock = new GitHubMock().token();
    permission(mock, 'rita-reader', 'read', 'read');
    mock.createIssueComment();
    const { probot } = await createTestProbot();
    await deliver(probot, 'issue_comment', recheckFrom('rita-reader'));
    expectAllMocksUsed(mock);
    expect(mock.sent.checkRunCreates).toEqual([]);
    expect(mock.sent.issueComments[0].body).toMatch(/@rita-reader `\/recheck` needs write, maintain or admin permission.*nothing was run/);
  });

  it('from a maintainer reacts and reviews the current head', async () => {
    const mock = mockFullReview(new GitHubMock(), FILES);
    permission(mock, 'mo-maintainer', 'write', 'maintain');
    mock.pullRequest();
    mock.scope
      .post('/repos/acme/infra/issues/comments/555001/reactions', (body) => {
        mock.sent.reactions.push(body);
        return true;
      })
      .reply(201, { id: 1, content: 'eyes' });
    const { probot } = await createTestProbot();
    await deliver(probot, 'issue_comment', fixture('issue_comment.created'));
    expectAllMocksUsed(mock);
    expect(mock.sent.reactions).toEqual([{ content: 'eyes' }]);
    expect(mock.sent.checkRunCreates[0]).toMatchObject({ name: 'iac-review', head_sha: HEAD_SHA });
    expect(mock.completion()).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('from a bot is ignored without a single API call', async () => {
    const mock = new GitHubMock();
    const { probot, log } = await createTestProbot();
    await deliver(probot, 'issue_comment', recheckFrom('renovate[bot]', 'Bot'));
    expectAllMocksUsed(mock);
    expect(log.records.some((record) => /from a bot ignored/.test(record.msg))).toBe(true);
  });

  it('is only a command at the start of the comment, and only on pull requests', async () => {
    const mock = new GitHubMock();
    const { probot } = await createTestProbot();
    await deliver(probot, 'issue_comment', recheckFrom('mo-maintainer', 'User', 'Should I /recheck this?'));
    await deliver(probot, 'issue_comment', recheckFrom('mo-maintainer', 'User', '/rechecking later'));
    const onIssue = recheckFrom('mo-maintainer');
    delete onIssue.issue.pull_request;
    await deliver(probot, 'issue_comment', onIssue);
    expectAllMocksUsed(mock);
  });
});

describe('check events', () => {
  it('the Re-run button (check_run.rerequested) reviews that head SHA again', async () => {
    const mock = mockFullReview(new GitHubMock(), FILES).pullRequest();
    const { probot } = await createTestProbot();
    await deliver(probot, 'check_run', fixture('check_run.rerequested'));
    expectAllMocksUsed(mock);
    expect(mock.sent.checkRunCreates).toEqual([expect.objectContaining({ name: 'iac-review', head_sha: HEAD_SHA, status: 'in_progress' })]);
    expect(mock.completion()).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('Re-run on a commit the pull request has moved past does nothing but log', async () => {
    const mock = new GitHubMock().token().pullRequest('0123456789abcdef0123456789abcdef01234567');
    const { probot, log } = await createTestProbot();
    await deliver(probot, 'check_run', fixture('check_run.rerequested'));
    expectAllMocksUsed(mock);
    expect(log.records.some((record) => /moved on to a newer head/.test(record.msg))).toBe(true);
  });

  it('check_suite.requested is skipped when the commit already has an iac-review run', async () => {
    const mock = new GitHubMock().token().pullRequest();
    mock.scope
      .get(`/repos/acme/infra/commits/${HEAD_SHA}/check-runs`)
      .query({ check_name: 'iac-review', filter: 'latest', per_page: 1 })
      .reply(200, { total_count: 1, check_runs: [{ id: CHECK_RUN_ID, name: 'iac-review', status: 'completed' }] });
    const { probot, log } = await createTestProbot();
    await deliver(probot, 'check_suite', fixture('check_suite.requested'));
    expectAllMocksUsed(mock);
    expect(log.records.some((record) => /check_suite.requested skipped/.test(record.msg))).toBe(true);
  });

  it('check_suite.requested reviews when no run exists yet', async () => {
    const mock = mockFullReview(new GitHubMock(), FILES).pullRequest();
    mock.scope.get(`/repos/acme/infra/commits/${HEAD_SHA}/check-runs`).query(true).reply(200, { total_count: 0, check_runs: [] });
    const { probot } = await createTestProbot();
    await deliver(probot, 'check_suite', fixture('check_suite.requested'));
    expectAllMocksUsed(mock);
    expect(mock.completion()).toMatchObject({ status: 'completed' });
  });

  it('a fork (empty pull_requests) is found by head SHA among open pull requests', async () => {
    const mock = mockFullReview(new GitHubMock(), FILES).pullRequest();
    const other = { number: 13, head: { sha: blobSha('another head'), ref: 'x' } };
    mock.scope.get('/repos/acme/infra/pulls').query({ state: 'open', per_page: 100 }).reply(200, [other, { number: 12, head: { sha: HEAD_SHA, ref: 'patch-1' } }]);
    const { probot } = await createTestProbot();
    await deliver(probot, 'check_suite', fixture('check_suite.rerequested'));
    expectAllMocksUsed(mock);
    expect(mock.sent.checkRunCreates).toEqual([expect.objectContaining({ head_sha: HEAD_SHA })]);
  });

  it('a fork whose pull request cannot be found is skipped with a log line', async () => {
    const mock = new GitHubMock().token();
    mock.scope.get('/repos/acme/infra/pulls').query({ state: 'open', per_page: 100 }).reply(200, []);
    const { probot, log } = await createTestProbot();
    await deliver(probot, 'check_suite', fixture('check_suite.rerequested'));
    expectAllMocksUsed(mock);
    expect(log.records.some((record) => /no open pull request has this head SHA/.test(record.msg))).toBe(true);
  });
});

describe('pull_request events', () => {
  it('a draft is not reviewed until it is ready', async () => {
    const mock = new GitHubMock();
    const payload = fixture('pull_request.opened');
    payload.pull_request.draft = true;
    const { probot, log } = await createTestProbot();
    await deliver(probot, 'pull_request', payload);
    expectAllMocksUsed(mock);
    expect(log.records.some((record) => /draft pull request/.test(record.msg))).toBe(true);
  });
});

describe('/recheck on a closed pull request', () => {
  it('replies instead of reviewing', async () => {
    const mock = new GitHubMock().token().pullRequest(HEAD_SHA, 'closed').createIssueComment();
    mock.scope.get('/repos/acme/infra/collaborators/mo-maintainer/permission').reply(200, { permission: 'admin', role_name: 'admin' });
    mock.scope.post('/repos/acme/infra/issues/comments/555001/reactions').reply(201, { id: 1, content: 'eyes' });
    const { probot } = await createTestProbot();
    await deliver(probot, 'issue_comment', fixture('issue_comment.created'));
    expectAllMocksUsed(mock);
    expect(mock.sent.checkRunCreates).toEqual([]);
    expect(mock.sent.issueComments[0].body).toMatch(/closed/);
  });
});
