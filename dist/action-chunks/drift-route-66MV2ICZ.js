import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  SdkAzureWriter
} from "./chunk-FXIXO2AT.js";
import {
  applyPlan
} from "./chunk-4VRPCB6P.js";
import {
  ActionEarlyReads,
  ConnectionFailedError,
  DEFAULT_READ_CONCURRENCY,
  LiveLookup,
  SdkAzureReader,
  applyResultLines,
  buildPlan,
  chooseAuth,
  createPipelineRequest,
  describeError,
  driftClosedComment,
  driftIssueBody,
  driftMarker,
  fence,
  fingerprint,
  liveWorld,
  makePlan,
  markStaleComments,
  publishPlan,
  readLiveState,
  simulate,
  stepsTouching,
  throwIfConnectionFailed,
  touchedVaults
} from "./chunk-ZD3AUL2G.js";
import {
  BoundedRunner,
  setOutcome,
  writeSummary
} from "./chunk-J6YZOXJI.js";
import {
  diffAccess,
  impactOf,
  key,
  loadSpecSet,
  parseResourceId,
  stepTitle
} from "./chunk-Y654CXHV.js";
import "./chunk-I2DMUX3B.js";
import {
  closeDriftIssue,
  findOpenDriftIssue,
  logUntrusted,
  logUntrustedBlock,
  openOrUpdateDriftIssue
} from "./chunk-5RNMGPRU.js";
import {
  info,
  setFailed,
  setOutput,
  warning
} from "./chunk-QTB6K6WF.js";
import "./chunk-7RRVYOQZ.js";

// src/adapters/azure/activity-log.ts
var ACTIVITY_LOG_API_VERSION = "2015-04-01";
var PERMISSION = "Reader (Microsoft.Insights/eventtypes/values/read) on the subscription or the resource";
var MAX_PAGES = 50;
var text = (value) => typeof value === "string" ? value : "";
function toEvent(raw) {
  return {
    resourceId: text(raw.resourceId),
    caller: text(raw.caller),
    eventTimestamp: text(raw.eventTimestamp),
    operationName: text(raw.operationName?.value),
    status: text(raw.status?.value),
    correlationId: text(raw.correlationId)
  };
}
function failure(resourceId, response, error) {
  if (error !== void 0) {
    const described = describeError(error);
    return {
      status: "error",
      error: {
        resourceId,
        ...described,
        ...described.httpStatus === 403 ? { roleHint: PERMISSION } : {}
      }
    };
  }
  let code;
  let message = `HTTP ${response?.status ?? "error"}`;
  try {
    const body = JSON.parse(response?.bodyAsText ?? "");
    code = body.error?.code;
    message = body.error?.message ?? message;
  } catch {
  }
  return {
    status: "error",
    error: {
      resourceId,
      httpStatus: response?.status,
      ...code ? { code } : {},
      message,
      ...response?.status === 403 ? { roleHint: PERMISSION } : {}
    }
  };
}
var SdkActivityLogReader = class {
  constructor(clients) {
    this.clients = clients;
  }
  clients;
  async listResourceEvents(resourceId, from, to) {
    const parsed = parseResourceId(resourceId);
    if (!parsed.ok)
      return {
        status: "error",
        error: { resourceId, message: `not a resource id (${parsed.reason})` }
      };
    const subscription = parsed.id.subscription;
    const client = this.clients.networkFor(subscription);
    const filter = `eventTimestamp ge '${from.toISOString()}' and eventTimestamp le '${to.toISOString()}' and resourceUri eq '${resourceId.replace(/'/g, "''")}'`;
    const select = "caller,eventTimestamp,operationName,status,resourceId,correlationId";
    let url = `${this.clients.endpoint}/subscriptions/${encodeURIComponent(subscription)}/providers/Microsoft.Insights/eventtypes/management/values?api-version=${ACTIVITY_LOG_API_VERSION}&$filter=${encodeURIComponent(filter)}&$select=${encodeURIComponent(select)}`;
    const events = [];
    for (let page = 0; url && page < MAX_PAGES; page += 1) {
      let response;
      try {
        response = await client.sendRequest(createPipelineRequest({ url, method: "GET" }));
      } catch (error) {
        return failure(resourceId, void 0, error);
      }
      if (response.status !== 200) return failure(resourceId, response);
      let body;
      try {
        body = JSON.parse(response.bodyAsText ?? "");
      } catch {
        return failure(resourceId, response);
      }
      for (const raw of Array.isArray(body.value) ? body.value : [])
        events.push(toEvent(raw ?? {}));
      url = typeof body.nextLink === "string" && body.nextLink !== "" ? body.nextLink : void 0;
    }
    return { status: "ok", value: events };
  }
};

// src/engine/analysis/change-authors.ts
var COMPLETED = /* @__PURE__ */ new Set(["succeeded", "accepted"]);
function completedWrites(events) {
  return events.filter(
    (event) => COMPLETED.has(event.status.toLowerCase()) && /\/(write|delete|action)$/i.test(event.operationName)
  ).sort((a, b) => Date.parse(b.eventTimestamp) - Date.parse(a.eventTimestamp));
}
function authorsOf(resourceId, events, limit) {
  const writes = completedWrites(events);
  return { resourceId, writes: writes.slice(0, limit), more: Math.max(0, writes.length - limit) };
}

// src/action/drift-authors.ts
var ACTIVITY_LOOKBACK_DAYS = 90;
var WRITES_SHOWN = 3;
var RESOURCES_LOOKED_UP = 50;
async function readDriftAuthors(plan, log, now, concurrency) {
  const ids = [
    ...new Map(plan.steps.map((step) => [step.resourceId.toLowerCase(), step.resourceId])).values()
  ];
  const from = new Date(now.getTime() - ACTIVITY_LOOKBACK_DAYS * 24 * 3600 * 1e3);
  const runner = new BoundedRunner(concurrency);
  const resources = await Promise.all(
    ids.slice(0, RESOURCES_LOOKED_UP).map(
      (resourceId) => runner.run(async () => {
        const read = await log.listResourceEvents(resourceId, from, now);
        if (read.status === "ok") return authorsOf(resourceId, read.value, WRITES_SHOWN);
        if (read.status === "not-found") return { resourceId, writes: [], more: 0 };
        return { resourceId, writes: [], more: 0, error: read.error };
      })
    )
  );
  return { resources, notLookedUp: Math.max(0, ids.length - RESOURCES_LOOKED_UP), from, to: now };
}
function driftAuthorsSection(authors) {
  const lines = [];
  for (const resource of authors.resources) {
    lines.push(resource.resourceId);
    if (resource.error) {
      lines.push(
        `  the activity log could not be read: ${resource.error.code ?? resource.error.httpStatus ?? "error"} ${resource.error.message}${resource.error.roleHint ? ` (needs ${resource.error.roleHint})` : ""}`
      );
    } else if (resource.writes.length === 0) {
      lines.push(
        `  no completed write listed for the last ${ACTIVITY_LOOKBACK_DAYS} days (Azure lists a write minutes after it is made)`
      );
    } else {
      for (const write of resource.writes)
        lines.push(
          `  ${write.eventTimestamp}  ${write.caller || "(caller not recorded)"}  ${write.operationName}`
        );
      if (resource.more > 0) lines.push(`  … and ${resource.more} earlier write(s)`);
    }
  }
  if (authors.notLookedUp > 0)
    lines.push(`(${authors.notLookedUp} more resource(s) not looked up)`);
  return [
    "### Who changed it",
    "",
    `The latest completed writes to each resource this check would change, from the Azure Activity Log (${authors.from.toISOString().slice(0, 10)} to ${authors.to.toISOString().slice(0, 10)}), newest first:`,
    "",
    fence(lines, "text"),
    ""
  ].join("\n");
}

// src/engine/plan/narrowing-only.ts
function egressOfErrorVaults(full, errorVaults) {
  const subnets = /* @__PURE__ */ new Set();
  for (const vault of full.vaults) {
    if (!errorVaults.has(vault.name)) continue;
    for (const entry of vault.before.unknown)
      if (entry.path.kind === "switching-subnets-egress")
        for (const subnetId of entry.path.subnetIds) subnets.add(key(subnetId));
  }
  return subnets;
}
function firstReason(step, options, errorVaults, everyVaultErrs, errorEgress = /* @__PURE__ */ new Set()) {
  const errorBystander = step.bystanders !== void 0 && errorEgress.has(key(step.resourceId));
  if (everyVaultErrs || errorBystander || touchedVaults(step).some((vault) => errorVaults.has(vault)))
    return "vault-has-errors";
  if (step.flags.blocked) return "blocked";
  if (step.flags.lockout) return "lockout";
  if (step.effects.some((effect) => effect.gained.length > 0)) return "widens";
  if (step.impact !== "narrows") return "no-access-change";
  if (step.flags.destructive && !options.allowDestructive) return "destructive";
  return void 0;
}
function closeOverDependencies(kept, skipped) {
  let current = kept;
  for (; ; ) {
    const ids = new Set(current.map((step) => step.id));
    const next = [];
    for (const step of current) {
      const missing = step.dependsOn.find((id) => !ids.has(id));
      if (missing === void 0) next.push(step);
      else skipped.set(step.id, { step, reason: "depends-on-skipped", on: missing });
    }
    if (next.length === current.length) return next;
    current = next;
  }
}
function selectNarrowing(desired, snapshot, options, full = buildPlan(desired, snapshot)) {
  const errorFindings = full.findings.filter((finding) => finding.level === "error");
  const errorVaults = new Set(errorFindings.flatMap((finding) => finding.vault ?? []));
  const everyVaultErrs = full.readErrors.length > 0 || errorFindings.some((finding) => finding.vault === void 0);
  const errorEgress = egressOfErrorVaults(full, errorVaults);
  const skipped = /* @__PURE__ */ new Map();
  let kept = [];
  for (const step of full.steps) {
    const reason = firstReason(step, options, errorVaults, everyVaultErrs, errorEgress);
    if (reason) skipped.set(step.id, { step, reason });
    else kept.push(step);
  }
  kept = closeOverDependencies(kept, skipped);
  const lookup = new LiveLookup(snapshot);
  const present = desired.vaults.filter((vault) => lookup.vault(vault.id).status === "ok");
  let simulation = simulate(kept, liveWorld(desired, lookup, /* @__PURE__ */ new Set()), present);
  for (; ; ) {
    const bad = simulation.steps.filter(
      (step) => firstReason(step, options, errorVaults, everyVaultErrs) !== void 0
    );
    if (bad.length === 0) break;
    for (const step of bad) {
      const reason = firstReason(step, options, errorVaults, everyVaultErrs) ?? "widens";
      skipped.set(step.id, { step, reason });
    }
    const badIds = new Set(bad.map((step) => step.id));
    kept = closeOverDependencies(
      kept.filter((step) => !badIds.has(step.id)),
      skipped
    );
    simulation = simulate(kept, liveWorld(desired, lookup, /* @__PURE__ */ new Set()), present);
  }
  const steps = simulation.steps;
  const vaultPlans = [];
  for (const vaultPlan of full.vaults) {
    const mine = stepsTouching(steps, vaultPlan.name);
    if (mine.length === 0) continue;
    const vaultKey = key(vaultPlan.id);
    const before = simulation.before.get(vaultKey) ?? vaultPlan.before;
    const after = simulation.after.get(vaultKey) ?? before;
    const net = diffAccess(before, after);
    const inPlace = mine.filter((step) => step.action === "update" || step.action === "replace").flatMap((step) => step.changes);
    vaultPlans.push({
      ...vaultPlan,
      before,
      after,
      net,
      impact: impactOf([net]),
      adds: inPlace.filter((change) => change.op === "add").length,
      changes: inPlace.filter((change) => change.op === "set").length,
      removals: mine.filter((step) => step.action === "delete").length + inPlace.filter((change) => change.op === "remove").length
    });
  }
  const fixed = vaultPlans.map((vault) => vault.name);
  const leftOut = [...skipped.values()];
  const partlyFixed = fixed.filter(
    (name) => leftOut.some((entry) => touchedVaults(entry.step).includes(name))
  );
  const plan = {
    schemaVersion: full.schemaVersion,
    outcome: steps.length > 0 ? "changes" : "no-changes",
    fingerprint: fingerprint(steps, { narrowingOnlyOf: full.fingerprint }),
    vaults: vaultPlans,
    steps,
    findings: [],
    readErrors: []
  };
  return {
    plan,
    full,
    skipped: full.steps.flatMap((step) => skipped.get(step.id) ?? []),
    vaultsWithErrors: [
      .../* @__PURE__ */ new Set([
        ...everyVaultErrs ? full.vaults.map((vault) => vault.name) : [],
        ...errorVaults
      ])
    ],
    fixed,
    partlyFixed
  };
}
function narrowingOnlyPlanner(options, record) {
  return async (desired, reader, reads) => {
    const snapshot = await readLiveState(
      desired,
      reader,
      options.concurrency ?? DEFAULT_READ_CONCURRENCY,
      reads
    );
    const selection = selectNarrowing(desired, snapshot, options);
    record?.(selection);
    return selection.plan;
  };
}

// src/action/drift-fix.ts
var WHY = {
  widens: "it widens access",
  "no-access-change": "it changes nobody’s access",
  destructive: "it is destructive (allow-destructive is false)",
  blocked: "it is blocked in the plan",
  lockout: "it would lock the vault out",
  "depends-on-skipped": "it waits on a step that is left out",
  "vault-has-errors": "a vault it touches has errors in the plan"
};
async function runDriftFix(ctx, desired, clients) {
  let selection;
  const reader = new SdkAzureReader(clients);
  const report = await applyPlan(desired, reader, new SdkAzureWriter(clients), {
    allowDestructive: ctx.inputs.allowDestructive,
    maxParallel: ctx.inputs.maxParallel,
    planner: narrowingOnlyPlanner(
      { allowDestructive: ctx.inputs.allowDestructive, concurrency: ctx.inputs.maxParallel },
      (seen) => selection ??= seen
    )
  });
  logUntrustedBlock(
    [`kvnet drift fix (narrowing only): ${report.outcome}`, ...applyResultLines(report)].join("\n")
  );
  const applied = report.results.filter((result) => result.status === "done").length;
  setOutput("drift-fixed", String(applied));
  return { report, selection };
}
function driftFixSection(result) {
  const { report, selection } = result;
  const lines = [];
  const done = report.results.filter((entry) => entry.status === "done");
  if (report.outcome === "no-changes")
    lines.push("nothing to narrow: no step only takes access away");
  else lines.push(`outcome: ${report.outcome}`, ...report.messages);
  for (const entry of done) lines.push(`reverted: ${stepTitle(entry.step)}`);
  for (const entry of report.results.filter((item) => item.status !== "done"))
    lines.push(
      `${entry.status}: ${stepTitle(entry.step)}${entry.message ? `: ${entry.message}` : entry.reason ? `: ${entry.reason}` : ""}`
    );
  for (const skipped of selection?.skipped ?? [])
    lines.push(`left for a pull request: ${stepTitle(skipped.step)} (${WHY[skipped.reason]})`);
  if (selection && selection.vaultsWithErrors.length > 0)
    lines.push(`not touched (errors in the plan): ${selection.vaultsWithErrors.join(", ")}`);
  if (selection && selection.partlyFixed.length > 0)
    lines.push(`partly fixed (their other steps are left): ${selection.partlyFixed.join(", ")}`);
  return [
    "### Drift fix (narrowing only)",
    "",
    "kvnet applied the steps that only take access away (expired rules, out-of-band widening) and none that gives any; what is left below needs a pull request.",
    "",
    fence(lines, "text"),
    ""
  ].join("\n");
}

// src/action/drift-route.ts
async function driftRoute(ctx) {
  const auth = chooseAuth(ctx.inputs, ctx.env, ctx.oidc);
  const fixing = ctx.inputs.driftFix === "narrowing-only";
  const early = auth.ok ? new ActionEarlyReads(ctx.inputs, auth, ctx.event, ctx.oidc, { readOnly: !fixing }) : void 0;
  const specs = await loadSpecSet(ctx.inputs, ctx.env, early?.onFileParsed);
  if (!specs.valid || !specs.desired) {
    early?.abandon();
    setOutcome("invalid");
    setFailed("the spec set is invalid, so drift cannot be checked: see the annotations");
    return;
  }
  if (!auth.ok) {
    setOutcome("validate-only");
    setFailed(`the drift check needs Azure access: ${auth.reason}`);
    return;
  }
  const reading = early ?? new ActionEarlyReads(ctx.inputs, auth, ctx.event, ctx.oidc, { readOnly: !fixing });
  const { clients, reader, reads } = await reading.forSet(specs.clouds);
  const found = await makePlan(specs.desired, reader, {
    concurrency: ctx.inputs.maxParallel,
    reads
  });
  if (connectionFailed(clients, ctx.env)) return;
  let plan = found;
  let extra = "";
  if (found.outcome === "changes") {
    const authors = await readDriftAuthors(
      found,
      new SdkActivityLogReader(clients),
      /* @__PURE__ */ new Date(),
      ctx.inputs.maxParallel
    );
    extra += driftAuthorsSection(authors);
    if (fixing) {
      const fix = await runDriftFix(ctx, specs.desired, clients);
      extra += driftFixSection(fix);
      if (!["applied", "no-changes"].includes(fix.report.outcome))
        setFailed(`kvnet drift fix ${fix.report.outcome}: see the drift issue`);
      plan = await makePlan(specs.desired, new SdkAzureReader(clients), {
        concurrency: ctx.inputs.maxParallel
      });
    }
  }
  await publishPlan(ctx, plan);
  if (extra) await writeSummary(extra);
  await markStaleComments(ctx, plan);
  const marker = driftMarker(ctx.inputs.specSetId);
  if (plan.outcome === "error") {
    setFailed("the drift check could not read live state: the drift issue was left as it is");
    return;
  }
  if (plan.outcome === "changes") {
    const issue = await openOrUpdateDriftIssue(
      ctx.github(),
      ctx.repo,
      marker,
      "kvnet: Key Vault network state departs from the spec",
      driftIssueBody(plan, ctx.inputs.specSetId, ctx.event.runUrl, extra)
    );
    warning(`drift found: issue #${issue.number} ${issue.action} (${issue.url})`);
    return;
  }
  let open = await findOpenDriftIssue(ctx.github(), ctx.repo, marker);
  let closing = driftClosedComment(ctx.event.runUrl) + (extra ? `

${extra}` : "");
  if (!open && found.outcome === "changes") {
    const issue = await openOrUpdateDriftIssue(
      ctx.github(),
      ctx.repo,
      marker,
      "kvnet: Key Vault network state departs from the spec",
      driftIssueBody(found, ctx.inputs.specSetId, ctx.event.runUrl, extra)
    );
    open = issue;
    closing = driftClosedComment(ctx.event.runUrl);
    info(`drift found and fixed: issue #${issue.number}`);
  }
  if (open) {
    await closeDriftIssue(ctx.github(), ctx.repo, open, closing);
    info(`no drift: closed issue #${open.number}`);
  } else {
    info("no drift: live state matches the spec");
  }
}
function connectionFailed(clients, env) {
  try {
    throwIfConnectionFailed(clients, env);
    return false;
  } catch (error) {
    if (!(error instanceof ConnectionFailedError)) throw error;
    setOutcome("error");
    logUntrusted(error.message);
    setFailed(
      "kvnet could not connect to Azure, so drift was not checked: the drift issue was left as it is"
    );
    return true;
  }
}
export {
  driftRoute
};
