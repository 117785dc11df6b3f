/**
 * A client-side timeout on every GitHub request, so a request GitHub never answers fails
 * instead of stalling a review (and the queue behind it) forever.
 *
 * It wraps the octokit's `fetch` per attempt, from a `before` hook registered after the retry
 * and throttling plugins: each attempt gets its own timer, and a timed-out attempt becomes a
 * 500-class RequestError that octokit's retry plugin retries like any other transient error
 * (except where a call opts out of retries, as the comment-creating POSTs do).
 */
import type { GitHub } from './types.js';

/** Every timed-out request's error message starts with this. */
export const TIMEOUT_MESSAGE = 'GitHub did not answer';

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

type Fetch = typeof globalThis.fetch;

const WITH_TIMEOUT = Symbol('iac-review request timeout');
const applied = new WeakSet<object>();

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/** A fetch that aborts when GitHub has not answered within `ms` (and still honours the caller's signal). */
export function fetchWithTimeout(base: Fetch, ms: number): Fetch {
  const wrapped: Fetch = async (input, init) => {
    const timer = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timer]) : timer;
    try {
      return await base(input, { ...init, signal });
    } catch (error) {
      if (!timer.aborted) throw error;
      const method = init?.method ?? 'GET';
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      // octokit turns this into a RequestError (status 500) carrying this message.
      throw new Error(`${TIMEOUT_MESSAGE} ${method} ${new URL(url).pathname} within ${seconds(ms)}`, { cause: error });
    }
  };
  return Object.assign(wrapped, { [WITH_TIMEOUT]: true });
}

/** Installs the timeout on one octokit instance (once; later calls are no-ops). */
export function applyRequestTimeout(github: GitHub, ms: number = DEFAULT_REQUEST_TIMEOUT_MS): void {
  if (!(ms > 0) || applied.has(github)) return;
  applied.add(github);
  github.hook.before('request', (options) => {
    const current = (options.request?.fetch as Fetch | undefined) ?? globalThis.fetch;
    if ((current as unknown as Record<symbol, unknown>)[WITH_TIMEOUT]) return;
    options.request = { ...options.request, fetch: fetchWithTimeout(current, ms) };
  });
}

/** True for the error octokit raises when a request timed out. */
export function isRequestTimeout(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith(TIMEOUT_MESSAGE);
}
