/**
 * Domain names AWS will not host a public zone for: the documentation domains of RFC 2606
 * (`example.com`, `example.net`, `example.org`) and the reserved top-level domains `.example`,
 * `.test`, `.invalid` and `.localhost`. Route 53's CreateHostedZone answers InvalidDomainName.
 */
import type { Value } from './model.js';
import { stringOf } from './values.js';

const RESERVED = /(?:^|\.)(example\.(?:com|net|org)|(?:example|test|invalid|localhost))\.?$/i;

/** The reserved domain a zone name ends in, judged on its known text or on the known text after its last hole (`${env}.example.com`). */
export function reservedDomainOf(value: Value | undefined): string | undefined {
  const text = stringOf(value) ?? knownTail(value);
  if (text === undefined) return undefined;
  return RESERVED.exec(text.trim())?.[1]?.toLowerCase();
}

/** `.example.com` of `payments-${env}.example.com`: the text after the last hole, when it starts a label. */
function knownTail(value: Value | undefined): string | undefined {
  if (value?.kind !== 'template') return undefined;
  const last = value.parts[value.parts.length - 1];
  return typeof last === 'string' && last.startsWith('.') ? last : undefined;
}
