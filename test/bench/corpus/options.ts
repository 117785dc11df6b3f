/**
 * Public shapes and defaults of the generated corpus (files, options, stats) and which paths
 * count as reviewable. Kept apart so both the entry point (corpus.ts) and the generator
 * (generate.ts) can use them without importing each other.
 */

export interface CorpusFile {
  path: string;
  content: string;
  /** Failures planted in this file (absent in manifests). */
  planted?: string[];
}

export interface CorpusOptions {
  /** PRNG seed; the default corpus uses 20250808. */
  seed?: number;
  /** Number of reviewable files (.py and .md). */
  files?: number;
  /** Approximate total size in bytes of the reviewable files. */
  totalBytes?: number;
  /** Also emit per-project manifests (requirements.txt, Pulumi.yaml, Pulumi.<stack>.yaml). */
  manifests?: boolean;
}

export interface CorpusStats {
  files: number;
  bytes: number;
  lines: number;
  planted: Record<string, number>;
}

export const DEFAULT_CORPUS: Required<CorpusOptions> = { seed: 20250808, files: 1000, totalBytes: 10_000_000, manifests: false };

export function isReviewableCorpusPath(path: string): boolean {
  return path.endsWith('.py') || path.endsWith('.md');
}
