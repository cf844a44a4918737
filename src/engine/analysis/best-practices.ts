// Best-practice findings about where a vault ends up, after Azure Policy's built-in definitions
// for Key Vault networking. They are warnings (a plan is still valid), and each id can be
// turned off per vault or per file with disableFindings.
import { settingSource, type DesiredVault, type SourceRef } from '../state/desired.js';
import type { PlanFinding } from '../plan/types.js';
import { hasPrivatePath, type VaultAccess } from './access.js';

interface Practice {
  readonly id: string;
  /** The built-in policy or practice it follows, named for the reviewer. */
  readonly basis: string;
  readonly applies: (vault: DesiredVault, after: VaultAccess) => boolean;
  /** The spec value that causes the finding. */
  readonly source: (vault: DesiredVault) => SourceRef;
}

const isWide = (cidr: string) => Number(cidr.split('/')[1]) < 16;

const PRACTICES: readonly Practice[] = [
  {
    id: 'policy/firewall',
    basis: 'Azure Policy "Azure Key Vault should have firewall enabled"',
    applies: (vault) =>
      vault.network.publicNetworkAccess === 'Enabled' && vault.network.defaultAction === 'Allow',
    source: (vault) => settingSource(vault, 'defaultAction'),
  },
  {
    id: 'policy/public-network-access',
    basis: 'Azure Policy "Azure Key Vault should disable public network access"',
    applies: (vault) => vault.network.publicNetworkAccess === 'Enabled',
    source: (vault) => settingSource(vault, 'publicNetworkAccess'),
  },
  {
    id: 'policy/private-link',
    basis: 'Azure Policy "Azure Key Vaults should use private link"',
    applies: (_vault, after) => !hasPrivatePath(after),
    source: (vault) => settingSource(vault, 'privateEndpoints'),
  },
  {
    id: 'practice/wide-ip-range',
    basis: 'least privilege',
    applies: (vault) => vault.network.ipRules.some((cidr) => isWide(cidr)),
    source: (vault) => vault.ipRules.find((rule) => isWide(rule.cidr))?.source ?? vault.source,
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
    source: practice.source(vault),
    params: { vault: vault.name, basis: practice.basis },
  }));
}
