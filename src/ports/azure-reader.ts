// What the planner needs to read from Azure. The Azure adapter implements it with the real
// SDK clients; every method reports failure as data (ReadOutcome), never by throwing.
import type { TargetKindId } from '../engine/model/target-kinds.js';
import type {
  LiveARecordSet,
  LiveDnsZone,
  LivePrivateEndpoint,
  LiveVault,
  LiveVirtualNetwork,
  LiveVirtualNetworkLink,
  LiveZoneGroup,
  ReadOutcome,
} from '../engine/state/live.js';

export interface AzureReader {
  /** A vault or a managed HSM pool: the kind is the one its id's type names (target-kinds.ts). */
  getVault(vaultId: string): Promise<ReadOutcome<LiveVault>>;
  /** Targets of one kind (vaults unless told) in a resource group. */
  listVaults(
    subscription: string,
    resourceGroup: string,
    kind?: TargetKindId,
  ): Promise<ReadOutcome<LiveVault[]>>;
  listVaultsInSubscription(
    subscription: string,
    kind?: TargetKindId,
  ): Promise<ReadOutcome<LiveVault[]>>;
  getVirtualNetwork(virtualNetworkId: string): Promise<ReadOutcome<LiveVirtualNetwork>>;
  listPrivateEndpoints(
    subscription: string,
    resourceGroup: string,
  ): Promise<ReadOutcome<LivePrivateEndpoint[]>>;
  /**
   * One endpoint, its NICs unread (as listPrivateEndpointsWithoutNics gives it): what a
   * read-back needs, for one request however many endpoints share its resource group.
   */
  getPrivateEndpoint(privateEndpointId: string): Promise<ReadOutcome<LivePrivateEndpoint>>;
  getZoneGroup(zoneGroupId: string): Promise<ReadOutcome<LiveZoneGroup>>;
  /** Every zone group of the endpoint, whatever its name; an absent endpoint has none. */
  listZoneGroups(privateEndpointId: string): Promise<ReadOutcome<LiveZoneGroup[]>>;
  getDnsZone(zoneId: string): Promise<ReadOutcome<LiveDnsZone>>;
  listVirtualNetworkLinks(zoneId: string): Promise<ReadOutcome<LiveVirtualNetworkLink[]>>;
  listARecordSets(zoneId: string): Promise<ReadOutcome<LiveARecordSet[]>>;

  // Optional, for fewer reads (issue 14); a reader without them is read the older way.
  /** The VNets of a resource group, subnets embedded, every page. */
  listVirtualNetworks?(
    subscription: string,
    resourceGroup: string,
  ): Promise<ReadOutcome<LiveVirtualNetwork[]>>;
  /**
   * Endpoints as the list returns them, without reading their NICs: privateIps holds only the
   * addresses the endpoint's own body reports, networkInterfaceIds where the others live.
   */
  listPrivateEndpointsWithoutNics?(
    subscription: string,
    resourceGroup: string,
  ): Promise<ReadOutcome<LivePrivateEndpoint[]>>;
  /** The private IPv4 addresses of a network interface. */
  getNetworkInterfaceIps?(networkInterfaceId: string): Promise<ReadOutcome<string[]>>;
  /**
   * Calls the listener with the read tokens ARM says are left after each answer, until the
   * returned function is called.
   */
  onReadQuota?(listener: (subscription: string, remaining: number) => void): () => void;
}
