/**
 * CloudWatch Logs encrypts a log group with a KMS key only when the key's policy lets the Logs
 * service use it (`Principal: {"Service": "logs.<region>.amazonaws.com"}`): the default key policy
 * does not, and CreateLogGroup fails with AccessDeniedException. This finds log groups whose
 * `kms_key_id` is a key of the program whose policy, as far as the model knows it, never names
 * the Logs service: a key without `policy` and without a `kms.KeyPolicy`, or a policy known in
 * full that does not mention it. A policy the model cannot read is not judged.
 */
import type { ProgramModel, Resource, Value } from './model.js';
import { policyStatements } from './policy-documents.js';
import { referencedResources } from './values.js';

export interface UnusableLogKey {
  logGroup: Resource;
  key: Resource;
  /** The `kms_key_id` value. */
  value: Value;
  /** Why: the key has no policy, or its policy leaves the Logs service out. */
  reason: 'no-policy' | 'no-logs-service';
}

/** Mentions of the Logs service principal in known text (`logs.amazonaws.com`, `logs.${region}.amazonaws.com`). */
const LOGS_SERVICE = /\blogs\.([a-z0-9-]+\.)?amazonaws\.com|\blogs\.\$\{\}|"logs\./;

/** Every known piece of text in a value, templates' literal parts and JSON text a program encoded included. */
function knownTexts(value: Value | undefined, found: string[] = [], depth = 0): string[] {
  if (!value || depth > 16) return found;
  switch (value.kind) {
    case 'string':
      found.push(value.value);
      knownTexts(value.encodes, found, depth + 1);
      break;
    case 'template':
      // A hole reads `${}`: `logs.${region}.amazonaws.com` is `logs.${}.amazonaws.com`.
      found.push(value.parts.map((part) => (typeof part === 'string' ? part : '${}')).join(''));
      for (const part of value.parts) if (typeof part !== 'string') knownTexts(part, found, depth + 1);
      break;
    case 'unknown':
      knownTexts(value.encodes, found, depth + 1);
      break;
    case 'output':
      knownTexts(value.known, found, depth + 1);
      break;
    case 'list':
      for (const item of value.items) knownTexts(item, found, depth + 1);
      break;
    case 'dict':
      for (const [key, item] of value.entries) {
        found.push(key);
        knownTexts(item, found, depth + 1);
      }
      break;
    default:
      break;
  }
  return found;
}

/** True / false when the policy's statements are known and do / do not name the Logs service; undefined when they are not known. */
function policyAllowsLogs(policy: Value): boolean | undefined {
  if (policyStatements(policy).length === 0) return undefined;
  return knownTexts(policy).some((text) => LOGS_SERVICE.test(text));
}

export function unusableLogKeys(model: ProgramModel): UnusableLogKey[] {
  const keyPolicies = model.resources.filter((resource) => resource.type.key === 'kms.KeyPolicy');
  const found: UnusableLogKey[] = [];
  for (const logGroup of model.resources) {
    if (logGroup.type.key !== 'cloudwatch.LogGroup') continue;
    const value = logGroup.args.get('kms_key_id')?.value;
    if (value?.kind !== 'output' || value.resource?.type.key !== 'kms.Key') continue;
    const key = value.resource;
    const policies = [key.args.get('policy')?.value, ...keyPolicies.filter((policy) => referencedResources(policy.args.get('key_id')?.value).includes(key)).map((policy) => policy.args.get('policy')?.value)];
    const known = policies.filter((policy): policy is Value => policy !== undefined);
    // A policy through spread or unknown arguments may be there: not judged.
    if (known.length === 0 && (key.argsOpen || keyPolicies.some((policy) => policy.argsOpen))) continue;
    if (known.length === 0) {
      found.push({ logGroup, key, value, reason: 'no-policy' });
      continue;
    }
    const verdicts = known.map(policyAllowsLogs);
    if (verdicts.every((verdict) => verdict === false)) found.push({ logGroup, key, value, reason: 'no-logs-service' });
  }
  return found;
}
