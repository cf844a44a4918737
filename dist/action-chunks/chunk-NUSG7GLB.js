import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  SdkAzureWriter
} from "./chunk-F4FE6MQP.js";
import {
  applyPlan
} from "./chunk-LDGXQMOE.js";
import {
  DEFAULT_READ_CONCURRENCY,
  LiveLookup,
  SdkAzureReader,
  applyResultLines,
  buildPlan,
  fence,
  fingerprint,
  liveWorld,
  readLiveState,
  simulate,
  stepsTouching,
  touchedVaults
} from "./chunk-Q4XHWTJS.js";
import {
  logUntrustedBlock
} from "./chunk-ENMDWJTH.js";
import {
  diffAccess,
  impactOf,
  key,
  stepTitle
} from "./chunk-B6SJDPMF.js";
import {
  setOutput
} from "./chunk-OR57H7DE.js";

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
var DRIFT_FIX_MODES = ["off", "narrowing-only"];
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

export {
  DRIFT_FIX_MODES,
  runDriftFix,
  driftFixSection
};
