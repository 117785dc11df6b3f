/**
 * Through Probot's real HTTP middleware on loopback: webhook signatures are verified before
 * anything runs, and the health endpoint answers without credentials.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { send as sendTo, webhookHeaders, type Reply } from './loopback-client.js';
import { createTestProbot, expectAllMocksUsed as expectAllUsed, fixture, GitHubMock, mockFullReview, reviewerOf, testApp, useNock, type PrFile } from './support.js';

const { unmatched } = useNock();

let server: Server;
let port: number;
let probot: Awaited<ReturnType<typeof createTestProbot>>['probot'];

beforeEach(async () => {
  // The middleware loads the app itself (with the health endpoint); the probot must not have it loaded already.
  ({ probot } = await createTestProbot(undefined, { loadApp: false }));
  const middleware = await createNodeMiddleware(testApp(probot), { probot });
  server = createServer((req, res) => {
    void middleware(req, res, () => res.writeHead(404).end('not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function send(method: string, path: string, body = '', headers: Record<string, string> = {}): Promise<Reply> {
  return sendTo(port, method, path, body, headers);
}

const FILES: PrFile[] = [{ path: 'tests/test_exec.py', status: 'added', content: '"""Runs code."""\n\n\ndef test_run(code):\n    exec(code)\n' }];

describe('webhook deliveries', () => {
  it('rejects an unsigned delivery before any handler runs', async () => {
    const mock = new GitHubMock();
    const reply = await send('POST', '/api/github/webhooks', JSON.stringify(fixture('pull_request.opened')), webhookHeaders('pull_request'));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/x-hub-signature-256/);
    expectAllUsed(mock, unmatched);
  });

  it('rejects a delivery signed with the wrong secret', async () => {
    const mock = new GitHubMock();
    const body = JSON.stringify(fixture('pull_request.opened'));
    const reply = await send('POST', '/api/github/webhooks', body, webhookHeaders('pull_request', 'sha256=' + '0'.repeat(64)));
    // @octokit/webhooks answers 400 (older versions 401): either way, rejected before any handler.
    expect([400, 401]).toContain(reply.status);
    expect(reply.body).toMatch(/signature does not match/);
    expectAllUsed(mock, unmatched);
  });

  it('rejects a delivery whose body was changed after signing', async () => {
    const mock = new GitHubMock();
    const body = JSON.stringify(fixture('pull_request.opened'));
    const signature = await probot.webhooks.sign(body);
    const reply = await send('POST', '/api/github/webhooks', body.replace('"opened"', '"closed"'), webhookHeaders('pull_request', signature));
    expect([400, 401]).toContain(reply.status);
    expect(reply.body).toMatch(/signature does not match/);
    expectAllUsed(mock, unmatched);
  });

  it('accepts a correctly signed delivery and reviews the pull request', async () => {
    const mock = mockFullReview(new GitHubMock(), FILES);
    const body = JSON.stringify(fixture('pull_request.opened'));
    const signature = await probot.webhooks.sign(body);
    const reply = await send('POST', '/api/github/webhooks', body, webhookHeaders('pull_request', signature));
    expect(reply.status).toBe(200);
    // Acknowledged first, reviewed in the queue.
    await reviewerOf(probot).idle();
    expectAllUsed(mock, unmatched);
    expect(mock.completion()).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});

describe('health endpoint', () => {
  it('answers GET /healthz with 200 and no GitHub call', async () => {
    const mock = new GitHubMock();
    const reply = await send('GET', '/healthz');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ status: 'ok', app: 'iac-review', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expectAllUsed(mock, unmatched);
  });

  it('leaves other paths to the next handler', async () => {
    const reply = await send('GET', '/healthz/extra');
    expect(reply.status).toBe(404);
  });
});
