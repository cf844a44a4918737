// Writes a spec that describes live vaults exactly as they are, so that adopting kvnet on an
// existing estate starts from a plan with no changes. VNet rules are exported with
// serviceEndpoint: ignore (kvnet then never touches those subnets), and existing private
// endpoint connections are left to be reported, not managed, except those of private endpoints
// the exporter could read (in the exported subscription), which are declared as they are.
import { dump } from 'js-yaml';
import { parseResourceId } from '../model/resource-id.js';
import { resourceIdKey } from '../model/resource-id.js';
import { targetKindOfId } from '../model/target-kinds.js';
import type { LivePrivateEndpoint, LiveVault } from '../state/live.js';
import type { CloudName } from '../model/clouds.js';

export interface ExportOptions {
  readonly subscription: string;
  readonly cloud: CloudName;
  /** Written into the header comment, e.g. the command that produced the file. */
  readonly generatedBy: string;
}

function resourceGroupOf(id: string): string {
  const parsed = parseResourceId(id);
  return parsed.ok ? parsed.id.resourceGroup : '';
}

function declaredEndpoints(vault: LiveVault, endpoints: readonly LivePrivateEndpoint[]) {
  const vaultGroup = resourceGroupOf(vault.id);
  return endpoints.flatMap((endpoint) => {
    const link = endpoint.connections.find(
      (connection) => resourceIdKey(connection.targetId) === resourceIdKey(vault.id),
    );
    if (!link) return [];
    const group = resourceGroupOf(endpoint.id);
    return [
      {
        name: endpoint.name,
        ...(group.toLowerCase() === vaultGroup.toLowerCase() ? {} : { resourceGroup: group }),
        subnet: endpoint.subnetId,
        connectionName: link.name,
        ...(link.manual ? { manualApproval: true } : {}),
      },
    ];
  });
}

function hiddenFirewallNote(vaults: readonly LiveVault[]): string[] {
  const hidden = vaults
    .filter((vault) => vault.network.firewallHidden)
    .map((vault) => vault.name.replace(/[^A-Za-z0-9-]/g, '?'));
  if (hidden.length === 0) return [];
  return [
    `# Public access is disabled on ${hidden.join(', ')}, and Azure does not show the firewall then:`,
    '# it is exported closed (defaultAction: Deny, no rules); review it before enabling public access.',
  ];
}

export function exportSpec(
  vaults: readonly LiveVault[],
  endpoints: readonly LivePrivateEndpoint[],
  options: ExportOptions,
): string {
  const sorted = [...vaults].sort((a, b) => a.name.localeCompare(b.name));
  const groups = new Set(sorted.map((vault) => resourceGroupOf(vault.id)));
  const sharedGroup = groups.size === 1 ? [...groups][0] : undefined;
  // Managed HSM pools go under managedHsms, in the same shape (target-kinds.ts).
  const pools = sorted.filter((vault) => targetKindOfId(vault.id).id === 'managedHsm');
  const entry = (vault: LiveVault) => ({
    name: vault.name,
    ...(sharedGroup ? {} : { resourceGroup: resourceGroupOf(vault.id) }),
    publicNetworkAccess: vault.network.publicNetworkAccess,
    // Azure withholds the firewall while public access is Disabled: the closed one is
    // exported, so enabling public access later never opens the vault to everyone.
    firewall: vault.network.firewallHidden
      ? { defaultAction: 'Deny', bypass: 'AzureServices' }
      : {
          defaultAction: vault.network.defaultAction,
          bypass: vault.network.bypass,
          ...(vault.network.ipRules.length > 0
            ? {
                ipRules: vault.network.ipRules.map((cidr) =>
                  cidr.endsWith('/32') ? cidr.slice(0, -3) : cidr,
                ),
              }
            : {}),
          ...(vault.network.virtualNetworkRules.length > 0
            ? {
                virtualNetworkRules: vault.network.virtualNetworkRules.map((rule) => ({
                  subnet: rule.subnetId,
                  serviceEndpoint: 'ignore',
                })),
              }
            : {}),
        },
    ...(declaredEndpoints(vault, endpoints).length > 0
      ? { privateEndpoints: declaredEndpoints(vault, endpoints) }
      : {}),
  });
  const spec = {
    version: 1,
    defaults: {
      subscription: options.subscription,
      ...(sharedGroup ? { resourceGroup: sharedGroup } : {}),
      ...(options.cloud === 'AzureCloud' ? {} : { cloud: options.cloud }),
    },
    vaults: sorted.filter((vault) => targetKindOfId(vault.id).id === 'vault').map(entry),
    ...(pools.length > 0 ? { managedHsms: pools.map(entry) } : {}),
  };
  const header = [
    `# Exported from live state by ${options.generatedBy}.`,
    '# VNet rules are exported with serviceEndpoint: ignore, so kvnet leaves those subnets alone;',
    '# switch a rule to ensure to let kvnet add the Microsoft.KeyVault endpoint when missing.',
    '# Private endpoints in this subscription are declared as they are (without DNS: add dns to manage it);',
    '# connections from endpoints elsewhere are left out and reported by plan.',
    ...hiddenFirewallNote(sorted),
  ];
  return `${header.join('\n')}\n${dump(spec, { lineWidth: -1, noRefs: true })}`;
}
