/**
 * Reads a change from git the way the App reads a pull request: the files changed between
 * the merge base of BASE and HEAD and HEAD itself, with their status and HEAD's contents.
 * Only git plumbing runs here; nothing from the repository is executed.
 */
import { execFileSync } from 'node:child_process';
import type { FileStatus } from '../api/rule.js';
import { DEFAULT_MAX_FILE_BYTES } from '../core/config.js';
import type { InputFile, ProjectSource } from '../core/index.js';

const MAX_BUFFER = 512 * 1024 * 1024;

export class GitError extends Error {}

function git(cwd: string, args: string[]): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new GitError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

const STATUS: Record<string, FileStatus> = { A: 'added', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' };

export interface ChangedFile {
  path: string;
  status: FileStatus;
  /** The path in the base for a renamed or copied file. */
  previousPath?: string;
}

export interface Change {
  /** Files the change adds or modifies (deletions left out). */
  changed: ChangedFile[];
  /** Paths the change deletes or renames away. */
  removed: string[];
}

/** The change from the merge base of `base` and `head` to `head`. */
export function changeBetween(cwd: string, base: string, head: string): Change {
  const fields = git(cwd, ['diff', '--name-status', '-z', '-M', `${base}...${head}`]).toString('utf8').split('\0');
  const change: Change = { changed: [], removed: [] };
  for (let index = 0; index < fields.length; ) {
    const code = fields[index++];
    if (!code) continue;
    const letter = code[0] as string;
    // A rename or copy names the old path first, then the new one.
    const previousPath = letter === 'R' || letter === 'C' ? fields[index++] : undefined;
    if (letter === 'R' && previousPath) change.removed.push(previousPath);
    const path = fields[index++];
    if (!path) continue;
    if (letter === 'D') change.removed.push(path);
    else change.changed.push({ path, status: STATUS[letter] ?? 'changed', ...(previousPath ? { previousPath } : {}) });
  }
  return change;
}

export function repositoryRoot(cwd: string): string {
  return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
}

/** The commit a pull request from `head` into `base` is compared with (what `base...head` diffs against). */
export function mergeBase(cwd: string, base: string, head: string): string {
  return git(cwd, ['merge-base', base, head]).toString('utf8').trim();
}

export function resolveCommit(cwd: string, ref: string): string {
  return git(cwd, ['rev-parse', '--verify', `${ref}^{commit}`]).toString('utf8').trim();
}

export interface CommitSource extends ProjectSource {
  readBytes(path: string): Buffer | undefined;
  sizeOf(path: string): number | undefined;
}

/** Git's modes of regular files; a symbolic link (120000) is a blob too, holding the link's target. */
const REGULAR_FILE_MODES = new Set(['100644', '100755']);

/**
 * A view of every regular file of a commit (one `ls-tree` for paths and sizes), read lazily.
 * Symbolic links and submodules are left out, as the scan leaves links out of the folder out:
 * `lib/AWS_REGION` committed as a link is no requirement. `readFile` (project files: the
 * configuration, lib/AWS_REGION, manifests) reads nothing larger than `maxBytes`.
 */
export function commitProjectSource(cwd: string, commit: string, maxBytes = DEFAULT_MAX_FILE_BYTES): CommitSource {
  const sizes = new Map<string, number>();
  for (const record of git(cwd, ['ls-tree', '-r', '-l', '-z', commit]).toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, , size] = record.slice(0, tab).split(/\s+/);
    if (type === 'blob' && REGULAR_FILE_MODES.has(mode as string)) sizes.set(record.slice(tab + 1), Number(size));
  }
  const readBytes = (path: string) => (sizes.has(path) ? git(cwd, ['show', `${commit}:${path}`]) : undefined);
  const readFile = (path: string) => ((sizes.get(path) ?? Infinity) <= maxBytes ? readBytes(path)?.toString('utf8') : undefined);
  return { paths: [...sizes.keys()], readBytes, sizeOf: (path) => sizes.get(path), readFile };
}

export function changeInputFiles(source: CommitSource, changed: readonly ChangedFile[], maxFileBytes: number): InputFile[] {
  return changed.map(({ path, status }) => {
    const size = source.sizeOf(path);
    if (size === undefined) return { path, status, content: '', readError: 'it is not a regular file in the head commit (a symbolic link or a submodule)' };
    if (size > maxFileBytes) return { path, status, content: '', size };
    try {
      return { path, status, content: source.readBytes(path) ?? '' };
    } catch (error) {
      return { path, status, content: '', readError: (error as Error).message };
    }
  });
}
