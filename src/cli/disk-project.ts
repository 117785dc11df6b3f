/**
 * Builds the engine's input from a folder on disk: the files to review and the project
 * files detectors may read. Oversized files are not read, unreadable ones are reported.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../core/config.js';
import { PROJECT_CONTEXT_PATTERNS, type InputFile, type ProjectSource } from '../core/index.js';
import { languageOf } from '../syntax/source-unit.js';

const isContextFile = picomatch(PROJECT_CONTEXT_PATTERNS as string[]);

/** Files worth reading: Python, TypeScript, Markdown, and the manifests/stack files detectors look at. */
export function isReviewable(path: string): boolean {
  return languageOf(path) !== 'other' || isContextFile(path) || /(^|\/)(requirements[^/]*\.txt|Pipfile|pyproject\.toml|Pulumi\.[^/]*\.ya?ml)$/.test(path);
}

export function readInputFile(root: string, path: string, config: ResolvedConfig): InputFile {
  const absolute = join(root, path);
  try {
    const size = statSync(absolute).size;
    if (size > config.maxFileBytes) return { path, content: '', size };
    return { path, content: readFileSync(absolute) };
  } catch (error) {
    return { path, content: '', readError: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
}

export function diskProjectSource(root: string, paths: readonly string[]): ProjectSource {
  const cache = new Map<string, string | undefined>();
  return {
    paths,
    readFile(path) {
      if (!cache.has(path)) {
        let text: string | undefined;
        try {
          text = readFileSync(join(root, path), 'utf8');
        } catch {
          text = undefined;
        }
        cache.set(path, text);
      }
      return cache.get(path);
    },
  };
}
