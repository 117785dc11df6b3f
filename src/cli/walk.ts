/**
 * Lists the files under a folder the way a developer thinks of "the project": without .git,
 * node_modules, virtualenvs, caches, build output (dist, cdk.out) and anything the folder's
 * .gitignore files ignore.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

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

/** Relative `/`-separated paths of every file under `root`, sorted. */
export function walkProject(root: string): string[] {
  const files: string[] = [];
  const pending: PendingDirectory[] = [{ absolute: root, relative: '', rules: [] }];
  while (pending.length) {
    const directory = pending.pop() as PendingDirectory;
    let rules = directory.rules;
    const gitignore = join(directory.absolute, '.gitignore');
    if (existsSync(gitignore)) {
      rules = [...rules, { base: directory.relative, matcher: ignore().add(readFileSync(gitignore, 'utf8')) }];
    }
    let entries;
    try {
      entries = readdirSync(directory.absolute, { withFileTypes: true });
    } catch {
      continue; // An unreadable folder is skipped; its files cannot be listed, let alone read.
    }
    for (const entry of entries) {
      const path = directory.relative ? `${directory.relative}/${entry.name}` : entry.name;
      const absolute = join(directory.absolute, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name) || existsSync(join(absolute, 'pyvenv.cfg')) || isIgnored(rules, path, true)) continue;
        pending.push({ absolute, relative: path, rules });
      } else if (entry.isFile() && !isIgnored(rules, path, false)) {
        files.push(toPosix(path));
      }
    }
  }
  return files.sort();
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
