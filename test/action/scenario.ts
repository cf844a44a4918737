// The Azure and GitHub starting point every Action test shares: one vault open to every
// network, and a spec that closes it down to one office address.
export const OWNER = 'octo';
export const REPO = 'infra';
export const SUB = '11111111-1111-1111-1111-111111111111';
export const TENANT = '44444444-4444-4444-4444-444444444444';
export const CLIENT_ID = '66666666-6666-6666-6666-666666666666';
export const RG = 'rg-secrets';
export const JOB_TOKEN = 'ghs_jobtoken0123456789abcdefghijklmnopqrstu';
export const HEAD_SHA = 'a1'.repeat(20);
export const MERGE_SHA = 'c3'.repeat(20);
export const VAULT_PATH = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-app`;

export function vaultBody(networkAcls: Record<string, unknown>, publicNetworkAccess = 'Enabled') {
  return {
    id: VAULT_PATH,
    name: 'kv-app',
    type: 'Microsoft.KeyVault/vaults',
    location: 'westeurope',
    tags: { team: 'platform' },
    properties: {
      tenantId: TENANT,
      sku: { family: 'A', name: 'standard' },
      accessPolicies: [],
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      vaultUri: 'https://kv-app.vault.azure.net/',
      provisioningState: 'Succeeded',
      publicNetworkAccess,
      networkAcls,
    },
  };
}

export const OPEN_VAULT = vaultBody({
  defaultAction: 'Allow',
  bypass: 'AzureServices',
  ipRules: [],
  virtualNetworkRules: [],
});

export const SPEC = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
vaults:
  - name: kv-app
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      bypass: AzureServices
      ipRules:
        - address: 20.50.10.7
          note: office egress
`;

/** What the spec asks for, as Azure stores it: the converged state. */
export const CONVERGED_VAULT = vaultBody({
  defaultAction: 'Deny',
  bypass: 'AzureServices',
  ipRules: [{ value: '20.50.10.7/32' }],
  virtualNetworkRules: [],
});
