// Lookups into a live snapshot by resource id, case-insensitively, so the step builders read
// like the rules they implement.
import { parseResourceId, resourceIdKey } from '../model/resource-id.js';
import type {
  LiveARecordSet,
  LiveConnection,
  LiveDnsZone,
  LivePrivateEndpoint,
  LiveSubnet,
  LiveVault,
  LiveVirtualNetworkLink,
  LiveZoneGroup,
  ReadFailure,
  ReadOutcome,
} from '../state/live.js';
import {
  privateEndpointOf,
  resourceGroupKey,
  virtualNetworkOf,
  type LiveSnapshot,
} from '../state/read-live.js';

/** Why kvnet cannot say whether a subnet exists or what endpoints it has. */
export type SubnetUnknownReason =
  /** A live VNet rule names a subnet in a subscription no resource of the spec set lives in. */
  | { readonly code: 'outside-subscriptions'; readonly subscription: string }
  /** The read was refused or failed (for a live rule's subnet: 403, or 404 on its group). */
  | { readonly code: 'read-failed'; readonly failure: ReadFailure }
  /** Nothing the spec or the live vaults name led to reading it. */
  | { readonly code: 'not-read' };

export type SubnetState =
  | { readonly status: 'ok'; readonly subnet: LiveSubnet }
  | { readonly status: 'missing' }
  | { readonly status: 'unknown'; readonly reason: SubnetUnknownReason };

/** A VNet read for a live rule whose failure makes its subnets unknown, not the plan fail. */
function toleratedFailure(snapshot: LiveSnapshot, key: string, failure: ReadFailure): boolean {
  return (
    snapshot.liveRuleVirtualNetworks.has(key) &&
    (failure.httpStatus === 403 || failure.httpStatus === 404)
  );
}

export interface LinkIndex {
  readonly byName: ReadonlyMap<string, LiveVirtualNetworkLink>;
  readonly byVirtualNetwork: ReadonlyMap<string, readonly LiveVirtualNetworkLink[]>;
}

export class LiveLookup {
  constructor(readonly snapshot: LiveSnapshot) {}

  /** Every read that failed, once each. */
  failures(): ReadFailure[] {
    const virtualNetworks = [...this.snapshot.virtualNetworks.entries()].flatMap(
      ([key, outcome]) =>
        outcome.status === 'error' && toleratedFailure(this.snapshot, key, outcome.error)
          ? []
          : [outcome],
    );
    const all: ReadOutcome<unknown>[] = [
      ...this.snapshot.vaults.values(),
      ...virtualNetworks,
      ...this.snapshot.privateEndpointLists.values(),
      ...this.snapshot.zoneGroupLists.values(),
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

  /** The subnet as read; undefined when it is missing or could not be read (see subnetState). */
  subnet(subnetId: string): LiveSubnet | undefined {
    const state = this.subnetState(subnetId);
    return state.status === 'ok' ? state.subnet : undefined;
  }

  /** Whether the subnet exists, is missing, or is unknown to kvnet (and why). */
  subnetState(subnetId: string): SubnetState {
    const key = resourceIdKey(virtualNetworkOf(subnetId));
    const vnet = this.snapshot.virtualNetworks.get(key);
    if (!vnet) {
      const parsed = parseResourceId(subnetId);
      const subscription = parsed.ok ? parsed.id.subscription.toLowerCase() : undefined;
      if (subscription !== undefined && !this.snapshot.subnetReadSubscriptions.has(subscription))
        return { status: 'unknown', reason: { code: 'outside-subscriptions', subscription } };
      return { status: 'unknown', reason: { code: 'not-read' } };
    }
    if (vnet.status === 'not-found') return { status: 'missing' };
    if (vnet.status === 'error')
      return { status: 'unknown', reason: { code: 'read-failed', failure: vnet.error } };
    const subnet = vnet.value.subnets.find(
      (candidate) => resourceIdKey(candidate.id) === resourceIdKey(subnetId),
    );
    return subnet ? { status: 'ok', subnet } : { status: 'missing' };
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

  private readonly aRecordsByName = new Map<string, Map<string, LiveARecordSet>>();

  private readonly linkIndexes = new Map<string, LinkIndex>();

  /** The zone's links by lower-cased name (first wins) and by VNet key, built once per zone. */
  linkIndex(zoneId: string): LinkIndex {
    const zoneKey = resourceIdKey(zoneId);
    let index = this.linkIndexes.get(zoneKey);
    if (!index) {
      const byName = new Map<string, LiveVirtualNetworkLink>();
      const byVirtualNetwork = new Map<string, LiveVirtualNetworkLink[]>();
      for (const link of this.links(zoneId)) {
        const name = link.name.toLowerCase();
        if (!byName.has(name)) byName.set(name, link);
        const vnetKey = resourceIdKey(link.virtualNetworkId);
        const list = byVirtualNetwork.get(vnetKey);
        if (list) list.push(link);
        else byVirtualNetwork.set(vnetKey, [link]);
      }
      index = { byName, byVirtualNetwork };
      this.linkIndexes.set(zoneKey, index);
    }
    return index;
  }

  aRecord(zoneId: string, name: string): LiveARecordSet | undefined {
    const zoneKey = resourceIdKey(zoneId);
    let byName = this.aRecordsByName.get(zoneKey);
    if (!byName) {
      const outcome = this.snapshot.aRecordSets.get(zoneKey);
      if (outcome?.status !== 'ok') return undefined;
      byName = new Map();
      // The first record of a name wins, as a search from the start would find it.
      for (const record of outcome.value) {
        const recordName = record.name.toLowerCase();
        if (!byName.has(recordName)) byName.set(recordName, record);
      }
      this.aRecordsByName.set(zoneKey, byName);
    }
    return byName.get(name.toLowerCase());
  }

  /**
   * The zone groups of an existing endpoint, whatever their names (Azure allows one; Azure
   * Policy often creates it as `deployedByPolicy`). Empty when it has none, or when its
   * groups were not read (see zoneGroupsRead); a failed read is one of failures().
   */
  zoneGroupsOf(privateEndpointId: string): LiveZoneGroup[] {
    const outcome = this.snapshot.zoneGroupLists.get(resourceIdKey(privateEndpointId));
    return outcome?.status === 'ok' ? outcome.value : [];
  }

  /** Whether the endpoint's zone groups were read, so an empty zoneGroupsOf means none. */
  zoneGroupsRead(privateEndpointId: string): boolean {
    return this.snapshot.zoneGroupLists.get(resourceIdKey(privateEndpointId))?.status === 'ok';
  }

  /** The zone group with exactly this id (the spec's name), if its endpoint has it. */
  zoneGroup(id: string): LiveZoneGroup | undefined {
    return this.zoneGroupsOf(privateEndpointOf(id)).find(
      (group) => resourceIdKey(group.id) === resourceIdKey(id),
    );
  }

  /** The DNS zone as read (with its provisioning state), if it exists. */
  dnsZone(zoneId: string): LiveDnsZone | undefined {
    const outcome = this.snapshot.zones.get(resourceIdKey(zoneId));
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
