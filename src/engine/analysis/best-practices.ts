// Best-practice findings about where a vault ends up, after Azure Policy's built-in definitions
// for Key Vault networking. They are warnings (a plan is still valid), and each id can be
// turned off per vault or per file with disableFindings.
import type { DesiredVault } from '../state/desired.js';
import type { PlanFinding, Reachability } from '../plan/types.js';

interface Practice {
  readonly id: string;
  /** The built-in policy or practice it follows, named for the reviewer. */
  readonly basis: string;
  readonly applies: (vault: DesiredVault, after: Reachability) => boolean;
  readonly advice: string;
}

const PRACTICES: readonly Practice[] = [
  {
    id: 'policy/firewall',
    basis: 'Azure Policy "Azure Key Vault should have firewall enabled"',
    applies: (vault) =>
      vault.network.publicNetworkAccess === 'Enabled' && vault.network.defaultAction === 'Allow',
    advice:
      'every network can reach the vault: set firewall.defaultAction to Deny and list who may connect',
  },
  {
    id: 'policy/public-network-access',
    basis: 'Azure Policy "Azure Key Vault should disable public network access"',
    applies: (vault) => vault.network.publicNetworkAccess === 'Enabled',
    advice:
      "the public endpoint stays open to the firewall's rules: prefer private endpoints and publicNetworkAccess: Disabled",
  },
  {
    id: 'policy/private-link',
    basis: 'Azure Policy "Azure Key Vaults should use private link"',
    applies: (_vault, after) => after.privateEndpoints.length === 0,
    advice: 'no private endpoint reaches the vault: declare one under privateEndpoints',
  },
  {
    id: 'practice/wide-ip-range',
    basis: 'least privilege',
    applies: (vault) => vault.network.ipRules.some((cidr) => Number(cidr.split('/')[1]) < 16),
    advice:
      'an IP rule admits more than 65,536 addresses: narrow it to the egress addresses you trust',
  },
];

export function bestPracticeFindings(vault: DesiredVault, after: Reachability): PlanFinding[] {
  return PRACTICES.filter(
    (practice) => !vault.disabledFindings.includes(practice.id) && practice.applies(vault, after),
  ).map((practice) => ({
    level: 'warning',
    rule: practice.id,
    vault: vault.name,
    source: vault.source,
    message: `vault "${vault.name}": ${practice.advice} (${practice.basis}; disable with disableFindings: [${practice.id}])`,
  }));
}
