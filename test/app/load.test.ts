/**
 * Load: 100 signed webhook deliveries at once into the real HTTP server (Probot's
 * createNodeMiddleware on 127.0.0.1). Every delivery is acknowledged, every review completes
 * its check run, none is lost and nothing is posted twice. GitHub is simulated with nock;
 * only the webhook server uses the loopback network. Bounded: 100 deliveries, a 30 s budget.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware } from 'probot';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sharedEnginePool } from '../../src/app/engine-pool.js';
import { defaultConfig } from '../../src/core/config.js';
import { send, webhookHeaders } from './loopback-client.js';
import { SimulatedGitHub, type SimulatedPull } from './simulated-github.js';
import { createTestProbot, fixture, reviewerOf, testApp, useNock } from './support.js';

const { unmatched } = useNock();

const DELIVERIES = 100;
const BUDGET_MS = 30_000;

let server: Server;
let port: number;
let probot: Awaited<ReturnType<typeof createTestProbot>>['probot'];

beforeAll(async () => {
  // The engine's worker threads started beforehand (a one-time cost of the process, seconds from TypeScript).
  const warm = () => sharedEnginePool().review({ files: [{ path: 'lib/warm.py', content: 'x = 1\n', status: 'added' }], config: defaultConfig(), mode: 'change' });
  await Promise.all([warm(), warm()]);
}, 60_000);

beforeEach(async () => {
  ({ probot } = await createTestProbot(undefined, { loadApp: false }));
  const middleware = await createNodeMiddleware(testApp(probot, { reviewer: { concurrency: 4, maxWaiting: DELIVERIES } }), { probot });
  server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end('not found')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function pull(index: number): SimulatedPull {
  const number = 1000 + index;
  const headSha = index.toString(16).padStart(40, 'c');
  const content = `"""Helpers ${index}."""\n\n\ndef run_${index}(code):\n    exec(code)\n`;
  return { number, headSha, files: [{ path: `lib/helpers_${index}.py`, status: 'added', content }] };
}

function delivery(simulated: SimulatedPull): string {
  const payload = fixture('pull_request.opened');
  payload.number = simulated.number;
  payload.pull_request = { ...payload.pull_request, number: simulated.number, head: { ...payload.pull_request.head, sha: simulated.headSha } };
  return JSON.stringify(payload);
}

function withinBudget<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${BUDGET_MS} ms`)), BUDGET_MS)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

describe('100 deliveries at once', () => {
  it('are all acknowledged, all reviewed to a completed check run, none lost, nothing posted twice', { timeout: BUDGET_MS * 2 }, async () => {
    const pulls = Array.from({ length: DELIVERIES }, (_, index) => pull(index));
    const github = new SimulatedGitHub(pulls).install();
    try {
      const started = Date.now();
      const replies = await withinBudget(
        Promise.all(
          pulls.map(async (simulated, index) => {
            const body = delivery(simulated);
            const signature = await probot.webhooks.sign(body);
            return send(port, 'POST', '/api/github/webhooks', body, webhookHeaders('pull_request', signature, `load-${index}`));
          }),
        ),
        'acknowledging',
      );
      const acknowledgedMs = Date.now() - started;
      await withinBudget(reviewerOf(probot).idle(), 'reviewing');

      expect(replies.map((reply) => reply.status)).toEqual(Array(DELIVERIES).fill(200));
      expect(unmatched).toEqual([]);
      const runs = [...github.checkRuns.values()];
      expect(runs).toHaveLength(DELIVERIES);
      expect(new Set(runs.map((run) => run.headSha))).toEqual(new Set(pulls.map((simulated) => simulated.headSha)));
      expect(runs.filter((run) => run.status !== 'completed')).toEqual([]);
      expect(new Set(runs.map((run) => run.conclusion))).toEqual(new Set(['failure']));
      expect(runs.every((run) => run.title?.includes('fails at error'))).toBe(true);
      for (const simulated of pulls) {
        expect(github.inlineComments.get(simulated.number)).toEqual([`lib/helpers_${simulated.number - 1000}.py:5`]);
        expect(github.summaryComments.get(simulated.number)).toBe(1);
      }
      // The queue bounded the work: acknowledging did not wait for the reviews.
      expect(acknowledgedMs).toBeLessThan(BUDGET_MS);
      // Every route the reviews need was used exactly as often as a review needs it.
      const perReview = { 'check-run create': 1, 'check-run update': 1, 'list files': 1, tree: 4, graphql: 1, 'list review comments': 1, 'list issue comments': 1, 'create review': 1, 'create summary comment': 1, config: 2, 'running check runs': 1 };
      const { token, ...byRoute } = Object.fromEntries(github.requests);
      expect(byRoute).toEqual(Object.fromEntries(Object.entries(perReview).map(([route, count]) => [route, count * DELIVERIES])));
      // One installation token, fetched by at most the reviews that started before it was cached.
      expect(token).toBeGreaterThanOrEqual(1);
      expect(token).toBeLessThanOrEqual(4);
    } finally {
      github.uninstall();
    }
  });
});
