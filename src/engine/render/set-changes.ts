// Named sets in the rendered plan: the set a rule came from, beside the rule, and each change
// to a set once with every vault it reaches. Lines carry untrusted text (set and vault names,
// notes); callers put them in code, as they do the other plan lines.
import type { Plan, PropertyChange, SetChange } from '../plan/types.js';
import { noteText, subnetLabel } from './messages.js';

/** How many vault names a set change lists before it says how many more. */
export const SET_CHANGE_VAULTS_SHOWN = 10;

const KIND_OF_PROPERTY: Record<string, SetChange['kind']> = {
  'networkAcls.ipRules': 'ipSet',
  'networkAcls.virtualNetworkRules': 'subnetSet',
};

/** `ipSet office-egress` (or several, comma-separated) for a rule that came from sets. */
export function setOriginText(change: PropertyChange): string | undefined {
  const kind = KIND_OF_PROPERTY[change.property];
  if (!kind || !change.sets || change.sets.length === 0) return undefined;
  return `${kind} ${change.sets.join(', ')}`;
}

/** The comment after a rule: its set, then its note and expiry (or why it goes). */
export function changeComment(change: PropertyChange): string {
  const origin = setOriginText(change);
  const reason = change.reason ? noteText(change.reason) : '';
  if (origin === undefined) return reason ? `   # ${reason}` : '';
  return `   # ${origin}${reason ? `: ${reason}` : ''}`;
}

function vaultList(vaults: readonly string[]): string {
  const shown = vaults.slice(0, SET_CHANGE_VAULTS_SHOWN);
  const more = vaults.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
}

export function setChangeLine(change: SetChange): string {
  const value = change.kind === 'ipSet' ? change.value : `subnet ${subnetLabel(change.value)}`;
  const sign = change.op === 'add' ? '+' : '-';
  const reason = change.reason ? ` (${noteText(change.reason)})` : '';
  const count = `${change.vaults.length} vault${change.vaults.length === 1 ? '' : 's'}`;
  const traced =
    change.evidence === 'every-user'
      ? ' [no longer in the spec; every vault using the set loses it]'
      : '';
  return `${sign} ${change.kind} ${change.set}: ${value}${reason} → ${count}: ${vaultList(change.vaults)}${traced}`;
}

/** One line per set change, removals of each set first; empty when the plan has none. */
export function setChangeLines(plan: Plan): string[] {
  return (plan.setChanges ?? []).map(setChangeLine);
}

export const SET_CHANGES_HEADING =
  'Changes to named sets (each shown once, with every vault it reaches)';
