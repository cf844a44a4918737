// The world the access model reads, built from the live snapshot and the desired state, and
// the change each plan step makes to it (what Azure will look like once the step has run).
import {
  key,
  recordKey,
  setSubnetWithUndo,
  setWithUndo,
  undoAll,
  type EndpointFact,
  type RecordTarget,
  type SubnetFact,
  type Undo,
  type World,
  type WorldVault,
} from '../analysis/world.js';
import type { IdKey } from '../model/resource-id.js';
import {
  normalizeIpRules,
  normalizeVirtualNetworkRules,
  type VaultNetwork,
} from '../model/vault-network.js';
import type { DesiredState } from '../state/desired.js';
import { isSucceeded, type LivePrivateEndpoint } from '../state/live.js';
import { virtualNetworkOf } from '../state/read-live.js';
import type { LiveLookup } from './live-lookup.js';
import type { PlanStep, VaultNetworkPayload } from './types.js';

function endpointFact(endpoint: LivePrivateEndpoint, lookup: LiveLookup): EndpointFact {
  return {
    id: endpoint.id,
    name: endpoint.name,
    ready: isSucceeded(endpoint.provisioningState),
    provisioningState: endpoint.provisioningState,
    subnetId: endpoint.subnetId,
    virtualNetwork: key(virtualNetworkOf(endpoint.subnetId)),
    ips: endpoint.privateIps,
    zoneGroups: lookup.zoneGroupsOf(endpoint.id).map((group) => ({
      id: group.id,
      name: group.name,
      zones: group.zoneIds.map(key),
      ready: isSucceeded(group.provisioningState),
    })),
  };
}

function subnetFact(subnetId: string, lookup: LiveLookup): SubnetFact {
  const state = lookup.subnetState(subnetId);
  if (state.status === 'missing') return state;
  if (state.status === 'unknown') return { status: 'unknown', reason: state.reason.code };
  return {
    status: 'ok',
    id: state.subnet.id,
    keyVaultEndpoint: state.subnet.serviceEndpoints.some(
      (service) => service.toLowerCase() === 'microsoft.keyvault',
    ),
    ready: isSucceeded(state.subnet.provisioningState),
  };
}

/** The live world: every vault the spec declares that exists, and what its access rests on. */
export function liveWorld(
  desired: DesiredState,
  lookup: LiveLookup,
  switchingSubnets: ReadonlySet<IdKey>,
): World {
  const vaults = new Map<IdKey, WorldVault>();
  const subnetIds = new Map<IdKey, string>();
  const declaredZoneOf = new Map<IdKey, IdKey>();
  const zoneIds = new Map<IdKey, string>();
  for (const vault of desired.vaults) {
    const live = lookup.vault(vault.id);
    if (live.status !== 'ok') continue;
    vaults.set(key(vault.id), {
      id: vault.id,
      name: vault.name,
      privateLinkZone: vault.kind.privateLinkZones[vault.cloud.name],
      network: live.value.network,
      connections: new Map(
        live.value.connections.map((connection) => [
          key(connection.privateEndpointId),
          {
            endpointId: connection.privateEndpointId,
            name: connection.name,
            status: connection.status,
          },
        ]),
      ),
      declaredEndpoints: new Map(
        vault.privateEndpoints.map((endpoint) => [key(endpoint.id), endpoint.id]),
      ),
    });
    for (const rule of [
      ...live.value.network.virtualNetworkRules,
      ...vault.network.virtualNetworkRules,
    ])
      subnetIds.set(key(rule.subnetId), rule.subnetId);
    for (const endpoint of vault.privateEndpoints) {
      subnetIds.set(key(endpoint.subnetId), endpoint.subnetId);
      if (!endpoint.dns) continue;
      declaredZoneOf.set(key(endpoint.id), key(endpoint.dns.zoneId));
      zoneIds.set(key(endpoint.dns.zoneId), endpoint.dns.zoneId);
    }
  }
  const subnets = new Map<IdKey, SubnetFact>();
  for (const [subnetKey, id] of subnetIds) subnets.set(subnetKey, subnetFact(id, lookup));
  const endpoints = new Map<IdKey, EndpointFact>();
  const endpointByIp = new Map<string, IdKey>();
  for (const endpoint of lookup.allPrivateEndpoints()) {
    endpoints.set(key(endpoint.id), endpointFact(endpoint, lookup));
    for (const ip of endpoint.privateIps) endpointByIp.set(ip, key(endpoint.id));
  }
  const zones: World['zones'] = new Map();
  const links: World['links'] = new Map();
  const records = new Map<string, RecordTarget>();
  for (const [zoneKey, zoneId] of zoneIds) {
    const zone = lookup.zone(zoneId);
    if (zone.status === 'error') continue;
    if (zone.status === 'not-found') {
      zones.set(zoneKey, 'missing');
      continue;
    }
    zones.set(zoneKey, { name: zone.value.name, ready: isSucceeded(zone.value.provisioningState) });
    links.set(
      zoneKey,
      new Map(
        lookup.links(zoneId).map((link) => [
          key(link.virtualNetworkId),
          {
            ready:
              isSucceeded(link.provisioningState) &&
              (link.state === undefined || link.state.toLowerCase() === 'completed'),
          },
        ]),
      ),
    );
    for (const record of lookup.aRecords(zoneId)) {
      const endpoint = record.ipv4Addresses.map((ip) => endpointByIp.get(ip)).find(Boolean);
      records.set(
        recordKey(zoneKey, record.name),
        endpoint ? { kind: 'endpoint', endpoint } : { kind: 'other', ips: record.ipv4Addresses },
      );
    }
  }
  return { vaults, subnets, endpoints, zones, links, records, declaredZoneOf, switchingSubnets };
}

/**
 * The network a vault step's PATCH leaves: what the simulation applies and what the applier's
 * read-back must equal. kvnet builds the payload, so its values are already canonical.
 */
export function networkOfPayload(payload: VaultNetworkPayload): VaultNetwork {
  return {
    publicNetworkAccess: payload.publicNetworkAccess,
    defaultAction: payload.networkAcls.defaultAction === 'Allow' ? 'Allow' : 'Deny',
    bypass: payload.networkAcls.bypass === 'AzureServices' ? 'AzureServices' : 'None',
    ipRules: normalizeIpRules(payload.networkAcls.ipRules),
    virtualNetworkRules: normalizeVirtualNetworkRules(
      payload.networkAcls.virtualNetworkRules.map((rule) => ({
        subnetId: rule.id,
        ignoreMissingServiceEndpoint: rule.ignoreMissingVnetServiceEndpoint,
      })),
    ),
    defaulted: [],
  };
}

function removeEndpoint(world: World, endpointKey: IdKey, vaultKey: IdKey): Undo {
  const undos: Undo[] = [setWithUndo(world.endpoints, endpointKey, undefined)];
  const vault = world.vaults.get(vaultKey);
  if (vault) undos.push(setWithUndo(vault.connections, endpointKey, undefined));
  // Deleting an endpoint deletes the records its zone group wrote (AZURE-FACTS §3).
  for (const [recordId, target] of world.records)
    if (target.kind === 'endpoint' && target.endpoint === endpointKey)
      undos.push(setWithUndo(world.records, recordId, undefined));
  return undoAll(undos);
}

/** What Azure looks like once the step has run; returns how to take it back. */
export function applyStep(world: World, step: PlanStep, half?: 'delete' | 'create'): Undo {
  const payload = step.payload;
  switch (payload.kind) {
    case 'vault': {
      const vault = world.vaults.get(key(step.resourceId));
      if (!vault) return () => undefined;
      const previous = vault.network;
      vault.network = networkOfPayload(payload.network);
      return () => {
        vault.network = previous;
      };
    }
    case 'subnet': {
      const subnetKey = key(step.resourceId);
      const fact = world.subnets.get(subnetKey);
      const id = fact?.status === 'ok' ? fact.id : step.resourceId;
      return setSubnetWithUndo(world, subnetKey, {
        status: 'ok',
        id,
        keyVaultEndpoint: true,
        ready: true,
      });
    }
    case 'dnsZone':
      return setWithUndo(world.zones, key(step.resourceId), {
        name: step.resourceName,
        ready: true,
      });
    case 'virtualNetworkLink': {
      const zoneKey = key(step.resourceId.replace(/\/virtualNetworkLinks\/[^/]+$/i, ''));
      const undos: Undo[] = [];
      let links = world.links.get(zoneKey);
      if (!links) {
        links = new Map();
        undos.push(setWithUndo(world.links, zoneKey, links));
      }
      undos.push(setWithUndo(links, key(payload.virtualNetworkId), { ready: true }));
      return undoAll(undos);
    }
    case 'privateEndpoint': {
      const endpointKey = key(step.resourceId);
      const vaultKey = key(payload.vaultId);
      if (step.action === 'delete' || half === 'delete')
        return removeEndpoint(world, endpointKey, vaultKey);
      const undos: Undo[] =
        step.action === 'replace' && half === undefined
          ? [removeEndpoint(world, endpointKey, vaultKey)]
          : [];
      undos.push(
        setWithUndo(world.endpoints, endpointKey, {
          id: step.resourceId,
          name: step.resourceName,
          ready: true,
          subnetId: payload.subnetId,
          virtualNetwork: key(virtualNetworkOf(payload.subnetId)),
          ips: [],
          zoneGroups: [],
        }),
      );
      const vault = world.vaults.get(vaultKey);
      if (vault)
        undos.push(
          setWithUndo(vault.connections, endpointKey, {
            endpointId: step.resourceId,
            name: payload.connectionName,
            status: payload.manualApproval ? 'Pending' : 'Approved',
          }),
        );
      return undoAll(undos);
    }
    case 'zoneGroup': {
      const endpointKey = key(payload.privateEndpointId);
      const endpoint = world.endpoints.get(endpointKey);
      if (!endpoint) return () => undefined;
      const previous = endpoint.zoneGroups;
      endpoint.zoneGroups = [
        {
          id: step.resourceId,
          name: step.resourceName,
          zones: payload.zoneIds.map(key),
          ready: true,
        },
      ];
      const undos: Undo[] = [
        () => {
          endpoint.zoneGroups = previous;
        },
      ];
      // The group writes the A record of the vault the endpoint serves (the step's vault).
      for (const zoneId of payload.zoneIds)
        for (const name of step.vaults)
          undos.push(
            setWithUndo(world.records, recordKey(key(zoneId), name), {
              kind: 'endpoint',
              endpoint: endpointKey,
            }),
          );
      return undoAll(undos);
    }
    case 'connection': {
      const vault = world.vaults.get(key(payload.vaultId));
      const endpointKey = key(payload.privateEndpointId);
      const current = vault?.connections.get(endpointKey);
      if (!vault || !current) return () => undefined;
      return setWithUndo(vault.connections, endpointKey, { ...current, status: payload.status });
    }
  }
}
