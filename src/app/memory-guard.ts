/**
 * Keeps the App inside its V8 heap limit (`npm start` caps it with --max-old-space-size): after
 * every full garbage collection it reads how much of the heap is still in use, which is then
 * live data rather than garbage. When that passes `threshold` of the limit, it calls
 * `onPressure` so the newest running review can be stopped and its check run completed with
 * "ran short of memory", instead of the process dying out of memory and leaving every
 * running review's check run in progress.
 */
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

export interface HeapReading {
  /** Bytes in use right after a full collection. */
  used: number;
  /** The heap's limit in bytes. */
  limit: number;
}

/** Why a review was stopped: the heap was this full after a full collection. */
export class MemoryPressureError extends Error {
  constructor(readonly reading: HeapReading) {
    super(`the App's heap was ${megabytes(reading.used)} of ${megabytes(reading.limit)} MB full after garbage collection`);
    this.name = 'MemoryPressureError';
  }
}

export function megabytes(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}

/** Share of the heap limit still in use after a full collection that counts as pressure. */
export const DEFAULT_PRESSURE_THRESHOLD = 0.8;

export function underPressure(reading: HeapReading, threshold = DEFAULT_PRESSURE_THRESHOLD): boolean {
  return reading.limit > 0 && reading.used > threshold * reading.limit;
}

function readHeap(): HeapReading {
  const statistics = getHeapStatistics();
  return { used: statistics.used_heap_size, limit: statistics.heap_size_limit };
}

function isFullCollection(entry: PerformanceEntry): boolean {
  const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
  return kind === constants.NODE_PERFORMANCE_GC_MAJOR;
}

export class MemoryGuard {
  private observer: PerformanceObserver | undefined;

  constructor(
    private readonly onPressure: (reading: HeapReading) => void,
    private readonly threshold = DEFAULT_PRESSURE_THRESHOLD,
    private readonly read: () => HeapReading = readHeap,
  ) {}

  start(): void {
    if (this.observer) return;
    this.observer = new PerformanceObserver((list) => {
      if (list.getEntries().some(isFullCollection)) this.check();
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Reads the heap now and reports pressure; the observer calls it after each full collection. */
  check(): void {
    const reading = this.read();
    if (underPressure(reading, this.threshold)) this.onPressure(reading);
  }
}
