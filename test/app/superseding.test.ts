/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads and captured bodies are untyped JSON */
/**
 * The queue through the app: deliveries return before the review runs, a newer push supersedes
 * an in-flight or queued review of an older SHA (its check run completes as `cancelled`, never
 * left in progress), a full backlog still gives the commit a completed check run, and a
 * shutdown completes the running review's check run as interrupted.
 * GitHub answers the first review's file listing only when the test says so.
 */
import { describe, expect, it } from 'vitest';
import { createTestProbot, expectAllMocksUsed, fixture, GitHubMock, HEAD_SHA, mockFullReview, receive, useNock, type PrFile } from './support.js';

const { unmatched } = useNock();

// The newer head is the one the simulated tree and files belong to.
const OLD_SHA = 'aaaaaaa1111111122222222333333334444444ab';
const NEW_SHA = HEAD_SHA;
const OLD_RUN = 4400777;
const NEW_RUN = 4400778;
const FILES: PrFile[] = [{ path: 'lib/helpers.py', status: 'added', content: '"""Helpers."""\n\n\ndef run(a):\n    exec(a)\n' }];

function push(sha: string, pull = 12): Record<string, any> {
  const payload = fixture('pull_request.synchronize');
  payload.after = sha;
  payload.number = pull;
  payload.pull_request = { ...payload.pull_request, number: pull, head: { ...payload.pull_request.head, sha } };
  return payload;
}

interface Gate {
  reached: Promise<void>;
  release: () => void;
}

/** The pull request's file listing answers only after `release()`; `reached` resolves when it was asked. */
function gatedListFiles(mock: GitHubMock, pull: number, answer: [number, unknown]): Gate {
  let reachedResolve!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (reachedResolve = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  mock.scope
    .get(`/repos/acme/infra/pulls/${pull}/files`)
    .query({ per_page: 100 })
    .reply(async () => {
      reachedResolve();
      await released;
      return answer;
    });
  return { reached, release };
}

describe('a newer push to the same pull request', () => {
  it('supersedes the running review: its check run completes as cancelled, the new head is reviewed', async () => {
    const mock = new GitHubMock().token().config().createCheckRun(OLD_RUN, 2);
    const gate = gatedListFiles(mock, 12, [200, []]);
    mock.updateCheckRun(1, OLD_RUN);
    // The newer head's full review, on its own check run.
    mock.config().createCheckRun(NEW_RUN, 2);
    mockFullReview(mock, FILES, { token: false, config: false, checkRun: false, updates: 0 });
    mock.updateCheckRun(1, NEW_RUN);

    const { probot, log, reviewer } = await createTestProbot();
    await receive(probot, 'pull_request', push(OLD_SHA));
    await gate.reached;
    expect(reviewer?.isInFlight({ repo: { owner: 'acme', repo: 'infra' }, pullNumber: 12, headSha: OLD_SHA })).toBe(true);
    await receive(probot, 'pull_request', push(NEW_SHA));
    gate.release();
    await reviewer?.idle();
    expectAllMocksUsed(mock, unmatched);

    expect(mock.sent.checkRunCreates.map((run) => [run.id, run.head_sha])).toEqual([
      [OLD_RUN, OLD_SHA],
      [NEW_RUN, NEW_SHA],
    ]);
    expect(mock.updatesOf(OLD_RUN)).toEqual([
      expect.objectContaining({ status: 'completed', conclusion: 'cancelled', output: expect.objectContaining({ title: 'Superseded by 9f3b2c1' }) }),
    ]);
    expect(mock.updatesOf(OLD_RUN)[0].output.summary).toMatch(/A newer commit, `9f3b2c1`, was pushed to #12 while `aaaaaaa` was being reviewed/);
    expect(mock.updatesOf(NEW_RUN).at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    // Only the newer head commented: one review, one summary comment.
    expect(mock.sent.reviews).toHaveLength(1);
    expect(mock.sent.issueComments).toHaveLength(1);
    expect(log.records.some((record) => record.msg === 'iac-review superseded by a newer push')).toBe(true);
  });

  it('drops a review still waiting in the queue: no check run is ever created for the old head', async () => {
    const mock = new GitHubMock().token().config();
    // Another pull request holds the only slot until released (its listing then fails: 500).
    mock.scope.post('/repos/acme/infra/check-runs').reply(201, { id: 990013, status: 'in_progress' });
    const other = gatedListFiles(mock, 13, [500, { message: 'Server Error' }]);
    mock.scope.patch('/repos/acme/infra/check-runs/990013').reply(200, { id: 990013 });
    mockFullReview(mock, FILES, { token: false, checkRun: false, updates: 0 });
    mock.createCheckRun(NEW_RUN, 2).updateCheckRun(1, NEW_RUN);

    const { probot, log, reviewer } = await createTestProbot(undefined, { reviewer: { concurrency: 1 } });
    await receive(probot, 'pull_request', push(OLD_SHA, 13));
    await other.reached;
    await receive(probot, 'pull_request', push(OLD_SHA));
    await receive(probot, 'pull_request', push(NEW_SHA));
    expect(reviewer?.queue.waiting).toBe(1);
    other.release();
    await reviewer?.idle();
    expectAllMocksUsed(mock, unmatched);

    expect(mock.sent.checkRunCreates.map((run) => run.head_sha)).toEqual([NEW_SHA]);
    expect(mock.updatesOf(NEW_RUN).at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(log.records.some((record) => /superseded by a newer push before it started/.test(record.msg))).toBe(true);
  });
});

describe('a full backlog', () => {
  it('completes a check run saying the App is busy instead of queueing, and logs it', async () => {
    const mock = new GitHubMock().token().config();
    mock.scope.post('/repos/acme/infra/check-runs', (body) => body.status === 'in_progress').reply(201, { id: 990013, status: 'in_progress' });
    const other = gatedListFiles(mock, 13, [500, { message: 'Server Error' }]);
    mock.scope.patch('/repos/acme/infra/check-runs/990013').reply(200, { id: 990013 });
    const busy: any[] = [];
    mock.scope
      .post('/repos/acme/infra/check-runs', (body) => {
        busy.push(body);
        return body.status === 'completed';
      })
      .reply(201, { id: 990014, status: 'completed' });

    const { probot, log, reviewer } = await createTestProbot(undefined, { reviewer: { concurrency: 1, maxWaiting: 0 } });
    await receive(probot, 'pull_request', push(OLD_SHA, 13));
    await other.reached;
    await receive(probot, 'pull_request', push(NEW_SHA));
    other.release();
    await reviewer?.idle();
    expectAllMocksUsed(mock, unmatched);

    expect(busy.at(-1)).toMatchObject({
      head_sha: NEW_SHA,
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Not reviewed: iac-review is busy', summary: expect.stringMatching(/Re-run/) },
    });
    expect(log.records.some((record) => record.level === 'error' && /review queue full \(0 waiting\)/.test(record.msg))).toBe(true);
  });
});

describe('shutting down', () => {
  it('interrupts the running review: its check run completes as cancelled; later deliveries are not queued', async () => {
    const mock = new GitHubMock().token().config().createCheckRun(OLD_RUN, 2);
    const gate = gatedListFiles(mock, 12, [200, []]);
    mock.updateCheckRun(1, OLD_RUN);
    const { probot, log, reviewer } = await createTestProbot();
    await receive(probot, 'pull_request', push(OLD_SHA));
    await gate.reached;
    const stopping = reviewer?.shutdown(log, 5000);
    await receive(probot, 'pull_request', push(NEW_SHA));
    gate.release();
    await stopping;
    expectAllMocksUsed(mock, unmatched);
    expect(mock.updatesOf(OLD_RUN)).toEqual([
      expect.objectContaining({ status: 'completed', conclusion: 'cancelled', output: expect.objectContaining({ title: 'Interrupted: iac-review restarted' }) }),
    ]);
    expect(log.records.some((record) => /shutting down: review not queued/.test(record.msg))).toBe(true);
  });
});
