/**
 * Requirements from the base: the configuration, lib/AWS_REGION and the Pulumi.<stack>.yaml
 * stack files are read at the pull request's base commit, so a pull request cannot relax its
 * own review. When it edits one of them the engine reports the change (IAC003); for the
 * configuration that needs the head's version too, read only when the pull request edits it.
 */
import type { Logger } from 'probot';
import { catalogIds } from '../core/catalog.js';
import { CONFIG_PATH, ConfigError, resolveConfig, type ResolvedConfig } from '../core/config.js';
import { REQUIREMENT_PATTERNS, type HeadConfig } from '../core/index.js';
import { listProjectFiles, type ProjectListing } from '../github/contents.js';
import type { ChangedFile } from '../github/pulls.js';
import { describeError, httpStatus, type GitHub, type RepoRef } from '../github/types.js';
import { StepError } from './failure-output.js';
import type { ReviewRequest } from './review-pull-request.js';

/** The configuration at `ref`, validated; a file that does not parse is a ConfigError naming it. */
export async function loadConfiguration(request: Pick<ReviewRequest, 'loadConfig'>, ref: string): Promise<ResolvedConfig> {
  let raw: unknown;
  try {
    raw = await request.loadConfig(ref);
  } catch (error) {
    // The config plugin throws plain errors for YAML it cannot parse and RequestErrors for HTTP.
    if (httpStatus(error) !== undefined) throw new StepError(`reading ${CONFIG_PATH}`, error);
    throw new ConfigError(CONFIG_PATH, [`(file): ${(error as Error).message.replace(/^\[[^\]]+\]\s*/, '')}`]);
  }
  return resolveConfig(raw ?? {}, catalogIds);
}

/** Paths the pull request deletes or renames away. */
export function removedPaths(changed: readonly ChangedFile[]): string[] {
  return changed.flatMap((file) => (file.status === 'removed' ? [file.path] : file.status === 'renamed' && file.previousPath ? [file.previousPath] : []));
}

/** The configuration the head would bring, when the pull request edits it (else undefined). */
export async function headConfiguration(request: Pick<ReviewRequest, 'loadConfig' | 'headSha'>, changed: readonly ChangedFile[]): Promise<HeadConfig | undefined> {
  if (!changed.some((file) => file.path === CONFIG_PATH || file.previousPath === CONFIG_PATH)) return undefined;
  try {
    return { config: await loadConfiguration(request, request.headSha) };
  } catch (error) {
    if (error instanceof ConfigError) return { invalid: error.problems.join('; ') };
    throw error;
  }
}

/**
 * lib/AWS_REGION and the stack files at the base commit. When they cannot be listed the review
 * goes on with none (the configuration alone says what is required), never with the head's.
 */
export async function listBaseRequirements(github: GitHub, repo: RepoRef, baseSha: string, maxBytes: number, log: Logger, notes: string[]): Promise<ProjectListing> {
  try {
    return await listProjectFiles(github, repo, baseSha, REQUIREMENT_PATTERNS, new Set(), maxBytes);
  } catch (error) {
    log.warn({ err: error }, 'base requirements unavailable');
    notes.push(`The base commit's lib/AWS_REGION and stack files could not be listed: ${describeError(error)}. The required region and environment come from the configuration only.`);
    return { paths: [], toRead: [] };
  }
}
