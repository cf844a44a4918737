import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  expiredRulesOf,
  judgeReviewed,
  refusalLines
} from "./chunk-4VRPCB6P.js";
import {
  SdkAzureReader,
  chooseAuth,
  connectAzure,
  fence,
  findPlanComment,
  makePlan,
  markStale,
  markStaleComments,
  movedBasis,
  publishPlan,
  readEmbeddedPlan,
  readMarker,
  touchedVaults
} from "./chunk-ZD3AUL2G.js";
import {
  setOutcome,
  writeSummary
} from "./chunk-J6YZOXJI.js";
import {
  loadSpecSet
} from "./chunk-Y654CXHV.js";
import "./chunk-I2DMUX3B.js";
import {
  errorText,
  logUntrusted
} from "./chunk-5RNMGPRU.js";
import {
  info,
  setFailed
} from "./chunk-QTB6K6WF.js";
import "./chunk-7RRVYOQZ.js";

// src/action/merge-group-route.ts
async function fail(ctx, title, lines) {
  logUntrusted([title, ...lines].join("\n"));
  await writeSummary(
    [`## ⛔ kvnet merge queue check: ${title}`, "", fence(lines, "text")].join("\n")
  );
  setFailed(`kvnet merge queue check: ${title}`);
}
async function mergeGroupRoute(ctx) {
  const group = ctx.event.mergeGroup;
  const specs = await loadSpecSet(ctx.inputs, ctx.env);
  if (!specs.valid || !specs.desired) {
    setOutcome("invalid");
    setFailed("the spec set is invalid on the merge queue ref: see the annotations");
    return;
  }
  if (!group?.pullNumber) {
    setOutcome("refused");
    return fail(ctx, "cannot tell which pull request this merge group checks", [
      `the merge_group event's head ref ${group?.headRef ?? "(none)"} does not name a pull request (gh-readonly-queue/<base>/pr-<number>-<sha>)`
    ]);
  }
  const number = group.pullNumber;
  const auth = chooseAuth(ctx.inputs, ctx.env, ctx.oidc);
  if (!auth.ok) {
    setOutcome("validate-only");
    return fail(ctx, "no plan was made", [
      `the merge queue check needs Azure access: ${auth.reason}`
    ]);
  }
  let fresh;
  try {
    const clients = await connectAzure(specs.clouds, ctx.inputs, auth, ctx.event, ctx.oidc, true);
    fresh = await makePlan(specs.desired, new SdkAzureReader(clients), {
      concurrency: ctx.inputs.maxParallel
    });
  } catch (error) {
    setOutcome("error");
    return fail(ctx, "the plan failed", [errorText(error)]);
  }
  await publishPlan(ctx, fresh);
  if (fresh.outcome === "error") {
    return fail(ctx, "the plan of the merge queue ref has errors", [
      'a failed read or an error finding is never "no changes": see the plan in the summary'
    ]);
  }
  logUntrusted(`merge group ${group.headRef}: checking pull request #${number}`);
  const comment = await findPlanComment(ctx, number);
  const marked = comment ? readMarker(comment.body, ctx.inputs.specSetId) : void 0;
  const reviewed = comment && marked?.fingerprint ? readEmbeddedPlan(comment.body, marked.fingerprint) : void 0;
  if (!reviewed || !marked?.fingerprint) {
    if (fresh.outcome === "no-changes") {
      info(
        `pull request #${number} planned nothing for this spec set, and nothing would change`
      );
      await markStaleComments(ctx, fresh, number);
      return;
    }
    setOutcome("refused");
    return fail(ctx, `pull request #${number} has no reviewed plan for this spec set`, [
      `the merge queue ref changes this spec set, but pull request #${number} carries no kvnet plan for it (${marked?.status ?? "no comment"}): let the plan job run on the pull request first`
    ]);
  }
  const judgement = judgeReviewed(
    fresh,
    [{ label: `pull request #${number}`, fingerprint: marked.fingerprint, plan: reviewed }],
    expiredRulesOf(specs.desired)
  );
  const own = new Set(reviewed.steps.flatMap(touchedVaults));
  const failing = judgement.refused.filter((refusal) => own.has(refusal.vault));
  const others = judgement.refused.filter((refusal) => !own.has(refusal.vault));
  if (others.length > 0)
    logUntrusted(
      `changes to ${others.map((refusal) => refusal.vault).join(", ")} come from other pull requests ahead in the queue or merged and not applied yet; their own checks judge them`
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
          (refusal) => moved.find((entry) => entry.vault === refusal.vault) ?? {
            vault: refusal.vault,
            resources: ["its planned steps"]
          }
        )
      },
      ctx.event.runUrl ? `[the merge queue check](${ctx.event.runUrl})` : "the merge queue check"
    );
  setOutcome("refused");
  return fail(
    ctx,
    `the reviewed basis of ${failing.map((refusal) => refusal.vault).join(", ")} moved`,
    refusalLines({ ...judgement, refused: failing })
  );
}
export {
  mergeGroupRoute
};
