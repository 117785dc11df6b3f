/**
 * What `scan` (and `baseline`, `scan --fix`) reviews: the root, the configuration and the
 * listed files, with an `analyse` that reads them from disk, or takes some contents from memory
 * (a fixed file is checked before it is written).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_MAX_FILE_BYTES } from '../core/config.js';
import { catalogIds, CONFIG_PATH, parseConfigText, reviewWithCatalog, type InputFile, type ResolvedConfig, type ReviewResult } from '../core/index.js';
import { diskProjectSource, isReviewable, readInputFile } from './disk-project.js';
import { SafeReader } from './safe-read.js';
import { isDirectory, relativePosix, walkProject } from './walk.js';

export class UsageError extends Error {}

export function loadConfig(explicit: string | undefined, fallback: () => string | undefined, source: string): ResolvedConfig {
  if (explicit) {
    if (!existsSync(explicit)) throw new UsageError(`config file not found: ${explicit}`);
    return parseConfigText(configText(new SafeReader([explicit], DEFAULT_MAX_FILE_BYTES), explicit, explicit) ?? '', catalogIds, explicit);
  }
  return parseConfigText(fallback() ?? '', catalogIds, source);
}

/** A configuration file's text (undefined when there is none): one that cannot be read safely stops the review. */
function configText(reader: SafeReader, absolute: string, label: string): string | undefined {
  const read = reader.read(absolute);
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'too-large') throw new UsageError(`cannot read the config file ${label}: it is larger than ${reader.maxBytes} bytes`);
  if (read.kind === 'refused') throw new UsageError(`cannot read the config file ${label}: ${read.reason}`);
  return read.bytes.toString('utf8');
}

export interface ScanTarget {
  root: string;
  config: ResolvedConfig;
  /** Every listed path, relative to `root`. */
  paths: readonly string[];
  /** A listed file's text, read as the review reads it (see safe-read.ts); undefined when it cannot be. */
  readText(path: string): string | undefined;
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
  // Only the named folders and files are read, and nothing reached through a link out of them.
  const configReader = new SafeReader([root, ...targets], DEFAULT_MAX_FILE_BYTES);
  const config = loadConfig(options.config && resolve(options.cwd, options.config), () => configText(configReader, join(root, CONFIG_PATH), CONFIG_PATH), CONFIG_PATH);
  const reader = new SafeReader([root, ...targets], config.maxFileBytes);
  const listed = new Set<string>();
  const notices = new Map<string, string>();
  for (const target of targets) {
    if (isDirectory(target)) {
      const prefix = relativePosix(root, target);
      const within = (path: string) => (prefix ? `${prefix}/${path}` : path);
      const walk = walkProject(target, reader, (path) => isReviewable(within(path)));
      for (const path of walk.files) listed.add(within(path));
      for (const notice of walk.notices) notices.set(within(notice.path), notice.reason);
    } else {
      listed.add(relativePosix(root, target));
    }
  }
  const paths = [...listed].sort();
  return {
    root,
    config,
    paths,
    readText: (path) => reader.readText(join(root, path)),
    analyse(contents) {
      const files: InputFile[] = paths.filter(isReviewable).map((path) => {
        const replaced = contents?.get(path);
        return replaced === undefined ? readInputFile(root, path, reader) : { path, content: replaced };
      });
      // What the walk could not take in (a FIFO, a link out, a folder it cannot list) is a notice.
      for (const [path, reason] of notices) if (!listed.has(path)) files.push({ path, content: '', readError: reason });
      return reviewWithCatalog({ files, config, mode: 'scan', project: diskProjectSource(root, paths, reader) });
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
