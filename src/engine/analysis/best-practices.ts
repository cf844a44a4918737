// Best-practice findings about where a vault ends up, after Azure Policy's built-in definitions
// for Key Vault networking. They are warnings (a plan is still valid), and each id can be
// turned off per vault or per file with disableFindings.
import type { DesiredVault } from '../state/desired.js';
import type { PlanFinding } from '../plan/types.js';
import { hasPrivatePath, type VaultAccess } from './access.js';

interface Practice {
  readonly id: string;
  /** The built-in policy or practice it follows, named for the reviewer. */
  readonly basis: string;
  readonly applies: (vault: DesiredVault, after: VaultAccess) => boolean;
}

const PRACTICES: readonly Practice[] = [
  {
    id: 'policy/firewall',
    basis: 'Azure Policy "Azure Key Vault should have firewall enabled"',
    applies: (vault) =>
      vault.network.publicNetworkAccess === 'Enabled' && vault.network.defaultAction === 'Allow',
  },
  {
    id: 'policy/public-network-access',
    basis: 'Azure Policy "Azure Key Vault should disable public network access"',
    applies: (vault) => vault.network.publicNetworkAccess === 'Enabled',
  },
  {
    id: 'policy/private-link',
    basis: 'Azure Policy "Azure Key Vaults should use private link"',
    applies: (_vault, after) => !hasPrivatePath(after),
  },
  {
    id: 'practice/wide-ip-range',
    basis: 'least privilege',
    applies: (vault) => vault.network.ipRules.some((cidr) => Number(cidr.split('/')[1]) < 16),
  },
];

/** The ids disableFindings may name. */
export const BEST_PRACTICE_IDS: readonly string[] = PRACTICES.map((practice) => practice.id);

export function bestPracticeFindings(vault: DesiredVault, after: VaultAccess): PlanFinding[] {
  return PRACTICES.filter(
    (practice) => !vault.disabledFindings.includes(practice.id) && practice.applies(vault, after),
  ).map((practice) => ({
    level: 'warning',
    rule: practice.id,
    vault: vault.name,
    source: vault.source,
    params: { vault: vault.name, basis: practice.basis },
  }));
}
