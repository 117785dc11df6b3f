/**
 * The model's attribute reads (what IAC107 judges), type tokens and enum members: a Python
 * program in, every read of a resource's or a provider function's attribute out, with its site.
 */
import { describe, expect, it } from 'vitest';
import { argument, stringOf } from '../../src/pulumi/values.js';
import { header, pythonModel, resourcesOf } from './model-support.js';

const reads = (model: ReturnType<typeof pythonModel>) =>
  model.attributeReads.map((read) => [read.resource?.type.key ?? read.invoke?.key, read.name, read.site.line, read.site.text]);

describe('Python program model: attribute reads', () => {
  it('records reads on resources directly, through variables, self attributes and helper parameters', () => {
    const model = pythonModel({
      'main.py':
        header +
        'bucket = aws.s3.Bucket("b")\n' +
        'alias = bucket\n' +
        'pulumi.export("url", alias.website_url)\n' +
        'def arn_of(resource):\n' +
        '    return resource.arn\n' +
        'arn_of(bucket)\n' +
        'class Stack(pulumi.ComponentResource):\n' +
        '    def __init__(self, name, opts=None):\n' +
        '        super().__init__("x:y:Stack", name, None, opts)\n' +
        '        self.db = aws.rds.Instance("db", instance_class="db.t3.micro")\n' +
        '        self.endpoint = self.db.endpoint_address\n' +
        'stack = Stack("s")\n' +
        'pulumi.export("ep", stack.endpoint)\n' +
        'pulumi.export("missing", stack.not_set)\n',
    });
    expect(reads(model)).toEqual([
      ['s3.Bucket', 'website_url', 8, 'website_url'],
      ['s3.Bucket', 'arn', 10, 'arn'],
      ['rds.Instance', 'endpoint_address', 16, 'endpoint_address'],
      // A component's own fields are not reads of an output; an attribute it never set is.
      ['component.Stack', 'not_set', 19, 'not_set'],
    ]);
  });

  it('records reads on provider function results, plain and Output forms', () => {
    const model = pythonModel({
      'main.py':
        header +
        'identity = aws.get_caller_identity()\n' +
        'account = identity.account_id\n' +
        'zones = aws.get_availability_zones_output(state="available")\n' +
        'first = zones.names[0]\n',
    });
    expect(reads(model)).toEqual([
      ['index.get_caller_identity', 'account_id', 7, 'account_id'],
      ['index.get_availability_zones', 'names', 9, 'names'],
    ]);
  });

  it('reads each expression once though a helper runs it for two resources of the same type', () => {
    const model = pythonModel({ 'main.py': `${header}def name_of(b):\n    return b.bucket\nname_of(aws.s3.Bucket("a"))\nname_of(aws.s3.Bucket("b"))\n` });
    expect(reads(model)).toEqual([['s3.Bucket', 'bucket', 7, 'bucket']]);
  });
});

describe('Python program model: type tokens and enum members', () => {
  it('gives AWS resources their Pulumi type token', () => {
    const model = pythonModel({ 'main.py': `${header}aws.ec2.Vpc("v", cidr_block="10.0.0.0/16")\naws.Provider("p", region="us-east-1")\naws.lambda_.Function("f", role="r")\n` });
    expect(resourcesOf(model, 'ec2.Vpc')[0]?.type.token).toBe('aws:ec2/vpc:Vpc');
    expect(resourcesOf(model, 'index.Provider')[0]?.type.token).toBe('pulumi:providers:aws');
    expect(resourcesOf(model, 'lambda.Function')[0]?.type.token).toBe('aws:lambda/function:Function');
  });

  it('evaluates members of the SDK enums to their values', () => {
    const model = pythonModel({
      'main.py': `${header}aws.lambda_.Function("f", role="r", runtime=aws.lambda_.Runtime.PYTHON3D12)\naws.ec2.Instance("i", instance_type=aws.ec2.InstanceType.T3_MICRO, ami="ami-1")\n`,
    });
    expect(stringOf(argument(resourcesOf(model, 'lambda.Function')[0]!, 'runtime'))).toBe('python3.12');
    expect(stringOf(argument(resourcesOf(model, 'ec2.Instance')[0]!, 'instance_type'))).toBe('t3.micro');
  });
});
