// The narrowing-only subset of a plan, for the scheduled drift fix: the steps that take access
// away (expired rules, out-of-band widening) and never give any, judged by the access model
// alone. A step is kept only if its effects gain no path on any vault, it is neither blocked
// nor a lockout (nor destructive, unless allowed), every step it depends on is kept too, and
// no vault it serves or affects has an error in the plan. The kept steps are then simulated
// again on their own, from live state: a step that, without the steps left out, would gain a
// path or lock a vault out is dropped too, until every kept step, in order, only narrows. So
// at every step of the fix each vault is never wider than at the start.
//
// A vault whose plan mixes widening and narrowing steps keeps its independent narrowing steps
// (a vault's firewall is one PATCH to the spec's value, so a PATCH that both removes and adds
// rules is a widening step and is left out whole); the vault is reported as partly fixed.
import { diffAccess, impactOf, type VaultAccess } from '../analysis/access.js';
import { key } from '../analysis/world.js';
import type { IdKey } from '../model/resource-id.js';
import type { DesiredState } from '../state/desired.js';
import type { AzureReader } from '../../ports/azure-reader.js';
import {
  DEFAULT_READ_CONCURRENCY,
  readLiveState,
  type LiveReads,
  type LiveSnapshot,
} from '../state/read-live.js';
import { buildPlan } from './build-plan.js';
import { fingerprint } from './fingerprint.js';
import { LiveLookup } from './live-lookup.js';
import { simulate } from './simulate.js';
import { stepsTouching, touchedVaults } from './steps-by-vault.js';
import type { Plan, PlanStep, VaultPlan } from './types.js';
import { liveWorld } from './world-of.js';

export type SkipReason =
  /** The step gives some caller a path (or its effects, alone, would). */
  | 'widens'
  /** The step changes nobody's access: not drift the narrowing fix repairs. */
  | 'no-access-change'
  | 'destructive'
  | 'blocked'
  | 'lockout'
  /** It waits on a step that is left out. */
  | 'depends-on-skipped'
  /** A vault it serves or affects has errors in the plan. */
  | 'vault-has-errors';

export interface SkippedStep {
  readonly step: PlanStep;
  readonly reason: SkipReason;
  /** For depends-on-skipped: the step it waits on. */
  readonly on?: string;
}

export interface NarrowingSelection {
  /** The plan of the kept steps (outcome no-changes when none is kept). */
  readonly plan: Plan;
  /** The full plan the selection was made from. */
  readonly full: Plan;
  readonly skipped: readonly SkippedStep[];
  /** Vaults with errors in the full plan: nothing of theirs is touched. */
  readonly vaultsWithErrors: readonly string[];
  /** Vaults that keep at least one step, and those of them that also have steps left out. */
  readonly fixed: readonly string[];
  readonly partlyFixed: readonly string[];
}

export interface NarrowingOptions {
  readonly allowDestructive: boolean;
}

/**
 * The subnets whose switch a vault with errors stands by for (its public-egress path lists
 * them at the start): a subnet step's bystanders are counted, not named (touchedVaults), so
 * they are found from the few vaults with errors instead.
 */
function egressOfErrorVaults(full: Plan, errorVaults: ReadonlySet<string>): Set<IdKey> {
  const subnets = new Set<IdKey>();
  for (const vault of full.vaults) {
    if (!errorVaults.has(vault.name)) continue;
    for (const entry of vault.before.unknown)
      if (entry.path.kind === 'switching-subnets-egress')
        for (const subnetId of entry.path.subnetIds) subnets.add(key(subnetId));
  }
  return subnets;
}

function firstReason(
  step: PlanStep,
  options: NarrowingOptions,
  errorVaults: ReadonlySet<string>,
  everyVaultErrs: boolean,
  errorEgress: ReadonlySet<IdKey> = new Set(),
): SkipReason | undefined {
  const errorBystander = step.bystanders !== undefined && errorEgress.has(key(step.resourceId));
  if (
    everyVaultErrs ||
    errorBystander ||
    touchedVaults(step).some((vault) => errorVaults.has(vault))
  )
    return 'vault-has-errors';
  if (step.flags.blocked) return 'blocked';
  if (step.flags.lockout) return 'lockout';
  if (step.effects.some((effect) => effect.gained.length > 0)) return 'widens';
  if (step.impact !== 'narrows') return 'no-access-change';
  if (step.flags.destructive && !options.allowDestructive) return 'destructive';
  return undefined;
}

/** Drops kept steps that wait on a left-out step, until none does. */
function closeOverDependencies(kept: PlanStep[], skipped: Map<string, SkippedStep>): PlanStep[] {
  let current = kept;
  for (;;) {
    const ids = new Set(current.map((step) => step.id));
    const next: PlanStep[] = [];
    for (const step of current) {
      const missing = step.dependsOn.find((id) => !ids.has(id));
      if (missing === undefined) next.push(step);
      else skipped.set(step.id, { step, reason: 'depends-on-skipped', on: missing });
    }
    if (next.length === current.length) return next;
    current = next;
  }
}

export function selectNarrowing(
  desired: DesiredState,
  snapshot: LiveSnapshot,
  options: NarrowingOptions,
  full: Plan = buildPlan(desired, snapshot),
): NarrowingSelection {
  const errorFindings = full.findings.filter((finding) => finding.level === 'error');
  const errorVaults = new Set(errorFindings.flatMap((finding) => finding.vault ?? []));
  // A read error, or an error no vault owns, leaves every vault in doubt.
  const everyVaultErrs =
    full.readErrors.length > 0 || errorFindings.some((finding) => finding.vault === undefined);
  const errorEgress = egressOfErrorVaults(full, errorVaults);
  const skipped = new Map<string, SkippedStep>();
  let kept: PlanStep[] = [];
  for (const step of full.steps) {
    const reason = firstReason(step, options, errorVaults, everyVaultErrs, errorEgress);
    if (reason) skipped.set(step.id, { step, reason });
    else kept.push(step);
  }
  kept = closeOverDependencies(kept, skipped);

  const lookup = new LiveLookup(snapshot);
  const present = desired.vaults.filter((vault) => lookup.vault(vault.id).status === 'ok');
  let simulation = simulate(kept, liveWorld(desired, lookup, new Set()), present);
  // Alone, a kept step may act differently than after the steps left out: simulate again
  // until every kept step only narrows.
  for (;;) {
    const bad = simulation.steps.filter(
      (step) => firstReason(step, options, errorVaults, everyVaultErrs) !== undefined,
    );
    if (bad.length === 0) break;
    for (const step of bad) {
      const reason = firstReason(step, options, errorVaults, everyVaultErrs) ?? 'widens';
      skipped.set(step.id, { step, reason });
    }
    const badIds = new Set(bad.map((step) => step.id));
    kept = closeOverDependencies(
      kept.filter((step) => !badIds.has(step.id)),
      skipped,
    );
    simulation = simulate(kept, liveWorld(desired, lookup, new Set()), present);
  }

  const steps = simulation.steps;
  const vaultPlans: VaultPlan[] = [];
  for (const vaultPlan of full.vaults) {
    const mine = stepsTouching(steps, vaultPlan.name);
    if (mine.length === 0) continue;
    const vaultKey = key(vaultPlan.id);
    const before: VaultAccess = simulation.before.get(vaultKey) ?? vaultPlan.before;
    const after: VaultAccess = simulation.after.get(vaultKey) ?? before;
    const net = diffAccess(before, after);
    const inPlace = mine
      .filter((step) => step.action === 'update' || step.action === 'replace')
      .flatMap((step) => step.changes);
    vaultPlans.push({
      ...vaultPlan,
      before,
      after,
      net,
      impact: impactOf([net]),
      adds: inPlace.filter((change) => change.op === 'add').length,
      changes: inPlace.filter((change) => change.op === 'set').length,
      removals:
        mine.filter((step) => step.action === 'delete').length +
        inPlace.filter((change) => change.op === 'remove').length,
    });
  }
  const fixed = vaultPlans.map((vault) => vault.name);
  const leftOut = [...skipped.values()];
  const partlyFixed = fixed.filter((name) =>
    leftOut.some((entry) => touchedVaults(entry.step).includes(name)),
  );
  const plan: Plan = {
    schemaVersion: full.schemaVersion,
    outcome: steps.length > 0 ? 'changes' : 'no-changes',
    fingerprint: fingerprint(steps, { narrowingOnlyOf: full.fingerprint }),
    vaults: vaultPlans,
    steps,
    findings: [],
    readErrors: [],
  };
  return {
    plan,
    full,
    skipped: full.steps.flatMap((step) => skipped.get(step.id) ?? []),
    vaultsWithErrors: [
      ...new Set([
        ...(everyVaultErrs ? full.vaults.map((vault) => vault.name) : []),
        ...errorVaults,
      ]),
    ],
    fixed,
    partlyFixed,
  };
}

/**
 * A planner for applyPlan (ApplyOptions.planner): reads live state, and answers the
 * narrowing-only plan; `record` sees each selection (the first is what the fix runs, the last
 * is the re-plan that proves no narrowing is left).
 */
export function narrowingOnlyPlanner(
  options: NarrowingOptions & { readonly concurrency?: number },
  record?: (selection: NarrowingSelection) => void,
): (desired: DesiredState, reader: AzureReader, reads?: LiveReads) => Promise<Plan> {
  return async (desired, reader, reads) => {
    const snapshot = await readLiveState(
      desired,
      reader,
      options.concurrency ?? DEFAULT_READ_CONCURRENCY,
      reads,
    );
    const selection = selectNarrowing(desired, snapshot, options);
    record?.(selection);
    return selection.plan;
  };
}
