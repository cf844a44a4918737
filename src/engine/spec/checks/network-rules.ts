// VNet rule checks: within Azure's limit of 200, no subnet listed twice.
import { resourceIdKey } from '../../model/resource-id.js';
import { resolveSubnetId, type Placement } from '../refs.js';
import type { VaultSpec } from '../schema.js';
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
  // Counted after normalising: a subnet written twice (as an id and by name) is one rule.
  const distinct = new Set<string>();
  if (placement) {
    rules.forEach((rule) => distinct.add(resourceIdKey(resolveSubnetId(rule.subnet, placement))));
  }
  const count = placement ? distinct.size : rules.length;
  if (count > MAX_VIRTUAL_NETWORK_RULES) {
    sink.error(
      'limits/vnet-rules',
      rulesPath,
      `vault "${vault.name}" has ${count} virtual network rules; Azure allows at most ${MAX_VIRTUAL_NETWORK_RULES} per vault: use private endpoints for the rest`,
    );
  }
  if (!placement) return;
  const seen = new Map<string, Path>();
  rules.forEach((rule, index) => {
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
