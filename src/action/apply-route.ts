// push to the default branch: find the pull request the commit merged, read the fingerprint of
// the plan reviewed on it (kvnet's own comment), and hand both to the applier, which re-reads
// live state, re-plans and refuses (no writes) when the plan moved. The result goes back on the
// pull request's comment and into the job summary.
import * as core from '@actions/core';
import type { MergedPullRequest } from '../adapters/github/index.js';
import { writePlanComment } from './plan-comment.js';
import { SdkAzureWriter } from '../adapters/azure/writer.js';
import { planDifferences } from '../engine/apply/plan-drift.js';
import { differenceText } from '../engine/render/plan-drift.js';
import { applyPlan } from '../engine/apply/run-apply.js';
import type { ApplyProgress, ApplyReport } from '../engine/apply/types.js';
import { makePlan } from '../engine/plan/make-plan.js';
import { stepTitle } from '../engine/render/plan-lines.js';
import { chooseAuth } from './azure-auth.js';
import { throwIfConnectionFailed } from './connection-failure.js';
import { applyCommentBody, applyRefusedBody, applyResultLines } from './bodies.js';
import {
  gatherReviewedPlans,
  pendingMerges,
  recordApplyStatus,
  type GatheredPlans,
} from './catch-up.js';
import { errorText, logUntrusted, logUntrustedBlock, type RunContext } from './context.js';
import { setCommentUrl, setOutcome } from './outputs.js';
import { setPlanOutputs } from './plan-outputs.js';
import { reportInvalid } from './plan-route.js';
import { loadSpecSet } from './spec-set.js';
import { ActionEarlyReads } from './early-reads.js';
import { writeSummary } from './summary.js';
import { neutralizeForLog } from './log-safety.js';

interface Reviewed {
  /** Every pull request merged since the last successful apply (newest first). */
  readonly pulls: readonly MergedPullRequest[];
  /** Their reviewed plans for this spec set (newest first). */
  readonly plans: GatheredPlans['reviewed'];
  readonly skipped: GatheredPlans['skipped'];
  readonly since?: string;
  /** The pull requests of the pushed commit itself. */
  readonly headPulls: readonly MergedPullRequest[];
}

class Refusal extends Error {
  constructor(
    message: string,
    readonly pull?: MergedPullRequest,
    readonly fingerprint?: string,
  ) {
    super(message);
  }
}

async function findReviewed(ctx: RunContext): Promise<Reviewed> {
  const { sha, defaultBranch } = ctx.event;
  if (!sha || !defaultBranch) throw new Refusal('the push event names no commit or default branch');
  const pending = await pendingMerges(ctx);
  if (pending.pulls.length === 0) {
    throw new Refusal(
      `commit ${sha.slice(0, 12)} is not the merge of a pull request into ${defaultBranch}, and no pull request was merged since the last successful apply${pending.since ? ` (${pending.since.slice(0, 12)})` : ''}: kvnet applies only plans reviewed on a pull request (direct pushes are not applied)`,
    );
  }
  const gathered = await gatherReviewedPlans(ctx, pending.pulls);
  return {
    pulls: pending.pulls,
    plans: gathered.reviewed,
    skipped: gathered.skipped,
    since: pending.since,
    headPulls: pending.headPulls,
  };
}

function progress(event: ApplyProgress): void {
  switch (event.kind) {
    case 'step-started':
      logUntrusted(
        `→ ${stepTitle(event.step)}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`,
      );
      break;
    case 'step-finished':
      logUntrusted(
        `${event.result.status === 'done' ? '✓' : '✗'} ${event.result.status} ${stepTitle(event.result.step)}${event.result.message ? `: ${event.result.message}` : ''}`,
      );
      break;
    case 'waiting':
      logUntrusted(
        `… waiting ${Math.round(event.ms / 1000)} s on ${event.step.resourceName}: ${event.reason}`,
      );
      break;
  }
}

async function reportOnPull(
  ctx: RunContext,
  pull: MergedPullRequest | undefined,
  body: string,
): Promise<void> {
  if (!pull || ctx.inputs.comment === 'off') return;
  const result = await writePlanComment(ctx, pull.number, body);
  core.info(`pull request #${pull.number} comment ${result.action}: ${result.url}`);
  setCommentUrl(result.url);
}

async function refuseRun(
  ctx: RunContext,
  message: string,
  pulls: readonly (MergedPullRequest | undefined)[],
  outcome: 'refused' | 'error' = 'refused',
): Promise<void> {
  logUntrusted(`kvnet apply ${outcome === 'error' ? 'stopped' : 'refused'}: ${message}`);
  setOutcome(outcome);
  const body = applyRefusedBody(ctx.inputs.specSetId, undefined, message);
  await writeSummary(body);
  for (const pull of pulls) await reportOnPull(ctx, pull, body);
  await status(ctx, 'failure', `apply ${outcome}: nothing was written`);
  core.setFailed(
    outcome === 'error'
      ? 'kvnet apply stopped before writing: see the summary'
      : 'kvnet apply refused, nothing was written: see the summary',
  );
}

async function status(
  ctx: RunContext,
  state: 'pending' | 'success' | 'failure',
  description: string,
): Promise<void> {
  const problem = await recordApplyStatus(ctx, state, description);
  if (problem)
    core.warning(
      neutralizeForLog(
        `could not record the apply on commit ${ctx.event.sha.slice(0, 12)} (${problem}); the next apply walks back further to catch up`,
      ),
    );
}

export async function applyRoute(ctx: RunContext): Promise<void> {
  const auth = chooseAuth(ctx.inputs, ctx.env, ctx.oidc);
  // The reviewed plans are looked up on GitHub while the set loads. Once they are found, the
  // first plan's reads begin from the files parsed so far (early-reads.ts), on clients that
  // also write; a push nobody reviewed never reaches Azure.
  const early = auth.ok
    ? new ActionEarlyReads(ctx.inputs, auth, ctx.event, ctx.oidc, { readOnly: false, held: true })
    : undefined;
  const lookup = findReviewed(ctx).then(
    (found) => {
      early?.release();
      return { found };
    },
    (error: unknown) => ({ error }),
  );
  const specs = await loadSpecSet(ctx.inputs, ctx.env, early?.onFileParsed);
  if (!specs.valid || !specs.desired) {
    early?.abandon();
    await lookup;
    return reportInvalid(ctx, specs);
  }

  const looked = await lookup;
  if ('error' in looked) {
    early?.abandon();
    const error = looked.error;
    if (!(error instanceof Refusal)) throw error;
    logUntrusted(`kvnet apply refused: ${error.message}`);
    setOutcome('refused');
    const body = applyRefusedBody(ctx.inputs.specSetId, error.fingerprint, error.message);
    await writeSummary(body);
    await reportOnPull(ctx, error.pull, body);
    core.setFailed('kvnet apply refused, nothing was written: see the summary');
    return;
  }
  const reviewed: Reviewed = looked.found;
  const numbers = reviewed.pulls.map((pull) => `#${pull.number}`).join(', ');
  logUntrusted(
    `merged since the last successful apply${reviewed.since ? ` (${reviewed.since.slice(0, 12)})` : ''}: ${numbers}; reviewed plans for this spec set: ${reviewed.plans.map((plan) => `${plan.label} (${plan.fingerprint})`).join(', ') || 'none'}`,
  );
  for (const skipped of reviewed.skipped) logUntrusted(skipped.why);
  if (!reviewed.since)
    core.warning(
      'no successful kvnet apply of this spec set is recorded on the last commits of the default branch (first run, or the job lacks "statuses: write"): only the pushed commit\'s pull request is applied; later runs catch up from this one',
    );
  await status(ctx, 'pending', `applying ${numbers}`.slice(0, 140));

  if (!auth.ok) {
    await refuseRun(
      ctx,
      `kvnet apply cannot sign in to Azure: ${auth.reason}`,
      reviewed.plans.map((plan) => plan.pull),
    );
    return;
  }
  let report: ApplyReport;
  const newest = reviewed.plans[0];
  try {
    const reading =
      early ?? new ActionEarlyReads(ctx.inputs, auth, ctx.event, ctx.oidc, { readOnly: false });
    const { clients, reader, reads } = await reading.forSet(specs.clouds);
    if (reviewed.plans.length === 0) {
      // No pull request merged since planned this spec set: a set they did not touch must
      // be a clean no-op; anything else was never reviewed.
      const fresh = await makePlan(specs.desired, reader, {
        concurrency: ctx.inputs.maxParallel,
        reads,
      });
      throwIfConnectionFailed(clients, ctx.env);
      if (fresh.outcome === 'no-changes') {
        logUntrusted(
          `no pull request merged since the last apply (${numbers}) planned this spec set, and live state matches it: nothing to do`,
        );
        await setPlanOutputs(fresh, ctx.inputs.specSetId, ctx.env);
        setOutcome('no-changes');
        await writeSummary(
          `## ✅ kvnet apply: nothing to apply for this spec set\n\nNo pull request merged since the last apply (${numbers}) planned it, and live state already matches the spec.`,
        );
        await status(ctx, 'success', 'nothing to apply: live state matches the spec');
        return;
      }
      await refuseRun(
        ctx,
        [
          'no reviewed plan covers the changes of this spec set, so nothing is applied:',
          ...reviewed.skipped.map((skipped) => skipped.why),
        ].join('\n'),
        [],
      );
      return;
    }
    const mismatchAllowed = ctx.inputs.onPlanMismatch === 'apply';
    report = await applyPlan(specs.desired, reader, new SdkAzureWriter(clients), {
      reviewed: mismatchAllowed ? undefined : reviewed.plans,
      onPlanMismatch:
        ctx.inputs.onPlanMismatch === 'all-or-nothing' ? 'all-or-nothing' : 'per-vault',
      allowDestructive: ctx.inputs.allowDestructive,
      maxParallel: ctx.inputs.maxParallel,
      onProgress: progress,
      ...(reads ? { firstReads: reads } : {}),
    });
    // Nothing written and the connection failed: one clear message instead of a report of
    // unread vaults. (After a write, the report says what was done and is kept.)
    if (!report.results.some((result) => result.status === 'done')) {
      throwIfConnectionFailed(clients, ctx.env);
    }
    if (
      mismatchAllowed &&
      newest &&
      report.plan.fingerprint !== newest.fingerprint &&
      report.outcome !== 'no-changes'
    ) {
      const moved = newest.plan
        ? planDifferences(newest.plan, report.plan).map(differenceText)
        : [];
      core.warning(
        neutralizeForLog(
          [
            `the plan moved since review (fingerprint ${newest.fingerprint} → ${report.plan.fingerprint}); the fresh plan was applied because on-plan-mismatch is "apply"`,
            ...moved,
          ].join('\n'),
        ),
      );
    }
  } catch (error) {
    await refuseRun(
      ctx,
      errorText(error),
      reviewed.plans.map((plan) => plan.pull),
      'error',
    );
    return;
  }

  logUntrustedBlock([`kvnet apply: ${report.outcome}`, ...applyResultLines(report)].join('\n'));
  await setPlanOutputs(report.plan, ctx.inputs.specSetId, ctx.env);
  setOutcome(report.outcome);
  let summaryWritten = false;
  // Report where it matters: the pushed commit's pull request, and each one whose reviewed plan
  // covered a vault of this run (not every pull request the walk passed).
  const covering = new Set(report.coveredBy?.values() ?? []);
  const head = new Set(reviewed.headPulls.map((pull) => pull.number));
  const reportTo = reviewed.plans.filter(
    (plan) => covering.has(plan.label) || head.has(plan.pull.number),
  );
  for (const plan of reportTo.length > 0 ? reportTo : reviewed.plans.slice(0, 1)) {
    const body = applyCommentBody(
      report,
      ctx.inputs.specSetId,
      { fingerprint: plan.fingerprint, embedded: plan.plan },
      ctx.event.sha,
      ctx.event.runUrl,
    );
    if (!summaryWritten) await writeSummary(body);
    summaryWritten = true;
    await reportOnPull(ctx, plan.pull, body);
  }
  const succeeded = report.outcome === 'applied' || report.outcome === 'no-changes';
  await status(
    ctx,
    succeeded ? 'success' : 'failure',
    `apply ${report.outcome}: ${numbers}`.slice(0, 140),
  );
  if (!succeeded) core.setFailed(`kvnet apply ${report.outcome}: see the summary`);
}
