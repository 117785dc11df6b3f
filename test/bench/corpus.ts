/**
 * A deterministic corpus of generated Pulumi-Python code for benchmarks and tests: what a pull
 * request full of model-written stacks looks like. Files are built from a seeded PRNG (no
 * Math.random, no clock), so the same options always give byte-identical files.
 *
 * Layout (one repository holding many generated projects, so the allowed-structure rule stays
 * quiet except where a stray file is planted):
 *   lib/<project>/tap_stack.py            ComponentResource stack wiring the components
 *   lib/<project>/components/*.py          networking, security, storage, iam, compute, database, monitoring
 *   lib/<project>/lambda/handler.py        plain boto3 handler code
 *   lib/<project>/__main__.py, __init__.py entry point, package markers
 *   lib/<project>/MODEL_RESPONSE.md        model answers: prose with ```python blocks
 *   tests/<project>/unit|integration/...   pulumi mocks and boto3 integration tests
 *
 * Planted failures at a realistic rate (about one file in five carries one): truncated files
 * and Markdown answers, `class TapStack:` without ComponentResource, exec() in tests, SSH/RDP
 * open to 0.0.0.0/0, public buckets, unencrypted databases, wildcard IAM, hard-coded AMIs,
 * mixed regions, Terraform syntax in answers, missing imports, syntax errors, placeholders,
 * tests without assertions, overlapping CIDRs, outdated runtimes, development settings.
 *
 * This file is the public entry point; the generator itself lives in corpus/ (seeded-random,
 * python-writer, vocabulary, planter, section-context, network-sections, service-sections,
 * program-files, handler-test-answer-files, generate).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generate } from './corpus/generate.js';
import { DEFAULT_CORPUS, type CorpusFile, type CorpusOptions, type CorpusStats } from './corpus/options.js';

export { DEFAULT_CORPUS, isReviewableCorpusPath } from './corpus/options.js';
export type { CorpusFile, CorpusOptions, CorpusStats } from './corpus/options.js';
export { Random } from './corpus/seeded-random.js';

/** Generates the corpus in memory. */
export function generateCorpus(options: CorpusOptions = {}): CorpusFile[] {
  return generate({ ...DEFAULT_CORPUS, ...options }).files;
}

/** The corpus with counts of planted failures. */
export function generateCorpusWithStats(options: CorpusOptions = {}): { files: CorpusFile[]; stats: CorpusStats } {
  return generate({ ...DEFAULT_CORPUS, ...options });
}

/** Writes files under `folder` (created as needed). */
export function writeCorpus(folder: string, files: readonly CorpusFile[]): void {
  for (const file of files) {
    const target = join(folder, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}
