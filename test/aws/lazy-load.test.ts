import { describe, expect, it } from 'vitest';
import { deprecatedApi } from '../../checks/deprecated-api.js';
import { invalidArgumentValue } from '../../checks/invalid-argument-value.js';
import { missingRequiredArgument } from '../../checks/missing-required-argument.js';
import { outputUsedAsPlainValue } from '../../checks/output-used-as-plain-value.js';
import { unknownOutputAttribute } from '../../checks/unknown-output-attribute.js';
import { unknownResourceOrArgument } from '../../checks/unknown-resource-or-argument.js';
import { loadedMajors } from '../../src/aws/api.js';
import { runCase } from '../support/rule-tester.js';

describe('API tables load lazily', () => {
  it('loads no table for files that do not import pulumi_aws', () => {
    for (const rule of [unknownResourceOrArgument, deprecatedApi, missingRequiredArgument, unknownOutputAttribute, invalidArgumentValue, outputUsedAsPlainValue]) {
      expect(runCase(rule, { code: 'import pulumi\nimport boto3\n\nclient = boto3.client("s3", cidr="x")\n' })).toEqual([]);
      expect(runCase(rule, { code: '# Answer\n\nNo code here.\n', path: 'README.md' })).toEqual([]);
    }
    expect(loadedMajors()).toEqual([]);
  });

  it('loads only the judging table when nothing is unknown', () => {
    runCase(unknownResourceOrArgument, { code: 'import pulumi_aws as aws\n\naws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\n' });
    expect(loadedMajors()).toEqual([7]);
  });

  it('loads the other major only to explain an unknown name', () => {
    const findings = runCase(unknownResourceOrArgument, { code: 'import pulumi_aws as aws\n\naws.ec2.Vpc("v", cidr="10.0.0.0/16")\n' });
    expect(findings).toHaveLength(1);
    expect(loadedMajors().sort()).toEqual([6, 7]);
  });
});
