// Lookups into a live snapshot by resource id, case-insensitively, so the step builders read
// like the rules they implement.
import { parseResourceId, resourceIdKey } from '../model/resource-id.js';
import type {
  LiveARecordSet,
  LiveConnection,
  LivePrivateEndpoint,
  LiveSubnet,
  LiveVault,
  LiveVirtualNetworkLink,
  LiveZoneGroup,
  ReadFailure,
  ReadOutcome,
} from '../state/live.js';
import { resourceGroupKey, virtualNetworkOf, type LiveSnapshot } from '../state/read-live.js';

export class LiveLookup {
  constructor(readonly snapshot: LiveSnapshot) {}

  /** Every read that failed, once each. */
  failures(): ReadFailure[] {
    const all: ReadOutcome<unknown>[] = [
      ...this.snapshot.vaults.values(),
      ...this.snapshot.virtualNetworks.values(),
      ...this.snapshot.privateEndpointLists.values(),
      ...this.snapshot.zoneGroups.values(),
      ...this.snapshot.zones.values(),
      ...this.snapshot.links.values(),
      ...this.snapshot.aRecordSets.values(),
    ];
    const unique = new Map<string, ReadFailure>();
    for (const outcome of all) {
      if (outcome.status === 'error')
        unique.set(`${outcome.error.resourceId}|${outcome.error.message}`, outcome.error);
    }
    return [...unique.values()];
  }

  vault(id: string): ReadOutcome<LiveVault> {
    return this.snapshot.vaults.get(resourceIdKey(id)) ?? { status: 'not-found' };
  }

  subnet(subnetId: string): LiveSubnet | undefined {
    const vnet = this.snapshot.virtualNetworks.get(resourceIdKey(virtualNetworkOf(subnetId)));
    if (vnet?.status !== 'ok') return undefined;
    return vnet.value.subnets.find(
      (subnet) => resourceIdKey(subnet.id) === resourceIdKey(subnetId),
    );
  }

  virtualNetworkLocation(subnetId: string): string | undefined {
    const vnet = this.snapshot.virtualNetworks.get(resourceIdKey(virtualNetworkOf(subnetId)));
    return vnet?.status === 'ok' ? vnet.value.location : undefined;
  }

  private endpointsById: Map<string, LivePrivateEndpoint> | undefined;

  privateEndpoint(id: string): LivePrivateEndpoint | undefined {
    this.endpointsById ??= new Map(
      this.allPrivateEndpoints().map((endpoint) => [resourceIdKey(endpoint.id), endpoint]),
    );
    return this.endpointsById.get(resourceIdKey(id));
  }

  allPrivateEndpoints(): LivePrivateEndpoint[] {
    return [...this.snapshot.privateEndpointLists.values()].flatMap((outcome) =>
      outcome.status === 'ok' ? outcome.value : [],
    );
  }

  /** Whether the endpoint's resource group was listed (so "absent" really means absent). */
  privateEndpointGroupListed(id: string): boolean {
    const parsed = parseResourceId(id);
    if (!parsed.ok) return false;
    const outcome = this.snapshot.privateEndpointLists.get(
      resourceGroupKey(parsed.id.subscription, parsed.id.resourceGroup),
    );
    return outcome?.status === 'ok';
  }

  zoneExists(zoneId: string): boolean {
    return this.snapshot.zones.get(resourceIdKey(zoneId))?.status === 'ok';
  }

  links(zoneId: string): LiveVirtualNetworkLink[] {
    const outcome = this.snapshot.links.get(resourceIdKey(zoneId));
    return outcome?.status === 'ok' ? outcome.value : [];
  }

  aRecord(zoneId: string, name: string): LiveARecordSet | undefined {
    const outcome = this.snapshot.aRecordSets.get(resourceIdKey(zoneId));
    if (outcome?.status !== 'ok') return undefined;
    return outcome.value.find((record) => record.name.toLowerCase() === name.toLowerCase());
  }

  zoneGroup(id: string): LiveZoneGroup | undefined {
    const outcome = this.snapshot.zoneGroups.get(resourceIdKey(id));
    return outcome?.status === 'ok' ? outcome.value : undefined;
  }
}

export function connectionFor(
  vault: LiveVault,
  privateEndpointId: string,
): LiveConnection | undefined {
  return vault.connections.find(
    (connection) =>
      resourceIdKey(connection.privateEndpointId) === resourceIdKey(privateEndpointId),
  );
}
