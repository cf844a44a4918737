// merge_group: a merge queue asks for the check on its ref (the base with the queued pull
// requests merged). kvnet plans against that ref (GET only) and fails the check when the plan
// has errors or when a vault the pull request's reviewed plan changes no longer stands on what
// was reviewed — the same per-vault judgement the apply makes on merge, made before the merge.
import * as core from '@actions/core';
import { findPlanComment } from './plan-comment.js';
import { SdkAzureReader } from '../adapters/azure/reader.js';
import { movedBasis } from '../engine/apply/basis-moved.js';
import { judgeReviewed, refusalLines } from '../engine/apply/reviewed-basis.js';
import { expiredRulesOf } from '../engine/apply/run-apply.js';
import { touchedVaults } from '../engine/plan/steps-by-vault.js';
import { makePlan } from '../engine/plan/make-plan.js';
import { fence } from '../engine/render/markdown-safe.js';
import { chooseAuth, connectAzure } from './azure-auth.js';
import { readEmbeddedPlan, readMarker } from './bodies.js';
import { errorText, logUntrusted, type RunContext } from './context.js';
import { setOutcome } from './outputs.js';
import { publishPlan } from './plan-route.js';
import { loadSpecSet } from './spec-set.js';
import { markStale, markStaleComments } from './stale-comments.js';
import { writeSummary } from './summary.js';

async function fail(ctx: RunContext, title: string, lines: readonly string[]): Promise<void> {
  logUntrusted([title, ...lines].join('\n'));
  await writeSummary(
    [`## ⛔ kvnet merge queue check: ${title}`, '', fence(lines, 'text')].join('\n'),
  );
  core.setFailed(`kvnet merge queue check: ${title}`);
}

export async function mergeGroupRoute(ctx: RunContext): Promise<void> {
  const group = ctx.event.mergeGroup;
  const specs = await loadSpecSet(ctx.inputs, ctx.env);
  if (!specs.valid || !specs.desired) {
    setOutcome('invalid');
    core.setFailed('the spec set is invalid on the merge queue ref: see the annotations');
    return;
  }
  if (!group?.pullNumber) {
    setOutcome('refused');
    return fail(ctx, 'cannot tell which pull request this merge group checks', [
      `the merge_group event's head ref ${group?.headRef ?? '(none)'} does not name a pull request (gh-readonly-queue/<base>/pr-<number>-<sha>)`,
    ]);
  }
  const number = group.pullNumber;
  const auth = chooseAuth(ctx.inputs, ctx.env, ctx.oidc);
  if (!auth.ok) {
    setOutcome('validate-only');
    return fail(ctx, 'no plan was made', [
      `the merge queue check needs Azure access: ${auth.reason}`,
    ]);
  }
  let fresh;
  try {
    const clients = await connectAzure(specs.clouds, ctx.inputs, auth, ctx.event, ctx.oidc, true);
    fresh = await makePlan(specs.desired, new SdkAzureReader(clients), {
      concurrency: ctx.inputs.maxParallel,
    });
  } catch (error) {
    setOutcome('error');
    return fail(ctx, 'the plan failed', [errorText(error)]);
  }
  await publishPlan(ctx, fresh);
  if (fresh.outcome === 'error') {
    return fail(ctx, 'the plan of the merge queue ref has errors', [
      'a failed read or an error finding is never "no changes": see the plan in the summary',
    ]);
  }
  logUntrusted(`merge group ${group.headRef}: checking pull request #${number}`);
  const comment = await findPlanComment(ctx, number);
  const marked = comment ? readMarker(comment.body, ctx.inputs.specSetId) : undefined;
  const reviewed =
    comment && marked?.fingerprint ? readEmbeddedPlan(comment.body, marked.fingerprint) : undefined;
  if (!reviewed || !marked?.fingerprint) {
    if (fresh.outcome === 'no-changes') {
      core.info(
        `pull request #${number} planned nothing for this spec set, and nothing would change`,
      );
      await markStaleComments(ctx, fresh, number);
      return;
    }
    setOutcome('refused');
    return fail(ctx, `pull request #${number} has no reviewed plan for this spec set`, [
      `the merge queue ref changes this spec set, but pull request #${number} carries no kvnet plan for it (${marked?.status ?? 'no comment'}): let the plan job run on the pull request first`,
    ]);
  }
  const judgement = judgeReviewed(
    fresh,
    [{ label: `pull request #${number}`, fingerprint: marked.fingerprint, plan: reviewed }],
    expiredRulesOf(specs.desired),
  );
  const own = new Set(reviewed.steps.flatMap(touchedVaults));
  const failing = judgement.refused.filter((refusal) => own.has(refusal.vault));
  const others = judgement.refused.filter((refusal) => !own.has(refusal.vault));
  if (others.length > 0)
    logUntrusted(
      `changes to ${others.map((refusal) => refusal.vault).join(', ')} come from other pull requests ahead in the queue or merged and not applied yet; their own checks judge them`,
    );
  await markStaleComments(ctx, fresh, number);
  if (failing.length === 0) {
    logUntrusted(`the reviewed basis of pull request #${number} holds for every vault it changes`);
    return;
  }
  const moved = movedBasis(reviewed, fresh);
  if (comment)
    await markStale(
      ctx,
      number,
      {
        body: comment.body,
        moved: failing.map(
          (refusal) =>
            moved.find((entry) => entry.vault === refusal.vault) ?? {
              vault: refusal.vault,
              resources: ['its planned steps'],
            },
        ),
      },
      ctx.event.runUrl ? `[the merge queue check](${ctx.event.runUrl})` : 'the merge queue check',
    );
  setOutcome('refused');
  return fail(
    ctx,
    `the reviewed basis of ${failing.map((refusal) => refusal.vault).join(', ')} moved`,
    refusalLines({ ...judgement, refused: failing }),
  );
}
