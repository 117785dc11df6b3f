/**
 * The region, provider, dependency and CIDR detectors (IAC201, IAC302, IAC501, IAC502, IAC503)
 * on hostile input: deep nesting, truncated and broken code, huge loops. A detector that throws
 * shows up as an IAC002 "could not check" finding, which the table tests filter out, so this
 * file asserts on it directly, together with a generous time bound.
 */
import { describe, expect, it } from 'vitest';
import { cidrConflict } from '../../checks/cidr-conflict.js';
import { missingExplicitProvider } from '../../checks/missing-explicit-provider.js';
import { mixedRegions } from '../../checks/mixed-regions.js';
import { regionDiffersFromRequirement } from '../../checks/region-differs-from-requirement.js';
import { wrongResourceDependencies } from '../../checks/wrong-resource-dependencies.js';
import { catalogIds } from '../../src/core/catalog.js';
import { resolveConfig } from '../../src/core/config.js';
import { review } from '../../src/core/review.js';

const rules = [cidrConflict, regionDiffersFromRequirement, mixedRegions, missingExplicitProvider, wrongResourceDependencies];
const header = 'import pulumi\nimport pulumi_aws as aws\n';

const inputs: Record<string, string> = {
  'deep parentheses': header + 'x = ' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '\n',
  'deep lists in a CIDR argument': header + 'aws.ec2.Subnet("a", vpc_id=vpc.id, cidr_block=' + '['.repeat(3000) + '"10.0.0.0/24"' + ']'.repeat(3000) + ')\n',
  'deep calls in a CIDR argument': header + 'aws.ec2.Subnet("a", cidr_block=' + 'f('.repeat(3000) + '1' + ')'.repeat(3000) + ')\n',
  'deep dicts in resource arguments': header + 'aws.ec2.SecurityGroup("g", ingress=' + '{"a": '.repeat(2000) + '"10.0.0.0/33"' + '}'.repeat(2000) + ')\n',
  'deep expression in a component method':
    header +
    'class T(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n        self._a()\n    def _a(self):\n        self.x = ' +
    '('.repeat(3000) +
    'self.y' +
    ')'.repeat(3000) +
    '\n',
  'truncated component': header + 'class T(pulumi.ComponentResource):\n    def __init__(self, name, opts=None):\n        self._a()\n    def _a(self):\n        aws.ec2.NatGateway("n", allocation_id=self.',
  'broken NAT program': header + 'igw = aws.ec2.InternetGateway("igw"\nnat = aws.ec2.NatGateway("n", allocation_id=eip.id, opts=pulumi.ResourceOptions(depends_on=[\n',
  'huge range': header + 'vpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\nfor i in range(10**9):\n    aws.ec2.Subnet(f"s{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i}.0/24")\n',
  'nested loops over a million blocks': header + 'vpc = aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\nfor a in range(100):\n  for b in range(100):\n    for c in range(100):\n      aws.ec2.Subnet("s", vpc_id=vpc.id, cidr_block=f"10.{a}.{b}.{c}/32")\n',
  'self-referencing constants': header + 'A = B\nB = A\naws.ec2.Vpc("v", cidr_block=A)\nC = C + "x"\naws.ec2.Vpc("w", cidr_block=C)\n',
  'mutually recursive methods': header + 'class T:\n    def __init__(self):\n        self.a()\n        self.b()\n    def a(self):\n        self.b()\n        print(self.y)\n    def b(self):\n        self.a()\n        self.y = 1\n',
  'provider and zones in an unclosed call': header + 'p = aws.Provider("p", region="us-west-2"\naws.ec2.Subnet("s", availability_zone="eu-west-1a", opts=pulumi.ResourceOptions(provider=p',
};

describe('IAC201/IAC302/IAC501/IAC502/IAC503 on hostile input', () => {
  for (const [name, code] of Object.entries(inputs)) {
    it(name, () => {
      const started = Date.now();
      const result = review({
        files: [{ path: 'lib/tap_stack.py', content: code, status: 'added' }],
        config: resolveConfig({ region: 'us-east-1' }, catalogIds),
        mode: 'change',
        rules,
        knownRuleIds: catalogIds,
        project: { paths: [], readFile: () => undefined },
      });
      expect(result.findings.filter((finding) => finding.ruleId === 'IAC002')).toEqual([]);
      expect(Date.now() - started).toBeLessThan(15_000);
    });
  }
});
