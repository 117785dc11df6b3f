import { describe, expect, it } from 'vitest';
import { actionRisk, grantsAction, IAM_ACTION_SOURCES, GRANTED_ON_ALL_RESOURCES, PRIVILEGE_ESCALATION_ACTIONS, riskReason } from '../../src/aws/iam-actions.js';
import { jsonPolicyStatements, statementFacts } from '../../src/aws/iam-policy.js';

describe('actionRisk', () => {
  it.each(['*', '*:*', ' * '])('%s is every action of every service', (pattern) => {
    expect(actionRisk(pattern)?.kind).toBe('admin');
  });

  it.each([
    ['iam:PassRole', 'iam:PassRole'],
    ['IAM:passrole', 'iam:PassRole'],
    ['iam:*', 'iam:PassRole'],
    ['iam:Put*Policy', 'iam:PutUserPolicy'],
    ['iam:Attach*', 'iam:AttachUserPolicy'],
    ['lambda:UpdateFunctionCode', 'lambda:UpdateFunctionCode'],
    ['*:PassRole', 'iam:PassRole'],
  ])('%s allows privilege escalation (%s)', (pattern, example) => {
    expect(actionRisk(pattern)).toEqual({ kind: 'escalation', pattern: pattern.trim(), example });
  });

  it.each([
    ['s3:*', 'deletes'],
    ['logs:*', 'deletes'],
    ['ec2:Terminate*', 'terminations'],
    ['ec2:TerminateInstances', 'terminations'],
    ['s3:*Object', 'deletes'],
    ['dynamodb:De*', 'deletes'],
    ['sqs:PurgeQueue', 'purges'],
    ['kms:*', 'kms:ScheduleKeyDeletion'],
    ['kms:DisableKey', 'kms:DisableKey'],
  ])('%s is destructive (%s)', (pattern, example) => {
    expect(actionRisk(pattern)).toEqual({ kind: 'destructive', pattern, example });
  });

  it.each(['ec2:Describe*', 's3:Get*', 's3:List*', 'logs:CreateLogStream', 'cloudwatch:PutMetricData', 'iam:Get*', 'sts:AssumeRole', 'ec2:DeleteNetworkInterface', 'sqs:DeleteMessage', 'ec2messages:DeleteMessage', 'not-an-action', ':*'])(
    '%s is not on the lists',
    (pattern) => {
      expect(actionRisk(pattern)).toBeUndefined();
    },
  );

  it('says why in a few words', () => {
    const reasons = ['*', 'iam:PassRole', 'iam:*', 's3:DeleteBucket', 's3:*', 'kms:*'].map((pattern) => riskReason(actionRisk(pattern) ?? { kind: 'admin', pattern }));
    expect(reasons).toEqual([
      'every action of every service',
      'privilege escalation',
      'includes privilege escalation such as `iam:PassRole`',
      'destructive',
      'includes deletes',
      'includes `kms:ScheduleKeyDeletion`',
    ]);
  });

  it('keeps its lists as data with their sources', () => {
    expect(Object.values(IAM_ACTION_SOURCES).every((source) => source.length > 40)).toBe(true);
    for (const action of [...PRIVILEGE_ESCALATION_ACTIONS, ...GRANTED_ON_ALL_RESOURCES]) expect(action).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z]+$/);
  });
});

describe('IAM statements over plain values', () => {
  it('reads the JSON grammar: effect, actions, all resources, public principals, conditions', () => {
    const facts = statementFacts(new Map(Object.entries({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::b', '*'], Principal: { AWS: ['*'] } })), 'json', false);
    expect(facts).toEqual({ effect: 'Allow', actions: ['s3:GetObject', 's3:ListBucket'], actionsKnown: true, allResources: true, hasPrincipal: true, publicPrincipal: true, conditioned: false });
  });

  it('reads get_policy_document statements, Allow by default, principals of type * or AWS', () => {
    const statement = { actions: ['s3:GetObject'], resources: ['*'], principals: [{ type: 'AWS', identifiers: ['*'] }] };
    expect(statementFacts(new Map(Object.entries(statement)), 'document', false)).toMatchObject({ effect: 'Allow', allResources: true, publicPrincipal: true });
    expect(statementFacts(new Map(Object.entries(statement)), 'document', true).effect).toBeUndefined();
    expect(statementFacts(new Map(Object.entries({ ...statement, principals: [{ type: 'Service', identifiers: ['*'] }] })), 'document', false).publicPrincipal).toBe(false);
  });

  it('treats entries that are present but not known as not dangerous, and a condition or open statement as conditioned', () => {
    const facts = statementFacts(new Map<string, never | undefined>([['Effect', undefined], ['Action', undefined], ['Resource', undefined], ['Principal', undefined], ['Condition', undefined]]), 'json', false);
    expect(facts).toEqual({ effect: undefined, actions: [], actionsKnown: false, allResources: false, hasPrincipal: true, publicPrincipal: false, conditioned: true });
    // One computed action leaves the statement's actions not known whole.
    expect(statementFacts(new Map<string, unknown>([['Effect', 'Allow'], ['Action', ['s3:GetObject', null]]]) as never, 'json', false).actionsKnown).toBe(false);
    expect(statementFacts(new Map(Object.entries({ Effect: 'Allow', Action: '*', Resource: '*' })), 'json', true).conditioned).toBe(true);
  });

  it('parses policy JSON text: a Statement list or a single statement; anything else is no statement', () => {
    expect(jsonPolicyStatements('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}')).toHaveLength(1);
    expect(jsonPolicyStatements(' {"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}')).toEqual([{ Effect: 'Deny', Action: '*', Resource: '*' }]);
    expect(jsonPolicyStatements('Statement: Action * on Resource *')).toEqual([]);
    expect(jsonPolicyStatements('{"Statement": [1, "x", null]')).toEqual([]);
    expect(jsonPolicyStatements('{"Statement": [1, "x", null]}')).toEqual([]);
  });
});

describe('grantsAction', () => {
  it.each([
    ['sqs:SendMessage', true],
    ['sqs:*', true],
    ['SQS:send*', true],
    ['*', true],
    ['sqs:ReceiveMessage', false],
    ['sqs:SendMessageBatch', false],
    ['sns:*', false],
  ])('%s grants sqs:SendMessage: %s', (pattern, expected) => {
    expect(grantsAction(pattern, 'sqs:SendMessage')).toBe(expected);
  });
});
