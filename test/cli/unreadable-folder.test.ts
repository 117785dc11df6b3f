/**
 * Folders the CLI cannot list. Permissions do not stop root (tests may run as root), so the
 * listing fails through a mocked readdirSync for folders named `locked`; the real chmod case
 * runs when the tests do not run as root.
 */
import * as fs from 'node:fs';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scanCommand } from '../../src/cli/commands.js';
import { main } from '../../src/cli/program.js';
import { tempProject } from '../support/temp-project.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((path: fs.PathLike, options?: unknown) => {
    if (String(path).endsWith('/locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES', syscall: 'scandir', path: String(path) });
    return (actual.readdirSync as (path: fs.PathLike, options?: unknown) => unknown)(path, options);
  }) as typeof actual.readdirSync;
  return { ...actual, readdirSync, default: { ...actual, readdirSync } };
});

const scan = (root: string) => scanCommand({ paths: [], format: 'json', colour: false, cwd: root });
const notices = (output: string) =>
  (JSON.parse(output).findings as { ruleId: string; path: string; message: string }[]).filter((finding) => finding.ruleId === 'IAC002').map((finding) => `${finding.path}: ${finding.message}`);

function runMain(args: string[]): { stderr: string; exitCode: number | undefined } {
  const written: string[] = [];
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const before = process.exitCode;
  try {
    main(['node', 'iac-review', ...args]);
    return { stderr: written.join(''), exitCode: process.exitCode as number | undefined };
  } finally {
    process.exitCode = before;
    stderr.mockRestore();
    stdout.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('folders that cannot be listed', () => {
  it('a subfolder is reported as a notice, the rest is reviewed', () => {
    const root = tempProject({ 'lib/locked/a.py': 'exec(x)\n', 'lib/ok.py': '"""Fine."""\nx = 1\n' });
    expect(notices(scan(root).output)).toEqual(['lib/locked: not analyzed: cannot read the file: it is a folder that cannot be listed: EACCES (permission denied)']);
  });

  it('the scanned folder itself is a one-line error and exit 2', () => {
    const root = join(tempProject({ 'locked/a.py': 'exec(x)\n' }), 'locked');
    const result = runMain(['scan', root]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`iac-review: cannot list the folder ${root}: EACCES (permission denied)\n`);
  });

  it('any other I/O error is one line too, not a stack trace', () => {
    const root = tempProject({ 'lib/a.py': 'x = 1\n' });
    const realpath = vi.spyOn(fs, 'realpathSync').mockImplementation(() => {
      throw Object.assign(new Error(`EMFILE: too many open files, realpath '${root}'`), { code: 'EMFILE', syscall: 'realpath' });
    });
    const result = runMain(['scan', root]);
    realpath.mockRestore();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`iac-review: cannot read: EMFILE: too many open files, realpath '${root}'\n`);
  });

  it.skipIf(process.getuid?.() === 0)('a folder without read permission (not as root)', () => {
    const root = tempProject({ 'lib/private/a.py': 'exec(x)\n', 'lib/ok.py': 'x = 1\n' });
    chmodSync(join(root, 'lib/private'), 0o000);
    try {
      expect(notices(scan(root).output)).toEqual(['lib/private: not analyzed: cannot read the file: it is a folder that cannot be listed: EACCES (permission denied)']);
    } finally {
      chmodSync(join(root, 'lib/private'), 0o755);
    }
  });
});
