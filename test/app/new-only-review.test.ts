/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies captured from nock are untyped JSON */
/**
 * review.new_only end to end through the App (webhook fixtures, nock, every mock used): the
 * changed files are analysed at the pull request's base commit too, read from the base tree
 * the review lists anyway, and a finding the base has as well is pre-existing: it does not fail
 * the check, gets no inline comment, and the summary and a notice annotation say so.
 */
import { describe, expect, it } from 'vitest';
import {
  blobSha,
  createTestProbot,
  deliver,
  expectAllMocksUsed,
  fixture,
  GitHubMock,
  mockFullReview,
  PROJECT_TREE,
  useNock,
  type PrFile,
  type TreeFile,
} from './support.js';

const { unmatched } = useNock();

const BASE_RUNNER = `"""Runs the build step."""
import sys

exec(sys.argv[1])
`;

// The pull request moves the old exec into a function: the exec line is an added line, so
// only its being pre-existing keeps it out of the inline comments.
const MOVED_RUNNER = `"""Runs the build step."""
import sys


def main():
    """Runs the step named on the command line."""
    exec(sys.argv[1])
`;
const MOVED_PATCH = ['@@ -1,4 +1,7 @@', ' """Runs the build step."""', ' import sys', ' ', '-exec(sys.argv[1])', '+', '+def main():', '+    """Runs the step named on the command line."""', '+    exec(sys.argv[1])'].join('\n');

const EXTENDED_RUNNER = `${BASE_RUNNER}eval(sys.argv[2])
`;
const EXTENDED_PATCH = ['@@ -2,3 +2,4 @@', ' import sys', ' ', ' exec(sys.argv[1])', '+eval(sys.argv[2])'].join('\n');

/** The base tree holds the project and the old version of the changed file at `basePath`. */
function baseTreeWith(basePath: string): TreeFile[] {
  return [...PROJECT_TREE, { path: basePath, content: BASE_RUNNER }];
}

/** The comparison's one batch read: the base version and the base's project files (Pulumi.yaml, lib/AWS_REGION). */
function mockBaseRead(mock: GitHubMock): void {
  mock.blobStore.set(blobSha(BASE_RUNNER), BASE_RUNNER);
  mock.graphql();
}

describe('review.new_only in the App (on by default)', () => {
  it('passes a pull request that only edits a file with an old finding: listed as pre-existing, no inline comment', async () => {
    const files: PrFile[] = [{ path: 'lib/runner.py', status: 'modified', content: MOVED_RUNNER, patch: MOVED_PATCH }];
    const mock = mockFullReview(new GitHubMock(), files, { review: false, baseTree: baseTreeWith('lib/runner.py') });
    mockBaseRead(mock);
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock, unmatched);

    const completion = mock.completion();
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(completion.output.title).toBe('No new findings, 1 pre-existing');
    expect(completion.output.summary).toContain('1 pre-existing (also in the base commit, not failing)');
    expect(completion.output.summary).toMatch(/Compared with the base commit `1a2b3c4`.*1 finding\(s\) were already there/);
    expect(completion.output.text).toMatch(/\*\*error\*\* _\(pre-existing\)_ IAC307 .*lib\/runner\.py:7/);
    expect(mock.annotations()).toEqual([expect.objectContaining({ path: 'lib/runner.py', start_line: 7, annotation_level: 'notice', title: expect.stringMatching(/^\(pre-existing\) IAC307 /) })]);
    // The second batch query read the base version of the file.
    expect(mock.sent.graphqlQueries[1]).toContain(blobSha(BASE_RUNNER));
    expect(mock.sent.reviews).toEqual([]);
    const [summary] = mock.sent.issueComments;
    expect(summary.body).toMatch(/### Pre-existing: the base commit has them too \(they do not fail the check\) \(1\)\n- \*\*error\*\* _\(pre-existing\)_ IAC307/);
  });
});

describe('review.new_only in the App: what still fails', () => {
  it('fails a pull request that adds a new finding to that file: the new one fails and is commented inline, the old one is pre-existing', async () => {
    const files: PrFile[] = [{ path: 'lib/runner.py', status: 'modified', content: EXTENDED_RUNNER, patch: EXTENDED_PATCH }];
    const mock = mockFullReview(new GitHubMock(), files, { baseTree: baseTreeWith('lib/runner.py') });
    mockBaseRead(mock);
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock, unmatched);

    const completion = mock.completion();
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(completion.output.title).toBe('1 error, 1 pre-existing (fails at error)');
    const levels = mock.annotations().map((annotation) => [annotation.start_line, annotation.annotation_level, annotation.title.split(' ')[0]]);
    expect(levels).toEqual(expect.arrayContaining([[4, 'notice', '(pre-existing)'], [5, 'failure', 'IAC307']]));
    const [review] = mock.sent.reviews;
    expect(review.comments.map((comment: any) => [comment.path, comment.line])).toEqual([['lib/runner.py', 5]]);
    expect(review.comments[0].body).toContain('eval');
  });

  it('compares a renamed file with its previous path', async () => {
    const files: PrFile[] = [{ path: 'lib/build_runner.py', status: 'renamed', previousPath: 'lib/runner.py', content: MOVED_RUNNER, patch: MOVED_PATCH }];
    const mock = mockFullReview(new GitHubMock(), files, { review: false, baseTree: baseTreeWith('lib/runner.py') });
    mockBaseRead(mock);
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock, unmatched);
    expect(mock.completion()).toMatchObject({ conclusion: 'success', output: { title: 'No new findings, 1 pre-existing' } });
    expect(mock.annotations()).toEqual([expect.objectContaining({ path: 'lib/build_runner.py', annotation_level: 'notice' })]);
  });

  it('treats every finding of an added file as new, and reads nothing at the base for it', async () => {
    const files: PrFile[] = [{ path: 'lib/runner.py', status: 'added', content: MOVED_RUNNER }];
    // The base tree has a file at that path (the base branch added it since): an added file is still not compared.
    const mock = mockFullReview(new GitHubMock(), files, { baseTree: baseTreeWith('lib/runner.py') });
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock, unmatched);
    expect(mock.completion()).toMatchObject({ conclusion: 'failure' });
    expect(mock.sent.graphqlQueries).toHaveLength(1);
    expect(mock.sent.reviews[0].comments).toHaveLength(1);
  });

  it('with `review.new_only: false` in the configuration, fails on the old finding, comments on it and reads no base version', async () => {
    const files: PrFile[] = [{ path: 'lib/runner.py', status: 'modified', content: MOVED_RUNNER, patch: MOVED_PATCH }];
    const mock = mockFullReview(new GitHubMock(), files, { config: 'review:\n  new_only: false\n', baseTree: baseTreeWith('lib/runner.py') });
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock, unmatched);

    const completion = mock.completion();
    expect(completion).toMatchObject({ conclusion: 'failure', output: { title: '1 error (fails at error)' } });
    expect(completion.output.summary).not.toMatch(/pre-existing|Compared with the base/);
    expect(mock.sent.graphqlQueries).toHaveLength(1);
    expect(mock.sent.reviews[0].comments.map((comment: any) => comment.line)).toEqual([7]);
  });

  it('does not lose the review when the base cannot be read: every finding counts as new, and the summary says so', async () => {
    const files: PrFile[] = [{ path: 'lib/runner.py', status: 'modified', content: MOVED_RUNNER, patch: MOVED_PATCH }];
    const mock = mockFullReview(new GitHubMock(), files, { baseTree: baseTreeWith('lib/runner.py') });
    // The head's batch query is answered; the base's fails.
    mock.graphqlFailure(502, { message: 'Bad Gateway' });
    const { probot, log } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock, unmatched);

    const completion = mock.completion();
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: '1 error (fails at error)' } });
    expect(completion.output.summary).toMatch(/could not be compared with the base commit `1a2b3c4` \(its files could not be read: GitHub answered 502.*all 1 are treated as new/);
    expect(mock.sent.reviews[0].comments).toHaveLength(1);
    expect(log.records.some((record) => record.msg === 'findings not compared with the base commit')).toBe(true);
  });
});
