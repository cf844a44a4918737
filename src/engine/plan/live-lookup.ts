// Lookups into a live snapshot by resource id, case-insensitively, so the step builders read
// like the rules they implement.
import { parseResourceId, resourceIdKey } from '../model/resource-id.js';
import type {
  LiveARecordSet,
  LiveDnsZone,
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

  /** A subnet as read: present, absent from a VNet that was read, or not known. */
  subnetState(
    subnetId: string,
  ):
    | { readonly status: 'ok'; readonly subnet: LiveSubnet }
    | { readonly status: 'missing' }
    | { readonly status: 'unknown'; readonly reason: string } {
    const vnet = this.snapshot.virtualNetworks.get(resourceIdKey(virtualNetworkOf(subnetId)));
    if (!vnet) return { status: 'unknown', reason: 'not-read' };
    if (vnet.status === 'not-found') return { status: 'missing' };
    if (vnet.status === 'error')
      return { status: 'unknown', reason: vnet.error.code ?? 'read-failed' };
    const subnet = vnet.value.subnets.find(
      (candidate) => resourceIdKey(candidate.id) === resourceIdKey(subnetId),
    );
    return subnet ? { status: 'ok', subnet } : { status: 'missing' };
  }

  /** The zone groups of a private endpoint that kvnet read (Azure allows one per endpoint). */
  zoneGroupsOf(privateEndpointId: string): LiveZoneGroup[] {
    if (!this.zoneGroupsByEndpoint) {
      this.zoneGroupsByEndpoint = new Map();
      for (const outcome of this.snapshot.zoneGroups.values()) {
        if (outcome.status !== 'ok') continue;
        const endpoint = resourceIdKey(
          outcome.value.id.replace(/\/privateDnsZoneGroups\/[^/]+$/i, ''),
        );
        const list = this.zoneGroupsByEndpoint.get(endpoint) ?? [];
        list.push(outcome.value);
        this.zoneGroupsByEndpoint.set(endpoint, list);
      }
    }
    return this.zoneGroupsByEndpoint.get(resourceIdKey(privateEndpointId)) ?? [];
  }

  private zoneGroupsByEndpoint: Map<string, LiveZoneGroup[]> | undefined;

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

  private endpointsByTarget: Map<string, LivePrivateEndpoint[]> | undefined;

  /** The endpoints read whose private link connection targets a resource (a vault). */
  privateEndpointsTargeting(targetId: string): LivePrivateEndpoint[] {
    if (!this.endpointsByTarget) {
      this.endpointsByTarget = new Map();
      for (const endpoint of this.allPrivateEndpoints()) {
        for (const target of new Set(endpoint.connections.map((c) => resourceIdKey(c.targetId)))) {
          const list = this.endpointsByTarget.get(target) ?? [];
          list.push(endpoint);
          this.endpointsByTarget.set(target, list);
        }
      }
    }
    return this.endpointsByTarget.get(resourceIdKey(targetId)) ?? [];
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

  zone(zoneId: string): ReadOutcome<LiveDnsZone> {
    return this.snapshot.zones.get(resourceIdKey(zoneId)) ?? { status: 'not-found' };
  }

  aRecords(zoneId: string): LiveARecordSet[] {
    const outcome = this.snapshot.aRecordSets.get(resourceIdKey(zoneId));
    return outcome?.status === 'ok' ? outcome.value : [];
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
