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

/** `0.0.0.0/0` or `::/0` (any spelling of an IPv4 or IPv6 block with prefix 0): every address. */
export function isWorldCidr(cidr: string): boolean {
  const trimmed = cidr.trim().toLowerCase();
  return /^\d{1,3}(\.\d{1,3}){3}\/0$/.test(trimmed) || /^[0-9a-f]*:[0-9a-f:]*\/0$/.test(trimmed);
}

/** Argument and field names (snake_case) that hold IPv4 CIDR blocks: `cidr_block`, `destination_cidr_block`, `cidr_blocks`, `cidr_ipv4`. */
const IPV4_CIDR_NAME = /^(?:[a-z0-9_]*_)?cidr_(?:block|blocks|ipv4)$/;

export function isIpv4CidrName(snakeName: string): boolean {
  return IPV4_CIDR_NAME.test(snakeName) && !snakeName.includes('ipv6');
}

/** AWS accepts VPC blocks (primary and secondary) and subnet blocks from /16 to /28 only. */
export function prefixBounds(resourceKey: string, argument: string): { min: number; max: number; what: string } | undefined {
  if (argument !== 'cidr_block') return undefined;
  if (resourceKey === 'ec2.Vpc' || resourceKey === 'ec2.VpcIpv4CidrBlockAssociation') return { min: 16, max: 28, what: 'A VPC block' };
  if (resourceKey === 'ec2.Subnet') return { min: 16, max: 28, what: 'A subnet block' };
  return undefined;
}

/** Why a CIDR string cannot be used where `bounds` apply, or undefined when it is fine (IPv6 blocks are left alone). */
export function cidrProblem(text: string, bounds: { min: number; max: number; what: string } | undefined): string | undefined {
  if (looksLikeIpv6(text)) return undefined;
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) return `\`${text}\` is not a valid IPv4 CIDR block: it ${parsed.reason}.`;
  if (bounds && (parsed.block.prefix < bounds.min || parsed.block.prefix > bounds.max)) {
    return `${bounds.what} must be between /${bounds.min} and /${bounds.max}; \`${text}\` is a /${parsed.block.prefix}.`;
  }
  return undefined;
}
