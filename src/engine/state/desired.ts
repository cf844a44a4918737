// Desired state: the spec set resolved into full resource ids and normal forms, with each
// value remembering where in the spec it was written.
import { CLOUD_PROFILES, type CloudProfile } from '../model/clouds.js';
import { canonicalCidr } from '../model/ipv4.js';
import { MANAGED_HSM_KIND, VAULT_KIND, type TargetKind } from '../model/target-kinds.js';
import { formatResourceId, parseResourceId } from '../model/resource-id.js';
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
import type { Path } from '../spec/yaml-loader.js';

export interface SourceRef extends Position {
  readonly file: string;
}

export interface IpRuleInfo {
  readonly cidr: string;
  readonly note?: string;
  readonly expires?: string;
  readonly source: SourceRef;
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

export interface DesiredVault {
  /** Vault or managed HSM: what differs between them (target-kinds.ts). */
  readonly kind: TargetKind;
  readonly id: string;
  readonly name: string;
  readonly subscription: string;
  readonly resourceGroup: string;
  readonly cloud: CloudProfile;
  readonly source: SourceRef;
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
      id: `${zoneId}/virtualNetworkLinks/${link.name}`,
      name: link.name,
      virtualNetworkId: resolveVirtualNetworkId(link, placement),
    })),
    zoneGroup:
      dns.zoneGroup === undefined
        ? undefined
        : { id: `${endpointId}/privateDnsZoneGroups/${dns.zoneGroup}`, name: dns.zoneGroup },
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
  kind: TargetKind = VAULT_KIND,
): DesiredVault | undefined {
  const placement = vaultPlacement(loaded.spec, vault);
  if (!placement) return undefined;
  const vaultPath = [kind.specSection, index];
  const ipRules: IpRuleInfo[] = vault.firewall.ipRules.map((rule, ruleIndex) => {
    const address = ipRuleAddress(rule);
    return {
      cidr: canonicalCidr(address) ?? address,
      note: typeof rule === 'string' ? undefined : rule.note,
      expires: typeof rule === 'string' ? undefined : rule.expires,
      source: sourceOf(loaded, [...vaultPath, 'firewall', 'ipRules', ruleIndex]),
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
  const vnetRules = vault.firewall.virtualNetworkRules.map((rule) => ({
    subnetId: resolveSubnetId(rule.subnet, placement),
    ignoreMissingServiceEndpoint: rule.serviceEndpoint === 'ignore',
  }));
  return {
    kind,
    id: vaultId(placement, vault.name, kind),
    name: vault.name,
    subscription: placement.subscription,
    resourceGroup: placement.resourceGroup,
    cloud: CLOUD_PROFILES[loaded.spec.defaults.cloud],
    source: sourceOf(loaded, [...vaultPath, 'name']),
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
  };
}

/** Resolves validated spec files (call only when validation reported no error). */
export function resolveDesiredState(files: readonly LoadedSpecFile[], today: string): DesiredState {
  const vaults = files.flatMap((loaded) => [
    ...loaded.spec.vaults.flatMap((vault, index) => {
      const resolved = resolveVault(loaded, vault, index, today);
      return resolved ? [resolved] : [];
    }),
    ...(loaded.spec.managedHsms ?? []).flatMap((hsm, index) => {
      const resolved = resolveVault(loaded, hsm, index, today, MANAGED_HSM_KIND);
      return resolved ? [resolved] : [];
    }),
  ]);
  return { vaults };
}
