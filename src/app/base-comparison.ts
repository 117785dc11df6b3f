/**
 * review.new_only in the App, the work: the changed files' versions at the pull request's base
 * commit are read through the review's content source (as blobs the base listing found, never
 * run) and analysed by the engine in its worker pool, like the head, with the base's project
 * files; the head's findings are then marked against that analysis (new-only.ts).
 *
 * Whatever goes wrong here except the review being stopped (a newer push, a shutdown, memory
 * pressure: its signal) does not lose the review: it goes on with every finding new, and says so.
 */
import type { Logger } from 'probot';
import type { ResolvedConfig } from '../core/config.js';
import { PROJECT_CONTEXT_PATTERNS, type InputFile } from '../core/index.js';
import type { Finding } from '../api/types.js';
import { projectTexts, type BlobContent, type ContentSource } from '../github/contents.js';
import type { ChangedFile } from '../github/pulls.js';
import { describeError } from '../github/types.js';
import picomatch from 'picomatch';
import type { BaseListing } from './base-requirements.js';
import type { EngineInput, EngineResult } from './engine-wire.js';
import { baseVersions, needsBaseAnalysis, newOnlyEnabled, publishAgainstBase, type BaseAnalysis, type ComparedFile, type Published } from './new-only.js';

export interface BaseComparison {
  findings: readonly Finding[];
  changed: readonly ChangedFile[];
  compared: readonly ComparedFile[];
  baseSha: string;
  baseListing: BaseListing;
  config: ResolvedConfig;
  source: ContentSource;
  engine: (input: EngineInput, signal?: AbortSignal) => Promise<EngineResult>;
  signal?: AbortSignal | undefined;
  log: Logger;
}

const isContextFile = picomatch(PROJECT_CONTEXT_PATTERNS as string[], { dot: true });

async function analyseBase(input: BaseComparison): Promise<BaseAnalysis> {
  const { baseListing, config, signal } = input;
  if (!newOnlyEnabled(config)) return { kind: 'off' };
  if (!needsBaseAnalysis(input.findings, input.compared, input.changed)) return { kind: 'not-needed' };
  if (baseListing.error !== undefined) return { kind: 'failed', reason: `its files could not be listed: ${baseListing.error}` };
  const versions = baseVersions(input.compared, baseListing.files, config.maxFileBytes);
  if (!versions.length) return { kind: 'analysed', findings: [], files: 0 };

  // The base's project files (manifests, stack files...) as the head analysis has the head's, but not the compared files themselves.
  const comparedBasePaths = new Set(versions.map((version) => version.file.basePath));
  const context = [...baseListing.files.values()].filter((entry) => isContextFile(entry.path) && !comparedBasePaths.has(entry.path) && (entry.size ?? 0) <= config.maxFileBytes);
  let contents: BlobContent[];
  try {
    contents = await input.source.readBlobs([...versions.map((version) => ({ path: version.file.basePath, sha: version.blob.sha })), ...context]);
  } catch (error) {
    if (signal?.aborted) throw error;
    return { kind: 'failed', reason: `its files could not be read: ${describeError(error)}` };
  }
  signal?.throwIfAborted();
  // Under the head's path: a renamed file's findings are compared with its previous version's.
  const files: InputFile[] = versions.map((version, index) => ({ path: version.file.path, status: version.file.status, content: contents[index] as BlobContent }));
  const project = { paths: baseListing.paths, texts: projectTexts(context, contents.slice(versions.length)) };
  try {
    const result = await input.engine({ files, config, mode: 'change', project }, signal);
    return { kind: 'analysed', findings: result.findings, files: files.length };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { kind: 'failed', reason: `its analysis stopped: ${describeError(error)}` };
  }
}

/** The head's findings with those the base commit has too marked pre-existing, and the summary's note about it. */
export async function compareWithBase(input: BaseComparison): Promise<Published> {
  const analysis = await analyseBase(input);
  if (analysis.kind === 'failed') input.log.warn({ reason: analysis.reason }, 'findings not compared with the base commit');
  return publishAgainstBase(input.findings, analysis, input.baseSha);
}
