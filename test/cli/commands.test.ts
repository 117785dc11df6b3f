import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/core/catalog.js';
import { diffCommand, rulesCommand, scanCommand, UsageError } from '../../src/cli/commands.js';
import { ConfigError } from '../../src/core/config.js';
import { commitAll, git, tempProject, writeFiles } from '../support/temp-project.js';

const brokenStack = 'import pulumi_aws as aws\n\n\nclass TapStack:\n    def __init__(self, name):\n        self.vpc = aws.ec2.Vpc(name, cidr_block="10.0.0.0/16")\n';
const seedTest = 'def test_handler():\n    exec(code, globals())\n    with open(p) as f:\n';
// Other detectors also fire on these snippets; each test looks at the rules it is about.
const CORE = new Set(['IAC101', 'IAC301', 'IAC307', 'IAC701']);
interface ParsedFinding {
  ruleId: string;
  path: string;
  line: number;
  severity: string;
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
}
const core = (findings: ParsedFinding[]) => findings.filter((finding) => CORE.has(finding.ruleId));
/** A complete, documented module whose only problem is the exec() on line 4. */
const EXEC = '"""Runs a command."""\nimport sys\n\nexec(sys.argv[1])\n';
const scan = (root: string, extra: Partial<Parameters<typeof scanCommand>[0]> = {}) =>
  scanCommand({ paths: [], format: 'json', colour: false, cwd: root, ...extra });

describe('iac-review scan', () => {
  it('reports findings with paths relative to the scanned root and exits 1', () => {
    const root = tempProject({ 'lib/tap_stack.py': brokenStack, 'tests/test_stack.py': seedTest });
    const result = scan(root);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.output);
    expect(report.version).toBe(1);
    expect(core(report.findings).map((f: { ruleId: string; path: string; line: number }) => `${f.ruleId} ${f.path}:${f.line}`)).toEqual([
      'IAC301 lib/tap_stack.py:4',
      'IAC307 tests/test_stack.py:2',
      'IAC101 tests/test_stack.py:3',
    ]);
    expect(Object.keys(report.findings[0]).sort()).toEqual(['category', 'column', 'endColumn', 'endLine', 'line', 'message', 'path', 'ruleId', 'severity']);
    expect(report.summary).toMatchObject({ files: 2, findings: report.findings.length, failed: true, failOn: 'error' });
    expect(report.summary.error + report.summary.warning + report.summary.notice).toBe(report.findings.length);
  });

  it('exits 0 on a clean folder', () => {
    const root = tempProject({ 'lib/ok.py': '"""Fine."""\nx = 1\n' });
    expect(scan(root).exitCode).toBe(0);
  });

  it('skips .git, node_modules, virtualenvs and git-ignored files', () => {
    const root = tempProject({
      'lib/ok.py': 'x = 1\n',
      'node_modules/pkg/bad.py': 'exec(x)\n',
      'env/pyvenv.cfg': 'home = /usr\n',
      'env/lib/bad.py': 'exec(x)\n',
      '.venv/bad.py': 'exec(x)\n',
      'build/bad.py': 'exec(x)\n',
      'lib/generated/bad.py': 'exec(x)\n',
      '.gitignore': 'build/\n',
      'lib/.gitignore': 'generated/\n',
    });
    expect(JSON.parse(scan(root).output).findings.filter((f: { path: string }) => f.path !== 'lib/ok.py')).toEqual([]);
  });

  it('honours the config at the scanned root: rule levels, fail_on and path excludes', () => {
    const root = tempProject({
      'lib/a.py': EXEC,
      'vendor/b.py': EXEC,
      '.github/iac-review.yml': 'rules:\n  IAC307: warning\npaths:\n  exclude: ["vendor/**"]\n',
    });
    const result = scan(root);
    const report = JSON.parse(result.output);
    expect(core(report.findings).map((f: { path: string; severity: string; ruleId: string }) => `${f.path} ${f.severity}`)).toEqual(['lib/a.py warning']);
    expect(result.exitCode).toBe(0);
    writeFiles(root, { '.github/iac-review.yml': 'rules:\n  IAC307: warning\nfail_on: warning\n' });
    expect(scan(root).exitCode).toBe(1);
  });

  it('accepts single files and an explicit --config', () => {
    const root = tempProject({ 'lib/a.py': EXEC, 'other.yml': 'rules:\n  IAC307: off\n' });
    expect(core(JSON.parse(scan(root, { paths: ['lib/a.py'] }).output).findings)).toHaveLength(1);
    expect(core(JSON.parse(scan(root, { paths: ['lib/a.py'], config: 'other.yml' }).output).findings)).toHaveLength(0);
  });

  it('turns a bad config into a ConfigError naming the key', () => {
    const root = tempProject({ '.github/iac-review.yml': 'fail_onn: error\n' });
    expect(() => scan(root)).toThrow(ConfigError);
    expect(() => scan(root)).toThrow(/fail_onn/);
  });

  it('rejects a missing path as a usage error', () => {
    const root = tempProject({});
    expect(() => scan(root, { paths: ['nope'] })).toThrow(UsageError);
  });

  it('writes text with path:line:column and a summary', () => {
    const root = tempProject({ 'lib/a.py': EXEC });
    const { output } = scan(root, { format: 'text' });
    expect(output).toMatch(/^lib\/a\.py:4:1: error IAC307 /m);
    expect(output).toMatch(/\d+ findings? \(\d+ errors?, \d+ warnings?, \d+ notices?\) in 1 file analyzed\./);
    expect(output.includes('\u001b[')).toBe(false);
    expect(scan(root, { format: 'text', colour: true }).output.includes('\u001b[31merror')).toBe(true);
  });
});

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema with one rule per catalog entry', () => {
    const root = tempProject({ 'lib/tap_stack.py': brokenStack, 'tests/test_stack.py': seedTest });
    const log = JSON.parse(scan(root, { format: 'sarif' }).output);
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
    const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(catalog.map((entry) => entry.id));
    expect(core(log.runs[0].results)).toHaveLength(3);
    expect(core(log.runs[0].results)[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('lib/tap_stack.py');
    expect(log.runs[0].results[0].partialFingerprints['iacReview/v1']).toMatch(/^[0-9a-f]{20}$/);
  });
});

describe('iac-review diff', () => {
  it('reviews only changed files, and added files go through IAC701', () => {
    const root = tempProject({ 'lib/tap_stack.py': '"""Stack."""\nx = 1\n', 'lib/old.py': 'exec(legacy)\n' });
    git(root, 'init', '-q', '-b', 'main');
    commitAll(root, 'base');
    git(root, 'checkout', '-q', '-b', 'feature');
    writeFiles(root, { 'lib/tap_stack.py': brokenStack, 'test_integration.py': seedTest });
    commitAll(root, 'change');
    writeFiles(root, { 'lib/tap_stack.py': 'uncommitted = exec(x)\n' });
    const result = diffCommand({ base: 'main', head: 'HEAD', format: 'json', colour: false, cwd: root });
    const ids = core(JSON.parse(result.output).findings).map((f: { ruleId: string; path: string }) => `${f.ruleId} ${f.path}`);
    expect(ids).toEqual(['IAC301 lib/tap_stack.py', 'IAC701 test_integration.py', 'IAC307 test_integration.py', 'IAC101 test_integration.py']);
    expect(result.exitCode).toBe(1);
  });

  it('fails with a clear error for an unknown ref', () => {
    const root = tempProject({ 'a.py': 'x = 1\n' });
    git(root, 'init', '-q');
    commitAll(root, 'base');
    expect(() => diffCommand({ base: 'nope', head: 'HEAD', format: 'json', colour: false, cwd: root })).toThrow(/nope/);
  });
});

describe('iac-review rules', () => {
  it('lists every catalog rule and which have detectors', () => {
    const { output, exitCode } = rulesCommand('text');
    expect(exitCode).toBe(0);
    for (const entry of catalog) expect(output).toContain(entry.id);
    expect(output).toMatch(/25 detectors; IAC001, IAC002 and IAC003 are raised by the engine itself/);
    expect(output).toMatch(/^IAC307 +error +.*checks\/unsafe-code-execution\.ts$/m);
    const json = JSON.parse(rulesCommand('json').output);
    expect(json.rules).toHaveLength(catalog.length);
  });
});
