/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are untyped JSON */
/**
 * One measured App review, run in its own process by test/bench/app.ts so its peak RSS is its
 * own: pull request #12 of generated Pulumi-Python files (`--corpus <folder>`, written by the
 * driver) is delivered to the real app (Probot, handlers, queue, review pipeline, engine),
 * which talks over loopback HTTP to the simulated GitHub in another process
 * (`--github <url>`, github-stub-server.ts). This process holds the App and nothing else until
 * the review is done; it prints one JSON line: wall time, GitHub requests by route, peak RSS,
 * longest event-loop stall.
 * With `--engine stub` the engine is replaced by a stub that reports one finding in every
 * third file, so the figures are the App's own (listing, batched reads, posting).
 *
 * Octokit as in production except throttling: Probot's throttling spaces writes one second
 * apart per installation, GitHub's own advice for secondary rate limits. It is off here so the
 * figure is the App's own time; the driver reports the writes so their spacing can be added.
 */
import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Probot, ProbotOctokit, type Logger } from 'probot';
import { EnginePool } from '../../src/app/engine-pool.js';
import { MemoryGuard } from '../../src/app/memory-guard.js';
import { Reviewer } from '../../src/app/reviewer.js';
import { reviewWithCatalog, resolveConfig, catalogIds } from '../../src/core/index.js';
import { appSettingsFromEnv } from '../../src/app/settings.js';
import { createIacReviewApp } from '../../src/index.js';
import { fixture, PROJECT_TREE } from '../app/pull-request-fixtures.js';
import type { CheckRunRecord } from '../app/simulated-github.js';
import { readPullCorpus } from './app-corpus.js';

export interface AppRunResult {
  engine: 'real' | 'stub';
  /** Pull requests reviewed at once (each with `files` files). */
  pulls: number;
  files: number;
  bytes: number;
  wallMs: number;
  requests: number;
  /** Requests without the installation token (what one review costs). */
  reviewRequests: number;
  byRoute: Record<string, number>;
  writes: number;
  findings: number;
  conclusion: string | undefined;
  title: string | undefined;
  /** Peak RSS before the review (module loading, corpus generation, the simulated GitHub). */
  baselineRssMb: number;
  /** RSS right before the delivery (after a GC): what the review's peak is measured against. */
  rssBeforeReviewMb: number;
  peakRssMb: number;
  longestStallMs: number;
  /** The engine alone on the same files afterwards (warm), for the engine's share; 0 with the stub. */
  engineMs: number;
  /** Why the engine alone did not finish, when it did not. */
  engineError?: string;
}

/**
 * This process's peak RSS in kB. Linux's VmHWM belongs to this process image; `maxRSS` would
 * carry over the parent's size at fork (the engine benchmark's 500 MB, when run by `npm run bench`).
 */
function peakRssKb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (hwm) return Number(hwm);
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS;
}

/** Stands in for the engine: one IAC307 finding in every third file, nothing parsed. */
const stubEngine: typeof reviewWithCatalog = (options) => ({
  findings: options.files
    .filter((_, index) => index % 3 === 0)
    .map((file, index) => ({
      ruleId: 'IAC307',
      severity: 'error' as const,
      path: file.path,
      category: 'Security',
      message: 'exec() runs code built from data.',
      snippet: `exec(payload_${index})`,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 5,
    })),
  settings: { region: 'us-east-1', regionSource: 'lib/AWS_REGION', environment: undefined, production: false, allowedStructure: [], mode: 'change' },
  filesAnalyzed: options.files.length,
  filesExcluded: 0,
  treesParsedAgain: 0,
});

const WRITE_ROUTES = ['check-run create', 'check-run update', 'create review', 'create review comment', 'create summary comment'];
const mb = (kilobytes: number) => Math.round(kilobytes / 102.4) / 10;

function silentLogger(): Logger {
  const noop = () => {};
  const logger: Record<string, unknown> = { level: 'silent', trace: noop, debug: noop, info: noop, warn: noop, error: noop, fatal: noop, silent: noop };
  logger.child = () => logger;
  return logger as unknown as Logger;
}

export const BENCH_HEAD_SHA = 'be0c4b1e5f60718293a4b5c6d7e8f90123456789';

export async function measureAppReview(corpusFolder: string, githubUrl: string, engine: 'real' | 'stub' = 'real', pulls = 1): Promise<AppRunResult> {
  const headSha = BENCH_HEAD_SHA;
  // The tree budget as the App reads it (IAC_REVIEW_TREE_CACHE_MB), so its trade-off can be measured.
  // The engine pool as the App sets it up (IAC_REVIEW_WORKERS, IAC_REVIEW_DEADLINE_MS, IAC_REVIEW_WORKER_HEAP_MB).
  const settings = appSettingsFromEnv();
  const pool = new EnginePool(settings.engine);
  const reviewer = new Reviewer(
    engine === 'stub'
      ? { engine: async (input) => stubEngine({ files: input.files, config: input.config, mode: input.mode }) }
      : { treeCacheBytes: settings.treeCacheBytes, engine: (input, signal) => pool.review(input, signal) },
  );
  const probot = new Probot({
    appId: 123,
    privateKey: generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey,
    secret: 'bench',
    log: silentLogger(),
    baseUrl: githubUrl,
    Octokit: ProbotOctokit.defaults((options: Record<string, any>) => ({ ...options, throttle: { ...options.throttle, enabled: false } })),
  });
  await probot.load(createIacReviewApp({ reviewer }), { cwd: process.cwd(), addHandler: () => {} });
  // As production wires it (src/index.ts): near the heap limit the newest review stops instead of the process dying.
  const guard = new MemoryGuard((reading) => reviewer.relieveMemoryPressure(reading, silentLogger()));
  guard.start();
  const payload = fixture('pull_request.opened');
  payload.pull_request = { ...payload.pull_request, head: { ...payload.pull_request.head, sha: headSha } };

  global.gc?.();
  const baselineRssMb = mb(peakRssKb());
  const rssBeforeReviewMb = mb(process.memoryUsage().rss / 1024);
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const started = performance.now();
  // Several pull requests (`--pulls N`) are delivered back to back and reviewed at once, as the queue allows.
  for (let index = 0; index < pulls; index++) {
    const number = 12 + index;
    await probot.receive({ id: `bench-${number}`, name: 'pull_request', payload: { ...payload, number, pull_request: { ...payload.pull_request, number } } } as never);
  }
  await reviewer.idle();
  const wallMs = performance.now() - started;
  stalls.disable();
  const peakRssMb = mb(peakRssKb());
  guard.stop();

  const stats = (await (await fetch(`${githubUrl}/__stats`)).json()) as { requests: Record<string, number>; checkRuns: CheckRunRecord[] };
  const run = stats.checkRuns.at(-1);
  const byRoute = stats.requests;
  const requests = Object.values(byRoute).reduce((total, count) => total + count, 0);
  const writes = WRITE_ROUTES.reduce((total, route) => total + (byRoute[route] ?? 0), 0);

  const { files, bytes } = readPullCorpus(corpusFolder);
  // The engine alone on the same files, afterwards and warm, through the same worker pool as the
  // App's review: on the main thread it would need the whole corpus and its trees under the App's
  // heap cap, which production never asks of it.
  const engineStarted = performance.now();
  const encoder = new TextEncoder();
  const input = {
    files: files.map((file) => ({ path: file.path, content: encoder.encode(file.load()), status: 'added' as const })),
    config: resolveConfig({}, catalogIds),
    mode: 'change' as const,
  };
  let findings = 0;
  let engineError: string | undefined;
  if (engine === 'stub') {
    findings = stubEngine(input).findings.length;
  } else {
    try {
      findings = (await pool.review({ ...input, project: { paths: PROJECT_TREE.map((file) => file.path), texts: new Map(PROJECT_TREE.map((file) => [file.path, file.content])) } })).findings.length;
    } catch (error) {
      engineError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  }
  const engineMs = engine === 'stub' ? 0 : performance.now() - engineStarted;
  await pool.close();

  return {
    engine,
    pulls,
    files: files.length,
    bytes,
    wallMs: Math.round(wallMs),
    requests,
    reviewRequests: requests - (byRoute.token ?? 0),
    byRoute,
    writes,
    findings,
    ...(engineError ? { engineError } : {}),
    conclusion: run?.conclusion,
    title: run?.title,
    baselineRssMb,
    rssBeforeReviewMb,
    peakRssMb,
    longestStallMs: Math.round(stalls.max / 1e6),
    engineMs: Math.round(engineMs),
  };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const corpusFolder = argument('corpus');
const githubUrl = argument('github');
if (corpusFolder && githubUrl) {
  const result = await measureAppReview(corpusFolder, githubUrl, argument('engine') === 'stub' ? 'stub' : 'real', Number(argument('pulls') ?? 1) || 1);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
