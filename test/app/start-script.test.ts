/**
 * `npm start` runs its script through `sh -c`, and npm forwards a SIGTERM (`docker stop`, a
 * deploy) to that shell. Debian's sh (dash) does not replace itself with the last command, so
 * without `exec` the shell dies and node never hears the signal: running reviews would not be
 * interrupted and their check runs would stay in progress (src/index.ts handles SIGTERM).
 * This runs the real start script, with only the program swapped for a stand-in that reports
 * the signal, and sends SIGTERM to the shell as npm does.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readStartCommand } from '../support/start-script.js';

const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));

// Says when it is listening for signals, and gives up on its own so a failing run leaves nothing behind.
const STAND_IN = `
process.on('SIGTERM', () => { process.stdout.write('SIGTERM reached the server\\n'); process.exit(0); });
process.stdout.write('ready\\n');
setTimeout(() => process.exit(3), 5000);
`;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the start script', () => {
  it('starts node with the V8 flags the benchmark and the Docker image rely on', () => {
    const start = readStartCommand(PACKAGE_JSON);
    expect(start?.nodeFlags).toEqual(expect.arrayContaining([expect.stringMatching(/^--max-old-space-size=\d+$/)]));
    expect(start?.program.slice(0, 3)).toEqual(['node_modules/probot/bin/probot.js', 'run', './dist/src/index.js']);
  });

  it.skipIf(process.platform === 'win32')('lets a SIGTERM sent to its shell reach the server', async () => {
    const start = readStartCommand(PACKAGE_JSON);
    expect(start).toBeDefined();
    const folder = mkdtempSync(join(tmpdir(), 'iac-review-start-'));
    folders.push(folder);
    const standIn = join(folder, 'server.cjs');
    writeFileSync(standIn, STAND_IN);
    const command = [...(start?.execs ? ['exec'] : []), 'node', ...(start?.nodeFlags ?? []), standIn].join(' ');
    const shell = spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    // 'close': the process has ended and its output is read in full.
    const closed = new Promise<number | null>((resolve) => shell.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      shell.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready')) resolve();
      }),
    );
    shell.kill('SIGTERM');
    const code = await closed;
    expect(output).toContain('SIGTERM reached the server');
    expect(code).toBe(0);
  });
});
