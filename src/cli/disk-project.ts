/**
 * Builds the engine's input from a folder on disk: the files to review and the project
 * files detectors may read, all through a SafeReader (regular files inside the folder, with the
 * size cap). Oversized files are not read; unreadable and special ones are reported.
 */
import { join } from 'node:path';
import picomatch from 'picomatch';
import { PROJECT_CONTEXT_PATTERNS, type InputFile, type ProjectSource } from '../core/index.js';
import { languageOf } from '../syntax/source-unit.js';
import type { SafeReader } from './safe-read.js';

const isContextFile = picomatch(PROJECT_CONTEXT_PATTERNS as string[]);

/** Files worth reading: Python, TypeScript, Markdown, and the manifests/stack files detectors look at. */
export function isReviewable(path: string): boolean {
  return languageOf(path) !== 'other' || isContextFile(path) || /(^|\/)(requirements[^/]*\.txt|Pipfile|pyproject\.toml|Pulumi\.[^/]*\.ya?ml)$/.test(path);
}

export function readInputFile(root: string, path: string, reader: SafeReader): InputFile {
  const read = reader.read(join(root, path));
  switch (read.kind) {
    case 'file':
      return { path, content: read.bytes };
    case 'too-large':
      return { path, content: '', size: read.size };
    case 'missing':
      return { path, content: '', readError: 'ENOENT (no such file or directory)' };
    case 'refused':
      return { path, content: '', readError: read.reason };
  }
}

export function diskProjectSource(root: string, paths: readonly string[], reader: SafeReader): ProjectSource {
  const cache = new Map<string, string | undefined>();
  return {
    paths,
    readFile(path) {
      if (!cache.has(path)) cache.set(path, reader.readText(join(root, path)));
      return cache.get(path);
    },
  };
}
