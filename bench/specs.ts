// What each vault of the estate should look like, before and after the change, and the spec
// files (one per subscription) that say so. The minimal-read count (bench/minimal-reads.ts)
// works from the same model, so the spec set and the count cannot disagree.
import {
  HUB_SUBSCRIPTION,
  LOCATION,
  NET_RG,
  PE_RG,
  hubZoneId,
  linkName,
  subscriptionId,
  type BenchVault,
  type Estate,
} from './estate.js';

export type SpecPhase = 'baseline' | 'changed';

export interface DesiredBenchVault {
  readonly vault: BenchVault;
  readonly ipRules: readonly string[];
  readonly vnetRuleSubnets: readonly string[];
  readonly privateEndpoint?: { readonly name: string; readonly resourceGroup: string };
}

export function desiredVault(vault: BenchVault, phase: SpecPhase): DesiredBenchVault {
  const change = phase === 'changed' ? vault.change : undefined;
  let ipRules = [...vault.ipRules];
  const vnetRuleSubnets = vault.vnetRuleSubnet ? [vault.vnetRuleSubnet] : [];
  if (change === 'add-ip-rule') {
    const a = (vault.index >> 8) & 255;
    const b = vault.index & 255;
    ipRules.push(`20.${a}.${b}.9`);
  }
  if (change === 'remove-ip-rule') ipRules = ipRules.slice(0, 1);
  if (change === 'add-vnet-rule')
    vnetRuleSubnets.push(Math.floor(vault.index / 7) % 2 === 0 ? 'snet-app-3' : 'snet-app-4');
  const withEndpoint = vault.privateEndpoint || change === 'add-private-endpoint';
  return {
    vault,
    ipRules,
    vnetRuleSubnets,
    privateEndpoint: withEndpoint ? { name: `pe-${vault.name}`, resourceGroup: PE_RG } : undefined,
  };
}

function vaultYaml(desired: DesiredBenchVault): string {
  const { vault } = desired;
  const lines = [
    `  - name: ${vault.name}`,
    `    resourceGroup: ${vault.resourceGroup}`,
    `    publicNetworkAccess: ${vault.publicNetworkAccess}`,
    '    firewall:',
    '      defaultAction: Deny',
    `      ipRules: [${desired.ipRules.join(', ')}]`,
  ];
  if (desired.vnetRuleSubnets.length > 0) {
    lines.push('      virtualNetworkRules:');
    for (const subnet of desired.vnetRuleSubnets)
      lines.push(
        `        - subnet: { vnet: ${vault.vnet}, name: ${subnet}, resourceGroup: ${NET_RG} }`,
      );
  }
  const endpoint = desired.privateEndpoint;
  if (endpoint) {
    lines.push(
      '    privateEndpoints:',
      `      - name: ${endpoint.name}`,
      `        resourceGroup: ${endpoint.resourceGroup}`,
      `        subnet: { vnet: ${vault.vnet}, name: snet-pe, resourceGroup: ${NET_RG} }`,
      `        connectionName: ${endpoint.name}-conn`,
      '        dns:',
      `          zoneId: ${hubZoneId()}`,
      `          links: [{ vnet: ${vault.vnet}, name: ${linkName(vault.subscription, vault.vnet)}, resourceGroup: ${NET_RG} }]`,
      '          zoneGroup: default',
    );
  }
  return lines.join('\n');
}

/** One spec file per subscription: name → YAML text. */
export function specFiles(estate: Estate, phase: SpecPhase): Map<string, string> {
  const files = new Map<string, string>();
  for (let s = 0; s < estate.subscriptionCount; s += 1) {
    const vaults = estate.vaults.filter((vault) => vault.subscriptionIndex === s);
    if (vaults.length === 0) continue;
    const text = [
      `# Benchmark estate, subscription ${s + 1} of ${estate.subscriptionCount} (${phase}); hub zone in ${HUB_SUBSCRIPTION}.`,
      'version: 1',
      'defaults:',
      `  subscription: ${subscriptionId(s)}`,
      `  location: ${LOCATION}`,
      'vaults:',
      ...vaults.map((vault) => vaultYaml(desiredVault(vault, phase))),
      '',
    ].join('\n');
    files.set(`subscription-${String(s + 1).padStart(3, '0')}.yaml`, text);
  }
  return files;
}
