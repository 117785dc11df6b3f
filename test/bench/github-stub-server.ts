/**
 * The simulated GitHub of the App benchmark as a loopback HTTP server in its own process, so
 * the measured App process holds only the App: `--corpus <folder>` (written by app-corpus.ts)
 * is the pull request (#12 at `--head <sha>`). Requests are answered by the nock routes of
 * test/app/simulated-github.ts inside this process (a fetch to api.github.com that nock
 * intercepts), with `link` headers rewritten to this server. `GET /__stats` returns the
 * requests by route and the check runs. Prints `PORT=<n>` once listening.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { API } from '../app/pull-request-fixtures.js';
import { SimulatedGitHub } from '../app/simulated-github.js';
import { readPullCorpus } from './app-corpus.js';

function argument(name: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index > 0 ? process.argv[index + 1] : undefined;
  if (!value) throw new Error(`--${name} is required`);
  return value;
}

async function body(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

const { files } = readPullCorpus(argument('corpus'));
nock.disableNetConnect();
// `--pulls N`: pull requests #12, #13... with the same files, for reviews running at once.
const pulls = Number(process.argv[process.argv.indexOf('--pulls') + 1] ?? 1) || 1;
const github = new SimulatedGitHub(Array.from({ length: pulls }, (_, index) => ({ number: 12 + index, headSha: argument('head'), files }))).install();

const server = createServer((request, response) => {
  void (async () => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url === '/__stats') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ requests: Object.fromEntries(github.requests), checkRuns: [...github.checkRuns.values()] }));
      return;
    }
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
    const answer = await fetch(`${API}${request.url}`, { method: request.method ?? 'GET', headers, body: await body(request) });
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'transfer-encoding') out[name] = name === 'link' ? value.replaceAll(API, base) : value;
    });
    const payload = Buffer.from(await answer.arrayBuffer());
    response.writeHead(answer.status, { ...out, 'content-length': String(payload.length) });
    response.end(payload);
  })().catch((error: unknown) => {
    response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(error) }));
  });
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PORT=${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
