// What the applier needs to change in Azure. Each method sends only what kvnet owns (DESIGN.md
// §3), waits for its long-running operation, and throws a WriteFailure
// (src/engine/apply/write-failure.ts) when Azure refuses.
import type { VaultNetworkPayload } from '../engine/plan/types.js';

export interface PrivateEndpointCreate {
  readonly location: string;
  readonly subnetId: string;
  /** A vault or a managed HSM pool; the group id is its kind's (target-kinds.ts). */
  readonly vaultId: string;
  readonly connectionName: string;
  readonly manualApproval: boolean;
  readonly requestMessage?: string;
  readonly tags: Readonly<Record<string, string>>;
}

export interface AzureWriter {
  /**
   * PATCH with a body holding only networkAcls (complete) and publicNetworkAccess, of a vault
   * or a managed HSM pool (by the type its id names); waits for a long-running PATCH.
   */
  patchVaultNetwork(vaultId: string, network: VaultNetworkPayload): Promise<void>;
  /** Read-modify-write of the subnet: its body as read, with only the endpoint added. */
  addSubnetServiceEndpoint(subnetId: string, service: string): Promise<void>;
  /** Resolves once the subnet and its VNet both report provisioningState Succeeded. */
  waitUntilNetworkSettled(subnetId: string): Promise<void>;
  createPrivateEndpoint(privateEndpointId: string, endpoint: PrivateEndpointCreate): Promise<void>;
  deletePrivateEndpoint(privateEndpointId: string): Promise<void>;
  /** Create-only (If-None-Match: *); an existing zone is left as it is. */
  createDnsZone(zoneId: string): Promise<void>;
  /** Create-only (If-None-Match: *). */
  createVirtualNetworkLink(linkId: string, virtualNetworkId: string): Promise<void>;
  /**
   * PUTs an existing zone again, as it is (tags kept), over its current etag (If-Match): how a
   * zone whose provisioning ended Failed is re-driven, which a create-only PUT cannot do.
   * A zone that changed meanwhile answers 412; a missing one 404.
   */
  redriveDnsZone(zoneId: string): Promise<void>;
  /** As redriveDnsZone, for a VNet link: its VNet, registration flag and tags kept. */
  redriveVirtualNetworkLink(linkId: string): Promise<void>;
  putZoneGroup(zoneGroupId: string, zoneIds: readonly string[]): Promise<void>;
  setConnectionStatus(
    vaultId: string,
    connectionName: string,
    status: 'Approved' | 'Rejected',
    description: string,
  ): Promise<void>;
}
