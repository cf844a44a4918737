// pull_request: validate, plan against live Azure (GET only), then one sticky comment, the full
// plan in the job summary, annotations and outputs. Without Azure access (fork, no OIDC token)
// it validates only and says so; it never claims "no changes" without a plan.
import * as core from '@actions/core';
import { makePlan } from '../engine/plan/make-plan.js';
import type { Plan } from '../engine/plan/types.js';
import { renderMarkdownReport } from '../engine/render/markdown.js';
import { batches, withLineEnds } from '../engine/render/batches.js';
import { renderTextLines } from '../engine/render/text.js';
import { AzureAuthError, chooseAuth } from './azure-auth.js';
import { ActionEarlyReads } from './early-reads.js';
import { ConnectionFailedError, throwIfConnectionFailed } from './connection-failure.js';
import {
  commentFullPlanAt,
  failureBody,
  invalidBody,
  planCommentBody,
  rulesUrlOf,
  SUMMARY_FULL_PLAN_AT,
  validateOnlyBody,
} from './bodies.js';
import { errorText, logUntrusted, logUntrustedBlock, type RunContext } from './context.js';
import { setCommentUrl, setOutcome } from './outputs.js';
import { setPlanOutputs } from './plan-outputs.js';
import { annotatePlanFindings, loadSpecSet, type LoadedSpecSet } from './spec-set.js';
import { SUMMARY_LIMIT_BYTES, writeSummary } from './summary.js';
import { neutralizeForLog } from './log-safety.js';
import { evaluateWidening, publishWideningStatus, wideningSection } from './widening-approval.js';
import { pullRequestState } from '../adapters/github/index.js';
import { findPlanComment, writePlanComment } from './plan-comment.js';
import { markStaleComments } from './stale-comments.js';

/** Posts or edits the pull request's one comment; a fork's read-only token only warns. */
async function comment(ctx: RunContext, body: string, onlyIfExists = false): Promise<void> {
  const pull = ctx.event.pullRequest;
  if (!pull || ctx.inputs.comment === 'off') return;
  try {
    if (onlyIfExists) {
      const existing = await findPlanComment(ctx, pull.number);
      if (!existing) return;
    }
    const result = await writePlanComment(ctx, pull.number, body);
    core.info(`plan comment ${result.action}: ${result.url}`);
    setCommentUrl(result.url);
  } catch (error) {
    const message = neutralizeForLog(errorText(error));
    if (pull.fromFork) core.warning(`could not comment on the pull request: ${message}`);
    else throw error;
  }
}

export async function validateOnly(
  ctx: RunContext,
  specs: LoadedSpecSet,
  reason: string,
): Promise<void> {
  core.warning(`kvnet validated the spec set only, no plan was made: ${reason}`);
  setOutcome('validate-only');
  const body = validateOnlyBody(ctx.inputs.specSetId, reason, specs.summary);
  await writeSummary(body);
  await comment(ctx, body);
}

export async function reportInvalid(ctx: RunContext, specs: LoadedSpecSet): Promise<void> {
  setOutcome('invalid');
  const body = invalidBody(ctx.inputs.specSetId, specs.findings, specs.summary);
  await writeSummary(body);
  await comment(ctx, body);
  core.setFailed('the spec set is invalid: see the annotations');
}

export function logPlan(plan: Plan): void {
  const lines = renderTextLines(plan, { color: false });
  logUntrustedBlock(batches(withLineEnds(lines), { wholeLines: true }));
}

/**
 * What every route that made a plan reports: log, annotations, outputs and job summary. The job
 * summary is the plan rendered within its 1 MiB; true when it was written and holds the plan whole.
 */
export async function publishPlan(ctx: RunContext, plan: Plan): Promise<boolean> {
  logPlan(plan);
  annotatePlanFindings(plan);
  setOutcome(plan.outcome);
  await setPlanOutputs(plan, ctx.inputs.specSetId, ctx.env);
  const summary = renderMarkdownReport(plan, {
    specSetId: ctx.inputs.specSetId,
    limit: SUMMARY_LIMIT_BYTES,
    unit: 'bytes',
    fullPlanAt: SUMMARY_FULL_PLAN_AT,
    rulesUrl: rulesUrlOf(ctx.env),
  });
  const written = await writeSummary(summary.text);
  return written && summary.complete;
}

/** A re-run of an old job carries the old payload: ask GitHub whether the pull request is closed. */
async function closedPullRequest(ctx: RunContext): Promise<string | undefined> {
  const pull = ctx.event.pullRequest;
  if (!pull || !ctx.inputs.githubToken) return undefined;
  try {
    const state = await pullRequestState(ctx.github(), ctx.repo, pull.number);
    if (state.state !== 'closed') return undefined;
    return `pull request #${pull.number} is ${state.merged ? 'merged' : 'closed'}: closed pull requests are never re-planned, so its reviewed plan comment is left as it is`;
  } catch (error) {
    core.warning(neutralizeForLog(`could not read the pull request's state: ${errorText(error)}`));
    return undefined;
  }
}

export async function planRoute(ctx: RunContext): Promise<void> {
  const closed = await closedPullRequest(ctx);
  if (closed) {
    core.info(closed);
    setOutcome('skipped');
    await writeSummary(`## kvnet: not re-planned\n\n${closed}.`);
    return;
  }
  const pull = ctx.event.pullRequest;
  const auth = chooseAuth(ctx.inputs, ctx.env, ctx.oidc);
  // Reads begin as the files parse, where this run may read Azure at all (early-reads.ts).
  const early =
    !pull?.fromFork && auth.ok
      ? new ActionEarlyReads(ctx.inputs, auth, ctx.event, ctx.oidc)
      : undefined;
  const specs = await loadSpecSet(ctx.inputs, ctx.env, early?.onFileParsed);
  if (!specs.valid || !specs.desired) {
    early?.abandon();
    return reportInvalid(ctx, specs);
  }
  if (pull?.fromFork) {
    return validateOnly(
      ctx,
      specs,
      'this pull request comes from a fork: GitHub gives such runs no OIDC token and no secrets, so Azure was not read',
    );
  }
  if (!auth.ok) return validateOnly(ctx, specs, auth.reason);
  const reading = early ?? new ActionEarlyReads(ctx.inputs, auth, ctx.event, ctx.oidc);

  let plan: Plan;
  try {
    const { clients, reader, reads } = await reading.forSet(specs.clouds);
    plan = await makePlan(specs.desired, reader, { concurrency: ctx.inputs.maxParallel, reads });
    throwIfConnectionFailed(clients, ctx.env);
  } catch (error) {
    const title =
      error instanceof AzureAuthError
        ? 'could not sign in to Azure, no plan was made'
        : error instanceof ConnectionFailedError
          ? 'could not connect to Azure, no plan was made'
          : 'the plan failed, no plan was made';
    logUntrusted(errorText(error));
    setOutcome('error');
    const body = failureBody(ctx.inputs.specSetId, title, errorText(error));
    await writeSummary(body);
    await comment(ctx, body);
    core.setFailed(`kvnet: ${title}`);
    return;
  }

  const summaryHoldsPlan = await publishPlan(ctx, plan);
  const gate =
    pull && ctx.inputs.wideningReviewers.length > 0 && plan.outcome !== 'error'
      ? await evaluateWidening(ctx, plan, pull.number)
      : undefined;
  const body =
    planCommentBody(plan, ctx.inputs.specSetId, pull?.headSha, {
      rulesUrl: rulesUrlOf(ctx.env),
      fullPlanAt: summaryHoldsPlan ? commentFullPlanAt(ctx.event.runUrl) : SUMMARY_FULL_PLAN_AT,
    }) + (gate ? wideningSection(gate) : '');
  await comment(
    ctx,
    body,
    ctx.inputs.comment === 'changes' && plan.outcome === 'no-changes' && !gate?.widening.length,
  );
  if (gate) await publishWideningStatus(ctx, gate);
  await markStaleComments(ctx, plan, pull?.number);
  if (plan.outcome === 'error')
    core.setFailed('kvnet could not make a trustworthy plan: see the errors in the plan');
  else if (gate && !gate.satisfied)
    core.setFailed(
      `kvnet: the plan widens access and needs an approval on the head commit from one of the widening reviewers: ${ctx.inputs.wideningReviewers.length} listed (see the comment)`,
    );
}
