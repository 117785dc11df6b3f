/**
 * What `scan` (and `baseline`, `scan --fix`) reviews: the root, the configuration and the
 * listed files, with an `analyse` that reads them from disk, or takes some contents from memory
 * (a fixed file is checked before it is written).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogIds, CONFIG_PATH, parseConfigText, reviewWithCatalog, type InputFile, type ResolvedConfig, type ReviewResult } from '../core/index.js';
import { diskProjectSource, isReviewable, readInputFile } from './disk-project.js';
import { isDirectory, relativePosix, walkProject } from './walk.js';

export class UsageError extends Error {}

export function loadConfig(explicit: string | undefined, fallback: () => string | undefined, source: string): ResolvedConfig {
  if (explicit) {
    if (!existsSync(explicit)) throw new UsageError(`config file not found: ${explicit}`);
    return parseConfigText(readFileSync(explicit, 'utf8'), catalogIds, explicit);
  }
  return parseConfigText(fallback() ?? '', catalogIds, source);
}

export interface ScanTarget {
  root: string;
  config: ResolvedConfig;
  /** Every listed path, relative to `root`. */
  paths: readonly string[];
  /** Reviews the files; `contents` replaces what is on disk for some paths. */
  analyse(contents?: ReadonlyMap<string, string>): ReviewResult;
}

export interface TargetOptions {
  paths: string[];
  config?: string | undefined;
  cwd: string;
}

export function scanTarget(options: TargetOptions): ScanTarget {
  const targets = (options.paths.length ? options.paths : ['.']).map((path) => resolve(options.cwd, path));
  for (const target of targets) if (!existsSync(target)) throw new UsageError(`no such file or folder: ${target}`);
  // One folder: paths are relative to it. Anything else: relative to the working folder.
  const root = targets.length === 1 && isDirectory(targets[0] as string) ? (targets[0] as string) : resolve(options.cwd);
  const config = loadConfig(options.config && resolve(options.cwd, options.config), () => diskProjectSource(root, []).readFile(CONFIG_PATH), CONFIG_PATH);
  const listed = new Set<string>();
  for (const target of targets) {
    if (isDirectory(target)) {
      const prefix = relativePosix(root, target);
      for (const path of walkProject(target)) listed.add(prefix ? `${prefix}/${path}` : path);
    } else {
      listed.add(relativePosix(root, target));
    }
  }
  const paths = [...listed].sort();
  return {
    root,
    config,
    paths,
    analyse(contents) {
      const files: InputFile[] = paths.filter(isReviewable).map((path) => {
        const replaced = contents?.get(path);
        return replaced === undefined ? readInputFile(root, path, config) : { path, content: replaced };
      });
      return reviewWithCatalog({ files, config, mode: 'scan', project: diskProjectSource(root, paths) });
    },
  };
}

/** The nearest folder at or above `folder` holding `.git` (a folder or a worktree's file). */
export function repositoryRootOf(folder: string): string | undefined {
  for (let current = resolve(folder); ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/** Where reported paths sit in the repository: the prefix to add (`infra/` for a scan of infra/) and the root's URI. */
export function repositoryPlacement(root: string): { pathPrefix: string; rootUri: string } {
  const repository = repositoryRootOf(root) ?? root;
  const relative = relativePosix(repository, root);
  const uri = pathToFileURL(repository).href;
  return { pathPrefix: relative ? `${relative}/` : '', rootUri: uri.endsWith('/') ? uri : `${uri}/` };
}
