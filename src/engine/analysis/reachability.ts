// Who can reach a vault's data plane, before and after a plan, and which configuration has
// no effect. "Reach" means the network path is open; identity and RBAC are out of scope.
import { resourceIdKey } from '../model/resource-id.js';
import type { VaultNetwork } from '../model/vault-network.js';
import type { Reachability } from '../plan/types.js';

export interface ReachabilityInputs {
  readonly network: VaultNetwork;
  /** Private endpoints whose connection is (or will be) Approved, by name or id. */
  readonly approvedEndpoints: readonly string[];
  /** Subnets whose Microsoft.KeyVault endpoint is (or will be) missing. */
  readonly subnetsWithoutEndpoint: ReadonlySet<string>;
}

export function reachability({
  network,
  approvedEndpoints,
  subnetsWithoutEndpoint,
}: ReachabilityInputs): Reachability {
  const deadConfig: string[] = [];
  const publicEnabled = network.publicNetworkAccess === 'Enabled';
  const hasRules = network.ipRules.length > 0 || network.virtualNetworkRules.length > 0;
  let publicNetwork: Reachability['publicNetwork'] = 'none';
  let ipRanges: string[] = [];
  let subnets: string[] = [];
  if (!publicEnabled) {
    if (hasRules)
      deadConfig.push('IP and VNet rules are ignored while public network access is Disabled');
  } else if (network.defaultAction === 'Allow') {
    publicNetwork = 'everyone';
    if (hasRules) deadConfig.push('IP and VNet rules have no effect while defaultAction is Allow');
  } else {
    ipRanges = [...network.ipRules];
    for (const rule of network.virtualNetworkRules) {
      if (subnetsWithoutEndpoint.has(resourceIdKey(rule.subnetId))) {
        deadConfig.push(
          `VNet rule for ${rule.subnetId} has no effect: the subnet has no Microsoft.KeyVault service endpoint`,
        );
      } else {
        subnets.push(rule.subnetId);
      }
    }
    publicNetwork = ipRanges.length > 0 || subnets.length > 0 ? 'listed' : 'none';
  }
  if (!['Enabled', 'Disabled'].includes(network.publicNetworkAccess)) {
    deadConfig.push(
      `publicNetworkAccess is "${network.publicNetworkAccess}", a mode kvnet does not model (for example a network security perimeter)`,
    );
    publicNetwork = 'none';
    ipRanges = [];
    subnets = [];
  }
  return {
    publicNetwork,
    ipRanges,
    subnets,
    privateEndpoints: [...approvedEndpoints],
    trustedServices: network.bypass === 'AzureServices',
    deadConfig,
  };
}

/** No client at all: no public path, no private endpoint, no trusted service. */
export function isLockedOut(reach: Reachability): boolean {
  return (
    reach.publicNetwork === 'none' && reach.privateEndpoints.length === 0 && !reach.trustedServices
  );
}
