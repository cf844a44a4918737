// IPv4 addresses and ranges as Key Vault firewall rules understand them: canonical CIDRs,
// and the address classes Azure refuses (or that make no sense on a public firewall).
import ipaddr from 'ipaddr.js';

export interface Ipv4Range {
  /** Canonical text, always with a prefix: `203.0.113.7/32`, `198.51.100.0/24`. */
  readonly cidr: string;
  /** The network address as an unsigned 32-bit number (a number, not an object: there are many). */
  readonly first: number;
  readonly prefix: number;
}

/** The last address of a range, as an unsigned 32-bit number. */
export function lastAddress(range: Ipv4Range): number {
  return range.first + 2 ** (32 - range.prefix) - 1;
}

/** The bits a prefix keeps, as an unsigned 32-bit number. */
function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export type ParsedAddress =
  | { kind: 'ok'; range: Ipv4Range; hostBitsSet: boolean }
  | { kind: 'ipv6' }
  | { kind: 'invalid'; reason: string };

/**
 * Parses an IP rule as a user (or Azure) writes it: a dotted-quad address or CIDR.
 * Only strict four-part decimal is accepted: `10.1`, `0x0a.0.0.1` and leading zeros read
 * differently across tools, so they are refused rather than guessed.
 */
export function parseIpv4Rule(text: string): ParsedAddress {
  const known = parsedRules.get(text);
  if (known) return known;
  // The same few texts recur across thousands of vaults (sets, shared offices) and every
  // stage compares them: parse each once. Bounded, so a long-lived process cannot grow it.
  if (parsedRules.size >= PARSED_RULES_LIMIT) parsedRules.clear();
  const parsed = Object.freeze(parseUncached(text));
  parsedRules.set(text, parsed);
  return parsed;
}

const PARSED_RULES_LIMIT = 100_000;
const parsedRules = new Map<string, ParsedAddress>();

function parseUncached(text: string): ParsedAddress {
  const [addressPart = '', prefixPart, ...rest] = text.trim().split('/');
  if (rest.length > 0) return { kind: 'invalid', reason: 'it has more than one "/"' };
  if (!ipaddr.IPv4.isValidFourPartDecimal(addressPart)) {
    // Only now the IPv6 parser, which costs more than the IPv4 one: most rules are IPv4.
    if (ipaddr.IPv6.isValid(addressPart) && !ipaddr.IPv4.isValid(addressPart))
      return { kind: 'ipv6' };
    return {
      kind: 'invalid',
      reason:
        'it is not a dotted IPv4 address such as 203.0.113.7 (four decimal octets 0–255, no leading zeros)',
    };
  }
  if (prefixPart !== undefined && !/^(?:[0-9]|[12][0-9]|3[0-2])$/.test(prefixPart)) {
    return { kind: 'invalid', reason: 'the prefix length after "/" must be a number from 0 to 32' };
  }
  const prefix = prefixPart === undefined ? 32 : Number(prefixPart);
  const [a = 0, b = 0, c = 0, d = 0] = addressPart.split('.').map(Number);
  const address = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  const first = (address & prefixMask(prefix)) >>> 0;
  const cidr = `${[first >>> 24, (first >>> 16) & 255, (first >>> 8) & 255, first & 255].join('.')}/${prefix}`;
  return {
    kind: 'ok',
    // The text itself when it is already canonical, so the memo holds one string, not two.
    range: Object.freeze({ cidr: cidr === text ? text : cidr, first, prefix }),
    hostBitsSet: first !== address,
  };
}

/** Canonical CIDR for comparison (`1.2.3.4` ≡ `1.2.3.4/32`); undefined when unparseable. */
export function canonicalCidr(text: string): string | undefined {
  const parsed = parseIpv4Rule(text);
  return parsed.kind === 'ok' ? parsed.range.cidr : undefined;
}

export function contains(outer: Ipv4Range, inner: Ipv4Range): boolean {
  return (
    outer.prefix <= inner.prefix && (inner.first & prefixMask(outer.prefix)) >>> 0 === outer.first
  );
}

/** CIDR blocks are either nested or disjoint, so overlap is containment either way round. */
export function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  return contains(a, b) || contains(b, a);
}

/** A sort key that orders ranges numerically, then by prefix. */
export function rangeSortKey(range: Ipv4Range): string {
  return `${range.first.toString(16).padStart(8, '0')}/${String(range.prefix).padStart(2, '0')}`;
}

export type AddressClass = 'private' | 'non-public' | 'documentation';

export interface SpecialRange {
  readonly range: Ipv4Range;
  readonly addressClass: AddressClass;
  readonly label: string;
}

function special(cidr: string, addressClass: AddressClass, label: string): SpecialRange {
  const parsed = parseIpv4Rule(cidr);
  if (parsed.kind !== 'ok') throw new Error(`bad built-in range ${cidr}`);
  return { range: parsed.range, addressClass, label };
}

/** Ranges that are not public unicast space (IANA IPv4 special-purpose registry). */
export const SPECIAL_RANGES: readonly SpecialRange[] = [
  special('10.0.0.0/8', 'private', 'a private network range (RFC 1918)'),
  special('172.16.0.0/12', 'private', 'a private network range (RFC 1918)'),
  special('192.168.0.0/16', 'private', 'a private network range (RFC 1918)'),
  special('0.0.0.0/8', 'non-public', '"this network" (RFC 1122)'),
  special('100.64.0.0/10', 'non-public', 'carrier-grade NAT space (RFC 6598)'),
  special('127.0.0.0/8', 'non-public', 'loopback (RFC 1122)'),
  special('169.254.0.0/16', 'non-public', 'link-local (RFC 3927)'),
  special('192.0.0.0/24', 'non-public', 'IETF protocol assignments (RFC 6890)'),
  special('198.18.0.0/15', 'non-public', 'benchmarking space (RFC 2544)'),
  special('224.0.0.0/4', 'non-public', 'multicast (RFC 5771)'),
  special('240.0.0.0/4', 'non-public', 'reserved space (RFC 1112)'),
  special('192.0.2.0/24', 'documentation', 'documentation range TEST-NET-1 (RFC 5737)'),
  special('198.51.100.0/24', 'documentation', 'documentation range TEST-NET-2 (RFC 5737)'),
  special('203.0.113.0/24', 'documentation', 'documentation range TEST-NET-3 (RFC 5737)'),
];

const CLASS_ORDER: Record<AddressClass, number> = { private: 0, 'non-public': 1, documentation: 2 };

/** The special ranges a rule overlaps, most severe first. */
export function specialRangesTouched(range: Ipv4Range): SpecialRange[] {
  return SPECIAL_RANGES.filter((entry) => overlaps(entry.range, range)).sort(
    (a, b) => CLASS_ORDER[a.addressClass] - CLASS_ORDER[b.addressClass],
  );
}
