#!/usr/bin/env node
import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  DEFAULT_READ_CONCURRENCY,
  EarlyReads,
  LiveLookup,
  MANAGED_BY_TAG,
  MANAGED_BY_VALUE,
  applyStep,
  canonicalJson,
  changeSet,
  isSucceeded,
  liveWorld,
  loadSpecSet,
  makePlan,
  networkOfPayload,
  parsePlanJson,
  readLiveState,
  renderText,
  stepsTouching,
  touchedVaults,
  virtualNetworkOf
} from "./chunk-6AXH2S6U.js";
import {
  Coverage,
  accessOf,
  key
} from "./chunk-NCROHRFL.js";
import "./chunk-NXIKCKPF.js";
import {
  changeLine,
  connectionFailureMessage,
  createClients,
  createHttpHeaders,
  createPipelineRequest,
  describeError,
  findingLine,
  isRestError,
  noteText,
  operationsFor,
  pathText,
  readErrorLines,
  retryAfterBeyondCap,
  stepTitle
} from "./chunk-HBBZYGCR.js";
import "./chunk-FRBLMQPP.js";
import {
  comparableNetwork,
  normalizeLiveNetwork,
  parseResourceId,
  resourceIdKey,
  sameNetwork,
  targetKindOfId
} from "./chunk-U5VPZIUV.js";
import {
  safeOutput,
  singleLine
} from "./chunk-VQEEO6FB.js";
import "./chunk-7WJMRSVX.js";
import "./chunk-ACFZ3IEQ.js";
import {
  BoundedRunner,
  EXIT_ERROR,
  EXIT_OK,
  MAX_PARALLEL,
  UsageError,
  colorOnStdout,
  wholeNumberFlag
} from "./chunk-BSYTSFL5.js";
import "./chunk-6YIJE4HJ.js";

// src/cli/commands/apply.ts
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";

// src/engine/apply/write-failure.ts
var WriteFailure = class extends Error {
  constructor(resourceId, message, code, httpStatus, retryAfterSeconds2) {
    super(message);
    this.resourceId = resourceId;
    this.code = code;
    this.httpStatus = httpStatus;
    this.retryAfterSeconds = retryAfterSeconds2;
  }
  resourceId;
  code;
  httpStatus;
  retryAfterSeconds;
};

// src/adapters/azure/writer.ts
var NETWORK_API_VERSION = "2025-05-01";
var SETTLE_TIMEOUT_MS = 15 * 60 * 1e3;
function parsed(id) {
  const result = parseResourceId(id);
  if (!result.ok)
    throw new WriteFailure(id, `not a resource id: ${result.reason}`, "InvalidResourceId");
  return result.id;
}
function nameAt(id, index) {
  return id.segments[index]?.[1] ?? "";
}
function retryAfterSeconds(error) {
  const beyondCap = retryAfterBeyondCap(error);
  if (beyondCap !== void 0) return beyondCap;
  if (!isRestError(error)) return void 0;
  const header = error.response?.headers.get("retry-after");
  const seconds2 = header === void 0 ? Number.NaN : Number(header);
  return Number.isFinite(seconds2) ? seconds2 : void 0;
}
function toWriteFailure(error, resourceId) {
  if (error instanceof WriteFailure) return error;
  const described = describeError(error);
  const networkCode = error?.code;
  const hint = policyDenial(error) ?? (described.httpStatus === 403 ? permissionHint(described.message) : void 0);
  return new WriteFailure(
    resourceId,
    hint ? `${described.message} — ${hint}` : described.message,
    described.code ?? (typeof networkCode === "string" ? networkCode : void 0),
    described.httpStatus,
    retryAfterSeconds(error)
  );
}
function roleGranting(action) {
  const lower = action.toLowerCase();
  if (lower.startsWith("microsoft.keyvault/")) return "Key Vault Contributor";
  if (lower.startsWith("microsoft.network/privatedns")) return "Private DNS Zone Contributor";
  return "Network Contributor";
}
function permissionHint(message) {
  const linked = /perform action\(s\) '([^']+)' on the linked scope\(s\) '([^']+)'/.exec(message);
  const direct = /perform action '([^']+)' over scope '([^']+)'/.exec(message);
  const found = linked ?? direct;
  if (!found) return void 0;
  const actions = (found[1] ?? "").split(",");
  const scopes = (found[2] ?? "").split(",");
  const wanted = actions.map((action, index) => `${action} on ${scopes[index] ?? scopes[0] ?? ""}`);
  const roles = [...new Set(actions.map(roleGranting))].join(" or ");
  return `the apply identity lacks ${wanted.join(", ")}: grant it with the "kvnet network applier" role of docs/rbac.md, or the built-in ${roles} role`;
}
function rewrittenFields(sent, stored) {
  const wanted = normalizeLiveNetwork({
    publicNetworkAccess: sent.publicNetworkAccess,
    networkAcls: {
      defaultAction: sent.networkAcls.defaultAction,
      bypass: sent.networkAcls.bypass,
      ipRules: sent.networkAcls.ipRules.map((value) => ({ value })),
      virtualNetworkRules: sent.networkAcls.virtualNetworkRules.map((rule) => ({ id: rule.id }))
    }
  });
  if (sameNetwork(wanted, stored)) return [];
  const before = comparableNetwork(wanted);
  const after = comparableNetwork(stored);
  const names = {
    publicNetworkAccess: "publicNetworkAccess",
    defaultAction: "networkAcls.defaultAction",
    bypass: "networkAcls.bypass",
    ipRules: "networkAcls.ipRules",
    virtualNetworkRules: "networkAcls.virtualNetworkRules"
  };
  return Object.keys(names).filter((key2) => JSON.stringify(before[key2]) !== JSON.stringify(after[key2])).map((key2) => `${names[key2]} from ${show(before[key2])} to ${show(after[key2])}`);
}
function show(value) {
  return Array.isArray(value) ? `[${value.join(", ")}]` : String(value);
}
function fromIdentifiers(message) {
  const json = /Policy identifiers: '(\[.*\])'/s.exec(message)?.[1];
  if (!json) return void 0;
  try {
    const [first] = JSON.parse(json);
    const definition = first?.policyDefinition?.name;
    const assignment = first?.policyAssignment?.name;
    return {
      definition: typeof definition === "string" ? definition : void 0,
      assignment: typeof assignment === "string" ? assignment : void 0
    };
  } catch {
    return void 0;
  }
}
function policyDenial(error) {
  if (!isRestError(error)) return void 0;
  const body = error.details;
  if ((body?.error?.code ?? error.code) !== "RequestDisallowedByPolicy") return void 0;
  const info = body?.error?.additionalInfo?.find((entry) => entry.type === "PolicyViolation")?.info;
  const identifiers = fromIdentifiers(error.message);
  const name = info?.policyDefinitionDisplayName ?? identifiers?.definition;
  const assignment = info?.policyAssignmentDisplayName ?? identifiers?.assignment;
  return typeof name === "string" ? `denied by Azure Policy "${name}"${typeof assignment === "string" ? ` (assignment "${assignment}")` : ""}: change the spec to comply, or ask for an exemption` : "denied by Azure Policy: change the spec to comply, or ask for an exemption";
}
async function guarded(resourceId, write) {
  try {
    return await write();
  } catch (error) {
    throw toWriteFailure(error, resourceId);
  }
}
function failureFromResponse(resourceId, response) {
  let code;
  let message = `HTTP ${response.status}`;
  try {
    const body = JSON.parse(response.bodyAsText ?? "{}");
    code = body.error?.code;
    message = body.error?.message ?? message;
  } catch {
  }
  const retryAfter = Number(response.headers.get("retry-after"));
  const hint = response.status === 403 ? permissionHint(message) : void 0;
  return new WriteFailure(
    resourceId,
    hint ? `${message} — ${hint}` : message,
    code,
    response.status,
    Number.isFinite(retryAfter) ? retryAfter : void 0
  );
}
var SUBNET_WRITE_ATTEMPTS = 3;
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var SdkAzureWriter = class {
  constructor(clients, settings = { pollIntervalMs: 2e3 }) {
    this.clients = clients;
    this.settings = settings;
  }
  clients;
  settings;
  lroOptions() {
    return { updateIntervalInMs: this.settings.pollIntervalMs };
  }
  async patchVaultNetwork(vaultId, network) {
    const id = parsed(vaultId);
    const written = await guarded(
      vaultId,
      () => operationsFor(targetKindOfId(vaultId).id).patchNetwork(
        this.clients,
        { subscription: id.subscription, group: id.resourceGroup, name: nameAt(id, 0) },
        network,
        this.lroOptions()
      )
    );
    const rewritten = rewrittenFields(network, written.network);
    if (rewritten.length > 0)
      throw new WriteFailure(
        vaultId,
        `Azure Policy changed ${rewritten.join(", ")} as the write was stored: a policy with the Modify effect assigned to this vault rewrites it (for example "Configure key vaults to enable firewall"); put that value in the spec, or exempt the vault from the policy`,
        "ModifiedByPolicy"
      );
  }
  /** A raw request through the network client's pipeline (auth, retries, user agent). */
  async raw(subscription, method, url, body, extraHeaders = {}) {
    const client = this.clients.networkFor(subscription);
    const request = createPipelineRequest({
      url,
      method,
      headers: createHttpHeaders({ "content-type": "application/json", ...extraHeaders }),
      body: body === void 0 ? void 0 : JSON.stringify(body)
    });
    return client.sendRequest(request);
  }
  resourceUrl(resourceId) {
    return `${this.clients.endpoint}${resourceId}?api-version=${NETWORK_API_VERSION}`;
  }
  /**
   * Read-modify-write of the subnet under its etag: the PUT carries `If-Match`, so a change
   * another writer made in between is never overwritten; on 412 the subnet is read again and
   * the endpoint added to what is there now (a few times, then the conflict is reported).
   */
  async addSubnetServiceEndpoint(subnetId, service) {
    const id = parsed(subnetId);
    await guarded(subnetId, async () => {
      for (let attempt = 1; ; attempt += 1) {
        const read = await this.raw(id.subscription, "GET", this.resourceUrl(subnetId));
        if (read.status !== 200) throw failureFromResponse(subnetId, read);
        const subnet = JSON.parse(read.bodyAsText ?? "{}");
        const properties = { ...subnet.properties ?? {} };
        const endpoints = Array.isArray(properties.serviceEndpoints) ? properties.serviceEndpoints : [];
        if (endpoints.some((endpoint) => endpoint.service?.toLowerCase() === service.toLowerCase()))
          return;
        properties.serviceEndpoints = [...endpoints, { service }];
        const body = { ...subnet, properties };
        const etag = typeof subnet.etag === "string" && subnet.etag !== "" ? subnet.etag : void 0;
        const written = await this.raw(
          id.subscription,
          "PUT",
          this.resourceUrl(subnetId),
          body,
          etag ? { "If-Match": etag } : {}
        );
        if (written.status === 412 && attempt < SUBNET_WRITE_ATTEMPTS) continue;
        if (written.status === 412) {
          const failure = failureFromResponse(subnetId, written);
          throw new WriteFailure(
            subnetId,
            `the subnet changed under kvnet ${SUBNET_WRITE_ATTEMPTS} times between its read and its write (${failure.message}); another writer is busy with it: re-run the apply later`,
            failure.code ?? "PreconditionFailed",
            412
          );
        }
        if (written.status !== 200 && written.status !== 201)
          throw failureFromResponse(subnetId, written);
        await this.awaitAsyncOperation(id.subscription, subnetId, written);
        return;
      }
    });
  }
  /** Polls Azure-AsyncOperation (or Location) until the operation ends. */
  async awaitAsyncOperation(subscription, resourceId, response) {
    const statusUrl = response.headers.get("azure-asyncoperation") ?? response.headers.get("location");
    if (!statusUrl) return;
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let last = response;
    while (Date.now() < deadline) {
      const retryAfter = Number(last.headers.get("retry-after"));
      await sleep(
        Number.isFinite(retryAfter) && retryAfter > 0 && last !== response ? Math.min(retryAfter * 1e3, 6e4) : this.settings.pollIntervalMs
      );
      last = await this.raw(subscription, "GET", statusUrl);
      if (last.status >= 400) throw failureFromResponse(resourceId, last);
      const body = JSON.parse(last.bodyAsText || "{}");
      const status = body.status?.toLowerCase();
      if (status === "succeeded" || status === void 0 && last.status === 200) return;
      if (status === "failed" || status === "canceled") {
        throw new WriteFailure(
          resourceId,
          body.error?.message ?? `the operation ended ${body.status ?? "without a status"}`,
          body.error?.code ?? `Operation${body.status ?? "Failed"}`
        );
      }
    }
    throw new WriteFailure(
      resourceId,
      `the operation did not finish within ${SETTLE_TIMEOUT_MS / 6e4} minutes`,
      "OperationTimedOut"
    );
  }
  async waitUntilNetworkSettled(subnetId) {
    const id = parsed(subnetId);
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    const states = async () => Promise.all(
      [subnetId, virtualNetworkOf(subnetId)].map(async (resourceId) => {
        const response = await this.raw(id.subscription, "GET", this.resourceUrl(resourceId));
        if (response.status !== 200) throw failureFromResponse(resourceId, response);
        const body = JSON.parse(response.bodyAsText ?? "{}");
        return body.properties?.provisioningState ?? "Succeeded";
      })
    );
    await guarded(subnetId, async () => {
      while (Date.now() < deadline) {
        const current = await states();
        if (current.every((state) => state === "Succeeded")) return;
        if (current.some((state) => state === "Failed")) {
          throw new WriteFailure(
            subnetId,
            "the subnet or its virtual network is in the Failed state",
            "NetworkProvisioningFailed"
          );
        }
        await sleep(this.settings.pollIntervalMs);
      }
      throw new WriteFailure(
        subnetId,
        "the subnet and its virtual network did not reach Succeeded in time",
        "OperationTimedOut"
      );
    });
  }
  async createPrivateEndpoint(privateEndpointId, endpoint) {
    const id = parsed(privateEndpointId);
    const connection = {
      name: endpoint.connectionName,
      privateLinkServiceId: endpoint.vaultId,
      groupIds: [targetKindOfId(endpoint.vaultId).privateLinkGroup],
      ...endpoint.requestMessage ? { requestMessage: endpoint.requestMessage } : {}
    };
    await guarded(
      privateEndpointId,
      () => this.clients.networkFor(id.subscription).privateEndpoints.beginCreateOrUpdateAndWait(
        id.resourceGroup,
        nameAt(id, 0),
        {
          location: endpoint.location,
          tags: { ...endpoint.tags },
          subnet: { id: endpoint.subnetId },
          ...endpoint.manualApproval ? { manualPrivateLinkServiceConnections: [connection] } : { privateLinkServiceConnections: [connection] }
        },
        this.lroOptions()
      )
    );
  }
  async deletePrivateEndpoint(privateEndpointId) {
    const id = parsed(privateEndpointId);
    await guarded(
      privateEndpointId,
      () => this.clients.networkFor(id.subscription).privateEndpoints.beginDeleteAndWait(id.resourceGroup, nameAt(id, 0), this.lroOptions())
    );
  }
  /** An existing resource answers 412 to If-None-Match: *, which for a create-only write is success. */
  async createOnly(resourceId, write) {
    try {
      await guarded(resourceId, write);
    } catch (error) {
      if (error instanceof WriteFailure && error.httpStatus === 412) return;
      throw error;
    }
  }
  async createDnsZone(zoneId) {
    const id = parsed(zoneId);
    await this.createOnly(
      zoneId,
      () => this.clients.privateDnsFor(id.subscription).privateZones.beginCreateOrUpdateAndWait(
        id.resourceGroup,
        nameAt(id, 0),
        { location: "global", tags: { "managed-by": "kvnet" } },
        { ifNoneMatch: "*", ...this.lroOptions() }
      )
    );
  }
  async createVirtualNetworkLink(linkId, virtualNetworkId) {
    const id = parsed(linkId);
    await this.createOnly(
      linkId,
      () => this.clients.privateDnsFor(id.subscription).virtualNetworkLinks.beginCreateOrUpdateAndWait(
        id.resourceGroup,
        nameAt(id, 0),
        nameAt(id, 1),
        {
          location: "global",
          virtualNetwork: { id: virtualNetworkId },
          registrationEnabled: false,
          tags: { "managed-by": "kvnet" }
        },
        { ifNoneMatch: "*", ...this.lroOptions() }
      )
    );
  }
  async redriveDnsZone(zoneId) {
    const id = parsed(zoneId);
    await guarded(zoneId, async () => {
      const zones = this.clients.privateDnsFor(id.subscription).privateZones;
      const zone = await zones.get(id.resourceGroup, nameAt(id, 0));
      await zones.beginCreateOrUpdateAndWait(
        id.resourceGroup,
        nameAt(id, 0),
        { location: "global", tags: { ...zone.tags ?? {} } },
        { ifMatch: zone.etag ?? "*", ...this.lroOptions() }
      );
    });
  }
  async redriveVirtualNetworkLink(linkId) {
    const id = parsed(linkId);
    await guarded(linkId, async () => {
      const links = this.clients.privateDnsFor(id.subscription).virtualNetworkLinks;
      const link = await links.get(id.resourceGroup, nameAt(id, 0), nameAt(id, 1));
      await links.beginCreateOrUpdateAndWait(
        id.resourceGroup,
        nameAt(id, 0),
        nameAt(id, 1),
        {
          location: "global",
          virtualNetwork: { id: link.virtualNetwork?.id },
          registrationEnabled: link.registrationEnabled ?? false,
          tags: { ...link.tags ?? {} }
        },
        { ifMatch: link.etag ?? "*", ...this.lroOptions() }
      );
    });
  }
  async putZoneGroup(zoneGroupId, zoneIds) {
    const id = parsed(zoneGroupId);
    await guarded(
      zoneGroupId,
      () => this.clients.networkFor(id.subscription).privateDnsZoneGroups.beginCreateOrUpdateAndWait(
        id.resourceGroup,
        nameAt(id, 0),
        nameAt(id, 1),
        {
          privateDnsZoneConfigs: zoneIds.map((zoneId) => ({
            name: (zoneId.split("/").pop() ?? "zone").replace(/\./g, "-"),
            privateDnsZoneId: zoneId
          }))
        },
        this.lroOptions()
      )
    );
  }
  async setConnectionStatus(vaultId, connectionName, status, description) {
    const id = parsed(vaultId);
    await guarded(
      `${vaultId}/privateEndpointConnections/${connectionName}`,
      () => operationsFor(targetKindOfId(vaultId).id).putConnection(
        this.clients,
        { subscription: id.subscription, group: id.resourceGroup, name: nameAt(id, 0) },
        connectionName,
        { status, description }
      )
    );
  }
};

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
  const parsed2 = parseResourceId(resourceId);
  return parsed2.ok ? parsed2.id.subscription.toLowerCase() : resourceId.toLowerCase();
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

// src/cli/apply-progress.ts
var CLEAR_LINE = "\x1B[2K";
var UP = (lines) => `\x1B[${lines}A`;
function seconds(ms) {
  return `${(Math.max(0, ms) / 1e3).toFixed(1)} s`;
}
var ApplyProgressView = class {
  constructor(stream, options = {}) {
    this.stream = stream;
    this.now = options.now ?? Date.now;
    this.tty = stream.isTTY === true;
    this.startedAt = this.now();
    const refresh = options.refreshMs ?? 200;
    if (this.tty && refresh > 0) {
      this.timer = setInterval(() => this.redraw(), refresh);
      this.timer.unref();
    }
  }
  stream;
  now;
  tty;
  index = /* @__PURE__ */ new Map();
  total = 0;
  running = /* @__PURE__ */ new Map();
  drawn = 0;
  timer;
  startedAt;
  /** `[i/N]`: the step's place in the execution order. */
  counter(step) {
    const at = this.index.get(step.id);
    return at === void 0 ? "[?]" : `[${at}/${this.total}]`;
  }
  onEvent(event) {
    switch (event.kind) {
      case "plan-ready":
        this.total = event.steps.length;
        event.steps.forEach((step, at) => this.index.set(step.id, at + 1));
        return;
      case "step-started": {
        const known = this.running.get(event.step.id);
        if (known) {
          known.attempt = event.attempt;
          known.waiting = void 0;
        } else
          this.running.set(event.step.id, {
            step: event.step,
            startedAt: this.now(),
            attempt: event.attempt
          });
        this.redraw();
        return;
      }
      case "waiting": {
        const reason = `waiting ${seconds(event.ms)}: ${singleLine(event.reason)}`;
        const entry = this.running.get(event.step.id);
        if (this.tty && entry) {
          entry.waiting = reason;
          this.redraw();
        } else this.permanent(`  ${this.counter(event.step)} ${reason}`);
        return;
      }
      case "step-finished": {
        const { result } = event;
        const entry = this.running.get(result.step.id);
        this.running.delete(result.step.id);
        if (result.status === "not-started") {
          this.redraw();
          return;
        }
        const took = entry ? ` (${seconds(this.now() - entry.startedAt)})` : "";
        const title = singleLine(stepTitle(result.step));
        this.permanent(
          result.status === "done" ? `✔ ${this.counter(result.step)} ${title}${took}` : `✘ ${this.counter(result.step)} ${title}${took}: ${singleLine(result.code ?? "error")}: ${singleLine(result.message ?? "")}`
        );
        return;
      }
    }
  }
  /** Removes the live lines and stops redrawing (before the final report is printed). */
  finish() {
    if (this.timer) clearInterval(this.timer);
    this.timer = void 0;
    this.running.clear();
    this.redraw();
  }
  liveLines() {
    const width = Math.max(40, this.stream.columns ?? 120);
    return [...this.running.values()].sort((a, b) => (this.index.get(a.step.id) ?? 0) - (this.index.get(b.step.id) ?? 0)).map((entry) => {
      const attempt = entry.attempt > 1 ? ` (attempt ${entry.attempt})` : "";
      const state = entry.waiting ? ` — ${entry.waiting}` : "";
      const line = `… ${this.counter(entry.step)} ${singleLine(stepTitle(entry.step))}${attempt}  ${seconds(this.now() - entry.startedAt)}${state}`;
      return line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line;
    });
  }
  /** A line that stays: on a TTY it goes above the live lines, which are drawn again below. */
  permanent(line) {
    if (!this.tty) {
      this.stream.write(`${line}
`);
      return;
    }
    this.stream.write(`${this.erase()}${line}
${this.draw()}`);
  }
  redraw() {
    if (!this.tty) return;
    this.stream.write(`${this.erase()}${this.draw()}`);
  }
  erase() {
    if (this.drawn === 0) return "";
    const text = `${UP(this.drawn)}${`${CLEAR_LINE}
`.repeat(this.drawn)}${UP(this.drawn)}`;
    this.drawn = 0;
    return text;
  }
  draw() {
    const lines = this.liveLines();
    this.drawn = lines.length;
    return lines.map((line) => `${CLEAR_LINE}${line}
`).join("");
  }
};

// src/cli/interrupt.ts
var EXIT_INTERRUPTED = 130;
var Interrupt = class {
  constructor(io, exit = (code) => process.exit(code)) {
    this.io = io;
    this.exit = exit;
    process.on("SIGINT", this.handler);
    process.on("SIGTERM", this.handler);
  }
  io;
  exit;
  signals = 0;
  running = /* @__PURE__ */ new Map();
  done = [];
  failed = [];
  handler = () => this.onSignal();
  stopRequested() {
    return this.signals > 0;
  }
  /** Follows the apply's progress, to say what was running when the run is abandoned. */
  track(event) {
    if (event.kind === "step-started") this.running.set(event.step.id, event.step);
    if (event.kind === "step-finished") {
      this.running.delete(event.result.step.id);
      if (event.result.status === "done") this.done.push(event.result.step);
      if (event.result.status === "failed") this.failed.push(event.result.step);
    }
  }
  /** Interrupted before the first write: nothing to report but that. */
  exitBeforeWriting() {
    this.io.out("kvnet apply: interrupted before any write; nothing applied");
    return EXIT_INTERRUPTED;
  }
  dispose() {
    process.off("SIGINT", this.handler);
    process.off("SIGTERM", this.handler);
  }
  onSignal() {
    this.signals += 1;
    if (this.signals === 1) {
      this.io.err(
        this.running.size > 0 ? `interrupt: no further step will start; waiting for ${this.running.size} running step${this.running.size === 1 ? "" : "s"} to finish (Ctrl-C again to abandon them)` : "interrupt: no further step will start (Ctrl-C again to stop at once)"
      );
      return;
    }
    const lines = ["kvnet apply: abandoned"];
    for (const step of this.done) lines.push(`  ${singleLine(stepTitle(step))} — done`);
    for (const step of this.failed) lines.push(`  ${singleLine(stepTitle(step))} — failed`);
    for (const step of this.running.values())
      lines.push(
        `  ${singleLine(stepTitle(step))} — abandoned while running (it may or may not have taken effect)`
      );
    lines.push(
      `${this.done.length} done, ${this.running.size} abandoned while running; every other step was not started. Re-run the apply to finish: it re-reads live state and converges.`
    );
    this.io.out(lines.join("\n"));
    this.exit(EXIT_INTERRUPTED);
  }
};

// src/cli/commands/apply.ts
var APPLY_USAGE = `Usage: kvnet apply <spec file, directory or glob>... [options]

Re-reads live state, re-plans and applies the plan: opening steps first, narrowing last, each
write verified, then a fresh plan that must be empty. Exit 0 when converged, 1 otherwise.
  --plan FILE          the reviewed JSON plan (kvnet plan --format json); apply each vault whose
                       steps and live basis still hold, refuse (write nothing to) the others
  --on-plan-mismatch P per-vault (default) or all-or-nothing: refuse every vault when one moved
  --auto-approve       do not ask for confirmation on a terminal
  --allow-destructive  allow deleting private endpoints and rejecting connections
  --max-parallel N     steps in flight at once (default 4, 1 to ${MAX_PARALLEL})
  --arm-endpoint URL, --cloud NAME, --auth KIND   as for kvnet plan

Ctrl-C stops starting steps and lets the running ones finish, then prints what was done and
what was not started (exit 130); a second Ctrl-C abandons the running steps. Re-running the
apply converges.`;
function renderApplyReport(report, elapsedMs) {
  const counts = { done: 0, failed: 0, "not-started": 0 };
  for (const result of report.results) counts[result.status] += 1;
  const took = elapsedMs === void 0 ? "" : ` in ${seconds(elapsedMs)}`;
  const lines = [
    report.outcome === "refused" || report.outcome === "no-changes" ? `kvnet apply: ${report.outcome}` : `kvnet apply: ${report.outcome}: ${counts.done} of ${report.results.length} steps done, ${counts.failed} failed, ${counts["not-started"]} not started${took}`
  ];
  for (const message of report.messages) lines.push(singleLine(message));
  if (report.outcome === "refused") {
    lines.push(`nothing applied: none of the plan's ${report.results.length} steps was started`);
    return lines.join("\n");
  }
  const allDone = counts.done === report.results.length;
  report.results.forEach((result, at) => {
    if (allDone) return;
    const detail = result.status === "failed" ? `failed (${result.code ?? "error"}): ${result.message ?? ""}` : result.status === "not-started" ? `not started: ${result.reason ?? ""}` : "done";
    lines.push(
      `  [${at + 1}/${report.results.length}] ${singleLine(stepTitle(result.step))} — ${singleLine(detail)}`
    );
  });
  if (report.residual && report.residual.outcome !== "no-changes") {
    lines.push("", "Residual plan:", renderText(report.residual, { color: false }));
  }
  return lines.join("\n");
}
function progressStream(io) {
  if (process.stderr.isTTY === true && io.env.KVNET_NO_LIVE === void 0) {
    return {
      isTTY: true,
      columns: process.stderr.columns,
      write: (text) => process.stderr.write(safeOutput(text, { keepCursor: true }))
    };
  }
  return { write: (text) => io.err(text.replace(/\n$/, "")) };
}
async function confirm(plan, io) {
  io.out(renderText(plan, { color: colorOnStdout(io.env) }));
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question('\nApply these changes? Only "yes" is accepted: ');
    return answer.trim() === "yes";
  } finally {
    prompt.close();
  }
}
async function runApply(argv, io) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      plan: { type: "string" },
      "on-plan-mismatch": { type: "string", default: "per-vault" },
      "auto-approve": { type: "boolean", default: false },
      "allow-destructive": { type: "boolean", default: false },
      "max-parallel": { type: "string", default: "4" },
      "arm-endpoint": { type: "string" },
      cloud: { type: "string" },
      auth: { type: "string" },
      "poll-interval-ms": { type: "string", default: "2000" },
      help: { type: "boolean", short: "h", default: false }
    }
  });
  if (values.help) {
    io.out(APPLY_USAGE);
    return EXIT_OK;
  }
  const maxParallel = wholeNumberFlag(values["max-parallel"], "--max-parallel", 1, MAX_PARALLEL);
  const pollIntervalMs = wholeNumberFlag(
    values["poll-interval-ms"],
    "--poll-interval-ms",
    0,
    6e4
  );
  if (positionals.length === 0)
    throw new UsageError("name at least one spec file, directory or glob");
  const mismatch = values["on-plan-mismatch"];
  if (mismatch !== "per-vault" && mismatch !== "all-or-nothing")
    throw new UsageError(
      `--on-plan-mismatch must be per-vault or all-or-nothing (got "${singleLine(String(mismatch)).slice(0, 40)}")`
    );
  let reviewedPlan;
  if (values.plan) {
    try {
      reviewedPlan = parsePlanJson(await readFile(values.plan, "utf8"));
    } catch (error) {
      throw new UsageError(
        `cannot read the reviewed plan ${values.plan}: ${error.message}`
      );
    }
    if (typeof reviewedPlan.fingerprint !== "string")
      throw new UsageError(`${values.plan} is not a kvnet JSON plan (no fingerprint)`);
  }
  const flags = { cloud: values.cloud, armEndpoint: values["arm-endpoint"], auth: values.auth };
  const early = new EarlyReads(flags, io.env, DEFAULT_READ_CONCURRENCY);
  const specs = await loadSpecSet(
    positionals,
    io,
    "nothing applied",
    early.onFileParsed,
    (files) => {
      const reading = early.forSet(files);
      const guard = reading.clients.connectionGuard;
      return { reading, writeClients: createClients(files, flags, io.env, false, guard) };
    }
  );
  if (!specs) {
    early.abandon();
    return EXIT_ERROR;
  }
  const { desired, connection } = specs;
  const { clients: readClients, reader, reads: firstReads } = connection.reading;
  const writer = new SdkAzureWriter(connection.writeClients, { pollIntervalMs });
  const unreachable = (what) => {
    const message = connectionFailureMessage(readClients, io.env);
    if (message === void 0) return void 0;
    io.err(`kvnet apply: ${message}
${what}`);
    return EXIT_ERROR;
  };
  const interrupt = new Interrupt(io);
  try {
    if (!values["auto-approve"]) {
      if (!process.stdin.isTTY)
        throw new UsageError("not a terminal: pass --auto-approve to apply without confirmation");
      const preview = await makePlan(desired, reader, { reads: firstReads });
      const failedToConnect2 = unreachable("Nothing applied.");
      if (failedToConnect2 !== void 0) return failedToConnect2;
      const refused = applyRefusals(
        preview,
        {
          reviewedPlan,
          onPlanMismatch: mismatch,
          allowDestructive: values["allow-destructive"],
          maxParallel
        },
        desired
      );
      if (refused.length > 0) {
        io.out(
          [
            "kvnet apply: refused",
            ...refused.map((line) => singleLine(line)),
            "nothing applied: no step was started"
          ].join("\n")
        );
        return EXIT_ERROR;
      }
      if (interrupt.stopRequested()) return interrupt.exitBeforeWriting();
      if (preview.outcome === "changes" && !await confirm(preview, io)) {
        io.out("Nothing applied.");
        return EXIT_ERROR;
      }
      reviewedPlan ??= preview;
    }
    if (interrupt.stopRequested()) return interrupt.exitBeforeWriting();
    const view = new ApplyProgressView(progressStream(io));
    const report = await applyPlan(desired, reader, writer, {
      // Spent by the preview when there was one; the apply then plans from fresh reads.
      ...values["auto-approve"] ? { firstReads } : {},
      reviewedPlan,
      onPlanMismatch: mismatch,
      allowDestructive: values["allow-destructive"],
      maxParallel,
      stopRequested: () => interrupt.stopRequested(),
      onProgress: (event) => {
        interrupt.track(event);
        view.onEvent(event);
      }
    }).finally(() => view.finish());
    const done = report.results.some((result) => result.status !== "not-started");
    if (!done) {
      const failedToConnect2 = unreachable("Nothing applied.");
      if (failedToConnect2 !== void 0) return failedToConnect2;
    }
    io.out(renderApplyReport(report, Date.now() - view.startedAt));
    const failedToConnect = unreachable("Re-run the apply once the endpoint is reachable.");
    if (failedToConnect !== void 0) return failedToConnect;
    if (report.outcome === "interrupted") return EXIT_INTERRUPTED;
    return report.outcome === "applied" || report.outcome === "no-changes" ? EXIT_OK : EXIT_ERROR;
  } finally {
    interrupt.dispose();
  }
}
export {
  APPLY_USAGE,
  renderApplyReport,
  runApply
};
