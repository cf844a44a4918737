// The opt-in drift fix (input drift-fix: narrowing-only): on the drift route, apply only the
// steps that take access away — expired rules, out-of-band widening — and never one that gives
// any (engine/plan/narrowing-only.ts decides, from the access model). Vaults with errors are
// not touched; widening drift is left for a pull request and named in the issue. The apply
// converges when the narrowing-only re-plan is empty.
import * as core from '@actions/core';
import type { AzureClients } from '../adapters/azure/clients.js';
import { SdkAzureReader } from '../adapters/azure/reader.js';
import { SdkAzureWriter } from '../adapters/azure/writer.js';
import { applyPlan } from '../engine/apply/run-apply.js';
import type { ApplyReport } from '../engine/apply/types.js';
import {
  narrowingOnlyPlanner,
  type NarrowingSelection,
  type SkipReason,
} from '../engine/plan/narrowing-only.js';
import { fence } from '../engine/render/markdown-safe.js';
import { stepTitle } from '../engine/render/plan-lines.js';
import type { DesiredState } from '../engine/state/desired.js';
import { applyResultLines } from './bodies.js';
import { logUntrustedBlock, type RunContext } from './context.js';

export interface DriftFixResult {
  readonly report: ApplyReport;
  /** What the fix ran (the first selection), and what was left out and why. */
  readonly selection?: NarrowingSelection;
}

const WHY: Record<SkipReason, string> = {
  widens: 'it widens access',
  'no-access-change': 'it changes nobody’s access',
  destructive: 'it is destructive (allow-destructive is false)',
  blocked: 'it is blocked in the plan',
  lockout: 'it would lock the vault out',
  'depends-on-skipped': 'it waits on a step that is left out',
  'vault-has-errors': 'a vault it touches has errors in the plan',
};

export async function runDriftFix(
  ctx: RunContext,
  desired: DesiredState,
  clients: AzureClients,
): Promise<DriftFixResult> {
  let selection: NarrowingSelection | undefined;
  const reader = new SdkAzureReader(clients);
  const report = await applyPlan(desired, reader, new SdkAzureWriter(clients), {
    allowDestructive: ctx.inputs.allowDestructive,
    maxParallel: ctx.inputs.maxParallel,
    planner: narrowingOnlyPlanner(
      { allowDestructive: ctx.inputs.allowDestructive, concurrency: ctx.inputs.maxParallel },
      (seen) => (selection ??= seen),
    ),
  });
  logUntrustedBlock(
    [`kvnet drift fix (narrowing only): ${report.outcome}`, ...applyResultLines(report)].join('\n'),
  );
  const applied = report.results.filter((result) => result.status === 'done').length;
  core.setOutput('drift-fixed', String(applied));
  return { report, selection };
}

/** The issue section: what the fix did, and what it left for a pull request. */
export function driftFixSection(result: DriftFixResult): string {
  const { report, selection } = result;
  const lines: string[] = [];
  const done = report.results.filter((entry) => entry.status === 'done');
  if (report.outcome === 'no-changes')
    lines.push('nothing to narrow: no step only takes access away');
  else lines.push(`outcome: ${report.outcome}`, ...report.messages);
  for (const entry of done) lines.push(`reverted: ${stepTitle(entry.step)}`);
  for (const entry of report.results.filter((item) => item.status !== 'done'))
    lines.push(
      `${entry.status}: ${stepTitle(entry.step)}${entry.message ? `: ${entry.message}` : entry.reason ? `: ${entry.reason}` : ''}`,
    );
  for (const skipped of selection?.skipped ?? [])
    lines.push(`left for a pull request: ${stepTitle(skipped.step)} (${WHY[skipped.reason]})`);
  if (selection && selection.vaultsWithErrors.length > 0)
    lines.push(`not touched (errors in the plan): ${selection.vaultsWithErrors.join(', ')}`);
  if (selection && selection.partlyFixed.length > 0)
    lines.push(`partly fixed (their other steps are left): ${selection.partlyFixed.join(', ')}`);
  return [
    '### Drift fix (narrowing only)',
    '',
    'kvnet applied the steps that only take access away (expired rules, out-of-band widening) and none that gives any; what is left below needs a pull request.',
    '',
    fence(lines, 'text'),
    '',
  ].join('\n');
}
