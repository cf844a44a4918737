import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  SdkAzureWriter
} from "./chunk-FXIXO2AT.js";
import {
  applyPlan,
  differenceText,
  planDifferences
} from "./chunk-4VRPCB6P.js";
import {
  ActionEarlyReads,
  applyCommentBody,
  applyRefusedBody,
  applyResultLines,
  chooseAuth,
  findPlanComment,
  makePlan,
  readEmbeddedPlan,
  readMarker,
  reportInvalid,
  safeSetId,
  setPlanOutputs,
  throwIfConnectionFailed,
  writePlanComment
} from "./chunk-ZD3AUL2G.js";
import {
  setCommentUrl,
  setOutcome,
  writeSummary
} from "./chunk-J6YZOXJI.js";
import {
  loadSpecSet,
  stepTitle
} from "./chunk-Y654CXHV.js";
import "./chunk-I2DMUX3B.js";
import {
  commitStatuses,
  commitsFrom,
  errorText,
  logUntrusted,
  logUntrustedBlock,
  mergedPullRequestsForCommit,
  setCommitStatus
} from "./chunk-5RNMGPRU.js";
import {
  info,
  neutralizeForLog,
  setFailed,
  warning
} from "./chunk-QTB6K6WF.js";
import "./chunk-7RRVYOQZ.js";

// src/action/catch-up.ts
var CATCH_UP_DEPTH = 100;
function applyStatusContext(specSetId) {
  return `kvnet/apply ${safeSetId(specSetId)}`.slice(0, 200);
}
async function pendingMerges(ctx) {
  const { sha, defaultBranch } = ctx.event;
  const client = ctx.github();
  const history = await commitsFrom(client, ctx.repo, sha, CATCH_UP_DEPTH) ?? [sha];
  const context = applyStatusContext(ctx.inputs.specSetId);
  const byCommit = [];
  let since;
  for (const [index, commit] of history.entries()) {
    if (index > 0) {
      const statuses = await commitStatuses(client, ctx.repo, commit);
      const latest = statuses.find((status2) => status2.byBot && status2.context === context);
      if (latest?.state === "success") {
        since = commit;
        break;
      }
    }
    byCommit.push(await mergedPullRequestsForCommit(client, ctx.repo, commit, defaultBranch ?? ""));
  }
  const considered = since ? byCommit : byCommit.slice(0, 1);
  const pulls = /* @__PURE__ */ new Map();
  for (const pull of considered.flat()) if (!pulls.has(pull.number)) pulls.set(pull.number, pull);
  return {
    pulls: [...pulls.values()],
    since,
    walked: considered.length,
    headPulls: byCommit[0] ?? []
  };
}
async function gatherReviewedPlans(ctx, pulls) {
  const reviewed = [];
  const skipped = [];
  for (const pull of pulls) {
    const comment = await findPlanComment(ctx, pull.number);
    if (!comment) {
      skipped.push({
        pull,
        why: `pull request #${pull.number} has no kvnet plan comment for this spec set (${ctx.inputs.specSetId}): no plan was reviewed there. Was the plan job skipped, or is its "spec" input different?`
      });
      continue;
    }
    const marked = readMarker(comment.body, ctx.inputs.specSetId);
    if (!marked?.fingerprint) {
      skipped.push({
        pull,
        why: `the kvnet comment on pull request #${pull.number} holds no plan (${marked?.status ?? "unknown status"}): the spec was only validated or the plan failed`
      });
      continue;
    }
    reviewed.push({
      pull,
      label: `pull request #${pull.number}`,
      fingerprint: marked.fingerprint,
      plan: readEmbeddedPlan(comment.body, marked.fingerprint),
      applyRan: marked.status?.startsWith("apply-") ?? false
    });
  }
  return { reviewed, skipped };
}
async function recordApplyStatus(ctx, state, description) {
  try {
    await setCommitStatus(ctx.github(), ctx.repo, ctx.event.sha, {
      state,
      context: applyStatusContext(ctx.inputs.specSetId),
      description,
      targetUrl: ctx.event.runUrl
    });
    return void 0;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

// src/action/apply-route.ts
var Refusal = class extends Error {
  constructor(message, pull, fingerprint) {
    super(message);
    this.pull = pull;
    this.fingerprint = fingerprint;
  }
  pull;
  fingerprint;
};
async function findReviewed(ctx) {
  const { sha, defaultBranch } = ctx.event;
  if (!sha || !defaultBranch) throw new Refusal("the push event names no commit or default branch");
  const pending = await pendingMerges(ctx);
  if (pending.pulls.length === 0) {
    throw new Refusal(
      `commit ${sha.slice(0, 12)} is not the merge of a pull request into ${defaultBranch}, and no pull request was merged since the last successful apply${pending.since ? ` (${pending.since.slice(0, 12)})` : ""}: kvnet applies only plans reviewed on a pull request (direct pushes are not applied)`
    );
  }
  const gathered = await gatherReviewedPlans(ctx, pending.pulls);
  return {
    pulls: pending.pulls,
    plans: gathered.reviewed,
    skipped: gathered.skipped,
    since: pending.since,
    headPulls: pending.headPulls
  };
}
function progress(event) {
  switch (event.kind) {
    case "step-started":
      logUntrusted(
        `→ ${stepTitle(event.step)}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ""}`
      );
      break;
    case "step-finished":
      logUntrusted(
        `${event.result.status === "done" ? "✓" : "✗"} ${event.result.status} ${stepTitle(event.result.step)}${event.result.message ? `: ${event.result.message}` : ""}`
      );
      break;
    case "waiting":
      logUntrusted(
        `… waiting ${Math.round(event.ms / 1e3)} s on ${event.step.resourceName}: ${event.reason}`
      );
      break;
  }
}
async function reportOnPull(ctx, pull, body) {
  if (!pull || ctx.inputs.comment === "off") return;
  const result = await writePlanComment(ctx, pull.number, body);
  info(`pull request #${pull.number} comment ${result.action}: ${result.url}`);
  setCommentUrl(result.url);
}
async function refuseRun(ctx, message, pulls, outcome = "refused") {
  logUntrusted(`kvnet apply ${outcome === "error" ? "stopped" : "refused"}: ${message}`);
  setOutcome(outcome);
  const body = applyRefusedBody(ctx.inputs.specSetId, void 0, message);
  await writeSummary(body);
  for (const pull of pulls) await reportOnPull(ctx, pull, body);
  await status(ctx, "failure", `apply ${outcome}: nothing was written`);
  setFailed(
    outcome === "error" ? "kvnet apply stopped before writing: see the summary" : "kvnet apply refused, nothing was written: see the summary"
  );
}
async function status(ctx, state, description) {
  const problem = await recordApplyStatus(ctx, state, description);
  if (problem)
    warning(
      neutralizeForLog(
        `could not record the apply on commit ${ctx.event.sha.slice(0, 12)} (${problem}); the next apply walks back further to catch up`
      )
    );
}
async function applyRoute(ctx) {
  const auth = chooseAuth(ctx.inputs, ctx.env, ctx.oidc);
  const early = auth.ok ? new ActionEarlyReads(ctx.inputs, auth, ctx.event, ctx.oidc, { readOnly: false, held: true }) : void 0;
  const lookup = findReviewed(ctx).then(
    (found) => {
      early?.release();
      return { found };
    },
    (error) => ({ error })
  );
  const specs = await loadSpecSet(ctx.inputs, ctx.env, early?.onFileParsed);
  if (!specs.valid || !specs.desired) {
    early?.abandon();
    await lookup;
    return reportInvalid(ctx, specs);
  }
  const looked = await lookup;
  if ("error" in looked) {
    early?.abandon();
    const error = looked.error;
    if (!(error instanceof Refusal)) throw error;
    logUntrusted(`kvnet apply refused: ${error.message}`);
    setOutcome("refused");
    const body = applyRefusedBody(ctx.inputs.specSetId, error.fingerprint, error.message);
    await writeSummary(body);
    await reportOnPull(ctx, error.pull, body);
    setFailed("kvnet apply refused, nothing was written: see the summary");
    return;
  }
  const reviewed = looked.found;
  const numbers = reviewed.pulls.map((pull) => `#${pull.number}`).join(", ");
  logUntrusted(
    `merged since the last successful apply${reviewed.since ? ` (${reviewed.since.slice(0, 12)})` : ""}: ${numbers}; reviewed plans for this spec set: ${reviewed.plans.map((plan) => `${plan.label} (${plan.fingerprint})`).join(", ") || "none"}`
  );
  for (const skipped of reviewed.skipped) logUntrusted(skipped.why);
  if (!reviewed.since)
    warning(
      `no successful kvnet apply of this spec set is recorded on the last commits of the default branch (first run, or the job lacks "statuses: write"): only the pushed commit's pull request is applied; later runs catch up from this one`
    );
  await status(ctx, "pending", `applying ${numbers}`.slice(0, 140));
  if (!auth.ok) {
    await refuseRun(
      ctx,
      `kvnet apply cannot sign in to Azure: ${auth.reason}`,
      reviewed.plans.map((plan) => plan.pull)
    );
    return;
  }
  let report;
  const newest = reviewed.plans[0];
  try {
    const reading = early ?? new ActionEarlyReads(ctx.inputs, auth, ctx.event, ctx.oidc, { readOnly: false });
    const { clients, reader, reads } = await reading.forSet(specs.clouds);
    if (reviewed.plans.length === 0) {
      const fresh = await makePlan(specs.desired, reader, {
        concurrency: ctx.inputs.maxParallel,
        reads
      });
      throwIfConnectionFailed(clients, ctx.env);
      if (fresh.outcome === "no-changes") {
        logUntrusted(
          `no pull request merged since the last apply (${numbers}) planned this spec set, and live state matches it: nothing to do`
        );
        await setPlanOutputs(fresh, ctx.inputs.specSetId, ctx.env);
        setOutcome("no-changes");
        await writeSummary(
          `## ✅ kvnet apply: nothing to apply for this spec set

No pull request merged since the last apply (${numbers}) planned it, and live state already matches the spec.`
        );
        await status(ctx, "success", "nothing to apply: live state matches the spec");
        return;
      }
      await refuseRun(
        ctx,
        [
          "no reviewed plan covers the changes of this spec set, so nothing is applied:",
          ...reviewed.skipped.map((skipped) => skipped.why)
        ].join("\n"),
        []
      );
      return;
    }
    const mismatchAllowed = ctx.inputs.onPlanMismatch === "apply";
    report = await applyPlan(specs.desired, reader, new SdkAzureWriter(clients), {
      reviewed: mismatchAllowed ? void 0 : reviewed.plans,
      onPlanMismatch: ctx.inputs.onPlanMismatch === "all-or-nothing" ? "all-or-nothing" : "per-vault",
      allowDestructive: ctx.inputs.allowDestructive,
      maxParallel: ctx.inputs.maxParallel,
      onProgress: progress,
      ...reads ? { firstReads: reads } : {}
    });
    if (!report.results.some((result) => result.status === "done")) {
      throwIfConnectionFailed(clients, ctx.env);
    }
    if (mismatchAllowed && newest && report.plan.fingerprint !== newest.fingerprint && report.outcome !== "no-changes") {
      const moved = newest.plan ? planDifferences(newest.plan, report.plan).map(differenceText) : [];
      warning(
        neutralizeForLog(
          [
            `the plan moved since review (fingerprint ${newest.fingerprint} → ${report.plan.fingerprint}); the fresh plan was applied because on-plan-mismatch is "apply"`,
            ...moved
          ].join("\n")
        )
      );
    }
  } catch (error) {
    await refuseRun(
      ctx,
      errorText(error),
      reviewed.plans.map((plan) => plan.pull),
      "error"
    );
    return;
  }
  logUntrustedBlock([`kvnet apply: ${report.outcome}`, ...applyResultLines(report)].join("\n"));
  await setPlanOutputs(report.plan, ctx.inputs.specSetId, ctx.env);
  setOutcome(report.outcome);
  let summaryWritten = false;
  const covering = new Set(report.coveredBy?.values() ?? []);
  const head = new Set(reviewed.headPulls.map((pull) => pull.number));
  const reportTo = reviewed.plans.filter(
    (plan) => covering.has(plan.label) || head.has(plan.pull.number)
  );
  for (const plan of reportTo.length > 0 ? reportTo : reviewed.plans.slice(0, 1)) {
    const body = applyCommentBody(
      report,
      ctx.inputs.specSetId,
      { fingerprint: plan.fingerprint, embedded: plan.plan },
      ctx.event.sha,
      ctx.event.runUrl
    );
    if (!summaryWritten) await writeSummary(body);
    summaryWritten = true;
    await reportOnPull(ctx, plan.pull, body);
  }
  const succeeded = report.outcome === "applied" || report.outcome === "no-changes";
  await status(
    ctx,
    succeeded ? "success" : "failure",
    `apply ${report.outcome}: ${numbers}`.slice(0, 140)
  );
  if (!succeeded) setFailed(`kvnet apply ${report.outcome}: see the summary`);
}
export {
  applyRoute
};
