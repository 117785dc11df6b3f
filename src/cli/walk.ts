/**
 * Lists the files under a folder the way a developer thinks of "the project": without .git,
 * node_modules, virtualenvs, caches, build output (dist, cdk.out) and anything the folder's
 * .gitignore files ignore. The folder may be a hostile checkout: folders reached through
 * symbolic links are not walked, a link is listed only when it leads to a regular file inside
 * the folder, and what cannot be read (a FIFO, a device, a link out, an unreadable folder or
 * .gitignore) becomes a notice instead of a hang, a stack trace or silence.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { ioReason, kindOf, ReadError, type SafeReader } from './safe-read.js';

const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.tox', '.nox', '.venv', 'venv', '.pulumi', 'dist', 'cdk.out']);

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

interface PendingDirectory {
  absolute: string;
  relative: string;
  /** .gitignore matchers of this folder and its parents, each with the folder it applies to. */
  rules: { base: string; matcher: Ignore }[];
}

function isIgnored(rules: PendingDirectory['rules'], path: string, isDirectory: boolean): boolean {
  return rules.some(({ base, matcher }) => {
    const local = base ? path.slice(base.length + 1) : path;
    return local !== '' && matcher.ignores(isDirectory ? `${local}/` : local);
  });
}

/** A path the walk met but could not take in, and why (`reason` follows "cannot read the file: "). */
export interface WalkNotice {
  path: string;
  reason: string;
}

export interface ProjectWalk {
  /** Relative `/`-separated paths of every file under the root, sorted. */
  files: string[];
  notices: WalkNotice[];
}

/**
 * Walks `root` (a folder under the reader's root). Special files and links that cannot be read
 * become notices when `noticeWanted` says their path matters (a file the review would read).
 */
export function walkProject(root: string, reader: SafeReader, noticeWanted: (path: string) => boolean = () => true): ProjectWalk {
  const files: string[] = [];
  const notices: WalkNotice[] = [];
  const pending: PendingDirectory[] = [{ absolute: root, relative: '', rules: [] }];
  while (pending.length) {
    const directory = pending.pop() as PendingDirectory;
    let entries;
    try {
      entries = readdirSync(directory.absolute, { withFileTypes: true });
    } catch (error) {
      if (!directory.relative) throw new ReadError(`cannot list the folder ${root}: ${ioReason(error)}`);
      notices.push({ path: toPosix(directory.relative), reason: `it is a folder that cannot be listed: ${ioReason(error)}` });
      continue;
    }
    const rules = withGitignore(directory, reader, notices);
    for (const entry of entries) {
      const path = directory.relative ? `${directory.relative}/${entry.name}` : entry.name;
      const absolute = join(directory.absolute, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || existsSync(join(absolute, 'pyvenv.cfg')) || isIgnored(rules, path, true)) continue;
        pending.push({ absolute, relative: path, rules });
        continue;
      }
      if (isIgnored(rules, path, false)) continue;
      if (entry.isFile()) {
        files.push(toPosix(path));
      } else if (entry.isSymbolicLink()) {
        // Followed only to a regular file inside the root; a link to a folder is not walked.
        const refused = reader.refusal(absolute);
        if (!refused) files.push(toPosix(path));
        else if (refused.kind === 'refused' && !isDirectory(absolute) && noticeWanted(toPosix(path))) notices.push({ path: toPosix(path), reason: refused.reason });
      } else if (noticeWanted(toPosix(path))) {
        notices.push({ path: toPosix(path), reason: `it is ${kindOf(entry)}, not a regular file` });
      }
    }
  }
  return { files: files.sort(), notices: notices.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

/** The rules in force in `directory`: its parents' and its own .gitignore, read safely. */
function withGitignore(directory: PendingDirectory, reader: SafeReader, notices: WalkNotice[]): PendingDirectory['rules'] {
  const read = reader.read(join(directory.absolute, '.gitignore'));
  if (read.kind === 'file') return [...directory.rules, { base: directory.relative, matcher: ignore().add(read.bytes.toString('utf8')) }];
  const path = toPosix(directory.relative ? `${directory.relative}/.gitignore` : '.gitignore');
  if (read.kind === 'refused') notices.push({ path, reason: `${read.reason} (its rules are not applied)` });
  if (read.kind === 'too-large') notices.push({ path, reason: `it is larger than ${reader.maxBytes} bytes (its rules are not applied)` });
  return directory.rules;
}

/** `path` relative to `root` with `/`, for a file given on the command line. */
export function relativePosix(root: string, path: string): string {
  return toPosix(relative(root, path));
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
