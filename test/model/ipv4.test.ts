import { describe, expect, it } from 'vitest';
import {
  canonicalCidr,
  contains,
  lastAddress,
  overlaps,
  parseIpv4Rule,
  rangeSortKey,
  specialRangesTouched,
  type Ipv4Range,
} from '../../src/engine/model/ipv4.js';

function range(text: string): Ipv4Range {
  const parsed = parseIpv4Rule(text);
  if (parsed.kind !== 'ok') throw new Error(`fixture ${text} does not parse`);
  return parsed.range;
}

describe('parseIpv4Rule', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4/32'],
    ['1.2.3.4/32', '1.2.3.4/32'],
    ['52.174.0.0/24', '52.174.0.0/24'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['255.255.255.255', '255.255.255.255/32'],
    // Only a quoted YAML string can carry spaces; they are not part of the address.
    [' 1.2.3.4/32 ', '1.2.3.4/32'],
  ])('reads %s as %s', (text, cidr) => {
    expect(canonicalCidr(text)).toBe(cidr);
  });

  it('flags host bits below the prefix and offers the network', () => {
    const parsed = parseIpv4Rule('198.51.100.7/24');
    expect(parsed).toMatchObject({ kind: 'ok', hostBitsSet: true });
    expect(parsed.kind === 'ok' && parsed.range.cidr).toBe('198.51.100.0/24');
    expect(parseIpv4Rule('198.51.100.0/24')).toMatchObject({ kind: 'ok', hostBitsSet: false });
    expect(parseIpv4Rule('1.2.3.4')).toMatchObject({ kind: 'ok', hostBitsSet: false });
  });

  it.each(['2001:db8::1', '::1', '2603:1000::/25', '::ffff:1.2.3.4', 'fe80::1%eth0'])(
    'recognises %s as IPv6',
    (text) => {
      expect(parseIpv4Rule(text).kind).toBe('ipv6');
    },
  );

  it.each([
    '',
    '10.1',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '052.174.0.7',
    '0x0a.0.0.1',
    '1.2.3.4/33',
    '1.2.3.4/08',
    '1.2.3.4/',
    '1.2.3.4/-1',
    '1.2.3.4/24/8',
    'office.contoso.com',
    '1.2.3.4-1.2.3.9',
  ])('refuses %j', (text) => {
    expect(parseIpv4Rule(text).kind).toBe('invalid');
  });

  it('explains why', () => {
    expect(parseIpv4Rule('1.2.3.4/33')).toEqual({
      kind: 'invalid',
      reason: 'the prefix length after "/" must be a number from 0 to 32',
    });
    expect(parseIpv4Rule('1.2.3.4/24/8')).toEqual({
      kind: 'invalid',
      reason: 'it has more than one "/"',
    });
  });
});

describe('containment', () => {
  it('knows a range contains its sub-ranges and itself, not the other way round', () => {
    expect(contains(range('52.174.0.0/16'), range('52.174.3.0/24'))).toBe(true);
    expect(contains(range('52.174.0.0/16'), range('52.174.0.0/16'))).toBe(true);
    expect(contains(range('52.174.3.0/24'), range('52.174.0.0/16'))).toBe(false);
    expect(contains(range('52.174.0.0/24'), range('52.174.1.0/24'))).toBe(false);
    expect(contains(range('0.0.0.0/0'), range('1.2.3.4'))).toBe(true);
  });

  it('keeps the top half of the address space unsigned (no sign bit in the arithmetic)', () => {
    expect(range('255.255.255.255').first).toBe(0xffffffff);
    expect(range('200.1.2.3/8')).toMatchObject({ cidr: '200.0.0.0/8', first: 0xc8000000 });
    expect(lastAddress(range('200.0.0.0/8'))).toBe(0xc8ffffff);
    expect(lastAddress(range('0.0.0.0/0'))).toBe(0xffffffff);
    expect(contains(range('128.0.0.0/1'), range('255.255.255.255'))).toBe(true);
    expect(contains(range('128.0.0.0/1'), range('127.255.255.255'))).toBe(false);
    expect(contains(range('203.0.113.0/24'), range('203.0.113.255'))).toBe(true);
    expect(contains(range('203.0.113.0/25'), range('203.0.113.128'))).toBe(false);
  });

  it('treats overlap as containment either way', () => {
    expect(overlaps(range('52.174.3.0/24'), range('52.174.0.0/16'))).toBe(true);
    expect(overlaps(range('52.174.0.0/24'), range('52.175.0.0/24'))).toBe(false);
  });

  it('sorts numerically, then by prefix', () => {
    const sorted = ['9.0.0.0/8', '10.0.0.0/8', '10.0.0.0/16', '2.0.0.0/8']
      .map(range)
      .sort((a, b) => rangeSortKey(a).localeCompare(rangeSortKey(b)))
      .map((r) => r.cidr);
    expect(sorted).toEqual(['2.0.0.0/8', '9.0.0.0/8', '10.0.0.0/8', '10.0.0.0/16']);
  });
});

describe('special ranges', () => {
  it.each([
    ['10.1.2.3', 'private', '10.0.0.0/8'],
    ['172.31.255.255', 'private', '172.16.0.0/12'],
    ['192.168.0.1', 'private', '192.168.0.0/16'],
    ['8.0.0.0/5', 'private', '10.0.0.0/8'],
    ['0.1.2.3', 'non-public', '0.0.0.0/8'],
    ['100.64.0.1', 'non-public', '100.64.0.0/10'],
    ['100.127.255.255', 'non-public', '100.64.0.0/10'],
    ['127.0.0.1', 'non-public', '127.0.0.0/8'],
    ['169.254.169.254', 'non-public', '169.254.0.0/16'],
    ['192.0.0.9', 'non-public', '192.0.0.0/24'],
    ['198.19.0.1', 'non-public', '198.18.0.0/15'],
    ['239.255.255.250', 'non-public', '224.0.0.0/4'],
    ['255.255.255.255', 'non-public', '240.0.0.0/4'],
    ['192.0.2.1', 'documentation', '192.0.2.0/24'],
    ['198.51.100.0/25', 'documentation', '198.51.100.0/24'],
    ['203.0.113.50', 'documentation', '203.0.113.0/24'],
  ])('%s is %s (%s)', (text, addressClass, cidr) => {
    const touched = specialRangesTouched(range(text))[0];
    expect(touched?.addressClass).toBe(addressClass);
    expect(touched?.range.cidr).toBe(cidr);
  });

  it.each([
    '1.1.1.1',
    '20.50.10.7',
    '52.174.0.0/16',
    '100.63.255.255',
    '100.128.0.0',
    '172.32.0.1',
    '11.0.0.0/8',
    '223.255.255.255',
  ])('%s is public', (text) => {
    expect(specialRangesTouched(range(text))).toEqual([]);
  });

  it('puts the most severe class first when a wide range touches several', () => {
    const classes = specialRangesTouched(range('0.0.0.0/1')).map((entry) => entry.addressClass);
    expect(classes[0]).toBe('private');
    expect(classes).toContain('non-public');
    expect(classes.indexOf('non-public')).toBeLessThan(classes.length);
  });
});
