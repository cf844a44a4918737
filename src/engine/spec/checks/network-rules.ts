// VNet rule checks: within Azure's limit of 200, no subnet listed twice.
import { resourceIdKey } from '../../model/resource-id.js';
import { resolveSubnetId, type Placement } from '../refs.js';
import type { VaultSpec } from '../schema.js';
import { isSetRef } from '../sets.js';
import type { Path } from '../yaml-loader.js';
import type { FindingSink } from './context.js';

export const MAX_VIRTUAL_NETWORK_RULES = 200;

export function checkVirtualNetworkRules(
  vault: VaultSpec,
  vaultPath: Path,
  placement: Placement | undefined,
  sink: FindingSink,
): void {
  const rules = vault.firewall.virtualNetworkRules;
  const rulesPath = [...vaultPath, 'firewall', 'virtualNetworkRules'];
  // The limit is counted after sets are expanded, in checks/named-sets.ts.
  if (!placement) return;
  const seen = new Map<string, Path>();
  rules.forEach((rule, index) => {
    if (isSetRef(rule)) return;
    const path = [...rulesPath, index, 'subnet'];
    const key = resourceIdKey(resolveSubnetId(rule.subnet, placement));
    const first = seen.get(key);
    if (first) {
      sink.warning(
        'vnet/duplicate',
        path,
        `this subnet is already allowed at ${sink.where(first)}: remove one of the two rules`,
      );
    } else {
      seen.set(key, path);
    }
  });
}
