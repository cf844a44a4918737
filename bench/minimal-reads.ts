// The fewest ARM reads that can tell the planner everything it needs about the estate, worked
// out from the estate itself (not from kvnet's code), and the latency floor that follows.
//
// Each piece of live state the diff depends on, and the cheapest request that returns it:
//   vault network        one request per resource group holding declared vaults: a GET when
//                        it holds one declared vault, a list by resource group when several
//                        (one list returns them all; a list is never cheaper for one vault)
//   subnet endpoints     one GET per VNet named by a VNet rule with serviceEndpoint: ensure or
//                        by a private endpoint (the VNet body embeds its subnets)
//   private endpoints    one list per resource group that holds a declared endpoint or an
//                        endpoint behind a connection of a declared vault (same subscriptions)
//   private DNS          per zone: the zone GET, its VNet-link list and its A-record list
//   zone groups          one GET per declared zone group (nothing lists them across endpoints)
// A list by subscription could replace the per-group vault requests, but it returns every
// vault of the subscription (managed by this spec set or not) in pages whose size ARM does not
// promise, so it is not counted as a lower bound here (docs/performance.md discusses it).
//
// Dependencies: everything above is known from the spec alone, except endpoint lists of
// groups that only the vaults' connections reveal, which need the vault reads first. So the
// reads form D = 1 level (D = 2 when such groups exist), and with C requests in flight and a
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
  /** Levels of dependent reads (1, or 2 when connections reveal new endpoint groups). */
  readonly dependencyLevels: number;
}

export function minimalReads(estate: Estate, phase: SpecPhase): MinimalReads {
  const vaultGroups = new Set<string>();
  const vnets = new Set<string>();
  const declaredEndpointGroups = new Set<string>();
  const revealedEndpointGroups = new Set<string>();
  const zones = new Set<string>();
  let zoneGroups = 0;
  for (const vault of estate.vaults) {
    const desired = desiredVault(vault, phase);
    vaultGroups.add(`${vault.subscription}/${vault.resourceGroup}`.toLowerCase());
    if (desired.vnetRuleSubnets.length > 0) vnets.add(vault.vnetId.toLowerCase());
    if (desired.privateEndpoint) {
      vnets.add(vault.vnetId.toLowerCase());
      declaredEndpointGroups.add(
        `${vault.subscription}/${desired.privateEndpoint.resourceGroup}`.toLowerCase(),
      );
      zones.add(hubZoneId().toLowerCase());
      zoneGroups += 1;
    }
    // Endpoints that exist before the plan (created in setup from the baseline spec) show up
    // as connections on their vaults.
    if (vault.privateEndpoint)
      revealedEndpointGroups.add(`${vault.subscription}/${PE_RG}`.toLowerCase());
  }
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
    dependencyLevels: onlyRevealed.length > 0 ? 2 : 1,
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
