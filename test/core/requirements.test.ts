/**
 * Requirements from the base, through the public engine: with `base` given (the App, `diff`),
 * the region, environment, structure and configuration come from the base commit, a change
 * that edits one of them gets an IAC003 notice naming the old and new value, and no
 * suppression comment in the change silences it.
 */
import { describe, expect, it } from 'vitest';
import { catalogIds, parseConfigText, resolveConfig, reviewWithCatalog, type BaseRequirements, type InputFile } from '../../src/core/index.js';

const config = resolveConfig({}, catalogIds);

const STACK_CODE =
  'import pulumi\nimport pulumi_aws as aws\n\n' +
  'provider = aws.Provider("aws", region="us-west-2")\n' +
  'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16", opts=pulumi.ResourceOptions(provider=provider))\n' +
  'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block="10.0.1.0/24", availability_zone="us-west-2a",\n' +
  '    opts=pulumi.ResourceOptions(provider=provider))\n';

function baseOf(texts: Record<string, string>, extra: Partial<BaseRequirements> = {}): BaseRequirements {
  return { project: { paths: Object.keys(texts), readFile: (path) => texts[path] }, ...extra };
}

function review(files: InputFile[], base?: BaseRequirements, reviewConfig = config) {
  return reviewWithCatalog({ files, config: reviewConfig, mode: 'change', ...(base ? { base } : {}) });
}

const ids = (result: ReturnType<typeof review>) => result.findings.map((finding) => finding.ruleId);
const notices = (result: ReturnType<typeof review>) => result.findings.filter((finding) => finding.ruleId === 'IAC003').map((finding) => `${finding.path}: ${finding.message}`);

describe('requirements from the base commit', () => {
  it('a change that moves lib/AWS_REGION with the code is still reviewed against the base region, and the move is reported', () => {
    const files: InputFile[] = [
      { path: 'lib/tap_stack.py', content: STACK_CODE, status: 'added' },
      { path: 'lib/AWS_REGION', content: 'us-west-2\n', status: 'modified' },
    ];
    // Read from the head (no base given, as a scan does), the change passes IAC201 ...
    expect(ids(review(files))).not.toContain('IAC201');
    // ... read from the base, it does not.
    const result = review(files, baseOf({ 'lib/AWS_REGION': 'us-east-1\n' }));
    expect(ids(result)).toContain('IAC201');
    expect(result.settings).toMatchObject({ region: 'us-east-1', regionSource: 'lib/AWS_REGION' });
    expect(notices(result)).toEqual([
      'lib/AWS_REGION: Review requirement changed: the required region in lib/AWS_REGION goes from us-east-1 to us-west-2; this review keeps the base commit’s value; the new one takes effect once merged.',
    ]);
    expect(result.findings.find((finding) => finding.ruleId === 'IAC003')).toMatchObject({ severity: 'notice', line: 1 });
  });

  it('a requirement the change does not touch is the base’s, and not reported even when the head differs', () => {
    const files: InputFile[] = [{ path: 'lib/tap_stack.py', content: STACK_CODE.replace(/us-west-2/g, 'eu-west-1'), status: 'added' }];
    const result = review(files, baseOf({ 'lib/AWS_REGION': 'eu-west-1\n' }));
    expect(result.settings.region).toBe('eu-west-1');
    expect(ids(result)).not.toContain('IAC201');
    expect(notices(result)).toEqual([]);
  });

  it('stack files: a changed aws:region and a removed production stack are reported; the base environment stays', () => {
    const files: InputFile[] = [{ path: 'Pulumi.staging.yaml', content: 'config:\n  aws:region: us-west-2\n', status: 'modified' }];
    const base = baseOf({ 'Pulumi.staging.yaml': 'config:\n  aws:region: us-east-1\n', 'Pulumi.prod.yaml': 'config:\n  aws:region: us-east-1\n' }, { removed: ['Pulumi.prod.yaml'] });
    const result = review(files, base);
    expect(result.settings).toMatchObject({ environment: 'production', production: true });
    expect(notices(result)).toEqual([
      'Pulumi.prod.yaml: Review requirement changed: `aws:region` in Pulumi.prod.yaml goes from us-east-1 to (none); this review keeps the base commit’s value; the new one takes effect once merged.',
      'Pulumi.prod.yaml: Review requirement changed: the environment in Pulumi.prod.yaml goes from production to (none); this review keeps the base commit’s value; the new one takes effect once merged.',
      'Pulumi.staging.yaml: Review requirement changed: `aws:region` in Pulumi.staging.yaml goes from us-east-1 to us-west-2; this review keeps the base commit’s value; the new one takes effect once merged.',
    ]);
  });

  it('the configuration: each changed key is reported with both values; the base one is in force', () => {
    const baseConfig = parseConfigText('fail_on: error\nstructure:\n  allowed: ["lib/**"]\n', catalogIds);
    const headConfig = parseConfigText('fail_on: notice\nstructure:\n  allowed: ["lib/**", "scratch/**"]\n', catalogIds);
    const files: InputFile[] = [
      { path: '.github/iac-review.yml', content: 'fail_on: notice\n', status: 'modified' },
      { path: 'scratch/notes.py', content: '"""Notes."""\n', status: 'added' },
    ];
    const result = review(files, baseOf({}, { headConfig: { config: headConfig } }), baseConfig);
    expect(result.settings.allowedStructure).toEqual(['lib/**']);
    expect(ids(result)).toContain('IAC701');
    expect(notices(result)).toEqual([
      '.github/iac-review.yml: Review requirement changed: `structure.allowed` in .github/iac-review.yml goes from ["lib/**"] to ["lib/**","scratch/**"]; this review keeps the base commit’s value; the new one takes effect once merged.',
      '.github/iac-review.yml: Review requirement changed: `fail_on` in .github/iac-review.yml goes from error to notice; this review keeps the base commit’s value; the new one takes effect once merged.',
    ]);
  });

  it('turning review.new_only off in the pull request is reported too (the base value keeps deciding)', () => {
    const headConfig = parseConfigText('review:\n  new_only: false\n', catalogIds);
    const files: InputFile[] = [{ path: '.github/iac-review.yml', content: 'review:\n  new_only: false\n', status: 'modified' }];
    const result = review(files, baseOf({}, { headConfig: { config: headConfig } }), parseConfigText('', catalogIds));
    expect(notices(result)).toEqual([
      '.github/iac-review.yml: Review requirement changed: `review.new_only` in .github/iac-review.yml goes from (none) to false; this review keeps the base commit’s value; the new one takes effect once merged.',
    ]);
  });

  it('an invalid configuration at the head is a warning; the base configuration is used', () => {
    const files: InputFile[] = [{ path: '.github/iac-review.yml', content: 'fail_on: sometimes\n', status: 'modified' }];
    const result = review(files, baseOf({}, { headConfig: { invalid: 'fail_on: Invalid option' } }));
    expect(result.findings.filter((finding) => finding.ruleId === 'IAC003').map((finding) => [finding.severity, finding.message])).toEqual([
      ['warning', 'Review requirement changed: .github/iac-review.yml at the head is invalid (fail_on: Invalid option); this review uses the base commit’s configuration, and once merged every review fails until it is fixed.'],
    ]);
  });

  it('a suppression comment in the changed file does not silence the report', () => {
    const files: InputFile[] = [{ path: 'Pulumi.prod.yaml', content: '# iac-review: ignore[IAC003] routine update\nconfig:\n  aws:region: us-west-2\n', status: 'modified' }];
    const result = review(files, baseOf({ 'Pulumi.prod.yaml': 'config:\n  aws:region: us-east-1\n' }));
    expect(notices(result)).toHaveLength(1);
    expect(result.settings.region).toBe('us-east-1');
  });
});
