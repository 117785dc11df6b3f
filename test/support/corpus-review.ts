/**
 * A small generated pull request for engine tests that compare two ways of reviewing it: the
 * reviewable files as added, the project's manifests behind `readFile`, the default config.
 */
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig, type ResolvedConfig } from '../../src/core/config.js';
import type { InputFile, ProjectSource } from '../../src/core/index.js';
import { generateCorpus, isReviewableCorpusPath } from '../bench/corpus.js';

export interface CorpusReview {
  files: InputFile[];
  project: ProjectSource;
  config: ResolvedConfig;
}

export function corpusReview(seed: number, files = 80, totalBytes = 400_000): CorpusReview {
  const corpus = generateCorpus({ seed, files, totalBytes, manifests: true });
  const manifests = new Map(corpus.filter((file) => !isReviewableCorpusPath(file.path)).map((file) => [file.path, file.content]));
  return {
    files: corpus.filter((file) => isReviewableCorpusPath(file.path)).map((file) => ({ path: file.path, content: file.content, status: 'added' })),
    project: { paths: [...manifests.keys()], readFile: (path) => manifests.get(path) },
    config: resolveConfig({}, catalogIds),
  };
}
