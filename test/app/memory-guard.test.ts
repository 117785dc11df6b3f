/**
 * The memory guard: pressure is judged on the heap still in use after a full collection, and
 * a review stopped for it completes its check run with a conclusion that says so (fail closed),
 * while the App carries on.
 */
import { describe, expect, it } from 'vitest';
import { MemoryGuard, MemoryPressureError, underPressure, type HeapReading } from '../../src/app/memory-guard.js';
import { createTestProbot, expectAllMocksUsed, fixture, GitHubMock, receive, useNock } from './support.js';

const { unmatched } = useNock();
const MB = 2 ** 20;

describe('underPressure', () => {
  it.each([
    [{ used: 300 * MB, limit: 512 * MB }, false],
    [{ used: 409 * MB, limit: 512 * MB }, false],
    [{ used: 420 * MB, limit: 512 * MB }, true],
    [{ used: 10 * MB, limit: 0 }, false],
  ])('%o -> %s', (reading, expected) => {
    expect(underPressure(reading)).toBe(expected);
  });
});

describe('MemoryGuard', () => {
  it('reports only readings over the threshold', () => {
    const readings: HeapReading[] = [
      { used: 100 * MB, limit: 512 * MB },
      { used: 500 * MB, limit: 512 * MB },
    ];
    const reported: HeapReading[] = [];
    const guard = new MemoryGuard((reading) => reported.push(reading), 0.8, () => readings.shift() as HeapReading);
    guard.check();
    guard.check();
    expect(reported).toEqual([{ used: 500 * MB, limit: 512 * MB }]);
  });

  it('starts and stops watching collections', () => {
    const guard = new MemoryGuard(() => {});
    guard.start();
    guard.start();
    guard.stop();
    guard.stop();
  });
});

describe('a review stopped for memory', () => {
  it('completes its check run as failure, saying the App ran short of memory', async () => {
    const mock = new GitHubMock().token().config().createCheckRun(4400777);
    let reachedResolve!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((resolve) => (reachedResolve = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    mock.scope
      .get('/repos/acme/infra/pulls/12/files')
      .query({ per_page: 100 })
      .reply(async () => {
        reachedResolve();
        await released;
        return [200, []];
      });
    mock.updateCheckRun(1, 4400777);
    const { probot, log, reviewer } = await createTestProbot();
    await receive(probot, 'pull_request', fixture('pull_request.opened'));
    await reached;
    reviewer?.relieveMemoryPressure({ used: 450 * MB, limit: 512 * MB }, log);
    release();
    await reviewer?.idle();
    expectAllMocksUsed(mock, unmatched);
    const [completion] = mock.updatesOf(4400777);
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Not reviewed: iac-review ran short of memory' } });
    expect(completion.output.summary).toMatch(/450 of 512 MB full after garbage collection/);
    expect(log.records.some((record) => record.level === 'error' && /stopping the newest running review/.test(record.msg))).toBe(true);
  });

  it('with no review running, nothing is stopped', async () => {
    const { log, reviewer } = await createTestProbot();
    reviewer?.relieveMemoryPressure({ used: 450 * MB, limit: 512 * MB }, log);
    expect(log.records.some((record) => /with no review running/.test(record.msg))).toBe(true);
    expect(new MemoryPressureError({ used: 450 * MB, limit: 512 * MB }).message).toMatch(/450 of 512 MB/);
  });
});
