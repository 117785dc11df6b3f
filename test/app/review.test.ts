/**
 * End-to-end reviews through the Probot app against a nock-simulated GitHub: check run,
 * annotations, inline comments, the summary comment and their limits.
 */
import { describe, expect, it } from 'vitest';
import {
  addedLinesPatch,
  blobSha,
  CHECK_RUN_URL,
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

const TRUNCATED_STACK = `"""TapStack: the VPC of the TAP project."""
import pulumi
import pulumi_aws as aws


class TapStack(pulumi.ComponentResource):
    def __init__(self, name: str, opts: pulumi.ResourceOptions | None = None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        self.vpc = aws.ec2.Vpc(
            f"{name}-vpc",
            cidr_block="10.0.0.0/16",
            enable_dns_hostnames=True,
`;

const EXEC_TEST = `"""Unit tests for the Lambda handler."""
import unittest


class TestHandler(unittest.TestCase):
    def test_handler(self):
        with open("lib/lambda/handler.py") as source:
            code = source.read()
        namespace = {}
        exec(code, namespace)
        self.assertIn("handler", namespace)
`;

const CLEAN_MODULE = `"""Naming helpers for the TAP stack."""


def resource_name(project: str, stack: str, suffix: str) -> str:
    """Returns the name every resource of a stack starts with."""
    return f"{project}-{stack}-{suffix}"
`;

describe('a pull request with a truncated file and an exec in a test', () => {
  const files: PrFile[] = [
    // Modified: lines 9-12 are new, lines 1-8 were there before.
    { path: 'lib/tap_stack.py', status: 'modified', content: TRUNCATED_STACK, patch: addedLinesPatch(TRUNCATED_STACK, 9, 12) },
    { path: 'tests/unit/test_handler.py', status: 'added', content: EXEC_TEST },
  ];

  it('fails the check run, annotates the right lines and comments inline on them', async () => {
    const mock = mockFullReview(new GitHubMock(), files);
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock);

    const [created] = mock.sent.checkRunCreates;
    expect(created).toMatchObject({ name: 'iac-review', head_sha: HEAD_SHA, status: 'in_progress' });

    const completion = mock.completion();
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(completion.output.title).toMatch(/error.*fails at error/);
    expect(completion.output.summary).toContain('| Security |');
    expect(completion.output.summary).toContain('| Code Generation |');
    expect(completion.output.summary).toMatch(/region: `us-east-1` \(from lib\/AWS_REGION\)/);

    const annotations = mock.annotations();
    expect(annotations).toContainEqual(
      expect.objectContaining({ path: 'tests/unit/test_handler.py', start_line: 10, end_line: 10, annotation_level: 'failure', title: expect.stringMatching(/^IAC307 /) }),
    );
    expect(annotations).toContainEqual(expect.objectContaining({ path: 'lib/tap_stack.py', annotation_level: 'failure', title: expect.stringMatching(/^IAC101 /) }));

    const [review] = mock.sent.reviews;
    expect(review).toMatchObject({ commit_id: HEAD_SHA, event: 'COMMENT' });
    const execComment = review.comments.find((comment: { body: string }) => comment.body.includes('IAC307'));
    expect(execComment).toMatchObject({ path: 'tests/unit/test_handler.py', line: 10, side: 'RIGHT' });
    expect(execComment.body).toMatch(/Why it matters/);
    expect(execComment.body).toMatch(/How to fix/);
    expect(execComment.body).toMatch(/ignore\[IAC307\]/);
    expect(execComment.body).toMatch(/<!-- iac-review:fp=[0-9a-f]+ -->/);
    expect(execComment.body).toContain('#iac307');
    const truncationComment = review.comments.find((comment: { body: string }) => comment.body.includes('IAC101'));
    expect(truncationComment.path).toBe('lib/tap_stack.py');
    expect(truncationComment.line).toBeGreaterThanOrEqual(9);
    expect(truncationComment.line).toBeLessThanOrEqual(12);
    for (const comment of review.comments) expect(comment.side).toBe('RIGHT');

    const [summary] = mock.sent.issueComments;
    expect(summary.body).toContain('<!-- iac-review:summary -->');
    expect(summary.body).toContain(CHECK_RUN_URL);
  });
});

describe('a clean pull request', () => {
  it('succeeds with no review and no summary comment', async () => {
    const files: PrFile[] = [{ path: 'lib/naming.py', status: 'added', content: CLEAN_MODULE }];
    const mock = mockFullReview(new GitHubMock(), files, { review: false, summary: 'none' });
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock);
    expect(mock.completion()).toMatchObject({ status: 'completed', conclusion: 'success', output: { title: 'No findings' } });
    expect(mock.annotations()).toEqual([]);
  });
});

describe('a pull request with 120 findings', () => {
  const calls = Array.from({ length: 120 }, (_, index) => `    exec(snippets[${index}])`).join('\n');
  const content = `"""Runs every snippet (a generated test helper)."""\n\n\ndef run_all(snippets):\n${calls}\n`;

  it('sends the annotations in 3 requests of at most 50 and caps inline comments at 30', async () => {
    const files: PrFile[] = [{ path: 'tests/unit/test_snippets.py', status: 'added', content }];
    const mock = mockFullReview(new GitHubMock(), files, { updates: 3 });
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock);

    const withAnnotations = mock.sent.checkRunUpdates.filter((update) => update.output?.annotations?.length);
    expect(withAnnotations).toHaveLength(3);
    expect(withAnnotations.map((update) => update.output.annotations.length)).toEqual([50, 50, 20]);
    expect(withAnnotations.slice(0, 2).every((update) => update.status === undefined)).toBe(true);
    expect(mock.completion()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const execAnnotations = mock.annotations().filter((annotation) => annotation.title.startsWith('IAC307'));
    expect(execAnnotations).toHaveLength(120);
    expect(execAnnotations[0]).toMatchObject({ start_line: 5, end_line: 5, start_column: 5 });
    expect(execAnnotations[119]).toMatchObject({ start_line: 124 });

    expect(mock.sent.reviews[0].comments).toHaveLength(30);
    const summary = mock.sent.issueComments[0].body as string;
    expect(summary).toMatch(/Over the inline comment limit \(90\)/);
    expect(summary).toMatch(/limit 30 per review/);
  });
});

describe('files over 1 MB, removed, binary and renamed', () => {
  // Over 1 MB in long lines (1,000 statements): large, without making the engine's work the subject.
  const filler = 'x'.repeat(1100);
  const bigBody = Array.from({ length: 1000 }, (_, index) => `SETTING_${index} = "${filler}"`).join('\n');
  const big = `"""Generated settings."""\n${bigBody}\nexec(SETTING_1)\n`;
  const renamed = `"""Networking."""\n\n\ndef configure(source):\n    exec(source)\n`;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const files: PrFile[] = [
    { path: 'lib/big_settings.py', status: 'added', content: big, patch: null, additions: 1002 },
    { path: 'lib/old_stack.py', status: 'removed', patch: '@@ -1,2 +0,0 @@\n-import pulumi\n-x = 1' },
    { path: 'lib/assets/diagram.png', status: 'added', content: png, patch: null },
    { path: 'lib/network.py', status: 'renamed', previousPath: 'lib/vpc.py', content: renamed, patch: null },
  ];

  it('reads the big file through the blobs API, the renamed one in the GraphQL batch, skips removed and binary ones', async () => {
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    const mock = mockFullReview(new GitHubMock(), files, { review: false });
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock);

    // One batch for the big and the renamed file plus Pulumi.yaml and lib/AWS_REGION, and the base's
    // lib/AWS_REGION (a requirement); GraphQL cuts the big file's text, so only it is read again as a raw blob.
    expect(mock.sent.graphqlQueries).toHaveLength(1);
    expect(mock.sent.graphqlQueries[0]).toHaveLength(5);
    expect(mock.sent.blobReads).toEqual([blobSha(big)]);
    const annotations = mock.annotations();
    expect(annotations).toContainEqual(expect.objectContaining({ path: 'lib/big_settings.py', start_line: 1002, title: expect.stringMatching(/^IAC307/) }));
    expect(annotations).toContainEqual(expect.objectContaining({ path: 'lib/network.py', start_line: 5, title: expect.stringMatching(/^IAC307/) }));
    expect(annotations.some((annotation) => annotation.path === 'lib/old_stack.py' || annotation.path === 'lib/assets/diagram.png')).toBe(false);
    expect(mock.completion()).toMatchObject({ conclusion: 'failure' });
    expect(mock.completion().output.summary).toMatch(/4 changed files/);

    // Without a patch nothing can be anchored: both findings are in the summary comment.
    const summary = mock.sent.issueComments[0].body as string;
    expect(summary).toMatch(/In files GitHub shows no diff for .*\(2\)/);
    expect(summary).toContain('lib/big_settings.py:1002');
    expect(summary).toContain('lib/network.py:5');
  });

  it('reports a file over limits.max_file_bytes as not analyzed', async () => {
    const config = 'limits:\n  max_file_bytes: 1000000\n';
    const mock = mockFullReview(new GitHubMock(), files.slice(0, 1), { config, review: false });
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock);
    expect(mock.annotations()).toEqual([
      expect.objectContaining({ path: 'lib/big_settings.py', annotation_level: 'notice', title: expect.stringMatching(/^IAC002/), message: expect.stringMatching(/over the 1000000-byte limit/) }),
    ]);
    expect(mock.completion()).toMatchObject({ conclusion: 'success' });
  });
});

describe('failures still complete the check run', () => {
  it('GitHub 500 while listing files: failure with an explanation', async () => {
    const mock = new GitHubMock().token().config().createCheckRun().updateCheckRun();
    mock.scope.get('/repos/acme/infra/pulls/12/files').query({ per_page: 100 }).reply(500, { message: 'Server Error' });
    const { probot, log } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock);
    const completion = mock.completion();
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Review failed: GitHub API error 500' } });
    expect(completion.output.summary).toMatch(/While listing the changed files of #12, GitHub answered 500/);
    expect(completion.output.summary).toMatch(/\/recheck/);
    expect(log.records.some((record) => record.level === 'error' && /iac-review failed/.test(record.msg))).toBe(true);
  });

  it('a rate limit (403) while listing files: failure that says so', async () => {
    const mock = new GitHubMock().token().config().createCheckRun().updateCheckRun();
    mock.scope
      .get('/repos/acme/infra/pulls/12/files')
      .query({ per_page: 100 })
      .reply(403, { message: 'API rate limit exceeded for installation ID 424242.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' });
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock);
    expect(mock.completion()).toMatchObject({ conclusion: 'failure', output: { title: 'Review failed: GitHub rate limit' } });
    expect(mock.completion().output.summary).toMatch(/GitHub answered 403 \(API rate limit exceeded/);
  });

  it('a file that vanished (404) fails the run and says which file', async () => {
    const content = 'x = 1\n';
    // GitHub answers the batch with `null` for a blob it no longer has.
    const mock = new GitHubMock().token().config().createCheckRun().listFiles([{ path: 'lib/gone.py', content }]).tree(PROJECT_TREE).baseTree(PROJECT_TREE).updateCheckRun();
    mock.blobStore.delete(blobSha(content));
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock);
    expect(mock.completion()).toMatchObject({ conclusion: 'failure', output: { title: 'Review failed: a file could not be read' } });
    expect(mock.completion().output.summary).toMatch(/`lib\/gone\.py` at `9f3b2c1` could not be read: GitHub answered 404.*vanished/);
  });

  it('an invalid configuration fails the run naming the bad keys', async () => {
    const mock = new GitHubMock().token().config('fail_on: fatal\nreview_everything: true\n').createCheckRun().updateCheckRun();
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock);
    const completion = mock.completion();
    expect(completion).toMatchObject({ conclusion: 'failure', output: { title: 'Invalid configuration' } });
    expect(completion.output.summary).toMatch(/`fail_on`/);
    expect(completion.output.summary).toMatch(/review_everything/);
  });

  it('configuration that is not YAML fails the run with the parser message', async () => {
    const mock = new GitHubMock().token().config('rules: [IAC307: off\n').createCheckRun().updateCheckRun();
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock);
    expect(mock.completion()).toMatchObject({ conclusion: 'failure', output: { title: 'Invalid configuration' } });
    expect(mock.completion().output.summary).toMatch(/invalid YAML/);
  });
});

describe('a 422 for one bad anchor', () => {
  const content = `"""Helpers."""\n\n\ndef run(a, b):\n    exec(a)\n    eval(b)\n`;

  it('posts the other comments one by one and lists the rejected one in the summary', async () => {
    const files: PrFile[] = [{ path: 'lib/helpers.py', status: 'added', content }];
    const mock = mockFullReview(new GitHubMock(), files, { review: false });
    mock.createReview(422).createReviewComment(201).createReviewComment(422);
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock);

    expect(mock.sent.reviews).toHaveLength(1);
    expect(mock.sent.reviewComments.map((comment) => [comment.line, comment.status])).toEqual([
      [5, 201],
      [6, 422],
    ]);
    expect(mock.sent.reviewComments[0]).toMatchObject({ commit_id: HEAD_SHA, path: 'lib/helpers.py', side: 'RIGHT' });
    const summary = mock.sent.issueComments[0].body as string;
    expect(summary).toMatch(/GitHub rejected the inline position \(1\)/);
    expect(summary).toContain('lib/helpers.py:6');
    expect(summary).toMatch(/Inline comments: 1 new this run/);
    expect(mock.completion().output.summary).toMatch(/GitHub rejected 1 inline comment position/);
  });
});
