// Runs the ordered steps over the world, one at a time, computing the access model of every
// vault a step affects before and after it. From that, and only from that, come each step's
// effects and impact, the steps that must not run (they would lock a vault out, or disable
// public access before a private path exists), the lockout flags, the narrowing
// preconditions, and each vault's access after the plan.
import {
  accessOf,
  admitsPublicEgress,
  diffAccess,
  publicEgressEntry,
  hasPrivatePath,
  impactOf,
  isEmptyChange,
  isLockedOut,
  type VaultAccess,
} from '../analysis/access.js';
import { key, type World } from '../analysis/world.js';
import type { IdKey } from '../model/resource-id.js';
import type { DesiredVault } from '../state/desired.js';
import type { Coded, PlanFinding, PlanStep, VaultEffect } from './types.js';
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
  // Vaults whose access a subnet step changed only by its public-egress path: their current
  // access is recomputed from the world when next needed (it is a function of the world).
  const stale = new Set<IdKey>();
  const refresh = (vaultKey: IdKey) => {
    if (!stale.delete(vaultKey)) return;
    current.set(vaultKey, accessOf(world, vaultKey));
  };
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
    // public-egress path of that subnet (access.ts): such a bystander's access changes by
    // exactly that unknown path, so it is not recomputed (linear in the vaults, not in
    // vaults × their paths); the exhaustive option recomputes them all.
    const bystanders: IdKey[] = [];
    if (step.kind === 'subnet') {
      const subnetKey = key(step.resourceId);
      for (const vaultKey of bySubnet.get(subnetKey) ?? []) affected.add(vaultKey);
      const shortcut = !options.exhaustive && step.phase !== 'narrow' && step.action !== 'replace';
      for (const vaultKey of withIpRules) {
        if (affected.has(vaultKey)) continue;
        if (!shortcut) affected.add(vaultKey);
        else if (publicEgressEntry(world, subnetKey)) {
          const network = world.vaults.get(vaultKey)?.network;
          if (network && admitsPublicEgress(network)) bystanders.push(vaultKey);
        }
      }
    }
    for (const vaultKey of affected) refresh(vaultKey);
    const blockingDependency = step.dependsOn.find((id) => blockedIds.has(id));
    if (blockingDependency) {
      blockedIds.add(step.id);
      result.push({
        ...step,
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
    const egressBefore =
      bystanders.length > 0 ? publicEgressEntry(world, key(step.resourceId)) : undefined;
    const undo = applyStep(world, step);
    // A subnet step gives the subnet the endpoint; were the path still there, nothing changed.
    const egressGone =
      egressBefore !== undefined && publicEgressEntry(world, key(step.resourceId)) === undefined;
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
        ...step,
        flags: { ...step.flags, blocked: true, lockout },
        notes: [...step.notes, ...notes],
      });
      continue;
    }
    const effects: VaultEffect[] = [];
    for (const [vaultKey, access] of post) {
      const previous = current.get(vaultKey);
      const vault = world.vaults.get(vaultKey);
      if (!previous || !vault) continue;
      const change = diffAccess(previous, access);
      if (!isEmptyChange(change)) effects.push({ vault: vault.name, ...change });
      current.set(vaultKey, access);
    }
    if (bystanders.length > 0) {
      // Before the step each bystander listed the subnet's egress as unknown; now it does not
      // (the step gave the subnet the endpoint), and no open path changed: possibly lost.
      const lost = egressGone && egressBefore ? [egressBefore.path] : [];
      const change = { gained: [], lost: [], possiblyLost: lost };
      for (const vaultKey of bystanders) {
        const vault = world.vaults.get(vaultKey);
        if (!vault || lost.length === 0) continue;
        effects.push({ vault: vault.name, ...change });
        stale.add(vaultKey);
      }
    }
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
      ...step,
      effects,
      impact: impactOf(effects),
      requires,
      flags: { ...step.flags, lockout },
      notes: [...step.notes, ...notes],
    });
  }
  for (const vaultKey of [...stale]) refresh(vaultKey);
  return { steps: result, before, after: current, findings };
}
