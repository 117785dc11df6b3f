/**
 * A checkout is input from a stranger: the CLI reads only regular files inside the scanned
 * folder, with the size cap. Links to devices or out of the folder, FIFOs and folders where a
 * file is expected become notices or a one-line error, never a hang, a memory blow-up or a
 * stack trace (src/cli/safe-read.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCommand, scanCommand, UsageError } from '../../src/cli/commands.js';
import { commitAll, git, tempProject } from '../support/temp-project.js';

interface JsonFinding {
  ruleId: string;
  path: string;
  message: string;
}

const EXEC = '"""Runs a command."""\nimport sys\n\nexec(sys.argv[1])\n';
const scan = (root: string, paths: string[] = []) => scanCommand({ paths, format: 'json', colour: false, cwd: root });
const findings = (output: string): JsonFinding[] => JSON.parse(output).findings;
/** `path: message` of every IAC002 notice. */
const notices = (output: string) => findings(output).filter((finding) => finding.ruleId === 'IAC002').map((finding) => `${finding.path}: ${finding.message}`);
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('scan of a hostile checkout', () => {
  it('follows no link to a device or out of the folder, opens no FIFO, and says so', () => {
    const outside = tempProject({ 'secret.py': EXEC, 'requirements.txt': 'pulumi>=3\n' });
    const root = tempProject({ 'lib/real.py': '"""Fine."""\nx = 1\n' });
    symlinkSync('/dev/zero', join(root, 'lib/AWS_REGION'));
    symlinkSync(join(outside, 'requirements.txt'), join(root, 'requirements.txt'));
    symlinkSync(join(outside, 'secret.py'), join(root, 'lib/secret.py'));
    symlinkSync(join(root, 'lib/missing.py'), join(root, 'lib/dangling.py'));
    mkfifo(join(root, 'lib/pipe.py'));
    mkfifo(join(root, '.gitignore'));
    const output = scan(root).output;
    expect(notices(output)).toEqual([
      '.gitignore: not analyzed: cannot read the file: it is a FIFO, not a regular file (its rules are not applied)',
      'lib/AWS_REGION: not analyzed: cannot read the file: it leads outside the scanned folder through a symbolic link',
      'lib/dangling.py: not analyzed: cannot read the file: it is a symbolic link to nothing',
      'lib/pipe.py: not analyzed: cannot read the file: it is a FIFO, not a regular file',
      'lib/secret.py: not analyzed: cannot read the file: it leads outside the scanned folder through a symbolic link',
      'requirements.txt: not analyzed: cannot read the file: it leads outside the scanned folder through a symbolic link',
    ]);
    // The outside file's exec() is not reviewed: it was never read.
    expect(findings(output).filter((finding) => finding.ruleId === 'IAC307')).toEqual([]);
  });

  it('reads a link to a regular file inside the folder like the file itself', () => {
    const root = tempProject({ 'lib/real.py': EXEC });
    symlinkSync('real.py', join(root, 'lib/alias.py'));
    expect(findings(scan(root).output).filter((finding) => finding.ruleId === 'IAC307').map((finding) => finding.path)).toEqual(['lib/alias.py', 'lib/real.py']);
  });

  it('a FIFO named on the command line is not opened either', () => {
    const root = tempProject({});
    mkfifo(join(root, 'stack.py'));
    expect(notices(scan(root, ['stack.py']).output)).toEqual(['stack.py: not analyzed: cannot read the file: it is a FIFO, not a regular file']);
  });

  it('a folder where the configuration is expected is a clear error', () => {
    const root = tempProject({ 'lib/a.py': EXEC, 'settings/keep.txt': '' });
    mkdirSync(join(root, '.github/iac-review.yml'), { recursive: true });
    expect(() => scan(root)).toThrow(new UsageError('cannot read the config file .github/iac-review.yml: it is a folder, not a regular file'));
    expect(() => scanCommand({ paths: [], format: 'json', colour: false, cwd: root, config: 'settings' })).toThrow(/^cannot read the config file .*settings: it is a folder, not a regular file$/);
  });

  it('a configuration linked from outside the folder, or a FIFO, is refused', () => {
    const outside = tempProject({ 'iac-review.yml': 'rules:\n  IAC307: off\n' });
    const root = tempProject({ 'lib/a.py': EXEC });
    mkdirSync(join(root, '.github'));
    symlinkSync(join(outside, 'iac-review.yml'), join(root, '.github/iac-review.yml'));
    expect(() => scan(root)).toThrow('cannot read the config file .github/iac-review.yml: it leads outside the scanned folder through a symbolic link');
    const piped = tempProject({ 'lib/a.py': EXEC });
    mkdirSync(join(piped, '.github'));
    mkfifo(join(piped, '.github/iac-review.yml'));
    expect(() => scan(piped)).toThrow('cannot read the config file .github/iac-review.yml: it is a FIFO, not a regular file');
  });

  it('folders named like requirement files are walked, not read', () => {
    const root = tempProject({ 'lib/AWS_REGION/x.txt': 'us-east-1\n', 'requirements.txt/y': '', 'lib/a.py': '"""Fine."""\nx = 1\n' });
    const result = scan(root);
    expect(notices(result.output)).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('a file over the size cap behind a link inside the folder is not read', () => {
    const root = tempProject({ 'lib/big.py': `x = "${'a'.repeat(3 * 1024 * 1024)}"\n` });
    symlinkSync('big.py', join(root, 'lib/alias.py'));
    expect(findings(scan(root).output).map((finding) => `${finding.ruleId} ${finding.path}`)).toEqual(['IAC002 lib/alias.py', 'IAC002 lib/big.py']);
  });
});

describe('diff of a change committing links', () => {
  it('a committed link is not read as a file of the change', () => {
    const root = tempProject({ 'lib/AWS_REGION': 'us-east-1\n', 'lib/a.py': '"""Fine."""\nx = 1\n' });
    git(root, 'init', '-q', '-b', 'main');
    commitAll(root, 'base');
    git(root, 'checkout', '-q', '-b', 'feature');
    symlinkSync('/etc/passwd', join(root, 'lib/tap_stack.py'));
    commitAll(root, 'link');
    const result = diffCommand({ base: 'main', head: 'HEAD', format: 'json', colour: false, cwd: root });
    expect(notices(result.output)).toEqual(['lib/tap_stack.py: not analyzed: cannot read the file: it is not a regular file in the head commit (a symbolic link or a submodule)']);
  });
});
