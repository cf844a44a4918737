// The kinds of resource whose network kvnet manages ("targets"): Key Vault vaults and Managed
// HSM pools. Everything that differs between them lives here, as data: resource type and
// api-version, the spec section, the private link group and zone per cloud, which firewall
// fields the API has, and names of the SDK operations the Azure adapter maps them to. The
// planner, the access model and the applier read a target's kind instead of assuming a vault;
// a third type is one more entry here plus its SDK operations in src/adapters/azure
// (docs/resource-kinds.md).
import { parseResourceId, resourceIdKey } from './resource-id.js';
import type { CloudName } from './clouds.js';

export type TargetKindId = 'vault' | 'managedHsm';

export interface TargetKind {
  readonly id: TargetKindId;
  /** How messages name one: "vault", "managed HSM". */
  readonly label: string;
  /** The spec's top-level list of this kind. */
  readonly specSection: 'vaults' | 'managedHsms';
  readonly provider: 'Microsoft.KeyVault';
  /** The type segment of its resource id, as ARM spells it. */
  readonly typeSegment: 'vaults' | 'managedHSMs';
  /** `Microsoft.KeyVault/vaults`, `Microsoft.KeyVault/managedHSMs`. */
  readonly resourceType: string;
  /** The api-version the installed SDK sends (@azure/arm-keyvault 5.0.0). */
  readonly apiVersion: string;
  /** The private link sub-resource (group id) a private endpoint to it names. */
  readonly privateLinkGroup: string;
  /** The private DNS zone its private endpoints must resolve through, per cloud. */
  readonly privateLinkZones: Readonly<Record<CloudName, string>>;
  /** The data-plane host suffix, per cloud (`NAME.<suffix>`). */
  readonly dataPlaneSuffixes: Readonly<Record<CloudName, string>>;
  /** Which parts of networkAcls the API has for this kind. */
  readonly firewall: {
    readonly ipRules: boolean;
    readonly virtualNetworkRules: boolean;
    /** The service refuses ipRules while defaultAction is Allow (Managed HSM). */
    readonly ipRulesNeedDeny: boolean;
  };
  /** The service endpoint a subnet needs for a VNet rule to admit its traffic. */
  readonly serviceEndpoint: 'Microsoft.KeyVault';
  /** Whether the kind can use access policies (where vaults/write grants data access). */
  readonly hasAccessPolicies: boolean;
  /** The SDK operation groups the adapter uses (for the record; the adapter maps them). */
  readonly sdk: { readonly resource: string; readonly connections: string };
}

export const VAULT_KIND: TargetKind = {
  id: 'vault',
  label: 'vault',
  specSection: 'vaults',
  provider: 'Microsoft.KeyVault',
  typeSegment: 'vaults',
  resourceType: 'Microsoft.KeyVault/vaults',
  apiVersion: '2026-02-01',
  privateLinkGroup: 'vault',
  privateLinkZones: {
    AzureCloud: 'privatelink.vaultcore.azure.net',
    AzureUSGovernment: 'privatelink.vaultcore.usgovcloudapi.net',
    AzureChinaCloud: 'privatelink.vaultcore.azure.cn',
  },
  dataPlaneSuffixes: {
    AzureCloud: 'vault.azure.net',
    AzureUSGovernment: 'vault.usgovcloudapi.net',
    AzureChinaCloud: 'vault.azure.cn',
  },
  firewall: { ipRules: true, virtualNetworkRules: true, ipRulesNeedDeny: false },
  serviceEndpoint: 'Microsoft.KeyVault',
  hasAccessPolicies: true,
  sdk: { resource: 'vaults', connections: 'privateEndpointConnections' },
};

export const MANAGED_HSM_KIND: TargetKind = {
  id: 'managedHsm',
  label: 'managed HSM',
  specSection: 'managedHsms',
  provider: 'Microsoft.KeyVault',
  typeSegment: 'managedHSMs',
  resourceType: 'Microsoft.KeyVault/managedHSMs',
  apiVersion: '2026-02-01',
  privateLinkGroup: 'managedhsm',
  privateLinkZones: {
    AzureCloud: 'privatelink.managedhsm.azure.net',
    AzureUSGovernment: 'privatelink.managedhsm.usgovcloudapi.net',
    AzureChinaCloud: 'privatelink.managedhsm.azure.cn',
  },
  dataPlaneSuffixes: {
    AzureCloud: 'managedhsm.azure.net',
    AzureUSGovernment: 'managedhsm.usgovcloudapi.net',
    AzureChinaCloud: 'managedhsm.azure.cn',
  },
  // MHSMNetworkRuleSet has ipRules and virtualNetworkRules (azure-rest-api-specs,
  // managedHsm.json); Az.KeyVault documents that the service wants Deny with IP rules.
  firewall: { ipRules: true, virtualNetworkRules: true, ipRulesNeedDeny: true },
  serviceEndpoint: 'Microsoft.KeyVault',
  hasAccessPolicies: false,
  sdk: { resource: 'managedHsms', connections: 'mhsmPrivateEndpointConnections' },
};

export const TARGET_KINDS: readonly TargetKind[] = [VAULT_KIND, MANAGED_HSM_KIND];

export function targetKind(id: TargetKindId): TargetKind {
  return id === 'managedHsm' ? MANAGED_HSM_KIND : VAULT_KIND;
}

/** The kind of a target's resource id (by its type segment); a vault when it is neither. */
export function targetKindOfId(resourceId: string): TargetKind {
  const parsed = parseResourceId(resourceId);
  const type = parsed.ok ? (parsed.id.segments[0]?.[0] ?? '').toLowerCase() : '';
  return (
    TARGET_KINDS.find((kind) => kind.typeSegment.toLowerCase() === type) ??
    (resourceIdKey(resourceId).includes('/managedhsms/') ? MANAGED_HSM_KIND : VAULT_KIND)
  );
}
