import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  WriteFailure
} from "./chunk-4VRPCB6P.js";
import {
  createHttpHeaders,
  createPipelineRequest,
  describeError,
  isRestError,
  operationsFor,
  retryAfterBeyondCap,
  virtualNetworkOf
} from "./chunk-ZD3AUL2G.js";
import {
  comparableNetwork,
  normalizeLiveNetwork,
  parseResourceId,
  sameNetwork,
  targetKindOfId
} from "./chunk-Y654CXHV.js";

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
  const seconds = header === void 0 ? Number.NaN : Number(header);
  return Number.isFinite(seconds) ? seconds : void 0;
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
  return Object.keys(names).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).map((key) => `${names[key]} from ${show(before[key])} to ${show(after[key])}`);
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

export {
  SdkAzureWriter
};
