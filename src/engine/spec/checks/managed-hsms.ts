// Checks of the `managedHsms:` list: the vault checks (names, IP and VNet rules, semantics,
// private DNS) run on each pool with its own kind, then what only Managed HSM has: the service
// refuses IP rules while defaultAction is Allow, and whether it honours VNet rules is in doubt
// (docs/emulator.md, "Managed HSM").
import { MANAGED_HSM_KIND } from '../../model/target-kinds.js';
import { vaultPlacement } from '../refs.js';
import type { VaultSpec } from '../schema.js';
import type { Path } from '../yaml-loader.js';
import type { CheckOptions, CheckTarget, FindingSink } from './context.js';
import { checkIpRules } from './ip-rules.js';
import { checkVaultNames } from './names.js';
import { checkVirtualNetworkRules } from './network-rules.js';
import { checkSemantics } from './semantics.js';

export function checkManagedHsms(
  target: CheckTarget,
  sink: FindingSink,
  options: CheckOptions,
): void {
  const { spec } = target.source;
  const seen = new Map<string, Path>();
  for (const { vault: hsm, index } of target.managedHsms ?? []) {
    const hsmPath = [MANAGED_HSM_KIND.specSection, index];
    checkVaultNames(spec, hsm, hsmPath, sink);
    checkIpRules(hsm, hsmPath, sink, options);
    checkVirtualNetworkRules(hsm, hsmPath, vaultPlacement(spec, hsm), sink);
    checkSemantics(spec, hsm, hsmPath, sink, MANAGED_HSM_KIND);
    checkFirewallFields(hsm, hsmPath, sink);
    const key = hsm.name.toLowerCase();
    const first = seen.get(key);
    if (first)
      sink.error(
        'managed-hsm/duplicate',
        [...hsmPath, 'name'],
        `managed HSM "${hsm.name}" is already declared at ${sink.where(first)}: declare each managed HSM once`,
      );
    else seen.set(key, [...hsmPath, 'name']);
  }
}

function checkFirewallFields(hsm: VaultSpec, hsmPath: Path, sink: FindingSink): void {
  const { firewall } = hsm;
  const kind = MANAGED_HSM_KIND;
  if (
    kind.firewall.ipRulesNeedDeny &&
    firewall.ipRules.length > 0 &&
    firewall.defaultAction === 'Allow' &&
    hsm.publicNetworkAccess === 'Enabled'
  )
    sink.error(
      'managed-hsm/ip-rules-need-deny',
      [...hsmPath, 'firewall', 'ipRules'],
      `managed HSM "${hsm.name}" lists IP rules while defaultAction is Allow, and the Managed HSM service refuses IP rules unless defaultAction is Deny: set firewall.defaultAction to Deny, or remove the IP rules`,
    );
  if (firewall.virtualNetworkRules.length > 0)
    sink.warning(
      'managed-hsm/virtual-network-rules',
      [...hsmPath, 'firewall', 'virtualNetworkRules'],
      `managed HSM "${hsm.name}" lists VNet rules: the Managed HSM API accepts virtualNetworkRules, but Microsoft documents (Az.KeyVault) that the service does not support them yet, so an apply may be refused: prefer a private endpoint for these subnets`,
    );
}
