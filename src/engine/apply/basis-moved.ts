// Did the live state under a reviewed plan move? Compared per resource (the basis hashes of
// plan/basis.ts), so any later plan that read the same resources — another pull request's plan,
// a drift check, a merge-queue plan — can tell that an open pull request's plan went stale,
// whatever its own spec says.
import type { Plan } from '../plan/types.js';

export interface MovedBasis {
  readonly vault: string;
  /** Names for people: "vault kv-a", "subnet vnet-hub/snet-a". */
  readonly resources: readonly string[];
}

/** Vaults the reviewed plan changes whose live basis differs in the fresh plan. */
export function movedBasis(reviewed: Plan, fresh: Plan): MovedBasis[] {
  if (!reviewed.basis || !fresh.basis) return [];
  const moved: MovedBasis[] = [];
  const changing = new Set(reviewed.steps.flatMap((step) => step.vaults));
  for (const [vault, basis] of Object.entries(reviewed.basis.vaults)) {
    if (!changing.has(vault)) continue;
    const resources = basis.resources.filter((resource) => {
      const was = reviewed.basis?.resources[resource];
      const now = fresh.basis?.resources[resource];
      return was !== undefined && now !== undefined && was !== now;
    });
    if (resources.length > 0)
      moved.push({
        vault,
        resources: resources.map((resource) => reviewed.basis?.names[resource] ?? resource),
      });
  }
  return moved;
}
