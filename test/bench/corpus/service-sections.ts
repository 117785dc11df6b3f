/**
 * Resource sections for the service layers (storage, IAM, Lambda, EC2 instances, databases,
 * monitoring) and `SECTION`, the table that maps each component to the section writing it.
 */
import { networking, securityGroup } from './network-sections.js';
import type { Code } from './python-writer.js';
import { opts, r, tags, type Ctx } from './section-context.js';
import type { Component } from './vocabulary.js';

function storage(code: Code, ctx: Ctx, service: string): void {
  const { planter, random, project } = ctx;
  ctx.json = true;
  const placeholder = project.production && planter.plant('placeholder bucket name', 0.05);
  const bucketName = placeholder ? random.pick(['test-bucket', 'my-bucket', 'example-bucket']) : `{self.name_prefix}-${service.replace(/_/g, '-')}`;
  code.line(`self.${service}_bucket = ${r(ctx, 's3', 'Bucket')}(`);
  code.in().line(placeholder ? `"${bucketName}",` : `f"${bucketName}",`);
  if (planter.plant('public bucket ACL', 0.025)) code.line('acl="public-read",');
  if (project.production && planter.plant('force_destroy in production', 0.05)) code.line('force_destroy=True,');
  code.line(tags(ctx, `{self.name_prefix}-${service}`) + ',');
  code.line(opts(ctx) + ',');
  code.out().line(')');
  code.line(`${r(ctx, 's3', 'BucketVersioning')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-versioning",`,
    `bucket=self.${service}_bucket.id,`,
    `versioning_configuration=${r(ctx, 's3', 'BucketVersioningVersioningConfigurationArgs')}(status="Enabled"),`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line(`${r(ctx, 's3', 'BucketServerSideEncryptionConfiguration')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-encryption",`,
    `bucket=self.${service}_bucket.id,`,
    'rules=[',
    `    ${r(ctx, 's3', 'BucketServerSideEncryptionConfigurationRuleArgs')}(`,
    `        apply_server_side_encryption_by_default=${r(ctx, 's3', 'BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs')}(`,
    '            sse_algorithm="aws:kms",',
    '        ),',
    '        bucket_key_enabled=True,',
    '    )',
    '],',
    opts(ctx) + ',',
  ]).out().line(')');
  const blockOff = planter.plant('public access block disabled', 0.02);
  code.line(`${r(ctx, 's3', 'BucketPublicAccessBlock')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-public-access",`,
    `bucket=self.${service}_bucket.id,`,
    `block_public_acls=${blockOff ? 'False' : 'True'},`,
    'block_public_policy=True,',
    'ignore_public_acls=True,',
    'restrict_public_buckets=True,',
    opts(ctx) + ',',
  ]).out().line(')');
  const publicPolicy = planter.plant('bucket policy Principal *', 0.02);
  code.line(`${r(ctx, 's3', 'BucketPolicy')}(`);
  code.in().many([`f"{self.name_prefix}-${service}-policy",`, `bucket=self.${service}_bucket.id,`, `policy=self.${service}_bucket.arn.apply(`]);
  code.in().line('lambda arn: json.dumps(');
  code.in().line('{');
  code.in().many([
    '"Version": "2012-10-17",',
    '"Statement": [',
    '    {',
    `        "Sid": "${publicPolicy ? 'PublicRead' : 'DenyInsecureTransport'}",`,
    `        "Effect": "${publicPolicy ? 'Allow' : 'Deny'}",`,
    '        "Principal": "*",',
    `        "Action": "${publicPolicy ? 's3:GetObject' : 's3:*'}",`,
    '        "Resource": [arn, f"{arn}/*"],',
    ...(publicPolicy ? [] : ['        "Condition": {"Bool": {"aws:SecureTransport": "false"}},']),
    '    }',
    '],',
  ]).out().line('}');
  code.out().line(')');
  code.out().line('),');
  code.line(opts(ctx) + ',');
  code.out().line(')');
  code.line('');
}

export function iamRole(code: Code, ctx: Ctx, service: string): void {
  const { planter, random } = ctx;
  ctx.json = true;
  const wildcard = planter.plant('IAM Allow * on *', 0.02);
  code.line(`self.${service}_role = ${r(ctx, 'iam', 'Role')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-role",`,
    'assume_role_policy=json.dumps(',
    '    {',
    '        "Version": "2012-10-17",',
    '        "Statement": [',
    '            {',
    '                "Effect": "Allow",',
    '                "Principal": {"Service": "lambda.amazonaws.com"},',
    '                "Action": "sts:AssumeRole",',
    '            }',
    '        ],',
    '    }',
    '),',
    tags(ctx, `{self.name_prefix}-${service}-role`) + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line(`${r(ctx, 'iam', 'RolePolicyAttachment')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-basic-execution",`,
    `role=self.${service}_role.name,`,
    'policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",',
    opts(ctx) + ',',
  ]).out().line(')');
  const actions = random.sample(['s3:GetObject', 's3:PutObject', 'dynamodb:GetItem', 'dynamodb:PutItem', 'sqs:SendMessage', 'sqs:ReceiveMessage', 'kms:Decrypt', 'logs:PutLogEvents'], random.int(2, 4));
  code.line(`${r(ctx, 'iam', 'RolePolicy')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-inline",`,
    `role=self.${service}_role.id,`,
    'policy=json.dumps(',
    '    {',
    '        "Version": "2012-10-17",',
    '        "Statement": [',
    '            {',
    '                "Effect": "Allow",',
    `                "Action": ${wildcard ? '"*"' : `[${actions.map((action) => `"${action}"`).join(', ')}]`},`,
    `                "Resource": ${wildcard ? '"*"' : `"arn:aws:${actions[0]?.split(':')[0]}:*:*:${service}-*"`},`,
    '            }',
    '        ],',
    '    }',
    '),',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('');
}

export function lambdaFunction(code: Code, ctx: Ctx, service: string): void {
  const { planter, random, project } = ctx;
  const outdated = planter.plant('outdated Lambda runtime', 0.04);
  const runtime = outdated ? random.pick(['python3.6', 'python3.7', 'nodejs12.x']) : random.pick(['python3.11', 'python3.12', 'python3.13']);
  code.line(`self.${service}_function = ${r(ctx, 'lambda_', 'Function')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}",`,
    `runtime="${runtime}",`,
    'handler="handler.main",',
    `role=self.${service}_role.arn,`,
    `code=pulumi.AssetArchive({".": pulumi.FileArchive("./lib/${project.name}/lambda")}),`,
    `timeout=${random.pick([10, 30, 60, 120])},`,
    `memory_size=${random.pick([128, 256, 512, 1024])},`,
    `environment=${r(ctx, 'lambda_', 'FunctionEnvironmentArgs')}(`,
    '    variables={',
    `        "ENVIRONMENT": self.environment_suffix,`,
    `        "TABLE_NAME": f"{self.name_prefix}-${service}",`,
    `        "LOG_LEVEL": "${random.pick(['INFO', 'DEBUG', 'WARNING'])}",`,
    ...(planter.plant('hard-coded secret', 0.015) ? ['        "DB_PASSWORD": "SuperSecret123!",'] : []),
    '    }',
    '),',
    `vpc_config=${r(ctx, 'lambda_', 'FunctionVpcConfigArgs')}(`,
    '    subnet_ids=[subnet.id for subnet in self.private_subnets],',
    `    security_group_ids=[self.${service}_sg.id],`,
    ') if self.private_subnets else None,',
    tags(ctx, `{self.name_prefix}-${service}`) + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line(`${r(ctx, 'cloudwatch', 'LogGroup')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-logs",`,
    `name=self.${service}_function.name.apply(lambda name: f"/aws/lambda/{name}"),`,
    `retention_in_days=${random.pick([14, 30, 90])},`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('');
}

function instance(code: Code, ctx: Ctx, service: string): void {
  const { planter, random } = ctx;
  if (planter.plant('hard-coded AMI', 0.04)) {
    code.line(`ami_id = "ami-0${random.int(100000, 999999).toString(16)}${random.int(1000000, 9999999).toString(16)}"`);
  } else {
    code.line(`ami_id = ${r(ctx, 'ec2', 'get_ami')}(`);
    code.in().many(['most_recent=True,', 'owners=["amazon"],', `filters=[{"name": "name", "values": ["al2023-ami-*-x86_64"]}],`]).out().line(').id');
  }
  code.line(`self.${service}_launch_template = ${r(ctx, 'ec2', 'LaunchTemplate')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-lt",`,
    'image_id=ami_id,',
    `instance_type="${random.pick(['t3.micro', 't3.small', 'm5.large', 'c6i.xlarge'])}",`,
    `vpc_security_group_ids=[self.${service}_sg.id],`,
    'metadata_options={"http_tokens": "required", "http_endpoint": "enabled"},',
    `block_device_mappings=[{"device_name": "/dev/xvda", "ebs": {"volume_size": ${random.pick([20, 30, 50])}, "encrypted": ${planter.plant('unencrypted EBS', 0.02) ? 'False' : 'True'}}}],`,
    `user_data=base64.b64encode(USER_DATA.encode()).decode(),`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line(`self.${service}_asg = ${r(ctx, 'autoscaling', 'Group')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-asg",`,
    `min_size=${random.int(1, 2)},`,
    `max_size=${random.int(3, 10)},`,
    `desired_capacity=${random.int(1, 3)},`,
    'vpc_zone_identifiers=[subnet.id for subnet in self.private_subnets],',
    `launch_template={"id": self.${service}_launch_template.id, "version": "$Latest"},`,
    `tags=[{"key": "Name", "value": f"{self.name_prefix}-${service}", "propagate_at_launch": True}],`,
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('');
}

function database(code: Code, ctx: Ctx, service: string): void {
  const { planter, random, project } = ctx;
  const unencrypted = planter.plant('unencrypted RDS', 0.03);
  const devSettings = project.production && planter.plant('development settings in production', 0.15);
  code.line(`self.${service}_subnet_group = ${r(ctx, 'rds', 'SubnetGroup')}(`);
  code.in().many([`f"{self.name_prefix}-${service}-db-subnets",`, 'subnet_ids=[subnet.id for subnet in self.private_subnets],', tags(ctx, `{self.name_prefix}-${service}-db-subnets`) + ',', opts(ctx) + ',']).out().line(')');
  const engine = random.pick(['postgres', 'mysql']);
  code.line(`self.${service}_db = ${r(ctx, 'rds', 'Instance')}(`);
  code.in().many([
    `f"{self.name_prefix}-${service}-db",`,
    `engine="${engine}",`,
    `engine_version="${engine === 'postgres' ? random.pick(['15.4', '16.3']) : '8.0.35'}",`,
    `instance_class="${random.pick(['db.t3.micro', 'db.t3.medium', 'db.r6g.large'])}",`,
    `allocated_storage=${random.pick([20, 50, 100])},`,
    `db_subnet_group_name=self.${service}_subnet_group.name,`,
    `vpc_security_group_ids=[self.${service}_sg.id],`,
    `username="${service}_admin",`,
    'manage_master_user_password=True,',
    `multi_az=${project.production ? 'True' : 'False'},`,
    ...(unencrypted ? ['storage_encrypted=False,'] : ['storage_encrypted=True,']),
    `backup_retention_period=${devSettings ? 0 : random.pick([7, 14, 35])},`,
    `skip_final_snapshot=${devSettings || !project.production ? 'True' : 'False'},`,
    `deletion_protection=${project.production && !devSettings ? 'True' : 'False'},`,
    tags(ctx, `{self.name_prefix}-${service}-db`) + ',',
    opts(ctx) + ',',
  ]).out().line(')');
  code.line('');
}

function monitoring(code: Code, ctx: Ctx, service: string): void {
  const { random } = ctx;
  code.line(`self.${service}_alarm_topic = ${r(ctx, 'sns', 'Topic')}(f"{self.name_prefix}-${service}-alarms", ${opts(ctx)})`);
  for (const metric of random.sample(['Errors', 'Throttles', 'Duration', 'ConcurrentExecutions'], random.int(1, 3))) {
    code.line(`${r(ctx, 'cloudwatch', 'MetricAlarm')}(`);
    code.in().many([
      `f"{self.name_prefix}-${service}-${metric.toLowerCase()}",`,
      'comparison_operator="GreaterThanThreshold",',
      `evaluation_periods=${random.int(1, 5)},`,
      `metric_name="${metric}",`,
      'namespace="AWS/Lambda",',
      `period=${random.pick([60, 300])},`,
      'statistic="Sum",',
      `threshold=${random.int(1, 100)},`,
      `dimensions={"FunctionName": f"{self.name_prefix}-${service}"},`,
      `alarm_actions=[self.${service}_alarm_topic.arn],`,
      opts(ctx) + ',',
    ]).out().line(')');
  }
  code.line('');
}

export const SECTION: Record<Component, (code: Code, ctx: Ctx, service: string, index: number) => void> = {
  networking: (code, ctx) => networking(code, ctx),
  security: securityGroup,
  storage,
  iam: iamRole,
  compute: (code, ctx, service, index) => {
    securityGroup(code, ctx, service, index);
    if (ctx.random.chance(0.6)) {
      iamRole(code, ctx, service);
      lambdaFunction(code, ctx, service);
    } else {
      instance(code, ctx, service);
    }
  },
  database: (code, ctx, service, index) => {
    securityGroup(code, ctx, service, index);
    database(code, ctx, service);
  },
  monitoring,
};
