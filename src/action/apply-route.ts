// push to the default branch: find the pull request the commit merged, read the fingerprint of
// the plan reviewed on it (kvnet's own comment), and hand both to the applier, which re-reads
// live state, re-plans and refuses (no writes) when the plan moved. The result goes back on the
// pull request's comment and into the job summary.
import * as core from '@actions/core';
import {
  findBotComment,
  mergedPullRequestsForCommit,
  upsertComment,
  type MergedPullRequest,
} from '../adapters/github/index.js';
import { SdkAzureReader } from '../adapters/azure/reader.js';
import { SdkAzureWriter } from '../adapters/azure/writer.js';
import { planDifferences, remainingWithinReviewed } from '../engine/apply/plan-drift.js';
import { differenceText } from '../engine/render/plan-drift.js';
import { applyPlan } from '../engine/apply/run-apply.js';
import type { ApplyProgress, ApplyReport } from '../engine/apply/types.js';
import type { Plan } from '../engine/plan/types.js';
import { makePlan } from '../engine/plan/make-plan.js';
import { stepTitle } from '../engine/render/plan-lines.js';
import { chooseAuth, connectAzure } from './azure-auth.js';
import { throwIfConnectionFailed } from './connection-failure.js';
import {
  applyCommentBody,
  applyRefusedBody,
  applyResultLines,
  planMarkerPrefix,
  readEmbeddedPlan,
  readMarker,
} from './bodies.js';
import { errorText, logUntrusted, logUntrustedBlock, type RunContext } from './context.js';
import { setCommentUrl, setOutcome, setPlanOutputs } from './outputs.js';
import { reportInvalid } from './plan-route.js';
import { loadSpecSet } from './spec-set.js';
import { writeSummary } from './summary.js';
import { neutralizeForLog } from './log-safety.js';

interface Reviewed {
  readonly pull: MergedPullRequest;
  readonly fingerprint: string;
  readonly plan?: Plan;
  /** Set when an apply already ran for this merge (a re-run): apply-failed, apply-applied… */
  readonly status?: string;
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
  const pulls = await mergedPullRequestsForCommit(ctx.github(), ctx.repo, sha, defaultBranch);
  const exact = pulls.filter((pull) => pull.mergeCommitSha === sha);
  const candidates = exact.length > 0 ? exact : pulls;
  if (candidates.length === 0) {
    throw new Refusal(
      `commit ${sha.slice(0, 12)} is not the merge of a pull request into ${defaultBranch}: kvnet applies only plans reviewed on a pull request (direct pushes are not applied)`,
    );
  }
  if (candidates.length > 1) {
    throw new Refusal(
      `commit ${sha.slice(0, 12)} belongs to ${candidates.length} merged pull requests (${candidates.map((pull) => `#${pull.number}`).join(', ')}): kvnet cannot tell which reviewed plan to apply`,
    );
  }
  const pull = candidates[0] as MergedPullRequest;
  const marker = planMarkerPrefix(ctx.inputs.specSetId);
  const comment = await findBotComment(ctx.github(), ctx.repo, pull.number, marker);
  if (!comment) {
    throw new Refusal(
      `pull request #${pull.number} has no kvnet plan comment for this spec set (${ctx.inputs.specSetId}): no plan was reviewed, so nothing is applied. Was the plan job skipped, or is its "spec" input different?`,
      pull,
    );
  }
  const reviewed = readMarker(comment.body, ctx.inputs.specSetId);
  if (!reviewed?.fingerprint) {
    throw new Refusal(
      `the kvnet comment on pull request #${pull.number} holds no plan (${reviewed?.status ?? 'unknown status'}): the spec was only validated or the plan failed, so nothing is applied`,
      pull,
    );
  }
  return {
    pull,
    fingerprint: reviewed.fingerprint,
    plan: readEmbeddedPlan(comment.body, reviewed.fingerprint),
    status: reviewed.status,
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
  const result = await upsertComment(
    ctx.github(),
    ctx.repo,
    pull.number,
    planMarkerPrefix(ctx.inputs.specSetId),
    body,
  );
  core.info(`pull request #${pull.number} comment ${result.action}: ${result.url}`);
  setCommentUrl(result.url);
}

export async function applyRoute(ctx: RunContext): Promise<void> {
  const specs = await loadSpecSet(ctx.inputs, ctx.env);
  if (!specs.valid || !specs.desired) return reportInvalid(ctx, specs);

  let reviewed: Reviewed;
  try {
    reviewed = await findReviewed(ctx);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    logUntrusted(`kvnet apply refused: ${error.message}`);
    setOutcome('refused');
    const body = applyRefusedBody(ctx.inputs.specSetId, error.fingerprint, error.message);
    await writeSummary(body);
    await reportOnPull(ctx, error.pull, body);
    core.setFailed('kvnet apply refused, nothing was written: see the summary');
    return;
  }
  logUntrusted(
    `applying the plan reviewed on pull request #${reviewed.pull.number} (fingerprint ${reviewed.fingerprint})`,
  );

  const auth = chooseAuth(ctx.inputs, ctx.env, ctx.oidc);
  if (!auth.ok) {
    const body = applyRefusedBody(ctx.inputs.specSetId, reviewed.fingerprint, auth.reason);
    setOutcome('refused');
    await writeSummary(body);
    await reportOnPull(ctx, reviewed.pull, body);
    core.setFailed(`kvnet apply cannot sign in to Azure: ${auth.reason}`);
    return;
  }
  let report: ApplyReport;
  try {
    const clients = await connectAzure(specs.files, ctx.inputs, auth, ctx.event, ctx.oidc, false);
    const mismatchAllowed = ctx.inputs.onPlanMismatch === 'apply';
    const reader = new SdkAzureReader(clients);
    let fingerprint = reviewed.fingerprint;
    if (reviewed.status?.startsWith('apply-') && reviewed.plan && !mismatchAllowed) {
      const fresh = await makePlan(specs.desired, reader, { concurrency: ctx.inputs.maxParallel });
      throwIfConnectionFailed(clients, ctx.env);
      if (
        fresh.fingerprint !== reviewed.fingerprint &&
        remainingWithinReviewed(reviewed.plan, fresh)
      ) {
        logUntrusted(
          `an earlier apply of this reviewed plan ran (${reviewed.status}); the ${fresh.steps.length} step(s) left are all part of the reviewed plan, so they are applied`,
        );
        fingerprint = fresh.fingerprint;
      }
    }
    report = await applyPlan(specs.desired, reader, new SdkAzureWriter(clients), {
      reviewedFingerprint: mismatchAllowed ? undefined : fingerprint,
      reviewedPlan:
        mismatchAllowed || fingerprint !== reviewed.fingerprint ? undefined : reviewed.plan,
      allowDestructive: ctx.inputs.allowDestructive,
      maxParallel: ctx.inputs.maxParallel,
      onProgress: progress,
    });
    // Nothing written and the connection failed: one clear message instead of a report of
    // unread vaults. (After a write, the report says what was done and is kept.)
    if (!report.results.some((result) => result.status === 'done')) {
      throwIfConnectionFailed(clients, ctx.env);
    }
    if (
      mismatchAllowed &&
      report.plan.fingerprint !== reviewed.fingerprint &&
      report.outcome !== 'no-changes'
    ) {
      const moved = reviewed.plan
        ? planDifferences(reviewed.plan, report.plan).map(differenceText)
        : [];
      core.warning(
        neutralizeForLog(
          [
            `the plan moved since review (fingerprint ${reviewed.fingerprint} → ${report.plan.fingerprint}); the fresh plan was applied because on-plan-mismatch is "apply"`,
            ...moved,
          ].join('\n'),
        ),
      );
    }
  } catch (error) {
    logUntrusted(errorText(error));
    const body = applyRefusedBody(ctx.inputs.specSetId, reviewed.fingerprint, errorText(error));
    setOutcome('error');
    await writeSummary(body);
    await reportOnPull(ctx, reviewed.pull, body);
    core.setFailed('kvnet apply stopped before writing: see the summary');
    return;
  }

  logUntrustedBlock([`kvnet apply: ${report.outcome}`, ...applyResultLines(report)].join('\n'));
  setPlanOutputs(report.plan, ctx.inputs.specSetId, ctx.env);
  setOutcome(report.outcome);
  const body = applyCommentBody(
    report,
    ctx.inputs.specSetId,
    { fingerprint: reviewed.fingerprint, embedded: reviewed.plan },
    ctx.event.sha,
    ctx.event.runUrl,
  );
  await writeSummary(body);
  await reportOnPull(ctx, reviewed.pull, body);
  if (report.outcome !== 'applied' && report.outcome !== 'no-changes')
    core.setFailed(`kvnet apply ${report.outcome}: see the summary`);
}
