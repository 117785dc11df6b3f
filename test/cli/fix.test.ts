/**
 * `scan --fix` and `scan --diff` on real folders: the fixed files re-scan without the fixed
 * findings and still parse; overlapping fixes are skipped and said so; a diff writes nothing
 * and applies with `git apply`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCommand } from '../../src/cli/commands.js';
import { applyFixes } from '../../src/cli/fix-command.js';
import { scanTarget } from '../../src/cli/scan-target.js';
import type { Finding, TextEdit } from '../../src/api/types.js';
import { commitAll, git, tempProject } from '../support/temp-project.js';

const STACK = `"""The TAP stack."""
import pulumi
import pulumi_aws as aws


class TapStack:
    """VPC and logs bucket."""

    def __init__(self, name):
        self.vpc = aws.ec2.Vpc(f"{name}-vpc", cidrBlock="10.0.0.0/16", enable_dns_hostname=True)
        self.logs = aws.s3.BucketV2(f"{name}-logs")
        self.provider = aws.Provider("aws")
`;

/** A model answer: the same code in an indented fenced block (a list item), with CRLF line ends. */
const ANSWER = [
  '# Answer',
  '',
  '1. The stack:',
  '',
  '   ```python',
  '   import pulumi',
  '   import pulumi_aws as aws',
  '',
  '   class Network:',
  '       def __init__(self, name):',
  '           aws.ec2.Vpc(name, cidrBlock="10.0.0.0/16")',
  '   ```',
  '',
].join('\r\n');

const PARSE_RULES = new Set(['IAC101', 'IAC102', 'IAC002']);

function findings(root: string): Finding[] {
  return JSON.parse(scanCommand({ paths: [], format: 'json', colour: false, cwd: root }).output).findings;
}

describe('iac-review scan --fix', () => {
  it('applies every fix, the re-scan no longer has the fixed findings, and the files still parse', () => {
    const root = tempProject({ 'lib/tap_stack.py': STACK, 'lib/AWS_REGION': 'us-east-1\n', 'docs/answer.md': ANSWER, 'lib/bom.py': '\ufeffimport pulumi_aws as aws\n\naws.ec2.Vpc("v", cidrBlock="10.0.0.0/16")\n' });
    const before = findings(root).filter((finding) => finding.fix);
    expect(before.map((finding) => `${finding.ruleId} ${finding.path}:${finding.line}`).sort()).toEqual([
      'IAC104 lib/tap_stack.py:11',
      'IAC105 docs/answer.md:11',
      'IAC105 lib/bom.py:3',
      'IAC105 lib/tap_stack.py:10',
      'IAC105 lib/tap_stack.py:10',
      'IAC301 docs/answer.md:9',
      'IAC301 lib/tap_stack.py:6',
      'IAC302 lib/tap_stack.py:12',
    ]);

    const result = scanCommand({ paths: [], format: 'text', colour: false, cwd: root, fix: true });
    expect(result.output).toMatch(/^Applied 8 fix\(es\) to 3 file\(s\)\.$/m);
    expect(result.output).toMatch(/^fixed lib\/tap_stack\.py:10:\d+ IAC105: Rename `enable_dns_hostname` to `enable_dns_hostnames`$/m);
    expect(result.output).toMatch(/^Re-analysis of the written files: all 8 fixed finding\(s\) are gone\.$/m);

    const after = findings(root);
    expect(after.filter((finding) => finding.fix)).toEqual([]);
    expect(after.filter((finding) => /does not subclass|not an argument|spells it|built without `region`/.test(finding.message))).toEqual([]);
    expect(after.filter((finding) => PARSE_RULES.has(finding.ruleId))).toEqual([]);
    expect(after.filter((finding) => finding.ruleId === 'IAC104' || finding.ruleId === 'IAC105')).toEqual([]);

    expect(readFileSync(join(root, 'lib/tap_stack.py'), 'utf8')).toBe(
      STACK.replace('class TapStack:', 'class TapStack(pulumi.ComponentResource):')
        .replace('def __init__(self, name):', 'def __init__(self, name, opts=None):\n        super().__init__("pkg:index:TapStack", name, None, opts)')
        .replace('cidrBlock=', 'cidr_block=')
        .replace('enable_dns_hostname=', 'enable_dns_hostnames=')
        .replace('BucketV2', 'Bucket')
        .replace('aws.Provider("aws")', 'aws.Provider("aws", region="us-east-1")'),
    );
    // Inside the Markdown block: the block's indentation and the file's CRLF line ends.
    const answer = readFileSync(join(root, 'docs/answer.md'), 'utf8');
    expect(answer).toContain('   class Network(pulumi.ComponentResource):\r\n       def __init__(self, name, opts=None):\r\n           super().__init__("pkg:index:Network", name, None, opts)\r\n           aws.ec2.Vpc(name, cidr_block="10.0.0.0/16")\r\n   ```');
    expect(answer.split('\r\n')).toHaveLength(ANSWER.split('\r\n').length + 1);
    // The byte-order mark stays.
    expect(readFileSync(join(root, 'lib/bom.py'), 'utf8')).toBe('\ufeffimport pulumi_aws as aws\n\naws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\n');
  });

  it('skips a fix that overlaps one already taken and says so', () => {
    const code = 'import pulumi_aws as aws\n\naws.ec2.Vpc("v", cidr_block="10.0.0.0/16", enable_dns_hostname=True)\n';
    const root = tempProject({ 'lib/net.py': code });
    const target = scanTarget({ paths: [], cwd: root });
    const before = target.analyse();
    const rename = before.findings.find((finding) => finding.ruleId === 'IAC105') as Finding;
    // A second finding whose fix rewrites the same argument differently: only the first is taken.
    const rival: Finding = { ...rename, ruleId: 'IAC104', message: 'rival', fix: { description: 'Rival', edits: [{ ...(rename.fix?.edits[0] as TextEdit), text: 'enable_dns' }] } };
    const { lines } = applyFixes(target, { ...before, findings: [...before.findings, rival] });
    expect(lines).toContain('Applied 1 fix(es) to 1 file(s).');
    expect(lines).toContain('skipped lib/net.py:3:44 IAC104: its fix overlaps the fix of lib/net.py:3:44 IAC105; run --fix again to apply it');
    expect(readFileSync(join(root, 'lib/net.py'), 'utf8')).toBe(code.replace('enable_dns_hostname=', 'enable_dns_hostnames='));
  });

  it('--diff prints the fixes as a unified diff that git applies, and writes nothing', () => {
    const root = tempProject({ 'infra/lib/tap_stack.py': STACK, 'infra/lib/AWS_REGION': 'us-east-1\n' });
    git(root, 'init', '-q');
    commitAll(root, 'base');
    const result = scanCommand({ paths: ['infra'], format: 'text', colour: false, cwd: root, diff: true });
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/^--- a\/infra\/lib\/tap_stack\.py\n\+\+\+ b\/infra\/lib\/tap_stack\.py\n@@ /);
    expect(result.output).toContain('+class TapStack(pulumi.ComponentResource):');
    expect(result.output).toContain('-        self.logs = aws.s3.BucketV2(f"{name}-logs")');
    expect(result.notes?.[0]).toMatch(/^5 fix\(es\) in 1 file\(s\) shown as a diff; nothing was written\.$/);
    expect(readFileSync(join(root, 'infra/lib/tap_stack.py'), 'utf8')).toBe(STACK);
    const patch = join(root, 'fixes.patch');
    writeFileSync(patch, result.output);
    git(root, 'apply', '--check', patch);
    git(root, 'apply', patch);
    expect(readFileSync(join(root, 'infra/lib/tap_stack.py'), 'utf8')).toContain('self.provider = aws.Provider("aws", region="us-east-1")');
  });

  it('adds the NAT gateway\'s depends_on / dependsOn (IAC501, Python and TypeScript), and waits for Outputs in JSON and templates (IAC109)', () => {
    const network = [
      '"""The network and its bucket policy."""',
      'import json',
      '',
      'import pulumi',
      'import pulumi_aws as aws',
      '',
      'vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")',
      'public = aws.ec2.Subnet("public", vpc_id=vpc.id, cidr_block="10.0.1.0/24")',
      'igw = aws.ec2.InternetGateway("igw", vpc_id=vpc.id)',
      'eip = aws.ec2.Eip("nat", domain="vpc")',
      'nat = aws.ec2.NatGateway("nat", subnet_id=public.id, allocation_id=eip.id, opts=pulumi.ResourceOptions(protect=True))',
      'logs = aws.s3.Bucket("logs")',
      'aws.s3.BucketPolicy("logs", bucket=logs.id, policy=json.dumps({"Statement": [{"Effect": "Deny", "Resource": logs.arn}]}))',
      '',
    ].join('\n');
    const site = 'import * as pulumi from "@pulumi/pulumi";\nimport * as aws from "@pulumi/aws";\n\nconst bucket = new aws.s3.Bucket("site");\nnew aws.s3.BucketObject("index", { bucket: bucket.id, content: `<a href="http://${bucket.websiteEndpoint}">home</a>` });\n';
    const tsNetwork = [
      'import * as pulumi from "@pulumi/pulumi";',
      'import * as aws from "@pulumi/aws";',
      '',
      'export class Network extends pulumi.ComponentResource {',
      '    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {',
      '        super("x:net:Network", name, {}, opts);',
      '        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" }, { parent: this });',
      '        const subnet = new aws.ec2.Subnet("public", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24" }, { parent: this });',
      '        const igw = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id }, { parent: this });',
      '        const eip = new aws.ec2.Eip("nat", { domain: "vpc" }, { parent: this });',
      '        new aws.ec2.NatGateway("nat", { subnetId: subnet.id, allocationId: eip.id }, {',
      '            parent: this,',
      '        });',
      '    }',
      '}',
      'new Network("net");',
      '',
    ].join('\n');
    const root = tempProject({ 'lib/network.py': network, 'lib/AWS_REGION': 'us-east-1\n', 'site/index.ts': site, 'net/index.ts': tsNetwork });
    const result = scanCommand({ paths: [], format: 'text', colour: false, cwd: root, fix: true });
    expect(result.output).toMatch(/^fixed lib\/network\.py:11:7 IAC501: Add `depends_on=\[igw\]`$/m);
    expect(result.output).toMatch(/^fixed lib\/network\.py:13:\d+ IAC109: Use `pulumi\.Output\.json_dumps`$/m);
    expect(result.output).toMatch(/^fixed site\/index\.ts:5:\d+ IAC109: Tag the template literal with `pulumi\.interpolate`$/m);
    expect(result.output).toMatch(/^fixed net\/index\.ts:11:\d+ IAC501: Add `dependsOn: \[igw\]`$/m);
    expect(result.output).toMatch(/^Re-analysis of the written files: all 4 fixed finding\(s\) are gone\.$/m);
    expect(readFileSync(join(root, 'lib/network.py'), 'utf8')).toBe(
      network.replace('opts=pulumi.ResourceOptions(protect=True)', 'opts=pulumi.ResourceOptions(protect=True, depends_on=[igw])').replace('policy=json.dumps(', 'policy=pulumi.Output.json_dumps('),
    );
    expect(readFileSync(join(root, 'site/index.ts'), 'utf8')).toBe(site.replace('content: `', 'content: pulumi.interpolate`'));
    expect(readFileSync(join(root, 'net/index.ts'), 'utf8')).toBe(tsNetwork.replace('parent: this,\n', 'parent: this,\n            dependsOn: [igw],\n'));
    const after = findings(root);
    expect(after.filter((finding) => ['IAC501', 'IAC109', ...PARSE_RULES].includes(finding.ruleId))).toEqual([]);
  });

  it('--diff on a folder with nothing to fix prints nothing and exits 0', () => {
    const root = tempProject({ 'lib/ok.py': '"""Fine."""\nx = 1\n' });
    expect(scanCommand({ paths: [], format: 'text', colour: false, cwd: root, diff: true })).toMatchObject({ output: '', exitCode: 0 });
  });
});
