/**
 * Model tests (a program in, resources and values out) for two things the region and
 * production rules rely on: the blocks of one Markdown answer are excerpts of one file, so a
 * later block sees the names an earlier one defined; and JSON text keeps the value it encodes,
 * whose parts keep their own sites (the ARN on the third line of a policy).
 */
import { describe, expect, it } from 'vitest';
import { pythonAnswerModel, pythonModel } from './model-support.js';

describe('Markdown answer blocks of one file', () => {
  const answer =
    '# Stack\n\n```python\nimport pulumi_aws as aws\nZONE = "us-east-1a"\nvpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16")\n```\n\n' +
    'Then the subnet:\n\n```python\nsubnet = aws.ec2.Subnet("a", vpc_id=vpc.id, availability_zone=ZONE)\n```\n';

  it('a later block sees the imports, constants and resources of earlier ones', () => {
    const program = pythonAnswerModel('lib/MODEL_RESPONSE.md', answer);
    expect(program.resources.map((resource) => resource.type.key)).toEqual(['ec2.Vpc', 'ec2.Subnet']);
    const subnet = program.resources[1];
    const vpcId = subnet?.args.get('vpc_id')?.value;
    expect(vpcId?.kind === 'output' && vpcId.resource).toBe(program.resources[0]);
    const zone = subnet?.args.get('availability_zone')?.value;
    expect(zone?.kind === 'string' && zone.value).toBe('us-east-1a');
    // The literal is where the first block wrote it.
    expect(zone?.site?.line).toBe(5);
    expect(program.edges.map((edge) => `${edge.from.type.key}->${edge.to.type.key} ${edge.kind}`)).toEqual(['ec2.Subnet->ec2.Vpc input']);
  });

  it('an earlier block does not see what a later one defines', () => {
    const reversed = '```python\nimport pulumi_aws as aws\naws.ec2.Subnet("a", availability_zone=ZONE)\n```\n\n```python\nZONE = "us-east-1a"\n```\n';
    const zone = pythonAnswerModel('answer.md', reversed).resources[0]?.args.get('availability_zone')?.value;
    expect(zone?.kind).toBe('unknown');
  });
});

describe('JSON text', () => {
  it('keeps the value it encodes, with the sites of its parts', () => {
    const program = pythonModel({
      'lib/tap_stack.py':
        'import json\nimport pulumi_aws as aws\naws.iam.Policy("p", policy=json.dumps({\n    "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage",\n        "Resource": "arn:aws:sqs:eu-west-1:123456789012:jobs"}]}))\n',
    });
    const policy = program.resources[0]?.args.get('policy')?.value;
    expect(policy?.kind).toBe('string');
    if (policy?.kind !== 'string') return;
    expect(JSON.parse(policy.value).Statement[0].Resource).toBe('arn:aws:sqs:eu-west-1:123456789012:jobs');
    const statement = policy.encodes?.kind === 'dict' ? policy.encodes.entries.get('Statement') : undefined;
    const first = statement?.kind === 'list' ? statement.items[0] : undefined;
    const resource = first?.kind === 'dict' ? first.entries.get('Resource') : undefined;
    expect(resource?.site?.line).toBe(5);
    expect(resource?.site?.text).toBe('"arn:aws:sqs:eu-west-1:123456789012:jobs"');
  });
});
