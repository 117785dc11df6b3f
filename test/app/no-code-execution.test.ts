/**
 * The App never executes code from a pull request: contents are read as bytes and parsed by
 * tree-sitter. This guards the code base against anything that could run code: process
 * spawning, `vm`, workers, `eval`/`new Function`, or dynamic `import()` of a computed path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

function sources(directory: string): string[] {
  const found: string[] = [];
  const pending = [join(ROOT, directory)];
  while (pending.length) {
    const current = pending.pop() as string;
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) pending.push(path);
      else if (path.endsWith('.ts')) found.push(path);
    }
  }
  return found;
}

/** Strips comments and string literals so words inside them (detector messages) do not count. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

const FORBIDDEN_MODULES = /from\s+['"](?:node:)?(child_process|vm|worker_threads|cluster)['"]|require\(\s*['"](?:node:)?(child_process|vm)['"]/;

describe('the app never executes pull-request code', () => {
  const appFiles = [...sources('src/app'), ...sources('src/github'), ...sources('src/handlers'), ...sources('src/diff'), join(ROOT, 'src/index.ts')];
  const everything = [...sources('src'), ...sources('checks')];

  it('no module in src/ or checks/ imports child_process, vm, worker_threads or cluster', () => {
    const offenders = everything.filter((path) => FORBIDDEN_MODULES.test(readFileSync(path, 'utf8'))).map((path) => relative(ROOT, path));
    // The CLI may run `git diff` on the user's own machine; the App's code paths may not.
    expect(offenders.filter((path) => !path.startsWith('src/cli/'))).toEqual([]);
  });

  it('the App code has no eval, new Function or computed dynamic import', () => {
    for (const path of appFiles) {
      const code = codeOnly(readFileSync(path, 'utf8'));
      expect(code, relative(ROOT, path)).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bimport\s*\(\s*[^'"`\s)]/);
    }
  });

  it('the App entry point does not reach the CLI (the only place allowed to spawn git)', () => {
    for (const path of appFiles) expect(readFileSync(path, 'utf8'), relative(ROOT, path)).not.toMatch(/from\s+['"][./]*\/?cli\//);
  });
});
