// pull_request: validate, plan against live Azure (GET only), then one sticky comment, the full
// plan in the job summary, annotations and outputs. Without Azure access (fork, no OIDC token)
// it validates only and says so; it never claims "no changes" without a plan.
import * as core from '@actions/core';
import { SdkAzureReader } from '../adapters/azure/reader.js';
import { makePlan } from '../engine/plan/make-plan.js';
import type { Plan } from '../engine/plan/types.js';
import { renderMarkdown } from '../engine/render/markdown.js';
import { renderText } from '../engine/render/text.js';
import { AzureAuthError, chooseAuth, connectAzure } from './azure-auth.js';
import { failureBody, invalidBody, planCommentBody, validateOnlyBody } from './bodies.js';
import { errorText, logUntrusted, logUntrustedBlock, type RunContext } from './context.js';
import { setCommentUrl, setOutcome, setPlanOutputs } from './outputs.js';
import { annotatePlanFindings, loadSpecSet, type LoadedSpecSet } from './spec-set.js';
import { fitSummary, writeSummary } from './summary.js';
import { neutralizeForLog } from './log-safety.js';
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
  logUntrustedBlock(renderText(plan, { color: false }));
}

/** What every route that made a plan reports: log, annotations, outputs and job summary. */
export async function publishPlan(ctx: RunContext, plan: Plan): Promise<void> {
  logPlan(plan);
  annotatePlanFindings(plan);
  setOutcome(plan.outcome);
  setPlanOutputs(plan, ctx.inputs.specSetId, ctx.env);
  await writeSummary(
    fitSummary((limit) => renderMarkdown(plan, { specSetId: ctx.inputs.specSetId, limit })),
  );
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
  const specs = await loadSpecSet(ctx.inputs, ctx.env);
  if (!specs.valid || !specs.desired) return reportInvalid(ctx, specs);
  const pull = ctx.event.pullRequest;
  if (pull?.fromFork) {
    return validateOnly(
      ctx,
      specs,
      'this pull request comes from a fork: GitHub gives such runs no OIDC token and no secrets, so Azure was not read',
    );
  }
  const auth = chooseAuth(ctx.inputs, ctx.env, ctx.oidc);
  if (!auth.ok) return validateOnly(ctx, specs, auth.reason);

  let plan: Plan;
  try {
    const clients = await connectAzure(specs.files, ctx.inputs, auth, ctx.event, ctx.oidc, true);
    plan = await makePlan(specs.desired, new SdkAzureReader(clients), {
      concurrency: ctx.inputs.maxParallel,
    });
  } catch (error) {
    const title =
      error instanceof AzureAuthError
        ? 'could not sign in to Azure, no plan was made'
        : 'the plan failed, no plan was made';
    logUntrusted(errorText(error));
    setOutcome('error');
    const body = failureBody(ctx.inputs.specSetId, title, errorText(error));
    await writeSummary(body);
    await comment(ctx, body);
    core.setFailed(`kvnet: ${title}`);
    return;
  }

  await publishPlan(ctx, plan);
  const body = planCommentBody(plan, ctx.inputs.specSetId, pull?.headSha);
  await comment(ctx, body, ctx.inputs.comment === 'changes' && plan.outcome === 'no-changes');
  await markStaleComments(ctx, plan, pull?.number);
  if (plan.outcome === 'error')
    core.setFailed('kvnet could not make a trustworthy plan: see the errors in the plan');
}
