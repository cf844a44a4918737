// The part of a vault kvnet owns (networkAcls and publicNetworkAccess), in one normal form
// so that desired and live compare equal whenever Azure would treat them the same
// (AZURE-FACTS.md §1a, §6.1): canonical CIDRs, case-insensitive subnet ids, sets not lists,
// and Azure's defaults made explicit.
import { Interner, internId } from './interned.js';
import { canonicalCidr, parseIpv4Rule, rangeSortKey } from './ipv4.js';
import { formatResourceId, parseResourceId, resourceIdKey } from './resource-id.js';

export type DefaultAction = 'Allow' | 'Deny';
export type Bypass = 'AzureServices' | 'None';
export type PublicNetworkAccess = 'Enabled' | 'Disabled';

export interface VirtualNetworkRule {
  /** Canonical subnet id. */
  readonly subnetId: string;
  /** Sent as ignoreMissingVnetServiceEndpoint; never compared (Azure does not echo it). */
  readonly ignoreMissingServiceEndpoint: boolean;
}

export interface VaultNetwork {
  /** A value Azure may report that we do not model (e.g. perimeter modes) is kept verbatim. */
  readonly publicNetworkAccess: PublicNetworkAccess | string;
  readonly defaultAction: DefaultAction;
  readonly bypass: Bypass;
  /** Canonical CIDRs, unique, in numeric order. */
  readonly ipRules: readonly string[];
  /** Unique by subnet (case-insensitive), ordered by canonical id. */
  readonly virtualNetworkRules: readonly VirtualNetworkRule[];
  /** Which properties were absent on read and so take Azure's default. */
  readonly defaulted: readonly ('publicNetworkAccess' | 'defaultAction' | 'bypass')[];
  /**
   * Read only: Azure withheld networkAcls because public network access is Disabled
   * (azure-powershell #20744, AZURE-FACTS §8). The firewall fields then say nothing about
   * the vault (whether Azure kept the rules or cleared them is not knowable), and while
   * public access stays Disabled the firewall admits no one anyway.
   */
  readonly firewallHidden?: true;
}

/** What a GET of a vault carries, loosely typed because Azure's answers vary. */
export interface RawVaultNetwork {
  readonly publicNetworkAccess?: string | null;
  readonly networkAcls?: {
    readonly defaultAction?: string | null;
    readonly bypass?: string | null;
    readonly ipRules?: readonly { readonly value?: string | null }[] | null;
    readonly virtualNetworkRules?:
      | readonly {
          readonly id?: string | null;
          readonly ignoreMissingVnetServiceEndpoint?: boolean | null;
        }[]
      | null;
  } | null;
}

/** Each rule text's canonical id, made once (every live vault's rules name the same few subnets). */
const canonicalSubnetIds = new Interner();

function canonicalSubnetId(id: string): string {
  return canonicalSubnetIds.intern(id, (text) => {
    const parsed = parseResourceId(text);
    return parsed.ok ? formatResourceId(parsed.id) : internId(text);
  });
}

export function normalizeIpRules(values: readonly string[]): string[] {
  const unique = new Map<string, string>();
  for (const value of values) {
    const cidr = canonicalCidr(value) ?? value.trim();
    unique.set(cidr, cidr);
  }
  return [...unique.values()]
    .map((cidr) => ({ cidr, key: sortKey(cidr) }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ cidr }) => cidr);
}

function sortKey(cidr: string): string {
  const parsed = parseIpv4Rule(cidr);
  return parsed.kind === 'ok' ? rangeSortKey(parsed.range) : `~${cidr}`;
}

export function normalizeVirtualNetworkRules(
  rules: readonly VirtualNetworkRule[],
): VirtualNetworkRule[] {
  const unique = new Map<string, VirtualNetworkRule>();
  for (const rule of rules) {
    const key = resourceIdKey(rule.subnetId);
    const previous = unique.get(key);
    unique.set(key, {
      subnetId: previous?.subnetId ?? canonicalSubnetId(rule.subnetId),
      ignoreMissingServiceEndpoint:
        (previous?.ignoreMissingServiceEndpoint ?? false) || rule.ignoreMissingServiceEndpoint,
    });
  }
  return [...unique.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, rule]) => rule);
}

function capitalized<T extends string>(
  value: string | null | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === null || value === undefined) return undefined;
  return allowed.find((option) => option.toLowerCase() === value.toLowerCase());
}

/** Normalises a vault as read from Azure; an absent networkAcls means Azure's defaults. */
export function normalizeLiveNetwork(raw: RawVaultNetwork): VaultNetwork {
  const acls = raw.networkAcls ?? undefined;
  const defaulted: VaultNetwork['defaulted'][number][] = [];
  const publicNetworkAccess =
    capitalized(raw.publicNetworkAccess, ['Enabled', 'Disabled'] as const) ??
    raw.publicNetworkAccess ??
    undefined;
  if (publicNetworkAccess === undefined) defaulted.push('publicNetworkAccess');
  const defaultAction = capitalized(acls?.defaultAction, ['Allow', 'Deny'] as const);
  if (defaultAction === undefined) defaulted.push('defaultAction');
  const bypass = capitalized(acls?.bypass, ['AzureServices', 'None'] as const);
  if (bypass === undefined) defaulted.push('bypass');
  const firewallHidden =
    (acls === undefined || acls === null) &&
    typeof publicNetworkAccess === 'string' &&
    publicNetworkAccess.toLowerCase() === 'disabled';
  return {
    ...(firewallHidden ? { firewallHidden: true as const } : {}),
    publicNetworkAccess: publicNetworkAccess ?? 'Enabled',
    defaultAction: defaultAction ?? 'Allow',
    bypass: bypass ?? 'AzureServices',
    ipRules: normalizeIpRules(
      (acls?.ipRules ?? []).flatMap((rule) => (rule.value ? [rule.value] : [])),
    ),
    virtualNetworkRules: normalizeVirtualNetworkRules(
      (acls?.virtualNetworkRules ?? []).flatMap((rule) =>
        rule.id ? [{ subnetId: rule.id, ignoreMissingServiceEndpoint: false }] : [],
      ),
    ),
    defaulted,
  };
}

/** The owned properties as plain comparable values (ignore flags excluded: never echoed). */
export function comparableNetwork(network: VaultNetwork): Record<string, unknown> {
  if (network.firewallHidden)
    return { publicNetworkAccess: network.publicNetworkAccess, firewall: 'not visible' };
  return {
    publicNetworkAccess: network.publicNetworkAccess,
    defaultAction: network.defaultAction,
    bypass: network.bypass,
    ipRules: [...network.ipRules],
    virtualNetworkRules: network.virtualNetworkRules.map((rule) => resourceIdKey(rule.subnetId)),
  };
}

/**
 * Whether Azure would treat the two alike. When one side's firewall is hidden (public access
 * Disabled, networkAcls withheld), only publicNetworkAccess can be compared: with public
 * access Disabled on both sides the firewall admits no one, whatever it holds.
 */
export function sameNetwork(a: VaultNetwork, b: VaultNetwork): boolean {
  if (a.firewallHidden || b.firewallHidden) return a.publicNetworkAccess === b.publicNetworkAccess;
  return JSON.stringify(comparableNetwork(a)) === JSON.stringify(comparableNetwork(b));
}

/**
 * The live network to diff against: a hidden firewall is taken to be the desired one, since
 * nothing about it can be known and it is moot while public access stays Disabled. A change
 * that enables public access then sends the spec's firewall whole in the same PATCH (never a
 * default "Allow" in between), which is right whether Azure kept or cleared the old rules.
 */
export function visibleBasis(live: VaultNetwork, desired: VaultNetwork): VaultNetwork {
  if (!live.firewallHidden) return live;
  return {
    publicNetworkAccess: live.publicNetworkAccess,
    defaultAction: desired.defaultAction,
    bypass: desired.bypass,
    ipRules: desired.ipRules,
    virtualNetworkRules: desired.virtualNetworkRules,
    defaulted: [],
    firewallHidden: true,
  };
}

export const FIREWALL_NOT_VISIBLE =
  'the firewall (networkAcls) is not visible while public network access is disabled: Azure withholds it, so kvnet cannot tell whether rules are kept or were cleared';
