/**
 * Lambda's CreateFunction checks that the execution role may do what the function's settings
 * need, and fails otherwise: send to its dead-letter queue or topic ("The provided execution role
 * does not have permissions to call SendMessage on SQS") and write X-Ray traces when tracing is
 * Active ("... to call PutTraceSegments on XRAY"). This finds functions of the program whose role,
 * as far as the model sees all of its policies (src/pulumi/role-permissions.ts), lacks them.
 */
import type { Argument, ProgramModel, Resource } from './model.js';
import { roleAllows } from './role-permissions.js';
import { entryOf, stringOf } from './values.js';

export interface MissingLambdaPermission {
  fn: Resource;
  role: Resource;
  /** The setting that needs it. */
  setting: Argument;
  action: string;
  /** What the setting asks for, for messages. */
  needs: string;
}

export function missingLambdaPermissions(model: ProgramModel): MissingLambdaPermission[] {
  const found: MissingLambdaPermission[] = [];
  for (const fn of model.resources) {
    if (fn.type.key !== 'lambda.Function') continue;
    const roleValue = fn.args.get('role')?.value;
    const role = roleValue?.kind === 'output' ? roleValue.resource : roleValue?.kind === 'resource' ? roleValue.resource : undefined;
    if (role?.type.key !== 'iam.Role') continue;
    const needs: { setting: Argument; action: string; needs: string }[] = [];
    const deadLetter = fn.args.get('dead_letter_config');
    const target = entryOf(deadLetter?.value, 'target_arn');
    if (deadLetter && target?.kind === 'output') {
      if (target.resource?.type.key === 'sqs.Queue') needs.push({ setting: deadLetter, action: 'sqs:SendMessage', needs: 'its SQS dead-letter queue' });
      if (target.resource?.type.key === 'sns.Topic') needs.push({ setting: deadLetter, action: 'sns:Publish', needs: 'its SNS dead-letter topic' });
    }
    const tracing = fn.args.get('tracing_config');
    if (tracing && stringOf(entryOf(tracing.value, 'mode'))?.toLowerCase() === 'active') needs.push({ setting: tracing, action: 'xray:PutTraceSegments', needs: 'Active X-Ray tracing' });
    for (const need of needs) if (roleAllows(model, role, need.action) === 'missing') found.push({ fn, role, ...need });
  }
  return found;
}
