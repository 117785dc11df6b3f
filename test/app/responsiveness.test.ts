/* eslint-disable @typescript-eslint/no-explicit-any -- check-run bodies captured from nock are untyped JSON */
/**
 * The engine off the event loop, through the real HTTP server on loopback (Probot's
 * createNodeMiddleware): while a crafted slow review runs in its worker, `/healthz` and webhook
 * deliveries are answered within 100 ms each (the probes go on through the whole review; the
 * bound is asserted while the engine runs, the review's one long stretch of synchronous work;
 * before it, the test's own simulated GitHub shares the thread); the review is stopped at its deadline and its
 * check run completes as `timed_out`, naming the file the worker was on. GitHub is nock; only
 * the webhook server uses the network, and the probe loop ends with the review.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware } from 'probot';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EnginePool } from '../../src/app/engine-pool.js';
import { defaultConfig } from '../../src/core/config.js';
import { send, webhookHeaders, type Reply } from './loopback-client.js';
import { slowFiles } from './slow-review.js';
import { createTestProbot, expectAllMocksUsed, fixture, GitHubMock, PROJECT_TREE, reviewerOf, testApp, useNock, type PrFile } from './support.js';

const { unmatched } = useNock();

const DEADLINE_MS = 1000;
const RESPONSE_LIMIT_MS = 100;
/** A pair of probes every 50 ms: a steady load of deliveries, not a flood. */
const PROBE_INTERVAL_MS = 50;
const ROUNDS = 3;
const pool = new EnginePool({ deadlineMs: DEADLINE_MS });
/** Whether the review's engine call is in progress (the test's own view of the same pool). */
let engineRunning = false;

let server: Server;
let port: number;
let probot: Awaited<ReturnType<typeof createTestProbot>>['probot'];

beforeEach(async () => {
  ({ probot } = await createTestProbot(undefined, { loadApp: false }));
  const engine = (input: Parameters<EnginePool['review']>[0], signal?: AbortSignal) => {
    engineRunning = true;
    return pool.review(input, signal).finally(() => (engineRunning = false));
  };
  const middleware = await createNodeMiddleware(testApp(probot, { reviewer: { engine } }), { probot });
  server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end('not found')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeAll(async () => {
  // The worker thread started beforehand: the deadline then counts engine work only.
  await pool.review({ files: [{ path: 'lib/warm.py', content: 'x = 1\n', status: 'added' }], config: defaultConfig(), mode: 'change' });
}, 60_000);

afterAll(async () => {
  await pool.close();
});

interface Probe {
  what: string;
  ms: number;
  status: number;
  duringEngine: boolean;
}

async function timed(what: string, request: () => Promise<Reply>): Promise<Probe> {
  const duringEngine = engineRunning;
  const started = performance.now();
  const reply = await request();
  return { what, ms: performance.now() - started, status: reply.status, duringEngine: duringEngine && engineRunning };
}

/** A signed comment that is not `/recheck`: the handler answers without calling GitHub. */
async function commentDelivery(index: number): Promise<Reply> {
  const payload = fixture('issue_comment.created');
  payload.comment.body = `Looking at it (${index}).`;
  const body = JSON.stringify(payload);
  return send(port, 'POST', '/api/github/webhooks', body, webhookHeaders('issue_comment', await probot.webhooks.sign(body), `probe-${index}`));
}

interface Round {
  probes: Probe[];
  completion: any;
}

/** One slow review delivered over HTTP, probed from delivery until its check run completes. */
async function probedReview(): Promise<Round> {
  const files: PrFile[] = slowFiles().map((file) => ({ ...file, status: 'added' }));
  const mock = new GitHubMock().token().config().createCheckRun().listFiles(files).blobsOf(files);
  mock.tree(PROJECT_TREE, files.map((file) => file.path)).baseTree(PROJECT_TREE).updateCheckRun();

  const body = JSON.stringify(fixture('pull_request.opened'));
  const delivered = await send(port, 'POST', '/api/github/webhooks', body, webhookHeaders('pull_request', await probot.webhooks.sign(body)));
  expect(delivered.status).toBe(200);

  let done = false;
  const reviewing = reviewerOf(probot)
    .idle()
    .then(() => (done = true));
  const probes: Probe[] = [];
  // Bounded: the review ends at its deadline; the loop ends with it (or after about 60 s).
  for (let index = 0; !done && index < 1000; index++) {
    probes.push(await timed('healthz', () => send(port, 'GET', '/healthz')));
    probes.push(await timed('webhook', () => commentDelivery(index)));
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
  }
  await reviewing;
  expectAllMocksUsed(mock, unmatched);
  return { probes, completion: mock.completion() };
}

describe('while a slow review runs in its worker', () => {
  it('answers /healthz and webhooks within 100 ms, and the review stops at its deadline naming the file', async () => {
    // Once before the review, so first-use costs (module loading, JIT) are not counted against it.
    expect((await send(port, 'GET', '/healthz')).status).toBe(200);
    expect((await commentDelivery(-1)).status).toBe(200);

    // A stalled event loop stalls every probe of every round for seconds; a busy machine's
    // scheduler can delay one probe now and then. Up to three rounds: one clean round passes.
    const slowest: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { probes, completion } = await probedReview();
      const duringEngine = probes.filter((probe) => probe.duringEngine);
      // The worker ran for at least the deadline (1 s) while the probes went on.
      expect(duringEngine.filter((probe) => probe.what === 'healthz').length).toBeGreaterThanOrEqual(8);
      expect(duringEngine.filter((probe) => probe.what === 'webhook').length).toBeGreaterThanOrEqual(8);
      expect(probes.filter((probe) => probe.status !== 200)).toEqual([]);
      expect(completion).toMatchObject({ status: 'completed', conclusion: 'timed_out' });
      expect(completion.output.title).toMatch(/^Not reviewed: stopped after 1 s while (reading|analysing) `lib\/slow_\d+\.py` \(file \d+ of 40\)$/);
      // The engine is the long synchronous work a review does; with it in a worker nothing stalls the server.
      slowest.push(Math.max(...duringEngine.map((probe) => probe.ms)));
      if ((slowest.at(-1) ?? Infinity) < RESPONSE_LIMIT_MS) break;
    }
    expect(slowest.at(-1), `slowest answer while the engine ran, per round: ${slowest.map((ms) => ms.toFixed(1)).join(', ')} ms`).toBeLessThan(RESPONSE_LIMIT_MS);
  }, 240_000);
});
