/**
 * The App's runtime settings, from environment variables next to Probot's own:
 *
 * - `IAC_REVIEW_CONCURRENCY`      reviews running at once (default 2)
 * - `IAC_REVIEW_MAX_QUEUED`       reviews waiting to start; more are refused with a "busy" check run (default 200)
 * - `IAC_REVIEW_GITHUB_TIMEOUT_MS` time GitHub gets to answer one request before it counts as failed (default 30000)
 * - `IAC_REVIEW_TREE_CACHE_MB`    parsed trees kept per review beyond the file under review, in MiB;
 *                                 past it a tree is parsed again when read (default 0)
 * - `IAC_REVIEW_WORKERS`          engine worker threads (default 2, at most the machine's cores)
 * - `IAC_REVIEW_DEADLINE_MS`      wall-clock limit of one review in its worker (default 120000)
 * - `IAC_REVIEW_WORKER_HEAP_MB`   heap (old generation) limit of each engine worker, in MiB (default 512)
 *
 * Like the engine's default, the App keeps no trees beyond the file under review (and the last
 * few read): rules read a tree almost only while its file is reviewed. On the 3,000-file
 * benchmark no tree was parsed twice, and the App peaked at 232-233 MB with 0 against
 * 240-258 MB with 8 MiB.
 */
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../github/request-timeout.js';
import { DEFAULT_TREE_CACHE_BYTES } from '../syntax/tree-cache.js';
import { DEFAULT_ENGINE_SETTINGS, type EnginePoolSettings } from './engine-pool.js';
import { DEFAULT_QUEUE_SETTINGS } from './review-queue.js';

export interface AppSettings {
  concurrency: number;
  maxWaiting: number;
  requestTimeoutMs: number;
  treeCacheBytes: number;
  engine: EnginePoolSettings;
}

export const DEFAULT_APP_SETTINGS: AppSettings = {
  ...DEFAULT_QUEUE_SETTINGS,
  requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
  treeCacheBytes: DEFAULT_TREE_CACHE_BYTES,
  engine: DEFAULT_ENGINE_SETTINGS,
};

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, not "${raw}"`);
  return value;
}

export function appSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AppSettings {
  return {
    concurrency: integer(env, 'IAC_REVIEW_CONCURRENCY', DEFAULT_APP_SETTINGS.concurrency, 1),
    maxWaiting: integer(env, 'IAC_REVIEW_MAX_QUEUED', DEFAULT_APP_SETTINGS.maxWaiting, 0),
    requestTimeoutMs: integer(env, 'IAC_REVIEW_GITHUB_TIMEOUT_MS', DEFAULT_APP_SETTINGS.requestTimeoutMs, 1),
    treeCacheBytes: integer(env, 'IAC_REVIEW_TREE_CACHE_MB', DEFAULT_APP_SETTINGS.treeCacheBytes / 2 ** 20, 0) * 2 ** 20,
    engine: {
      workers: integer(env, 'IAC_REVIEW_WORKERS', DEFAULT_ENGINE_SETTINGS.workers, 1),
      deadlineMs: integer(env, 'IAC_REVIEW_DEADLINE_MS', DEFAULT_ENGINE_SETTINGS.deadlineMs, 1),
      heapMb: integer(env, 'IAC_REVIEW_WORKER_HEAP_MB', DEFAULT_ENGINE_SETTINGS.heapMb, 16),
    },
  };
}
