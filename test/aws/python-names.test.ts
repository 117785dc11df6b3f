import { describe, expect, it } from 'vitest';
import { awsApi } from '../../src/aws/api.js';
import { keywordSafe, pythonInputTypeName, pythonModuleName, pythonName } from '../../src/aws/python-names.js';

/**
 * Real argument names of @pulumi/aws (TypeScript, camelCase) and the Python SDK's names for
 * them, with the resource (or function / input type) of the bundled v7 table that has them.
 */
const ARGUMENTS: [owner: string, camel: string, snake: string][] = [
  ['ec2.Vpc', 'cidrBlock', 'cidr_block'],
  ['ec2.Vpc', 'enableDnsHostnames', 'enable_dns_hostnames'],
  ['ec2.Vpc', 'enableDnsSupport', 'enable_dns_support'],
  ['ec2.Vpc', 'assignGeneratedIpv6CidrBlock', 'assign_generated_ipv6_cidr_block'],
  ['ec2.Vpc', 'ipv6CidrBlock', 'ipv6_cidr_block'],
  ['ec2.Vpc', 'ipv4NetmaskLength', 'ipv4_netmask_length'],
  ['ec2.Vpc', 'ipv6IpamPoolId', 'ipv6_ipam_pool_id'],
  ['ec2.Vpc', 'enableNetworkAddressUsageMetrics', 'enable_network_address_usage_metrics'],
  ['ec2.Subnet', 'mapPublicIpOnLaunch', 'map_public_ip_on_launch'],
  ['ec2.Subnet', 'assignIpv6AddressOnCreation', 'assign_ipv6_address_on_creation'],
  ['ec2.Subnet', 'enableDns64', 'enable_dns64'],
  ['ec2.Subnet', 'enableResourceNameDnsARecordOnLaunch', 'enable_resource_name_dns_a_record_on_launch'],
  ['ec2.Subnet', 'enableResourceNameDnsAaaaRecordOnLaunch', 'enable_resource_name_dns_aaaa_record_on_launch'],
  ['ec2.Subnet', 'availabilityZone', 'availability_zone'],
  ['ec2.Instance', 'vpcSecurityGroupIds', 'vpc_security_group_ids'],
  ['ec2.Instance', 'iamInstanceProfile', 'iam_instance_profile'],
  ['ec2.Instance', 'associatePublicIpAddress', 'associate_public_ip_address'],
  ['ec2.Instance', 'ebsBlockDevices', 'ebs_block_devices'],
  ['ec2.Instance', 'userDataBase64', 'user_data_base64'],
  ['ec2.InstanceMetadataOptionsArgs', 'httpPutResponseHopLimit', 'http_put_response_hop_limit'],
  ['ec2.InstanceMetadataOptionsArgs', 'httpProtocolIpv6', 'http_protocol_ipv6'],
  ['ec2.SecurityGroupIngressArgs', 'ipv6CidrBlocks', 'ipv6_cidr_blocks'],
  ['ebs.Volume', 'kmsKeyId', 'kms_key_id'],
  ['rds.Instance', 'dbSubnetGroupName', 'db_subnet_group_name'],
  ['rds.Instance', 'multiAz', 'multi_az'],
  ['rds.Instance', 'iamDatabaseAuthenticationEnabled', 'iam_database_authentication_enabled'],
  ['rds.Instance', 'caCertIdentifier', 'ca_cert_identifier'],
  ['lambda_.Function', 'memorySize', 'memory_size'],
  ['lambda_.Function', 's3Bucket', 's3_bucket'],
  ['lambda_.Function', 's3ObjectVersion', 's3_object_version'],
  ['lambda_.Function', 'sourceCodeHash', 'source_code_hash'],
  ['iam.Role', 'assumeRolePolicy', 'assume_role_policy'],
  ['iam.Role', 'maxSessionDuration', 'max_session_duration'],
  ['s3.Bucket', 'serverSideEncryptionConfiguration', 'server_side_encryption_configuration'],
  ['s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs', 'kmsMasterKeyId', 'kms_master_key_id'],
  ['cloudwatch.MetricAlarm', 'evaluationPeriods', 'evaluation_periods'],
  ['apigateway.Integration', 'integrationHttpMethod', 'integration_http_method'],
  ['apigateway.Stage', 'xrayTracingEnabled', 'xray_tracing_enabled'],
  ['ecs.Service', 'desiredCount', 'desired_count'],
  ['ecs.ServiceNetworkConfigurationArgs', 'assignPublicIp', 'assign_public_ip'],
  ['kinesis.FirehoseDeliveryStreamExtendedS3ConfigurationDataFormatConversionConfigurationInputFormatConfigurationDeserializerArgs', 'openXJsonSerDe', 'open_x_json_ser_de'],
];

describe('pythonName', () => {
  it.each(ARGUMENTS)('%s: %s -> %s', (owner, camel, snake) => {
    expect(pythonName(camel)).toBe(snake);
    // The name is also what the bundled table holds for that owner.
    const [module, name] = owner.split('.') as [string, string];
    const member = awsApi(7).member(module, name);
    expect(member.kind === 'resource' || member.kind === 'args-class' || member.kind === 'function').toBe(true);
    if ('entry' in member && 'args' in member.entry) expect(member.entry.args).toContain(snake);
  });

  it('covers at least 30 real argument names', () => {
    expect(ARGUMENTS.length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['arn', 'arn'],
    ['SHA256Hash', 'sha256_hash'],
    ['HTTPEndpoint', 'http_endpoint'],
    ['publicIPs', 'public_ips'],
    ['getAmi', 'get_ami'],
    ['getAmiOutput', 'get_ami_output'],
    ['getCallerIdentity', 'get_caller_identity'],
    ['from', 'from_'],
    ['lambda', 'lambda_'],
    ['print', 'print_'],
    ['a-b', 'a_b'],
    ['3com', '_3com'],
  ])('corner case %s -> %s', (camel, snake) => {
    expect(pythonName(camel)).toBe(snake);
  });

  it('keeps snake_case names as they are', () => {
    for (const name of ['cidr_block', 'map_public_ip_on_launch', 'ipv6_cidr_block', 'tags']) expect(pythonName(name)).toBe(name);
  });
});

describe('modules, functions and input types', () => {
  it('maps the lambda module to lambda_ and leaves others alone', () => {
    expect(pythonModuleName('lambda')).toBe('lambda_');
    expect(pythonModuleName('ec2')).toBe('ec2');
    expect(pythonModuleName('apigatewayv2')).toBe('apigatewayv2');
    expect(keywordSafe('class')).toBe('class_');
    const api = awsApi(7);
    expect(api.module('lambda_')).toBeDefined();
    expect(api.module('lambda')).toBeUndefined();
  });

  it('names functions in snake_case with an _output form', () => {
    const api = awsApi(7);
    expect(api.lookup('pulumi_aws.ec2.get_ami')?.kind).toBe('function');
    expect(api.lookup('pulumi_aws.ec2.get_ami_output')?.kind).toBe('function');
    expect(api.lookup('pulumi_aws.get_caller_identity')?.kind).toBe('function');
    expect(api.lookup('pulumi_aws.ec2.getAmi')?.kind).toBe('unknown');
  });

  it('exports input types from the module namespace with an Args suffix (and ArgsDict)', () => {
    expect(pythonInputTypeName('SecurityGroupIngress')).toBe('SecurityGroupIngressArgs');
    const api = awsApi(7);
    expect(api.lookup('pulumi_aws.ec2.SecurityGroupIngressArgs')?.kind).toBe('args-class');
    expect(api.lookup('pulumi_aws.ec2.SecurityGroupIngressArgsDict')?.kind).toBe('args-class');
    // Function inputs come twice in TypeScript (GetAmiFilter, GetAmiFilterArgs) and once in Python.
    expect(api.lookup('pulumi_aws.ec2.GetAmiFilterArgs')?.kind).toBe('args-class');
    expect(api.lookup('pulumi_aws.ec2.GetAmiFilterArgsArgs')?.kind).toBe('unknown');
    // A resource's own Args class.
    const vpcArgs = api.lookup('pulumi_aws.ec2.VpcArgs');
    expect(vpcArgs?.kind === 'args-class' && vpcArgs.resource).toBe('Vpc');
    // Top-level provider types.
    expect(api.lookup('pulumi_aws.ProviderDefaultTagsArgs')?.kind).toBe('args-class');
  });
});
