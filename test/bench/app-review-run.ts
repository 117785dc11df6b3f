/* eslint-disable @typescript-eslint/no-explicit-any -- webhook payloads are untyped JSON */
/**
 * One measured App review, run in its own process by test/bench/app.ts so its peak RSS is its
 * own: a pull request of `--files N` generated Pulumi-Python files (test/bench/corpus.ts) is
 * delivered to the real app (Probot, handlers, queue, review pipeline, engine) against the
 * simulated GitHub of test/app/simulated-github.ts (nock, in process), and the process prints
 * one JSON line: wall time, GitHub requests by route, peak RSS, longest event-loop stall.
 *
 * Octokit as in production except throttling: Probot's throttling spaces writes one second
 * apart per installation, GitHub's own advice for secondary rate limits. It is off here so the
 * figure is the App's own time; the driver reports the writes so their spacing can be added.
 */
import { generateKeyPairSync } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import nock from 'nock';
import { Probot, ProbotOctokit, type Logger } from 'probot';
import { Reviewer } from '../../src/app/reviewer.js';
import { reviewWithCatalog, resolveConfig, catalogIds } from '../../src/engine/index.js';
import { createIacReviewApp } from '../../src/index.js';
import { fixture, PROJECT_TREE, type PrFile } from '../app/github-mock.js';
import { SimulatedGitHub } from '../app/simulated-github.js';
import { generateCorpus, isReviewableCorpusPath } from './corpus.js';

export interface AppRunResult {
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
  baselineRssMb: number;
  peakRssMb: number;
  longestStallMs: number;
  /** The engine alone on the same files afterwards (warm), for the engine's share. */
  engineMs: number;
}

const WRITE_ROUTES = ['check-run create', 'check-run update', 'create review', 'create review comment', 'create summary comment'];
const mb = (kilobytes: number) => Math.round(kilobytes / 102.4) / 10;

function silentLogger(): Logger {
  const noop = () => {};
  const logger: Record<string, unknown> = { level: 'silent', trace: noop, debug: noop, info: noop, warn: noop, error: noop, fatal: noop, silent: noop };
  logger.child = () => logger;
  return logger as unknown as Logger;
}

function pullFiles(count: number): PrFile[] {
  const corpus = generateCorpus({ files: count, totalBytes: count * 10_000 }).filter((file) => isReviewableCorpusPath(file.path));
  return corpus.map((file) => ({ path: file.path, status: 'added' as const, content: file.content }));
}

export async function measureAppReview(count: number): Promise<AppRunResult> {
  const files = pullFiles(count);
  const bytes = files.reduce((total, file) => total + Buffer.byteLength(file.content as string), 0);
  const headSha = 'be0c4b1e5f60718293a4b5c6d7e8f90123456789';
  nock.disableNetConnect();
  const github = new SimulatedGitHub([{ number: 12, headSha, files }]).install();
  const reviewer = new Reviewer();
  const probot = new Probot({
    appId: 123,
    privateKey: generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey,
    secret: 'bench',
    log: silentLogger(),
    Octokit: ProbotOctokit.defaults((options: Record<string, any>) => ({ ...options, throttle: { ...options.throttle, enabled: false } })),
  });
  await probot.load(createIacReviewApp({ reviewer }), { cwd: process.cwd(), addHandler: () => {} });
  const payload = fixture('pull_request.opened');
  payload.pull_request = { ...payload.pull_request, head: { ...payload.pull_request.head, sha: headSha } };

  global.gc?.();
  const baselineRssMb = mb(process.resourceUsage().maxRSS);
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const started = performance.now();
  await probot.receive({ id: 'bench', name: 'pull_request', payload } as never);
  await reviewer.idle();
  const wallMs = performance.now() - started;
  stalls.disable();
  const peakRssMb = mb(process.resourceUsage().maxRSS);
  github.uninstall();

  const run = [...github.checkRuns.values()].at(-1);
  const byRoute = Object.fromEntries(github.requests);
  const writes = WRITE_ROUTES.reduce((total, route) => total + (byRoute[route] ?? 0), 0);

  const engineStarted = performance.now();
  const encoder = new TextEncoder();
  const engine = reviewWithCatalog({
    files: files.map((file) => ({ path: file.path, content: encoder.encode(file.content as string), status: 'added' })),
    config: resolveConfig({}, catalogIds),
    mode: 'change',
    project: { paths: PROJECT_TREE.map((file) => file.path), readFile: (path) => PROJECT_TREE.find((file) => file.path === path)?.content },
  });
  const engineMs = performance.now() - engineStarted;

  return {
    files: files.length,
    bytes,
    wallMs: Math.round(wallMs),
    requests: github.totalRequests,
    reviewRequests: github.reviewRequests,
    byRoute,
    writes,
    findings: engine.findings.length,
    conclusion: run?.conclusion,
    title: run?.title,
    baselineRssMb,
    peakRssMb,
    longestStallMs: Math.round(stalls.max / 1e6),
    engineMs: Math.round(engineMs),
  };
}

const sizeArgument = process.argv.indexOf('--files');
if (sizeArgument > 0) {
  const result = await measureAppReview(Number(process.argv[sizeArgument + 1]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
