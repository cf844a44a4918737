import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  LiveLookup,
  MANAGED_BY_TAG,
  MANAGED_BY_VALUE,
  applyStep,
  canonicalJson,
  changeSet,
  isSucceeded,
  liveWorld,
  makePlan,
  networkOfPayload,
  readLiveState,
  stepsTouching,
  touchedVaults,
  virtualNetworkOf
} from "./chunk-ZD3AUL2G.js";
import {
  BoundedRunner
} from "./chunk-J6YZOXJI.js";
import {
  Coverage,
  accessOf,
  changeLine,
  findingLine,
  key,
  noteText,
  parseResourceId,
  pathText,
  readErrorLines,
  resourceIdKey,
  sameNetwork
} from "./chunk-Y654CXHV.js";
import {
  singleLine
} from "./chunk-QTB6K6WF.js";

// src/engine/apply/plan-drift.ts
var changeKey = (change) => canonicalJson(change);
var FIELDS = ["action", "payload", "flags", "dependsOn"];
function planDifferences(reviewed, fresh) {
  const reviewedSteps = new Map(reviewed.steps.map((step) => [step.id, step]));
  const freshSteps = new Map(fresh.steps.map((step) => [step.id, step]));
  const moved = [];
  for (const [id, step] of freshSteps) {
    const before = reviewedSteps.get(id);
    if (!before) {
      moved.push({ kind: "new-step", step });
      continue;
    }
    const was = new Map(before.changes.map((change) => [changeKey(change), change]));
    const now = new Map(step.changes.map((change) => [changeKey(change), change]));
    const added = [...now].filter(([changeId]) => !was.has(changeId));
    const gone = [...was].filter(([changeId]) => !now.has(changeId));
    for (const [, change] of added) moved.push({ kind: "change-added", step, change });
    for (const [, change] of gone) moved.push({ kind: "change-gone", step, change });
    const fields = FIELDS.filter(
      (field) => canonicalJson(before[field]) !== canonicalJson(step[field])
    );
    if (fields.length > 0 && added.length + gone.length === 0)
      moved.push({ kind: "step-differs", step, fields });
  }
  for (const [id, step] of reviewedSteps)
    if (!freshSteps.has(id)) moved.push({ kind: "step-gone", step });
  if (moved.length === 0) moved.push({ kind: "basis-moved" });
  return moved;
}

// src/engine/render/plan-drift.ts
function describe(step) {
  return `${step.action} ${step.kind} ${step.resourceName}`;
}
var oneLine = (text) => singleLine(text).replace(/\s+/g, " ");
function differenceText(difference) {
  switch (difference.kind) {
    case "new-step":
      return `new since review: ${describe(difference.step)} (${difference.step.changes.map((change) => oneLine(changeLine(change))).join("; ")})`;
    case "step-gone":
      return `reviewed but no longer needed: ${describe(difference.step)}`;
    case "change-added":
      return `${describe(difference.step)}: now ${oneLine(changeLine(difference.change))}`;
    case "change-gone":
      return `${describe(difference.step)}: no longer ${oneLine(changeLine(difference.change))}`;
    case "step-differs":
      return `${describe(difference.step)}: its ${difference.fields.join(", ")} changed`;
    case "basis-moved":
      return "the live state the plan was computed against changed (same steps, different starting point)";
  }
}

// src/engine/apply/reviewed-basis.ts
var stepsOf = (plan, vault) => stepsTouching(plan.steps, vault);
function announcedExpiries(plan, vault) {
  const announced = [];
  const fromFinding = (finding) => finding.rule === "ip/expires-soon" && finding.vault === vault && typeof finding.params.cidr === "string" && typeof finding.params.expires === "string" ? [{ cidr: finding.params.cidr, expires: finding.params.expires }] : [];
  announced.push(...plan.findings.flatMap(fromFinding));
  for (const step of stepsOf(plan, vault))
    for (const change of step.changes) {
      const expires = change.reason?.params.expires;
      const cidr = change.after ?? change.before;
      if (change.property === "networkAcls.ipRules" && typeof expires === "string" && expires)
        announced.push({ cidr: String(cidr), expires });
    }
  return announced;
}
function expiredSinceReview(reviewed, vault, expiredNow) {
  const now = expiredNow.get(vault);
  if (!now) return /* @__PURE__ */ new Set();
  return new Set(
    announcedExpiries(reviewed, vault).filter((entry) => now.get(entry.cidr) === entry.expires).map((entry) => entry.cidr)
  );
}
var aboutCidr = (change, cidrs) => change.property === "networkAcls.ipRules" && cidrs.has(String(change.op === "remove" ? change.before : change.after));
function withoutCidrs(steps, cidrs) {
  if (cidrs.size === 0) return [...steps];
  return steps.flatMap((step) => {
    const changes = step.changes.filter((change) => !aboutCidr(change, cidrs));
    if (changes.length === 0 && step.changes.length > 0) return [];
    const payload = step.payload.kind === "vault" ? {
      ...step.payload,
      network: {
        ...step.payload.network,
        networkAcls: {
          ...step.payload.network.networkAcls,
          ipRules: step.payload.network.networkAcls.ipRules.filter(
            (cidr) => !cidrs.has(cidr)
          )
        }
      }
    } : step.payload;
    return [{ ...step, changes, payload }];
  });
}
var sameSteps = (a, b) => canonicalJson(changeSet(a)) === canonicalJson(changeSet(b));
function movedResources(reviewed, fresh, vault) {
  const was = reviewed.basis?.vaults[vault];
  const now = fresh.basis?.vaults[vault];
  if (!was || !now || !reviewed.basis || !fresh.basis) return void 0;
  const moved = was.resources.filter((resource) => {
    const before = reviewed.basis?.resources[resource];
    const after = fresh.basis?.resources[resource];
    return before !== void 0 && after !== void 0 && before !== after;
  });
  const vaultKey = was.resources[0];
  if (vaultKey === void 0 || fresh.basis.resources[vaultKey] === void 0)
    return [vaultKey ?? vault];
  return moved;
}
function matchVault(reviewed, fresh, vault, expiredNow) {
  const plan = reviewed.plan;
  if (!plan?.basis || !fresh.basis)
    return {
      ok: false,
      weight: 0,
      reasons: [
        `${reviewed.label}: its reviewed plan is not available per vault (only its fingerprint ${reviewed.fingerprint}), and the whole plan moved`
      ]
    };
  const had = plan.basis.vaults[vault];
  const freshSteps = stepsOf(fresh, vault);
  const reviewedSteps = stepsOf(plan, vault);
  if (!had)
    return {
      ok: false,
      weight: 0,
      reasons: [`${reviewed.label} did not plan this vault`]
    };
  if (had.fingerprint === fresh.basis.vaults[vault]?.fingerprint)
    return { ok: true, expired: [], rerun: false };
  const expired = expiredSinceReview(plan, vault, expiredNow);
  const moved = movedResources(plan, fresh, vault) ?? [];
  if (sameSteps(withoutCidrs(reviewedSteps, expired), withoutCidrs(freshSteps, expired))) {
    if (moved.length === 0) return { ok: true, expired: [...expired], rerun: false };
  }
  if (reviewed.applyRan) {
    const was = new Map(reviewedSteps.map((step) => [step.id, step]));
    const within = freshSteps.every((step) => {
      const before = was.get(step.id);
      const changes = new Set(before?.changes.map((change) => canonicalJson(change)) ?? []);
      return before && step.changes.every((change) => changes.has(canonicalJson(change)));
    });
    if (within) return { ok: true, expired: [], rerun: true };
  }
  const differences = planDifferences(
    { ...plan, steps: withoutCidrs(reviewedSteps, expired) },
    { ...fresh, steps: withoutCidrs(freshSteps, expired) }
  ).filter((difference) => difference.kind !== "basis-moved");
  const names = moved.map(
    (resource) => fresh.basis?.names[resource] ?? plan.basis?.names[resource] ?? resource
  );
  const reasons = [
    ...differences.map((difference) => `${reviewed.label}: ${differenceText(difference)}`),
    ...names.length > 0 ? [
      `${reviewed.label}: the live state it was planned against changed since review (${names.join(", ")})`
    ] : []
  ];
  return {
    ok: false,
    weight: reviewedSteps.length > 0 ? 2 : 1,
    reasons: reasons.length > 0 ? reasons : [`${reviewed.label}: the vault's part of the plan moved since review`]
  };
}
function judgeReviewed(fresh, reviewed, expiredNow = /* @__PURE__ */ new Map()) {
  const withSteps = [...new Set(fresh.steps.flatMap(touchedVaults))];
  const exact = reviewed.find((candidate) => candidate.fingerprint === fresh.fingerprint);
  if (exact)
    return {
      accepted: new Map(withSteps.map((vault) => [vault, exact.label])),
      refused: [],
      notes: []
    };
  const accepted = /* @__PURE__ */ new Map();
  const refused = /* @__PURE__ */ new Map();
  const notes = [];
  for (const vault of withSteps) {
    const failures = [];
    let covered = false;
    for (const candidate of reviewed) {
      const match = matchVault(candidate, fresh, vault, expiredNow);
      if (match.ok) {
        accepted.set(vault, candidate.label);
        for (const cidr of match.expired)
          notes.push(
            `vault ${vault}: the IP rule ${cidr} expired as ${candidate.label} announced; its removal is applied`
          );
        if (match.rerun)
          notes.push(
            `vault ${vault}: an earlier apply of ${candidate.label} ran; the step(s) left are all part of the reviewed plan, so they are applied`
          );
        covered = true;
        break;
      }
      failures.push(match);
    }
    if (covered) continue;
    const best = Math.max(0, ...failures.map((failure) => failure.weight));
    const reasons = failures.filter((failure) => failure.weight === best).flatMap((failure) => failure.reasons);
    refused.set(
      vault,
      reviewed.length === 0 ? ["no reviewed plan was found for it"] : best === 0 ? [
        `none of the reviewed plans (${reviewed.map((candidate) => candidate.label).join(", ")}) planned a change to it`,
        ...reasons.filter((reason) => reason.includes("not available per vault"))
      ] : reasons
    );
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const step of fresh.steps) {
      const vaults = touchedVaults(step);
      const refusedOne = vaults.find((vault) => refused.has(vault));
      if (!refusedOne) continue;
      for (const vault of vaults) {
        if (refused.has(vault)) continue;
        accepted.delete(vault);
        refused.set(vault, [
          `it shares the step "${step.action} ${step.kind} ${step.resourceName}" with vault ${refusedOne}, which is refused; a refused vault is never half-applied through a shared step`
        ]);
        changed = true;
      }
    }
  }
  return {
    accepted,
    refused: [...refused].map(([vault, reasons]) => ({ vault, reasons })),
    notes
  };
}
function acceptedSteps(plan, judgement) {
  return plan.steps.filter(
    (step) => touchedVaults(step).every((vault) => judgement.accepted.has(vault))
  );
}
function refusalLines(judgement) {
  return judgement.refused.flatMap((refusal) => [
    `vault ${refusal.vault}: refused, nothing written to it. What moved:`,
    ...refusal.reasons.map((reason) => `  - ${reason}`)
  ]);
}

// src/engine/plan/preconditions.ts
async function checkPreconditions(step, desired, reader) {
  if (step.requires.length === 0) return { ok: true };
  const names = new Set(step.requires.map((requirement) => requirement.vault));
  const vaults = desired.vaults.filter((vault) => names.has(vault.name));
  const lookup = new LiveLookup(await readLiveState({ vaults }, reader));
  if (lookup.failures().length > 0) return { ok: false, unreadable: true };
  const world = liveWorld({ vaults }, lookup, /* @__PURE__ */ new Set());
  applyStep(world, step);
  const missing = step.requires.flatMap((requirement) => {
    const vault = vaults.find((candidate) => candidate.name === requirement.vault);
    if (!vault) return [];
    const coverage = new Coverage(accessOf(world, key(vault.id)));
    const paths = requirement.paths.filter((path) => !coverage.covers(path));
    return paths.length > 0 ? [{ vault: vault.name, paths }] : [];
  });
  return missing.length > 0 ? { ok: false, unreadable: false, missing } : { ok: true };
}

// src/engine/apply/write-failure.ts
var WriteFailure = class extends Error {
  constructor(resourceId, message, code, httpStatus, retryAfterSeconds) {
    super(message);
    this.resourceId = resourceId;
    this.code = code;
    this.httpStatus = httpStatus;
    this.retryAfterSeconds = retryAfterSeconds;
  }
  resourceId;
  code;
  httpStatus;
  retryAfterSeconds;
};

// src/engine/apply/execute-step.ts
function verificationFailed(resourceId, message) {
  return new WriteFailure(resourceId, message, "VerificationFailed");
}
async function requireOk(resourceId, read) {
  const outcome = await read;
  if (outcome.status === "error")
    throw new WriteFailure(
      resourceId,
      `read-back failed: ${outcome.error.message}`,
      "ReadBackFailed"
    );
  return outcome.status === "ok" ? outcome.value : void 0;
}
async function connectionNameFor(reader, vaultId, privateEndpointId) {
  const vault = await requireOk(vaultId, reader.getVault(vaultId));
  const connection = vault?.connections.find(
    (candidate) => resourceIdKey(candidate.privateEndpointId) === resourceIdKey(privateEndpointId)
  );
  if (!connection) {
    throw new WriteFailure(
      vaultId,
      `the vault has no connection from ${privateEndpointId} yet`,
      "RetryableError"
    );
  }
  return connection.name;
}
async function executeStep(step, writer, reader) {
  const payload = step.payload;
  switch (payload.kind) {
    case "vault":
      return writer.patchVaultNetwork(step.resourceId, payload.network);
    case "subnet":
      await writer.addSubnetServiceEndpoint(step.resourceId, payload.addServiceEndpoint);
      return writer.waitUntilNetworkSettled(step.resourceId);
    case "privateEndpoint": {
      if (step.action === "delete" || step.action === "replace") {
        await writer.deletePrivateEndpoint(step.resourceId);
        await writer.waitUntilNetworkSettled(payload.subnetId);
      }
      if (step.action === "delete") return;
      if (!payload.location) {
        throw new WriteFailure(
          step.resourceId,
          "the endpoint has no location: set privateEndpoints[].location or defaults.location",
          "MissingLocation"
        );
      }
      await writer.createPrivateEndpoint(step.resourceId, {
        location: payload.location,
        subnetId: payload.subnetId,
        vaultId: payload.vaultId,
        connectionName: payload.connectionName,
        manualApproval: payload.manualApproval,
        requestMessage: payload.requestMessage,
        tags: { [MANAGED_BY_TAG]: MANAGED_BY_VALUE }
      });
      return writer.waitUntilNetworkSettled(payload.subnetId);
    }
    // `update` re-drives a zone or link whose creation did not end Succeeded.
    case "dnsZone":
      return step.action === "update" ? writer.redriveDnsZone(step.resourceId) : writer.createDnsZone(step.resourceId);
    case "virtualNetworkLink":
      return step.action === "update" ? writer.redriveVirtualNetworkLink(step.resourceId) : writer.createVirtualNetworkLink(step.resourceId, payload.virtualNetworkId);
    case "zoneGroup":
      return writer.putZoneGroup(step.resourceId, payload.zoneIds);
    case "connection": {
      const name = payload.connectionName ?? await connectionNameFor(reader, payload.vaultId, payload.privateEndpointId);
      const description = payload.status === "Approved" ? "Approved by kvnet: declared in the spec" : "Rejected by kvnet: not declared in the spec";
      return writer.setConnectionStatus(payload.vaultId, name, payload.status, description);
    }
  }
}
async function verifyStep(step, reader) {
  const payload = step.payload;
  switch (payload.kind) {
    case "vault": {
      const vault = await requireOk(step.resourceId, reader.getVault(step.resourceId));
      if (!vault) throw verificationFailed(step.resourceId, "the vault is gone");
      if (!sameNetwork(vault.network, networkOfPayload(payload.network))) {
        throw verificationFailed(
          step.resourceId,
          "read-back differs from what was written: another change reached the vault at the same time; re-run plan and review again"
        );
      }
      return;
    }
    case "subnet": {
      const vnet = await requireOk(
        step.resourceId,
        reader.getVirtualNetwork(virtualNetworkOf(step.resourceId))
      );
      const subnet = vnet?.subnets.find(
        (candidate) => resourceIdKey(candidate.id) === resourceIdKey(step.resourceId)
      );
      if (!subnet?.serviceEndpoints.some(
        (service) => service.toLowerCase() === payload.addServiceEndpoint.toLowerCase()
      )) {
        throw verificationFailed(
          step.resourceId,
          `the subnet does not list ${payload.addServiceEndpoint} after the write`
        );
      }
      return;
    }
    case "privateEndpoint": {
      const found = await requireOk(step.resourceId, reader.getPrivateEndpoint(step.resourceId));
      if (step.action === "delete") {
        if (found)
          throw verificationFailed(
            step.resourceId,
            "the private endpoint still exists after deletion"
          );
        return;
      }
      const connected = found?.connections.some(
        (connection) => resourceIdKey(connection.targetId) === resourceIdKey(payload.vaultId)
      );
      if (!connected)
        throw verificationFailed(
          step.resourceId,
          "the private endpoint does not connect to the vault after the write"
        );
      return;
    }
    case "dnsZone": {
      const zone = await requireOk(step.resourceId, reader.getDnsZone(step.resourceId));
      if (!zone)
        throw verificationFailed(step.resourceId, "the zone does not exist after the write");
      if (!isSucceeded(zone.provisioningState))
        throw verificationFailed(
          step.resourceId,
          `the zone is ${zone.provisioningState ?? ""} after the write, not Succeeded`
        );
      return;
    }
    case "virtualNetworkLink": {
      const zoneId = step.resourceId.replace(/\/virtualNetworkLinks\/[^/]+$/i, "");
      const links = await requireOk(step.resourceId, reader.listVirtualNetworkLinks(zoneId)) ?? [];
      if (!links.some(
        (link) => resourceIdKey(link.virtualNetworkId) === resourceIdKey(payload.virtualNetworkId) && isSucceeded(link.provisioningState)
      )) {
        throw verificationFailed(
          step.resourceId,
          "the zone has no link to the virtual network after the write"
        );
      }
      return;
    }
    case "zoneGroup": {
      const group = await requireOk(step.resourceId, reader.getZoneGroup(step.resourceId));
      const zones = new Set(group?.zoneIds.map(resourceIdKey));
      if (!group || !payload.zoneIds.every((zone) => zones.has(resourceIdKey(zone)))) {
        throw verificationFailed(
          step.resourceId,
          "the zone group does not point at the zone after the write"
        );
      }
      return;
    }
    case "connection": {
      const vault = await requireOk(payload.vaultId, reader.getVault(payload.vaultId));
      const connection = vault?.connections.find(
        (candidate) => resourceIdKey(candidate.privateEndpointId) === resourceIdKey(payload.privateEndpointId)
      );
      if (connection?.status !== payload.status) {
        throw verificationFailed(
          step.resourceId,
          `the connection is ${connection?.status ?? "gone"}, not ${payload.status}, after the write`
        );
      }
      return;
    }
  }
}

// src/engine/apply/pacer.ts
var DEFAULT_WRITES_PER_SECOND_PER_SUBSCRIPTION = 8;
var WritePacer = class {
  /** `perSecond` 0 (or not finite) turns pacing off. */
  constructor(perSecond, clock) {
    this.clock = clock;
    if (!(perSecond >= 0)) throw new Error(`writes per second must be ≥ 0, not ${perSecond}`);
    this.intervalMs = perSecond > 0 && Number.isFinite(perSecond) ? 1e3 / perSecond : 0;
  }
  clock;
  /** Per key: the earliest time the next write may start. */
  nextStart = /* @__PURE__ */ new Map();
  intervalMs;
  /** Resolves when a write under `key` may start; reserves that moment at once. */
  async acquire(key2) {
    if (this.intervalMs === 0) return;
    const now = this.clock.now();
    const start = Math.max(now, this.nextStart.get(key2) ?? now);
    this.nextStart.set(key2, start + this.intervalMs);
    if (start > now) await this.clock.sleep(start - now);
  }
};
function subscriptionKey(resourceId) {
  const parsed = parseResourceId(resourceId);
  return parsed.ok ? parsed.id.subscription.toLowerCase() : resourceId.toLowerCase();
}
function pacedWriter(writer, pacer) {
  const paced = (write) => async (...args) => {
    await pacer.acquire(subscriptionKey(args[0]));
    return write(...args);
  };
  return {
    patchVaultNetwork: paced(
      (id, network) => writer.patchVaultNetwork(id, network)
    ),
    addSubnetServiceEndpoint: paced(
      (id, service) => writer.addSubnetServiceEndpoint(id, service)
    ),
    waitUntilNetworkSettled: (subnetId) => writer.waitUntilNetworkSettled(subnetId),
    createPrivateEndpoint: paced(
      (id, endpoint) => writer.createPrivateEndpoint(id, endpoint)
    ),
    deletePrivateEndpoint: paced((id) => writer.deletePrivateEndpoint(id)),
    createDnsZone: paced((id) => writer.createDnsZone(id)),
    createVirtualNetworkLink: paced(
      (id, virtualNetworkId) => writer.createVirtualNetworkLink(id, virtualNetworkId)
    ),
    redriveDnsZone: paced((id) => writer.redriveDnsZone(id)),
    redriveVirtualNetworkLink: paced((id) => writer.redriveVirtualNetworkLink(id)),
    putZoneGroup: paced(
      (id, zoneIds) => writer.putZoneGroup(id, zoneIds)
    ),
    setConnectionStatus: paced(
      (id, name, status, description) => writer.setConnectionStatus(id, name, status, description)
    )
  };
}

// src/engine/apply/retry.ts
var DEFAULT_MAX_WAIT_MS = 12e4;
var DEFAULT_BACKOFF_BASE_MS = 2e3;
var MAX_ATTEMPTS = 6;
var RETRYABLE_CODES = new Set(
  [
    "AnotherOperationInProgress",
    "RetryableErrorDueToAnotherOperation",
    "RetryableError",
    "ReferencedResourceNotProvisioned",
    "CanceledAndSupersededDueToAnotherOperation",
    "SubscriptionRequestsThrottled",
    "TooManyRequests",
    "InternalServerError",
    "ServiceUnavailable",
    "GatewayTimeout",
    "ECONNRESET",
    "ETIMEDOUT",
    "ECONNREFUSED",
    "EPIPE",
    "REQUEST_SEND_ERROR"
  ].map((code) => code.toLowerCase())
);
function isRetryable(failure) {
  if (failure.httpStatus === 429 || failure.httpStatus !== void 0 && failure.httpStatus >= 500)
    return true;
  return failure.code !== void 0 && RETRYABLE_CODES.has(failure.code.toLowerCase());
}
var realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function asWriteFailure(error, resourceId) {
  if (error instanceof WriteFailure) return error;
  return new WriteFailure(
    resourceId,
    error instanceof Error ? error.message : String(error),
    "UnexpectedError"
  );
}
async function withRetries(resourceId, settings, attempt) {
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return { value: await attempt(attemptNumber), attempts: attemptNumber };
    } catch (error) {
      const failure = asWriteFailure(error, resourceId);
      if (!isRetryable(failure) || attemptNumber >= MAX_ATTEMPTS) {
        if (isRetryable(failure)) {
          throw new WriteFailure(
            resourceId,
            `still failing after ${attemptNumber} attempts: ${failure.message}; re-run the apply later`,
            failure.code,
            failure.httpStatus
          );
        }
        throw failure;
      }
      const askedMs = failure.retryAfterSeconds !== void 0 ? failure.retryAfterSeconds * 1e3 : void 0;
      if (askedMs !== void 0 && askedMs > settings.maxWaitMs) {
        throw new WriteFailure(
          resourceId,
          `Azure asked to wait ${Math.round(askedMs / 1e3)} s before retrying (${failure.code ?? failure.httpStatus ?? "throttled"}), longer than the ${Math.round(settings.maxWaitMs / 1e3)} s kvnet waits at once: re-run the apply later`,
          failure.code,
          failure.httpStatus
        );
      }
      const backoffMs = settings.backoffBaseMs * 2 ** (attemptNumber - 1);
      const waitMs = Math.min(
        askedMs === void 0 || askedMs === 0 ? backoffMs : askedMs,
        settings.maxWaitMs
      );
      settings.onWait?.(
        waitMs,
        `${failure.code ?? failure.httpStatus ?? "error"}: ${failure.message}`
      );
      await settings.sleep(waitMs);
    }
  }
}

// src/engine/apply/run-apply.ts
var KeyedMutex = class {
  tails = /* @__PURE__ */ new Map();
  async run(key2, task) {
    if (key2 === void 0) return task();
    const previous = this.tails.get(key2) ?? Promise.resolve();
    let release;
    const current = new Promise((resolve) => release = resolve);
    this.tails.set(
      key2,
      previous.then(() => current)
    );
    await previous;
    try {
      return await task();
    } finally {
      release();
    }
  }
};
function virtualNetworkLock(step, endpointSubnets) {
  if (step.payload.kind === "subnet") return resourceIdKey(virtualNetworkOf(step.resourceId));
  if (step.payload.kind === "privateEndpoint")
    return resourceIdKey(virtualNetworkOf(step.payload.subnetId));
  if (step.payload.kind === "zoneGroup") {
    const subnet = endpointSubnets.get(resourceIdKey(step.payload.privateEndpointId));
    return subnet === void 0 ? void 0 : resourceIdKey(virtualNetworkOf(subnet));
  }
  return void 0;
}
function endpointSubnetsOf(desired, plan) {
  const subnets = /* @__PURE__ */ new Map();
  for (const vault of desired.vaults)
    for (const endpoint of vault.privateEndpoints)
      subnets.set(resourceIdKey(endpoint.id), endpoint.subnetId);
  for (const step of plan.steps)
    if (step.payload.kind === "privateEndpoint")
      subnets.set(resourceIdKey(step.resourceId), step.payload.subnetId);
  return subnets;
}
function refuse(plan, messages) {
  return {
    outcome: "refused",
    messages,
    plan,
    results: plan.steps.map((step) => ({
      step,
      status: "not-started",
      reason: "the apply was refused",
      attempts: 0
    }))
  };
}
function reviewedPlansOf(options) {
  if (options.reviewed) return [...options.reviewed];
  const fingerprint = options.reviewedFingerprint ?? options.reviewedPlan?.fingerprint;
  if (fingerprint === void 0) return void 0;
  const plan = options.reviewedPlan?.fingerprint === fingerprint ? options.reviewedPlan : void 0;
  return [{ label: "the reviewed plan", fingerprint, plan }];
}
function expiredRulesOf(desired) {
  return new Map(
    (desired?.vaults ?? []).map((vault) => [
      vault.name,
      new Map(vault.expiredRules.map((rule) => [rule.cidr, rule.expires ?? ""]))
    ])
  );
}
function judgeApply(plan, options, desired) {
  const reviewed = reviewedPlansOf(options);
  return reviewed ? judgeReviewed(plan, reviewed, expiredRulesOf(desired)) : void 0;
}
function applyRefusals(plan, options, desired) {
  if (plan.outcome === "error") {
    return [
      "the fresh plan has errors, so nothing was applied:",
      ...readErrorLines(plan),
      ...plan.findings.filter((finding) => finding.level === "error").map(findingLine)
    ];
  }
  const judgement = judgeApply(plan, options, desired);
  if (judgement && judgement.refused.length > 0 && (options.onPlanMismatch === "all-or-nothing" || judgement.accepted.size === 0)) {
    const reviewed = reviewedPlansOf(options) ?? [];
    const single = reviewed.length === 1 ? reviewed[0] : void 0;
    return [
      single ? `the plan changed since it was reviewed (reviewed ${single.fingerprint}, now ${plan.fingerprint}), so nothing was applied; re-run plan and review it again.` : `no vault of the fresh plan (${plan.fingerprint}) is covered by a reviewed plan whose basis still holds, so nothing was applied; re-run plan and review it again.`,
      ...options.onPlanMismatch === "all-or-nothing" && judgement.accepted.size > 0 ? [
        `on-plan-mismatch is all-or-nothing: ${judgement.accepted.size} vault(s) whose basis held (${[...judgement.accepted.keys()].join(", ")}) were not applied either.`
      ] : [],
      ...refusalLines(judgement)
    ];
  }
  const runnable = judgement ? acceptedSteps(plan, judgement) : plan.steps;
  const destructive = runnable.filter((step) => step.flags.destructive);
  if (destructive.length > 0 && !options.allowDestructive) {
    return [
      `the plan has ${destructive.length} destructive step${destructive.length === 1 ? "" : "s"} and --allow-destructive was not given, so nothing was applied:`,
      ...destructive.map((step) => `${step.action} ${step.kind} ${step.resourceName}`)
    ];
  }
  return [];
}
async function checkNarrowingPreconditions(step, desired, reader) {
  const result = await checkPreconditions(step, desired, reader);
  if (result.ok) return;
  const why = result.unreadable ? "the live state could not be read" : `these paths would not be open: ${result.missing.map((entry) => `${entry.vault}: ${entry.paths.map(pathText).join(", ")}`).join("; ")}`;
  throw new WriteFailure(
    step.resourceId,
    `precondition not met before narrowing: ${why}`,
    "PreconditionFailed"
  );
}
async function applyPlan(desired, reader, writer, options, dependencies = {}) {
  const planner = options.planner ?? ((wanted, from, reads) => makePlan(wanted, from, { reads }));
  const plan = await planner(desired, reader, options.firstReads);
  const refused = applyRefusals(plan, options, desired);
  if (refused.length > 0) return refuse(plan, refused);
  if (plan.outcome === "no-changes")
    return { outcome: "no-changes", messages: [], plan, results: [] };
  const judgement = judgeApply(plan, options, desired);
  const refusedVaults = judgement?.refused ?? [];
  const refusedNames = new Set(refusedVaults.map((refusal) => refusal.vault));
  const runnable = judgement ? acceptedSteps(plan, judgement) : plan.steps;
  const runnableIds = new Set(runnable.map((step) => step.id));
  const basisMessages = [
    ...judgement?.notes ?? [],
    ...judgement ? refusalLines(judgement) : []
  ];
  const retry = {
    backoffBaseMs: options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
    maxWaitMs: options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    sleep: dependencies.sleep ?? realSleep
  };
  const runner = new BoundedRunner(options.maxParallel);
  const pacer = new WritePacer(
    options.writesPerSecondPerSubscription ?? DEFAULT_WRITES_PER_SECOND_PER_SUBSCRIPTION,
    { now: dependencies.now ?? Date.now, sleep: retry.sleep }
  );
  const writes = pacedWriter(writer, pacer);
  const vnetLocks = new KeyedMutex();
  const endpointSubnets = endpointSubnetsOf(desired, plan);
  const results = /* @__PURE__ */ new Map();
  const started = /* @__PURE__ */ new Map();
  const byId = new Map(runnable.map((step) => [step.id, step]));
  options.onProgress?.({ kind: "plan-ready", steps: runnable });
  const runStep = (step) => {
    const existing = started.get(step.id);
    if (existing) return existing;
    const promise = (async () => {
      const dependencies2 = await Promise.all(
        step.dependsOn.flatMap((id) => {
          const dependency = byId.get(id);
          return dependency ? [runStep(dependency)] : [];
        })
      );
      const failedDependency = dependencies2.find((result) => result.status !== "done");
      if (failedDependency) {
        return {
          step,
          status: "not-started",
          reason: `depends on ${failedDependency.step.kind} ${failedDependency.step.resourceName}, which did not complete`,
          attempts: 0
        };
      }
      if (step.flags.blocked) {
        return {
          step,
          status: "not-started",
          reason: `blocked: ${step.notes.map(noteText).join("; ")}`,
          attempts: 0
        };
      }
      return runner.run(
        () => vnetLocks.run(virtualNetworkLock(step, endpointSubnets), async () => {
          if (options.stopRequested?.()) {
            return { step, status: "not-started", reason: "interrupted", attempts: 0 };
          }
          let attempts = 0;
          try {
            if (step.phase === "narrow") await checkNarrowingPreconditions(step, desired, reader);
            await withRetries(
              step.resourceId,
              {
                ...retry,
                onWait: (ms, reason) => options.onProgress?.({ kind: "waiting", step, ms, reason })
              },
              async (attempt) => {
                attempts = attempt;
                options.onProgress?.({ kind: "step-started", step, attempt });
                await executeStep(step, writes, reader);
                await verifyStep(step, reader);
              }
            );
            return { step, status: "done", attempts };
          } catch (error) {
            const failure = asWriteFailure(error, step.resourceId);
            return {
              step,
              status: "failed",
              code: failure.code,
              message: failure.message,
              attempts
            };
          }
        })
      );
    })().then((result) => {
      results.set(step.id, result);
      options.onProgress?.({ kind: "step-finished", result });
      return result;
    });
    started.set(step.id, promise);
    return promise;
  };
  await Promise.all(runnable.map(runStep));
  const ordered = plan.steps.map(
    (step) => runnableIds.has(step.id) ? results.get(step.id) : {
      step,
      status: "not-started",
      reason: `refused: the reviewed basis of vault ${touchedVaults(step).find((vault) => refusedNames.has(vault)) ?? "?"} moved`,
      attempts: 0
    }
  );
  const ran = ordered.filter((result) => runnableIds.has(result.step.id));
  const extra = {
    ...judgement ? { refusedVaults, coveredBy: judgement.accepted } : {}
  };
  const failed = ran.filter((result) => result.status !== "done");
  if (options.stopRequested?.()) {
    const done = ran.filter((result) => result.status === "done").length;
    return {
      outcome: "interrupted",
      messages: [
        `interrupted: ${done} of ${ran.length} steps done, the others not started (or failed); re-run the apply to finish.`,
        ...basisMessages
      ],
      plan,
      results: ordered,
      ...extra
    };
  }
  const residual = await planner(desired, reader);
  if (failed.length > 0) {
    return {
      outcome: "failed",
      messages: [
        `${failed.length} of ${ran.length} steps did not complete; independent steps ran. Re-run the apply to finish.`,
        ...basisMessages
      ],
      plan,
      results: ordered,
      residual,
      ...extra
    };
  }
  const left = residual.steps.filter(
    (step) => !touchedVaults(step).some((vault) => refusedNames.has(vault))
  );
  if (residual.outcome === "error" || left.length > 0) {
    return {
      outcome: "not-converged",
      messages: [
        "did not converge: every step reported success, but a fresh plan still has changes (see the residual plan)",
        ...basisMessages
      ],
      plan,
      results: ordered,
      residual,
      ...extra
    };
  }
  if (refusedVaults.length > 0)
    return {
      outcome: "partial",
      messages: [
        `applied ${[...judgement?.accepted.keys() ?? []].join(", ")}, whose reviewed basis held; refused ${refusedVaults.length} vault(s) whose basis moved:`,
        ...basisMessages
      ],
      plan,
      results: ordered,
      residual,
      ...extra
    };
  return {
    outcome: "applied",
    messages: basisMessages,
    plan,
    results: ordered,
    residual,
    ...extra
  };
}

export {
  WriteFailure,
  planDifferences,
  differenceText,
  judgeReviewed,
  refusalLines,
  expiredRulesOf,
  applyPlan
};
