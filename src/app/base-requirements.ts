/**
 * Requirements from the base: the configuration, lib/AWS_REGION and the Pulumi.<stack>.yaml
 * stack files are read at the pull request's base commit, so a pull request cannot relax its
 * own review. When it edits one of them the engine reports the change (IAC003); for the
 * configuration that needs the head's version too, read only when the pull request edits it.
 */
import type { Logger } from 'probot';
import { catalogIds } from '../core/catalog.js';
import { CONFIG_PATH, ConfigError, resolveConfig, type ResolvedConfig } from '../core/config.js';
import picomatch from 'picomatch';
import { PROJECT_CONTEXT_PATTERNS, REQUIREMENT_PATTERNS, type HeadConfig } from '../core/index.js';
import { directoriesOf, listDirectories, patternDirectories, sortParentsFirst, type ProjectListing, type TreeEntry } from '../github/contents.js';
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

/** The base commit's files as listed for the review: requirements to read, and every file found, by path. */
export interface BaseListing extends ProjectListing {
  /** Each file of the listed directories: those of the requirement and project files, and those holding `alsoPaths`. */
  files: ReadonlyMap<string, TreeEntry>;
  /** Why the base tree could not be listed (the review then goes on without it). */
  error?: string;
}

/**
 * lib/AWS_REGION and the stack files at the base commit. When they cannot be listed the review
 * goes on with none (the configuration alone says what is required), never with the head's.
 * The directories holding `alsoPaths` (files to compare with their base version, review.new_only)
 * are listed in the same walk, so files in the root and lib/ cost no request more.
 */
export async function listBaseRequirements(
  github: GitHub,
  repo: RepoRef,
  baseSha: string,
  maxBytes: number,
  log: Logger,
  notes: string[],
  alsoPaths: readonly string[] = [],
): Promise<BaseListing> {
  const projectDirectories = patternDirectories([...REQUIREMENT_PATTERNS, ...PROJECT_CONTEXT_PATTERNS]);
  try {
    const entries = await listDirectories(github, repo, baseSha, sortParentsFirst([...projectDirectories, ...directoriesOf(alsoPaths)]));
    const inProject = new Set(projectDirectories);
    const isRequirement = picomatch(REQUIREMENT_PATTERNS as string[], { dot: true });
    const projectEntries = entries.filter((entry) => inProject.has(entry.path.includes('/') ? entry.path.slice(0, entry.path.lastIndexOf('/')) : ''));
    return {
      paths: projectEntries.map((entry) => entry.path),
      toRead: projectEntries.filter((entry) => isRequirement(entry.path) && (entry.size ?? 0) <= maxBytes),
      files: new Map(entries.map((entry) => [entry.path, entry])),
    };
  } catch (error) {
    log.warn({ err: error }, 'base requirements unavailable');
    notes.push(`The base commit's lib/AWS_REGION and stack files could not be listed: ${describeError(error)}. The required region and environment come from the configuration only.`);
    return { paths: [], toRead: [], files: new Map(), error: describeError(error) };
  }
}
