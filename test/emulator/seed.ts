// A small, realistic starting state for emulator tests, written as ARM GET bodies (the state
// file format): one vault, one VNet with a subnet that has the Key Vault endpoint and one that
// does not (but has an NSG, a route table, a delegation and a property no SDK knows), and the
// Key Vault privatelink zone.
export const SUB = '11111111-1111-1111-1111-111111111111';
export const RG = 'rg-secrets';
export const TENANT = '22222222-2222-2222-2222-222222222222';
export const VAULT = 'kv-payments-prod';
export const VNET = 'vnet-apps';
export const ZONE = 'privatelink.vaultcore.azure.net';

export const rgId = `/subscriptions/${SUB}/resourceGroups/${RG}`;
export const vaultId = `${rgId}/providers/Microsoft.KeyVault/vaults/${VAULT}`;
export const vnetId = `${rgId}/providers/Microsoft.Network/virtualNetworks/${VNET}`;
export const subnetId = (name: string) => `${vnetId}/subnets/${name}`;
export const zoneId = `${rgId}/providers/Microsoft.Network/privateDnsZones/${ZONE}`;

export function vaultBody(name = VAULT, extra: Record<string, unknown> = {}) {
  return {
    id: `${rgId}/providers/Microsoft.KeyVault/vaults/${name}`,
    name,
    type: 'Microsoft.KeyVault/vaults',
    location: 'westeurope',
    tags: { team: 'payments' },
    properties: {
      tenantId: TENANT,
      sku: { family: 'A', name: 'standard' },
      accessPolicies: [],
      enableRbacAuthorization: true,
      vaultUri: `https://${name}.vault.azure.net/`,
      provisioningState: 'Succeeded',
      publicNetworkAccess: 'Enabled',
      ...extra,
    },
  };
}

export function baseState(): Array<Record<string, unknown>> {
  return [
    vaultBody(),
    {
      id: vnetId,
      name: VNET,
      type: 'Microsoft.Network/virtualNetworks',
      location: 'westeurope',
      etag: 'W/"00000000-0000-0000-0000-000000000001"',
      properties: {
        provisioningState: 'Succeeded',
        addressSpace: { addressPrefixes: ['10.10.0.0/16'] },
        subnets: [
          {
            id: subnetId('snet-orders'),
            name: 'snet-orders',
            type: 'Microsoft.Network/virtualNetworks/subnets',
            etag: 'W/"00000000-0000-0000-0000-000000000002"',
            properties: {
              provisioningState: 'Succeeded',
              addressPrefix: '10.10.1.0/24',
              serviceEndpoints: [
                { service: 'Microsoft.KeyVault', locations: ['*'], provisioningState: 'Succeeded' },
              ],
              privateEndpointNetworkPolicies: 'Disabled',
            },
          },
          {
            id: subnetId('snet-plain'),
            name: 'snet-plain',
            type: 'Microsoft.Network/virtualNetworks/subnets',
            etag: 'W/"00000000-0000-0000-0000-000000000003"',
            properties: {
              provisioningState: 'Succeeded',
              addressPrefix: '10.10.2.0/24',
              networkSecurityGroup: {
                id: `${rgId}/providers/Microsoft.Network/networkSecurityGroups/nsg-apps`,
              },
              routeTable: { id: `${rgId}/providers/Microsoft.Network/routeTables/rt-apps` },
              delegations: [],
              serviceEndpoints: [
                {
                  service: 'Microsoft.Storage',
                  locations: ['westeurope'],
                  provisioningState: 'Succeeded',
                },
              ],
              futureProperty: { keep: ['me', 1, true] },
            },
          },
        ],
      },
    },
    {
      id: zoneId,
      name: ZONE,
      type: 'Microsoft.Network/privateDnsZones',
      location: 'global',
      etag: '00000000-0000-0000-0000-000000000004',
      tags: {},
      properties: { provisioningState: 'Succeeded' },
    },
  ];
}
