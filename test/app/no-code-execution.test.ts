/**
 * The App never executes code from a pull request: contents are read as bytes and parsed by
 * tree-sitter. This guards the code base against anything that could run code: process
 * spawning, `vm`, `eval`/`new Function`, dynamic `import()` of a computed path, and workers
 * other than the engine's. Reviews do run in worker threads, but only one module creates them
 * (src/app/engine-pool.ts, through piscina), only ever with one fixed module of this project
 * (src/app/engine-worker.ts), and that module runs only this project's engine on the texts it
 * is handed: it imports nothing else.
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

const FORBIDDEN_MODULES = /from\s+['"](?:node:)?(child_process|vm|cluster)['"]|require\(\s*['"](?:node:)?(child_process|vm|worker_threads|cluster)['"]/;
/** A value import from worker_threads (a type import creates nothing). */
const WORKER_THREADS_VALUE = /import\s+(?!type\b)[^;]*?from\s+['"](?:node:)?worker_threads['"]/;
/** Libraries that create worker threads or processes. */
const WORKER_LIBRARIES = /from\s+['"](piscina|tinypool|workerpool|threads|execa|cross-spawn)['"]/;
const ENGINE_POOL = 'src/app/engine-pool.ts';
const ENGINE_WORKER = 'src/app/engine-worker.ts';

/** The module specifiers a file imports, type-only imports left out. */
function valueImports(text: string): string[] {
  return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1] as string);
}

describe('the app never executes pull-request code', () => {
  const appFiles = [...sources('src/app'), ...sources('src/github'), ...sources('src/handlers'), ...sources('src/diff'), join(ROOT, 'src/index.ts')];
  const everything = [...sources('src'), ...sources('checks')];
  const text = (path: string) => readFileSync(join(ROOT, path), 'utf8');

  it('no module in src/ or checks/ imports child_process, vm or cluster', () => {
    const offenders = everything.filter((path) => FORBIDDEN_MODULES.test(readFileSync(path, 'utf8'))).map((path) => relative(ROOT, path));
    // The CLI may run `git diff` on the user's own machine; the App's code paths may not.
    expect(offenders.filter((path) => !path.startsWith('src/cli/'))).toEqual([]);
  });

  it('only the engine pool may create worker threads, through piscina and nothing else', () => {
    const creators = everything.filter((path) => WORKER_LIBRARIES.test(readFileSync(path, 'utf8'))).map((path) => relative(ROOT, path));
    expect(creators).toEqual([ENGINE_POOL]);
    expect(text(ENGINE_POOL)).toMatch(/from 'piscina';/);
    const threadUsers = everything.filter((path) => WORKER_THREADS_VALUE.test(readFileSync(path, 'utf8'))).map((path) => relative(ROOT, path));
    // The pool needs a MessageChannel for progress; it never constructs a Worker itself.
    expect(threadUsers).toEqual([ENGINE_POOL]);
    expect(text(ENGINE_POOL)).toMatch(/import \{ MessageChannel \} from 'node:worker_threads';/);
    expect(codeOnly(text(ENGINE_POOL))).not.toMatch(/new\s+Worker\b/);
  });

  it('the pool loads one fixed module of this project into its workers, never a path from a task', () => {
    const pool = text(ENGINE_POOL);
    expect(pool).toMatch(/const WORKER_MODULE = new URL\(`\.\/engine-worker\.\$\{FROM_SOURCE \? 'ts' : 'js'\}`, import\.meta\.url\);/);
    // piscina takes a module per pool (`filename`) and per task (`run(task, { filename })`): only the pool's is set.
    expect(pool.match(/\bfilename\b/g)).toEqual(['filename']);
    expect(pool).toMatch(/filename: WORKER_MODULE\.href,/);
  });

  it('the worker module runs only the engine of this project on the texts it is handed', () => {
    expect(valueImports(text(ENGINE_WORKER)).sort()).toEqual(['../core/index.js', './engine-wire.js', './line-fixes.js']);
    // After the review it lays the findings' fixes over the texts' lines: pure text functions of the core.
    expect(valueImports(text('src/app/line-fixes.ts')).sort()).toEqual(['../core/apply-fixes.js', '../core/decode.js']);
    expect(text(ENGINE_WORKER)).toMatch(/reviewWithCatalog\(\{/);
    // What crosses to it is data: texts, bytes, the configuration; the wire format imports no code to run.
    expect(valueImports(text('src/app/engine-wire.ts'))).toEqual(['../syntax/stored-text.js']);
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
