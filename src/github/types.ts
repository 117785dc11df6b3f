/**
 * The octokit every GitHub call goes through: Probot's installation client, which carries the
 * retry and throttling plugins (disabled in tests through `ProbotOctokit.defaults`).
 */
import type { Context } from 'probot';
import { isRequestTimeout } from './request-timeout.js';

export type GitHub = Context['octokit'];

export interface RepoRef {
  owner: string;
  repo: string;
}

/** The HTTP status of an octokit RequestError, or undefined for other errors. */
export function httpStatus(error: unknown): number | undefined {
  if (error && typeof error === 'object' && 'status' in error && typeof error.status === 'number') return error.status;
  return undefined;
}

/** A short description of a failed GitHub call for check-run text and logs. */
export function describeError(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0]?.slice(0, 300) ?? '';
  if (isRequestTimeout(error)) return firstLine;
  return status ? `GitHub answered ${status}${firstLine ? ` (${firstLine})` : ''}` : firstLine || 'unknown error';
}
