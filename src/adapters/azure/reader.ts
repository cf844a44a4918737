// The AzureReader port over the real SDK clients. Every method answers with a ReadOutcome;
// none throws.
import { parseResourceId, type ResourceId } from '../../engine/model/resource-id.js';
import { targetKindOfId, type TargetKindId } from '../../engine/model/target-kinds.js';
import type { ReadOutcome } from '../../engine/state/live.js';
import type { AzureReader } from '../../ports/azure-reader.js';
import type { AzureClients } from './clients.js';
import { readOutcome } from './errors.js';
import { operationsFor } from './target-operations.js';
import {
  collectAs,
  endpointNicIds,
  nicPrivateIps,
  toLiveARecordSet,
  toLiveDnsZone,
  toLiveLink,
  toLivePrivateEndpoint,
  toLiveVirtualNetwork,
  toLiveZoneGroup,
} from './live-mapping.js';

const PERMISSION = {
  virtualNetwork: 'Reader (Microsoft.Network/virtualNetworks/read) on the virtual network',
  privateEndpoint: 'Reader (Microsoft.Network/privateEndpoints/read) on the resource group',
  networkInterface:
    "Reader (Microsoft.Network/networkInterfaces/read) on the private endpoint's resource group",
  zone: 'Reader (Microsoft.Network/privateDnsZones/read) on the private DNS zone, which may live in a hub subscription',
};

function parsed(id: string): ResourceId {
  const result = parseResourceId(id);
  if (!result.ok) throw new Error(`not a resource id: ${id} (${result.reason})`);
  return result.id;
}

function nameAt(id: ResourceId, index: number): string {
  return id.segments[index]?.[1] ?? '';
}

/** Reads one resource (or collection) addressed by a resource id, as a ReadOutcome. */
function readAt<T>(
  resourceId: string,
  readPermission: string,
  read: (id: ResourceId, name: (index: number) => string) => Promise<T>,
  missingGroupMeansAbsent = false,
): Promise<ReadOutcome<T>> {
  return readOutcome({ resourceId, readPermission, missingGroupMeansAbsent }, () => {
    const id = parsed(resourceId);
    return read(id, (index) => nameAt(id, index));
  });
}

const groupScope = (subscription: string, resourceGroup: string) =>
  `/subscriptions/${subscription}/resourceGroups/${resourceGroup}`;

/** The children of a zone that does not exist yet are none, not unknown. */
function absentAsEmpty<T>(outcome: ReadOutcome<T[]>): ReadOutcome<T[]> {
  return outcome.status === 'not-found' ? { status: 'ok', value: [] } : outcome;
}

export class SdkAzureReader implements AzureReader {
  constructor(private readonly clients: AzureClients) {}

  /** A vault or a managed HSM pool, by the type its id names (target-operations.ts). */
  getVault(vaultId: string) {
    const operations = operationsFor(targetKindOfId(vaultId).id);
    return readAt(
      vaultId,
      operations.readPermission,
      (id, name) => operations.get(this.clients, id.subscription, id.resourceGroup, name(0)),
      true,
    );
  }

  listVaults(subscription: string, resourceGroup: string, kind: TargetKindId = 'vault') {
    const operations = operationsFor(kind);
    return readOutcome(
      {
        resourceId: groupScope(subscription, resourceGroup),
        readPermission: operations.readPermission,
        missingGroupMeansAbsent: true,
      },
      () => operations.listInGroup(this.clients, subscription, resourceGroup),
    );
  }

  listVaultsInSubscription(subscription: string, kind: TargetKindId = 'vault') {
    const operations = operationsFor(kind);
    return readOutcome(
      { resourceId: `/subscriptions/${subscription}`, readPermission: operations.readPermission },
      () => operations.listInSubscription(this.clients, subscription),
    );
  }

  getVirtualNetwork(virtualNetworkId: string) {
    return readAt(virtualNetworkId, PERMISSION.virtualNetwork, async (id, name) =>
      toLiveVirtualNetwork(
        await this.clients
          .networkFor(id.subscription)
          .virtualNetworks.get(id.resourceGroup, name(0)),
      ),
    );
  }

  listPrivateEndpoints(subscription: string, resourceGroup: string) {
    return readOutcome(
      {
        resourceId: groupScope(subscription, resourceGroup),
        readPermission: PERMISSION.privateEndpoint,
      },
      async () => {
        const endpoints = await collectAs(
          this.clients.networkFor(subscription).privateEndpoints.list(resourceGroup),
          (endpoint) => endpoint,
        );
        return Promise.all(
          endpoints.map(async (endpoint) => {
            const live = toLivePrivateEndpoint(endpoint);
            if (live.privateIps.length > 0) return live;
            return toLivePrivateEndpoint(endpoint, await this.nicIps(endpointNicIds(endpoint)));
          }),
        );
      },
    );
  }

  listPrivateEndpointsWithoutNics(subscription: string, resourceGroup: string) {
    return readOutcome(
      {
        resourceId: groupScope(subscription, resourceGroup),
        readPermission: PERMISSION.privateEndpoint,
      },
      () =>
        collectAs(
          this.clients.networkFor(subscription).privateEndpoints.list(resourceGroup),
          (endpoint) => ({
            ...toLivePrivateEndpoint(endpoint),
            networkInterfaceIds: endpointNicIds(endpoint),
          }),
        ),
    );
  }

  getPrivateEndpoint(privateEndpointId: string) {
    return readAt(privateEndpointId, PERMISSION.privateEndpoint, async (id, name) => {
      const endpoint = await this.clients
        .networkFor(id.subscription)
        .privateEndpoints.get(id.resourceGroup, name(0));
      return { ...toLivePrivateEndpoint(endpoint), networkInterfaceIds: endpointNicIds(endpoint) };
    });
  }

  getNetworkInterfaceIps(networkInterfaceId: string) {
    return readAt(networkInterfaceId, PERMISSION.networkInterface, async (id, name) =>
      nicPrivateIps(
        await this.clients
          .networkFor(id.subscription)
          .networkInterfaces.get(id.resourceGroup, name(0)),
      ),
    );
  }

  listVirtualNetworks(subscription: string, resourceGroup: string) {
    return readOutcome(
      {
        resourceId: groupScope(subscription, resourceGroup),
        readPermission: PERMISSION.virtualNetwork,
      },
      () =>
        collectAs(
          this.clients.networkFor(subscription).virtualNetworks.list(resourceGroup),
          toLiveVirtualNetwork,
        ),
    );
  }

  onReadQuota(listener: (subscription: string, remaining: number) => void): () => void {
    return this.clients.onReadQuota(listener);
  }

  /**
   * The addresses on an endpoint's NICs. A NIC that cannot be read leaves the address unknown
   * (the zone group's record sets may still carry it); it does not fail the endpoint list.
   */
  private async nicIps(nicIds: readonly string[]): Promise<string[]> {
    const ips: string[] = [];
    for (const nicId of nicIds) {
      const outcome = await readAt(nicId, PERMISSION.networkInterface, async (id, name) =>
        nicPrivateIps(
          await this.clients
            .networkFor(id.subscription)
            .networkInterfaces.get(id.resourceGroup, name(0)),
        ),
      );
      if (outcome.status === 'ok') ips.push(...outcome.value);
    }
    return ips;
  }

  getZoneGroup(zoneGroupId: string) {
    return readAt(zoneGroupId, PERMISSION.privateEndpoint, async (id, name) =>
      toLiveZoneGroup(
        await this.clients
          .networkFor(id.subscription)
          .privateDnsZoneGroups.get(id.resourceGroup, name(0), name(1)),
      ),
    );
  }

  async listZoneGroups(privateEndpointId: string) {
    return absentAsEmpty(
      await readAt(privateEndpointId, PERMISSION.privateEndpoint, (id, name) =>
        collectAs(
          // arm-network 36 takes the endpoint's name first (AZURE-FACTS §0, §6.16).
          this.clients
            .networkFor(id.subscription)
            .privateDnsZoneGroups.list(name(0), id.resourceGroup),
          toLiveZoneGroup,
        ),
      ),
    );
  }

  getDnsZone(zoneId: string) {
    return readAt(zoneId, PERMISSION.zone, async (id, name) =>
      toLiveDnsZone(
        await this.clients
          .privateDnsFor(id.subscription)
          .privateZones.get(id.resourceGroup, name(0)),
        zoneId,
      ),
    );
  }

  async listVirtualNetworkLinks(zoneId: string) {
    return absentAsEmpty(
      await readAt(zoneId, PERMISSION.zone, (id, name) =>
        collectAs(
          this.clients
            .privateDnsFor(id.subscription)
            .virtualNetworkLinks.list(id.resourceGroup, name(0)),
          toLiveLink,
        ),
      ),
    );
  }

  async listARecordSets(zoneId: string) {
    return absentAsEmpty(
      await readAt(zoneId, PERMISSION.zone, (id, name) =>
        collectAs(
          this.clients
            .privateDnsFor(id.subscription)
            .recordSets.listByType(id.resourceGroup, name(0), 'A'),
          toLiveARecordSet,
        ),
      ),
    );
  }
}
