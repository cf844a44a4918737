// Every ARM operation the emulator serves, with the resource type whose api-versions apply.
// Paths are the ones the SDKs build (see AZURE-FACTS §0); matching ignores case.
import { Router } from './router.js';
import * as activity from './activity-log.js';
import * as dns from './resources/dns.js';
import * as groups from './resources/dns-zone-groups.js';
import * as generic from './resources/generic.js';
import * as operations from './resources/operations.js';
import * as connections from './resources/private-endpoint-connections.js';
import * as endpoints from './resources/private-endpoints.js';
import { addManagedHsmRoutes } from './resources/managed-hsm-routes.js';
import * as vaults from './resources/vaults.js';
import * as vnets from './resources/virtual-networks.js';

const SUB = '/subscriptions/{subscriptionId}';
const RG = `${SUB}/resourceGroups/{resourceGroupName}`;
const KV = `${RG}/providers/Microsoft.KeyVault/vaults`;
const NET = `${RG}/providers/Microsoft.Network`;

export function createRouter(): Router {
  const router = new Router();
  const add = (
    method: string,
    pattern: string,
    apiType: string,
    handler: Parameters<Router['add']>[0]['handler'],
  ) => router.add({ method, pattern, apiType, handler });

  // Key Vault
  add('GET', `${KV}/{vaultName}`, 'Microsoft.KeyVault/vaults', vaults.getVault);
  add('PATCH', `${KV}/{vaultName}`, 'Microsoft.KeyVault/vaults', vaults.patchVault);
  add('PUT', `${KV}/{vaultName}`, 'Microsoft.KeyVault/vaults', vaults.putVault);
  add('GET', KV, 'Microsoft.KeyVault/vaults', vaults.listVaultsByGroup);
  add(
    'GET',
    `${SUB}/providers/Microsoft.KeyVault/vaults`,
    'Microsoft.KeyVault/vaults',
    vaults.listVaultsBySubscription,
  );
  add(
    'GET',
    `${KV}/{vaultName}/privateLinkResources`,
    'Microsoft.KeyVault/vaults/privateLinkResources',
    vaults.listPrivateLinkResources,
  );
  const pec = 'Microsoft.KeyVault/vaults/privateEndpointConnections';
  add('GET', `${KV}/{vaultName}/privateEndpointConnections`, pec, connections.listConnections);
  add(
    'GET',
    `${KV}/{vaultName}/privateEndpointConnections/{connectionName}`,
    pec,
    connections.getConnection,
  );
  add(
    'PUT',
    `${KV}/{vaultName}/privateEndpointConnections/{connectionName}`,
    pec,
    connections.putConnection,
  );
  add(
    'DELETE',
    `${KV}/{vaultName}/privateEndpointConnections/{connectionName}`,
    pec,
    connections.deleteConnection,
  );
  add(
    'GET',
    `${SUB}/providers/Microsoft.KeyVault/locations/{location}/operationResults/{operationId}`,
    'Microsoft.KeyVault/locations/operationResults',
    operations.operationResult,
  );

  addManagedHsmRoutes(add);

  // Virtual networks and subnets
  const vnet = 'Microsoft.Network/virtualNetworks';
  const subnet = 'Microsoft.Network/virtualNetworks/subnets';
  add('GET', `${NET}/virtualNetworks/{virtualNetworkName}`, vnet, vnets.getVnet);
  add('GET', `${NET}/virtualNetworks`, vnet, vnets.listVnetsByGroup);
  add(
    'GET',
    `${SUB}/providers/Microsoft.Network/virtualNetworks`,
    vnet,
    vnets.listVnetsBySubscription,
  );
  add('GET', `${NET}/virtualNetworks/{virtualNetworkName}/subnets`, subnet, vnets.listSubnets);
  add(
    'GET',
    `${NET}/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}`,
    subnet,
    vnets.getSubnet,
  );
  add(
    'PUT',
    `${NET}/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}`,
    subnet,
    vnets.putSubnet,
  );

  // Private endpoints, their NICs and DNS zone groups
  const pe = 'Microsoft.Network/privateEndpoints';
  add('GET', `${NET}/privateEndpoints/{privateEndpointName}`, pe, endpoints.getEndpoint);
  add('PUT', `${NET}/privateEndpoints/{privateEndpointName}`, pe, endpoints.putEndpoint);
  add('DELETE', `${NET}/privateEndpoints/{privateEndpointName}`, pe, endpoints.deleteEndpoint);
  add('GET', `${NET}/privateEndpoints`, pe, endpoints.listEndpointsByGroup);
  add(
    'GET',
    `${SUB}/providers/Microsoft.Network/privateEndpoints`,
    pe,
    endpoints.listEndpointsBySubscription,
  );
  add(
    'GET',
    `${NET}/networkInterfaces/{networkInterfaceName}`,
    'Microsoft.Network/virtualNetworks',
    endpoints.getNic,
  );
  const zg = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';
  add(
    'GET',
    `${NET}/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups`,
    zg,
    groups.listZoneGroups,
  );
  add(
    'GET',
    `${NET}/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{groupName}`,
    zg,
    groups.getZoneGroup,
  );
  add(
    'PUT',
    `${NET}/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{groupName}`,
    zg,
    groups.putZoneGroup,
  );
  add(
    'DELETE',
    `${NET}/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{groupName}`,
    zg,
    groups.deleteZoneGroup,
  );
  add(
    'GET',
    `${SUB}/providers/Microsoft.Network/locations/{location}/operations/{operationId}`,
    'Microsoft.Network/locations/operations',
    operations.asyncOperationStatus,
  );
  add(
    'GET',
    `${SUB}/providers/Microsoft.Network/locations/{location}/operationResults/{operationId}`,
    'Microsoft.Network/locations/operationResults',
    operations.operationResult,
  );

  // Private DNS
  const zone = 'Microsoft.Network/privateDnsZones';
  const link = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';
  add('GET', `${NET}/privateDnsZones/{zoneName}`, zone, dns.getZone);
  add('PUT', `${NET}/privateDnsZones/{zoneName}`, zone, dns.putZone);
  add('GET', `${NET}/privateDnsZones`, zone, dns.listZonesByGroup);
  add(
    'GET',
    `${SUB}/providers/Microsoft.Network/privateDnsZones`,
    zone,
    dns.listZonesBySubscription,
  );
  add('GET', `${NET}/privateDnsZones/{zoneName}/virtualNetworkLinks`, link, dns.listLinks);
  add('GET', `${NET}/privateDnsZones/{zoneName}/virtualNetworkLinks/{linkName}`, link, dns.getLink);
  add('PUT', `${NET}/privateDnsZones/{zoneName}/virtualNetworkLinks/{linkName}`, link, dns.putLink);
  add(
    'GET',
    `${NET}/privateDnsZones/{zoneName}/A/{recordName}`,
    'Microsoft.Network/privateDnsZones/A',
    dns.getARecord,
  );
  add(
    'GET',
    `${NET}/privateDnsZones/{zoneName}/A`,
    'Microsoft.Network/privateDnsZones/A',
    dns.listARecords,
  );
  add(
    'GET',
    `${NET}/privateDnsZones/{zoneName}/ALL`,
    'Microsoft.Network/privateDnsZones/ALL',
    dns.listARecords,
  );
  add(
    'GET',
    `${NET}/privateDnsOperationStatuses/{operationId}`,
    'Microsoft.Network/privateDnsOperationStatuses',
    operations.asyncOperationStatus,
  );
  add(
    'GET',
    `${NET}/privateDnsOperationResults/{operationId}`,
    'Microsoft.Network/privateDnsOperationResults',
    operations.operationResult,
  );

  // The activity log (management events)
  add(
    'GET',
    `${SUB}/providers/Microsoft.Insights/eventtypes/management/values`,
    'Microsoft.Insights/eventtypes/values',
    activity.listEvents,
  );

  // Resource groups and the generic resource list
  add('GET', RG, 'Microsoft.Resources/resourceGroups', generic.getResourceGroup);
  add('GET', `${SUB}/resources`, 'Microsoft.Resources/resources', generic.listResources);
  return router;
}
