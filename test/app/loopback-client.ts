/**
 * A minimal HTTP/1.1 client on a raw socket, for the App's real HTTP server on loopback: nock
 * patches node:http and fetch, not net, so requests reach the server untouched while the app's
 * GitHub calls stay mocked.
 */
import { connect } from 'node:net';

export interface Reply {
  status: number;
  body: string;
}

export function send(port: number, method: string, path: string, body = '', headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const split = raw.indexOf('\r\n\r\n');
      const head = raw.slice(0, split);
      let payload = raw.slice(split + 4);
      if (/transfer-encoding:\s*chunked/i.test(head)) payload = decodeChunked(payload);
      resolve({ status: Number(head.split(' ')[1]), body: payload });
    });
    const lines = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', 'connection: close', `content-length: ${Buffer.byteLength(body)}`];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    // write, not end: a half-closed socket may be dropped before a slow response is written.
    socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
  });
}

function decodeChunked(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, lineEnd), 16);
    if (!size) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

/** The headers GitHub sends with a webhook delivery. */
export function webhookHeaders(event: string, signature?: string, deliveryId = '72d3162e-cc78-11e3-81ab-4c9367dc0958'): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-github-event': event,
    'x-github-delivery': deliveryId,
    'x-github-hook-id': '292430182',
    'x-github-hook-installation-target-type': 'integration',
    'x-github-hook-installation-target-id': '123',
    'user-agent': 'GitHub-Hookshot/044aadd',
    ...(signature ? { 'x-hub-signature-256': signature } : {}),
  };
}
