// Live state as the Azure gateway reports it, already reduced to what kvnet reasons about.
// Every read can fail; a failure is carried, never mistaken for "absent" or "unchanged".
import type { VaultNetwork } from '../model/vault-network.js';

export type ReadOutcome<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'not-found' }
  | { readonly status: 'error'; readonly error: ReadFailure };

export interface ReadFailure {
  /** The resource (or collection) that could not be read. */
  readonly resourceId: string;
  readonly httpStatus?: number;
  readonly code?: string;
  readonly message: string;
  /** The RBAC role or action that would allow the read, when a 403 says one is missing. */
  readonly roleHint?: string;
}

export type ConnectionStatus = 'Pending' | 'Approved' | 'Rejected' | 'Disconnected' | string;

export interface LiveConnection {
  readonly id: string;
  readonly name: string;
  readonly privateEndpointId: string;
  readonly status: ConnectionStatus;
  readonly description: string;
  readonly provisioningState?: string;
}

export interface LiveVault {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly network: VaultNetwork;
  readonly connections: readonly LiveConnection[];
  /** True when the vault uses access policies, where vaults/write can grant data access. */
  readonly usesAccessPolicies: boolean;
}

export interface LiveSubnet {
  readonly id: string;
  readonly name: string;
  readonly addressPrefixes: readonly string[];
  /** Service names, e.g. Microsoft.KeyVault. */
  readonly serviceEndpoints: readonly string[];
  readonly provisioningState?: string;
}

export interface LiveVirtualNetwork {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly subnets: readonly LiveSubnet[];
}

export interface LivePrivateLinkConnection {
  readonly name: string;
  readonly targetId: string;
  readonly groupIds: readonly string[];
  readonly manual: boolean;
  readonly status?: ConnectionStatus;
}

export interface LivePrivateEndpoint {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly subnetId: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly connections: readonly LivePrivateLinkConnection[];
  /**
   * Private IPs of the endpoint: from customDnsConfigs, static ipConfigurations and the NIC
   * (with a zone group Azure reports a dynamic address only on the NIC).
   */
  readonly privateIps: readonly string[];
  readonly provisioningState?: string;
  /** The endpoint's NICs, when a reader left them unread (listPrivateEndpointsWithoutNics). */
  readonly networkInterfaceIds?: readonly string[];
}

/** A DNS record a zone group wrote for its endpoint, as the zone group reports it. */
export interface LiveZoneGroupRecord {
  /** The zone of the zone-group configuration that holds this record. */
  readonly zoneId: string;
  /** e.g. `A`. */
  readonly recordType: string;
  /** Relative name in the zone, e.g. the vault's name. */
  readonly recordSetName: string;
  readonly fqdn?: string;
  readonly ipAddresses: readonly string[];
  readonly provisioningState?: string;
}

export interface LiveZoneGroup {
  readonly id: string;
  readonly name: string;
  readonly zoneIds: readonly string[];
  /** The records the group wrote (`privateDnsZoneConfigs[].recordSets`), every zone's. */
  readonly records: readonly LiveZoneGroupRecord[];
  readonly provisioningState?: string;
}

export interface LiveDnsZone {
  readonly id: string;
  readonly name: string;
  readonly provisioningState?: string;
}

export interface LiveVirtualNetworkLink {
  readonly id: string;
  readonly name: string;
  readonly virtualNetworkId: string;
  /** `virtualNetworkLinkState`: InProgress until the link works, then Completed. */
  readonly state?: string;
  readonly provisioningState?: string;
}

/** A resource that reports no provisioning state is taken as ready; any other state is not. */
export function isSucceeded(provisioningState: string | undefined): boolean {
  return provisioningState === undefined || provisioningState.toLowerCase() === 'succeeded';
}

export interface LiveARecordSet {
  readonly id: string;
  /** Relative name in the zone, e.g. the vault's name. */
  readonly name: string;
  readonly ipv4Addresses: readonly string[];
}

export const MANAGED_BY_TAG = 'managed-by';
export const MANAGED_BY_VALUE = 'kvnet';

export function isManagedByKvnet(endpoint: LivePrivateEndpoint): boolean {
  return Object.entries(endpoint.tags).some(
    ([key, value]) =>
      key.toLowerCase() === MANAGED_BY_TAG && value.toLowerCase() === MANAGED_BY_VALUE,
  );
}
