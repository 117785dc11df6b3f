/**
 * The engine off the event loop: reviews run in a small pool of worker threads (piscina), so
 * the HTTP server keeps answering webhooks and `/healthz` however long a review takes.
 *
 * - At most `workers` threads (default 2, never more than the machine's cores), at a lower CPU
 *   priority than the main thread, so a busy machine still answers HTTP first. The engine
 *   cannot split one review across threads (project rules judge all files together), so a big
 *   pull request uses one core and a second review runs beside it on the other.
 * - A hard wall-clock deadline per review, counted from the moment a worker starts it, and an
 *   old-generation heap limit per worker (`resourceLimits`). On a breach the worker is
 *   terminated (piscina starts a fresh one) and the review fails with `ReviewDeadlineError` or
 *   `ReviewHeapError`, naming the file it was on (the worker reports each step).
 * - The review's signal (a newer push, shutdown, the memory guard) terminates the worker too;
 *   the review then rejects with the signal's reason, as the in-process engine did.
 *
 * The worker module is this project's own engine-worker.ts; nothing else is ever loaded into a
 * worker, and what crosses to it is data (engine-wire.ts).
 */
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ParserUnavailableError, type ReviewStep } from '../core/index.js';
import { describeStep, toWire, type EngineInput, type EngineResult, type EngineMessage, type EngineReply, type EngineTask } from './engine-wire.js';

export interface EnginePoolSettings {
  /** Worker threads; capped at the machine's cores. */
  workers: number;
  /** Wall-clock limit of one review, in ms, from the moment a worker starts it. */
  deadlineMs: number;
  /** Old-generation heap limit of each worker, in MiB. */
  heapMb: number;
}

/** A 3,000-file review takes about 10 s in the engine and its live data stays under 72 MB. */
export const DEFAULT_ENGINE_SETTINGS: EnginePoolSettings = { workers: 2, deadlineMs: 120_000, heapMb: 512 };

/** A review the pool stopped at a limit; `step` is where the worker was. */
export abstract class EngineStoppedError extends Error {
  constructor(
    message: string,
    readonly step: ReviewStep | undefined,
  ) {
    super(message);
  }

  /** "while analysing `lib/a.py` (file 3 of 40)" */
  get where(): string {
    return describeStep(this.step);
  }
}

export class ReviewDeadlineError extends EngineStoppedError {
  constructor(
    readonly deadlineMs: number,
    step: ReviewStep | undefined,
  ) {
    super(`the review took longer than ${deadlineMs / 1000} s`, step);
    this.name = 'ReviewDeadlineError';
  }
}

export class ReviewHeapError extends EngineStoppedError {
  constructor(
    readonly heapMb: number,
    step: ReviewStep | undefined,
  ) {
    super(`the review needed more than its ${heapMb} MB of heap`, step);
    this.name = 'ReviewHeapError';
  }
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_MODULE = new URL(`./engine-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);
/** From source (tests, tsx) the worker needs the TypeScript loader; from dist/ nothing, not even the App's own V8 flags. */
const WORKER_EXEC_ARGV = FROM_SOURCE ? ['--import', 'tsx'] : [];

/** Added to the worker threads' nice value (Linux: per thread); the main thread keeps its own. */
const WORKER_NICENESS = 10;

function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** The engine's error as the App knows it (a parser that cannot load fails the review, not the file). */
function engineError({ name, message }: { name: string; message: string }): Error {
  if (name === 'ParserUnavailableError') return new ParserUnavailableError(message);
  return Object.assign(new Error(message), { name });
}

export class EnginePool {
  readonly settings: EnginePoolSettings;
  private piscina: Piscina<EngineTask, EngineReply> | undefined;

  constructor(settings: Partial<EnginePoolSettings> = {}) {
    const merged = { ...DEFAULT_ENGINE_SETTINGS, ...settings };
    this.settings = { ...merged, workers: Math.max(1, Math.min(merged.workers, availableParallelism())) };
  }

  /**
   * The first thread starts with the first review and stays (a terminated one is replaced); more
   * start when reviews overlap and end after a minute idle.
   */
  private pool(): Piscina<EngineTask, EngineReply> {
    this.piscina ??= new Piscina<EngineTask, EngineReply>({
      filename: WORKER_MODULE.href,
      minThreads: 1,
      maxThreads: this.settings.workers,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: this.settings.heapMb },
      // Engine threads yield the CPU to the thread that answers HTTP when the cores are busy.
      niceIncrement: WORKER_NICENESS,
      execArgv: WORKER_EXEC_ARGV,
    });
    return this.piscina;
  }

  /**
   * Reviews `input` in a worker. The input's byte buffers are transferred: the caller must not
   * read them afterwards. Rejects with the signal's reason when it aborts, with a
   * `ReviewDeadlineError` or `ReviewHeapError` at a limit, and with the engine's own error.
   */
  async review(input: EngineInput, signal?: AbortSignal): Promise<EngineResult> {
    signal?.throwIfAborted();
    const { deadlineMs, heapMb } = this.settings;
    const { files, transfer } = toWire(input.files);
    const channel = new MessageChannel();
    const limit = new AbortController();
    let step: ReviewStep | undefined;
    let deadline: NodeJS.Timeout | undefined;
    channel.port1.on('message', (message: EngineMessage) => {
      if (message.kind === 'step') step = message.step;
      else deadline ??= setTimeout(() => limit.abort(new ReviewDeadlineError(deadlineMs, step)), deadlineMs);
    });
    const task: EngineTask = {
      files,
      config: input.config,
      mode: input.mode,
      progress: channel.port2,
      ...(input.project ? { project: input.project } : {}),
      ...(input.base ? { base: input.base } : {}),
      ...(input.treeCacheBytes === undefined ? {} : { treeCacheBytes: input.treeCacheBytes }),
    };
    try {
      const reply = await this.pool().run(task, { signal: signal ? AbortSignal.any([signal, limit.signal]) : limit.signal, transferList: [channel.port2, ...transfer] });
      if (!reply.ok) throw engineError(reply.error);
      return reply.result;
    } catch (error) {
      if (limit.signal.aborted) throw limit.signal.reason;
      if (signal?.aborted) throw signal.reason;
      if (isOutOfMemory(error)) throw new ReviewHeapError(heapMb, step);
      throw error;
    } finally {
      clearTimeout(deadline);
      channel.port1.close();
    }
  }

  /** Ends the threads (tests; the App's process simply exits). */
  async close(): Promise<void> {
    const piscina = this.piscina;
    this.piscina = undefined;
    await piscina?.destroy();
  }
}

let shared: EnginePool | undefined;

/** One pool for every reviewer built without its own (tests, scripts): threads are started once per process. */
export function sharedEnginePool(): EnginePool {
  shared ??= new EnginePool();
  return shared;
}
