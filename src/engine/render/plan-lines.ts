// Plain-text lines that describe a plan, shared by the Markdown and terminal renderers. Each
// line may carry untrusted text (names from Azure or the spec); callers put them in code.
import type { AccessChange, VaultAccess } from '../analysis/access.js';
import type { ReadFailure } from '../state/live.js';
import type { Plan, PlanFinding, PlanStep, PropertyChange, VaultPlan } from '../plan/types.js';
import { accessReasonText, findingMessage, noteText, pathText } from './messages.js';
import { changeComment } from './set-changes.js';

const KIND_LABEL: Record<PlanStep['kind'], string> = {
  vault: 'vault',
  subnet: 'subnet',
  privateEndpoint: 'private endpoint',
  dnsZone: 'private DNS zone',
  virtualNetworkLink: 'DNS VNet link',
  zoneGroup: 'DNS zone group',
  connection: 'private endpoint connection',
};

const ACTION_SIGN: Record<PlanStep['action'], string> = {
  create: '+',
  update: '~',
  delete: '-',
  replace: '±',
};

export const IMPACT_LABEL: Record<PlanStep['impact'], string> = {
  widens: 'widens',
  narrows: 'narrows',
  both: 'widens and narrows',
  none: 'no access change',
};

export function stepTitle(step: PlanStep): string {
  const flags = [
    step.flags.blocked ? 'BLOCKED' : '',
    step.flags.lockout ? 'LOCKOUT' : '',
    step.flags.destructive ? 'destructive' : '',
  ].filter(Boolean);
  const phase =
    step.kind === 'vault' ? ` (${step.phase === 'open' ? 'opening' : 'narrowing'} step)` : '';
  return `${ACTION_SIGN[step.action]} ${step.action} ${resourceLabel(step)}${phase}  [${IMPACT_LABEL[step.impact]}]${flags.length > 0 ? `  ${flags.join(', ')}` : ''}`;
}

/** The segment of a resource id after `type` (case-insensitive), if any. */
function segmentAfter(resourceId: string, type: string): string | undefined {
  const parts = resourceId.split('/');
  const at = parts.findIndex((part) => part.toLowerCase() === type.toLowerCase());
  return at >= 0 ? parts[at + 1] : undefined;
}

/**
 * The step's resource named so that it stands alone: a subnet with its VNet, a zone group with
 * its private endpoint, a VNet link with its zone, a connection with its endpoint and vault.
 */
export function resourceLabel(step: PlanStep): string {
  const kind = KIND_LABEL[step.kind];
  const id = step.resourceId;
  switch (step.kind) {
    case 'subnet': {
      const vnet = segmentAfter(id, 'virtualNetworks');
      const subnet = segmentAfter(id, 'subnets');
      return vnet && subnet ? `subnet ${subnet} of VNet ${vnet}` : `${kind} ${step.resourceName}`;
    }
    case 'zoneGroup': {
      const endpoint = segmentAfter(id, 'privateEndpoints');
      const group = segmentAfter(id, 'privateDnsZoneGroups');
      return endpoint && group
        ? `${kind} ${group} of private endpoint ${endpoint}`
        : `${kind} ${step.resourceName}`;
    }
    case 'virtualNetworkLink': {
      const zone = segmentAfter(id, 'privateDnsZones');
      return zone ? `${kind} ${step.resourceName} of zone ${zone}` : `${kind} ${step.resourceName}`;
    }
    case 'dnsZone': {
      const group = segmentAfter(id, 'resourceGroups');
      return group
        ? `${kind} ${step.resourceName} in resource group ${group}`
        : `${kind} ${step.resourceName}`;
    }
    case 'privateEndpoint': {
      const group = segmentAfter(id, 'resourceGroups');
      return group
        ? `${kind} ${step.resourceName} in resource group ${group}`
        : `${kind} ${step.resourceName}`;
    }
    default:
      return `${kind} ${step.resourceName}`;
  }
}

export function changeLine(change: PropertyChange): string {
  const reason = changeComment(change);
  switch (change.op) {
    case 'add':
      return `+   ${change.property}: ${String(change.after)}${reason}`;
    case 'remove':
      return `-   ${change.property}: ${String(change.before)}${reason}`;
    default: {
      const before =
        change.before === undefined
          ? ''
          : `${String(change.before)}${change.beforeIsDefault ? ' (default)' : ''} → `;
      return `~   ${change.property}: ${before}${String(change.after)}${reason}`;
    }
  }
}

export function stepLines(step: PlanStep): string[] {
  // Everything a create step sets is new: show it as added.
  const lines = step.changes.map((change) =>
    step.action === 'create' ? changeLine({ ...change, op: 'add' }) : changeLine(change),
  );
  const effects = step.effects.flatMap((effect) =>
    changeSummary(effect).map((line) => `    ${effect.vault}: ${line}`),
  );
  return [
    stepTitle(step),
    ...lines,
    ...effects,
    ...bystanderLines(step),
    ...step.notes.map((note) => `    note: ${noteText(note)}`),
  ];
}

/** The vaults a subnet step reaches only by their public-address clients, as one line. */
function bystanderLines(step: PlanStep): string[] {
  const bystanders = step.bystanders;
  if (!bystanders) return [];
  const admit = bystanders.count === 1 ? 'admits' : 'admit';
  return [
    `    ${plural(bystanders.count, 'vault')} that ${admit} public addresses: − may lose ${pathText(bystanders.possiblyLost)}`,
  ];
}

/** A change of access as lines: losses first, then possible losses, then gains. */
export function changeSummary(change: AccessChange): string[] {
  return [
    ...change.lost.map((path) => `− loses ${pathText(path)}`),
    ...change.possiblyLost.map((path) => `− may lose ${pathText(path)}`),
    ...change.gained.map((path) => `+ gains ${pathText(path)}`),
  ];
}

function describeAccess(access: VaultAccess): string {
  return access.open.length > 0 ? access.open.map(pathText).join(', ') : 'nobody';
}

export function reachabilityLines(vault: VaultPlan): string[] {
  const lines = [
    `before: ${describeAccess(vault.before)}`,
    `after:  ${describeAccess(vault.after)}`,
  ];
  for (const entry of vault.after.unknown)
    lines.push(`unverified: ${pathText(entry.path)} (${accessReasonText(entry.reason)})`);
  for (const entry of vault.after.inactive)
    lines.push(`no effect:  ${pathText(entry.path)} (${accessReasonText(entry.reason)})`);
  return lines;
}

/** Where a finding points: `file:line:col` of the spec value that caused it. */
export function findingWhere(finding: PlanFinding): string {
  return finding.source
    ? `${finding.source.file}:${finding.source.line}:${finding.source.column}`
    : '(no spec position)';
}

/** One format everywhere (validate, plan, comment, annotations): `file:line:col  severity  message  [rule]`. */
export function findingLine(finding: PlanFinding): string {
  return `${findingWhere(finding)}  ${finding.level}  ${findingMessage(finding)}  [${finding.rule}]`;
}

export function readErrorLine(error: ReadFailure): string {
  const status = [error.httpStatus, error.code].filter((part) => part !== undefined).join(' ');
  const role = error.roleHint ? ` — needs ${error.roleHint}` : '';
  return `could not read ${error.resourceId}${status ? ` (${status})` : ''}: ${error.message}${role}`;
}

export function readErrorLines(plan: Plan): string[] {
  return plan.readErrors.map(readErrorLine);
}

export interface PlanCounts {
  readonly steps: number;
  /** Vaults where some caller gains a path. */
  readonly widening: number;
  /** Vaults where some caller loses (or may lose) a path. */
  readonly narrowing: number;
  readonly destructive: number;
  readonly blocked: number;
  readonly vaultsChanged: number;
}

/** Counts of the plan, every one a function of the vaults' net changes and the steps' flags. */
export function countPlan(plan: Plan): PlanCounts {
  return {
    steps: plan.steps.length,
    widening: plan.vaults.filter((vault) => vault.net.gained.length > 0).length,
    narrowing: plan.vaults.filter(
      (vault) => vault.net.lost.length + vault.net.possiblyLost.length > 0,
    ).length,
    destructive: plan.steps.filter((step) => step.flags.destructive).length,
    blocked: plan.steps.filter((step) => step.flags.blocked).length,
    vaultsChanged: plan.vaults.filter((vault) => vault.adds + vault.changes + vault.removals > 0)
      .length,
  };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export type Readiness = 'apply-ready' | 'blocked' | 'error' | 'no-changes';

/** Whether the plan can be applied as it stands: from the outcome and the steps' flags only. */
export function readiness(plan: Plan): Readiness {
  if (plan.outcome === 'error') return 'error';
  if (plan.outcome === 'no-changes') return 'no-changes';
  return plan.steps.some((step) => step.flags.blocked) ? 'blocked' : 'apply-ready';
}

/**
 * The one-line verdict, computed from the plan model only (never from rendered text): the net
 * effect first (vaults that lose access, that gain it, destructive steps), then readiness.
 */
export function verdict(plan: Plan): string {
  if (plan.outcome === 'error') {
    const errors =
      plan.readErrors.length + plan.findings.filter((finding) => finding.level === 'error').length;
    return `error: kvnet could not make a trustworthy plan: ${plural(errors, 'error')} (nothing will be applied)`;
  }
  if (plan.outcome === 'no-changes') {
    return `No changes: live state matches the spec for ${plural(plan.vaults.length, 'vault')}`;
  }
  const counts = countPlan(plan);
  const net = [
    `${plural(counts.narrowing, 'vault')} ${counts.narrowing === 1 ? 'loses' : 'lose'} access`,
    `${counts.widening} ${counts.widening === 1 ? 'gains' : 'gain'} access`,
    `${plural(counts.destructive, 'destructive step')}`,
  ].join(', ');
  const ready =
    counts.blocked > 0 ? `blocked (${plural(counts.blocked, 'step')} will not run)` : 'apply-ready';
  return `${net} — ${ready} (${plural(counts.steps, 'step')} on ${plural(counts.vaultsChanged, 'vault')})`;
}

/** Steps in review order: those that cut access first, then those that open it, then the rest. */
export function reviewOrder(steps: readonly PlanStep[]): PlanStep[] {
  const rank = { narrows: 0, both: 0, widens: 1, none: 2 } as const;
  return [...steps].sort((a, b) => rank[a.impact] - rank[b.impact]);
}
