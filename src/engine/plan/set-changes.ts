// Changes to named sets, derived from the vault steps (never stored): a rule a set brings
// into N vaults is one set change with N vaults, so a reviewer reads it once.
//
// Additions carry their set on the step's change (the desired rule remembers it). A removal
// carries its set only when the spec still holds the entry (an expired one). A rule deleted
// from a set is no longer in the spec and live state does not say where a rule came from, so
// such a removal is grouped under a set when every vault that uses the set (two or more)
// loses that rule; it is marked `every-user`.
import { resourceIdKey } from '../model/resource-id.js';
import type { DesiredVault } from '../state/desired.js';
import type { Coded, PlanStep, PropertyChange, SetChange } from './types.js';

const PROPERTY_KIND = {
  'networkAcls.ipRules': 'ipSet',
  'networkAcls.virtualNetworkRules': 'subnetSet',
} as const;

type Kind = SetChange['kind'];

interface Group {
  kind: Kind;
  set: string;
  op: 'add' | 'remove';
  value: string;
  vaults: Set<string>;
  reason?: Coded;
  evidence: SetChange['evidence'];
}

const valueKey = (kind: Kind, value: string) =>
  kind === 'ipSet' ? value : String(resourceIdKey(value));

export function deriveSetChanges(
  vaults: readonly DesiredVault[],
  steps: readonly PlanStep[],
): SetChange[] {
  const groups = new Map<string, Group>();
  const untraced: { vault: string; kind: Kind; value: string; change: PropertyChange }[] = [];
  const add = (
    kind: Kind,
    set: string,
    op: 'add' | 'remove',
    value: string,
    vault: string,
    evidence: SetChange['evidence'],
    reason: Coded | undefined,
  ) => {
    const id = JSON.stringify([kind, set, op, valueKey(kind, value)]);
    const group = groups.get(id) ?? {
      kind,
      set,
      op,
      value,
      vaults: new Set<string>(),
      evidence,
      ...(reason ? { reason } : {}),
    };
    group.vaults.add(vault);
    groups.set(id, group);
  };
  for (const step of steps) {
    if (step.kind !== 'vault' || step.action !== 'update') continue;
    const vault = step.vaults[0];
    if (vault === undefined) continue;
    for (const change of step.changes) {
      const kind = PROPERTY_KIND[change.property as keyof typeof PROPERTY_KIND];
      if (kind === undefined || change.op === 'set') continue;
      const value = String(change.op === 'add' ? change.after : change.before);
      if (change.sets && change.sets.length > 0) {
        for (const set of change.sets)
          add(kind, set, change.op, value, vault, 'spec', change.reason);
      } else if (change.op === 'remove') {
        untraced.push({ vault, kind, value, change });
      }
    }
  }
  traceRemovals(vaults, untraced, add);
  return [...groups.values()]
    .map((group): SetChange => ({
      kind: group.kind,
      set: group.set,
      op: group.op,
      value: group.value,
      vaults: [...group.vaults].sort(),
      ...(group.reason ? { reason: group.reason } : {}),
      evidence: group.evidence,
    }))
    .sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        a.set.localeCompare(b.set) ||
        (a.op === b.op ? 0 : a.op === 'remove' ? -1 : 1) ||
        a.value.localeCompare(b.value),
    );
}

function traceRemovals(
  vaults: readonly DesiredVault[],
  untraced: readonly { vault: string; kind: Kind; value: string; change: PropertyChange }[],
  add: (
    kind: Kind,
    set: string,
    op: 'add' | 'remove',
    value: string,
    vault: string,
    evidence: SetChange['evidence'],
    reason: Coded | undefined,
  ) => void,
): void {
  if (untraced.length === 0) return;
  // Who uses each set, and which vaults lose each value.
  const users = new Map<string, string[]>();
  for (const vault of vaults) {
    for (const kind of ['ipSet', 'subnetSet'] as const) {
      for (const set of vault.sets?.[kind] ?? []) {
        const id = `${kind}:${set}`;
        users.set(id, [...(users.get(id) ?? []), vault.name]);
      }
    }
  }
  const losers = new Map<string, Set<string>>();
  for (const entry of untraced) {
    const id = `${entry.kind}:${valueKey(entry.kind, entry.value)}`;
    const set = losers.get(id) ?? new Set<string>();
    set.add(entry.vault);
    losers.set(id, set);
  }
  const byName = new Map(vaults.map((vault) => [vault.name, vault]));
  for (const entry of untraced) {
    const lost = losers.get(`${entry.kind}:${valueKey(entry.kind, entry.value)}`);
    // Of the vault's sets whose every user loses the rule, the one with the most users (a set
    // included in another has at least the other's users, and more likely held the entry),
    // so the change is shown once.
    let best: { set: string; users: number } | undefined;
    for (const set of byName.get(entry.vault)?.sets?.[entry.kind] ?? []) {
      const using = users.get(`${entry.kind}:${set}`) ?? [];
      if (using.length < 2 || !using.every((name) => lost?.has(name))) continue;
      if (!best || using.length > best.users) best = { set, users: using.length };
    }
    if (best)
      add(
        entry.kind,
        best.set,
        'remove',
        entry.value,
        entry.vault,
        'every-user',
        entry.change.reason,
      );
  }
}
