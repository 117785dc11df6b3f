/**
 * Whether an IAM role of the program is allowed an action, as far as the program shows: its
 * inline policies, `managed_policy_arns`, and the `RolePolicy`, `RolePolicyAttachment` and
 * `PolicyAttachment` resources that name it. Any policy the model cannot read whole (a computed
 * action, an AWS-managed policy not in src/aws/managed-policy-actions.ts, an attachment whose role
 * is not a reference) makes the answer `unknown`, so a rule built on it stays silent.
 */
import { grantsAction } from '../aws/iam-actions.js';
import { MANAGED_POLICY_ACTIONS } from '../aws/managed-policy-actions.js';
import type { ProgramModel, Resource, Value } from './model.js';
import { policyStatements } from './policy-documents.js';
import { entryOf, itemsOf, referencedResources, stringOf } from './values.js';

export type Grant = 'granted' | 'missing' | 'unknown';

const ATTACHMENTS: Record<string, { role: string; policy: string }> = {
  'iam.RolePolicy': { role: 'role', policy: 'policy' },
  'iam.RolePolicyAttachment': { role: 'role', policy: 'policy_arn' },
  'iam.PolicyAttachment': { role: 'roles', policy: 'policy_arn' },
};

export function roleAllows(model: ProgramModel, role: Resource, action: string): Grant {
  if (role.argsOpen) return 'unknown';
  const documents: Value[] = [];
  const managed: Value[] = [];
  for (const item of itemsOf(role.args.get('inline_policies')?.value) ?? []) {
    const policy = entryOf(item, 'policy');
    if (item.kind !== 'dict' || item.open || !policy) return 'unknown';
    documents.push(policy);
  }
  for (const arn of itemsOf(role.args.get('managed_policy_arns')?.value) ?? []) managed.push(arn);
  for (const resource of model.resources) {
    const attachment = ATTACHMENTS[resource.type.key];
    if (!attachment) continue;
    if (resource.argsOpen) return 'unknown';
    const roles = referencedResources(resource.args.get(attachment.role)?.value);
    // A role named by a string may be this one: nothing can be concluded.
    if (roles.length === 0) return 'unknown';
    if (!roles.includes(role)) continue;
    const policy = resource.args.get(attachment.policy)?.value;
    if (!policy) return 'unknown';
    (attachment.policy === 'policy' ? documents : managed).push(policy);
  }
  let unknown = false;
  for (const arn of managed) {
    const text = stringOf(arn);
    const actions = text !== undefined ? MANAGED_POLICY_ACTIONS[text.slice(text.lastIndexOf('/') + 1)] : undefined;
    if (actions) {
      if (actions.some((pattern) => grantsAction(pattern, action))) return 'granted';
      continue;
    }
    const policies = referencedResources(arn).filter((resource) => resource.type.key === 'iam.Policy');
    if (text === undefined && policies.length === 1 && !policies[0]?.argsOpen) {
      const document = policies[0]?.args.get('policy')?.value;
      if (document) {
        documents.push(document);
        continue;
      }
    }
    unknown = true;
  }
  for (const document of documents) {
    const statements = policyStatements(document);
    if (statements.length === 0) unknown = true;
    for (const { facts } of statements) {
      if (facts.effect === undefined || !facts.actionsKnown) unknown = true;
      else if (facts.effect === 'Allow' && facts.actions.some((pattern) => grantsAction(pattern, action))) return 'granted';
    }
  }
  return unknown ? 'unknown' : 'missing';
}
