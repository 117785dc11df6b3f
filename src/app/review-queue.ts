/**
 * The bounded in-process queue reviews wait in, so a webhook delivery is acknowledged at once
 * (GitHub gives up after 10 s) and the review runs afterwards.
 *
 * - Bounded concurrency: at most `concurrency` jobs run at once (p-limit).
 * - Bounded backlog: at most `maxWaiting` jobs wait; past that `submit` answers `full` and the
 *   caller says so (reviewer.ts completes a check run "Not reviewed: iac-review is busy").
 * - One pull request, one review at a time: jobs share a `group` (the pull request) and carry
 *   a `version` (the head SHA). A job of a newer version aborts the group's older job with a
 *   `SupersededError` as the signal's reason: a waiting job is dropped before it starts, a
 *   running one stops at its next step. The newer job starts once the older one has settled,
 *   so two reviews of one pull request never post comments at the same time.
 * - `shutdown()` aborts every job with a `ShutdownError` (running reviews complete their check
 *   runs as interrupted) and refuses new ones.
 * - `idle()` resolves once every job (and every tracked side task) has settled: tests and the
 *   benchmark await it instead of sleeping.
 */
import pLimit, { type LimitFunction } from 'p-limit';

/** The abort reason of a job a newer version of its group superseded. */
export class SupersededError extends Error {
  constructor(readonly by: string) {
    super(`superseded by ${by.slice(0, 7)}`);
    this.name = 'SupersededError';
  }
}

/** The abort reason of every job when the process shuts down. */
export class ShutdownError extends Error {
  constructor() {
    super('the App is shutting down');
    this.name = 'ShutdownError';
  }
}

/** The version that superseded the job this signal belongs to, if that is why it was aborted. */
export function supersededBy(signal: AbortSignal): string | undefined {
  return signal.aborted && signal.reason instanceof SupersededError ? signal.reason.by : undefined;
}

export interface QueueSettings {
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs waiting to start; one more is refused. */
  maxWaiting: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = { concurrency: 2, maxWaiting: 200 };

export interface QueueTask<T> {
  group: string;
  version: string;
  /** Refuse (as `duplicate`) when a job of the same group and version is waiting or running. */
  skipIfActive?: boolean;
  /** The job. It should not throw; a throw is passed to the queue's `onError`. */
  run(signal: AbortSignal): Promise<T>;
}

export type Submission<T> =
  /** `result` is undefined when the job was superseded before it started. */
  | { status: 'queued'; waiting: number; running: number; result: Promise<T | undefined> }
  | { status: 'duplicate' }
  | { status: 'full'; waiting: number }
  | { status: 'closed' };

type JobState = 'waiting' | 'running' | 'dropped' | 'done';

interface Job {
  version: string;
  controller: AbortController;
  state: JobState;
  settled: Promise<unknown>;
  /** The group's job submitted before this one (cleared once this one settles). */
  previous: Job | undefined;
}

export class ReviewQueue {
  readonly settings: QueueSettings;
  private readonly limit: LimitFunction;
  /** The newest unsettled job of each group. */
  private readonly latest = new Map<string, Job>();
  private readonly pending = new Set<Promise<unknown>>();
  /** Running jobs in the order they started. */
  private started: Job[] = [];
  /** Jobs waiting for a slot (state `waiting`). */
  private waitingCount = 0;
  /** Jobs admitted and not yet settled or dropped: at most concurrency + maxWaiting. */
  private admitted = 0;
  private closed = false;

  constructor(
    settings: Partial<QueueSettings> = {},
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.settings = { ...DEFAULT_QUEUE_SETTINGS, ...settings };
    this.limit = pLimit(this.settings.concurrency);
  }

  get waiting(): number {
    return this.waitingCount;
  }

  get running(): number {
    return this.limit.activeCount;
  }

  /** True when a job of this group and version is waiting or running. */
  isActive(group: string, version: string): boolean {
    const job = this.latest.get(group);
    return job !== undefined && job.version === version && (job.state === 'waiting' || job.state === 'running');
  }

  submit<T>(task: QueueTask<T>): Submission<T> {
    if (this.closed) return { status: 'closed' };
    const previous = this.latest.get(task.group);
    const sameVersion = previous?.version === task.version && (previous.state === 'waiting' || previous.state === 'running');
    // A waiting job of the same version will do exactly this work.
    if (sameVersion && (task.skipIfActive || previous.state === 'waiting')) return { status: 'duplicate' };
    const freed = previous?.state === 'waiting' && !sameVersion ? 1 : 0;
    if (this.admitted - freed >= this.settings.concurrency + this.settings.maxWaiting) return { status: 'full', waiting: this.waitingCount };
    if (previous && !sameVersion) this.supersede(previous, task.version);

    const job: Job = { version: task.version, controller: new AbortController(), state: 'waiting', settled: Promise.resolve(), previous };
    this.waitingCount++;
    this.admitted++;
    this.latest.set(task.group, job);
    const result = this.limit(async () => {
      if (job.state !== 'waiting') return undefined; // dropped while it waited
      this.waitingCount--;
      job.state = 'running';
      this.started.push(job);
      // The group's earlier job (started before this one) winds down first.
      await job.previous?.settled;
      if (job.controller.signal.aborted) return undefined;
      return await task.run(job.controller.signal);
    })
      .catch((error: unknown) => {
        this.onError(error);
        return undefined;
      })
      .finally(() => {
        if (job.state !== 'dropped') this.admitted--;
        job.state = 'done';
        job.previous = undefined;
        this.started = this.started.filter((candidate) => candidate !== job);
        if (this.latest.get(task.group) === job) this.latest.delete(task.group);
      });
    job.settled = result;
    this.track(result);
    return { status: 'queued', waiting: this.waitingCount, running: this.limit.activeCount, result };
  }

  /** Keeps `idle()` waiting for a side task (e.g. the check run of a refused job). */
  track(task: Promise<unknown>): void {
    const settled = task.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
  }

  /** Resolves once every job and tracked task has settled, including ones they started meanwhile. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /**
   * Refuses new jobs and aborts every waiting and running one with a `ShutdownError`; resolves
   * once they have settled. Returns how many were dropped before they started.
   */
  async shutdown(): Promise<number> {
    this.closed = true;
    const dropped = this.waitingCount;
    const reason = new ShutdownError();
    for (const job of this.latest.values()) this.abortChain(job, reason);
    await this.idle();
    return dropped;
  }

  /**
   * Aborts the running job that started last with `reason` (memory pressure: the newest review
   * has done the least work). Returns false when no job is running.
   */
  abortNewestRunning(reason: Error): boolean {
    const job = this.started.filter((candidate) => candidate.state === 'running' && !candidate.controller.signal.aborted).at(-1);
    if (!job) return false;
    job.controller.abort(reason);
    return true;
  }

  private supersede(newest: Job, by: string): void {
    this.abortChain(newest, new SupersededError(by));
  }

  /** Aborts `newest` and every older unsettled job of its group (a manual re-run can queue one behind another). */
  private abortChain(newest: Job, reason: Error): void {
    for (let job: Job | undefined = newest; job; job = job.previous) {
      if (job.state === 'done' || job.controller.signal.aborted) continue;
      if (job.state === 'waiting') {
        job.state = 'dropped';
        this.waitingCount--;
        this.admitted--;
      }
      job.controller.abort(reason);
    }
  }
}
