/**
 * The GitHub Action: action.yml hands every input to the entry, and the entry, run with the
 * environment GitHub gives a step (the pull_request event payload, a checkout with the base and
 * head commits, the GITHUB_OUTPUT file), annotates through workflow commands, writes the SARIF
 * file and exits as the CLI does. No network: the workflow's checkout is a local repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ActionError, actionInputs, changeOf, planAction } from '../../src/cli/action.js';
import { commitAll, git, tempProject, writeFiles } from '../support/temp-project.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = join(ROOT, 'src/cli/action-main.ts');

const HANDLER_TEST = `"""Tests for the handler."""
import sys


def test_handler():
    exec(sys.argv[1])
`;

const STACK = `"""TapStack: the network of the TAP project."""
import pulumi
import pulumi_aws as aws


class TapStack(pulumi.ComponentResource):
    """The stack."""

    def __init__(self, name: str, opts: pulumi.ResourceOptions | None = None):
        super().__init__("tap:stack:TapStack", name, None, opts)
        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidrBlock="10.0.0.0/16", opts=pulumi.ResourceOptions(parent=self))
        self.register_outputs({"vpc_id": self.vpc.id})
`;

/** A checkout as actions/checkout leaves it with fetch-depth: 0: base and head commits both present. */
function checkout(baseFiles: Record<string, string> = {}): { root: string; base: string; head: string } {
  const root = tempProject({ 'tests/test_handler.py': HANDLER_TEST, 'lib/AWS_REGION': 'us-east-1\n', 'Pulumi.yaml': 'name: tap\nruntime: python\n', ...baseFiles });
  git(root, 'init', '-q', '-b', 'main');
  commitAll(root, 'base');
  const base = git(root, 'rev-parse', 'HEAD').trim();
  git(root, 'checkout', '-q', '-b', 'feature');
  // The pull request edits the docstring of the test with the old exec, and adds a stack with a misspelled argument.
  writeFiles(root, { 'tests/test_handler.py': HANDLER_TEST.replace('Tests for', 'Unit tests for'), 'lib/tap_stack.py': STACK });
  commitAll(root, 'stack');
  return { root, base, head: git(root, 'rev-parse', 'HEAD').trim() };
}

/** The pull_request webhook fixture as GitHub writes it to GITHUB_EVENT_PATH, with this checkout's commits. */
function pullRequestEvent(folder: string, base: string, head: string): string {
  const event = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/pull_request.opened.json'), 'utf8'));
  event.pull_request.base.sha = base;
  event.pull_request.head.sha = head;
  const path = join(folder, 'event.json');
  writeFileSync(path, JSON.stringify(event));
  return path;
}

/** The variables GitHub sets for the step, with the inputs as action.yml passes them (defaults unless given). */
function stepEnvironment(root: string, base: string, head: string, inputs: Record<string, string> = {}): Record<string, string> {
  const runner = tempProject({ 'output.txt': '' });
  const defaults: Record<string, string> = { config: '', format: 'github', 'fail-on': '', 'new-only': '', 'sarif-file': 'iac-review.sarif', base: '', head: '' };
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: pullRequestEvent(runner, base, head),
    GITHUB_WORKSPACE: root,
    GITHUB_OUTPUT: join(runner, 'output.txt'),
    GITHUB_SHA: 'f'.repeat(40),
  };
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  return env;
}

function runEntry(env: Record<string, string>): { status: number | null; stdout: string; stderr: string; outputs: Record<string, string> } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', ENTRY], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(env.GITHUB_OUTPUT as string, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, outputs };
}

describe('action.yml', () => {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8'));

  it('is a composite action that builds the CLI and runs the entry with every input as INPUT_*', () => {
    expect(action.runs.using).toBe('composite');
    const steps: { id?: string; run?: string; env?: Record<string, string>; shell?: string }[] = action.runs.steps;
    expect(steps.some((step) => /npm ci\b/.test(step.run ?? '') && /npm run build/.test(step.run ?? ''))).toBe(true);
    const review = steps.find((step) => step.id === 'review');
    expect(review?.shell).toBe('bash');
    const entry = /node "\$GITHUB_ACTION_PATH\/dist\/(src\/cli\/[\w-]+)\.js"/.exec(review?.run ?? '')?.[1];
    expect(entry).toBe('src/cli/action-main');
    expect(existsSync(join(ROOT, `${entry}.ts`))).toBe(true);
    for (const name of Object.keys(action.inputs)) expect(review?.env?.[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], name).toBe(`\${{ inputs.${name} }}`);
    expect(Object.keys(review?.env ?? {})).toHaveLength(Object.keys(action.inputs).length);
    expect(action.outputs['exit-code'].value).toBe('${{ steps.review.outputs.exit-code }}');
  });

  it('is documented with a copy-paste workflow: full checkout, this action, SARIF upload of its output', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /Copy this to `\.github\/workflows\/iac-review\.yml`:\n\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    const workflow = parseYaml(block ?? '');
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toMatchObject({ 'security-events': 'write' });
    const [checkoutStep, review, upload] = workflow.jobs.review.steps;
    expect(checkoutStep).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(review.uses).toMatch(/^iac-review\/iac-review@/);
    for (const input of Object.keys(review.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    expect(upload).toMatchObject({ uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: `\${{ steps.${review.id}.outputs.sarif-file }}` } });
    expect(upload.if).toMatch(/!cancelled\(\)/);
  });

  it('reads the inputs as action.yml names them, and refuses values the CLI would not take', () => {
    const inputs = Object.fromEntries(Object.entries(action.inputs as Record<string, { default: string }>).map(([name, input]) => [`INPUT_${name.toUpperCase().replace(/-/g, '_')}`, input.default]));
    expect(actionInputs(inputs)).toEqual({ config: '', format: 'github', failOn: '', newOnly: '', sarifFile: 'iac-review.sarif', base: '', head: '' });
    expect(() => actionInputs({ ...inputs, INPUT_FAIL_ON: 'critical' })).toThrow(/input fail-on: "critical" is not one of error, warning, notice/);
    expect(() => actionInputs({ ...inputs, INPUT_FORMAT: 'html' })).toThrow(ActionError);
    expect(() => actionInputs({ ...inputs, INPUT_NEW_ONLY: 'yes' })).toThrow(/new-only/);
  });
});

describe('the change the workflow runs for', () => {
  it('comes from the pull_request payload, merge_group, or a push to an existing branch; the inputs win', () => {
    const folder = tempProject({
      'pr.json': JSON.stringify({ pull_request: { base: { sha: 'b1' }, head: { sha: 'h1' } } }),
      'queue.json': JSON.stringify({ merge_group: { base_sha: 'b2', head_sha: 'h2' } }),
      'push.json': JSON.stringify({ before: 'b3', after: 'h3' }),
      'new-branch.json': JSON.stringify({ before: '0'.repeat(40), after: 'h4' }),
    });
    const at = (name: string) => ({ GITHUB_EVENT_PATH: join(folder, name), GITHUB_EVENT_NAME: name.replace('.json', '') });
    const noInputs = { base: '', head: '' };
    expect(changeOf(at('pr.json'), noInputs)).toEqual({ base: 'b1', head: 'h1' });
    expect(changeOf(at('queue.json'), noInputs)).toEqual({ base: 'b2', head: 'h2' });
    expect(changeOf(at('push.json'), noInputs)).toEqual({ base: 'b3', head: 'h3' });
    expect(changeOf(at('pr.json'), { base: 'main', head: '' })).toEqual({ base: 'main', head: 'h1' });
    expect(() => changeOf(at('new-branch.json'), noInputs)).toThrow(/names no base commit.*set the base input/);
    expect(changeOf({}, { base: 'main', head: 'HEAD' })).toEqual({ base: 'main', head: 'HEAD' });
  });

  it('plans `iac-review diff` with the inputs as flags; new-only follows the base configuration, else on', () => {
    const { root, base, head } = checkout();
    const plan = planAction(stepEnvironment(root, base, head, { 'fail-on': 'warning', config: '.github/ci.yml' }));
    expect(plan.args).toEqual(['diff', '--base', base, '--head', head, '--format', 'github', '--new-only', '--config', join(root, '.github/ci.yml'), '--fail-on', 'warning', '--sarif-output', join(root, 'iac-review.sarif')]);
    expect(planAction(stepEnvironment(root, base, head, { 'new-only': 'false', 'sarif-file': '' })).args).toEqual(['diff', '--base', base, '--head', head, '--format', 'github', '--no-new-only']);

    const off = checkout({ '.github/iac-review.yml': 'review:\n  new_only: false\n' });
    expect(planAction(stepEnvironment(off.root, off.base, off.head)).args).toContain('--no-new-only');
  });

  it('says what to do when a commit is not in the checkout (a shallow clone)', () => {
    const { root, head } = checkout();
    expect(() => planAction(stepEnvironment(root, 'a'.repeat(40), head))).toThrow(/base commit a{40} is not in the checkout: .*fetch-depth: 0/);
  });
});

describe('the action entry in a workflow step', () => {
  it('annotates the new findings, notes the old ones, writes SARIF and the outputs, and fails the step', () => {
    const { root, base, head } = checkout();
    const run = runEntry(stepEnvironment(root, base, head));
    expect(run.stderr).toContain(`iac-review diff --base ${base} --head ${head} --format github --new-only --sarif-output ${join(root, 'iac-review.sarif')}`);
    expect(run.status).toBe(1);

    const commands = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    // The misspelled argument the pull request wrote: an error annotation on its line.
    expect(commands).toContainEqual(expect.stringMatching(/^::error file=lib\/tap_stack\.py,line=11,endLine=11,title=IAC105 Unknown resource or argument,col=47,endColumn=55::/));
    // The exec the base already had: a notice, not counted.
    expect(commands).toContainEqual(expect.stringMatching(/^::notice file=tests\/test_handler\.py,line=6,.*title=\(pre-existing\) IAC307 /));
    expect(commands.filter((line) => line.startsWith('::error')).every((line) => line.includes('file=lib/tap_stack.py'))).toBe(true);

    const sarif = JSON.parse(readFileSync(join(root, 'iac-review.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const results: { ruleId: string; baselineState?: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] = sarif.runs[0].results;
    expect(results).toContainEqual(expect.objectContaining({ ruleId: 'IAC105', locations: [expect.objectContaining({ physicalLocation: expect.objectContaining({ artifactLocation: { uri: 'lib/tap_stack.py', uriBaseId: '%SRCROOT%' } }) })] }));
    expect(results.find((result) => result.ruleId === 'IAC307')?.baselineState).toBe('unchanged');
    expect(sarif.runs[0].automationDetails.id).toBe('iac-review/diff/');

    expect(run.outputs).toEqual({ 'exit-code': '1', 'sarif-file': join(root, 'iac-review.sarif'), base, head });
  });

  it('passes a change whose only findings the base had, and exits 2 with an annotation on a bad input', () => {
    const { root, base } = checkout();
    writeFiles(root, { 'lib/tap_stack.py': STACK.replace('cidrBlock', 'cidr_block') });
    commitAll(root, 'spelling');
    const fixed = git(root, 'rev-parse', 'HEAD').trim();
    const pass = runEntry(stepEnvironment(root, base, fixed, { 'sarif-file': '' }));
    expect(pass.status).toBe(0);
    expect(pass.stdout).not.toMatch(/^::error/m);
    expect(pass.outputs).toMatchObject({ 'exit-code': '0', 'sarif-file': '' });

    const bad = runEntry(stepEnvironment(root, base, fixed, { 'fail-on': 'critical' }));
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/^::error title=iac-review::input fail-on: "critical" is not one of error, warning, notice$/m);
    expect(bad.outputs).toEqual({ 'exit-code': '2' });
  });
});
