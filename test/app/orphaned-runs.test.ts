/**
 * Orphaned check runs: a review cut short by a crash or SIGKILL leaves its `iac-review` run in
 * progress. The next event for that pull request finds this App's in-progress runs that no
 * review of this process is carrying out, on the head (and after a push on the previous head),
 * and completes them as cancelled, "Interrupted". Runs of other apps, and the review's own run,
 * are left alone. GitHub is nock; every mock is used.
 */
import { describe, expect, it } from 'vitest';
import { APP_ID, BASE_SHA, CHECK_RUN_ID, createTestProbot, deliver, expectAllMocksUsed, fixture, GitHubMock, HEAD_SHA, mockFullReview, useNock, type PrFile } from './support.js';

const { unmatched } = useNock();

const FILES: PrFile[] = [{ path: 'lib/helpers.py', status: 'added', content: '"""Helpers."""\n\n\ndef run(a):\n    """Runs it."""\n    exec(a)\n' }];
const ORPHAN = 4400100;
const OTHER_APPS_RUN = 4400101;

describe('an iac-review run left in progress by a crashed process', () => {
  it('is completed as interrupted by the next review of that commit; other apps’ runs and the new run are left alone', async () => {
    const mock = mockFullReview(new GitHubMock(), FILES, { checkRun: false });
    mock.createCheckRun(CHECK_RUN_ID, 1, [
      { id: ORPHAN, startedAt: '2026-01-01T10:00:00Z' },
      { id: OTHER_APPS_RUN, appId: APP_ID + 1 },
      { id: CHECK_RUN_ID },
    ]);
    mock.updateCheckRun(1, ORPHAN);
    const { probot, log } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock, unmatched);

    expect(mock.sent.orphanLookups).toEqual([HEAD_SHA]);
    expect(mock.updatesOf(ORPHAN)).toEqual([
      expect.objectContaining({
        status: 'completed',
        conclusion: 'cancelled',
        output: expect.objectContaining({ title: 'Interrupted: iac-review stopped before finishing', summary: expect.stringMatching(/started at 2026-01-01T10:00:00Z never finished/) }),
      }),
    ]);
    expect(mock.updatesOf(OTHER_APPS_RUN)).toEqual([]);
    // The review itself went on and completed its own run.
    expect(mock.updatesOf(CHECK_RUN_ID).at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(log.records.some((record) => record.msg === 'orphaned iac-review check run completed as interrupted')).toBe(true);
  });

  it('after a push, the run left on the previous head is completed too', async () => {
    const payload = fixture('pull_request.synchronize');
    const mock = mockFullReview(new GitHubMock(), FILES, { checkRun: false });
    mock.createCheckRun(CHECK_RUN_ID, 0).runningRuns([]).runningRuns([{ id: ORPHAN }]);
    mock.updateCheckRun(1, ORPHAN);
    const { probot } = await createTestProbot();
    await deliver(probot, 'pull_request', payload);
    expectAllMocksUsed(mock, unmatched);

    expect(payload.before).toBe(BASE_SHA);
    expect(mock.sent.orphanLookups).toEqual([HEAD_SHA, payload.before]);
    expect(mock.updatesOf(ORPHAN)).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'cancelled', output: expect.objectContaining({ title: 'Interrupted: iac-review stopped before finishing' }) })]);
  });

  it('a failed look-up does not stop the review', async () => {
    const mock = mockFullReview(new GitHubMock(), FILES, { checkRun: false });
    mock.createCheckRun(CHECK_RUN_ID, 0);
    mock.scope
      .get(`/repos/acme/infra/commits/${HEAD_SHA}/check-runs`)
      .query(true)
      .reply(500, { message: 'Server Error' });
    const { probot, log } = await createTestProbot();
    await deliver(probot, 'pull_request', fixture('pull_request.opened'));
    expectAllMocksUsed(mock, unmatched);
    expect(mock.completion()).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(log.records.some((record) => record.msg === 'could not look for or complete orphaned iac-review check runs')).toBe(true);
  });
});
