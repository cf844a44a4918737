// Plain-text lines that describe a plan, shared by the Markdown and terminal renderers. Each
// line may carry untrusted text (names from Azure or the spec); callers put them in code.
import type { ReadFailure } from '../state/live.js';
import type {
  Plan,
  PlanFinding,
  PlanStep,
  PropertyChange,
  Reachability,
  VaultPlan,
} from '../plan/types.js';

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

export function stepTitle(step: PlanStep): string {
  const flags = [
    step.flags.blocked ? 'BLOCKED' : '',
    step.flags.lockout ? 'LOCKOUT' : '',
    step.flags.destructive ? 'destructive' : '',
  ].filter(Boolean);
  const phase =
    step.kind === 'vault' ? ` (${step.phase === 'open' ? 'opening' : 'narrowing'} step)` : '';
  return `${ACTION_SIGN[step.action]} ${step.action} ${KIND_LABEL[step.kind]} ${step.resourceName}${phase}  [${step.impact}]${flags.length > 0 ? `  ${flags.join(', ')}` : ''}`;
}

export function changeLine(change: PropertyChange): string {
  const reason = change.reason ? `   # ${change.reason}` : '';
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
  return [stepTitle(step), ...lines, ...step.notes.map((note) => `    note: ${note}`)];
}

function describePublic(reach: Reachability): string {
  switch (reach.publicNetwork) {
    case 'everyone':
      return 'every network (defaultAction: Allow)';
    case 'none':
      return 'no public network';
    default: {
      const parts = [
        reach.ipRanges.length > 0
          ? `${reach.ipRanges.length} IP range${reach.ipRanges.length === 1 ? '' : 's'}`
          : '',
        reach.subnets.length > 0
          ? `${reach.subnets.length} subnet${reach.subnets.length === 1 ? '' : 's'}`
          : '',
      ].filter(Boolean);
      return parts.join(', ');
    }
  }
}

export function reachabilityLines(vault: VaultPlan): string[] {
  const { before, after } = vault;
  const endpoints = (reach: Reachability) =>
    reach.privateEndpoints.length > 0 ? reach.privateEndpoints.join(', ') : 'none';
  const yes = (value: boolean) => (value ? 'yes' : 'no');
  const lines = [
    `public network:    ${describePublic(before)} → ${describePublic(after)}`,
    `private endpoints: ${endpoints(before)} → ${endpoints(after)}`,
    `trusted services:  ${yes(before.trustedServices)} → ${yes(after.trustedServices)}${after.trustedServices ? ' (bypass: AzureServices)' : ''}`,
  ];
  for (const dead of after.deadConfig) lines.push(`no effect:         ${dead}`);
  return lines;
}

export function findingLine(finding: PlanFinding): string {
  const where = finding.source
    ? `${finding.source.file}:${finding.source.line}:${finding.source.column}  `
    : '';
  return `${finding.level.padEnd(7)} ${where}${finding.message}  [${finding.rule}]`;
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
  readonly widening: number;
  readonly narrowing: number;
  readonly destructive: number;
  readonly blocked: number;
  readonly vaultsChanged: number;
}

export function countPlan(plan: Plan): PlanCounts {
  return {
    steps: plan.steps.length,
    widening: plan.steps.filter((step) => step.impact === 'widens').length,
    narrowing: plan.steps.filter((step) => step.impact === 'narrows').length,
    destructive: plan.steps.filter((step) => step.flags.destructive).length,
    blocked: plan.steps.filter((step) => step.flags.blocked).length,
    vaultsChanged: plan.vaults.filter((vault) => vault.adds + vault.changes + vault.removals > 0)
      .length,
  };
}

/** The one-line verdict, computed from the plan model only (never from rendered text). */
export function verdict(plan: Plan): string {
  if (plan.outcome === 'error') {
    const errors =
      plan.readErrors.length + plan.findings.filter((finding) => finding.level === 'error').length;
    return `kvnet could not make a trustworthy plan: ${errors} error${errors === 1 ? '' : 's'} (nothing will be applied)`;
  }
  if (plan.outcome === 'no-changes') {
    return `No changes: live state matches the spec for ${plan.vaults.length} vault${plan.vaults.length === 1 ? '' : 's'}`;
  }
  const counts = countPlan(plan);
  const extras = [
    counts.widening > 0 ? `${counts.widening} widen access` : '',
    counts.narrowing > 0 ? `${counts.narrowing} narrow access` : '',
    counts.destructive > 0 ? `${counts.destructive} destructive` : '',
    counts.blocked > 0 ? `${counts.blocked} blocked` : '',
  ].filter(Boolean);
  return `${counts.steps} change${counts.steps === 1 ? '' : 's'} to ${counts.vaultsChanged} vault${counts.vaultsChanged === 1 ? '' : 's'}${extras.length > 0 ? `: ${extras.join(', ')}` : ''}`;
}

/** Steps in review order: widening first (they need the most scrutiny), then the rest. */
export function reviewOrder(steps: readonly PlanStep[]): PlanStep[] {
  const rank = { widens: 0, narrows: 1, neutral: 2 } as const;
  return [...steps].sort((a, b) => rank[a.impact] - rank[b.impact]);
}
