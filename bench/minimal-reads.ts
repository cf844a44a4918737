// The fewest ARM reads that can tell the planner everything it needs about the estate, worked
// out from the estate itself (not from kvnet's code), and the latency floor that follows.
//
// Each piece of live state the diff depends on, and the cheapest request that returns it:
//   vault network        one request per resource group holding declared vaults: a GET when
//                        it holds one declared vault, a list by resource group when several
//                        (one list returns them all; a list is never cheaper for one vault)
//   subnet endpoints     one GET per VNet named by any VNet rule (the spec's, whatever its
//                        serviceEndpoint mode, or a live vault's) or by a private endpoint
//                        (the VNet body embeds its subnets)
//   private endpoints    one list per resource group that holds a declared endpoint or an
//                        endpoint behind a connection of a declared vault (same subscriptions)
//   private DNS          per zone: the zone GET, its VNet-link list and its A-record list
//   zone groups          one list per existing endpoint that is declared or connected to a
//                        declared vault (an endpoint holds at most one group, possibly under a
//                        name Azure Policy chose; nothing lists them across endpoints)
// A list by subscription could replace the per-group vault requests, but it returns every
// vault of the subscription (managed by this spec set or not) in pages whose size ARM does not
// promise, so it is not counted as a lower bound here (docs/performance.md discusses it).
//
// Dependencies: everything above is known from the spec alone, except endpoint lists of
// groups that only the vaults' connections reveal (they need the vault reads first), and the
// zone-group lists, which need the endpoint list that shows the endpoint exists. So the reads
// form D = 1 level, 2 with zone groups to list or revealed groups, 3 when a revealed group
// holds an endpoint whose zone groups are listed; and with C requests in flight and a
// latency L per request the plan cannot finish before
//     floor = L × max(D, ceil(R_min / C))
// (R_min requests, C at a time, each taking at least L; client CPU, TLS set-up and the diff
// itself are what the measured time adds to it).
import { PE_RG, hubZoneId, type Estate } from './estate.js';
import { desiredVault, type SpecPhase } from './specs.js';

export interface MinimalReads {
  readonly vaultRequests: number;
  readonly virtualNetworks: number;
  readonly privateEndpointLists: number;
  readonly dnsZoneReads: number;
  readonly zoneGroups: number;
  readonly total: number;
  /** Levels of dependent reads (1 to 3, see above). */
  readonly dependencyLevels: number;
}

export function minimalReads(estate: Estate, phase: SpecPhase): MinimalReads {
  const vaultGroups = new Set<string>();
  const vnets = new Set<string>();
  const declaredEndpointGroups = new Set<string>();
  const revealedEndpointGroups = new Set<string>();
  const zones = new Set<string>();
  const existingEndpointGroups: string[] = [];
  for (const vault of estate.vaults) {
    const desired = desiredVault(vault, phase);
    vaultGroups.add(`${vault.subscription}/${vault.resourceGroup}`.toLowerCase());
    // The live VNet rules of the estate name subnets of the vault's own VNet.
    if (desired.vnetRuleSubnets.length > 0 || vault.vnetRuleSubnet)
      vnets.add(vault.vnetId.toLowerCase());
    if (desired.privateEndpoint) {
      vnets.add(vault.vnetId.toLowerCase());
      declaredEndpointGroups.add(
        `${vault.subscription}/${desired.privateEndpoint.resourceGroup}`.toLowerCase(),
      );
      zones.add(hubZoneId().toLowerCase());
    }
    // Endpoints that exist before the plan (created in setup from the baseline spec) show up
    // as connections on their vaults; their zone groups are listed.
    if (vault.privateEndpoint) {
      const group = `${vault.subscription}/${PE_RG}`.toLowerCase();
      revealedEndpointGroups.add(group);
      existingEndpointGroups.push(group);
    }
  }
  const zoneGroups = existingEndpointGroups.length;
  const endpointGroups = new Set([...declaredEndpointGroups, ...revealedEndpointGroups]);
  const onlyRevealed = [...revealedEndpointGroups].filter(
    (group) => !declaredEndpointGroups.has(group),
  );
  const counts = {
    vaultRequests: vaultGroups.size,
    virtualNetworks: vnets.size,
    privateEndpointLists: endpointGroups.size,
    dnsZoneReads: zones.size * 3,
    zoneGroups,
  };
  return {
    ...counts,
    total: Object.values(counts).reduce((sum, value) => sum + value, 0),
    dependencyLevels: existingEndpointGroups.some((group) => onlyRevealed.includes(group))
      ? 3
      : onlyRevealed.length > 0 || zoneGroups > 0
        ? 2
        : 1,
  };
}

/** floor = L × max(D, ceil(R / C)), in ms. */
export function latencyFloorMs(
  reads: number,
  dependencyLevels: number,
  concurrency: number,
  latencyMs: number,
): number {
  return latencyMs * Math.max(dependencyLevels, Math.ceil(reads / concurrency));
}
