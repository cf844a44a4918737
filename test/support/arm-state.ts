// ARM resource bodies, as GET returns them, for seeding the local ARM endpoint in planner and
// applier tests. Only what a scenario varies is a parameter.
export const SUB = '11111111-1111-1111-1111-111111111111';
export const HUB_SUB = '33333333-3333-3333-3333-333333333333';
export const OTHER_SUB = '22222222-2222-2222-2222-222222222222';
export const TENANT = '44444444-4444-4444-4444-444444444444';
export const RG = 'rg-secrets';
export const NET_RG = 'rg-network';
export const ZONE = 'privatelink.vaultcore.azure.net';

export type ArmBody = Record<string, unknown>;

export const groupId = (rg = RG, sub = SUB) => `/subscriptions/${sub}/resourceGroups/${rg}`;
export const vaultId = (name: string, rg = RG, sub = SUB) =>
  `${groupId(rg, sub)}/providers/Microsoft.KeyVault/vaults/${name}`;
export const vnetId = (name: string, rg = NET_RG, sub = SUB) =>
  `${groupId(rg, sub)}/providers/Microsoft.Network/virtualNetworks/${name}`;
export const subnetId = (vnet: string, subnet: string, rg = NET_RG, sub = SUB) =>
  `${vnetId(vnet, rg, sub)}/subnets/${subnet}`;
export const zoneId = (rg = RG, sub = SUB, zone = ZONE) =>
  `${groupId(rg, sub)}/providers/Microsoft.Network/privateDnsZones/${zone}`;
export const endpointId = (name: string, rg = RG, sub = SUB) =>
  `${groupId(rg, sub)}/providers/Microsoft.Network/privateEndpoints/${name}`;

export interface VaultOptions {
  readonly rg?: string;
  readonly sub?: string;
  readonly publicNetworkAccess?: string;
  readonly networkAcls?: ArmBody;
  readonly connections?: ArmBody[];
  readonly accessPolicies?: boolean;
}

export function vault(name: string, options: VaultOptions = {}): ArmBody {
  const properties: ArmBody = {
    tenantId: TENANT,
    sku: { family: 'A', name: 'standard' },
    accessPolicies: options.accessPolicies
      ? [
          {
            tenantId: TENANT,
            objectId: '55555555-5555-5555-5555-555555555555',
            permissions: { secrets: ['get', 'list'] },
          },
        ]
      : [],
    enableRbacAuthorization: !options.accessPolicies,
    enableSoftDelete: true,
    softDeleteRetentionInDays: 90,
    vaultUri: `https://${name}.vault.azure.net/`,
    provisioningState: 'Succeeded',
    ...(options.publicNetworkAccess ? { publicNetworkAccess: options.publicNetworkAccess } : {}),
    ...(options.networkAcls ? { networkAcls: options.networkAcls } : {}),
    ...(options.connections ? { privateEndpointConnections: options.connections } : {}),
  };
  return {
    id: vaultId(name, options.rg, options.sub),
    name,
    type: 'Microsoft.KeyVault/vaults',
    location: 'westeurope',
    tags: { team: 'platform', 'cost-center': '1234' },
    properties,
  };
}

export interface SubnetOptions {
  readonly name: string;
  readonly prefix: string;
  readonly endpoints?: string[];
  readonly extra?: ArmBody;
}

export function vnet(
  name: string,
  prefix: string,
  subnets: SubnetOptions[],
  rg = NET_RG,
  sub = SUB,
): ArmBody {
  return {
    id: vnetId(name, rg, sub),
    name,
    type: 'Microsoft.Network/virtualNetworks',
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      addressSpace: { addressPrefixes: [prefix] },
      subnets: subnets.map((subnet) => ({
        id: subnetId(name, subnet.name, rg, sub),
        name: subnet.name,
        type: 'Microsoft.Network/virtualNetworks/subnets',
        properties: {
          provisioningState: 'Succeeded',
          addressPrefix: subnet.prefix,
          serviceEndpoints: (subnet.endpoints ?? []).map((service) => ({
            service,
            locations: ['westeurope'],
            provisioningState: 'Succeeded',
          })),
          privateEndpointNetworkPolicies: 'Disabled',
          ...(subnet.extra ?? {}),
        },
      })),
    },
  };
}

export function zone(rg = RG, sub = SUB, name = ZONE): ArmBody {
  return {
    id: zoneId(rg, sub, name),
    name,
    type: 'Microsoft.Network/privateDnsZones',
    location: 'global',
    tags: {},
    properties: { provisioningState: 'Succeeded' },
  };
}

export function zoneLink(zoneResourceId: string, name: string, virtualNetworkId: string): ArmBody {
  return {
    id: `${zoneResourceId}/virtualNetworkLinks/${name}`,
    name,
    type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
    location: 'global',
    properties: {
      provisioningState: 'Succeeded',
      virtualNetwork: { id: virtualNetworkId },
      registrationEnabled: false,
      virtualNetworkLinkState: 'Completed',
    },
  };
}

/** A vault-side connection as the vault body embeds it. */
export function connection(
  vaultResourceId: string,
  name: string,
  privateEndpointResourceId: string,
  status: string,
): ArmBody {
  return {
    id: `${vaultResourceId}/privateEndpointConnections/${name}`,
    properties: {
      privateEndpoint: { id: privateEndpointResourceId },
      privateLinkServiceConnectionState: { status, description: '', actionsRequired: 'None' },
      provisioningState: 'Succeeded',
    },
  };
}

/** The standard estate: a VNet with an app subnet (no endpoint) and a PE subnet. */
export function networkEstate(): ArmBody[] {
  return [
    vnet('vnet-apps', '10.20.0.0/16', [
      { name: 'snet-orders', prefix: '10.20.1.0/24', endpoints: ['Microsoft.Storage'] },
      { name: 'snet-pe', prefix: '10.20.9.0/24' },
      { name: 'snet-ready', prefix: '10.20.2.0/24', endpoints: ['Microsoft.KeyVault'] },
    ]),
  ];
}

export interface ZoneGroupOptions {
  /** The vault whose A record the group wrote. */
  readonly vaultName: string;
  /** The endpoint's private IP (the A record's address). */
  readonly ip: string;
  readonly provisioningState?: string;
  /** Config name; a DINE policy uses `keyvault-privateDnsZone`. */
  readonly configName?: string;
}

/** A zone group as GET returns it, with the record set it reports (zone id, one A record). */
export function zoneGroup(
  privateEndpointResourceId: string,
  name: string,
  zoneResourceId: string,
  options: ZoneGroupOptions,
): ArmBody {
  const zoneName = zoneResourceId.split('/').pop() ?? '';
  return {
    id: `${privateEndpointResourceId}/privateDnsZoneGroups/${name}`,
    name,
    type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
    properties: {
      provisioningState: options.provisioningState ?? 'Succeeded',
      privateDnsZoneConfigs: [
        {
          name: options.configName ?? zoneName.replace(/\./g, '-'),
          properties: {
            privateDnsZoneId: zoneResourceId,
            recordSets: [
              {
                recordType: 'A',
                recordSetName: options.vaultName,
                fqdn: `${options.vaultName}.${zoneName}`,
                provisioningState: 'Succeeded',
                ttl: 10,
                ipAddresses: [options.ip],
              },
            ],
          },
        },
      ],
    },
  };
}

/**
 * What a DINE policy (the built-in "Configure Azure Key Vaults to use private DNS zones")
 * leaves on an endpoint: the zone group `deployedByPolicy`; seed it with aRecord().
 */
export function policyZoneGroup(
  privateEndpointResourceId: string,
  zoneResourceId: string,
  vaultName: string,
  ip: string,
): ArmBody {
  return zoneGroup(privateEndpointResourceId, 'deployedByPolicy', zoneResourceId, {
    vaultName,
    ip,
    configName: 'keyvault-privateDnsZone',
  });
}

/** The A record a zone group writes: `<name>` TTL 10 → the addresses. */
export function aRecord(zoneResourceId: string, name: string, ips: readonly string[]): ArmBody {
  const zoneName = zoneResourceId.split('/').pop() ?? '';
  return {
    id: `${zoneResourceId}/A/${name.toLowerCase()}`,
    name: name.toLowerCase(),
    type: 'Microsoft.Network/privateDnsZones/A',
    properties: {
      ttl: 10,
      fqdn: `${name.toLowerCase()}.${zoneName}.`,
      isAutoRegistered: false,
      aRecords: ips.map((ipv4Address) => ({ ipv4Address })),
    },
  };
}

export const HSM_ZONE = 'privatelink.managedhsm.azure.net';
export const managedHsmId = (name: string, rg = RG, sub = SUB) =>
  `${groupId(rg, sub)}/providers/Microsoft.KeyVault/managedHSMs/${name}`;

export interface ManagedHsmOptions {
  readonly rg?: string;
  readonly sub?: string;
  readonly publicNetworkAccess?: string;
  readonly networkAcls?: ArmBody;
  readonly connections?: ArmBody[];
}

/** A Managed HSM pool as GET returns it (REST example ManagedHsm_Get, 2025-05-01). */
export function managedHsm(name: string, options: ManagedHsmOptions = {}): ArmBody {
  return {
    id: managedHsmId(name, options.rg, options.sub),
    name,
    type: 'Microsoft.KeyVault/managedHSMs',
    location: 'westeurope',
    sku: { family: 'B', name: 'Standard_B1' },
    tags: { team: 'crypto' },
    properties: {
      tenantId: TENANT,
      initialAdminObjectIds: ['55555555-5555-5555-5555-555555555555'],
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enablePurgeProtection: true,
      hsmUri: `https://${name}.managedhsm.azure.net/`,
      provisioningState: 'Succeeded',
      statusMessage: 'The Managed HSM is provisioned and ready to use.',
      ...(options.publicNetworkAccess ? { publicNetworkAccess: options.publicNetworkAccess } : {}),
      ...(options.networkAcls ? { networkAcls: options.networkAcls } : {}),
      ...(options.connections ? { privateEndpointConnections: options.connections } : {}),
    },
  };
}
