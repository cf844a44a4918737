#!/usr/bin/env node
import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  accessOf,
  admitsPublicEgress,
  bestPracticeFindings,
  collectSpecSources,
  compareFindings,
  diffAccess,
  egressPath,
  hasErrors,
  hasPrivatePath,
  impactOf,
  isEmptyChange,
  isLockedOut,
  isPendingSwitch,
  key,
  recordKey,
  renderFindingsText,
  resolveDesiredState,
  setSubnetWithUndo,
  setWithUndo,
  settingSource,
  summarizeFindings,
  undoAll,
  validateSpecSetAsParsed,
  vnetRuleSource
} from "./chunk-NCROHRFL.js";
import {
  SET_CHANGES_HEADING,
  SdkAzureReader,
  chooseCloud,
  createClients,
  findingMessage,
  findingWhere,
  noteText,
  pathText,
  readErrorLines,
  setChangeLines,
  stepLines,
  verdict
} from "./chunk-HBBZYGCR.js";
import {
  KVNET_VERSION
} from "./chunk-FRBLMQPP.js";
import {
  comparableNetwork,
  internId,
  normalizeIpRules,
  normalizeVirtualNetworkRules,
  parseResourceId,
  resourceIdKey,
  sameNetwork,
  visibleBasis
} from "./chunk-U5VPZIUV.js";
import {
  singleLine
} from "./chunk-VQEEO6FB.js";
import {
  OnceByKey,
  today
} from "./chunk-BSYTSFL5.js";

// src/engine/state/read-budget.ts
var ARM_READ_BUCKET = 250;
var ARM_READ_REFILL_PER_SECOND = 25;
var DEFAULT_READ_RESERVE = 25;
var ReadBudget = class {
  constructor(options) {
    this.options = options;
    if (!Number.isInteger(options.perSubscription) || options.perSubscription < 1)
      throw new Error(
        `reads per subscription must be a positive integer, not ${options.perSubscription}`
      );
    this.bucket = options.bucket ?? ARM_READ_BUCKET;
    this.reserve = Math.min(options.reserve ?? DEFAULT_READ_RESERVE, this.bucket - 1);
    this.refillPerSecond = options.refillPerSecond ?? ARM_READ_REFILL_PER_SECOND;
    this.now = options.now ?? Date.now;
  }
  options;
  subscriptions = /* @__PURE__ */ new Map();
  reserve;
  bucket;
  refillPerSecond;
  now;
  state(subscription) {
    const key2 = subscription.toLowerCase();
    let state = this.subscriptions.get(key2);
    if (!state) {
      state = {
        tokens: this.bucket,
        at: this.now(),
        inFlight: 0,
        waiting: [],
        timer: void 0
      };
      this.subscriptions.set(key2, state);
    }
    return state;
  }
  refill(state) {
    const now = this.now();
    state.tokens = Math.min(
      this.bucket,
      state.tokens + (now - state.at) / 1e3 * this.refillPerSecond
    );
    state.at = now;
  }
  canStart(state) {
    this.refill(state);
    return state.inFlight < this.options.perSubscription && state.tokens - 1 >= this.reserve;
  }
  /** ARM said this many read tokens are left in the subscription (a response header). */
  observe(subscription, remaining) {
    if (!Number.isFinite(remaining) || remaining < 0) return;
    const state = this.state(subscription);
    this.refill(state);
    state.tokens = Math.min(state.tokens, remaining);
    this.pump(state);
  }
  /** Reads in flight for the subscription now (for tests and the bench). */
  inFlight(subscription) {
    return this.subscriptions.get(subscription.toLowerCase())?.inFlight ?? 0;
  }
  async run(subscription, task) {
    const state = this.state(subscription);
    if (state.waiting.length === 0 && this.canStart(state)) this.take(state);
    else {
      await new Promise((resolve) => {
        state.waiting.push(resolve);
        this.schedule(state);
      });
    }
    try {
      return await task();
    } finally {
      state.inFlight -= 1;
      this.pump(state);
    }
  }
  take(state) {
    state.inFlight += 1;
    state.tokens -= 1;
  }
  /** Lets the waiting reads that may start now go, in the order they came. */
  pump(state) {
    while (state.waiting.length > 0 && this.canStart(state)) {
      this.take(state);
      state.waiting.shift()?.();
    }
    this.schedule(state);
  }
  /** Reads wait for tokens, not for a slot: come back when the refill has put one back. */
  schedule(state) {
    if (state.timer !== void 0 || state.waiting.length === 0) return;
    if (state.inFlight >= this.options.perSubscription) return;
    this.refill(state);
    const short = this.reserve + 1 - state.tokens;
    const delayMs = Math.max(1, Math.ceil(short / this.refillPerSecond * 1e3));
    state.timer = setTimeout(() => {
      state.timer = void 0;
      this.pump(state);
    }, delayMs);
  }
};

// src/engine/state/read-live.ts
var DEFAULT_READ_CONCURRENCY = 16;
function resourceGroupKey(subscription, resourceGroup) {
  return `${subscription}/${resourceGroup}`.toLowerCase();
}
function vaultGroupKey(vault) {
  const group = resourceGroupKey(vault.subscription, vault.resourceGroup);
  return vault.kind.id === "vault" ? group : `${group}#${vault.kind.id}`;
}
function subscriptionListKey(vault) {
  const subscription = vault.subscription.toLowerCase();
  return vault.kind.id === "vault" ? subscription : `${subscription}#${vault.kind.id}`;
}
function virtualNetworkOf(subnetId) {
  return subnetId.replace(/\/subnets\/[^/]+\/?$/i, "");
}
function privateEndpointOf(zoneGroupId) {
  return zoneGroupId.replace(/\/privateDnsZoneGroups\/[^/]+\/?$/i, "");
}
function subscriptionScope(id) {
  return (/^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? "").toLowerCase();
}
function subscriptionOf(id) {
  const parsed = parseResourceId(id);
  return parsed.ok ? parsed.id.subscription.toLowerCase() : void 0;
}
function zoneGroupIps(groups) {
  return [
    ...new Set(
      groups.flatMap(
        (group) => group.records.filter((record) => record.recordType === "" || record.recordType.toUpperCase() === "A").flatMap((record) => record.ipAddresses)
      )
    )
  ];
}
async function readLiveState(desired, reader, concurrency = DEFAULT_READ_CONCURRENCY, started) {
  return (started ?? new LiveReads(reader, concurrency)).finish(desired);
}
var LiveReads = class {
  constructor(reader, concurrency = DEFAULT_READ_CONCURRENCY) {
    this.reader = reader;
    this.budget = new ReadBudget({ perSubscription: concurrency });
    this.stopHearingQuota = reader.onReadQuota?.(
      (subscription, remaining) => this.budget.observe(subscription, remaining)
    );
  }
  reader;
  // Reads in flight per subscription, within ARM's read budget (read-budget.ts).
  budget;
  vaults = new OnceByKey();
  vaultLists = new OnceByKey();
  subscriptionVaultLists = new OnceByKey();
  subscriptionReads = [];
  virtualNetworks = new OnceByKey();
  virtualNetworkLists = new OnceByKey();
  /** Resource groups whose VNets are listed rather than read one by one. */
  listedGroups = /* @__PURE__ */ new Set();
  /** Endpoint lists as read; `endpointLists` completes them once the set is whole. */
  rawEndpointLists = new OnceByKey();
  endpointLists = new OnceByKey();
  zoneGroupLists = new OnceByKey();
  zones = new OnceByKey();
  links = new OnceByKey();
  aRecordSets = new OnceByKey();
  /** The vaults and endpoints `start` has seen: an endpoint that matters to them matters. */
  startedVaults = /* @__PURE__ */ new Set();
  startedEndpoints = /* @__PURE__ */ new Set();
  /** Ends the quota calls once the reads are done (the reader's clients outlive this plan). */
  stopHearingQuota;
  /**
   * A reader that throws (it should report failures as data) still yields an error outcome,
   * so no read can go missing or crash the run.
   */
  limited(resourceId, read) {
    return () => this.budget.run(subscriptionScope(resourceId), read).catch((error2) => ({
      status: "error",
      error: { resourceId, message: error2 instanceof Error ? error2.message : String(error2) }
    }));
  }
  /**
   * Round one for the vaults of one spec file, as soon as it is parsed. A hint: `finish`
   * reads what the whole set needs, so a file that cannot be resolved alone (a named set
   * defined in a file not parsed yet) starts what it can, or nothing.
   */
  startFile(file, today2) {
    let vaults;
    try {
      vaults = resolveDesiredState([file], today2).vaults;
    } catch {
      return;
    }
    this.start(vaults);
  }
  /** Round one for these vaults: their vaults, named VNets, endpoint lists and zones. */
  start(vaults) {
    for (const vault of vaults) {
      this.startedVaults.add(resourceIdKey(vault.id));
      for (const endpoint of vault.privateEndpoints)
        this.startedEndpoints.add(resourceIdKey(endpoint.id));
    }
    this.startVaults(vaults);
    const named = /* @__PURE__ */ new Map();
    for (const vault of vaults) {
      for (const rule of vault.network.virtualNetworkRules) {
        const vnetId = virtualNetworkOf(rule.subnetId);
        named.set(resourceIdKey(vnetId), vnetId);
      }
      for (const endpoint of vault.privateEndpoints) {
        const vnetId = virtualNetworkOf(endpoint.subnetId);
        named.set(resourceIdKey(vnetId), vnetId);
      }
    }
    const vnetsByGroup = /* @__PURE__ */ new Map();
    for (const vnetId of named.values()) {
      const parsed = parseResourceId(vnetId);
      if (!parsed.ok) continue;
      const group = resourceGroupKey(parsed.id.subscription, parsed.id.resourceGroup);
      vnetsByGroup.set(group, (vnetsByGroup.get(group) ?? 0) + 1);
    }
    for (const [group, count] of vnetsByGroup) if (count > 1) this.listedGroups.add(group);
    for (const vnetId of named.values()) this.readVirtualNetwork(vnetId);
    for (const vault of vaults) {
      for (const endpoint of vault.privateEndpoints) {
        this.listEndpoints(endpoint.subscription, endpoint.resourceGroup);
        const dns = endpoint.dns;
        if (!dns) continue;
        const zoneKey = resourceIdKey(dns.zoneId);
        void this.zones.get(
          zoneKey,
          this.limited(dns.zoneId, () => this.reader.getDnsZone(dns.zoneId))
        );
        void this.links.get(
          zoneKey,
          this.limited(dns.zoneId, () => this.reader.listVirtualNetworkLinks(dns.zoneId))
        );
        void this.aRecordSets.get(
          zoneKey,
          this.limited(dns.zoneId, () => this.reader.listARecordSets(dns.zoneId))
        );
      }
    }
  }
  /** The whole desired state: what `start` has not begun, then round two, then the snapshot. */
  async finish(desired) {
    try {
      return await this.readAll(desired);
    } finally {
      this.stopHearingQuota?.();
    }
  }
  async readAll(desired) {
    this.start(desired.vaults);
    const completing = this.completion(desired);
    for (const group of this.rawEndpointLists.keys()) this.completeEndpoints(group, completing);
    const specVirtualNetworks = new Set(this.virtualNetworks.keys());
    const specSubscriptions = new Set(
      desired.vaults.map((vault) => vault.subscription.toLowerCase())
    );
    const subnetReadSubscriptions = new Set(specSubscriptions);
    for (const vault of desired.vaults)
      for (const rule of vault.network.virtualNetworkRules) {
        const subscription = subscriptionOf(rule.subnetId);
        if (subscription) subnetReadSubscriptions.add(subscription);
      }
    await Promise.all(this.subscriptionReads);
    await this.readGroupsOfFailedLists(desired.vaults);
    const vaultOutcomes = await collectVaults(
      desired,
      this.vaults,
      this.vaultLists,
      this.subscriptionVaultLists
    );
    for (const outcome of vaultOutcomes.values()) {
      if (outcome.status !== "ok") continue;
      for (const connection of outcome.value.connections) {
        const parsed = parseResourceId(connection.privateEndpointId);
        if (!parsed.ok || !specSubscriptions.has(parsed.id.subscription.toLowerCase())) continue;
        const group = this.listEndpoints(parsed.id.subscription, parsed.id.resourceGroup);
        this.completeEndpoints(group, completing);
      }
      for (const rule of outcome.value.network.virtualNetworkRules) {
        const subscription = subscriptionOf(rule.subnetId);
        if (subscription && subnetReadSubscriptions.has(subscription))
          this.readVirtualNetwork(virtualNetworkOf(rule.subnetId));
      }
    }
    const liveRuleVirtualNetworks = new Set(
      [...this.virtualNetworks.keys()].filter((key2) => !specVirtualNetworks.has(key2))
    );
    const privateEndpointLists = await this.endpointLists.settled();
    return {
      vaults: vaultOutcomes,
      virtualNetworks: await this.virtualNetworks.settled(),
      liveRuleVirtualNetworks,
      subnetReadSubscriptions,
      privateEndpointLists,
      zoneGroupLists: await this.zoneGroupLists.settled(),
      zones: await this.zones.settled(),
      links: await this.links.settled(),
      aRecordSets: await this.aRecordSets.settled()
    };
  }
  // Vaults: one list per subscription where the vaults sit in several resource groups; else
  // one list per resource group holding several of them, else a GET. (Each kind is listed on
  // its own: managed HSM pools by the managedHSMs lists.)
  startVaults(vaults) {
    const groupsBySubscription = /* @__PURE__ */ new Map();
    for (const vault of vaults) {
      if (this.readBegun(vault)) continue;
      const subscription = subscriptionListKey(vault);
      const groups = groupsBySubscription.get(subscription) ?? /* @__PURE__ */ new Map();
      groupsBySubscription.set(subscription, groups);
      const key2 = vaultGroupKey(vault);
      const group = groups.get(key2);
      if (group) group.push(vault);
      else groups.set(key2, [vault]);
    }
    for (const [subscription, groups] of groupsBySubscription) {
      const first = [...groups.values()][0]?.[0];
      if (this.subscriptionVaultLists.has(subscription)) continue;
      if (groups.size < 2 || !first) {
        for (const group of groups.values()) this.readGroup(group);
        continue;
      }
      const scope = `/subscriptions/${first.subscription}`;
      this.subscriptionReads.push(
        this.subscriptionVaultLists.get(
          subscription,
          this.limited(
            scope,
            () => first.kind.id === "vault" ? this.reader.listVaultsInSubscription(first.subscription) : this.reader.listVaultsInSubscription(first.subscription, first.kind.id)
          )
        ).then((outcome) => {
          if (outcome.status !== "ok") for (const group of groups.values()) this.readGroup(group);
        })
      );
    }
  }
  readBegun(vault) {
    return this.vaults.has(resourceIdKey(vault.id)) || this.vaultLists.has(vaultGroupKey(vault)) || this.subscriptionVaultLists.has(subscriptionListKey(vault));
  }
  /**
   * A subscription list that was refused or failed: every group of the whole set in that
   * subscription is read on its own (the list's fallback knew only the vaults of its call).
   */
  async readGroupsOfFailedLists(vaults) {
    const failed = /* @__PURE__ */ new Set();
    for (const [subscription, outcome] of await this.subscriptionVaultLists.settled())
      if (outcome.status !== "ok") failed.add(subscription);
    if (failed.size === 0) return;
    const groups = /* @__PURE__ */ new Map();
    for (const vault of vaults) {
      if (!failed.has(subscriptionListKey(vault))) continue;
      const key2 = vaultGroupKey(vault);
      groups.set(key2, [...groups.get(key2) ?? [], vault]);
    }
    for (const group of groups.values()) this.readGroup(group);
  }
  readGroup(group) {
    const [first] = group;
    if (!first) return;
    if (group.length === 1) {
      void this.vaults.get(
        resourceIdKey(first.id),
        this.limited(first.id, () => this.reader.getVault(first.id))
      );
    } else {
      void this.vaultLists.get(
        vaultGroupKey(first),
        this.limited(
          `/subscriptions/${first.subscription}/resourceGroups/${first.resourceGroup}`,
          () => first.kind.id === "vault" ? this.reader.listVaults(first.subscription, first.resourceGroup) : this.reader.listVaults(first.subscription, first.resourceGroup, first.kind.id)
        )
      );
    }
  }
  virtualNetworkOutcome(vnetId) {
    const parsed = parseResourceId(vnetId);
    const group = parsed.ok ? resourceGroupKey(parsed.id.subscription, parsed.id.resourceGroup) : void 0;
    const get = this.limited(vnetId, () => this.reader.getVirtualNetwork(vnetId));
    if (!parsed.ok || !group || !this.listedGroups.has(group) || !this.reader.listVirtualNetworks)
      return get();
    const list = this.reader.listVirtualNetworks.bind(this.reader);
    return this.virtualNetworkLists.get(
      group,
      this.limited(
        `/subscriptions/${parsed.id.subscription}/resourceGroups/${parsed.id.resourceGroup}`,
        () => list(parsed.id.subscription, parsed.id.resourceGroup)
      )
    ).then((outcome) => {
      if (outcome.status !== "ok") return get();
      const found = outcome.value.find(
        (candidate) => resourceIdKey(candidate.id) === resourceIdKey(vnetId)
      );
      return found ? { status: "ok", value: found } : { status: "not-found" };
    });
  }
  readVirtualNetwork(vnetId) {
    void this.virtualNetworks.get(resourceIdKey(vnetId), () => this.virtualNetworkOutcome(vnetId));
  }
  /** Starts the list of a group's endpoints (once); returns the group's key. */
  listEndpoints(subscription, resourceGroup) {
    const group = resourceGroupKey(subscription, resourceGroup);
    const scope = `/subscriptions/${subscription}/resourceGroups/${resourceGroup}`;
    const reader = this.reader;
    const list = this.limited(
      scope,
      () => reader.listPrivateEndpointsWithoutNics ? reader.listPrivateEndpointsWithoutNics(subscription, resourceGroup) : reader.listPrivateEndpoints(subscription, resourceGroup)
    );
    void this.rawEndpointLists.get(group, () => {
      const listed = list();
      void listed.then((outcome) => {
        if (outcome.status !== "ok") return;
        for (const endpoint of outcome.value)
          if (this.matters(endpoint, this.startedVaults, this.startedEndpoints))
            void this.zoneGroupsOf(endpoint.id);
      });
      return listed;
    });
    return group;
  }
  /** An endpoint matters when it is declared, or connected to a declared vault. */
  matters(endpoint, vaults, endpoints) {
    return endpoints.has(resourceIdKey(endpoint.id)) || endpoint.connections.some((connection) => vaults.has(resourceIdKey(connection.targetId)));
  }
  /** The endpoint's zone groups, read once. */
  zoneGroupsOf(endpointId) {
    return this.zoneGroupLists.get(
      resourceIdKey(endpointId),
      this.limited(endpointId, () => this.reader.listZoneGroups(endpointId))
    );
  }
  /** A started list, each endpoint completed with its address as soon as the list is read. */
  completeEndpoints(group, complete) {
    const raw = this.rawEndpointLists.get(group, () => {
      throw new Error(`the endpoint list of ${group} was never started`);
    });
    void this.endpointLists.get(
      group,
      () => raw.then(
        async (outcome) => outcome.status === "ok" ? { status: "ok", value: await Promise.all(outcome.value.map(complete)) } : outcome
      )
    );
  }
  /**
   * How an endpoint gets its address: its body, else what its zone group wrote, else its NICs —
   * a NIC is read only when neither gave one (AZURE-FACTS §8: with a zone group Azure leaves
   * customDnsConfigs empty and a dynamic address is only on the NIC). Zone groups are read for
   * the endpoints that matter (declared, or connected to a declared vault): Azure allows one
   * zone group per endpoint, and Azure Policy may have created it under a name the spec does
   * not know. Needs the whole desired state, to know which endpoints matter (those that
   * mattered to the files seen before are under way already: listEndpoints).
   */
  completion(desired) {
    const declaredVaults = new Set(desired.vaults.map((vault) => resourceIdKey(vault.id)));
    const declaredEndpoints = new Set(
      desired.vaults.flatMap(
        (vault) => vault.privateEndpoints.map((endpoint) => resourceIdKey(endpoint.id))
      )
    );
    const reader = this.reader;
    const nicIps = async (nicIds) => {
      const ips = [];
      for (const nicId of nicIds) {
        const read = reader.getNetworkInterfaceIps?.bind(reader);
        if (!read) break;
        const outcome = await this.limited(nicId, () => read(nicId))();
        if (outcome.status === "ok") ips.push(...outcome.value);
      }
      return ips;
    };
    return async (endpoint) => {
      const { networkInterfaceIds, ...live } = endpoint;
      const groups = this.matters(live, declaredVaults, declaredEndpoints) ? this.zoneGroupsOf(live.id) : void 0;
      if (live.privateIps.length > 0 || !networkInterfaceIds?.length) {
        await groups;
        return live;
      }
      const outcome = await groups;
      const written = outcome?.status === "ok" ? zoneGroupIps(outcome.value) : [];
      if (written.length > 0) return { ...live, privateIps: written };
      return { ...live, privateIps: await nicIps(networkInterfaceIds) };
    };
  }
};
async function collectVaults(desired, gets, lists, subscriptionLists) {
  const byId = await gets.settled();
  const byGroup = await lists.settled();
  const inSubscriptions = /* @__PURE__ */ new Map();
  for (const outcome of (await subscriptionLists.settled()).values())
    if (outcome.status === "ok")
      for (const vault of outcome.value) inSubscriptions.set(resourceIdKey(vault.id), vault);
  const listedSubscriptions = new Set(
    [...await subscriptionLists.settled()].filter(([, outcome]) => outcome.status === "ok").map(([subscription]) => subscription)
  );
  const result = /* @__PURE__ */ new Map();
  for (const vault of desired.vaults) {
    const key2 = resourceIdKey(vault.id);
    const direct = byId.get(key2);
    if (direct) {
      result.set(key2, direct);
      continue;
    }
    if (listedSubscriptions.has(subscriptionListKey(vault))) {
      const found = inSubscriptions.get(key2);
      result.set(key2, found ? { status: "ok", value: found } : { status: "not-found" });
      continue;
    }
    const list = byGroup.get(vaultGroupKey(vault));
    if (!list || list.status === "not-found") {
      result.set(key2, { status: "not-found" });
    } else if (list.status === "error") {
      result.set(key2, list);
    } else {
      const found = list.value.find((candidate) => resourceIdKey(candidate.id) === key2);
      result.set(key2, found ? { status: "ok", value: found } : { status: "not-found" });
    }
  }
  return result;
}

// src/engine/plan/fingerprint.ts
import { createHash } from "node:crypto";
function canonicalJson(value) {
  return write(value) ?? "null";
}
function write(value) {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return JSON.stringify(value);
    case "object":
      break;
    default:
      return void 0;
  }
  const withJson = value;
  if (typeof withJson.toJSON === "function") return write(withJson.toJSON());
  if (Array.isArray(value)) return `[${value.map((entry) => write(entry) ?? "null").join(",")}]`;
  const members = [];
  const record = value;
  for (const key2 of Object.keys(record).sort()) {
    const text = write(record[key2]);
    if (text !== void 0) members.push(`${JSON.stringify(key2)}:${text}`);
  }
  return `{${members.join(",")}}`;
}
function changeSet(steps) {
  return steps.map((step) => ({
    id: step.id,
    action: step.action,
    changes: step.changes,
    payload: step.payload,
    flags: step.flags
  }));
}
function fingerprint(steps, liveBasis) {
  return shaOfText(canonicalJson({ changes: changeSet(steps), live: liveBasis }));
}
var shaOfText = (text) => `sha256:${createHash("sha256").update(text).digest("hex")}`;
function canonicalTexts(steps, liveBasis) {
  const entries = changeSet(steps);
  const stepTexts = new Map(steps.map((step, at) => [step, canonicalJson(entries[at])]));
  const live = /* @__PURE__ */ new Map();
  for (const key2 of Object.keys(liveBasis).sort()) live.set(key2, canonicalJson(liveBasis[key2]));
  return { steps: stepTexts, live };
}
function fingerprintOfTexts(steps, texts) {
  const hash = new TextHash();
  hash.add('{"changes":[');
  steps.forEach((step, at) => {
    if (at > 0) hash.add(",");
    hash.add(texts.steps.get(step) ?? "null");
  });
  hash.add('],"live":{');
  let first = true;
  for (const [key2, text] of texts.live) {
    hash.add(first ? "" : ",");
    first = false;
    hash.add(JSON.stringify(key2));
    hash.add(":");
    hash.add(text);
  }
  hash.add("}}");
  return hash.digest();
}
var TextHash = class {
  hash = createHash("sha256");
  pending = [];
  pendingLength = 0;
  add(text) {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 65536) this.flush();
  }
  digest() {
    this.flush();
    return `sha256:${this.hash.digest("hex")}`;
  }
  flush() {
    this.hash.update(this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
  }
};

// src/engine/plan/steps-by-vault.ts
function touchedVaults(step) {
  return [.../* @__PURE__ */ new Set([...step.vaults, ...step.effects.map((effect) => effect.vault)])];
}
var servedVaults = (step) => step.vaults;
function stepsByVault(steps, vaultsOf) {
  const index = /* @__PURE__ */ new Map();
  for (const step of steps)
    for (const name of vaultsOf(step)) {
      const list = index.get(name);
      if (list) list.push(step);
      else index.set(name, [step]);
    }
  return index;
}
var touchedIndexes = /* @__PURE__ */ new WeakMap();
var servedIndexes = /* @__PURE__ */ new WeakMap();
function memoised(cache, steps, vaultsOf) {
  let index = cache.get(steps);
  if (!index) {
    index = stepsByVault(steps, vaultsOf);
    cache.set(steps, index);
  }
  return index;
}
var stepsTouching = (steps, vault) => memoised(touchedIndexes, steps, touchedVaults).get(vault) ?? [];
var stepsServing = (steps, vault) => memoised(servedIndexes, steps, servedVaults).get(vault) ?? [];

// src/engine/plan/basis.ts
var sha = (value) => shaOfText(canonicalJson(value));
function planBasis(vaults, steps, texts) {
  const resources = {};
  const names = {};
  for (const [resource, text] of texts.live) resources[resource] = shaOfText(text);
  for (const step of steps) names[step.id] = `${step.kind} ${step.resourceName}`;
  const stepText = texts.steps;
  const liveEntry = (resource) => JSON.stringify([resource, resources[resource] ?? null]);
  const stepLiveText = /* @__PURE__ */ new Map();
  for (const step of steps) stepLiveText.set(step, liveEntry(step.id));
  const result = {};
  for (const vault of vaults) {
    const own = stepsTouching(steps, vault.name);
    const vaultKey = resourceIdKey(vault.id);
    names[vaultKey] = `vault ${vault.name}`;
    const keys = [vaultKey, ...own.map((step) => step.id)];
    const stepsHash = shaOfText(`[${own.map((step) => stepText.get(step) ?? "null").join(",")}]`);
    const liveHash = shaOfText(
      `[${[liveEntry(vaultKey), ...own.map((step) => stepLiveText.get(step) ?? "null")].join(",")}]`
    );
    result[vault.name] = {
      fingerprint: sha({ steps: stepsHash, live: liveHash }),
      steps: stepsHash,
      live: liveHash,
      resources: keys
    };
  }
  return { vaults: result, resources, names };
}

// src/engine/plan/live-lookup.ts
function toleratedFailure(snapshot, key2, failure) {
  return snapshot.liveRuleVirtualNetworks.has(key2) && (failure.httpStatus === 403 || failure.httpStatus === 404);
}
var LiveLookup = class {
  constructor(snapshot) {
    this.snapshot = snapshot;
  }
  snapshot;
  /** Every read that failed, once each. */
  failures() {
    const virtualNetworks = [...this.snapshot.virtualNetworks.entries()].flatMap(
      ([key2, outcome]) => outcome.status === "error" && toleratedFailure(this.snapshot, key2, outcome.error) ? [] : [outcome]
    );
    const all = [
      ...this.snapshot.vaults.values(),
      ...virtualNetworks,
      ...this.snapshot.privateEndpointLists.values(),
      ...this.snapshot.zoneGroupLists.values(),
      ...this.snapshot.zones.values(),
      ...this.snapshot.links.values(),
      ...this.snapshot.aRecordSets.values()
    ];
    const unique = /* @__PURE__ */ new Map();
    for (const outcome of all) {
      if (outcome.status === "error")
        unique.set(`${outcome.error.resourceId}|${outcome.error.message}`, outcome.error);
    }
    return [...unique.values()];
  }
  vault(id) {
    return this.snapshot.vaults.get(resourceIdKey(id)) ?? { status: "not-found" };
  }
  /** The subnet as read; undefined when it is missing or could not be read (see subnetState). */
  subnet(subnetId) {
    const state = this.subnetState(subnetId);
    return state.status === "ok" ? state.subnet : void 0;
  }
  /** Whether the subnet exists, is missing, or is unknown to kvnet (and why). */
  subnetState(subnetId) {
    const key2 = resourceIdKey(virtualNetworkOf(subnetId));
    const vnet = this.snapshot.virtualNetworks.get(key2);
    if (!vnet) {
      const parsed = parseResourceId(subnetId);
      const subscription = parsed.ok ? parsed.id.subscription.toLowerCase() : void 0;
      if (subscription !== void 0 && !this.snapshot.subnetReadSubscriptions.has(subscription))
        return { status: "unknown", reason: { code: "outside-subscriptions", subscription } };
      return { status: "unknown", reason: { code: "not-read" } };
    }
    if (vnet.status === "not-found") return { status: "missing" };
    if (vnet.status === "error")
      return { status: "unknown", reason: { code: "read-failed", failure: vnet.error } };
    const subnet = vnet.value.subnets.find(
      (candidate) => resourceIdKey(candidate.id) === resourceIdKey(subnetId)
    );
    return subnet ? { status: "ok", subnet } : { status: "missing" };
  }
  virtualNetworkLocation(subnetId) {
    const vnet = this.snapshot.virtualNetworks.get(resourceIdKey(virtualNetworkOf(subnetId)));
    return vnet?.status === "ok" ? vnet.value.location : void 0;
  }
  endpointsById;
  privateEndpoint(id) {
    this.endpointsById ??= new Map(
      this.allPrivateEndpoints().map((endpoint) => [resourceIdKey(endpoint.id), endpoint])
    );
    return this.endpointsById.get(resourceIdKey(id));
  }
  endpointsByTarget;
  /** The endpoints read whose private link connection targets a resource (a vault). */
  privateEndpointsTargeting(targetId) {
    if (!this.endpointsByTarget) {
      this.endpointsByTarget = /* @__PURE__ */ new Map();
      for (const endpoint of this.allPrivateEndpoints()) {
        for (const target of new Set(endpoint.connections.map((c) => resourceIdKey(c.targetId)))) {
          const list = this.endpointsByTarget.get(target) ?? [];
          list.push(endpoint);
          this.endpointsByTarget.set(target, list);
        }
      }
    }
    return this.endpointsByTarget.get(resourceIdKey(targetId)) ?? [];
  }
  allPrivateEndpoints() {
    return [...this.snapshot.privateEndpointLists.values()].flatMap(
      (outcome) => outcome.status === "ok" ? outcome.value : []
    );
  }
  /** Whether the endpoint's resource group was listed (so "absent" really means absent). */
  privateEndpointGroupListed(id) {
    const parsed = parseResourceId(id);
    if (!parsed.ok) return false;
    const outcome = this.snapshot.privateEndpointLists.get(
      resourceGroupKey(parsed.id.subscription, parsed.id.resourceGroup)
    );
    return outcome?.status === "ok";
  }
  zone(zoneId) {
    return this.snapshot.zones.get(resourceIdKey(zoneId)) ?? { status: "not-found" };
  }
  aRecords(zoneId) {
    const outcome = this.snapshot.aRecordSets.get(resourceIdKey(zoneId));
    return outcome?.status === "ok" ? outcome.value : [];
  }
  zoneExists(zoneId) {
    return this.snapshot.zones.get(resourceIdKey(zoneId))?.status === "ok";
  }
  links(zoneId) {
    const outcome = this.snapshot.links.get(resourceIdKey(zoneId));
    return outcome?.status === "ok" ? outcome.value : [];
  }
  aRecordsByName = /* @__PURE__ */ new Map();
  linkIndexes = /* @__PURE__ */ new Map();
  /** The zone's links by lower-cased name (first wins) and by VNet key, built once per zone. */
  linkIndex(zoneId) {
    const zoneKey = resourceIdKey(zoneId);
    let index = this.linkIndexes.get(zoneKey);
    if (!index) {
      const byName = /* @__PURE__ */ new Map();
      const byVirtualNetwork = /* @__PURE__ */ new Map();
      for (const link of this.links(zoneId)) {
        const name = link.name.toLowerCase();
        if (!byName.has(name)) byName.set(name, link);
        const vnetKey = resourceIdKey(link.virtualNetworkId);
        const list = byVirtualNetwork.get(vnetKey);
        if (list) list.push(link);
        else byVirtualNetwork.set(vnetKey, [link]);
      }
      index = { byName, byVirtualNetwork };
      this.linkIndexes.set(zoneKey, index);
    }
    return index;
  }
  aRecord(zoneId, name) {
    const zoneKey = resourceIdKey(zoneId);
    let byName = this.aRecordsByName.get(zoneKey);
    if (!byName) {
      const outcome = this.snapshot.aRecordSets.get(zoneKey);
      if (outcome?.status !== "ok") return void 0;
      byName = /* @__PURE__ */ new Map();
      for (const record of outcome.value) {
        const recordName = record.name.toLowerCase();
        if (!byName.has(recordName)) byName.set(recordName, record);
      }
      this.aRecordsByName.set(zoneKey, byName);
    }
    return byName.get(name.toLowerCase());
  }
  /**
   * The zone groups of an existing endpoint, whatever their names (Azure allows one; Azure
   * Policy often creates it as `deployedByPolicy`). Empty when it has none, or when its
   * groups were not read (see zoneGroupsRead); a failed read is one of failures().
   */
  zoneGroupsOf(privateEndpointId) {
    const outcome = this.snapshot.zoneGroupLists.get(resourceIdKey(privateEndpointId));
    return outcome?.status === "ok" ? outcome.value : [];
  }
  /** Whether the endpoint's zone groups were read, so an empty zoneGroupsOf means none. */
  zoneGroupsRead(privateEndpointId) {
    return this.snapshot.zoneGroupLists.get(resourceIdKey(privateEndpointId))?.status === "ok";
  }
  /** The zone group with exactly this id (the spec's name), if its endpoint has it. */
  zoneGroup(id) {
    return this.zoneGroupsOf(privateEndpointOf(id)).find(
      (group) => resourceIdKey(group.id) === resourceIdKey(id)
    );
  }
  /** The DNS zone as read (with its provisioning state), if it exists. */
  dnsZone(zoneId) {
    const outcome = this.snapshot.zones.get(resourceIdKey(zoneId));
    return outcome?.status === "ok" ? outcome.value : void 0;
  }
};
function connectionFor(vault, privateEndpointId) {
  return vault.connections.find(
    (connection) => resourceIdKey(connection.privateEndpointId) === resourceIdKey(privateEndpointId)
  );
}

// src/engine/plan/order.ts
var KIND_ORDER = {
  subnet: 0,
  dnsZone: 1,
  virtualNetworkLink: 2,
  privateEndpoint: 3,
  zoneGroup: 4,
  connection: 5,
  vault: 6
};
function priority(step) {
  const phase = step.phase === "open" ? 0 : 1;
  return `${phase}:${KIND_ORDER[step.kind]}:${step.id}`;
}
function insertReady(ready, keys, step) {
  const key2 = keys.get(step) ?? "";
  let low = 0;
  let high = ready.length;
  while (low < high) {
    const middle = low + high >> 1;
    if ((keys.get(ready[middle]) ?? "") > key2) low = middle + 1;
    else high = middle;
  }
  ready.splice(low, 0, step);
}
function orderSteps(steps) {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const keys = new Map(steps.map((step) => [step, priority(step)]));
  const waitingOn = /* @__PURE__ */ new Map();
  const dependents = /* @__PURE__ */ new Map();
  for (const step of steps) {
    const known = [...new Set(step.dependsOn)].filter((dependency) => byId.has(dependency));
    waitingOn.set(step.id, known.length);
    for (const dependency of known) {
      const list = dependents.get(dependency);
      if (list) list.push(step.id);
      else dependents.set(dependency, [step.id]);
    }
  }
  const ready = [];
  for (const step of steps) if (waitingOn.get(step.id) === 0) insertReady(ready, keys, step);
  const ordered = [];
  while (ready.length > 0) {
    const next = ready.pop();
    ordered.push(next);
    for (const dependentId of dependents.get(next.id) ?? []) {
      const remaining = (waitingOn.get(dependentId) ?? 0) - 1;
      waitingOn.set(dependentId, remaining);
      if (remaining === 0) insertReady(ready, keys, byId.get(dependentId));
    }
  }
  if (ordered.length !== steps.length) {
    const done = new Set(ordered);
    const stuck = steps.filter((step) => !done.has(step)).map((step) => step.id);
    throw new Error(`the plan's steps depend on each other in a cycle: ${stuck.join(", ")}`);
  }
  return ordered;
}

// src/engine/state/live.ts
function isSucceeded(provisioningState) {
  return provisioningState === void 0 || provisioningState.toLowerCase() === "succeeded";
}
var MANAGED_BY_TAG = "managed-by";
var MANAGED_BY_VALUE = "kvnet";
function isManagedByKvnet(endpoint) {
  return Object.entries(endpoint.tags).some(
    ([key2, value]) => key2.toLowerCase() === MANAGED_BY_TAG && value.toLowerCase() === MANAGED_BY_VALUE
  );
}

// src/engine/plan/private-link-steps.ts
var NO_FLAGS = { destructive: false, lockout: false, blocked: false };
var note = (code, params = {}) => ({ code, params });
function stepId(kind, resourceId, suffix = "") {
  return internId(`${kind}:${resourceIdKey(resourceId)}${suffix}`);
}
function lastSegment(id) {
  return id.split("/").pop() ?? id;
}
function replaceReasons(live, desired, vault, connection) {
  const reasons = [];
  const link = live.connections.find(
    (candidate) => resourceIdKey(candidate.targetId) === resourceIdKey(vault.id)
  );
  if (resourceIdKey(live.subnetId) !== resourceIdKey(desired.subnetId))
    reasons.push(note("endpoint/subnet-differs", { live: live.subnetId, spec: desired.subnetId }));
  if (!link) {
    reasons.push(note("endpoint/other-target"));
  } else {
    if (link.name !== desired.connectionName)
      reasons.push(
        note("endpoint/connection-name-differs", { live: link.name, spec: desired.connectionName })
      );
    if (link.manual !== desired.manualApproval)
      reasons.push(note(desired.manualApproval ? "endpoint/was-automatic" : "endpoint/was-manual"));
    const expected = vault.kind.privateLinkGroup;
    if (!link.groupIds.some((group) => group.toLowerCase() === expected))
      reasons.push(note("endpoint/group-differs", { groups: [...link.groupIds], expected }));
  }
  if (connection?.status === "Rejected" || connection?.status === "Disconnected")
    reasons.push(note("endpoint/connection-ended", { status: connection.status }));
  if (!isSucceeded(live.provisioningState))
    reasons.push(note("endpoint/not-succeeded", { state: live.provisioningState ?? "" }));
  return reasons;
}
function privateLinkSteps(vault, liveVault, lookup, steps) {
  for (const endpoint of vault.privateEndpoints)
    endpointSteps(endpoint, vault, liveVault, lookup, steps);
  unmanagedConnectionSteps(vault, liveVault, lookup, steps);
}
function error(context, rule, params) {
  context.steps.finding({
    level: "error",
    rule,
    params,
    vault: context.vault.name,
    source: context.endpoint.source
  });
}
function planZone(context) {
  const dns = context.endpoint.dns;
  if (!dns) return void 0;
  const zone = context.lookup.zone(dns.zoneId);
  const failed = zone.status === "ok" && !isSucceeded(zone.value.provisioningState);
  if (zone.status === "ok" && !failed) return void 0;
  if (!dns.createIfMissing && !failed) {
    error(context, "dns/zone-missing", { zoneId: dns.zoneId });
    return void 0;
  }
  return context.steps.add({
    ...context.base,
    id: stepId("dnsZone", dns.zoneId),
    kind: "dnsZone",
    action: failed ? "update" : "create",
    phase: "open",
    resourceId: dns.zoneId,
    resourceName: dns.zoneName,
    changes: [{ property: "zone", op: "set", after: dns.zoneName }],
    dependsOn: [],
    notes: zone.status === "ok" ? [note("redrive", { state: zone.value.provisioningState ?? "" })] : context.base.notes,
    payload: { kind: "dnsZone" }
  });
}
function planLinks(context, zoneStep) {
  const dns = context.endpoint.dns;
  if (!dns) return [];
  const existing = context.lookup.linkIndex(dns.zoneId);
  const stepIds = [];
  for (const link of dns.links) {
    const vnetKey = resourceIdKey(link.virtualNetworkId);
    const sameName = existing.byName.get(link.name.toLowerCase());
    if (sameName && resourceIdKey(sameName.virtualNetworkId) !== vnetKey) {
      error(context, "dns/link-conflict", {
        link: link.name,
        live: sameName.virtualNetworkId,
        spec: link.virtualNetworkId
      });
      continue;
    }
    const toVnet = existing.byVirtualNetwork.get(vnetKey) ?? [];
    const ready = toVnet.some((candidate) => isSucceeded(candidate.provisioningState));
    if (ready) continue;
    const failed = toVnet.find(
      (candidate) => candidate.name.toLowerCase() === link.name.toLowerCase()
    );
    if (toVnet.length > 0 && !failed) continue;
    const step = context.steps.add({
      ...context.base,
      id: stepId("virtualNetworkLink", link.id),
      kind: "virtualNetworkLink",
      action: failed ? "update" : "create",
      phase: "open",
      resourceId: link.id,
      resourceName: link.name,
      changes: [{ property: "virtualNetwork", op: "set", after: link.virtualNetworkId }],
      dependsOn: zoneStep ? [zoneStep.id] : [],
      notes: failed ? [note("redrive", { state: failed.provisioningState ?? "" })] : [],
      payload: { kind: "virtualNetworkLink", virtualNetworkId: link.virtualNetworkId }
    });
    stepIds.push(step.id);
  }
  return stepIds;
}
function planEndpoint(context, dependsOn) {
  const { endpoint, vault, lookup, steps } = context;
  const live = lookup.privateEndpoint(endpoint.id);
  const subnet = lookup.subnet(endpoint.subnetId);
  if (!subnet)
    error(context, "subnet/missing", { subnetId: endpoint.subnetId, endpoint: endpoint.name });
  const connection = live ? connectionFor(context.liveVault, live.id) : void 0;
  const common = {
    ...context.base,
    id: stepId("privateEndpoint", endpoint.id),
    kind: "privateEndpoint",
    phase: "open",
    resourceId: endpoint.id,
    resourceName: endpoint.name,
    changes: [
      { property: "subnet", op: "set", after: endpoint.subnetId },
      { property: "connection", op: "set", after: `${endpoint.connectionName} → ${vault.name}` },
      { property: `tags.${MANAGED_BY_TAG}`, op: "set", after: MANAGED_BY_VALUE }
    ],
    dependsOn: [...dependsOn],
    payload: {
      kind: "privateEndpoint",
      location: endpoint.location ?? lookup.virtualNetworkLocation(endpoint.subnetId),
      subnetId: endpoint.subnetId,
      vaultId: vault.id,
      connectionName: endpoint.connectionName,
      manualApproval: endpoint.manualApproval,
      requestMessage: endpoint.requestMessage
    }
  };
  if (!live) {
    if (!subnet) return {};
    const notes = endpoint.manualApproval ? [note("endpoint/manual-approval")] : [];
    return { step: steps.add({ ...common, action: "create", notes }) };
  }
  const reasons = replaceReasons(live, endpoint, vault, connection);
  if (reasons.length === 0) return { live, connection };
  if (!isManagedByKvnet(live)) {
    error(context, "private-endpoint/foreign", {
      endpoint: endpoint.name,
      reasons
    });
    return { live, connection };
  }
  const step = steps.add({
    ...common,
    action: "replace",
    replaceOrder: ["delete", "create"],
    flags: { ...NO_FLAGS, destructive: true },
    notes: [note("endpoint/replaced"), ...reasons]
  });
  return { step, live, connection };
}
function planZoneGroup(context, endpointPlan, zoneStep) {
  const { endpoint, vault, lookup } = context;
  const dns = endpoint.dns;
  const group = dns?.zoneGroup;
  if (!dns || !group) return;
  if (!endpointPlan.step && !endpointPlan.live) return;
  const groups = endpointPlan.step ? [] : lookup.zoneGroupsOf(endpoint.id);
  const own = groups.find((candidate) => resourceIdKey(candidate.id) === resourceIdKey(group.id));
  const other = groups.find((candidate) => candidate !== own);
  const servesZone = (zoneIds) => zoneIds.some((zoneId) => resourceIdKey(zoneId) === resourceIdKey(dns.zoneId));
  if (!own && other) {
    if (servesZone(other.zoneIds) && isSucceeded(other.provisioningState)) {
      context.steps.finding({
        level: "info",
        rule: "dns/zone-group-other",
        params: { endpoint: endpoint.name, group: other.name, spec: group.name },
        vault: vault.name,
        source: endpoint.source
      });
      return;
    }
    error(context, "dns/zone-group-foreign", {
      endpoint: endpoint.name,
      group: other.name,
      zones: [...other.zoneIds],
      spec: dns.zoneId
    });
    return;
  }
  const record = lookup.aRecord(dns.zoneId, vault.name);
  const endpointIps = [
    .../* @__PURE__ */ new Set([
      ...endpointPlan.live?.privateIps ?? [],
      ...groups.flatMap(
        (candidate) => candidate.records.filter(
          (written) => written.recordType === "" || written.recordType.toUpperCase() === "A"
        ).flatMap((written) => written.ipAddresses)
      )
    ])
  ];
  const recordMatches = record !== void 0 && endpointIps.some((ip) => record.ipv4Addresses.includes(ip));
  let reason;
  if (endpointPlan.step) reason = void 0;
  else if (!own) reason = note("zone-group/missing");
  else if (!isSucceeded(own.provisioningState))
    reason = note("redrive", { state: own.provisioningState ?? "" });
  else if (own.zoneIds.length !== 1 || !servesZone(own.zoneIds))
    reason = note("zone-group/zones-differ", { zones: [...own.zoneIds] });
  else if (!recordMatches && endpointIps.length > 0)
    reason = note("zone-group/record-differs", { record: vault.name, ips: [...endpointIps] });
  if (!endpointPlan.step && reason === void 0) return;
  context.steps.add({
    ...context.base,
    id: stepId("zoneGroup", group.id),
    kind: "zoneGroup",
    action: own && !endpointPlan.step ? "update" : "create",
    phase: "open",
    resourceId: group.id,
    resourceName: `${group.name} (${endpoint.name})`,
    changes: [
      { property: "privateDnsZoneConfigs", op: "set", after: dns.zoneName },
      { property: "A record", op: "set", after: `${vault.name}.${dns.zoneName}` }
    ],
    dependsOn: [
      ...endpointPlan.step ? [endpointPlan.step.id] : [],
      ...zoneStep ? [zoneStep.id] : []
    ],
    notes: reason ? [reason] : [],
    payload: { kind: "zoneGroup", privateEndpointId: endpoint.id, zoneIds: [dns.zoneId] }
  });
}
function planApproval(context, endpointPlan) {
  const { endpoint, vault, steps, base } = context;
  if (endpointPlan.step) {
    if (endpoint.manualApproval)
      steps.add(approvalStep(vault, endpoint.id, void 0, [endpointPlan.step.id], base.vaults));
    return;
  }
  if (endpointPlan.connection?.status === "Pending")
    steps.add(approvalStep(vault, endpoint.id, endpointPlan.connection.name, [], base.vaults));
}
function endpointSteps(endpoint, vault, liveVault, lookup, steps) {
  const context = {
    endpoint,
    vault,
    liveVault,
    lookup,
    steps,
    base: { vaults: [vault.name], notes: [], flags: NO_FLAGS }
  };
  const zoneStep = planZone(context);
  const linkStepIds = planLinks(context, zoneStep);
  const endpointPlan = planEndpoint(context, [...zoneStep ? [zoneStep.id] : [], ...linkStepIds]);
  planZoneGroup(context, endpointPlan, zoneStep);
  planApproval(context, endpointPlan);
}
function approvalStep(vault, endpointId, connectionName, dependsOn, vaults) {
  return {
    id: stepId("connection", `${vault.id}/${endpointId}`),
    kind: "connection",
    action: "update",
    phase: "open",
    resourceId: connectionName ? `${vault.id}/privateEndpointConnections/${connectionName}` : `${vault.id}/privateEndpointConnections`,
    resourceName: `${connectionName ?? "connection"} from ${lastSegment(endpointId)} to ${vault.name}`,
    vaults,
    changes: [{ property: "status", op: "set", before: "Pending", after: "Approved" }],
    dependsOn,
    flags: NO_FLAGS,
    notes: [note("connection/approve-declared", { endpoint: lastSegment(endpointId) })],
    payload: {
      kind: "connection",
      vaultId: vault.id,
      connectionName,
      privateEndpointId: endpointId,
      status: "Approved"
    }
  };
}
function unmanagedConnectionSteps(vault, liveVault, lookup, steps) {
  const declared = new Set(vault.privateEndpoints.map((endpoint) => resourceIdKey(endpoint.id)));
  const handled = /* @__PURE__ */ new Set();
  const deleteEndpoint = (endpoint) => {
    handled.add(resourceIdKey(endpoint.id));
    steps.add({
      id: stepId("privateEndpoint", endpoint.id, ":delete"),
      kind: "privateEndpoint",
      action: "delete",
      phase: "narrow",
      resourceId: endpoint.id,
      resourceName: endpoint.name,
      vaults: [vault.name],
      changes: [
        { property: "connection", op: "remove", before: `${endpoint.name} → ${vault.name}` }
      ],
      dependsOn: [],
      flags: { ...NO_FLAGS, destructive: true },
      notes: [note("endpoint/no-longer-declared")],
      payload: {
        kind: "privateEndpoint",
        subnetId: endpoint.subnetId,
        vaultId: vault.id,
        connectionName: endpoint.connections[0]?.name ?? "",
        manualApproval: endpoint.connections[0]?.manual ?? false
      }
    });
  };
  for (const connection of liveVault.connections) {
    const endpointKey = resourceIdKey(connection.privateEndpointId);
    if (declared.has(endpointKey)) continue;
    const endpoint = lookup.privateEndpoint(connection.privateEndpointId);
    if (endpoint && isManagedByKvnet(endpoint)) {
      deleteEndpoint(endpoint);
      continue;
    }
    handled.add(endpointKey);
    const settled = connection.status === "Rejected" || connection.status === "Disconnected";
    if (vault.unmanagedConnections === "reject" && !settled) {
      steps.add({
        id: stepId("connection", connection.id),
        kind: "connection",
        action: "update",
        phase: "narrow",
        resourceId: connection.id,
        resourceName: `${connection.name} from ${lastSegment(connection.privateEndpointId)} to ${vault.name}`,
        vaults: [vault.name],
        changes: [{ property: "status", op: "set", before: connection.status, after: "Rejected" }],
        dependsOn: [],
        flags: { ...NO_FLAGS, destructive: true },
        notes: [note("connection/reject-undeclared", { endpoint: connection.privateEndpointId })],
        payload: {
          kind: "connection",
          vaultId: vault.id,
          connectionName: connection.name,
          privateEndpointId: connection.privateEndpointId,
          status: "Rejected"
        }
      });
    } else {
      steps.finding({
        level: settled ? "info" : "warning",
        rule: "connection/unmanaged",
        vault: vault.name,
        source: settingSource(vault, "unmanagedConnections"),
        params: {
          connection: connection.name,
          status: connection.status,
          endpoint: connection.privateEndpointId,
          suggestReject: vault.unmanagedConnections === "report" && !settled
        }
      });
    }
  }
  for (const endpoint of lookup.privateEndpointsTargeting(vault.id)) {
    const key2 = resourceIdKey(endpoint.id);
    if (declared.has(key2) || handled.has(key2) || !isManagedByKvnet(endpoint)) continue;
    deleteEndpoint(endpoint);
  }
}

// src/engine/plan/set-changes.ts
var PROPERTY_KIND = {
  "networkAcls.ipRules": "ipSet",
  "networkAcls.virtualNetworkRules": "subnetSet"
};
var valueKey = (kind, value) => kind === "ipSet" ? value : String(resourceIdKey(value));
function deriveSetChanges(vaults, steps) {
  const groups = /* @__PURE__ */ new Map();
  const untraced = [];
  const add = (kind, set, op, value, vault, evidence, reason) => {
    const id = JSON.stringify([kind, set, op, valueKey(kind, value)]);
    const group = groups.get(id) ?? {
      kind,
      set,
      op,
      value,
      vaults: /* @__PURE__ */ new Set(),
      evidence,
      ...reason ? { reason } : {}
    };
    group.vaults.add(vault);
    groups.set(id, group);
  };
  for (const step of steps) {
    if (step.kind !== "vault" || step.action !== "update") continue;
    const vault = step.vaults[0];
    if (vault === void 0) continue;
    for (const change of step.changes) {
      const kind = PROPERTY_KIND[change.property];
      if (kind === void 0 || change.op === "set") continue;
      const value = String(change.op === "add" ? change.after : change.before);
      if (change.sets && change.sets.length > 0) {
        for (const set of change.sets)
          add(kind, set, change.op, value, vault, "spec", change.reason);
      } else if (change.op === "remove") {
        untraced.push({ vault, kind, value, change });
      }
    }
  }
  traceRemovals(vaults, untraced, add);
  return [...groups.values()].map((group) => ({
    kind: group.kind,
    set: group.set,
    op: group.op,
    value: group.value,
    vaults: [...group.vaults].sort(),
    ...group.reason ? { reason: group.reason } : {},
    evidence: group.evidence
  })).sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.set.localeCompare(b.set) || (a.op === b.op ? 0 : a.op === "remove" ? -1 : 1) || a.value.localeCompare(b.value)
  );
}
function traceRemovals(vaults, untraced, add) {
  if (untraced.length === 0) return;
  const users = /* @__PURE__ */ new Map();
  for (const vault of vaults) {
    for (const kind of ["ipSet", "subnetSet"]) {
      for (const set of vault.sets?.[kind] ?? []) {
        const id = `${kind}:${set}`;
        users.set(id, [...users.get(id) ?? [], vault.name]);
      }
    }
  }
  const losers = /* @__PURE__ */ new Map();
  for (const entry of untraced) {
    const id = `${entry.kind}:${valueKey(entry.kind, entry.value)}`;
    const set = losers.get(id) ?? /* @__PURE__ */ new Set();
    set.add(entry.vault);
    losers.set(id, set);
  }
  const byName = new Map(vaults.map((vault) => [vault.name, vault]));
  for (const entry of untraced) {
    const lost = losers.get(`${entry.kind}:${valueKey(entry.kind, entry.value)}`);
    let best;
    for (const set of byName.get(entry.vault)?.sets?.[entry.kind] ?? []) {
      const using = users.get(`${entry.kind}:${set}`) ?? [];
      if (using.length < 2 || !using.every((name) => lost?.has(name))) continue;
      if (!best || using.length > best.users) best = { set, users: using.length };
    }
    if (best)
      add(
        entry.kind,
        best.set,
        "remove",
        entry.value,
        entry.vault,
        "every-user",
        entry.change.reason
      );
  }
}

// src/engine/plan/simulate.ts
import { isDeepStrictEqual } from "node:util";

// src/engine/plan/world-of.ts
function endpointFact(endpoint, lookup) {
  return {
    id: endpoint.id,
    name: endpoint.name,
    ready: isSucceeded(endpoint.provisioningState),
    provisioningState: endpoint.provisioningState,
    subnetId: endpoint.subnetId,
    virtualNetwork: key(virtualNetworkOf(endpoint.subnetId)),
    ips: endpoint.privateIps,
    zoneGroups: lookup.zoneGroupsOf(endpoint.id).map((group) => ({
      id: group.id,
      name: group.name,
      zones: group.zoneIds.map(key),
      ready: isSucceeded(group.provisioningState)
    }))
  };
}
function subnetFact(subnetId, lookup) {
  const state = lookup.subnetState(subnetId);
  if (state.status === "missing") return state;
  if (state.status === "unknown") return { status: "unknown", reason: state.reason.code };
  return {
    status: "ok",
    id: state.subnet.id,
    keyVaultEndpoint: state.subnet.serviceEndpoints.some(
      (service) => service.toLowerCase() === "microsoft.keyvault"
    ),
    ready: isSucceeded(state.subnet.provisioningState)
  };
}
function liveWorld(desired, lookup, switchingSubnets) {
  const vaults = /* @__PURE__ */ new Map();
  const subnetIds = /* @__PURE__ */ new Map();
  const declaredZoneOf = /* @__PURE__ */ new Map();
  const zoneIds = /* @__PURE__ */ new Map();
  for (const vault of desired.vaults) {
    const live = lookup.vault(vault.id);
    if (live.status !== "ok") continue;
    vaults.set(key(vault.id), {
      id: vault.id,
      name: vault.name,
      privateLinkZone: vault.kind.privateLinkZones[vault.cloud.name],
      network: live.value.network,
      connections: new Map(
        live.value.connections.map((connection) => [
          key(connection.privateEndpointId),
          {
            endpointId: connection.privateEndpointId,
            name: connection.name,
            status: connection.status
          }
        ])
      ),
      declaredEndpoints: new Map(
        vault.privateEndpoints.map((endpoint) => [key(endpoint.id), endpoint.id])
      )
    });
    for (const rule of [
      ...live.value.network.virtualNetworkRules,
      ...vault.network.virtualNetworkRules
    ])
      subnetIds.set(key(rule.subnetId), rule.subnetId);
    for (const endpoint of vault.privateEndpoints) {
      subnetIds.set(key(endpoint.subnetId), endpoint.subnetId);
      if (!endpoint.dns) continue;
      declaredZoneOf.set(key(endpoint.id), key(endpoint.dns.zoneId));
      zoneIds.set(key(endpoint.dns.zoneId), endpoint.dns.zoneId);
    }
  }
  const subnets = /* @__PURE__ */ new Map();
  for (const [subnetKey, id] of subnetIds) subnets.set(subnetKey, subnetFact(id, lookup));
  const endpoints = /* @__PURE__ */ new Map();
  const endpointByIp = /* @__PURE__ */ new Map();
  for (const endpoint of lookup.allPrivateEndpoints()) {
    endpoints.set(key(endpoint.id), endpointFact(endpoint, lookup));
    for (const ip of endpoint.privateIps) endpointByIp.set(ip, key(endpoint.id));
  }
  const zones = /* @__PURE__ */ new Map();
  const links = /* @__PURE__ */ new Map();
  const records = /* @__PURE__ */ new Map();
  for (const [zoneKey, zoneId] of zoneIds) {
    const zone = lookup.zone(zoneId);
    if (zone.status === "error") continue;
    if (zone.status === "not-found") {
      zones.set(zoneKey, "missing");
      continue;
    }
    zones.set(zoneKey, { name: zone.value.name, ready: isSucceeded(zone.value.provisioningState) });
    links.set(
      zoneKey,
      new Map(
        lookup.links(zoneId).map((link) => [
          key(link.virtualNetworkId),
          {
            ready: isSucceeded(link.provisioningState) && (link.state === void 0 || link.state.toLowerCase() === "completed")
          }
        ])
      )
    );
    for (const record of lookup.aRecords(zoneId)) {
      const endpoint = record.ipv4Addresses.map((ip) => endpointByIp.get(ip)).find(Boolean);
      records.set(
        recordKey(zoneKey, record.name),
        endpoint ? { kind: "endpoint", endpoint } : { kind: "other", ips: record.ipv4Addresses }
      );
    }
  }
  return { vaults, subnets, endpoints, zones, links, records, declaredZoneOf, switchingSubnets };
}
function networkOfPayload(payload) {
  return {
    publicNetworkAccess: payload.publicNetworkAccess,
    defaultAction: payload.networkAcls.defaultAction === "Allow" ? "Allow" : "Deny",
    bypass: payload.networkAcls.bypass === "AzureServices" ? "AzureServices" : "None",
    ipRules: normalizeIpRules(payload.networkAcls.ipRules),
    virtualNetworkRules: normalizeVirtualNetworkRules(
      payload.networkAcls.virtualNetworkRules.map((rule) => ({
        subnetId: rule.id,
        ignoreMissingServiceEndpoint: rule.ignoreMissingVnetServiceEndpoint
      }))
    ),
    defaulted: []
  };
}
function removeEndpoint(world, endpointKey, vaultKey) {
  const undos = [setWithUndo(world.endpoints, endpointKey, void 0)];
  const vault = world.vaults.get(vaultKey);
  if (vault) undos.push(setWithUndo(vault.connections, endpointKey, void 0));
  for (const [recordId, target] of world.records)
    if (target.kind === "endpoint" && target.endpoint === endpointKey)
      undos.push(setWithUndo(world.records, recordId, void 0));
  return undoAll(undos);
}
function applyStep(world, step, half) {
  const payload = step.payload;
  switch (payload.kind) {
    case "vault": {
      const vault = world.vaults.get(key(step.resourceId));
      if (!vault) return () => void 0;
      const previous = vault.network;
      vault.network = networkOfPayload(payload.network);
      return () => {
        vault.network = previous;
      };
    }
    case "subnet": {
      const subnetKey = key(step.resourceId);
      const fact = world.subnets.get(subnetKey);
      const id = fact?.status === "ok" ? fact.id : step.resourceId;
      return setSubnetWithUndo(world, subnetKey, {
        status: "ok",
        id,
        keyVaultEndpoint: true,
        ready: true
      });
    }
    case "dnsZone":
      return setWithUndo(world.zones, key(step.resourceId), {
        name: step.resourceName,
        ready: true
      });
    case "virtualNetworkLink": {
      const zoneKey = key(step.resourceId.replace(/\/virtualNetworkLinks\/[^/]+$/i, ""));
      const undos = [];
      let links = world.links.get(zoneKey);
      if (!links) {
        links = /* @__PURE__ */ new Map();
        undos.push(setWithUndo(world.links, zoneKey, links));
      }
      undos.push(setWithUndo(links, key(payload.virtualNetworkId), { ready: true }));
      return undoAll(undos);
    }
    case "privateEndpoint": {
      const endpointKey = key(step.resourceId);
      const vaultKey = key(payload.vaultId);
      if (step.action === "delete" || half === "delete")
        return removeEndpoint(world, endpointKey, vaultKey);
      const undos = step.action === "replace" && half === void 0 ? [removeEndpoint(world, endpointKey, vaultKey)] : [];
      undos.push(
        setWithUndo(world.endpoints, endpointKey, {
          id: step.resourceId,
          name: step.resourceName,
          ready: true,
          subnetId: payload.subnetId,
          virtualNetwork: key(virtualNetworkOf(payload.subnetId)),
          ips: [],
          zoneGroups: []
        })
      );
      const vault = world.vaults.get(vaultKey);
      if (vault)
        undos.push(
          setWithUndo(vault.connections, endpointKey, {
            endpointId: step.resourceId,
            name: payload.connectionName,
            status: payload.manualApproval ? "Pending" : "Approved"
          })
        );
      return undoAll(undos);
    }
    case "zoneGroup": {
      const endpointKey = key(payload.privateEndpointId);
      const endpoint = world.endpoints.get(endpointKey);
      if (!endpoint) return () => void 0;
      const previous = endpoint.zoneGroups;
      endpoint.zoneGroups = [
        {
          id: step.resourceId,
          name: step.resourceName,
          zones: payload.zoneIds.map(key),
          ready: true
        }
      ];
      const undos = [
        () => {
          endpoint.zoneGroups = previous;
        }
      ];
      for (const zoneId of payload.zoneIds)
        for (const name of step.vaults)
          undos.push(
            setWithUndo(world.records, recordKey(key(zoneId), name), {
              kind: "endpoint",
              endpoint: endpointKey
            })
          );
      return undoAll(undos);
    }
    case "connection": {
      const vault = world.vaults.get(key(payload.vaultId));
      const endpointKey = key(payload.privateEndpointId);
      const current = vault?.connections.get(endpointKey);
      if (!vault || !current) return () => void 0;
      return setWithUndo(vault.connections, endpointKey, { ...current, status: payload.status });
    }
  }
}

// src/engine/plan/simulate.ts
function subnetIndex(world, desired) {
  const bySubnet = /* @__PURE__ */ new Map();
  const withIpRules = /* @__PURE__ */ new Set();
  const note2 = (vaultKey, network) => {
    if (network.ipRules.length > 0) withIpRules.add(vaultKey);
    for (const rule of network.virtualNetworkRules) {
      const subnetKey = key(rule.subnetId);
      const set = bySubnet.get(subnetKey) ?? /* @__PURE__ */ new Set();
      set.add(vaultKey);
      bySubnet.set(subnetKey, set);
    }
  };
  for (const vault of desired) {
    const vaultKey = key(vault.id);
    const live = world.vaults.get(vaultKey);
    if (!live) continue;
    note2(vaultKey, live.network);
    note2(vaultKey, vault.network);
  }
  return { bySubnet, withIpRules };
}
function fresh(step) {
  if (step.bystanders === void 0) return step;
  const { bystanders: _earlier, ...rest } = step;
  return rest;
}
function outside(vaults, reached) {
  let inside = 0;
  for (const vaultKey of reached) if (vaults.has(vaultKey)) inside += 1;
  return vaults.size - inside;
}
function isEgressOnly(change, egress) {
  const [path, ...rest] = change.possiblyLost;
  return change.gained.length + change.lost.length + rest.length === 0 && path?.kind === "switching-subnets-egress" && path.subnetIds.length === 1 && key(path.subnetIds[0] ?? "") === key(egress.subnetIds[0] ?? "");
}
var coded = (code, params = {}) => ({ code, params });
function privateGaps(access) {
  const gaps = [...access.inactive, ...access.unknown].filter((entry) => entry.path.kind === "private-endpoint").map(
    (entry) => entry.path.kind === "private-endpoint" ? `${entry.path.name}:${entry.reason.code}` : ""
  );
  return gaps.length > 0 ? gaps : ["no-endpoint-declared"];
}
function simulate(ordered, world, desired, options = {}) {
  const vaultKeyByName = new Map(desired.map((vault) => [vault.name, key(vault.id)]));
  const desiredByKey = new Map(desired.map((vault) => [key(vault.id), vault]));
  const { bySubnet, withIpRules } = subnetIndex(world, desired);
  const before = /* @__PURE__ */ new Map();
  for (const vaultKey of world.vaults.keys()) before.set(vaultKey, accessOf(world, vaultKey));
  const current = new Map(before);
  let egressEpoch = 0;
  const seenAt = /* @__PURE__ */ new Map();
  const refresh = (vaultKey) => {
    if ((seenAt.get(vaultKey) ?? 0) === egressEpoch) return;
    const known = current.get(vaultKey);
    const access = accessOf(world, vaultKey);
    current.set(vaultKey, known && isDeepStrictEqual(known, access) ? known : access);
    seenAt.set(vaultKey, egressEpoch);
  };
  const admitting = /* @__PURE__ */ new Set();
  for (const [vaultKey, vault] of world.vaults)
    if (admitsPublicEgress(vault.network)) admitting.add(vaultKey);
  const findings = [];
  const blockedIds = /* @__PURE__ */ new Set();
  const result = [];
  for (const step of ordered) {
    const affected = new Set(
      step.vaults.flatMap((name) => {
        const found = vaultKeyByName.get(name);
        return found ? [found] : [];
      })
    );
    const subnetKey = step.kind === "subnet" ? key(step.resourceId) : void 0;
    let bystanderCount = 0;
    if (subnetKey !== void 0) {
      for (const vaultKey of bySubnet.get(subnetKey) ?? []) affected.add(vaultKey);
    }
    const direct = new Set(affected);
    if (subnetKey !== void 0) {
      const shortcut = !options.exhaustive && step.phase !== "narrow" && step.action !== "replace";
      if (!shortcut) for (const vaultKey of withIpRules) affected.add(vaultKey);
      else if (isPendingSwitch(world, subnetKey)) bystanderCount = outside(admitting, direct);
    }
    for (const vaultKey of affected) refresh(vaultKey);
    const blockingDependency = step.dependsOn.find((id) => blockedIds.has(id));
    if (blockingDependency) {
      blockedIds.add(step.id);
      result.push({
        ...fresh(step),
        flags: { ...step.flags, blocked: true },
        notes: [...step.notes, coded("depends-on-blocked", { step: blockingDependency })]
      });
      continue;
    }
    const notes = [];
    let lockout = false;
    let blocked = false;
    const refuse = (vault, note2, finding) => {
      if (vault.acknowledgeLockout) {
        notes.push(coded(`${note2.code}-accepted`, note2.params));
        if (finding) findings.push({ ...finding, level: "warning" });
        return;
      }
      blocked = true;
      notes.push(note2);
      if (finding) findings.push(finding);
    };
    const networkBefore = new Map(
      [...affected].map((vaultKey) => [vaultKey, world.vaults.get(vaultKey)?.network])
    );
    if (step.action === "replace") {
      const undoDelete = applyStep(world, step, "delete");
      for (const vaultKey of affected) {
        const vault = desiredByKey.get(vaultKey);
        const interim = accessOf(world, vaultKey);
        if (vault && isLockedOut(interim) && !isLockedOut(before.get(vaultKey) ?? interim)) {
          lockout = true;
          refuse(vault, coded("replace-locks-out", { vault: vault.name }));
        }
      }
      undoDelete();
    }
    const egressPending = subnetKey !== void 0 && isPendingSwitch(world, subnetKey);
    const undo = applyStep(world, step);
    const egressGone = egressPending && subnetKey !== void 0 && !isPendingSwitch(world, subnetKey);
    if (!egressGone) bystanderCount = 0;
    const post = new Map([...affected].map((vaultKey) => [vaultKey, accessOf(world, vaultKey)]));
    for (const [vaultKey, access] of post) {
      const vault = desiredByKey.get(vaultKey);
      const start = before.get(vaultKey);
      if (!vault || !start) continue;
      if (isLockedOut(access) && !isLockedOut(start)) {
        lockout = true;
        refuse(vault, coded("would-lock-out", { vault: vault.name }), {
          level: "error",
          rule: "lockout",
          vault: vault.name,
          source: vault.source,
          params: { vault: vault.name, unverified: access.unknown.length }
        });
      }
      const was = networkBefore.get(vaultKey);
      const now = world.vaults.get(vaultKey)?.network;
      const disabling = step.kind === "vault" && was?.publicNetworkAccess !== "Disabled" && now?.publicNetworkAccess === "Disabled";
      if (disabling && !hasPrivatePath(access))
        refuse(
          vault,
          coded("private-path-missing", { vault: vault.name, gaps: privateGaps(access) })
        );
    }
    if (blocked) {
      undo();
      blockedIds.add(step.id);
      result.push({
        ...fresh(step),
        flags: { ...step.flags, blocked: true, lockout },
        notes: [...step.notes, ...notes]
      });
      continue;
    }
    if (egressGone) egressEpoch += 1;
    const subnet = subnetKey !== void 0 ? world.subnets.get(subnetKey) : void 0;
    const egress = egressGone && subnet?.status === "ok" ? egressPath([subnet.id]) : void 0;
    const effects = [];
    for (const [vaultKey, access] of post) {
      const previous = current.get(vaultKey);
      const vault = world.vaults.get(vaultKey);
      if (!previous || !vault) continue;
      const change = diffAccess(previous, access);
      current.set(vaultKey, access);
      seenAt.set(vaultKey, egressEpoch);
      if (admitsPublicEgress(vault.network)) admitting.add(vaultKey);
      else admitting.delete(vaultKey);
      if (isEmptyChange(change)) continue;
      if (egress && !direct.has(vaultKey) && isEgressOnly(change, egress)) bystanderCount += 1;
      else effects.push({ vault: vault.name, ...change });
    }
    const bystanders = egress && bystanderCount > 0 ? { count: bystanderCount, possiblyLost: egress } : void 0;
    const bystanderChange = egress ? [{ gained: [], lost: [], possiblyLost: bystanders ? [egress] : [] }] : [];
    const requires = step.phase === "narrow" ? [...post].flatMap(([vaultKey, access]) => {
      const vault = world.vaults.get(vaultKey);
      return vault && access.open.length > 0 ? [{ vault: vault.name, paths: access.open }] : [];
    }) : [];
    result.push({
      ...fresh(step),
      effects,
      ...bystanders ? { bystanders } : {},
      impact: impactOf([...effects, ...bystanderChange]),
      requires,
      flags: { ...step.flags, lockout },
      notes: [...step.notes, ...notes]
    });
  }
  for (const vaultKey of world.vaults.keys()) refresh(vaultKey);
  return { steps: result, before, after: current, findings };
}

// src/engine/plan/step-collector.ts
var StepCollector = class {
  steps = /* @__PURE__ */ new Map();
  idsByVault = /* @__PURE__ */ new Map();
  findings = [];
  add(draft) {
    const step = { ...draft, impact: "none", effects: [], requires: [] };
    const existing = this.steps.get(step.id);
    const stored = existing ? {
      ...existing,
      vaults: [.../* @__PURE__ */ new Set([...existing.vaults, ...step.vaults])],
      dependsOn: [.../* @__PURE__ */ new Set([...existing.dependsOn, ...step.dependsOn])],
      notes: uniqueNotes([...existing.notes, ...step.notes])
    } : step;
    this.steps.set(step.id, stored);
    for (const vault of stored.vaults) {
      let ids = this.idsByVault.get(vault);
      if (!ids) this.idsByVault.set(vault, ids = /* @__PURE__ */ new Set());
      ids.add(step.id);
    }
    return stored;
  }
  all() {
    return [...this.steps.values()];
  }
  /** The steps that serve a vault (by name), in the order they were first added. */
  forVault(vault) {
    return [...this.idsByVault.get(vault) ?? []].flatMap((id) => {
      const step = this.steps.get(id);
      return step ? [step] : [];
    });
  }
  finding(finding) {
    this.findings.push(finding);
  }
};
function uniqueNotes(notes) {
  const seen = new Map(notes.map((note2) => [JSON.stringify(note2), note2]));
  return [...seen.values()];
}

// src/engine/plan/types.ts
var PLAN_SCHEMA_VERSION = 3;

// src/engine/plan/vault-steps.ts
var ruleKey = (rule) => resourceIdKey(rule.subnetId);
function openingNetwork(before, after) {
  const afterRuleKeys = new Map(after.virtualNetworkRules.map((rule) => [ruleKey(rule), rule]));
  const scalars = {
    publicNetworkAccess: after.publicNetworkAccess === "Enabled" ? "Enabled" : before.publicNetworkAccess,
    defaultAction: after.defaultAction === "Allow" ? "Allow" : before.defaultAction,
    bypass: after.bypass === "AzureServices" ? "AzureServices" : before.bypass
  };
  return {
    ...scalars,
    ipRules: normalizeIpRules([...before.ipRules, ...after.ipRules]),
    // Rules kept from before take after's ignore flag when after also has them.
    virtualNetworkRules: normalizeVirtualNetworkRules([
      ...before.virtualNetworkRules.map((rule) => afterRuleKeys.get(ruleKey(rule)) ?? rule),
      ...after.virtualNetworkRules
    ]),
    // A value the opening step leaves alone is still Azure's default, and is shown as such.
    defaulted: before.defaulted.filter((property) => scalars[property] === before[property])
  };
}
function admissibleOpening(desired, opening) {
  if (!desired.kind.firewall.ipRulesNeedDeny || opening.defaultAction !== "Allow") return opening;
  return { ...opening, ipRules: [] };
}
function scalarChange(property, before, after, beforeIsDefault) {
  if (before === after) return [];
  return [{ property, op: "set", before, after, beforeIsDefault }];
}
function networkChanges(before, after, reasons = /* @__PURE__ */ new Map(), origins = NO_ORIGINS) {
  const ipSets = (cidr) => setsField(origins.ipRules.get(cidr));
  const subnetSets = (id) => setsField(origins.virtualNetworkRules.get(resourceIdKey(id)));
  const changes = [
    ...scalarChange(
      "publicNetworkAccess",
      before.publicNetworkAccess,
      after.publicNetworkAccess,
      before.defaulted.includes("publicNetworkAccess")
    ),
    ...scalarChange(
      "networkAcls.defaultAction",
      before.defaultAction,
      after.defaultAction,
      before.defaulted.includes("defaultAction")
    ),
    ...scalarChange(
      "networkAcls.bypass",
      before.bypass,
      after.bypass,
      before.defaulted.includes("bypass")
    )
  ];
  const beforeIps = new Set(before.ipRules);
  const afterIps = new Set(after.ipRules);
  for (const cidr of after.ipRules) {
    if (!beforeIps.has(cidr))
      changes.push({
        property: "networkAcls.ipRules",
        op: "add",
        after: cidr,
        reason: reasons.get(cidr),
        ...ipSets(cidr)
      });
  }
  for (const cidr of before.ipRules) {
    if (!afterIps.has(cidr)) {
      changes.push({
        property: "networkAcls.ipRules",
        op: "remove",
        before: cidr,
        reason: reasons.get(cidr),
        ...ipSets(cidr)
      });
    }
  }
  const beforeRules = new Set(before.virtualNetworkRules.map(ruleKey));
  const afterRules = new Set(after.virtualNetworkRules.map(ruleKey));
  for (const rule of after.virtualNetworkRules) {
    if (!beforeRules.has(ruleKey(rule))) {
      changes.push({
        property: "networkAcls.virtualNetworkRules",
        op: "add",
        after: rule.subnetId,
        ...subnetSets(rule.subnetId)
      });
    }
  }
  for (const rule of before.virtualNetworkRules) {
    if (!afterRules.has(ruleKey(rule))) {
      changes.push({
        property: "networkAcls.virtualNetworkRules",
        op: "remove",
        before: rule.subnetId,
        ...subnetSets(rule.subnetId)
      });
    }
  }
  return changes;
}
var NO_ORIGINS = { ipRules: /* @__PURE__ */ new Map(), virtualNetworkRules: /* @__PURE__ */ new Map() };
function setsField(sets) {
  return sets && sets.length > 0 ? { sets } : {};
}
function ruleOrigins(desired) {
  const ipRules = /* @__PURE__ */ new Map();
  for (const rule of [...desired.ipRules]) {
    if (rule.set === void 0) continue;
    const list = ipRules.get(rule.cidr) ?? [];
    if (!list.includes(rule.set)) ipRules.set(rule.cidr, [...list, rule.set].sort());
  }
  return { ipRules, virtualNetworkRules: desired.virtualNetworkRuleSets ?? /* @__PURE__ */ new Map() };
}
function toPayload(network) {
  return {
    publicNetworkAccess: network.publicNetworkAccess,
    networkAcls: {
      defaultAction: network.defaultAction,
      bypass: network.bypass,
      ipRules: [...network.ipRules],
      virtualNetworkRules: network.virtualNetworkRules.map((rule) => ({
        id: rule.subnetId,
        ignoreMissingVnetServiceEndpoint: rule.ignoreMissingServiceEndpoint
      }))
    }
  };
}
function vaultNetworkSteps(desired, liveNetwork) {
  const after = desired.network;
  if (sameNetwork(liveNetwork, after)) return {};
  const live = visibleBasis(liveNetwork, after);
  const reasons = /* @__PURE__ */ new Map();
  for (const rule of desired.ipRules) {
    if (rule.note === void 0 && rule.expires === void 0) continue;
    reasons.set(rule.cidr, {
      code: "ip-rule/annotated",
      params: {
        ...rule.note === void 0 ? {} : { note: rule.note },
        ...rule.expires === void 0 ? {} : { expires: rule.expires }
      }
    });
  }
  for (const rule of desired.expiredRules)
    reasons.set(rule.cidr, { code: "ip-rule/expired", params: { expires: rule.expires ?? "" } });
  const opening = admissibleOpening(desired, openingNetwork(live, after));
  const base = {
    kind: "vault",
    action: "update",
    resourceId: desired.id,
    resourceName: desired.name,
    vaults: [desired.name],
    dependsOn: [],
    flags: { destructive: false, lockout: false, blocked: false },
    notes: live.firewallHidden ? [{ code: "vault/firewall-sent-whole", params: {} }] : []
  };
  const origins = ruleOrigins(desired);
  const openChanges = networkChanges(live, opening, reasons, origins);
  const narrowChanges = networkChanges(opening, after, reasons, origins);
  const open = openChanges.length > 0 ? {
    ...base,
    id: `vault:${resourceIdKey(desired.id)}:open`,
    phase: "open",
    changes: openChanges,
    payload: { kind: "vault", network: toPayload(opening) }
  } : void 0;
  const narrow = narrowChanges.length > 0 ? {
    ...base,
    id: `vault:${resourceIdKey(desired.id)}:narrow`,
    phase: "narrow",
    changes: narrowChanges,
    dependsOn: open ? [open.id] : [],
    payload: { kind: "vault", network: toPayload(after) }
  } : void 0;
  return { open, narrow };
}

// src/engine/plan/build-plan.ts
var KEY_VAULT_SERVICE = "Microsoft.KeyVault";
function buildPlan(desired, snapshot, options = {}) {
  const lookup = new LiveLookup(snapshot);
  const readErrors = lookup.failures();
  if (readErrors.length > 0) {
    return {
      schemaVersion: PLAN_SCHEMA_VERSION,
      outcome: "error",
      fingerprint: fingerprint([], { readErrors }),
      vaults: [],
      steps: [],
      findings: [],
      readErrors
    };
  }
  const steps = new StepCollector();
  const present = [];
  const liveBasis = {};
  for (const vault of desired.vaults) {
    const live = lookup.vault(vault.id);
    if (live.status !== "ok") {
      steps.finding({
        level: "error",
        rule: "vault/missing",
        vault: vault.name,
        source: vault.source,
        params: {
          vault: vault.name,
          resourceGroup: vault.resourceGroup,
          subscription: vault.subscription,
          ...vault.kind.id === "vault" ? {} : { kind: vault.kind.label }
        }
      });
      continue;
    }
    present.push(vault);
    planVaultSteps(vault, live.value, lookup, steps);
    liveBasis[resourceIdKey(vault.id)] = {
      network: comparableNetwork(live.value.network),
      connections: live.value.connections.map((connection) => [
        resourceIdKey(connection.privateEndpointId),
        connection.status
      ])
    };
  }
  const ordered = orderSteps(narrowAfterOpening(steps.all()));
  const switching = new Set(
    ordered.filter((step) => step.kind === "subnet").map((step) => key(step.resourceId))
  );
  const simulation = simulate(ordered, liveWorld(desired, lookup, switching), present, options);
  for (const step of simulation.steps) liveBasis[step.id] ??= basisOf(step, lookup);
  const findings = [...steps.findings, ...simulation.findings];
  const vaultPlans = present.map((vault) => {
    const vaultKey = key(vault.id);
    const before = simulation.before.get(vaultKey) ?? EMPTY_ACCESS;
    const after = simulation.after.get(vaultKey) ?? before;
    findings.push(...deadConfigFindings(vault, after), ...bestPracticeFindings(vault, after));
    return vaultSummary(vault, before, after, stepsServing(simulation.steps, vault.name));
  });
  const hasError = findings.some((finding) => finding.level === "error");
  const setChanges = deriveSetChanges(present, simulation.steps);
  const texts = canonicalTexts(simulation.steps, liveBasis);
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    outcome: hasError ? "error" : simulation.steps.length > 0 ? "changes" : "no-changes",
    fingerprint: fingerprintOfTexts(simulation.steps, texts),
    vaults: vaultPlans,
    steps: simulation.steps,
    findings,
    readErrors: [],
    ...setChanges.length > 0 ? { setChanges } : {},
    basis: planBasis(present, simulation.steps, texts)
  };
}
var EMPTY_ACCESS = { open: [], unknown: [], inactive: [] };
function planVaultSteps(vault, live, lookup, steps) {
  const subnetStepIds = subnetSteps(vault, lookup, steps);
  privateLinkSteps(vault, live, lookup, steps);
  const { open, narrow } = vaultNetworkSteps(vault, live.network);
  if (open) steps.add({ ...open, dependsOn: [...open.dependsOn, ...subnetStepIds] });
  if (narrow) steps.add(narrow);
  vaultFindings(vault, live, steps);
}
function narrowAfterOpening(steps) {
  const openingByVault = /* @__PURE__ */ new Map();
  for (const step of steps) {
    if (step.phase !== "open") continue;
    for (const vault of step.vaults) {
      const list = openingByVault.get(vault);
      if (list) list.push(step.id);
      else openingByVault.set(vault, [step.id]);
    }
  }
  return steps.map((step) => {
    if (step.phase !== "narrow") return step;
    const opening = step.vaults.flatMap((vault) => openingByVault.get(vault) ?? []);
    return { ...step, dependsOn: [.../* @__PURE__ */ new Set([...step.dependsOn, ...opening])] };
  });
}
function basisOf(step, lookup) {
  switch (step.kind) {
    case "subnet":
      return lookup.subnet(step.resourceId)?.serviceEndpoints.map((service) => service.toLowerCase()).sort() ?? null;
    case "privateEndpoint": {
      const endpoint = lookup.privateEndpoint(step.resourceId);
      return endpoint ? {
        subnet: resourceIdKey(endpoint.subnetId),
        connections: endpoint.connections,
        provisioningState: endpoint.provisioningState ?? null
      } : null;
    }
    case "zoneGroup": {
      const group = lookup.zoneGroup(step.resourceId);
      return group ? { zones: group.zoneIds.map(resourceIdKey), state: group.provisioningState ?? null } : null;
    }
    case "dnsZone": {
      const zone = lookup.zone(step.resourceId);
      return zone.status === "ok" ? zone.value.provisioningState ?? "present" : null;
    }
    default:
      return null;
  }
}
function subnetSteps(vault, lookup, steps) {
  const planned = [];
  for (const subnetId of vault.ensureServiceEndpointOn) {
    const subnet = lookup.subnet(subnetId);
    if (!subnet) {
      steps.finding({
        level: "error",
        rule: "subnet/missing",
        vault: vault.name,
        source: vnetRuleSource(vault, subnetId),
        params: { subnetId }
      });
      continue;
    }
    if (subnet.serviceEndpoints.some((s) => s.toLowerCase() === KEY_VAULT_SERVICE.toLowerCase()))
      continue;
    const vnetName = subnetId.split("/").at(-3) ?? "";
    const step = steps.add({
      id: stepId("subnet", subnetId),
      kind: "subnet",
      action: "update",
      phase: "open",
      resourceId: subnet.id,
      resourceName: `${vnetName}/${subnet.name}`,
      vaults: [vault.name],
      changes: [{ property: "serviceEndpoints", op: "add", after: KEY_VAULT_SERVICE }],
      dependsOn: [],
      flags: { destructive: false, lockout: false, blocked: false },
      notes: [
        { code: "subnet/others-kept", params: {} },
        { code: "subnet/source-switch", params: {} }
      ],
      payload: { kind: "subnet", addServiceEndpoint: "Microsoft.KeyVault" }
    });
    planned.push(step.id);
  }
  return planned;
}
function vaultFindings(vault, live, steps) {
  for (const rule of vault.expiringRules) {
    steps.finding({
      level: "warning",
      rule: "ip/expires-soon",
      vault: vault.name,
      source: rule.source,
      params: { cidr: rule.cidr, expires: rule.expires ?? "" }
    });
  }
  if (live.network.firewallHidden) {
    steps.finding({
      level: "info",
      rule: "vault/firewall-not-visible",
      vault: vault.name,
      source: settingSource(vault, "publicNetworkAccess"),
      params: { vault: vault.name }
    });
  }
  if (live.usesAccessPolicies) {
    steps.finding({
      level: "info",
      rule: "vault/access-policies",
      vault: vault.name,
      source: vault.source,
      params: { vault: vault.name }
    });
  }
}
function deadConfigFindings(vault, after) {
  const declared = new Set(
    vault.network.virtualNetworkRules.map((rule) => key(rule.subnetId))
  );
  return [...after.inactive, ...after.unknown].flatMap((entry) => {
    if (entry.path.kind !== "subnet" || !declared.has(key(entry.path.subnetId))) return [];
    if (!entry.reason.code.startsWith("subnet-")) return [];
    return [
      {
        level: "warning",
        rule: "vnet-rule/no-effect",
        vault: vault.name,
        source: vnetRuleSource(vault, entry.path.subnetId),
        params: { subnetId: entry.path.subnetId, reason: entry.reason.code }
      }
    ];
  });
}
function vaultSummary(vault, before, after, vaultSteps) {
  const inPlace = vaultSteps.filter((step) => step.action === "update" || step.action === "replace").flatMap((step) => step.changes);
  const net = diffAccess(before, after);
  return {
    id: vault.id,
    name: vault.name,
    source: vault.source,
    before,
    after,
    net,
    impact: impactOf([net]),
    adds: vaultSteps.filter((step) => step.action === "create").length + inPlace.filter((change) => change.op === "add").length,
    changes: inPlace.filter((change) => change.op === "set").length,
    removals: vaultSteps.filter((step) => step.action === "delete").length + inPlace.filter((change) => change.op === "remove").length
  };
}

// src/engine/plan/make-plan.ts
async function makePlan(desired, reader, options = {}) {
  const snapshot = await readLiveState(
    desired,
    reader,
    options.concurrency ?? DEFAULT_READ_CONCURRENCY,
    options.reads
  );
  return buildPlan(desired, snapshot);
}

// src/engine/render/json-chunks.ts
function resolved(holder, key2, value, replacer) {
  const toJSON = value?.toJSON;
  const own = typeof toJSON === "function" ? toJSON.call(value, key2) : value;
  return replacer.call(holder, key2, own);
}
function leafText(value, format, depth) {
  let atRoot = true;
  const members = function(key2, inner) {
    if (atRoot) {
      atRoot = false;
      return inner;
    }
    return format.replacer.call(this, key2, inner);
  };
  const text = JSON.stringify(value, members, format.unit);
  if (text === void 0 || format.unit === "" || depth === 0) return text;
  return text.replaceAll("\n", `
${format.unit.repeat(depth)}`);
}
var isBoxed = (value) => value instanceof Number || value instanceof String || value instanceof Boolean;
var streams = (value, format, depth) => depth < format.streamedDepth && typeof value === "object" && value !== null && !isBoxed(value);
function* containerChunks(container, format, depth) {
  const isArray = Array.isArray(container);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  const compact = format.unit === "";
  const inner = compact ? "" : `
${format.unit.repeat(depth + 1)}`;
  const outer = compact ? "" : `
${format.unit.repeat(depth)}`;
  const keys = isArray ? [...container.keys()].map(String) : Object.keys(container);
  let written = 0;
  for (const key2 of keys) {
    const raw = container[key2];
    const value = resolved(container, key2, raw, format.replacer);
    const nested = streams(value, format, depth + 1);
    const text = nested ? void 0 : leafText(value, format, depth + 1);
    if (!nested && text === void 0 && !isArray) continue;
    const name = isArray ? "" : `${JSON.stringify(key2)}${compact ? ":" : ": "}`;
    yield `${written === 0 ? open : ","}${inner}${name}`;
    if (nested) yield* containerChunks(value, format, depth + 1);
    else yield text ?? "null";
    written += 1;
  }
  yield written === 0 ? `${open}${close}` : `${outer}${close}`;
}
function* jsonChunks(value, options = {}) {
  const replacer = options.replacer ?? ((_key, inner) => inner);
  const format = {
    replacer,
    unit: " ".repeat(Math.min(10, Math.max(0, options.indent ?? 0))),
    streamedDepth: options.streamedDepth ?? 2
  };
  const root = resolved({ "": value }, "", value, replacer);
  if (streams(root, format, 0)) yield* containerChunks(root, format, 0);
  else {
    const text = leafText(root, format, 0);
    if (text !== void 0) yield text;
  }
}

// src/engine/render/json.ts
var isEgress = (value) => typeof value === "object" && value !== null && value.kind === "switching-subnets-egress";
function* planJsonChunks(plan, options = {}) {
  const sets = [];
  const indexOf = /* @__PURE__ */ new Map();
  const replacer = (_key, value) => {
    if (!isEgress(value)) return value;
    let index = indexOf.get(value.subnetIds);
    if (index === void 0) {
      index = sets.push(value.subnetIds) - 1;
      indexOf.set(value.subnetIds, index);
    }
    return { kind: value.kind, subnetSet: index };
  };
  const table = { toJSON: () => sets };
  const body = {
    ...plan,
    ...options.generator ? { generator: options.generator } : {},
    egressSubnetSets: table
  };
  yield* jsonChunks(body, { replacer, indent: options.indent, streamedDepth: 3 });
}
function* renderJsonChunks(plan) {
  yield* planJsonChunks(plan, { generator: `kvnet/${KVNET_VERSION}`, indent: 2 });
  yield "\n";
}
function parsePlanJson(text) {
  const raw = JSON.parse(text);
  const sets = Array.isArray(raw.egressSubnetSets) ? raw.egressSubnetSets : [];
  delete raw.egressSubnetSets;
  const revive = (value) => {
    if (Array.isArray(value)) {
      for (const [index, entry] of value.entries()) value[index] = revive(entry);
      return value;
    }
    if (typeof value !== "object" || value === null) return value;
    const record = value;
    if (record.kind === "switching-subnets-egress" && typeof record.subnetSet === "number") {
      const ids = sets[record.subnetSet];
      return { kind: record.kind, subnetIds: Array.isArray(ids) ? ids : [] };
    }
    for (const key2 of Object.keys(record)) record[key2] = revive(record[key2]);
    return record;
  };
  return revive(raw);
}

// src/engine/render/access-lines.ts
var PUBLIC_KINDS = /* @__PURE__ */ new Set(["public-all", "ip-range", "subnet"]);
var plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
function publicSummary(access) {
  const open = access.open.filter((path) => PUBLIC_KINDS.has(path.kind));
  if (open.some((path) => path.kind === "public-all")) return "all";
  const ranges = open.filter((path) => path.kind === "ip-range").length;
  const subnets = open.filter((path) => path.kind === "subnet").length;
  const parts = [
    ranges > 0 ? plural(ranges, "range") : "",
    subnets > 0 ? plural(subnets, "subnet") : ""
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "none";
}
function rangeNotes(steps) {
  const notes = /* @__PURE__ */ new Map();
  for (const step of steps) {
    for (const change of step.changes) {
      if (change.property !== "networkAcls.ipRules" || change.reason === void 0) continue;
      if (change.reason.code !== "ip-rule/annotated") continue;
      const cidr = String(change.after ?? change.before ?? "");
      const note2 = noteText(change.reason);
      if (cidr && note2) notes.set(cidr, note2);
    }
  }
  return notes;
}
function withNote(path, notes) {
  const note2 = path.kind === "ip-range" ? notes.get(path.cidr) : void 0;
  return note2 ? `${pathText(path)} — ${note2}` : pathText(path);
}
var weight = (path) => path.kind === "switching-subnets-egress" ? path.subnetIds.length : 1;
function vaultChange(plan, vault) {
  const steps = stepsServing(plan.steps, vault.name);
  const notes = rangeNotes(steps);
  const before = publicSummary(vault.before);
  const after = publicSummary(vault.after);
  const lines = [
    ...before !== after ? [{ sign: "#", text: `public network: ${before} → ${after}` }] : [],
    ...vault.net.lost.map((path) => ({ sign: "-", text: withNote(path, notes) })),
    ...vault.net.possiblyLost.map((path) => ({
      sign: "!",
      text: `may lose ${withNote(path, notes)}`
    })),
    ...vault.net.gained.map((path) => ({ sign: "+", text: withNote(path, notes) })),
    ...vault.net.lost.some((path) => path.kind === "public-all") ? vault.after.open.filter((path) => path.kind === "ip-range" || path.kind === "subnet").map((path) => ({ sign: "=", text: `still admits ${withNote(path, notes)}` })) : []
  ];
  return {
    vault,
    steps,
    lines,
    loses: vault.net.lost.length + vault.net.possiblyLost.reduce((sum, path) => sum + weight(path), 0),
    gains: vault.net.gained.length
  };
}
function isChanged(change) {
  return change.steps.length > 0 || change.loses + change.gains > 0;
}
function changedVaults(plan) {
  const rank = (change) => change.loses > 0 ? 0 : change.gains > 0 ? 1 : 2;
  return plan.vaults.map((vault) => vaultChange(plan, vault)).filter(isChanged).sort(
    (a, b) => rank(a) - rank(b) || b.loses - a.loses || b.gains - a.gains || (a.vault.name < b.vault.name ? -1 : a.vault.name > b.vault.name ? 1 : 0)
  );
}
function changeCounts(change) {
  const parts = [
    change.loses > 0 ? `loses ${change.loses}` : "",
    change.gains > 0 ? `gains ${change.gains}` : ""
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "no change in who can reach it";
}

// src/engine/render/finding-groups.ts
var HOLE = "\0";
var LEVEL_RANK = { error: 0, warning: 1, info: 2 };
var NAMED_VAULTS = 5;
function sharedMessage(finding) {
  if (finding.params.vault === void 0) return findingMessage(finding);
  return findingMessage({ ...finding, params: { ...finding.params, vault: HOLE } }).replaceAll(`vault "${HOLE}": `, "").replaceAll(`vault "${HOLE}"`, "the vault").replaceAll(HOLE, "the vault");
}
function groupFindings(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const key2 = `${finding.level}${finding.rule}${sharedMessage(finding)}`;
    const list = groups.get(key2) ?? [];
    list.push(finding);
    groups.set(key2, list);
  }
  return [...groups.values()].map((list) => {
    const first = list[0];
    const vaults = [
      ...new Set(list.flatMap((finding) => finding.vault ? [finding.vault] : []))
    ];
    return {
      level: first.level,
      rule: first.rule,
      message: list.length > 1 ? sharedMessage(first) : findingMessage(first),
      where: findingWhere(first),
      vaults,
      findings: list
    };
  }).sort(
    (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.findings.length - a.findings.length
  );
}
function groupVaults(group) {
  if (group.findings.length < 2) return "";
  const named = group.vaults.slice(0, NAMED_VAULTS).join(", ");
  const more = group.vaults.length - NAMED_VAULTS;
  const also = group.findings.length > 1 && group.vaults.length < 2 ? ` (${group.findings.length} times)` : ` (${group.vaults.length} vaults: ${named}${more > 0 ? `, and ${more} more` : ""})`;
  return also;
}
function groupLine(group) {
  return `${group.where}  ${group.level}  ${group.message}${groupVaults(group)}  [${group.rule}]`;
}
function splitByChange(findings, changedVaults2) {
  const changed = [];
  const unchanged = [];
  for (const finding of findings) {
    if (finding.level === "error" || !finding.vault || changedVaults2.has(finding.vault))
      changed.push(finding);
    else unchanged.push(finding);
  }
  return { changed, unchanged };
}

// src/engine/render/text.ts
var ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1, dim: 2 };
var SIGN = {
  "-": "-",
  "!": "!",
  "+": "+",
  "#": "#",
  "=": "="
};
function renderText(plan, options) {
  return renderTextLines(plan, options).join("\n");
}
function renderTextLines(plan, options) {
  const paint = (code, text) => options.color ? `\x1B[${ANSI[code]}m${text}\x1B[0m` : text;
  const colorLine = (line) => {
    const body = line.trimStart();
    if (body.startsWith("+")) return paint("green", line);
    if (body.startsWith("-")) return paint("red", line);
    if (body.startsWith("!") || body.startsWith("~") || body.startsWith("±"))
      return paint("yellow", line);
    if (body.startsWith("note:") || body.startsWith("#")) return paint("dim", line);
    return line;
  };
  const out = [paint("bold", `kvnet plan: ${singleLine(verdict(plan))}`), ""];
  for (const line of readErrorLines(plan)) out.push(paint("red", `error  ${singleLine(line)}`));
  const changes = changedVaults(plan);
  const { changed, unchanged } = splitByChange(
    plan.findings,
    new Set(changes.map((change) => change.vault.name))
  );
  for (const group of groupFindings(changed)) {
    const line = singleLine(groupLine(group));
    out.push(
      group.level === "error" ? paint("red", line) : group.level === "warning" ? paint("yellow", line) : line
    );
  }
  if (plan.readErrors.length + changed.length > 0) out.push("");
  if (changes.length > 0) {
    out.push(paint("bold", "Who loses and who gains access (losses first):"));
    for (const change of changes) {
      out.push(
        paint("cyan", `vault ${singleLine(change.vault.name)}: ${changeCounts(change)}`) + ` (${change.steps.length} step${change.steps.length === 1 ? "" : "s"})`
      );
      out.push(
        ...change.lines.map((line) => colorLine(`  ${SIGN[line.sign]} ${singleLine(line.text)}`))
      );
    }
    const untouched = plan.vaults.length - changes.length;
    if (untouched > 0) out.push(`${untouched} other vault${untouched === 1 ? "" : "s"} unchanged`);
    out.push("");
  }
  const setLines = setChangeLines(plan);
  if (setLines.length > 0) {
    out.push(paint("bold", `${SET_CHANGES_HEADING}:`));
    out.push(...setLines.map((line) => `  ${colorLine(singleLine(line))}`), "");
  }
  if (plan.steps.length > 0) {
    out.push(paint("bold", "Steps, in execution order (opening first, narrowing last):"));
    plan.steps.forEach((step, index) => {
      const [title = "", ...rest] = stepLines(step).map(singleLine);
      out.push(`${String(index + 1).padStart(3)}. ${colorLine(title)}`);
      out.push(...rest.map((line) => `     ${colorLine(line)}`));
    });
    out.push("");
  }
  if (unchanged.length > 0) {
    out.push(
      paint(
        "bold",
        `${unchanged.length} finding${unchanged.length === 1 ? "" : "s"} about vaults this plan does not change:`
      )
    );
    for (const group of groupFindings(unchanged)) out.push(singleLine(groupLine(group)));
    out.push("");
  }
  out.push(paint("dim", `fingerprint ${plan.fingerprint}`));
  return out;
}

// src/cli/early-reads.ts
var EarlyReads = class {
  constructor(flags, env, concurrency) {
    this.flags = flags;
    this.env = env;
    this.concurrency = concurrency;
  }
  flags;
  env;
  concurrency;
  started;
  failed = false;
  /** For loadSpecSet: starts the reads of one parsed file. */
  onFileParsed = (file, today2) => {
    if (this.failed) return;
    try {
      if (!this.started) {
        const clients = createClients([file], this.flags, this.env, true);
        const reader = new SdkAzureReader(clients);
        this.started = { clients, reader, reads: new LiveReads(reader, this.concurrency) };
      }
      this.started.reads.startFile(file, today2);
    } catch {
      this.failed = true;
    }
  };
  /** The clients, reader and begun reads to plan the whole set with, or fresh ones. */
  forSet(files) {
    const cloud = chooseCloud(files, this.flags.cloud);
    if (this.started && this.started.clients.cloudName === cloud.name) return this.started;
    this.abandon();
    const clients = createClients(files, this.flags, this.env, true);
    return { clients, reader: new SdkAzureReader(clients) };
  }
  /** The set is invalid (or not planned): stop what was begun. */
  abandon() {
    this.started?.clients.connectionGuard.abandon();
    this.started = void 0;
  }
};

// src/cli/load-specs.ts
async function loadSpecSet(paths, io, whatWasNotDone, onFileParsed, connect) {
  const date = today(io.env);
  const collected = await collectSpecSources(paths);
  const validation = await validateSpecSetAsParsed(
    collected.sources,
    { today: date },
    (file) => onFileParsed(file, date)
  );
  const findings = [...collected.findings, ...validation.findings].sort(compareFindings);
  if (hasErrors(findings) || collected.sources.length === 0) {
    io.err(renderFindingsText(findings));
    io.err(`${summarizeFindings(findings, collected.sources.length)} — invalid, ${whatWasNotDone}`);
    return void 0;
  }
  return {
    desired: resolveDesiredState(validation.files, date),
    connection: connect(validation.files)
  };
}

export {
  DEFAULT_READ_CONCURRENCY,
  virtualNetworkOf,
  readLiveState,
  canonicalJson,
  changeSet,
  touchedVaults,
  stepsTouching,
  LiveLookup,
  isSucceeded,
  MANAGED_BY_TAG,
  MANAGED_BY_VALUE,
  liveWorld,
  networkOfPayload,
  applyStep,
  makePlan,
  renderJsonChunks,
  parsePlanJson,
  changedVaults,
  changeCounts,
  groupFindings,
  groupLine,
  splitByChange,
  renderText,
  renderTextLines,
  EarlyReads,
  loadSpecSet
};
