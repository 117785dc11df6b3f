/**
 * Only what a change introduced: `diff --new-only` passes a change that only edits a file with
 * old findings and fails one that adds a new one; a baseline file hides the findings it records.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineCommand, diffCommand, scanCommand } from '../../src/cli/commands.js';
import { commitAll, git, tempProject, writeFiles } from '../support/temp-project.js';

const HANDLER_TEST = `"""Tests for the handler."""
import sys


def test_handler():
    exec(sys.argv[1])
`;

interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  preExisting?: true;
}

function repository(baseFiles: Record<string, string> = {}): string {
  const root = tempProject({ 'tests/test_handler.py': HANDLER_TEST, 'lib/AWS_REGION': 'us-east-1\n', ...baseFiles });
  git(root, 'init', '-q', '-b', 'main');
  commitAll(root, 'base');
  git(root, 'checkout', '-q', '-b', 'feature');
  return root;
}

const diff = (root: string, extra: Partial<Parameters<typeof diffCommand>[0]> = {}) =>
  diffCommand({ base: 'main', head: 'HEAD', format: 'json', colour: false, cwd: root, ...extra });
const execFindings = (output: string): JsonFinding[] => JSON.parse(output).findings.filter((finding: JsonFinding) => finding.ruleId === 'IAC307');

describe('iac-review diff --new-only', () => {
  it('passes a change that only edits the docstring of a file whose exec was already in the base', () => {
    const root = repository();
    writeFiles(root, { 'tests/test_handler.py': HANDLER_TEST.replace('Tests for the handler.', 'Tests for the Lambda handler.') });
    commitAll(root, 'docstring');

    // Without --new-only the old exec fails the change, as before.
    expect(diff(root).exitCode).toBe(1);

    const result = diff(root, { newOnly: true });
    expect(result.exitCode).toBe(0);
    expect(execFindings(result.output)).toEqual([expect.objectContaining({ path: 'tests/test_handler.py', line: 6, preExisting: true })]);
    expect(JSON.parse(result.output).summary.failed).toBe(false);
    const text = diff(root, { newOnly: true, format: 'text' }).output;
    expect(text).toMatch(/IAC307 +\(pre-existing\) `exec\(\)`/);
    expect(text).toMatch(/2 pre-existing \(also in the base\), not counted for fail_on/);
  });

  it('fails a change that adds a new exec next to the old one (and when the file is renamed)', () => {
    const root = repository();
    writeFiles(root, { 'tests/test_handler.py': `${HANDLER_TEST}\n\ndef test_other():\n    exec(sys.argv[2])\n` });
    git(root, 'mv', 'tests/test_handler.py', 'tests/test_lambda_handler.py');
    commitAll(root, 'new exec, renamed');
    const result = diff(root, { newOnly: true });
    expect(result.exitCode).toBe(1);
    expect(execFindings(result.output).map((finding) => `${finding.path}:${finding.line} ${finding.preExisting ? 'old' : 'new'}`)).toEqual([
      'tests/test_lambda_handler.py:6 old',
      'tests/test_lambda_handler.py:10 new',
    ]);
  });

  it('takes review.new_only from the config at the base, and --no-new-only overrides it', () => {
    // The configuration is read at the base, as the App reads it: a change cannot relax its own review.
    const root = repository({ '.github/iac-review.yml': 'review:\n  new_only: true\n' });
    writeFiles(root, { 'tests/test_handler.py': HANDLER_TEST.replace('Tests for', 'Unit tests for') });
    commitAll(root, 'docstring');
    expect(diff(root).exitCode).toBe(0);
    expect(diff(root, { newOnly: false }).exitCode).toBe(1);
  });

  it('--format github shows pre-existing findings as notices', () => {
    const root = repository();
    writeFiles(root, { 'tests/test_handler.py': HANDLER_TEST.replace('Tests for', 'Unit tests for') });
    commitAll(root, 'docstring');
    const result = diff(root, { newOnly: true, format: 'github' });
    expect(result.exitCode).toBe(0);
    expect(result.output).toMatch(/^::notice file=tests\/test_handler\.py,line=6,.*title=\(pre-existing\) IAC307 /m);
  });
});

describe('baseline', () => {
  it('records the current findings; scan --baseline reports only new ones and exits accordingly', () => {
    const root = tempProject({ 'tests/test_handler.py': HANDLER_TEST });
    const recorded = baselineCommand({ paths: [], cwd: root });
    expect(recorded.exitCode).toBe(0);
    const baseline = JSON.parse(recorded.output);
    expect(baseline).toMatchObject({ version: 1, tool: 'iac-review' });
    expect(baseline.findings).toContainEqual(expect.objectContaining({ ruleId: 'IAC307', path: 'tests/test_handler.py', fingerprint: expect.stringMatching(/^[0-9a-f]{20}$/) }));
    writeFileSync(join(root, '.iac-review-baseline.json'), recorded.output);

    const clean = scanCommand({ paths: [], format: 'json', colour: false, cwd: root, baseline: '.iac-review-baseline.json' });
    expect(clean.exitCode).toBe(0);
    expect(JSON.parse(clean.output).findings).toEqual([]);
    expect(clean.notes).toContain(`${baseline.findings.length} finding(s) in the baseline .iac-review-baseline.json not reported.`);

    // Lines moved and a new exec added: the old one is still known by its fingerprint, the new one is reported.
    writeFiles(root, { 'tests/test_handler.py': `# moved down\n${HANDLER_TEST}\n\ndef test_other():\n    exec(sys.argv[2])\n` });
    const changed = scanCommand({ paths: [], format: 'json', colour: false, cwd: root, baseline: '.iac-review-baseline.json' });
    expect(changed.exitCode).toBe(1);
    expect(execFindings(changed.output).map((finding) => finding.line)).toEqual([11]);
  });

  it('rejects a file that is not a baseline', () => {
    const root = tempProject({ 'b.json': '{"version": 2}' });
    expect(() => scanCommand({ paths: [], format: 'json', colour: false, cwd: root, baseline: 'b.json' })).toThrow(/not an iac-review baseline/);
    expect(() => scanCommand({ paths: [], format: 'json', colour: false, cwd: root, baseline: 'missing.json' })).toThrow(/baseline file not found/);
  });
});
