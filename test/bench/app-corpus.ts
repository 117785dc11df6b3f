/**
 * The pull requests the App benchmark reviews: the generated corpus (test/bench/corpus.ts),
 * written to a folder with a manifest by the driver, and read back lazily by the measured
 * process, so that process holds file contents only while the simulated GitHub serves them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobSha } from '../app/pull-request-fixtures.js';
import type { LazyFile } from '../app/simulated-github.js';
import { generateCorpus, isReviewableCorpusPath, writeCorpus } from './corpus.js';

const MANIFEST = '.app-bench-manifest.json';

interface ManifestEntry {
  path: string;
  sha: string;
  bytes: number;
}

/** Reviewable files (.py and .md) of a corpus of `count` files, 10 kB each on average. */
export function benchFiles(count: number): { path: string; content: string }[] {
  return generateCorpus({ files: count, totalBytes: count * 10_000 }).filter((file) => isReviewableCorpusPath(file.path));
}

/** Writes the pull request's files and their manifest to a new temporary folder. */
export function writePullCorpus(count: number): { folder: string; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), `iac-review-app-bench-${count}-`));
  const files = benchFiles(count);
  writeCorpus(folder, files);
  const manifest: ManifestEntry[] = files.map((file) => ({ path: file.path, sha: blobSha(file.content), bytes: Buffer.byteLength(file.content) }));
  writeFileSync(join(folder, MANIFEST), JSON.stringify(manifest));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** The files of a folder written by `writePullCorpus`, each read from disk when asked for. */
export function readPullCorpus(folder: string): { files: LazyFile[]; bytes: number } {
  const manifest = JSON.parse(readFileSync(join(folder, MANIFEST), 'utf8')) as ManifestEntry[];
  const files = manifest.map((entry) => ({ path: entry.path, sha: entry.sha, load: () => readFileSync(join(folder, entry.path), 'utf8') }));
  return { files, bytes: manifest.reduce((total, entry) => total + entry.bytes, 0) };
}
