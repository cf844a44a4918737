// Desired state: the spec set resolved into full resource ids and normal forms, with each
// value remembering where in the spec it was written.
import { CLOUD_PROFILES, type CloudProfile } from '../model/clouds.js';
import { internId } from '../model/interned.js';
import { canonicalCidr } from '../model/ipv4.js';
import { MANAGED_HSM_KIND, VAULT_KIND, type TargetKind } from '../model/target-kinds.js';
import { formatResourceId, parseResourceId, resourceIdKey } from '../model/resource-id.js';
import {
  normalizeIpRules,
  normalizeVirtualNetworkRules,
  type VaultNetwork,
} from '../model/vault-network.js';
import { daysBetween } from '../spec/checks/dates.js';
import { EXPIRY_WARNING_DAYS, ipRuleAddress } from '../spec/checks/ip-rules.js';
import type { LoadedSpecFile } from '../spec/checks/context.js';
import type { Position } from '../spec/findings.js';
import {
  resolveSubnetId,
  resolveVirtualNetworkId,
  vaultPlacement,
  type Placement,
} from '../spec/refs.js';
import type { PrivateEndpointSpec, VaultSpec } from '../spec/schema.js';
import { expandEntries, SetRegistry, type SetKind, type SetLookup } from '../spec/sets.js';
import type { Path } from '../spec/yaml-loader.js';

export interface SourceRef extends Position {
  readonly file: string;
}

export interface IpRuleInfo {
  readonly cidr: string;
  readonly note?: string;
  readonly expires?: string;
  readonly source: SourceRef;
  /** The ipSet whose list holds this rule; absent for a rule written in the vault. */
  readonly set?: string;
}

export interface DesiredLink {
  readonly id: string;
  readonly name: string;
  readonly virtualNetworkId: string;
}

export interface DesiredDns {
  readonly zoneId: string;
  readonly zoneName: string;
  /** True when the spec names the zone (kvnet creates it if absent); false for zoneId. */
  readonly createIfMissing: boolean;
  readonly links: readonly DesiredLink[];
  readonly zoneGroup?: { readonly id: string; readonly name: string };
}

export interface DesiredPrivateEndpoint {
  readonly id: string;
  readonly name: string;
  readonly subscription: string;
  readonly resourceGroup: string;
  readonly location?: string;
  readonly subnetId: string;
  readonly connectionName: string;
  readonly manualApproval: boolean;
  readonly requestMessage?: string;
  readonly dns?: DesiredDns;
  readonly source: SourceRef;
}

/**
 * Where each setting of a vault is written, so a plan finding points at the value that caused
 * it, not at the vault's name. A setting left out of the spec (a default) points at the nearest
 * enclosing value the spec does write (the firewall, or the vault).
 */
export interface VaultSources {
  readonly publicNetworkAccess: SourceRef;
  readonly defaultAction: SourceRef;
  readonly privateEndpoints: SourceRef;
  readonly unmanagedConnections: SourceRef;
  readonly acknowledgeLockout: SourceRef;
  /** Each VNet rule's position, by the subnet id it resolves to. */
  readonly virtualNetworkRules: readonly {
    readonly subnetId: string;
    readonly source: SourceRef;
  }[];
}

export type VaultSetting = Exclude<keyof VaultSources, 'virtualNetworkRules'>;

/** The spec position of a vault's setting (the vault's own position when none was recorded). */
export function settingSource(vault: DesiredVault, setting: VaultSetting): SourceRef {
  return vault.sources?.[setting] ?? vault.source;
}

/** The spec position of the VNet rule for a subnet (compared case-insensitively). */
export function vnetRuleSource(vault: DesiredVault, subnetId: string): SourceRef {
  const wanted = subnetId.toLowerCase();
  return (
    vault.sources?.virtualNetworkRules.find((rule) => rule.subnetId.toLowerCase() === wanted)
      ?.source ?? vault.source
  );
}

export interface DesiredVault {
  /** Vault or managed HSM: what differs between them (target-kinds.ts). */
  readonly kind: TargetKind;
  readonly id: string;
  readonly name: string;
  readonly subscription: string;
  readonly resourceGroup: string;
  readonly cloud: CloudProfile;
  readonly source: SourceRef;
  /** Where its settings are written (absent in hand-built states: findings then use `source`). */
  readonly sources?: VaultSources;
  /** The network to converge to: expired IP rules already left out. */
  readonly network: VaultNetwork;
  readonly ipRules: readonly IpRuleInfo[];
  readonly expiredRules: readonly IpRuleInfo[];
  readonly expiringRules: readonly IpRuleInfo[];
  /** Subnets whose Microsoft.KeyVault endpoint kvnet ensures. */
  readonly ensureServiceEndpointOn: readonly string[];
  readonly privateEndpoints: readonly DesiredPrivateEndpoint[];
  readonly unmanagedConnections: 'report' | 'reject';
  readonly acknowledgeLockout: boolean;
  /** Best-practice finding ids not to report for this vault (its own and its file's). */
  readonly disabledFindings: readonly string[];
  /** The named sets the vault uses, directly or through other sets, by kind (sorted). */
  readonly sets: { readonly ipSet: readonly string[]; readonly subnetSet: readonly string[] };
  /** The subnetSets each VNet rule came from, by subnet id key; absent when none. */
  readonly virtualNetworkRuleSets: ReadonlyMap<string, readonly string[]>;
}

export interface DesiredState {
  readonly vaults: readonly DesiredVault[];
}

function sourceOf(loaded: LoadedSpecFile, path: Path): SourceRef {
  return { file: loaded.file, ...loaded.positions.valueAt(path) };
}

export function vaultId(placement: Placement, name: string, kind: TargetKind = VAULT_KIND): string {
  return formatResourceId({
    subscription: placement.subscription,
    resourceGroup: placement.resourceGroup,
    provider: kind.provider,
    segments: [[kind.typeSegment, name]],
  });
}

function resolveDns(
  endpoint: PrivateEndpointSpec,
  placement: Placement,
  endpointId: string,
): DesiredDns | undefined {
  const dns = endpoint.dns;
  if (!dns || (dns.zone === undefined && dns.zoneId === undefined)) return undefined;
  let zoneId: string;
  let zoneName: string;
  if (dns.zoneId !== undefined) {
    const parsed = parseResourceId(dns.zoneId);
    zoneId = parsed.ok ? formatResourceId(parsed.id) : dns.zoneId;
    zoneName = parsed.ok ? (parsed.id.segments[0]?.[1] ?? '') : '';
  } else {
    zoneName = dns.zone ?? '';
    zoneId = formatResourceId({
      subscription: placement.subscription,
      resourceGroup: placement.resourceGroup,
      provider: 'Microsoft.Network',
      segments: [['privateDnsZones', zoneName]],
    });
  }
  return {
    zoneId,
    zoneName,
    createIfMissing: dns.zoneId === undefined,
    links: dns.links.map((link) => ({
      id: internId(`${zoneId}/virtualNetworkLinks/${link.name}`),
      name: link.name,
      virtualNetworkId: resolveVirtualNetworkId(link, placement),
    })),
    zoneGroup:
      dns.zoneGroup === undefined
        ? undefined
        : {
            id: internId(`${endpointId}/privateDnsZoneGroups/${dns.zoneGroup}`),
            name: dns.zoneGroup,
          },
  };
}

function resolvePrivateEndpoint(
  loaded: LoadedSpecFile,
  endpoint: PrivateEndpointSpec,
  vaultPlacementValue: Placement,
  path: Path,
): DesiredPrivateEndpoint {
  const placement: Placement = {
    subscription: vaultPlacementValue.subscription,
    resourceGroup: endpoint.resourceGroup ?? vaultPlacementValue.resourceGroup,
  };
  const id = formatResourceId({
    subscription: placement.subscription,
    resourceGroup: placement.resourceGroup,
    provider: 'Microsoft.Network',
    segments: [['privateEndpoints', endpoint.name]],
  });
  return {
    id,
    name: endpoint.name,
    subscription: placement.subscription,
    resourceGroup: placement.resourceGroup,
    location: endpoint.location ?? loaded.spec.defaults.location,
    subnetId: resolveSubnetId(endpoint.subnet, vaultPlacementValue),
    connectionName: endpoint.connectionName,
    manualApproval: endpoint.manualApproval,
    requestMessage: endpoint.requestMessage,
    dns: resolveDns(endpoint, placement, id),
    source: sourceOf(loaded, path),
  };
}

function resolveVault(
  loaded: LoadedSpecFile,
  vault: VaultSpec,
  index: number,
  today: string,
  registry: SetLookup,
  kind: TargetKind = VAULT_KIND,
): DesiredVault | undefined {
  const placement = vaultPlacement(loaded.spec, vault);
  if (!placement) return undefined;
  const vaultPath = [kind.specSection, index];
  const ipExpansion = expandEntries(
    'ipSet',
    vault.firewall.ipRules,
    loaded,
    [...vaultPath, 'firewall', 'ipRules'],
    registry,
  );
  const ipRules: IpRuleInfo[] = ipExpansion.rules.map(({ rule, loaded: file, path, set }) => {
    const address = ipRuleAddress(rule);
    return {
      cidr: canonicalCidr(address) ?? address,
      note: typeof rule === 'string' ? undefined : rule.note,
      expires: typeof rule === 'string' ? undefined : rule.expires,
      source: sourceOf(file, path),
      ...(set === undefined ? {} : { set }),
    };
  });
  const expired = ipRules.filter(
    (rule) => rule.expires !== undefined && daysBetween(today, rule.expires) < 0,
  );
  const expiring = ipRules.filter(
    (rule) =>
      rule.expires !== undefined &&
      daysBetween(today, rule.expires) >= 0 &&
      daysBetween(today, rule.expires) <= EXPIRY_WARNING_DAYS,
  );
  const liveRules = ipRules.filter((rule) => !expired.includes(rule));
  const vnetExpansion = expandEntries(
    'subnetSet',
    vault.firewall.virtualNetworkRules,
    loaded,
    [...vaultPath, 'firewall', 'virtualNetworkRules'],
    registry,
  );
  const vnetRules = vnetExpansion.rules.map(({ rule }) => ({
    subnetId: resolveSubnetId(rule.subnet, placement),
    ignoreMissingServiceEndpoint: rule.serviceEndpoint === 'ignore',
  }));
  const virtualNetworkRuleSets = new Map<string, string[]>();
  vnetExpansion.rules.forEach(({ set }, at) => {
    const subnet = vnetRules[at];
    if (set === undefined || !subnet) return;
    const subnetKey = resourceIdKey(subnet.subnetId);
    const list = virtualNetworkRuleSets.get(subnetKey) ?? [];
    if (!list.includes(set)) virtualNetworkRuleSets.set(subnetKey, [...list, set].sort());
  });
  return {
    kind,
    id: vaultId(placement, vault.name, kind),
    name: vault.name,
    subscription: placement.subscription,
    resourceGroup: placement.resourceGroup,
    cloud: CLOUD_PROFILES[loaded.spec.defaults.cloud],
    source: sourceOf(loaded, [...vaultPath, 'name']),
    sources: {
      publicNetworkAccess: sourceOf(loaded, [...vaultPath, 'publicNetworkAccess']),
      defaultAction: sourceOf(loaded, [...vaultPath, 'firewall', 'defaultAction']),
      privateEndpoints: sourceOf(loaded, [...vaultPath, 'privateEndpoints']),
      unmanagedConnections: sourceOf(loaded, [
        ...vaultPath,
        'privateEndpointConnections',
        'unmanaged',
      ]),
      acknowledgeLockout: sourceOf(loaded, [...vaultPath, 'acknowledgeLockout']),
      virtualNetworkRules: vnetRules.map((rule, ruleIndex) => ({
        subnetId: rule.subnetId,
        source: sourceOf(loaded, [...vaultPath, 'firewall', 'virtualNetworkRules', ruleIndex]),
      })),
    },
    network: {
      publicNetworkAccess: vault.publicNetworkAccess,
      defaultAction: vault.firewall.defaultAction,
      bypass: vault.firewall.bypass,
      ipRules: normalizeIpRules(liveRules.map((rule) => rule.cidr)),
      virtualNetworkRules: normalizeVirtualNetworkRules(vnetRules),
      defaulted: [],
    },
    ipRules,
    expiredRules: expired,
    expiringRules: expiring,
    ensureServiceEndpointOn: normalizeVirtualNetworkRules(
      vnetRules.filter((rule) => !rule.ignoreMissingServiceEndpoint),
    ).map((rule) => rule.subnetId),
    privateEndpoints: vault.privateEndpoints.map((endpoint, endpointIndex) =>
      resolvePrivateEndpoint(loaded, endpoint, placement, [
        ...vaultPath,
        'privateEndpoints',
        endpointIndex,
        'name',
      ]),
    ),
    unmanagedConnections: vault.privateEndpointConnections.unmanaged,
    acknowledgeLockout: vault.acknowledgeLockout,
    disabledFindings: [
      ...new Set([...loaded.spec.defaults.disableFindings, ...vault.disableFindings]),
    ],
    sets: { ipSet: ipExpansion.sets, subnetSet: vnetExpansion.sets },
    virtualNetworkRuleSets,
  };
}

/** Resolves validated spec files (call only when validation reported no error). */
export function resolveDesiredState(files: readonly LoadedSpecFile[], today: string): DesiredState {
  const registry = new SetRegistry(files);
  return { vaults: files.flatMap((loaded) => resolveFile(loaded, today, registry)) };
}

/**
 * A file's vaults are a function of the file, the day and the set definitions its lists look
 * up, nothing else. The early reads resolve each file alone as it is parsed, and the whole set
 * is resolved again once valid: a file whose every lookup finds the same definition (or the
 * same absence) in the whole set keeps what it resolved to alone, instead of being resolved
 * twice. One that looked up a set another file defines is resolved again.
 */
interface ResolvedFile {
  readonly today: string;
  readonly lookups: readonly Lookup[];
  readonly vaults: readonly DesiredVault[];
}

interface Lookup {
  readonly kind: SetKind;
  readonly name: string;
  /** The file whose definition was found (a file defines a name once); undefined if none. */
  readonly foundIn: LoadedSpecFile | undefined;
}

const resolvedFiles = new WeakMap<LoadedSpecFile, ResolvedFile>();

function resolveFile(
  loaded: LoadedSpecFile,
  today: string,
  registry: SetLookup,
): readonly DesiredVault[] {
  const known = resolvedFiles.get(loaded);
  if (
    known?.today === today &&
    known.lookups.every(({ kind, name, foundIn }) => registry.get(kind, name)?.loaded === foundIn)
  )
    return known.vaults;
  const lookups: Lookup[] = [];
  const recording: SetLookup = {
    get: (kind, name) => {
      const found = registry.get(kind, name);
      lookups.push({ kind, name, foundIn: found?.loaded });
      return found;
    },
  };
  const vaults = [
    ...loaded.spec.vaults.flatMap((vault, index) => {
      const resolved = resolveVault(loaded, vault, index, today, recording);
      return resolved ? [resolved] : [];
    }),
    ...(loaded.spec.managedHsms ?? []).flatMap((hsm, index) => {
      const resolved = resolveVault(loaded, hsm, index, today, recording, MANAGED_HSM_KIND);
      return resolved ? [resolved] : [];
    }),
  ];
  resolvedFiles.set(loaded, { today, lookups, vaults });
  return vaults;
}
