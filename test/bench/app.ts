/**
 * The App benchmark (`npm run bench:app`): pull requests of 10, 300 and 3,000 changed files
 * reviewed through the real app against a simulated GitHub. Each review runs in its own
 * process (test/bench/app-review-run.ts) so peak RSS is that review's. That process runs the
 * App compiled to JavaScript (into .bench-build/, by tsc), as production runs dist/: under
 * tsx, its loader thread and transpile caches add about 36 MB of RSS the App never has. It talks over loopback
 * HTTP to the simulated GitHub in a third process (test/bench/github-stub-server.ts). Prints a table and writes
 * test/bench/results/app-<date>.json and app-latest.json. `npm run bench` runs it after the
 * engine benchmark (unless --no-app).
 *
 * Every size runs twice: with the real engine, and with a stub engine (one finding in every
 * third file) that shows the App's own cost.
 *
 *   npm run bench:app                       all sizes, both engines
 *   npm run bench:app -- --sizes 10,300     some sizes
 *   npm run bench:app -- --engine stub      the App alone (real: the engine only)
 *   npm run bench:app -- --pulls 2          two pull requests of each size reviewed at once
 *
 * The App process gets the Node flags `npm start` gives production (the heap cap);
 * BENCH_APP_NODE_FLAGS="..." replaces them, and IAC_REVIEW_TREE_CACHE_MB sets the tree budget
 * as it does for the App.
 *
 * Targets (issue 6): GitHub requests grow with files/100, not with files; a 3,000-file pull
 * request peaks under 300 MB RSS; 300 files are reviewed in under 5 s of app time. Each size
 * has a time limit; a run over it is reported as such and the benchmark carries on.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStartCommand } from '../support/start-script.js';
import { writePullCorpus } from './app-corpus.js';
import { BENCH_HEAD_SHA, type AppRunResult } from './app-review-run.js';

const DEFAULT_SIZES = [10, 300, 3000];
const LIMIT_MS = 20 * 60_000;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD = resolve(ROOT, '.bench-build');
const RUNNER = resolve(BUILD, 'test/bench/app-review-run.js');
const STUB_SERVER = fileURLToPath(new URL('./github-stub-server.ts', import.meta.url));
const RESULTS = new URL('./results/', import.meta.url);

type Engine = 'real' | 'stub';

interface SizeResult {
  size: number;
  engine: Engine;
  result?: AppRunResult;
  error?: string;
}

/** Compiles the App and the runner to JavaScript (.bench-build/, beside the repository's dist/). */
function compileApp(): void {
  process.stderr.write('compiling the App for the benchmark (tsc -> .bench-build/)...\n');
  const tsc = resolve(ROOT, 'node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', resolve(ROOT, 'tsconfig.json'), '--noEmit', 'false', '--sourceMap', 'false', '--outDir', BUILD], { stdio: 'inherit' });
  // The runner reads webhook payload fixtures next to its compiled test helpers.
  cpSync(resolve(ROOT, 'test/fixtures'), resolve(BUILD, 'test/fixtures'), { recursive: true });
}

/** Starts the simulated GitHub for one review; resolves with its URL and a way to stop it. */
function startGitHub(folder: string): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, ['--import', 'tsx', STUB_SERVER, '--corpus', folder, '--head', BENCH_HEAD_SHA, '--pulls', String(pullsFromArguments())], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /PORT=(\d+)/.exec(output)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, stop: () => server.kill('SIGTERM') });
    });
    server.on('exit', (code) => reject(new Error(`the simulated GitHub exited (${code})`)));
  });
}

async function runSize(size: number, engine: Engine, folder: string): Promise<SizeResult> {
  const github = await startGitHub(folder);
  try {
    return await runReview(size, engine, folder, github.url);
  } finally {
    github.stop();
  }
}

/**
 * The Node flags production starts the App with: those `npm start` passes to node before the
 * script (the V8 heap cap). BENCH_APP_NODE_FLAGS, space-separated, replaces them for experiments.
 */
export function appNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.BENCH_APP_NODE_FLAGS !== undefined) return env.BENCH_APP_NODE_FLAGS.split(/\s+/).filter(Boolean);
  return readStartCommand(resolve(ROOT, 'package.json'))?.nodeFlags ?? [];
}

function runReview(size: number, engine: Engine, folder: string, githubUrl: string): Promise<SizeResult> {
  return new Promise((resolve) => {
    const nodeFlags = appNodeFlags();
    const child = spawn(process.execPath, [...nodeFlags, '--expose-gc', RUNNER, '--corpus', folder, '--github', githubUrl, '--engine', engine, '--pulls', String(pullsFromArguments())], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve({ size, engine, result: JSON.parse(line) as AppRunResult });
      else {
        const fatal = stderr.split('\n').find((text) => /FATAL ERROR|Error:/.test(text))?.trim();
        resolve({ size, engine, error: signal === 'SIGKILL' ? `over the ${LIMIT_MS / 60_000}-minute limit` : `exit ${code}: ${fatal ?? stderr.trim().split('\n').slice(-3).join(' | ')}` });
      }
    });
  });
}

/** The requests a review costs apart from pages and batches: token-free fixed calls plus annotation batches. */
export function requestBudget(result: AppRunResult): number {
  const hundreds = Math.ceil(result.files / 100);
  const annotationBatches = Math.ceil(Math.min(result.findings, 1000) / 50);
  // config ×2, check run create + completion, tree ×2, two comment listings, review, summary; per pull request.
  return (10 + 2 * hundreds + annotationBatches) * (result.pulls ?? 1);
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function table(results: readonly SizeResult[]): string {
  const header = ['engine', 'files', 'MB', 'app s', 'engine s', 'stall s', 'requests', 'budget', 'graphql', 'pages', 'writes', 'RSS before MB', 'peak RSS MB', 'findings'];
  const rows = results.map(({ size, engine, result, error }) => {
    if (!result) return [engine, String(size), error ?? 'failed'];
    return [
      engine,
      result.pulls > 1 ? `${result.pulls}x${result.files}` : String(result.files),
      (result.bytes / 1e6).toFixed(1),
      seconds(result.wallMs),
      seconds(result.engineMs),
      seconds(result.longestStallMs),
      String(result.reviewRequests),
      String(requestBudget(result)),
      String(result.byRoute.graphql ?? 0),
      String(result.byRoute['list files'] ?? 0),
      String(result.writes),
      String(result.rssBeforeReviewMb),
      String(result.peakRssMb),
      String(result.findings),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const format = (row: readonly string[]) => row.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ').trimEnd();
  return [format(header), ...rows.map(format)].join('\n');
}

function verdicts(results: readonly SizeResult[]): string[] {
  const lines: string[] = [];
  for (const { result, engine } of results) {
    if (!result || engine !== 'real') continue;
    lines.push(`${result.files} files: ${result.reviewRequests} requests ${result.reviewRequests <= requestBudget(result) ? 'within' : 'OVER'} the files/100 budget of ${requestBudget(result)}`);
    // What the pull request's author saw: the check run's verdict (a stopped review says why in its title).
    lines.push(`${result.files} files: check run ${result.conclusion ?? 'not completed'}${result.title ? `, "${result.title}"` : ''}${result.engineError ? `; the engine alone afterwards: ${result.engineError}` : ''}`);
  }
  for (const engine of ['real', 'stub'] as const) {
    const pulls = pullsFromArguments();
    const label = `${engine === 'real' ? 'with the engine' : 'App alone (stub engine)'}${pulls > 1 ? `, ${pulls} pull requests at once` : ''}`;
    const at300 = results.find((entry) => entry.size === 300 && entry.engine === engine)?.result;
    // The targets are for one pull request; with several at once the figures are reported as they are.
    const verdict = (met: boolean, target: string) => (pulls > 1 ? '' : ` (target ${target}): ${met ? 'met' : 'NOT met'}`);
    if (at300) lines.push(`${label}: 300 files in ${seconds(at300.wallMs)} s of app time${verdict(at300.wallMs < 5000, '< 5 s')}`);
    const at3000 = results.find((entry) => entry.size === 3000 && entry.engine === engine)?.result;
    if (at3000) lines.push(`${label}: 3,000 files peak at ${at3000.peakRssMb} MB RSS${verdict(at3000.peakRssMb < 300, '< 300 MB')}`);
  }
  lines.push('app s: delivery to completed check run. engine s: the engine alone on the same files afterwards (warm).');
  lines.push('RSS: the App process only ("before": right before the delivery, modules loaded; "peak": its maximum). GitHub is simulated in another process.');
  lines.push('stall s: longest event-loop stall during the review (the engine runs synchronously; webhooks wait meanwhile).');
  lines.push("writes: Probot's throttling spaces writes 1 s apart per installation in production (off here): add about writes - 1 s.");
  return lines;
}

function enginesFromArguments(): Engine[] {
  const index = process.argv.indexOf('--engine');
  const value = index < 0 ? 'both' : process.argv[index + 1];
  return value === 'real' || value === 'stub' ? [value] : ['real', 'stub'];
}

/** `--pulls N`: N pull requests of each size reviewed at once (the App's default concurrency is 2). */
function pullsFromArguments(): number {
  const index = process.argv.indexOf('--pulls');
  const value = index < 0 ? 1 : Number(process.argv[index + 1]);
  return Number.isInteger(value) && value > 0 ? value : 1;
}

function sizesFromArguments(): number[] {
  const index = process.argv.indexOf('--sizes');
  if (index < 0) return DEFAULT_SIZES;
  return (process.argv[index + 1] ?? '').split(',').map(Number).filter((size) => Number.isInteger(size) && size > 0);
}

export async function runAppBenchmark(): Promise<void> {
  const results: SizeResult[] = [];
  compileApp();
  for (const size of sizesFromArguments()) {
    const corpus = writePullCorpus(size);
    try {
      for (const engine of enginesFromArguments()) {
        process.stderr.write(`reviewing a pull request of ${size} files (${engine} engine)...\n`);
        results.push(await runSize(size, engine, corpus.folder));
      }
    } finally {
      corpus.remove();
    }
  }
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cpus: cpus().length, memoryGb: Math.round(totalmem() / 1e9), node: process.version, platform: `${process.platform}-${process.arch}` };
  console.log(`\nApp benchmark on ${machine.cpu} (${machine.cpus} CPUs, ${machine.memoryGb} GB), Node ${machine.node}, App flags: ${appNodeFlags().join(' ') || 'none'}\n`);
  console.log(table(results));
  console.log('');
  for (const line of verdicts(results)) console.log(line);
  mkdirSync(RESULTS, { recursive: true });
  const date = new Date().toISOString();
  const json = `${JSON.stringify({ date, machine, nodeFlags: appNodeFlags(), treeCacheMb: process.env.IAC_REVIEW_TREE_CACHE_MB, results }, null, 2)}\n`;
  const target = new URL(`app-${date.replace(/[:.]/g, '-')}.json`, RESULTS);
  writeFileSync(target, json);
  writeFileSync(new URL('app-latest.json', RESULTS), json);
  console.log(`\nwrote ${fileURLToPath(target)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runAppBenchmark();
