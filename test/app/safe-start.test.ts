/**
 * Refuse to run unsafe: the real entry (`probot run` on src/index.ts, as `npm start` runs the
 * built one) started with NODE_ENV=production exits with a clear message when WEBHOOK_SECRET
 * is unset or is Probot's public default `development`, before the server listens; with a
 * real secret it starts. Each case is a child process on loopback that stops by itself.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unsafeStartReason } from '../../src/app/safe-start.js';
import { testPrivateKey } from './support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Started {
  code: number | null;
  output: string;
  listened: boolean;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts the App's entry; stops it (SIGTERM) once it listens, or after 45 s (a loaded CI machine is slow to load TypeScript). */
async function startApp(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const environment: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', APP_ID: '123', PRIVATE_KEY: testPrivateKey(), HOST: '127.0.0.1', PORT: String(port), LOG_FORMAT: 'json', ...env };
  const child = spawn(process.execPath, ['--import', 'tsx', 'node_modules/probot/bin/probot.js', 'run', './src/index.ts'], { cwd: ROOT, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let listened = false;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (!listened && /Listening on/.test(output)) {
      listened = true;
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const giveUp = setTimeout(() => child.kill('SIGKILL'), 45_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
  clearTimeout(giveUp);
  return { code, output, listened };
}

describe('starting in production', () => {
  it('exits with a clear message when WEBHOOK_SECRET is unset or "development", and starts with a real one', async () => {
    const [unset, development, real] = await Promise.all([
      startApp({}),
      startApp({ WEBHOOK_SECRET: 'development' }),
      startApp({ WEBHOOK_SECRET: 'a-long-random-secret-7c1f0e' }),
    ]);
    expect(unset).toMatchObject({ code: 1, listened: false });
    expect(unset.output).toMatch(/iac-review refuses to start in production: WEBHOOK_SECRET is not set/);
    expect(development).toMatchObject({ code: 1, listened: false });
    expect(development.output).toMatch(/iac-review refuses to start in production: WEBHOOK_SECRET is "development"/);
    expect(real.listened).toBe(true);
    expect(real.output).not.toMatch(/refuses to start/);
  }, 90_000);

  it('only production is strict: development may run without a secret (Probot setup, smee)', () => {
    expect(unsafeStartReason({ NODE_ENV: 'development' })).toBeUndefined();
    expect(unsafeStartReason({})).toBeUndefined();
    expect(unsafeStartReason({ NODE_ENV: 'production', WEBHOOK_SECRET: '  ' })).toMatch(/not set/);
    expect(unsafeStartReason({ NODE_ENV: 'production', WEBHOOK_SECRET: 'x9-secret' })).toBeUndefined();
  });
});
