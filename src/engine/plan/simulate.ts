// Runs the ordered steps over the world, one at a time, computing the access model of every
// vault a step affects before and after it. From that, and only from that, come each step's
// effects and impact, the steps that must not run (they would lock a vault out, or disable
// public access before a private path exists), the lockout flags, the narrowing
// preconditions, and each vault's access after the plan.
import { isDeepStrictEqual } from 'node:util';
import {
  accessOf,
  admitsPublicEgress,
  diffAccess,
  egressPath,
  hasPrivatePath,
  impactOf,
  isEmptyChange,
  isLockedOut,
  isPendingSwitch,
  type AccessChange,
  type EgressPath,
  type VaultAccess,
} from '../analysis/access.js';
import { key, type World } from '../analysis/world.js';
import type { IdKey } from '../model/resource-id.js';
import type { DesiredVault } from '../state/desired.js';
import type { Bystanders, Coded, PlanFinding, PlanStep, VaultEffect } from './types.js';
import { applyStep } from './world-of.js';

export interface Simulation {
  readonly steps: PlanStep[];
  readonly before: ReadonlyMap<IdKey, VaultAccess>;
  readonly after: ReadonlyMap<IdKey, VaultAccess>;
  readonly findings: PlanFinding[];
}

/** The vaults whose access a step can change, beyond the ones it serves. */
function subnetIndex(world: World, desired: readonly DesiredVault[]) {
  const bySubnet = new Map<IdKey, Set<IdKey>>();
  const withIpRules = new Set<IdKey>();
  const note = (vaultKey: IdKey, network: DesiredVault['network']) => {
    if (network.ipRules.length > 0) withIpRules.add(vaultKey);
    for (const rule of network.virtualNetworkRules) {
      const subnetKey = key(rule.subnetId);
      const set = bySubnet.get(subnetKey) ?? new Set<IdKey>();
      set.add(vaultKey);
      bySubnet.set(subnetKey, set);
    }
  };
  for (const vault of desired) {
    const vaultKey = key(vault.id);
    const live = world.vaults.get(vaultKey);
    if (!live) continue;
    note(vaultKey, live.network);
    note(vaultKey, vault.network);
  }
  return { bySubnet, withIpRules };
}

/** A step without the derived bystanders of an earlier simulation (narrowing-only re-runs). */
function fresh(step: PlanStep): PlanStep {
  if (step.bystanders === undefined) return step;
  const { bystanders: _earlier, ...rest } = step;
  return rest;
}

/** How many of `vaults` are not in `reached`, visiting only `reached`. */
function outside(vaults: ReadonlySet<IdKey>, reached: ReadonlySet<IdKey>): number {
  let inside = 0;
  for (const vaultKey of reached) if (vaults.has(vaultKey)) inside += 1;
  return vaults.size - inside;
}

/** Whether a change is exactly the loss of one switched subnet's public-address clients. */
function isEgressOnly(change: AccessChange, egress: EgressPath): boolean {
  const [path, ...rest] = change.possiblyLost;
  return (
    change.gained.length + change.lost.length + rest.length === 0 &&
    path?.kind === 'switching-subnets-egress' &&
    path.subnetIds.length === 1 &&
    key(path.subnetIds[0] ?? '') === key(egress.subnetIds[0] ?? '')
  );
}

const coded = (code: string, params: Coded['params'] = {}): Coded => ({ code, params });

/** Why a vault has no private path right now, from the access model's own reasons. */
function privateGaps(access: VaultAccess): string[] {
  const gaps = [...access.inactive, ...access.unknown]
    .filter((entry) => entry.path.kind === 'private-endpoint')
    .map((entry) =>
      entry.path.kind === 'private-endpoint' ? `${entry.path.name}:${entry.reason.code}` : '',
    );
  return gaps.length > 0 ? gaps : ['no-endpoint-declared'];
}

export interface SimulateOptions {
  /**
   * Recomputes the whole access model of every vault with IP rules on each subnet step, as
   * the model defines it, instead of the shortcut below (tests compare the two).
   */
  readonly exhaustive?: boolean;
}

export function simulate(
  ordered: readonly PlanStep[],
  world: World,
  desired: readonly DesiredVault[],
  options: SimulateOptions = {},
): Simulation {
  const vaultKeyByName = new Map(desired.map((vault) => [vault.name, key(vault.id)]));
  const desiredByKey = new Map(desired.map((vault) => [key(vault.id), vault]));
  const { bySubnet, withIpRules } = subnetIndex(world, desired);
  const before = new Map<IdKey, VaultAccess>();
  for (const vaultKey of world.vaults.keys()) before.set(vaultKey, accessOf(world, vaultKey));
  const current = new Map(before);
  // A subnet step changes its bystanders' access (the vaults it reaches only through their
  // public-egress path) without visiting them: it bumps the epoch, and a vault's current
  // access from an older epoch is recomputed from the world when next needed.
  let egressEpoch = 0;
  const seenAt = new Map<IdKey, number>();
  // Access recomputed equal to what it was stays the one object, so a vault the plan leaves as
  // it was holds one access for before and after (and diffAccess sees at once that they agree).
  const refresh = (vaultKey: IdKey) => {
    if ((seenAt.get(vaultKey) ?? 0) === egressEpoch) return;
    const known = current.get(vaultKey);
    const access = accessOf(world, vaultKey);
    current.set(vaultKey, known && isDeepStrictEqual(known, access) ? known : access);
    seenAt.set(vaultKey, egressEpoch);
  };
  // The vaults that admit public egress now, kept as steps change their networks, so a
  // subnet step counts its bystanders in the vaults it serves, not in the estate.
  const admitting = new Set<IdKey>();
  for (const [vaultKey, vault] of world.vaults)
    if (admitsPublicEgress(vault.network)) admitting.add(vaultKey);
  const findings: PlanFinding[] = [];
  const blockedIds = new Set<string>();
  const result: PlanStep[] = [];

  for (const step of ordered) {
    const affected = new Set<IdKey>(
      step.vaults.flatMap((name) => {
        const found = vaultKeyByName.get(name);
        return found ? [found] : [];
      }),
    );
    // A subnet step reaches vaults beyond the ones its VNet rules name only through the
    // public-egress path of that subnet (access.ts): such a bystander may lose exactly that
    // subnet's public-address clients, so it is counted, not visited (the step costs the
    // vaults it serves, not the estate); the exhaustive option recomputes them all and
    // folds those whose change is exactly that into the same count.
    const subnetKey = step.kind === 'subnet' ? key(step.resourceId) : undefined;
    let bystanderCount = 0;
    if (subnetKey !== undefined) {
      for (const vaultKey of bySubnet.get(subnetKey) ?? []) affected.add(vaultKey);
    }
    const direct = new Set(affected);
    if (subnetKey !== undefined) {
      const shortcut = !options.exhaustive && step.phase !== 'narrow' && step.action !== 'replace';
      if (!shortcut) for (const vaultKey of withIpRules) affected.add(vaultKey);
      else if (isPendingSwitch(world, subnetKey)) bystanderCount = outside(admitting, direct);
    }
    for (const vaultKey of affected) refresh(vaultKey);
    const blockingDependency = step.dependsOn.find((id) => blockedIds.has(id));
    if (blockingDependency) {
      blockedIds.add(step.id);
      result.push({
        ...fresh(step),
        flags: { ...step.flags, blocked: true },
        notes: [...step.notes, coded('depends-on-blocked', { step: blockingDependency })],
      });
      continue;
    }
    const notes: Coded[] = [];
    let lockout = false;
    let blocked = false;
    const refuse = (vault: DesiredVault, note: Coded, finding?: PlanFinding) => {
      if (vault.acknowledgeLockout) {
        notes.push(coded(`${note.code}-accepted`, note.params));
        if (finding) findings.push({ ...finding, level: 'warning' });
        return;
      }
      blocked = true;
      notes.push(note);
      if (finding) findings.push(finding);
    };
    const networkBefore = new Map(
      [...affected].map((vaultKey) => [vaultKey, world.vaults.get(vaultKey)?.network]),
    );
    // A replace deletes before it creates: the moment in between is a state of its own.
    if (step.action === 'replace') {
      const undoDelete = applyStep(world, step, 'delete');
      for (const vaultKey of affected) {
        const vault = desiredByKey.get(vaultKey);
        const interim = accessOf(world, vaultKey);
        if (vault && isLockedOut(interim) && !isLockedOut(before.get(vaultKey) ?? interim)) {
          lockout = true;
          refuse(vault, coded('replace-locks-out', { vault: vault.name }));
        }
      }
      undoDelete();
    }
    const egressPending = subnetKey !== undefined && isPendingSwitch(world, subnetKey);
    const undo = applyStep(world, step);
    // A subnet step gives the subnet the endpoint; were it still pending, nothing changed.
    const egressGone =
      egressPending && subnetKey !== undefined && !isPendingSwitch(world, subnetKey);
    if (!egressGone) bystanderCount = 0;
    const post = new Map([...affected].map((vaultKey) => [vaultKey, accessOf(world, vaultKey)]));
    for (const [vaultKey, access] of post) {
      const vault = desiredByKey.get(vaultKey);
      const start = before.get(vaultKey);
      if (!vault || !start) continue;
      if (isLockedOut(access) && !isLockedOut(start)) {
        lockout = true;
        refuse(vault, coded('would-lock-out', { vault: vault.name }), {
          level: 'error',
          rule: 'lockout',
          vault: vault.name,
          source: vault.source,
          params: { vault: vault.name, unverified: access.unknown.length },
        });
      }
      const was = networkBefore.get(vaultKey);
      const now = world.vaults.get(vaultKey)?.network;
      const disabling =
        step.kind === 'vault' &&
        was?.publicNetworkAccess !== 'Disabled' &&
        now?.publicNetworkAccess === 'Disabled';
      if (disabling && !hasPrivatePath(access))
        refuse(
          vault,
          coded('private-path-missing', { vault: vault.name, gaps: privateGaps(access) }),
        );
    }
    if (blocked) {
      undo();
      blockedIds.add(step.id);
      result.push({
        ...fresh(step),
        flags: { ...step.flags, blocked: true, lockout },
        notes: [...step.notes, ...notes],
      });
      continue;
    }
    if (egressGone) egressEpoch += 1;
    const subnet = subnetKey !== undefined ? world.subnets.get(subnetKey) : undefined;
    const egress = egressGone && subnet?.status === 'ok' ? egressPath([subnet.id]) : undefined;
    const effects: VaultEffect[] = [];
    for (const [vaultKey, access] of post) {
      const previous = current.get(vaultKey);
      const vault = world.vaults.get(vaultKey);
      if (!previous || !vault) continue;
      const change = diffAccess(previous, access);
      current.set(vaultKey, access);
      seenAt.set(vaultKey, egressEpoch);
      if (admitsPublicEgress(vault.network)) admitting.add(vaultKey);
      else admitting.delete(vaultKey);
      if (isEmptyChange(change)) continue;
      if (egress && !direct.has(vaultKey) && isEgressOnly(change, egress)) bystanderCount += 1;
      else effects.push({ vault: vault.name, ...change });
    }
    const bystanders: Bystanders | undefined =
      egress && bystanderCount > 0 ? { count: bystanderCount, possiblyLost: egress } : undefined;
    const bystanderChange: AccessChange[] = egress
      ? [{ gained: [], lost: [], possiblyLost: bystanders ? [egress] : [] }]
      : [];
    const requires =
      step.phase === 'narrow'
        ? [...post].flatMap(([vaultKey, access]) => {
            const vault = world.vaults.get(vaultKey);
            return vault && access.open.length > 0
              ? [{ vault: vault.name, paths: access.open }]
              : [];
          })
        : [];
    result.push({
      ...fresh(step),
      effects,
      ...(bystanders ? { bystanders } : {}),
      impact: impactOf([...effects, ...bystanderChange]),
      requires,
      flags: { ...step.flags, lockout },
      notes: [...step.notes, ...notes],
    });
  }
  for (const vaultKey of world.vaults.keys()) refresh(vaultKey);
  return { steps: result, before, after: current, findings };
}
