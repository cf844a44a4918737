// Builds desired and live states as plain values for the pure planner tests: the planner is a
// function of values, so these tests feed it values (no SDK, no port double).
import { resourceIdKey } from '../../src/engine/model/resource-id.js';
import {
  normalizeLiveNetwork,
  type RawVaultNetwork,
} from '../../src/engine/model/vault-network.js';
import { resolveDesiredState, type DesiredState } from '../../src/engine/state/desired.js';
import type {
  LiveConnection,
  LivePrivateEndpoint,
  LiveVault,
  LiveVirtualNetwork,
  LiveZoneGroup,
  ReadOutcome,
} from '../../src/engine/state/live.js';
import { resourceGroupKey, type LiveSnapshot } from '../../src/engine/state/read-live.js';
import { validateSpecSet } from '../../src/engine/spec/validate.js';

export const SUB = '11111111-1111-1111-1111-111111111111';
export const RG = 'rg-secrets';
export const TODAY = '2026-11-29';

export function desiredFrom(yaml: string, today = TODAY): DesiredState {
  const result = validateSpecSet([{ file: 'spec.yaml', text: yaml }], { today });
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) throw new Error(`test spec is invalid: ${JSON.stringify(errors)}`);
  return resolveDesiredState(result.files, today);
}

export function vaultId(name: string, rg = RG, sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}`;
}

export function liveVault(
  name: string,
  raw: RawVaultNetwork,
  connections: LiveConnection[] = [],
): LiveVault {
  return {
    id: vaultId(name),
    name,
    location: 'westeurope',
    network: normalizeLiveNetwork(raw),
    connections,
    usesAccessPolicies: false,
  };
}

export interface SnapshotParts {
  vaults?: (LiveVault | { id: string; outcome: ReadOutcome<LiveVault> })[];
  virtualNetworks?: LiveVirtualNetwork[];
  /** VNets read only for live VNet rules, with their outcome (an error is tolerated on 403/404). */
  liveRuleVirtualNetworks?: { id: string; outcome: ReadOutcome<LiveVirtualNetwork> }[];
  /** Subscriptions whose subnets may be read for live rules (default: SUB). */
  subnetReadSubscriptions?: string[];
  privateEndpoints?: { sub: string; rg: string; endpoints: LivePrivateEndpoint[] }[];
  /** Zone groups by private endpoint id. */
  zoneGroups?: { privateEndpointId: string; groups: LiveZoneGroup[] }[];
  zones?: string[];
}

export function snapshot(parts: SnapshotParts): LiveSnapshot {
  const ok = <T>(value: T): ReadOutcome<T> => ({ status: 'ok', value });
  return {
    vaults: new Map(
      (parts.vaults ?? []).map((entry) =>
        'outcome' in entry
          ? [resourceIdKey(entry.id), entry.outcome]
          : [resourceIdKey(entry.id), ok(entry)],
      ),
    ),
    virtualNetworks: new Map([
      ...(parts.virtualNetworks ?? []).map((vnet) => [resourceIdKey(vnet.id), ok(vnet)] as const),
      ...(parts.liveRuleVirtualNetworks ?? []).map(
        (entry) => [resourceIdKey(entry.id), entry.outcome] as const,
      ),
    ]),
    liveRuleVirtualNetworks: new Set(
      (parts.liveRuleVirtualNetworks ?? []).map((entry) => resourceIdKey(entry.id)),
    ),
    subnetReadSubscriptions: new Set(
      (parts.subnetReadSubscriptions ?? [SUB]).map((sub) => sub.toLowerCase()),
    ),
    privateEndpointLists: new Map(
      (parts.privateEndpoints ?? []).map((group) => [
        resourceGroupKey(group.sub, group.rg),
        ok(group.endpoints),
      ]),
    ),
    zoneGroupLists: new Map(
      (parts.zoneGroups ?? []).map((entry) => [
        resourceIdKey(entry.privateEndpointId),
        ok(entry.groups),
      ]),
    ),
    zones: new Map(
      (parts.zones ?? []).map((zone) => [
        resourceIdKey(zone),
        ok({ id: zone, name: zone.split('/').pop() ?? '' }),
      ]),
    ),
    links: new Map(),
    aRecordSets: new Map(),
  };
}

export function vnet(
  id: string,
  subnets: { name: string; endpoints?: string[] }[],
): LiveVirtualNetwork {
  return {
    id,
    name: id.split('/').pop() ?? '',
    location: 'westeurope',
    subnets: subnets.map((subnet) => ({
      id: `${id}/subnets/${subnet.name}`,
      name: subnet.name,
      addressPrefixes: ['10.0.0.0/24'],
      serviceEndpoints: subnet.endpoints ?? [],
    })),
  };
}

export const HEADER = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
  location: westeurope
vaults:
`;
