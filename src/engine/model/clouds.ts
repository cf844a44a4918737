// Per-cloud facts (AZURE-FACTS.md §4): where ARM is, which token audience it wants, and the
// private DNS zone that Key Vault private endpoints must use there.

export const CLOUDS = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'] as const;
export type CloudName = (typeof CLOUDS)[number];

export interface CloudProfile {
  readonly name: CloudName;
  readonly armEndpoint: string;
  readonly tokenScope: string;
  readonly authorityHost: string;
  readonly vaultDnsSuffix: string;
  readonly privateLinkZone: string;
}

export const CLOUD_PROFILES: Readonly<Record<CloudName, CloudProfile>> = {
  AzureCloud: {
    name: 'AzureCloud',
    armEndpoint: 'https://management.azure.com',
    tokenScope: 'https://management.azure.com/.default',
    authorityHost: 'https://login.microsoftonline.com',
    vaultDnsSuffix: 'vault.azure.net',
    privateLinkZone: 'privatelink.vaultcore.azure.net',
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    armEndpoint: 'https://management.usgovcloudapi.net',
    tokenScope: 'https://management.usgovcloudapi.net/.default',
    authorityHost: 'https://login.microsoftonline.us',
    vaultDnsSuffix: 'vault.usgovcloudapi.net',
    privateLinkZone: 'privatelink.vaultcore.usgovcloudapi.net',
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    armEndpoint: 'https://management.chinacloudapi.cn',
    tokenScope: 'https://management.chinacloudapi.cn/.default',
    authorityHost: 'https://login.chinacloudapi.cn',
    vaultDnsSuffix: 'vault.azure.cn',
    privateLinkZone: 'privatelink.vaultcore.azure.cn',
  },
};
