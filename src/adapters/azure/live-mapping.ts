// Maps SDK models to the engine's live types. Pure functions: one per resource type.
import type { Vault } from '@azure/arm-keyvault';
import type {
  NetworkInterface,
  PrivateDnsZoneGroup,
  PrivateEndpoint,
  VirtualNetwork,
} from '@azure/arm-network';
import type { PrivateZone, RecordSet, VirtualNetworkLink } from '@azure/arm-privatedns';
import { internId } from '../../engine/model/interned.js';
import { normalizeLiveNetwork } from '../../engine/model/vault-network.js';
import type {
  LiveARecordSet,
  LiveDnsZone,
  LivePrivateEndpoint,
  LivePrivateLinkConnection,
  LiveVault,
  LiveVirtualNetwork,
  LiveVirtualNetworkLink,
  LiveZoneGroup,
} from '../../engine/state/live.js';

/** Ids as read, shared with every other copy of the same text (model/interned.ts). */
function liveId(id: string | undefined): string {
  return internId(id ?? '');
}

function lastSegment(id: string | undefined): string {
  return id?.split('/').pop() ?? '';
}

export function toLiveVault(vault: Vault): LiveVault {
  const properties = vault.properties;
  return {
    id: liveId(vault.id),
    name: vault.name ?? lastSegment(vault.id),
    location: vault.location ?? '',
    network: normalizeLiveNetwork({
      publicNetworkAccess: properties.publicNetworkAccess,
      networkAcls: properties.networkAcls,
    }),
    connections: (properties.privateEndpointConnections ?? []).map((connection) => ({
      id: liveId(connection.id),
      name: lastSegment(connection.id),
      privateEndpointId: liveId(connection.privateEndpoint?.id),
      status: connection.privateLinkServiceConnectionState?.status ?? 'Unknown',
      description: connection.privateLinkServiceConnectionState?.description ?? '',
      provisioningState: connection.provisioningState,
    })),
    usesAccessPolicies: properties.enableRbacAuthorization !== true,
  };
}

export function toLiveVirtualNetwork(vnet: VirtualNetwork): LiveVirtualNetwork {
  return {
    id: liveId(vnet.id),
    name: vnet.name ?? lastSegment(vnet.id),
    location: vnet.location ?? '',
    subnets: (vnet.subnets ?? []).map((subnet) => ({
      id: liveId(subnet.id),
      name: subnet.name ?? lastSegment(subnet.id),
      addressPrefixes:
        subnet.addressPrefixes ?? (subnet.addressPrefix ? [subnet.addressPrefix] : []),
      serviceEndpoints: (subnet.serviceEndpoints ?? []).flatMap((endpoint) =>
        endpoint.service ? [endpoint.service] : [],
      ),
      provisioningState: subnet.provisioningState,
    })),
  };
}

/** The NIC ids of an endpoint: where its address lives when the endpoint's body omits it. */
export function endpointNicIds(endpoint: PrivateEndpoint): string[] {
  return (endpoint.networkInterfaces ?? []).flatMap((nic) => (nic.id ? [liveId(nic.id)] : []));
}

/** The private IPv4 addresses of a NIC's IP configurations. */
export function nicPrivateIps(nic: NetworkInterface): string[] {
  return (nic.ipConfigurations ?? []).flatMap((config) =>
    config.privateIPAddress ? [config.privateIPAddress] : [],
  );
}

/**
 * An endpoint's addresses come from customDnsConfigs, its (static) ipConfigurations and its
 * NIC: with a DNS zone group Azure leaves customDnsConfigs empty, and ipConfigurations lists
 * only static addresses (AZURE-FACTS §8), so a dynamic address is known only from the NIC.
 */
export function toLivePrivateEndpoint(
  endpoint: PrivateEndpoint,
  nicIps: readonly string[] = [],
): LivePrivateEndpoint {
  const connections: LivePrivateLinkConnection[] = [
    ...(endpoint.privateLinkServiceConnections ?? []).map((connection) => ({
      connection,
      manual: false,
    })),
    ...(endpoint.manualPrivateLinkServiceConnections ?? []).map((connection) => ({
      connection,
      manual: true,
    })),
  ].map(({ connection, manual }) => ({
    name: connection.name ?? '',
    targetId: liveId(connection.privateLinkServiceId),
    groupIds: connection.groupIds ?? [],
    manual,
    status: connection.privateLinkServiceConnectionState?.status,
  }));
  const ips = new Set<string>();
  for (const config of endpoint.customDnsConfigs ?? [])
    for (const ip of config.ipAddresses ?? []) ips.add(ip);
  for (const config of endpoint.ipConfigurations ?? [])
    if (config.privateIPAddress) ips.add(config.privateIPAddress);
  for (const ip of nicIps) ips.add(ip);
  return {
    id: liveId(endpoint.id),
    name: endpoint.name ?? lastSegment(endpoint.id),
    location: endpoint.location ?? '',
    subnetId: liveId(endpoint.subnet?.id),
    tags: { ...(endpoint.tags ?? {}) },
    connections,
    privateIps: [...ips],
    provisioningState: endpoint.provisioningState,
  };
}

export function toLiveZoneGroup(group: PrivateDnsZoneGroup): LiveZoneGroup {
  const configs = group.privateDnsZoneConfigs ?? [];
  return {
    id: liveId(group.id),
    name: group.name ?? lastSegment(group.id),
    zoneIds: configs.flatMap((config) =>
      config.privateDnsZoneId ? [config.privateDnsZoneId] : [],
    ),
    records: configs.flatMap((config) =>
      (config.recordSets ?? []).map((record) => ({
        zoneId: liveId(config.privateDnsZoneId),
        recordType: record.recordType ?? '',
        recordSetName: record.recordSetName ?? '',
        ...(record.fqdn === undefined ? {} : { fqdn: record.fqdn }),
        ipAddresses: [...(record.ipAddresses ?? [])],
        ...(record.provisioningState === undefined
          ? {}
          : { provisioningState: record.provisioningState }),
      })),
    ),
    provisioningState: group.provisioningState,
  };
}

export function toLiveDnsZone(zone: PrivateZone, requestedId: string): LiveDnsZone {
  return {
    id: zone.id ?? requestedId,
    name: zone.name ?? lastSegment(requestedId),
    provisioningState: zone.provisioningState,
  };
}

export function toLiveLink(link: VirtualNetworkLink): LiveVirtualNetworkLink {
  return {
    id: liveId(link.id),
    name: link.name ?? lastSegment(link.id),
    virtualNetworkId: liveId(link.virtualNetwork?.id),
    state: link.virtualNetworkLinkState,
    provisioningState: link.provisioningState,
  };
}

export function toLiveARecordSet(record: RecordSet): LiveARecordSet {
  return {
    id: liveId(record.id),
    name: record.name ?? lastSegment(record.id),
    ipv4Addresses: (record.aRecords ?? []).flatMap((entry) =>
      entry.ipv4Address ? [entry.ipv4Address] : [],
    ),
  };
}

/**
 * Every item of a paged list, mapped as it arrives: a page's SDK models are dropped once read
 * instead of all pages' being held until the last one comes (garbage that outlives a
 * collection costs memory; a 10,000-vault plan lists thousands of items).
 */
export async function collectAs<T, U>(items: AsyncIterable<T>, as: (item: T) => U): Promise<U[]> {
  const mapped: U[] = [];
  for await (const item of items) mapped.push(as(item));
  return mapped;
}
