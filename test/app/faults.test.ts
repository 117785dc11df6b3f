/* eslint-disable @typescript-eslint/no-explicit-any -- captured request bodies are untyped JSON */
/**
 * GitHub faults, injected with nock: 500 and 502 (once with octokit's retry plugin enabled but
 * fast, as Probot ships it), a secondary rate limit with retry-after, a vanished file, 422 on
 * review creation, and requests that never answer. In every case the check run completes with
 * a conclusion and a text that says what failed, and no comment is posted twice.
 */
import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { blobSha, createTestProbot, deliver, expectAllMocksUsed, fixture, GitHubMock, mockFullReview, PROJECT_TREE, useNock, type PrFile } from './support.js';

const { unmatched } = useNock();

const EXEC = '"""Helpers."""\n\n\ndef run(a, b):\n    exec(a)\n    eval(b)\n';
const FILES: PrFile[] = [{ path: 'lib/helpers.py', status: 'added', content: EXEC }];
const FILES_PATH = '/repos/acme/infra/pulls/12/files';

/** Probot's octokit with retries on, waiting 1 ms × (attempt)² instead of seconds; throttling off. */
const RetryingOctokit = ProbotOctokit.defaults((options: Record<string, any>) => ({
  ...options,
  retry: { retryAfterBaseValue: 1 },
  throttle: { ...options.throttle, enabled: false },
}));

/** The review up to reading contents, for faults that end it there. */
function untilContents(mock: GitHubMock): GitHubMock {
  return mock.token().config().createCheckRun().listFiles(FILES);
}

async function review(mock: GitHubMock, options: Parameters<typeof createTestProbot>[1] = {}) {
  const { probot, log } = await createTestProbot(undefined, options);
  await deliver(probot, 'pull_request', fixture('pull_request.opened'));
  expectAllMocksUsed(mock, unmatched);
  return { completion: mock.completion(), log };
}

/** At most one review and one summary comment were sent, and no single comment twice. */
function expectNoDuplicates(mock: GitHubMock): void {
  expect(mock.sent.reviews.length).toBeLessThanOrEqual(1);
  expect(mock.sent.issueComments.length).toBeLessThanOrEqual(1);
  const single = mock.sent.reviewComments.map((comment) => `${comment.path}:${comment.line}`);
  expect(new Set(single).size).toBe(single.length);
}

describe('server errors', () => {
  it('500 on the batched contents query: failure naming the step and the status', async () => {
    const mock = untilContents(new GitHubMock()).graphqlFailure(500).tree(PROJECT_TREE).baseTree(PROJECT_TREE).updateCheckRun();
    const { completion } = await review(mock);
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Review failed: GitHub API error 500' } });
    expect(completion.output.summary).toMatch(/While reading the changed files, GitHub answered 500/);
    expectNoDuplicates(mock);
    expect(mock.sent.reviews).toEqual([]);
  });

  it('502 with retries enabled: the listing and the contents query are retried and the review succeeds', async () => {
    const mock = new GitHubMock();
    mock.scope.get(FILES_PATH).query({ per_page: 100 }).reply(502, { message: 'Bad Gateway' });
    mock.graphqlFailure(502, { message: 'Bad Gateway' }).graphql();
    mockFullReview(mock, FILES);
    const { completion } = await review(mock, { Octokit: RetryingOctokit });
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: expect.stringMatching(/error.*fails at error/) } });
    expect(mock.sent.reviews).toHaveLength(1);
    expectNoDuplicates(mock);
  });

  it('502 on creating the review is not retried even with retries on: the findings go to the summary', async () => {
    const mock = mockFullReview(new GitHubMock(), FILES, { review: false });
    mock.scope.post('/repos/acme/infra/pulls/12/reviews').reply(502, { message: 'Bad Gateway' });
    const { completion } = await review(mock, { Octokit: RetryingOctokit });
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(completion.output.summary).toMatch(/The review with 2 inline comment\(s\) could not be created: GitHub answered 502/);
    expect(mock.sent.issueComments[0].body).toMatch(/Could not be posted/i);
    expectNoDuplicates(mock);
  });

  it('500 when completing the check run: a second completion says so, nothing stays in progress', async () => {
    const mock = mockFullReview(new GitHubMock(), FILES, { updates: 0 });
    mock.scope.patch('/repos/acme/infra/check-runs/4400777').reply(500, { message: 'Server Error' });
    mock.updateCheckRun();
    const { completion } = await review(mock);
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Review failed: GitHub API error 500' } });
    expect(completion.output.summary).toMatch(/While completing the check run, GitHub answered 500/);
    expectNoDuplicates(mock);
  });
});

describe('rate limits', () => {
  it('403 secondary rate limit with retry-after: failure that says so and how long to wait', async () => {
    const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
    const mock = untilContents(new GitHubMock()).graphqlFailure(403, { message }, { 'retry-after': '60' }).tree(PROJECT_TREE).baseTree(PROJECT_TREE).updateCheckRun();
    const { completion } = await review(mock);
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Review failed: GitHub secondary rate limit' } });
    expect(completion.output.summary).toMatch(/GitHub answered 403 \(You have exceeded a secondary rate limit/);
    expect(completion.output.summary).toMatch(/GitHub asked to wait 60 s before trying again/);
  });
});

describe('a vanished file', () => {
  it('404 on the raw read of a big file: failure naming the file', async () => {
    const big = `"""Big."""\nDATA = "${'x'.repeat(600 * 1024)}"\n`;
    const files: PrFile[] = [{ path: 'lib/big_data.py', status: 'added', content: big }];
    const mock = new GitHubMock().token().config().createCheckRun().listFiles(files).blob(big, 404).tree(PROJECT_TREE).baseTree(PROJECT_TREE).updateCheckRun();
    mock.blobStore.set(blobSha(big), big);
    const { completion } = await review(mock);
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Review failed: a file could not be read' } });
    expect(completion.output.summary).toMatch(/`lib\/big_data\.py` at `9f3b2c1` could not be read: GitHub answered 404.*vanished/);
  });
});

describe('422 on review creation', () => {
  it('every anchor refused: each comment tried once, all listed in the summary, the conclusion stands', async () => {
    const mock = mockFullReview(new GitHubMock(), FILES, { review: false });
    mock.createReview(422).createReviewComment(422).createReviewComment(422);
    const { completion } = await review(mock);
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(completion.output.summary).toMatch(/GitHub rejected 2 inline comment position/);
    expect(mock.sent.reviewComments.map((comment) => comment.line)).toEqual([5, 6]);
    expect(mock.sent.issueComments[0].body).toMatch(/GitHub rejected the inline position \(2\)/);
    expectNoDuplicates(mock);
  });
});

describe('requests that never answer', () => {
  it('the file listing times out: failure that says GitHub did not answer in time', async () => {
    const mock = new GitHubMock().token().config().createCheckRun().updateCheckRun();
    mock.scope.get(FILES_PATH).query({ per_page: 100 }).delay(3000).reply(200, []);
    const { completion } = await review(mock, { requestTimeoutMs: 150 });
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Review failed: GitHub did not answer in time' } });
    expect(completion.output.summary).toMatch(/While listing the changed files of #12, GitHub did not answer GET \/repos\/acme\/infra\/pulls\/12\/files within 150 ms/);
  });

  it('creating the review times out with retries on: one attempt only, no duplicate, the summary lists the findings', async () => {
    const mock = mockFullReview(new GitHubMock(), FILES, { review: false });
    mock.scope
      .post('/repos/acme/infra/pulls/12/reviews', (body) => {
        mock.sent.reviews.push(body);
        return true;
      })
      .delay(3000)
      .reply(200, { id: 1 });
    const { completion } = await review(mock, { requestTimeoutMs: 150, Octokit: RetryingOctokit });
    expect(mock.sent.reviews).toHaveLength(1);
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(completion.output.summary).toMatch(/could not be created: GitHub did not answer POST \/repos\/acme\/infra\/pulls\/12\/reviews within 150 ms/);
    expectNoDuplicates(mock);
  });
});
