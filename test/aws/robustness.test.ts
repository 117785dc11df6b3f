import { describe, expect, it } from 'vitest';
import { deprecatedApi } from '../../checks/deprecated-api.js';
import { unknownResourceOrArgument } from '../../checks/unknown-resource-or-argument.js';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import { review } from '../../src/core/review.js';

function findings(code: string) {
  return review({
    files: [{ path: 'lib/tap_stack.py', content: code }],
    config: resolveConfig({}, catalogIds),
    mode: 'scan',
    rules: [unknownResourceOrArgument, deprecatedApi],
    knownRuleIds: catalogIds,
    project: { paths: [], readFile: () => undefined },
  }).findings;
}

describe('IAC104/IAC105 on hostile input', () => {
  it('survive a 20,000-link attribute chain (a project rule must not fail for every file)', () => {
    expect(findings(`import pulumi_aws as aws\nx = aws${'.a'.repeat(20_000)}()\n`)).toEqual([]);
  });

  it('survive deeply nested calls and still report each one', () => {
    const depth = 1_000;
    const code = `import pulumi_aws as aws\nx = ${'aws.ec2.Vpc("v", cidr=('.repeat(depth)}1${'))'.repeat(depth)}\n`;
    const result = findings(code);
    expect(result.filter((finding) => finding.ruleId === 'IAC105')).toHaveLength(depth);
    expect(result.filter((finding) => finding.ruleId.startsWith('IAC00'))).toEqual([]);
  });

  it('survive truncated and broken code', () => {
    for (const code of ['import pulumi_aws as aws\naws.ec2.Vpc("v", cidr=', 'from pulumi_aws import (\n', 'import pulumi_aws as aws\naws.s3.Bucket(acl="x"', 'from pulumi_aws.ec2 import\n']) {
      expect(findings(code).filter((finding) => finding.ruleId.startsWith('IAC00'))).toEqual([]);
    }
  });
});
