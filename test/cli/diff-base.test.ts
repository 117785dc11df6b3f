/**
 * `iac-review diff` reads what the review demands at the base ref, as the App does: a branch
 * that moves lib/AWS_REGION together with the code, or relaxes `.github/iac-review.yml`, is
 * still reviewed against the base's requirements, and the move is reported (IAC003). A real
 * git repository in a temporary folder.
 */
import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/cli/commands.js';
import { commitAll, git, tempProject, writeFiles } from '../support/temp-project.js';

const stack = (region: string) =>
  '"""Stack."""\nimport pulumi\nimport pulumi_aws as aws\n\n' +
  `provider = aws.Provider("aws", region="${region}")\n` +
  'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(provider=provider))\n' +
  `aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="${region}a",\n` +
  '    opts=pulumi.ResourceOptions(provider=provider))\n';

interface JsonFinding {
  ruleId: string;
  path: string;
  severity: string;
  message: string;
}

function repository(files: Record<string, string>): string {
  const root = tempProject(files);
  git(root, 'init', '-q', '-b', 'main');
  commitAll(root, 'base');
  git(root, 'checkout', '-q', '-b', 'feature');
  return root;
}

function diff(root: string) {
  const result = diffCommand({ base: 'main', head: 'HEAD', format: 'json', colour: false, cwd: root });
  return { exitCode: result.exitCode, findings: JSON.parse(result.output).findings as JsonFinding[] };
}

describe('iac-review diff: requirements from the base ref', () => {
  it('a branch that moves lib/AWS_REGION with the code is reviewed against the base region, and the move is reported', () => {
    const root = repository({ 'lib/AWS_REGION': 'us-east-1\n', 'lib/tap_stack.py': stack('us-east-1') });
    writeFiles(root, { 'lib/AWS_REGION': 'us-west-2\n', 'lib/tap_stack.py': stack('us-west-2') });
    commitAll(root, 'move to us-west-2');
    const { exitCode, findings } = diff(root);
    expect(findings.map((finding) => finding.ruleId)).toContain('IAC201');
    expect(findings.filter((finding) => finding.ruleId === 'IAC003')).toEqual([
      expect.objectContaining({ path: 'lib/AWS_REGION', severity: 'notice', message: expect.stringMatching(/^Review requirement changed: the required region in lib\/AWS_REGION goes from us-east-1 to us-west-2;/) }),
    ]);
    expect(exitCode).toBe(1);
  });

  it('a branch that relaxes the configuration is reviewed with the base configuration, and the change is reported', () => {
    const root = repository({ '.github/iac-review.yml': 'fail_on: error\n', 'lib/runner.py': '"""Runs."""\n' });
    writeFiles(root, { '.github/iac-review.yml': 'fail_on: notice\nrules:\n  IAC307: "off"\n', 'lib/runner.py': '"""Runs."""\nimport sys\n\nexec(sys.argv[1])\n' });
    commitAll(root, 'relax');
    const { exitCode, findings } = diff(root);
    expect(findings.filter((finding) => finding.ruleId === 'IAC307').map((finding) => finding.severity)).toEqual(['error']);
    expect(findings.filter((finding) => finding.ruleId === 'IAC003').map((finding) => finding.message.split(';')[0])).toEqual([
      'Review requirement changed: `rules` in .github/iac-review.yml goes from {} to {"IAC307":"off"}',
      'Review requirement changed: `fail_on` in .github/iac-review.yml goes from error to notice',
    ]);
    expect(exitCode).toBe(1);
  });

  it('a requirement the base changed after the branch was made is the base’s, and not reported', () => {
    const root = repository({ 'lib/AWS_REGION': 'us-east-1\n', 'lib/tap_stack.py': stack('us-east-1') });
    writeFiles(root, { 'lib/tap_stack.py': stack('eu-west-1') });
    commitAll(root, 'follow the new region');
    git(root, 'checkout', '-q', 'main');
    writeFiles(root, { 'lib/AWS_REGION': 'eu-west-1\n' });
    commitAll(root, 'new region');
    git(root, 'checkout', '-q', 'feature');
    const { findings } = diff(root);
    expect(findings.map((finding) => finding.ruleId)).not.toContain('IAC201');
    expect(findings.map((finding) => finding.ruleId)).not.toContain('IAC003');
  });
});
