/**
 * IPv4 CIDR arithmetic for the network checks: parse `a.b.c.d/n`, say why a string is not a
 * valid network block, and test containment and overlap. Addresses are held as unsigned
 * 32-bit numbers in plain JavaScript numbers (no bit operations above 2^31 go wrong that way).
 */

export interface Ipv4Block {
  /** The text as written. */
  text: string;
  /** First address of the written address (host bits included). */
  address: number;
  prefix: number;
  /** First address of the block (host bits cleared). */
  start: number;
  /** Last address of the block, inclusive. */
  end: number;
}

export type CidrParse = { ok: true; block: Ipv4Block } | { ok: false; reason: string };

const SHAPE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses an IPv4 CIDR; host bits set (`10.0.1.5/24`) is reported as a problem, not accepted. */
export function parseIpv4Cidr(text: string): CidrParse {
  const trimmed = text.trim();
  if (trimmed !== text) return { ok: false, reason: 'has surrounding whitespace' };
  if (!text.includes('/')) return { ok: false, reason: 'has no prefix length (`/n`)' };
  const match = SHAPE.exec(text);
  if (!match) return { ok: false, reason: 'is not of the form a.b.c.d/n' };
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  const badOctet = octets.find((octet) => octet > 255);
  if (badOctet !== undefined) return { ok: false, reason: `has an octet out of range (${badOctet} > 255)` };
  if (match.slice(1, 5).some((octet) => octet.length > 1 && octet.startsWith('0'))) {
    return { ok: false, reason: 'has an octet with a leading zero' };
  }
  if (prefix > 32) return { ok: false, reason: `has a prefix length over 32 (/${prefix})` };
  const address = octets.reduce((value, octet) => value * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  const start = Math.floor(address / size) * size;
  if (start !== address) {
    return { ok: false, reason: `has host bits set (the network address is ${formatIpv4(start)}/${prefix})` };
  }
  return { ok: true, block: { text, address, prefix, start, end: start + size - 1 } };
}

export function formatIpv4(address: number): string {
  const octets: number[] = [];
  let rest = address;
  for (let index = 0; index < 4; index++) {
    octets.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  }
  return octets.join('.');
}

/** True when `inner` lies entirely inside `outer`. */
export function containsBlock(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** True when the two blocks share at least one address. */
export function blocksOverlap(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Looks like an IPv6 block (contains a colon); the IPv4 checks leave these alone. */
export function looksLikeIpv6(text: string): boolean {
  return text.includes(':');
}
