// IP rule checks: IPv4 only, public only, canonical, no duplicates, within Azure's limits,
// and expiry dates that make sense.
import { contains, parseIpv4Rule, specialRangesTouched, type Ipv4Range } from '../../model/ipv4.js';
import type { IpRuleSpec, VaultSpec } from '../schema.js';
import { isSetRef } from '../sets.js';
import type { Path } from '../yaml-loader.js';
import type { CheckOptions, FindingSink } from './context.js';
import { daysBetween, isRealDate } from './dates.js';

export const MAX_IP_RULES = 1000;
export const EXPIRY_WARNING_DAYS = 14;

export function ipRuleAddress(rule: IpRuleSpec): string {
  return typeof rule === 'string' ? rule : rule.address;
}

export function checkIpRules(
  vault: VaultSpec,
  vaultPath: Path,
  sink: FindingSink,
  options: CheckOptions,
): void {
  const rules = vault.firewall.ipRules;
  const rulesPath = [...vaultPath, 'firewall', 'ipRules'];
  // The limit is counted after sets are expanded (checks/named-sets.ts); `set:` entries are
  // checked there too, and the rules inside a set where the set is defined.
  const accepted: { range: Ipv4Range; path: Path; text: string }[] = [];
  rules.forEach((rule, index) => {
    if (isSetRef(rule)) return;
    const rulePath = [...rulesPath, index];
    const addressPath = typeof rule === 'string' ? rulePath : [...rulePath, 'address'];
    const range = checkAddress(ipRuleAddress(rule), addressPath, sink);
    if (range) accepted.push({ range, path: addressPath, text: ipRuleAddress(rule) });
    if (typeof rule !== 'string' && rule.expires !== undefined) {
      checkExpiry(rule.expires, ipRuleAddress(rule), [...rulePath, 'expires'], sink, options);
    }
  });
  reportOverlaps(accepted, sink);
}

export function checkAddress(text: string, path: Path, sink: FindingSink): Ipv4Range | undefined {
  const parsed = parseIpv4Rule(text);
  if (parsed.kind === 'ipv6') {
    sink.error(
      'ip/ipv6',
      path,
      `"${text}" is an IPv6 address; Key Vault firewalls accept IPv4 only: use the client's public IPv4 address, or a private endpoint`,
    );
    return undefined;
  }
  if (parsed.kind === 'invalid') {
    sink.error('ip/invalid', path, `"${text}" is not a valid IP rule: ${parsed.reason}`);
    return undefined;
  }
  const { range } = parsed;
  if (range.prefix === 0) {
    sink.error(
      'ip/zero-prefix',
      path,
      `"${text}" (a /0 range) would admit every address on the internet: to allow all networks set firewall.defaultAction to Allow, otherwise list the addresses you trust`,
    );
    return undefined;
  }
  if (parsed.hostBitsSet) {
    sink.error(
      'ip/host-bits',
      path,
      `"${text}" has host bits set below its /${range.prefix} prefix: did you mean ${range.cidr}? (or ${text.split('/')[0]} on its own)`,
    );
    return undefined;
  }
  const touched = specialRangesTouched(range)[0];
  if (touched?.addressClass === 'private' || touched?.addressClass === 'non-public') {
    const why =
      touched.addressClass === 'private'
        ? "Azure refuses private ranges in IP rules, because private traffic never reaches a vault's public endpoint: allow a subnet with a virtualNetworkRule, or use a private endpoint"
        : 'it is not public internet space, so it can never be the source of a request to the vault: use the public address your clients egress from';
    sink.error(
      touched.addressClass === 'private' ? 'ip/private' : 'ip/non-public',
      path,
      `"${text}" is or overlaps ${touched.range.cidr}, ${touched.label}; ${why}`,
    );
    return undefined;
  }
  if (touched?.addressClass === 'documentation') {
    sink.warning(
      'ip/documentation',
      path,
      `"${text}" is in ${touched.range.cidr}, ${touched.label}, reserved for examples: replace it with a real public address before relying on this rule`,
    );
  }
  return range;
}

export function reportOverlaps(
  rules: readonly { range: Ipv4Range; path: Path; text: string }[],
  sink: FindingSink,
): void {
  rules.forEach((rule, index) => {
    for (let earlier = 0; earlier < rules.length; earlier += 1) {
      const other = rules[earlier];
      if (!other || earlier === index) continue;
      const same = other.range.cidr === rule.range.cidr;
      if (same && earlier < index) {
        sink.warning(
          'ip/duplicate',
          rule.path,
          `"${rule.text}" repeats the rule "${other.text}" at ${sink.where(other.path)} (both mean ${rule.range.cidr}): remove one`,
        );
        return;
      }
      if (!same && contains(other.range, rule.range)) {
        sink.warning(
          'ip/contained',
          rule.path,
          `"${rule.text}" lies inside "${other.text}" at ${sink.where(other.path)}, so it adds nothing: remove it, or narrow the wider rule`,
        );
        return;
      }
    }
  });
}

export function checkExpiry(
  expires: string,
  address: string,
  path: Path,
  sink: FindingSink,
  options: CheckOptions,
): void {
  if (!isRealDate(expires)) {
    sink.error(
      'ip/expires-invalid',
      path,
      `"${expires}" is not a calendar date: write a real date as YYYY-MM-DD`,
    );
    return;
  }
  const days = daysBetween(options.today, expires);
  if (days < 0) {
    sink.warning(
      'ip/expired',
      path,
      `the rule for ${address} expired on ${expires}; the planner will remove it: delete it from the spec, or extend the date`,
    );
  } else if (days <= EXPIRY_WARNING_DAYS) {
    sink.warning(
      'ip/expires-soon',
      path,
      `the rule for ${address} expires on ${expires} (${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`}), after which the planner removes it: extend the date if it is still needed`,
    );
  }
}
