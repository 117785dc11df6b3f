import { describe, expect, it } from 'vitest';
import { blocksOverlap, containsBlock, formatIpv4, looksLikeIpv6, parseIpv4Cidr, type Ipv4Block } from '../../src/aws/cidr.js';

function block(text: string): Ipv4Block {
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.block;
}

describe('parseIpv4Cidr', () => {
  it.each([
    ['10.0.0.0/16', 10 * 2 ** 24, 10 * 2 ** 24 + 65535],
    ['0.0.0.0/0', 0, 2 ** 32 - 1],
    ['255.255.255.255/32', 2 ** 32 - 1, 2 ** 32 - 1],
    ['192.168.4.0/22', 3232236544, 3232237567],
  ])('accepts %s', (text, start, end) => {
    const parsed = block(text);
    expect(parsed.start).toBe(start);
    expect(parsed.end).toBe(end);
  });

  it.each([
    ['10.0.0.0', /no prefix length/],
    ['10.0.0/16', /not of the form/],
    ['10.0.256.0/24', /octet out of range \(256 > 255\)/],
    ['10.0.0.0/33', /prefix length over 32/],
    ['10.0.1.5/24', /host bits set \(the network address is 10\.0\.1\.0\/24\)/],
    ['10.01.0.0/16', /leading zero/],
    [' 10.0.0.0/16', /whitespace/],
    ['abc', /no prefix length/],
    ['10.0.0.0/-1', /not of the form/],
  ])('rejects %s', (text, reason) => {
    const parsed = parseIpv4Cidr(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('block arithmetic', () => {
  it('contains', () => {
    expect(containsBlock(block('10.0.0.0/16'), block('10.0.255.0/24'))).toBe(true);
    expect(containsBlock(block('10.0.0.0/16'), block('10.1.0.0/24'))).toBe(false);
    expect(containsBlock(block('10.0.0.0/24'), block('10.0.0.0/16'))).toBe(false);
    expect(containsBlock(block('0.0.0.0/0'), block('255.255.255.0/24'))).toBe(true);
  });

  it('overlaps', () => {
    expect(blocksOverlap(block('10.0.0.0/23'), block('10.0.1.0/24'))).toBe(true);
    expect(blocksOverlap(block('10.0.1.0/24'), block('10.0.1.0/24'))).toBe(true);
    expect(blocksOverlap(block('10.0.0.0/24'), block('10.0.1.0/24'))).toBe(false);
    expect(blocksOverlap(block('10.0.1.255/32'), block('10.0.2.0/24'))).toBe(false);
  });

  it('formats and recognises IPv6', () => {
    expect(formatIpv4(block('172.16.32.0/20').start)).toBe('172.16.32.0');
    expect(looksLikeIpv6('::/0')).toBe(true);
    expect(looksLikeIpv6('10.0.0.0/8')).toBe(false);
  });
});
