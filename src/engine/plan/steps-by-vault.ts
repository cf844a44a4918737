// Steps indexed by vault name, built in one pass: every "steps of this vault" question goes
// through here, so a plan over N vaults and S steps costs N + S, never N × S.
import type { PlanStep } from './types.js';

/**
 * The vaults a step touches: those it serves and those whose access it changes, except a
 * subnet step's bystanders (PlanStep.bystanders): they are counted, not named, so that a
 * step switching one subnet does not touch the whole estate. Nothing is written to them, and
 * their claim is only "may lose", so the basis, the reviewed basis and the narrowing fix can
 * leave them out.
 */
export function touchedVaults(step: PlanStep): string[] {
  return [...new Set([...step.vaults, ...step.effects.map((effect) => effect.vault)])];
}

/** The vaults a step serves (its own `vaults`), without those it merely affects. */
export const servedVaults = (step: PlanStep): readonly string[] => step.vaults;

/** Vault name → its steps, in the order given; `vaultsOf` says which vaults a step belongs to. */
function stepsByVault(
  steps: readonly PlanStep[],
  vaultsOf: (step: PlanStep) => readonly string[],
): ReadonlyMap<string, readonly PlanStep[]> {
  const index = new Map<string, PlanStep[]>();
  for (const step of steps)
    for (const name of vaultsOf(step)) {
      const list = index.get(name);
      if (list) list.push(step);
      else index.set(name, [step]);
    }
  return index;
}

const touchedIndexes = new WeakMap<readonly PlanStep[], ReadonlyMap<string, readonly PlanStep[]>>();
const servedIndexes = new WeakMap<readonly PlanStep[], ReadonlyMap<string, readonly PlanStep[]>>();

function memoised(
  cache: WeakMap<readonly PlanStep[], ReadonlyMap<string, readonly PlanStep[]>>,
  steps: readonly PlanStep[],
  vaultsOf: (step: PlanStep) => readonly string[],
): ReadonlyMap<string, readonly PlanStep[]> {
  let index = cache.get(steps);
  if (!index) {
    index = stepsByVault(steps, vaultsOf);
    cache.set(steps, index);
  }
  return index;
}

/** The steps that touch `vault` (serve it or change its access); plans are immutable, so the index is kept per steps array. */
export const stepsTouching = (steps: readonly PlanStep[], vault: string): readonly PlanStep[] =>
  memoised(touchedIndexes, steps, touchedVaults).get(vault) ?? [];

/** The steps that serve `vault`, indexed once per steps array. */
export const stepsServing = (steps: readonly PlanStep[], vault: string): readonly PlanStep[] =>
  memoised(servedIndexes, steps, servedVaults).get(vault) ?? [];
