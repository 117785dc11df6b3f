/**
 * One-to-one replacements the provider names for deprecated resources and functions:
 * "aws.s3/bucketversioningv2.BucketVersioningV2 has been deprecated in favor of
 * aws.s3/bucketversioning.BucketVersioning" (or "s3.BucketV2 ... in favor of s3.Bucket").
 *
 * Only this form names exactly one successor of the same kind. Deprecated arguments are not
 * replaced: "Use state instead" for a boolean `is_enabled`, or "Use domain instead" for
 * `vpc=True`, name arguments of another type, and the table records no types to tell.
 */
import { PYTHON_PACKAGE, type ApiMember, type AwsApi } from './api.js';
import { keywordSafe, pythonName } from './python-names.js';

const IN_FAVOR_OF = /\bhas been deprecated in favor of (?:aws\.)?([a-z][a-z0-9]*)(?:\/[a-z0-9]+)?\.([A-Za-z][A-Za-z0-9]*)\.?$/;

export interface Replacement {
  module: string;
  name: string;
}

/** The resource or function that replaces `member` one to one, when its deprecation names one that exists and is current. */
export function replacementOf(api: AwsApi, member: ApiMember): Replacement | undefined {
  if ((member.kind !== 'resource' && member.kind !== 'function') || !member.entry.deprecated) return undefined;
  const match = IN_FAVOR_OF.exec(member.entry.deprecated.trim());
  if (!match) return undefined;
  const module = keywordSafe(match[1] as string);
  const name = member.kind === 'function' ? pythonName(match[2] as string) : (match[2] as string);
  const successor = api.lookup(`${PYTHON_PACKAGE}.${module}.${name}`);
  if (!successor || successor.kind !== member.kind || successor.entry.deprecated) return undefined;
  return { module, name };
}

/** True when the successor takes every keyword the call passes (so the rename keeps the call valid). */
export function acceptsKeywords(api: AwsApi, replacement: Replacement, keywords: Iterable<string>, extra: readonly string[]): boolean {
  const successor = api.lookup(`${PYTHON_PACKAGE}.${replacement.module}.${replacement.name}`);
  if (!successor || (successor.kind !== 'resource' && successor.kind !== 'function')) return false;
  const accepted = new Set([...successor.entry.args, ...extra]);
  return [...keywords].every((keyword) => accepted.has(keyword));
}
