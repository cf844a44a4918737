// Live state (the values InMemoryAzure holds) written as the ARM bodies the local endpoint
// loads, so the contract suite seeds both implementations with the same world.
import type { InMemoryAzureState } from '../support/fakes/in-memory-azure.js';
import type { ArmBody } from '../support/arm-state.js';

const TENANT = '44444444-4444-4444-4444-444444444444';
const last = (id: string) => id.split('/').pop() ?? '';
const groupOf = (id: string) =>
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/i.exec(id)?.[0] ?? '';

/** A managed HSM pool (its id names managedHSMs) as the endpoint stores it. */
function managedHsmBody(
  vault: NonNullable<InMemoryAzureState['vaults']>[number],
  acls: ArmBody,
): ArmBody {
  const defaulted = new Set(vault.network.defaulted);
  return {
    id: vault.id,
    name: vault.name,
    type: 'Microsoft.KeyVault/managedHSMs',
    location: vault.location,
    sku: { family: 'B', name: 'Standard_B1' },
    tags: {},
    properties: {
      tenantId: TENANT,
      initialAdminObjectIds: [],
      hsmUri: `https://${vault.name}.managedhsm.azure.net/`,
      provisioningState: 'Succeeded',
      ...(defaulted.has('publicNetworkAccess')
        ? {}
        : { publicNetworkAccess: vault.network.publicNetworkAccess }),
      networkAcls: acls,
      privateEndpointConnections: vault.connections.map((connection) => ({
        id: connection.id,
        properties: {
          privateEndpoint: { id: connection.privateEndpointId },
          privateLinkServiceConnectionState: {
            status: connection.status,
            description: connection.description,
            actionsRequired: 'None',
          },
          provisioningState: connection.provisioningState ?? 'Succeeded',
        },
      })),
    },
  };
}

export function armFromLive(state: InMemoryAzureState): ArmBody[] {
  const bodies: ArmBody[] = [];
  for (const group of state.resourceGroups ?? [])
    bodies.push({ id: group, type: 'Microsoft.Resources/resourceGroups', location: 'westeurope' });
  for (const vault of state.vaults ?? []) {
    const network = vault.network;
    const defaulted = new Set(network.defaulted);
    const acls: ArmBody = {
      ipRules: network.ipRules.map((value) => ({ value })),
      virtualNetworkRules: network.virtualNetworkRules.map((rule) => ({
        id: rule.subnetId.toLowerCase(),
      })),
    };
    if (!defaulted.has('defaultAction')) acls.defaultAction = network.defaultAction;
    if (!defaulted.has('bypass')) acls.bypass = network.bypass;
    if (/\/managedHSMs\//i.test(vault.id)) {
      bodies.push(managedHsmBody(vault, acls));
      continue;
    }
    bodies.push({
      id: vault.id,
      name: vault.name,
      type: 'Microsoft.KeyVault/vaults',
      location: vault.location,
      tags: {},
      properties: {
        tenantId: TENANT,
        sku: { family: 'A', name: 'standard' },
        accessPolicies: [],
        enableRbacAuthorization: !vault.usesAccessPolicies,
        vaultUri: `https://${vault.name}.vault.azure.net/`,
        provisioningState: 'Succeeded',
        ...(defaulted.has('publicNetworkAccess')
          ? {}
          : { publicNetworkAccess: network.publicNetworkAccess }),
        networkAcls: acls,
        privateEndpointConnections: vault.connections.map((connection) => ({
          id: connection.id,
          properties: {
            privateEndpoint: { id: connection.privateEndpointId },
            privateLinkServiceConnectionState: {
              status: connection.status,
              description: connection.description,
              actionsRequired: 'None',
            },
            provisioningState: connection.provisioningState ?? 'Succeeded',
          },
        })),
      },
    });
  }
  for (const vnet of state.virtualNetworks ?? []) {
    bodies.push({
      id: vnet.id,
      name: vnet.name,
      type: 'Microsoft.Network/virtualNetworks',
      location: vnet.location,
      properties: {
        provisioningState: vnet.provisioningState ?? 'Succeeded',
        addressSpace: { addressPrefixes: vnet.subnets.flatMap((subnet) => subnet.addressPrefixes) },
        subnets: vnet.subnets.map((subnet) => ({
          id: subnet.id,
          name: subnet.name,
          type: 'Microsoft.Network/virtualNetworks/subnets',
          properties: {
            ...(subnet.provisioningState === undefined
              ? {}
              : { provisioningState: subnet.provisioningState }),
            addressPrefixes: subnet.addressPrefixes,
            serviceEndpoints: subnet.serviceEndpoints.map((service) => ({
              service,
              locations: [vnet.location],
              provisioningState: 'Succeeded',
            })),
          },
        })),
      },
    });
  }
  for (const endpoint of state.privateEndpoints ?? []) {
    const nicId = `${groupOf(endpoint.id)}/providers/Microsoft.Network/networkInterfaces/${endpoint.name}.nic`;
    const connection = (c: (typeof endpoint.connections)[number]) => ({
      name: c.name,
      properties: {
        privateLinkServiceId: c.targetId,
        groupIds: c.groupIds,
        privateLinkServiceConnectionState: {
          status: c.status ?? 'Approved',
          description: '',
          actionsRequired: 'None',
        },
      },
    });
    bodies.push({
      id: nicId,
      name: `${endpoint.name}.nic`,
      type: 'Microsoft.Network/networkInterfaces',
      location: endpoint.location,
      properties: {
        provisioningState: 'Succeeded',
        ipConfigurations: endpoint.privateIps.slice(0, 1).map((address) => ({
          name: 'privateEndpointIpConfig',
          properties: { privateIPAddress: address, subnet: { id: endpoint.subnetId } },
        })),
      },
    });
    bodies.push({
      id: endpoint.id,
      name: endpoint.name,
      type: 'Microsoft.Network/privateEndpoints',
      location: endpoint.location,
      tags: endpoint.tags,
      properties: {
        ...(endpoint.provisioningState === undefined
          ? {}
          : { provisioningState: endpoint.provisioningState }),
        subnet: { id: endpoint.subnetId },
        privateLinkServiceConnections: endpoint.connections
          .filter((c) => !c.manual)
          .map(connection),
        manualPrivateLinkServiceConnections: endpoint.connections
          .filter((c) => c.manual)
          .map(connection),
        networkInterfaces: [{ id: nicId }],
        customDnsConfigs: endpoint.connections.map((c) => ({
          fqdn: `${last(c.targetId)}.vault.azure.net`,
          ipAddresses: endpoint.privateIps,
        })),
      },
    });
  }
  for (const group of state.zoneGroups ?? []) {
    bodies.push({
      id: group.id,
      name: group.name,
      type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
      properties: {
        ...(group.provisioningState === undefined
          ? {}
          : { provisioningState: group.provisioningState }),
        privateDnsZoneConfigs: group.zoneIds.map((zoneId) => ({
          name: last(zoneId).replace(/\./g, '-'),
          properties: {
            privateDnsZoneId: zoneId,
            recordSets: group.records
              .filter((record) => record.zoneId.toLowerCase() === zoneId.toLowerCase())
              .map((record) => ({
                recordType: record.recordType,
                recordSetName: record.recordSetName,
                ...(record.fqdn === undefined ? {} : { fqdn: record.fqdn }),
                ...(record.provisioningState === undefined
                  ? {}
                  : { provisioningState: record.provisioningState }),
                ttl: 10,
                ipAddresses: record.ipAddresses,
              })),
          },
        })),
      },
    });
  }
  for (const zone of state.zones ?? [])
    bodies.push({
      id: zone.id,
      name: zone.name,
      type: 'Microsoft.Network/privateDnsZones',
      location: 'global',
      tags: {},
      properties:
        zone.provisioningState === undefined ? {} : { provisioningState: zone.provisioningState },
    });
  for (const link of state.links ?? [])
    bodies.push({
      id: link.id,
      name: link.name,
      type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      location: 'global',
      properties: {
        ...(link.provisioningState === undefined
          ? {}
          : { provisioningState: link.provisioningState }),
        virtualNetwork: { id: link.virtualNetworkId },
        registrationEnabled: false,
        ...(link.state === undefined ? {} : { virtualNetworkLinkState: link.state }),
      },
    });
  for (const record of state.aRecordSets ?? [])
    bodies.push({
      id: record.id,
      name: record.name,
      type: 'Microsoft.Network/privateDnsZones/A',
      properties: {
        ttl: 10,
        fqdn: `${record.name}.${record.id.split('/').at(-3) ?? ''}.`,
        aRecords: record.ipv4Addresses.map((ipv4Address) => ({ ipv4Address })),
      },
    });
  return bodies;
}
