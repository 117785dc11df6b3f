/**
 * The richer table content through `AwsApi`: required arguments, argument types, outputs,
 * function results, tokens and enums, and the type-code notation they are stored in.
 */
import { describe, expect, it } from 'vitest';
import { awsApi, pythonEnumMember } from '../../src/aws/api.js';
import { describeType, parseArgToken, parseTypeCode, typeCode, type ArgType } from '../../src/aws/type-codes.js';

describe('type codes', () => {
  it('round-trip every kind of type', () => {
    const codes = ['s', 'n', 'b', 'a', 'r', '*', '[s', '{s', '[@Rule', '@iam.PolicyDocument', 's|%Runtime', '[(s|n)', 's|@iam.PolicyDocument', '{[s'];
    for (const code of codes) expect(typeCode(parseTypeCode(code, 'ec2'), 'ec2')).toBe(code);
  });

  it('read `~` as the owner name', () => {
    expect(parseTypeCode('[@~VpcConfig', 'lambda_', 'Function')).toEqual({ kind: 'list', item: { kind: 'object', module: 'lambda_', name: 'FunctionVpcConfig' } });
    expect(typeCode({ kind: 'object', module: 'lambda_', name: 'FunctionVpcConfig' }, 'lambda_', 'Function')).toBe('@~VpcConfig');
  });

  it('read argument tokens', () => {
    expect(parseArgToken('vpc_id!', 'ec2', 'Subnet')).toEqual({ name: 'vpc_id', required: true, type: { kind: 'string' } });
    expect(parseArgToken('tags:{s', 'ec2', 'Subnet')).toEqual({ name: 'tags', required: false, type: { kind: 'map', item: { kind: 'string' } } });
  });

  it('describe types for messages', () => {
    const list: ArgType = { kind: 'list', item: { kind: 'string' } };
    expect(describeType(list)).toBe('a list of strings');
    expect(describeType({ kind: 'union', alternatives: [{ kind: 'string' }, { kind: 'object', module: 'iam', name: 'PolicyDocument' }] })).toBe('a string or a `PolicyDocumentArgs` (or a dict of its fields)');
  });
});

describe.each([7, 6] as const)('AwsApi %i signatures', (major) => {
  const api = awsApi(major);

  it('knows required arguments and their types', () => {
    const subnet = api.signature('resource', 'ec2', 'Subnet');
    expect(subnet?.required).toContain('vpc_id');
    expect(subnet?.args.get('map_public_ip_on_launch')?.type).toEqual({ kind: 'boolean' });
    const fn = api.signature('resource', 'lambda_', 'Function');
    expect(fn?.required).toEqual(['role']);
    expect(fn?.args.get('vpc_config')?.type).toEqual({ kind: 'object', module: 'lambda_', name: 'FunctionVpcConfig' });
    expect(api.signature('type', 'lambda_', 'FunctionVpcConfigArgs')?.required.slice().sort()).toEqual(['security_group_ids', 'subnet_ids']);
  });

  it('knows outputs and function results', () => {
    const bucket = api.signature('resource', 's3', 'Bucket');
    expect(bucket?.outputs.has('arn')).toBe(true);
    expect(bucket?.outputs.has('website_url')).toBe(false);
    expect(api.signature('resource', 'rds', 'Instance')?.outputs.has('endpoint')).toBe(true);
    expect(api.signature('function', 'index', 'get_caller_identity')?.outputs).toEqual(new Set(['account_id', 'arn', 'id', 'user_id']));
  });

  it('knows Pulumi type tokens', () => {
    expect(api.signature('resource', 'ec2', 'Vpc')?.token).toBe('aws:ec2/vpc:Vpc');
    expect(api.signature('resource', 'index', 'Provider')?.token).toBe('pulumi:providers:aws');
    expect(api.signature('function', 'ec2', 'get_ami')?.token).toBe('aws:ec2/getAmi:getAmi');
  });

  it('knows enum members and deprecated values', () => {
    const runtime = api.enumType('lambda_', 'Runtime');
    expect(runtime?.values.has('python3.12')).toBe(true);
    expect(runtime?.deprecated.has('python3.7')).toBe(true);
    expect(runtime?.members.find((member) => member.value === 'python3.12')).toEqual({ value: 'python3.12', typescript: 'Python3d12', python: 'PYTHON3D12' });
  });
});

describe('Python enum member names', () => {
  it('follow the SDK generator', () => {
    expect(pythonEnumMember('Python3d12')).toBe('PYTHON3D12');
    expect(pythonEnumMember('NodeJS20dX')).toBe('NODE_JS20D_X');
    expect(pythonEnumMember('T2_Micro')).toBe('T2_MICRO');
    expect(pythonEnumMember('DotnetCore3d1')).toBe('DOTNET_CORE3D1');
  });
});
