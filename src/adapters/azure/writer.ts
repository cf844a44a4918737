// The AzureWriter port over the real SDK clients. Each write sends only what kvnet owns:
// the vault PATCH carries networkAcls and publicNetworkAccess alone; the subnet is written
// back exactly as read (raw JSON, so properties the SDK's models do not know survive) with
// only its service endpoints changed; zones and links are create-only.
import {
  createHttpHeaders,
  createPipelineRequest,
  isRestError,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { parseResourceId, type ResourceId } from '../../engine/model/resource-id.js';
import { targetKindOfId } from '../../engine/model/target-kinds.js';
import type { VaultNetworkPayload } from '../../engine/plan/types.js';
import {
  comparableNetwork,
  normalizeLiveNetwork,
  sameNetwork,
  type VaultNetwork,
} from '../../engine/model/vault-network.js';
import { virtualNetworkOf } from '../../engine/state/read-live.js';
import { WriteFailure } from '../../engine/apply/write-failure.js';
import type { AzureWriter, PrivateEndpointCreate } from '../../ports/azure-writer.js';
import { retryAfterBeyondCap } from './attempt-policy.js';
import type { AzureClients } from './clients.js';
import { describeError } from './errors.js';
import { operationsFor } from './target-operations.js';

/** The api-version of @azure/arm-network 36, used for the raw subnet read-modify-write. */
const NETWORK_API_VERSION = '2025-05-01';
const SETTLE_TIMEOUT_MS = 15 * 60 * 1000;

export interface WriterSettings {
  /** Interval between long-running-operation polls when Azure gives no Retry-After. */
  readonly pollIntervalMs: number;
}

function parsed(id: string): ResourceId {
  const result = parseResourceId(id);
  if (!result.ok)
    throw new WriteFailure(id, `not a resource id: ${result.reason}`, 'InvalidResourceId');
  return result.id;
}

function nameAt(id: ResourceId, index: number): string {
  return id.segments[index]?.[1] ?? '';
}

function retryAfterSeconds(error: unknown): number | undefined {
  const beyondCap = retryAfterBeyondCap(error);
  if (beyondCap !== undefined) return beyondCap;
  if (!isRestError(error)) return undefined;
  const header = error.response?.headers.get('retry-after');
  const seconds = header === undefined ? Number.NaN : Number(header);
  return Number.isFinite(seconds) ? seconds : undefined;
}

function toWriteFailure(error: unknown, resourceId: string): WriteFailure {
  if (error instanceof WriteFailure) return error;
  const described = describeError(error);
  const networkCode = (error as { code?: unknown } | null)?.code;
  const hint =
    policyDenial(error) ??
    (described.httpStatus === 403 ? permissionHint(described.message) : undefined);
  return new WriteFailure(
    resourceId,
    hint ? `${described.message} — ${hint}` : described.message,
    described.code ?? (typeof networkCode === 'string' ? networkCode : undefined),
    described.httpStatus,
    retryAfterSeconds(error),
  );
}

/** The built-in role that grants an action kvnet's apply needs (docs/rbac.md). */
export function roleGranting(action: string): string {
  const lower = action.toLowerCase();
  if (lower.startsWith('microsoft.keyvault/')) return 'Key Vault Contributor';
  if (lower.startsWith('microsoft.network/privatedns')) return 'Private DNS Zone Contributor';
  return 'Network Contributor';
}

/**
 * What to grant, from Azure's 403 text (AuthorizationFailed: "perform action 'X' over scope
 * 'S'"; LinkedAuthorizationFailed: "perform action(s) 'X' on the linked scope(s) 'S'").
 */
export function permissionHint(message: string): string | undefined {
  const linked = /perform action\(s\) '([^']+)' on the linked scope\(s\) '([^']+)'/.exec(message);
  const direct = /perform action '([^']+)' over scope '([^']+)'/.exec(message);
  const found = linked ?? direct;
  if (!found) return undefined;
  const actions = (found[1] ?? '').split(',');
  const scopes = (found[2] ?? '').split(',');
  const wanted = actions.map((action, index) => `${action} on ${scopes[index] ?? scopes[0] ?? ''}`);
  const roles = [...new Set(actions.map(roleGranting))].join(' or ');
  return `the apply identity lacks ${wanted.join(', ')}: grant it with the "kvnet network applier" role of docs/rbac.md, or the built-in ${roles} role`;
}

/** The owned fields the stored vault shows differently from what was sent ("X from A to B"). */
function rewrittenFields(sent: VaultNetworkPayload, stored: VaultNetwork): string[] {
  const wanted = normalizeLiveNetwork({
    publicNetworkAccess: sent.publicNetworkAccess,
    networkAcls: {
      defaultAction: sent.networkAcls.defaultAction,
      bypass: sent.networkAcls.bypass,
      ipRules: sent.networkAcls.ipRules.map((value) => ({ value })),
      virtualNetworkRules: sent.networkAcls.virtualNetworkRules.map((rule) => ({ id: rule.id })),
    },
  });
  if (sameNetwork(wanted, stored)) return [];
  const before = comparableNetwork(wanted);
  const after = comparableNetwork(stored);
  const names: Record<string, string> = {
    publicNetworkAccess: 'publicNetworkAccess',
    defaultAction: 'networkAcls.defaultAction',
    bypass: 'networkAcls.bypass',
    ipRules: 'networkAcls.ipRules',
    virtualNetworkRules: 'networkAcls.virtualNetworkRules',
  };
  return Object.keys(names)
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${names[key]} from ${show(before[key])} to ${show(after[key])}`);
}

function show(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function fromIdentifiers(
  message: string,
): { definition?: string; assignment?: string } | undefined {
  const json = /Policy identifiers: '(\[.*\])'/s.exec(message)?.[1];
  if (!json) return undefined;
  try {
    const [first] = JSON.parse(json) as {
      policyAssignment?: { name?: unknown };
      policyDefinition?: { name?: unknown };
    }[];
    const definition = first?.policyDefinition?.name;
    const assignment = first?.policyAssignment?.name;
    return {
      definition: typeof definition === 'string' ? definition : undefined,
      assignment: typeof assignment === 'string' ? assignment : undefined,
    };
  } catch {
    return undefined;
  }
}

/** "denied by Azure Policy 'name' (assignment …)" from a RequestDisallowedByPolicy error. */
export function policyDenial(error: unknown): string | undefined {
  if (!isRestError(error)) return undefined;
  const body = error.details as
    | {
        error?: {
          code?: string;
          additionalInfo?: { type?: string; info?: Record<string, unknown> }[];
        };
      }
    | undefined;
  if ((body?.error?.code ?? error.code) !== 'RequestDisallowedByPolicy') return undefined;
  const info = body?.error?.additionalInfo?.find((entry) => entry.type === 'PolicyViolation')?.info;
  // Key Vault's error model keeps only code and message, so the names usually come from the
  // message's "Policy identifiers: '[{policyAssignment:{name}, policyDefinition:{name}}]'".
  const identifiers = fromIdentifiers(error.message);
  const name = info?.policyDefinitionDisplayName ?? identifiers?.definition;
  const assignment = info?.policyAssignmentDisplayName ?? identifiers?.assignment;
  return typeof name === 'string'
    ? `denied by Azure Policy "${name}"${typeof assignment === 'string' ? ` (assignment "${assignment}")` : ''}: change the spec to comply, or ask for an exemption`
    : 'denied by Azure Policy: change the spec to comply, or ask for an exemption';
}

async function guarded<T>(resourceId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toWriteFailure(error, resourceId);
  }
}

function failureFromResponse(resourceId: string, response: PipelineResponse): WriteFailure {
  let code: string | undefined;
  let message = `HTTP ${response.status}`;
  try {
    const body = JSON.parse(response.bodyAsText ?? '{}') as {
      error?: { code?: string; message?: string };
    };
    code = body.error?.code;
    message = body.error?.message ?? message;
  } catch {
    // A non-JSON error body: the status says enough.
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  const hint = response.status === 403 ? permissionHint(message) : undefined;
  return new WriteFailure(
    resourceId,
    hint ? `${message} — ${hint}` : message,
    code,
    response.status,
    Number.isFinite(retryAfter) ? retryAfter : undefined,
  );
}

/** Reads and writes of one subnet when its etag keeps moving (412) before giving up. */
const SUBNET_WRITE_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SdkAzureWriter implements AzureWriter {
  constructor(
    private readonly clients: AzureClients,
    private readonly settings: WriterSettings = { pollIntervalMs: 2000 },
  ) {}

  private lroOptions() {
    return { updateIntervalInMs: this.settings.pollIntervalMs };
  }

  async patchVaultNetwork(vaultId: string, network: VaultNetworkPayload): Promise<void> {
    const id = parsed(vaultId);
    // A vault or a managed HSM pool, by the type its id names (target-operations.ts).
    const written = await guarded(vaultId, () =>
      operationsFor(targetKindOfId(vaultId).id).patchNetwork(
        this.clients,
        { subscription: id.subscription, group: id.resourceGroup, name: nameAt(id, 0) },
        network,
        this.lroOptions(),
      ),
    );
    // The PATCH answers with the vault as stored: when that differs from what was sent, Azure
    // rewrote the write itself (a Modify policy); retrying would only loop.
    const rewritten = rewrittenFields(network, written.network);
    if (rewritten.length > 0)
      throw new WriteFailure(
        vaultId,
        `Azure Policy changed ${rewritten.join(', ')} as the write was stored: a policy with the Modify effect assigned to this vault rewrites it (for example "Configure key vaults to enable firewall"); put that value in the spec, or exempt the vault from the policy`,
        'ModifiedByPolicy',
      );
  }

  /** A raw request through the network client's pipeline (auth, retries, user agent). */
  private async raw(
    subscription: string,
    method: 'GET' | 'PUT',
    url: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<PipelineResponse> {
    const client = this.clients.networkFor(subscription);
    const request = createPipelineRequest({
      url,
      method,
      headers: createHttpHeaders({ 'content-type': 'application/json', ...extraHeaders }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return client.sendRequest(request);
  }

  private resourceUrl(resourceId: string): string {
    return `${this.clients.endpoint}${resourceId}?api-version=${NETWORK_API_VERSION}`;
  }

  /**
   * Read-modify-write of the subnet under its etag: the PUT carries `If-Match`, so a change
   * another writer made in between is never overwritten; on 412 the subnet is read again and
   * the endpoint added to what is there now (a few times, then the conflict is reported).
   */
  async addSubnetServiceEndpoint(subnetId: string, service: string): Promise<void> {
    const id = parsed(subnetId);
    await guarded(subnetId, async () => {
      for (let attempt = 1; ; attempt += 1) {
        const read = await this.raw(id.subscription, 'GET', this.resourceUrl(subnetId));
        if (read.status !== 200) throw failureFromResponse(subnetId, read);
        const subnet = JSON.parse(read.bodyAsText ?? '{}') as {
          properties?: Record<string, unknown>;
          etag?: unknown;
        } & Record<string, unknown>;
        const properties = { ...(subnet.properties ?? {}) };
        const endpoints = Array.isArray(properties.serviceEndpoints)
          ? (properties.serviceEndpoints as { service?: string }[])
          : [];
        if (endpoints.some((endpoint) => endpoint.service?.toLowerCase() === service.toLowerCase()))
          return;
        // Everything as read, endpoints appended; NRP fills in the new endpoint's locations.
        properties.serviceEndpoints = [...endpoints, { service }];
        const body = { ...subnet, properties };
        const etag =
          typeof subnet.etag === 'string' && subnet.etag !== '' ? subnet.etag : undefined;
        const written = await this.raw(
          id.subscription,
          'PUT',
          this.resourceUrl(subnetId),
          body,
          etag ? { 'If-Match': etag } : {},
        );
        if (written.status === 412 && attempt < SUBNET_WRITE_ATTEMPTS) continue;
        if (written.status === 412) {
          const failure = failureFromResponse(subnetId, written);
          throw new WriteFailure(
            subnetId,
            `the subnet changed under kvnet ${SUBNET_WRITE_ATTEMPTS} times between its read and its write (${failure.message}); another writer is busy with it: re-run the apply later`,
            failure.code ?? 'PreconditionFailed',
            412,
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
  private async awaitAsyncOperation(
    subscription: string,
    resourceId: string,
    response: PipelineResponse,
  ): Promise<void> {
    const statusUrl =
      response.headers.get('azure-asyncoperation') ?? response.headers.get('location');
    if (!statusUrl) return;
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let last = response;
    while (Date.now() < deadline) {
      const retryAfter = Number(last.headers.get('retry-after'));
      // Retry-After: 0 (or none) waits the poll interval: a floor, never a tight loop.
      await sleep(
        Number.isFinite(retryAfter) && retryAfter > 0 && last !== response
          ? Math.min(retryAfter * 1000, 60_000)
          : this.settings.pollIntervalMs,
      );
      last = await this.raw(subscription, 'GET', statusUrl);
      if (last.status >= 400) throw failureFromResponse(resourceId, last);
      const body = JSON.parse(last.bodyAsText || '{}') as {
        status?: string;
        error?: { code?: string; message?: string };
      };
      const status = body.status?.toLowerCase();
      if (status === 'succeeded' || (status === undefined && last.status === 200)) return;
      if (status === 'failed' || status === 'canceled') {
        throw new WriteFailure(
          resourceId,
          body.error?.message ?? `the operation ended ${body.status ?? 'without a status'}`,
          body.error?.code ?? `Operation${body.status ?? 'Failed'}`,
        );
      }
    }
    throw new WriteFailure(
      resourceId,
      `the operation did not finish within ${SETTLE_TIMEOUT_MS / 60000} minutes`,
      'OperationTimedOut',
    );
  }

  async waitUntilNetworkSettled(subnetId: string): Promise<void> {
    const id = parsed(subnetId);
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    const states = async () =>
      Promise.all(
        [subnetId, virtualNetworkOf(subnetId)].map(async (resourceId) => {
          const response = await this.raw(id.subscription, 'GET', this.resourceUrl(resourceId));
          if (response.status !== 200) throw failureFromResponse(resourceId, response);
          const body = JSON.parse(response.bodyAsText ?? '{}') as {
            properties?: { provisioningState?: string };
          };
          return body.properties?.provisioningState ?? 'Succeeded';
        }),
      );
    await guarded(subnetId, async () => {
      while (Date.now() < deadline) {
        const current = await states();
        if (current.every((state) => state === 'Succeeded')) return;
        if (current.some((state) => state === 'Failed')) {
          throw new WriteFailure(
            subnetId,
            'the subnet or its virtual network is in the Failed state',
            'NetworkProvisioningFailed',
          );
        }
        await sleep(this.settings.pollIntervalMs);
      }
      throw new WriteFailure(
        subnetId,
        'the subnet and its virtual network did not reach Succeeded in time',
        'OperationTimedOut',
      );
    });
  }

  async createPrivateEndpoint(
    privateEndpointId: string,
    endpoint: PrivateEndpointCreate,
  ): Promise<void> {
    const id = parsed(privateEndpointId);
    const connection = {
      name: endpoint.connectionName,
      privateLinkServiceId: endpoint.vaultId,
      groupIds: [targetKindOfId(endpoint.vaultId).privateLinkGroup],
      ...(endpoint.requestMessage ? { requestMessage: endpoint.requestMessage } : {}),
    };
    await guarded(privateEndpointId, () =>
      this.clients.networkFor(id.subscription).privateEndpoints.beginCreateOrUpdateAndWait(
        id.resourceGroup,
        nameAt(id, 0),
        {
          location: endpoint.location,
          tags: { ...endpoint.tags },
          subnet: { id: endpoint.subnetId },
          ...(endpoint.manualApproval
            ? { manualPrivateLinkServiceConnections: [connection] }
            : { privateLinkServiceConnections: [connection] }),
        },
        this.lroOptions(),
      ),
    );
  }

  async deletePrivateEndpoint(privateEndpointId: string): Promise<void> {
    const id = parsed(privateEndpointId);
    await guarded(privateEndpointId, () =>
      this.clients
        .networkFor(id.subscription)
        .privateEndpoints.beginDeleteAndWait(id.resourceGroup, nameAt(id, 0), this.lroOptions()),
    );
  }

  /** An existing resource answers 412 to If-None-Match: *, which for a create-only write is success. */
  private async createOnly(resourceId: string, write: () => Promise<unknown>): Promise<void> {
    try {
      await guarded(resourceId, write);
    } catch (error) {
      if (error instanceof WriteFailure && error.httpStatus === 412) return;
      throw error;
    }
  }

  async createDnsZone(zoneId: string): Promise<void> {
    const id = parsed(zoneId);
    await this.createOnly(zoneId, () =>
      this.clients
        .privateDnsFor(id.subscription)
        .privateZones.beginCreateOrUpdateAndWait(
          id.resourceGroup,
          nameAt(id, 0),
          { location: 'global', tags: { 'managed-by': 'kvnet' } },
          { ifNoneMatch: '*', ...this.lroOptions() },
        ),
    );
  }

  async createVirtualNetworkLink(linkId: string, virtualNetworkId: string): Promise<void> {
    const id = parsed(linkId);
    await this.createOnly(linkId, () =>
      this.clients.privateDnsFor(id.subscription).virtualNetworkLinks.beginCreateOrUpdateAndWait(
        id.resourceGroup,
        nameAt(id, 0),
        nameAt(id, 1),
        {
          location: 'global',
          virtualNetwork: { id: virtualNetworkId },
          registrationEnabled: false,
          tags: { 'managed-by': 'kvnet' },
        },
        { ifNoneMatch: '*', ...this.lroOptions() },
      ),
    );
  }

  async redriveDnsZone(zoneId: string): Promise<void> {
    const id = parsed(zoneId);
    await guarded(zoneId, async () => {
      const zones = this.clients.privateDnsFor(id.subscription).privateZones;
      const zone = await zones.get(id.resourceGroup, nameAt(id, 0));
      await zones.beginCreateOrUpdateAndWait(
        id.resourceGroup,
        nameAt(id, 0),
        { location: 'global', tags: { ...(zone.tags ?? {}) } },
        { ifMatch: zone.etag ?? '*', ...this.lroOptions() },
      );
    });
  }

  async redriveVirtualNetworkLink(linkId: string): Promise<void> {
    const id = parsed(linkId);
    await guarded(linkId, async () => {
      const links = this.clients.privateDnsFor(id.subscription).virtualNetworkLinks;
      const link = await links.get(id.resourceGroup, nameAt(id, 0), nameAt(id, 1));
      await links.beginCreateOrUpdateAndWait(
        id.resourceGroup,
        nameAt(id, 0),
        nameAt(id, 1),
        {
          location: 'global',
          virtualNetwork: { id: link.virtualNetwork?.id },
          registrationEnabled: link.registrationEnabled ?? false,
          tags: { ...(link.tags ?? {}) },
        },
        { ifMatch: link.etag ?? '*', ...this.lroOptions() },
      );
    });
  }

  async putZoneGroup(zoneGroupId: string, zoneIds: readonly string[]): Promise<void> {
    const id = parsed(zoneGroupId);
    await guarded(zoneGroupId, () =>
      this.clients.networkFor(id.subscription).privateDnsZoneGroups.beginCreateOrUpdateAndWait(
        id.resourceGroup,
        nameAt(id, 0),
        nameAt(id, 1),
        {
          privateDnsZoneConfigs: zoneIds.map((zoneId) => ({
            name: (zoneId.split('/').pop() ?? 'zone').replace(/\./g, '-'),
            privateDnsZoneId: zoneId,
          })),
        },
        this.lroOptions(),
      ),
    );
  }

  async setConnectionStatus(
    vaultId: string,
    connectionName: string,
    status: 'Approved' | 'Rejected',
    description: string,
  ): Promise<void> {
    const id = parsed(vaultId);
    await guarded(`${vaultId}/privateEndpointConnections/${connectionName}`, () =>
      operationsFor(targetKindOfId(vaultId).id).putConnection(
        this.clients,
        { subscription: id.subscription, group: id.resourceGroup, name: nameAt(id, 0) },
        connectionName,
        { status, description },
      ),
    );
  }
}
