import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
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

  it('--fail-on overrides fail_on; --sarif-output writes the SARIF report beside any format', () => {
    const root = tempProject({ 'lib/a.py': EXEC, '.github/iac-review.yml': 'rules:\n  IAC307: warning\n' });
    expect(scan(root).exitCode).toBe(0);
    const strict = scan(root, { failOn: 'warning', format: 'text', sarifOutput: 'reports/iac-review.sarif' });
    expect(strict.exitCode).toBe(1);
    expect(strict.output).toMatch(/IAC307/);
    const sarif = JSON.parse(readFileSync(`${root}/reports/iac-review.sarif`, 'utf8'));
    expect(sarif.runs[0].results.map((result: { ruleId: string; level: string }) => `${result.ruleId} ${result.level}`)).toContain('IAC307 warning');
    expect(JSON.parse(scan(root, { failOn: 'notice' }).output).summary).toMatchObject({ failOn: 'notice', failed: true });
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

  it('writes text grouped by file: position, severity, rule, message, title, docs link, fix hint, categories', () => {
    const root = tempProject({ 'lib/a.py': EXEC });
    const { output } = scan(root, { format: 'text' });
    expect(output).toMatch(/^lib\/a\.py\n {2}4:1 +error +IAC307 +`exec\(\)` executes/m);
    expect(output).toContain('Unsafe code execution (exec, eval, shell) · https://github.com/iac-review/iac-review/blob/main/README.md#iac307');
    expect(output).toMatch(/^ +fix: Import the module under test/m);
    expect(output).toMatch(/^By category:\n {2}Security +1 +\(1 error, 0 warnings, 0 notices\)/m);
    expect(output).toMatch(/\d+ findings? \(\d+ errors?, \d+ warnings?, \d+ notices?\) in 1 file analyzed\./);
    expect(output.includes('\u001b[')).toBe(false);
    expect(scan(root, { format: 'text', colour: true }).output.includes('\u001b[31merror')).toBe(true);
  });

  it('--quiet lists errors only, --statistics counts per rule', () => {
    const vpc = '"""B."""\nimport pulumi_aws as aws\n\naws.ec2.Vpc("v", cidr_block="10.0.0.0/16", enable_dns_hostname=True)\n';
    const root = tempProject({ 'lib/a.py': EXEC, 'lib/b.py': vpc });
    const quiet = scan(root, { format: 'text', quiet: true }).output;
    const listed = quiet.split('\n').filter((line) => line.startsWith('lib/'));
    expect(listed.length).toBeGreaterThan(0);
    for (const line of listed) expect(line).toMatch(/^lib\/[ab]\.py:\d+:\d+: error IAC\d{3} /);
    expect(quiet).not.toMatch(/warning IAC|By category/);
    const statistics = scan(root, { format: 'text', statistics: true }).output;
    expect(statistics).toMatch(/^count +rule +fixable +title$/m);
    expect(statistics).toMatch(/^ +1 +IAC307 +0 +Unsafe code execution/m);
    expect(statistics).toMatch(/^ +1 +IAC105 +1 +Unknown resource or argument/m);
    expect(statistics).not.toContain('lib/a.py');
  });

  it('does not let a file name steer the terminal', () => {
    const root = tempProject({ 'lib/\u001b[2Jx.py': EXEC });
    const { output } = scan(root, { format: 'text' });
    expect(output).not.toContain('\u001b[2J');
    expect(output).toContain('\\x1b[2Jx.py');
  });
});

/** The SARIF 2.1.0 schema (OASIS, as published to schemastore: sarif-2.1.0-rtm.5), bundled as a test fixture. */
function sarifValidator() {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema with one rule per catalog entry', () => {
    const root = tempProject({ 'lib/tap_stack.py': brokenStack, 'tests/test_stack.py': seedTest });
    const log = JSON.parse(scan(root, { format: 'sarif' }).output);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(catalog.map((entry) => entry.id));
    expect(core(log.runs[0].results)).toHaveLength(3);
    expect(core(log.runs[0].results)[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('lib/tap_stack.py');
    expect(log.runs[0].results[0].partialFingerprints['iacReview/v1']).toMatch(/^[0-9a-f]{20}$/);
  });

  it('is ready for code scanning: security severity, versions, automation details, %SRCROOT% and repository paths', () => {
    const root = tempProject({ 'infra/lib/tap_stack.py': 'import pulumi\nimport pulumi_aws as aws\n\naws.ec2.Vpc("v", cidrBlock="10.0.0.0/16")\nexec(x)\n' });
    git(root, 'init', '-q');
    const log = JSON.parse(scanCommand({ paths: ['infra'], format: 'sarif', colour: false, cwd: root }).output);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const [run] = log.runs;
    expect(run.tool.driver.semanticVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.automationDetails.id).toBe('iac-review/scan/');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(root).href}/`);
    const rules = new Map<string, { properties: Record<string, unknown> }>(run.tool.driver.rules.map((rule: { id: string; properties: Record<string, unknown> }) => [rule.id, rule]));
    expect(rules.get('IAC307')?.properties).toMatchObject({ 'security-severity': '8.0', tags: ['security', 'Security'] });
    expect(rules.get('IAC101')?.properties['security-severity']).toBeUndefined();
    // Scanned from the subfolder, paths still start at the repository root.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed SARIF JSON
    const byRule = new Map<string, Record<string, any>>(run.results.map((result: { ruleId: string }) => [result.ruleId, result]));
    expect(byRule.get('IAC307')?.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'infra/lib/tap_stack.py', uriBaseId: '%SRCROOT%' });
    expect(byRule.get('IAC105')).toMatchObject({
      fixes: [
        {
          description: { text: 'Rename `cidrBlock` to `cidr_block`' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'infra/lib/tap_stack.py', uriBaseId: '%SRCROOT%' },
              replacements: [{ deletedRegion: { startLine: 4, startColumn: 18, endLine: 4, endColumn: 27 }, insertedContent: { text: 'cidr_block' } }],
            },
          ],
        },
      ],
    });
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
    expect(output).toMatch(/32 detectors; IAC001, IAC002 and IAC003 are raised by the engine itself/);
    expect(output).toMatch(/^IAC307 +error +.*checks\/unsafe-code-execution\.ts$/m);
    const json = JSON.parse(rulesCommand('json').output);
    expect(json.rules).toHaveLength(catalog.length);
  });
});
