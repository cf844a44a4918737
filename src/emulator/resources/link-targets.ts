// The resources a private endpoint can target here, and what differs between them: the group
// id the service accepts, the data-plane FQDN the endpoint's DNS config carries, and the type
// of the target-side connection. Vaults (AZURE-FACTS §1c) and Managed HSM pools
// (docs/emulator.md, "Managed HSM").
import { parseResourceId, resourceTypeOf } from '../ids.js';

export interface LinkTarget {
  readonly type: string;
  readonly label: string;
  readonly groupId: string;
  readonly fqdnSuffix: string;
  readonly connectionType: string;
}

export const VAULT_TARGET: LinkTarget = {
  type: 'Microsoft.KeyVault/vaults',
  label: 'a key vault',
  groupId: 'vault',
  fqdnSuffix: 'vault.azure.net',
  connectionType: 'Microsoft.KeyVault/vaults/privateEndpointConnections',
};

export const MANAGED_HSM_TARGET: LinkTarget = {
  type: 'Microsoft.KeyVault/managedHSMs',
  label: 'a managed HSM',
  groupId: 'managedhsm',
  fqdnSuffix: 'managedhsm.azure.net',
  connectionType: 'Microsoft.KeyVault/managedHSMs/privateEndpointConnections',
};

const TARGETS = [VAULT_TARGET, MANAGED_HSM_TARGET];

/** The kind of link target an id names, if it names one. */
export function linkTargetOf(id: string): LinkTarget | undefined {
  const parsed = parseResourceId(id);
  if (!parsed) return undefined;
  const type = resourceTypeOf(parsed).toLowerCase();
  return TARGETS.find((target) => target.type.toLowerCase() === type);
}
