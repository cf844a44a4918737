// Vault network steps. A change that both opens and narrows is split in two PATCHes: the
// first only adds (rules, Allow, Enabled, bypass), the second only takes away, so there is
// no moment in between where a caller that should keep access has lost it.
import { resourceIdKey } from '../model/resource-id.js';
import {
  normalizeIpRules,
  normalizeVirtualNetworkRules,
  sameNetwork,
  visibleBasis,
  type VaultNetwork,
  type VirtualNetworkRule,
} from '../model/vault-network.js';
import type { DesiredVault } from '../state/desired.js';
import type { StepDraft } from './step-collector.js';
import type { Coded, PropertyChange, VaultNetworkPayload } from './types.js';

const ruleKey = (rule: VirtualNetworkRule) => resourceIdKey(rule.subnetId);

/** The least restrictive combination of before and after: after's openings, nothing removed. */
export function openingNetwork(before: VaultNetwork, after: VaultNetwork): VaultNetwork {
  const afterRuleKeys = new Map(after.virtualNetworkRules.map((rule) => [ruleKey(rule), rule]));
  const scalars = {
    publicNetworkAccess:
      after.publicNetworkAccess === 'Enabled' ? 'Enabled' : before.publicNetworkAccess,
    defaultAction: after.defaultAction === 'Allow' ? ('Allow' as const) : before.defaultAction,
    bypass: after.bypass === 'AzureServices' ? ('AzureServices' as const) : before.bypass,
  };
  return {
    ...scalars,
    ipRules: normalizeIpRules([...before.ipRules, ...after.ipRules]),
    // Rules kept from before take after's ignore flag when after also has them.
    virtualNetworkRules: normalizeVirtualNetworkRules([
      ...before.virtualNetworkRules.map((rule) => afterRuleKeys.get(ruleKey(rule)) ?? rule),
      ...after.virtualNetworkRules,
    ]),
    // A value the opening step leaves alone is still Azure's default, and is shown as such.
    defaulted: before.defaulted.filter((property) => scalars[property] === before[property]),
  };
}

/**
 * The opening network as the target's service accepts it. Managed HSM refuses IP rules while
 * defaultAction is Allow (target-kinds.ts): the opening step then leaves them out (with Allow
 * they admit no one more), and the narrowing step sets Deny and the rules in one PATCH.
 */
function admissibleOpening(desired: DesiredVault, opening: VaultNetwork): VaultNetwork {
  if (!desired.kind.firewall.ipRulesNeedDeny || opening.defaultAction !== 'Allow') return opening;
  return { ...opening, ipRules: [] };
}

function scalarChange(
  property: string,
  before: string,
  after: string,
  beforeIsDefault: boolean,
): PropertyChange[] {
  if (before === after) return [];
  return [{ property, op: 'set', before, after, beforeIsDefault }];
}

/** The property differences between two networks; what they do to access is the model's. */
export function networkChanges(
  before: VaultNetwork,
  after: VaultNetwork,
  reasons: ReadonlyMap<string, Coded> = new Map(),
  origins: RuleOrigins = NO_ORIGINS,
): PropertyChange[] {
  const ipSets = (cidr: string) => setsField(origins.ipRules.get(cidr));
  const subnetSets = (id: string) => setsField(origins.virtualNetworkRules.get(resourceIdKey(id)));
  const changes: PropertyChange[] = [
    ...scalarChange(
      'publicNetworkAccess',
      before.publicNetworkAccess,
      after.publicNetworkAccess,
      before.defaulted.includes('publicNetworkAccess'),
    ),
    ...scalarChange(
      'networkAcls.defaultAction',
      before.defaultAction,
      after.defaultAction,
      before.defaulted.includes('defaultAction'),
    ),
    ...scalarChange(
      'networkAcls.bypass',
      before.bypass,
      after.bypass,
      before.defaulted.includes('bypass'),
    ),
  ];
  const beforeIps = new Set(before.ipRules);
  const afterIps = new Set(after.ipRules);
  for (const cidr of after.ipRules) {
    if (!beforeIps.has(cidr))
      changes.push({
        property: 'networkAcls.ipRules',
        op: 'add',
        after: cidr,
        reason: reasons.get(cidr),
        ...ipSets(cidr),
      });
  }
  for (const cidr of before.ipRules) {
    if (!afterIps.has(cidr)) {
      changes.push({
        property: 'networkAcls.ipRules',
        op: 'remove',
        before: cidr,
        reason: reasons.get(cidr),
        ...ipSets(cidr),
      });
    }
  }
  const beforeRules = new Set(before.virtualNetworkRules.map(ruleKey));
  const afterRules = new Set(after.virtualNetworkRules.map(ruleKey));
  for (const rule of after.virtualNetworkRules) {
    if (!beforeRules.has(ruleKey(rule))) {
      changes.push({
        property: 'networkAcls.virtualNetworkRules',
        op: 'add',
        after: rule.subnetId,
        ...subnetSets(rule.subnetId),
      });
    }
  }
  for (const rule of before.virtualNetworkRules) {
    if (!afterRules.has(ruleKey(rule))) {
      changes.push({
        property: 'networkAcls.virtualNetworkRules',
        op: 'remove',
        before: rule.subnetId,
        ...subnetSets(rule.subnetId),
      });
    }
  }
  return changes;
}

/** Which named sets each desired rule comes from: by canonical CIDR, and by subnet id key. */
export interface RuleOrigins {
  readonly ipRules: ReadonlyMap<string, readonly string[]>;
  readonly virtualNetworkRules: ReadonlyMap<string, readonly string[]>;
}

const NO_ORIGINS: RuleOrigins = { ipRules: new Map(), virtualNetworkRules: new Map() };

function setsField(sets: readonly string[] | undefined): { sets?: readonly string[] } {
  return sets && sets.length > 0 ? { sets } : {};
}

/** The sets behind each of a vault's rules (expired entries included: their removal shows it). */
export function ruleOrigins(desired: DesiredVault): RuleOrigins {
  const ipRules = new Map<string, string[]>();
  for (const rule of [...desired.ipRules]) {
    if (rule.set === undefined) continue;
    const list = ipRules.get(rule.cidr) ?? [];
    if (!list.includes(rule.set)) ipRules.set(rule.cidr, [...list, rule.set].sort());
  }
  return { ipRules, virtualNetworkRules: desired.virtualNetworkRuleSets ?? new Map() };
}

export function toPayload(network: VaultNetwork): VaultNetworkPayload {
  return {
    publicNetworkAccess: network.publicNetworkAccess,
    networkAcls: {
      defaultAction: network.defaultAction,
      bypass: network.bypass,
      ipRules: [...network.ipRules],
      virtualNetworkRules: network.virtualNetworkRules.map((rule) => ({
        id: rule.subnetId,
        ignoreMissingVnetServiceEndpoint: rule.ignoreMissingServiceEndpoint,
      })),
    },
  };
}

export interface VaultNetworkSteps {
  readonly open?: StepDraft;
  readonly narrow?: StepDraft;
}

export function vaultNetworkSteps(
  desired: DesiredVault,
  liveNetwork: VaultNetwork,
): VaultNetworkSteps {
  const after = desired.network;
  if (sameNetwork(liveNetwork, after)) return {};
  const live = visibleBasis(liveNetwork, after);
  // What a reviewer should see beside an IP rule: the spec's note and expiry, or why it goes.
  const reasons = new Map<string, Coded>();
  for (const rule of desired.ipRules) {
    if (rule.note === undefined && rule.expires === undefined) continue;
    reasons.set(rule.cidr, {
      code: 'ip-rule/annotated',
      params: {
        ...(rule.note === undefined ? {} : { note: rule.note }),
        ...(rule.expires === undefined ? {} : { expires: rule.expires }),
      },
    });
  }
  for (const rule of desired.expiredRules)
    reasons.set(rule.cidr, { code: 'ip-rule/expired', params: { expires: rule.expires ?? '' } });
  const opening = admissibleOpening(desired, openingNetwork(live, after));
  const base = {
    kind: 'vault' as const,
    action: 'update' as const,
    resourceId: desired.id,
    resourceName: desired.name,
    vaults: [desired.name],
    dependsOn: [],
    flags: { destructive: false, lockout: false, blocked: false },
    notes: live.firewallHidden ? [{ code: 'vault/firewall-sent-whole', params: {} }] : [],
  };
  const origins = ruleOrigins(desired);
  const openChanges = networkChanges(live, opening, reasons, origins);
  const narrowChanges = networkChanges(opening, after, reasons, origins);
  const open: StepDraft | undefined =
    openChanges.length > 0
      ? {
          ...base,
          id: `vault:${resourceIdKey(desired.id)}:open`,
          phase: 'open',
          changes: openChanges,
          payload: { kind: 'vault', network: toPayload(opening) },
        }
      : undefined;
  const narrow: StepDraft | undefined =
    narrowChanges.length > 0
      ? {
          ...base,
          id: `vault:${resourceIdKey(desired.id)}:narrow`,
          phase: 'narrow',
          changes: narrowChanges,
          dependsOn: open ? [open.id] : [],
          payload: { kind: 'vault', network: toPayload(after) },
        }
      : undefined;
  return { open, narrow };
}
