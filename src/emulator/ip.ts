// IPv4 helpers for what the services check: Key Vault's refusal of private ranges in IP rules
// (AZURE-FACTS §1b) and NRP's allocation of a private endpoint address from a subnet prefix.
import ipaddr from 'ipaddr.js';

export type IpRuleParse =
  | { kind: 'ok'; address: string; prefix: number; bare: boolean }
  | { kind: 'ipv6' }
  | { kind: 'invalid' };

export function parseIpRule(value: string): IpRuleParse {
  const [address = '', prefixText, ...rest] = value.split('/');
  if (rest.length > 0) return { kind: 'invalid' };
  if (ipaddr.IPv6.isValid(address) && !ipaddr.IPv4.isValid(address)) return { kind: 'ipv6' };
  if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return { kind: 'invalid' };
  if (prefixText !== undefined && !/^(?:[0-9]|[12][0-9]|3[0-2])$/.test(prefixText))
    return { kind: 'invalid' };
  return {
    kind: 'ok',
    address,
    prefix: prefixText === undefined ? 32 : Number(prefixText),
    bare: prefixText === undefined,
  };
}

/** RFC 1918, written as Key Vault writes them in its error message. */
const FORBIDDEN: ReadonlyArray<{ network: string; prefix: number; text: string }> = [
  { network: '10.0.0.0', prefix: 8, text: '10.0.0.0–10.255.255.255' },
  { network: '172.16.0.0', prefix: 12, text: '172.16.0.0–172.31.255.255' },
  { network: '192.168.0.0', prefix: 16, text: '192.168.0.0–192.168.255.255' },
];

/** The forbidden range a rule lies in ("belongs to"), if any. */
export function forbiddenRangeOf(address: string, prefix: number): string | undefined {
  const parsed = ipaddr.IPv4.parse(address);
  for (const range of FORBIDDEN) {
    if (prefix >= range.prefix && parsed.match(ipaddr.IPv4.parse(range.network), range.prefix))
      return range.text;
  }
  return undefined;
}

export function inPrefix(address: string, cidr: string): boolean {
  if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return false;
  try {
    const [network, prefix] = ipaddr.IPv4.parseCIDR(cidr);
    return ipaddr.IPv4.parse(address).match(network, prefix);
  } catch {
    return false;
  }
}

/**
 * The lowest free address of a subnet. Azure reserves the first four addresses and the last
 * one of every subnet, so the first private endpoint of 10.0.1.0/24 gets 10.0.1.4.
 */
export function allocateAddress(cidr: string, used: ReadonlySet<string>): string | undefined {
  let network: ipaddr.IPv4;
  let prefix: number;
  try {
    [network, prefix] = ipaddr.IPv4.parseCIDR(cidr) as [ipaddr.IPv4, number];
  } catch {
    return undefined;
  }
  const base = ipaddr.IPv4.networkAddressFromCIDR(`${network.toString()}/${prefix}`).toByteArray();
  const start = ((base[0]! << 24) | (base[1]! << 16) | (base[2]! << 8) | base[3]!) >>> 0;
  const size = 2 ** (32 - prefix);
  for (let offset = 4; offset < size - 1; offset += 1) {
    const value = start + offset;
    const text = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
    if (!used.has(text)) return text;
  }
  return undefined;
}
