// Who gains and who loses access, per vault, as a reviewer reads it: derived from each vault's
// net change (after − before) in the plan's access model, never counted beside it. Losses come
// first, then possible losses, then gains; an IP range the spec annotates carries its note.
import type { AccessPath, VaultAccess } from '../analysis/access.js';
import { stepsServing } from '../plan/steps-by-vault.js';
import type { Plan, PlanStep, VaultPlan } from '../plan/types.js';
import { noteText, pathText } from './messages.js';

/**
 * One line of a vault's change: `-` lost, `!` possibly lost, `+` gained, `#` a summary, `=` a
 * public path kept where every public network loses access (what the firewall still admits).
 */
export interface AccessLine {
  readonly sign: '-' | '!' | '+' | '#' | '=';
  readonly text: string;
}

export interface VaultChange {
  readonly vault: VaultPlan;
  readonly steps: readonly PlanStep[];
  readonly lines: readonly AccessLine[];
  readonly loses: number;
  readonly gains: number;
}

const PUBLIC_KINDS = new Set<AccessPath['kind']>(['public-all', 'ip-range', 'subnet']);

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The public side of a vault's access in a few words: `all`, `2 ranges, 1 subnet`, `none`. */
export function publicSummary(access: VaultAccess): string {
  const open = access.open.filter((path) => PUBLIC_KINDS.has(path.kind));
  if (open.some((path) => path.kind === 'public-all')) return 'all';
  const ranges = open.filter((path) => path.kind === 'ip-range').length;
  const subnets = open.filter((path) => path.kind === 'subnet').length;
  const parts = [
    ranges > 0 ? plural(ranges, 'range') : '',
    subnets > 0 ? plural(subnets, 'subnet') : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** The notes the spec gives the IP ranges this vault's steps add (`office egress`). */
function rangeNotes(steps: readonly PlanStep[]): Map<string, string> {
  const notes = new Map<string, string>();
  for (const step of steps) {
    for (const change of step.changes) {
      if (change.property !== 'networkAcls.ipRules' || change.reason === undefined) continue;
      if (change.reason.code !== 'ip-rule/annotated') continue;
      const cidr = String(change.after ?? change.before ?? '');
      const note = noteText(change.reason);
      if (cidr && note) notes.set(cidr, note);
    }
  }
  return notes;
}

function withNote(path: AccessPath, notes: Map<string, string>): string {
  const note = path.kind === 'ip-range' ? notes.get(path.cidr) : undefined;
  return note ? `${pathText(path)} — ${note}` : pathText(path);
}

/** How many paths one counts for: an egress path stands for each of its subnets. */
const weight = (path: AccessPath): number =>
  path.kind === 'switching-subnets-egress' ? path.subnetIds.length : 1;

export function vaultChange(plan: Plan, vault: VaultPlan): VaultChange {
  const steps = stepsServing(plan.steps, vault.name);
  const notes = rangeNotes(steps);
  const before = publicSummary(vault.before);
  const after = publicSummary(vault.after);
  const lines: AccessLine[] = [
    ...(before !== after
      ? [{ sign: '#' as const, text: `public network: ${before} → ${after}` }]
      : []),
    ...vault.net.lost.map((path) => ({ sign: '-' as const, text: withNote(path, notes) })),
    ...vault.net.possiblyLost.map((path) => ({
      sign: '!' as const,
      text: `may lose ${withNote(path, notes)}`,
    })),
    ...vault.net.gained.map((path) => ({ sign: '+' as const, text: withNote(path, notes) })),
    ...(vault.net.lost.some((path) => path.kind === 'public-all')
      ? vault.after.open
          .filter((path) => path.kind === 'ip-range' || path.kind === 'subnet')
          .map((path) => ({ sign: '=' as const, text: `still admits ${withNote(path, notes)}` }))
      : []),
  ];
  return {
    vault,
    steps,
    lines,
    loses:
      vault.net.lost.length + vault.net.possiblyLost.reduce((sum, path) => sum + weight(path), 0),
    gains: vault.net.gained.length,
  };
}

/** Whether the plan does anything to the vault (a step serves it, or its access changes). */
export function isChanged(change: VaultChange): boolean {
  return change.steps.length > 0 || change.loses + change.gains > 0;
}

/**
 * The plan's changed vaults in review order: those that lose access first (most losses first),
 * then those that only gain, then those whose steps change no one's access; ties by name.
 */
export function changedVaults(plan: Plan): VaultChange[] {
  const rank = (change: VaultChange) => (change.loses > 0 ? 0 : change.gains > 0 ? 1 : 2);
  return plan.vaults
    .map((vault) => vaultChange(plan, vault))
    .filter(isChanged)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        b.loses - a.loses ||
        b.gains - a.gains ||
        (a.vault.name < b.vault.name ? -1 : a.vault.name > b.vault.name ? 1 : 0),
    );
}

/** `loses 2, gains 1`, or `no change in who can reach it`. */
export function changeCounts(change: VaultChange): string {
  const parts = [
    change.loses > 0 ? `loses ${change.loses}` : '',
    change.gains > 0 ? `gains ${change.gains}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no change in who can reach it';
}
