/**
 * The review queue on its own: bounded concurrency, a bounded backlog, one job per pull request
 * at a time, newer versions superseding older ones through the AbortSignal, and `idle()`.
 * Jobs are held open by deferred promises, so every interleaving is decided by the test.
 */
import { describe, expect, it } from 'vitest';
import { ReviewQueue, ShutdownError, SupersededError, supersededBy } from '../../src/app/review-queue.js';

interface Gate {
  promise: Promise<void>;
  open: () => void;
}

function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** A job that records when it starts and finishes and waits for its gate. */
function job(log: string[], name: string, hold: Gate, seen?: { signal?: AbortSignal }) {
  return async (signal: AbortSignal) => {
    log.push(`start ${name}`);
    if (seen) seen.signal = signal;
    await hold.promise;
    log.push(`end ${name}`);
    return name;
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ReviewQueue', () => {
  it('runs at most `concurrency` jobs at once and idle() waits for all of them', async () => {
    const queue = new ReviewQueue({ concurrency: 2, maxWaiting: 10 });
    let running = 0;
    let peak = 0;
    const finished: string[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      queue.submit({
        group: name,
        version: '1',
        run: async () => {
          running++;
          peak = Math.max(peak, running);
          await tick();
          running--;
          finished.push(name);
        },
      });
    }
    expect(queue.waiting).toBe(5);
    await queue.idle();
    expect(peak).toBe(2);
    expect(finished.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(queue.waiting).toBe(0);
    expect(queue.running).toBe(0);
  });

  it('refuses a job when the backlog is full, and takes jobs again once it drains', async () => {
    const queue = new ReviewQueue({ concurrency: 1, maxWaiting: 2 });
    const log: string[] = [];
    const hold = gate();
    queue.submit({ group: 'a', version: '1', run: job(log, 'a', hold) });
    await tick();
    // `a` runs, `b` and `c` wait, `d` does not fit.
    const statuses = ['b', 'c', 'd'].map((name) => queue.submit({ group: name, version: '1', run: job(log, name, hold) }).status);
    expect(statuses).toEqual(['queued', 'queued', 'full']);
    expect(queue.submit({ group: 'e', version: '1', run: job(log, 'e', hold) })).toEqual({ status: 'full', waiting: 2 });
    hold.open();
    await queue.idle();
    expect(log.filter((line) => line.startsWith('end'))).toEqual(['end a', 'end b', 'end c']);
    expect(queue.submit({ group: 'f', version: '1', run: async () => 'f' }).status).toBe('queued');
    await queue.idle();
  });

  it('a newer version drops the waiting older one of the same pull request before it starts', async () => {
    const queue = new ReviewQueue({ concurrency: 1, maxWaiting: 5 });
    const log: string[] = [];
    const hold = gate();
    queue.submit({ group: 'other', version: '1', run: job(log, 'other', hold) });
    await tick();
    const old = queue.submit({ group: 'pr', version: 'old', run: job(log, 'old', hold) });
    const newer = queue.submit({ group: 'pr', version: 'new', run: job(log, 'new', hold) });
    // The dropped job frees its place in the backlog at once.
    expect(queue.waiting).toBe(1);
    hold.open();
    await queue.idle();
    expect(log).toEqual(['start other', 'end other', 'start new', 'end new']);
    expect(old.status === 'queued' && (await old.result)).toBeUndefined();
    expect(newer.status === 'queued' && (await newer.result)).toBe('new');
  });

  it('a newer version aborts the running older one and starts only after it settled', async () => {
    const queue = new ReviewQueue({ concurrency: 2, maxWaiting: 5 });
    const log: string[] = [];
    const oldGate = gate();
    const seen: { signal?: AbortSignal } = {};
    queue.submit({ group: 'pr', version: 'aaaaaaa1', run: job(log, 'old', oldGate, seen) });
    await tick();
    expect(queue.isActive('pr', 'aaaaaaa1')).toBe(true);
    queue.submit({ group: 'pr', version: 'bbbbbbb2', run: async () => void log.push('start new') });
    await tick();
    expect(seen.signal?.aborted).toBe(true);
    expect(seen.signal?.reason).toBeInstanceOf(SupersededError);
    expect(supersededBy(seen.signal as AbortSignal)).toBe('bbbbbbb2');
    expect(queue.isActive('pr', 'aaaaaaa1')).toBe(false);
    expect(queue.isActive('pr', 'bbbbbbb2')).toBe(true);
    // A free slot, yet the newer review waits for the older one to wind down.
    expect(log).toEqual(['start old']);
    oldGate.open();
    await queue.idle();
    expect(log).toEqual(['start old', 'end old', 'start new']);
  });

  it('the same version: automatic triggers are duplicates; a manual one runs again after the running one', async () => {
    const queue = new ReviewQueue({ concurrency: 2, maxWaiting: 5 });
    const log: string[] = [];
    const first = gate();
    queue.submit({ group: 'pr', version: 'v1', run: job(log, 'first', first) });
    expect(queue.submit({ group: 'pr', version: 'v1', skipIfActive: true, run: job(log, 'auto', first) }).status).toBe('duplicate');
    // Still waiting for a slot: a manual request for the same version adds nothing.
    expect(queue.submit({ group: 'pr', version: 'v1', run: job(log, 'manual-early', first) }).status).toBe('duplicate');
    await tick();
    const manual = queue.submit({ group: 'pr', version: 'v1', run: job(log, 'manual', first) });
    expect(manual.status).toBe('queued');
    first.open();
    await queue.idle();
    expect(log).toEqual(['start first', 'end first', 'start manual', 'end manual']);
  });

  it('a newer version also aborts the running review a manual re-run of the same version was queued behind', async () => {
    const queue = new ReviewQueue({ concurrency: 2, maxWaiting: 5 });
    const log: string[] = [];
    const hold = gate();
    const seen: { signal?: AbortSignal } = {};
    queue.submit({ group: 'pr', version: 'v1', run: job(log, 'first', hold, seen) });
    await tick();
    queue.submit({ group: 'pr', version: 'v1', run: job(log, 'rerun', hold) });
    queue.submit({ group: 'pr', version: 'v2', run: async () => void log.push('start v2') });
    expect(supersededBy(seen.signal as AbortSignal)).toBe('v2');
    hold.open();
    await queue.idle();
    expect(log).toEqual(['start first', 'end first', 'start v2']);
  });

  it('shutdown() aborts running jobs, drops waiting ones and refuses new ones', async () => {
    const queue = new ReviewQueue({ concurrency: 1, maxWaiting: 5 });
    const log: string[] = [];
    const hold = gate();
    const seen: { signal?: AbortSignal } = {};
    queue.submit({ group: 'a', version: '1', run: job(log, 'a', hold, seen) });
    await tick();
    queue.submit({ group: 'b', version: '1', run: job(log, 'b', hold) });
    const stopping = queue.shutdown();
    expect(seen.signal?.reason).toBeInstanceOf(ShutdownError);
    expect(queue.submit({ group: 'c', version: '1', run: job(log, 'c', hold) })).toEqual({ status: 'closed' });
    hold.open();
    expect(await stopping).toBe(1);
    expect(log).toEqual(['start a', 'end a']);
  });

  it('a throwing job goes to onError and does not stop the queue', async () => {
    const errors: unknown[] = [];
    const queue = new ReviewQueue({ concurrency: 1, maxWaiting: 5 }, (error) => errors.push(error));
    const failed = queue.submit({ group: 'a', version: '1', run: () => Promise.reject(new Error('boom')) });
    const next = queue.submit({ group: 'b', version: '1', run: async () => 'ok' });
    await queue.idle();
    expect(failed.status === 'queued' && (await failed.result)).toBeUndefined();
    expect(next.status === 'queued' && (await next.result)).toBe('ok');
    expect(errors).toEqual([new Error('boom')]);
  });

  it('idle() also waits for tracked side tasks and for jobs submitted while it waits', async () => {
    const queue = new ReviewQueue({ concurrency: 1, maxWaiting: 5 });
    const done: string[] = [];
    queue.track(tick().then(() => done.push('side')));
    queue.submit({
      group: 'a',
      version: '1',
      run: async () => {
        queue.submit({ group: 'b', version: '1', run: async () => void done.push('b') });
        done.push('a');
      },
    });
    await queue.idle();
    expect(done.sort()).toEqual(['a', 'b', 'side']);
  });
});
