// The SDK operations behind each target kind (src/engine/model/target-kinds.ts): how a vault
// or a managed HSM pool is read, listed, PATCHed and how a connection to it is approved or
// rejected. The reader and the writer route through here, so a third kind is one more entry.
import type { ManagedHsm, MhsmPrivateEndpointConnectionItem } from '@azure/arm-keyvault';
import { normalizeLiveNetwork } from '../../engine/model/vault-network.js';
import type { TargetKindId } from '../../engine/model/target-kinds.js';
import type { LiveVault } from '../../engine/state/live.js';
import type { VaultNetworkPayload } from '../../engine/plan/types.js';
import type { AzureClients } from './clients.js';
import { collectAs, toLiveVault } from './live-mapping.js';

export interface TargetOperations {
  get(clients: AzureClients, subscription: string, group: string, name: string): Promise<LiveVault>;
  listInGroup(clients: AzureClients, subscription: string, group: string): Promise<LiveVault[]>;
  listInSubscription(clients: AzureClients, subscription: string): Promise<LiveVault[]>;
  /** PATCH of networkAcls and publicNetworkAccess only; answers the target as stored. */
  patchNetwork(
    clients: AzureClients,
    target: { subscription: string; group: string; name: string },
    network: VaultNetworkPayload,
    lro: { updateIntervalInMs: number },
  ): Promise<LiveVault>;
  putConnection(
    clients: AzureClients,
    target: { subscription: string; group: string; name: string },
    connectionName: string,
    state: { status: 'Approved' | 'Rejected'; description: string },
  ): Promise<void>;
  /** What the reader's 403 hint names. */
  readonly readPermission: string;
}

function lastSegment(id: string | undefined): string {
  return id?.split('/').pop() ?? '';
}

function networkAclsBody(network: VaultNetworkPayload) {
  return {
    defaultAction: network.networkAcls.defaultAction,
    bypass: network.networkAcls.bypass,
    ipRules: network.networkAcls.ipRules.map((value) => ({ value })),
    virtualNetworkRules: network.networkAcls.virtualNetworkRules.map((rule) => ({
      id: rule.id,
      ignoreMissingVnetServiceEndpoint: rule.ignoreMissingVnetServiceEndpoint,
    })),
  };
}

function toLiveConnection(connection: MhsmPrivateEndpointConnectionItem) {
  return {
    id: connection.id ?? '',
    name: lastSegment(connection.id),
    privateEndpointId: connection.privateEndpoint?.id ?? '',
    status: connection.privateLinkServiceConnectionState?.status ?? 'Unknown',
    description: connection.privateLinkServiceConnectionState?.description ?? '',
    provisioningState: connection.provisioningState,
  };
}

/** A pool as the engine sees it: its network, its connections; no access policies exist. */
export function toLiveManagedHsm(hsm: ManagedHsm): LiveVault {
  const properties = hsm.properties ?? {};
  return {
    id: hsm.id ?? '',
    name: hsm.name ?? lastSegment(hsm.id),
    location: hsm.location ?? '',
    network: normalizeLiveNetwork({
      publicNetworkAccess: properties.publicNetworkAccess,
      networkAcls: properties.networkAcls,
    }),
    connections: (properties.privateEndpointConnections ?? []).map(toLiveConnection),
    usesAccessPolicies: false,
  };
}

const VAULT_OPERATIONS: TargetOperations = {
  readPermission: 'Reader (Microsoft.KeyVault/vaults/read) on the vault or its resource group',
  async get(clients, subscription, group, name) {
    return toLiveVault(await clients.keyVaultFor(subscription).vaults.get(group, name));
  },
  async listInGroup(clients, subscription, group) {
    return collectAs(
      clients.keyVaultFor(subscription).vaults.listByResourceGroup(group),
      toLiveVault,
    );
  },
  async listInSubscription(clients, subscription) {
    return collectAs(clients.keyVaultFor(subscription).vaults.listBySubscription(), toLiveVault);
  },
  async patchNetwork(clients, target, network) {
    const written = await clients
      .keyVaultFor(target.subscription)
      .vaults.update(target.group, target.name, {
        properties: {
          publicNetworkAccess: network.publicNetworkAccess,
          networkAcls: networkAclsBody(network),
        },
      });
    return toLiveVault(written);
  },
  async putConnection(clients, target, connectionName, state) {
    await clients
      .keyVaultFor(target.subscription)
      .privateEndpointConnections.put(target.group, target.name, connectionName, {
        privateLinkServiceConnectionState: state,
      });
  },
};

const MANAGED_HSM_OPERATIONS: TargetOperations = {
  readPermission:
    'Reader (Microsoft.KeyVault/managedHSMs/read) on the managed HSM or its resource group',
  async get(clients, subscription, group, name) {
    return toLiveManagedHsm(await clients.keyVaultFor(subscription).managedHsms.get(group, name));
  },
  async listInGroup(clients, subscription, group) {
    return collectAs(
      clients.keyVaultFor(subscription).managedHsms.listByResourceGroup(group),
      toLiveManagedHsm,
    );
  },
  async listInSubscription(clients, subscription) {
    return collectAs(
      clients.keyVaultFor(subscription).managedHsms.listBySubscription(),
      toLiveManagedHsm,
    );
  },
  async patchNetwork(clients, target, network, lro) {
    // ManagedHsms_Update is long-running (202 + Location); the poller ends on the pool as stored.
    const written = await clients.keyVaultFor(target.subscription).managedHsms.beginUpdateAndWait(
      target.group,
      target.name,
      {
        properties: {
          publicNetworkAccess: network.publicNetworkAccess,
          networkAcls: networkAclsBody(network),
        },
      },
      lro,
    );
    return toLiveManagedHsm(written);
  },
  async putConnection(clients, target, connectionName, state) {
    await clients
      .keyVaultFor(target.subscription)
      .mhsmPrivateEndpointConnections.put(target.group, target.name, connectionName, {
        privateLinkServiceConnectionState: state,
      });
  },
};

export function operationsFor(kind: TargetKindId): TargetOperations {
  return kind === 'managedHsm' ? MANAGED_HSM_OPERATIONS : VAULT_OPERATIONS;
}
