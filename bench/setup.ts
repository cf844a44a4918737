// Before measuring: bring the local endpoint to the baseline spec (with no latency), by
// applying the baseline spec set through kvnet itself. That creates the private endpoints,
// their connections, zone groups and A records exactly as the endpoint makes them, and
// narrows the vaults whose public access is Disabled once their endpoint chain exists. Then a
// fresh plan of the baseline must say "no changes", or the estate generator is wrong.
import { applyPlan } from '../src/engine/apply/run-apply.js';
import { makePlan } from '../src/engine/plan/make-plan.js';
import { kvnetAdapters, loadDesiredState, type Endpoint } from './kvnet.js';

export interface SetupResult {
  readonly outcome: string;
  readonly steps: number;
  readonly seconds: number;
}

/** A fresh plan of the baseline must say "no changes" (after converging, or from a cache). */
export async function requireBaseline(
  target: Endpoint,
  baselineDir: string,
  today: string,
): Promise<void> {
  const { reader } = kvnetAdapters(target, 1);
  const check = await makePlan(await loadDesiredState(baselineDir, today), reader);
  if (check.outcome !== 'no-changes') {
    throw new Error(
      `setup: the baseline plan is "${check.outcome}" (${check.steps.length} steps), not "no-changes": the estate and its spec disagree`,
    );
  }
}

export async function convergeBaseline(
  target: Endpoint,
  baselineDir: string,
  today: string,
): Promise<SetupResult> {
  const started = Date.now();
  const { reader, writer } = kvnetAdapters(target, 1);
  const desired = await loadDesiredState(baselineDir, today);
  const report = await applyPlan(desired, reader, writer, {
    allowDestructive: false,
    maxParallel: 16,
    backoffBaseMs: 20,
    writesPerSecondPerSubscription: 0,
  });
  if (report.outcome !== 'applied' && report.outcome !== 'no-changes') {
    const failed = report.results
      .filter((result) => result.status !== 'done')
      .slice(0, 5)
      .map(
        (result) =>
          `${result.step.kind} ${result.step.resourceName}: ${result.code ?? ''} ${result.message ?? result.reason ?? ''}`,
      );
    throw new Error(
      `setup: the baseline apply ended ${report.outcome}: ${report.messages.join(' ')}\n${failed.join('\n')}`,
    );
  }
  await requireBaseline(target, baselineDir, today);
  return {
    outcome: report.outcome,
    steps: report.results.length,
    seconds: (Date.now() - started) / 1000,
  };
}
