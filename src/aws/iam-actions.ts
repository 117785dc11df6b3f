/**
 * IAM actions that are dangerous when allowed on `Resource: "*"` (IAC304), kept as data with
 * where each list comes from, and the matching of an action pattern as written in a policy
 * (`s3:*`, `ec2:Terminate*`, `iam:PassRole`, `*`) against them.
 */

/** Where the lists below come from. */
export const IAM_ACTION_SOURCES = {
  escalation:
    'Rhino Security Labs, "AWS IAM Privilege Escalation - Methods and Mitigation" (S. Gietzen, 2018): the single actions of its 21 methods that grant the holder more access',
  destructive: 'AWS Service Authorization Reference: actions whose verb deletes, terminates or purges a resource, and the KMS actions that destroy or disable keys',
  grantedOnAllResources:
    'AWS managed policies AWSLambdaVPCAccessExecutionRole (the network interfaces of a Lambda function in a VPC), AWSLambdaSQSQueueExecutionRole (a queue consumer acknowledging messages) and AmazonSSMManagedInstanceCore (the SSM agent acknowledging its messages), which grant these deletes on `*`',
} as const;

/** Actions that let the holder give itself (or a service it controls) more access. */
export const PRIVILEGE_ESCALATION_ACTIONS: readonly string[] = [
  'iam:PassRole',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:AddUserToGroup',
  'iam:UpdateAssumeRolePolicy',
  'lambda:UpdateFunctionCode',
  'glue:UpdateDevEndpoint',
];

/** Verbs that destroy what they act on, in any service (`ec2:TerminateInstances`, `s3:DeleteBucket`, `sqs:PurgeQueue`), with what they do. */
export const DESTRUCTIVE_VERBS: Readonly<Record<string, string>> = { Delete: 'deletes', Terminate: 'terminations', Purge: 'purges' };

/** Destructive actions whose verb does not say so. */
export const DESTRUCTIVE_ACTIONS: readonly string[] = ['kms:ScheduleKeyDeletion', 'kms:DisableKey'];

/** Deletes that AWS's own managed policies grant on `Resource: "*"` for a service to work: written exactly, they are not reported. */
export const GRANTED_ON_ALL_RESOURCES: readonly string[] = ['ec2:DeleteNetworkInterface', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch', 'ec2messages:DeleteMessage'];

export type ActionRisk =
  /** Every action of every service (`*`, `*:*`). */
  | { kind: 'admin'; pattern: string }
  /** Privilege escalation; `example` is an action the pattern allows. */
  | { kind: 'escalation'; pattern: string; example: string }
  /** Destroys resources; `example` says what (`deletes`, `kms:ScheduleKeyDeletion`). */
  | { kind: 'destructive'; pattern: string; example: string };

/** IAM wildcards: `*` any run of characters, `?` one character; action names are case-insensitive. */
function globPattern(pattern: string, anchoredEnd: boolean): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}${anchoredEnd ? '$' : ''}`, 'i');
}

/** True when the action pattern a policy grants (`sqs:*`, `sqs:Send*`) covers `action` (`sqs:SendMessage`). */
export function grantsAction(pattern: string, action: string): boolean {
  return globPattern(pattern.trim(), true).test(action);
}

/** True when the glob can match some text that starts with `prefix` (`De*`, `*Delete*` and `Delete*` all can for `Delete`). */
function canStartWith(glob: string, prefix: string): boolean {
  const lowerGlob = glob.toLowerCase();
  const lowerPrefix = prefix.toLowerCase();
  const step = (g: number, p: number): boolean => {
    if (p === lowerPrefix.length) return true;
    if (g === lowerGlob.length) return false;
    const char = lowerGlob[g];
    if (char === '*') return step(g + 1, p) || step(g, p + 1);
    return (char === '?' || char === lowerPrefix[p]) && step(g + 1, p + 1);
  };
  return step(0, 0);
}

/** What an allowed action pattern risks on `Resource: "*"`, or undefined for what is not on the lists. */
export function actionRisk(pattern: string): ActionRisk | undefined {
  const action = pattern.trim();
  if (/^\*+(:\*+)?$/.test(action)) return { kind: 'admin', pattern: action };
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  if (GRANTED_ON_ALL_RESOURCES.some((exempt) => exempt.toLowerCase() === action.toLowerCase())) return undefined;
  const matcher = globPattern(action, true);
  const escalation = PRIVILEGE_ESCALATION_ACTIONS.find((known) => matcher.test(known));
  if (escalation) return { kind: 'escalation', pattern: action, example: escalation };
  const named = DESTRUCTIVE_ACTIONS.find((known) => matcher.test(known));
  if (named) return { kind: 'destructive', pattern: action, example: named };
  const verb = action.slice(colon + 1);
  const destructiveVerb = Object.keys(DESTRUCTIVE_VERBS).find((prefix) => canStartWith(verb, prefix));
  if (destructiveVerb) return { kind: 'destructive', pattern: action, example: DESTRUCTIVE_VERBS[destructiveVerb] as string };
  return undefined;
}

/** Short reason for a message: `privilege escalation`, `includes privilege escalation such as \`iam:PassRole\``, `includes deletes`. */
export function riskReason(risk: ActionRisk): string {
  if (risk.kind === 'admin') return 'every action of every service';
  const wildcard = /[*?]/.test(risk.pattern);
  if (risk.kind === 'escalation') return wildcard ? `includes privilege escalation such as \`${risk.example}\`` : 'privilege escalation';
  if (!wildcard) return 'destructive';
  return risk.example.includes(':') ? `includes \`${risk.example}\`` : `includes ${risk.example}`;
}
