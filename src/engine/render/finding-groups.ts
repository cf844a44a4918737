// Plan findings as a reviewer reads them: a finding repeated across vaults (the same rule saying
// the same thing) is one line naming the vaults, or their count; findings about vaults this plan
// changes come before findings about vaults it leaves alone.
import type { PlanFinding } from '../plan/types.js';
import { findingMessage } from './messages.js';
import { findingWhere } from './plan-lines.js';

export interface FindingGroup {
  readonly level: PlanFinding['level'];
  readonly rule: string;
  /** The message, without the vault when several vaults share it. */
  readonly message: string;
  /** The spec position of the first finding of the group. */
  readonly where: string;
  readonly vaults: readonly string[];
  readonly findings: readonly PlanFinding[];
}

const HOLE = '\u0000';
const LEVEL_RANK = { error: 0, warning: 1, info: 2 } as const;
const NAMED_VAULTS = 5;

/** The finding's message with its vault left out, so findings about several vaults compare. */
function sharedMessage(finding: PlanFinding): string {
  if (finding.params.vault === undefined) return findingMessage(finding);
  return findingMessage({ ...finding, params: { ...finding.params, vault: HOLE } })
    .replaceAll(`vault "${HOLE}": `, '')
    .replaceAll(`vault "${HOLE}"`, 'the vault')
    .replaceAll(HOLE, 'the vault');
}

export function groupFindings(findings: readonly PlanFinding[]): FindingGroup[] {
  const groups = new Map<string, PlanFinding[]>();
  for (const finding of findings) {
    const key = `${finding.level}\u0001${finding.rule}\u0001${sharedMessage(finding)}`;
    const list = groups.get(key) ?? [];
    list.push(finding);
    groups.set(key, list);
  }
  return [...groups.values()]
    .map((list): FindingGroup => {
      const first = list[0] as PlanFinding;
      const vaults = [
        ...new Set(list.flatMap((finding) => (finding.vault ? [finding.vault] : []))),
      ];
      return {
        level: first.level,
        rule: first.rule,
        message: list.length > 1 ? sharedMessage(first) : findingMessage(first),
        where: findingWhere(first),
        vaults,
        findings: list,
      };
    })
    .sort(
      (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.findings.length - a.findings.length,
    );
}

/** Which vaults a group names: all of them up to five, then a count of the rest. */
export function groupVaults(group: FindingGroup): string {
  if (group.findings.length < 2) return '';
  const named = group.vaults.slice(0, NAMED_VAULTS).join(', ');
  const more = group.vaults.length - NAMED_VAULTS;
  const also =
    group.findings.length > 1 && group.vaults.length < 2
      ? ` (${group.findings.length} times)`
      : ` (${group.vaults.length} vaults: ${named}${more > 0 ? `, and ${more} more` : ''})`;
  return also;
}

/** `file:line:col  severity  message (N vaults: …)  [rule]`, the format of every finding. */
export function groupLine(group: FindingGroup): string {
  return `${group.where}  ${group.level}  ${group.message}${groupVaults(group)}  [${group.rule}]`;
}

/** Splits findings into those about what the plan changes (or the plan as a whole) and the rest. */
export function splitByChange(
  findings: readonly PlanFinding[],
  changedVaults: ReadonlySet<string>,
): { readonly changed: PlanFinding[]; readonly unchanged: PlanFinding[] } {
  const changed: PlanFinding[] = [];
  const unchanged: PlanFinding[] = [];
  for (const finding of findings) {
    if (finding.level === 'error' || !finding.vault || changedVaults.has(finding.vault))
      changed.push(finding);
    else unchanged.push(finding);
  }
  return { changed, unchanged };
}
