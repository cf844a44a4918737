// Managed HSM pools (Microsoft.KeyVault/managedHSMs, docs/emulator.md "Managed HSM"): get;
// list by resource group and by subscription; PUT and PATCH as long-running operations that
// answer 202 with a Location URL under managedHsmOperationResults (the REST examples
// ManagedHsm_CreateOrUpdate / ManagedHsm_Update: provisioningState Provisioning / Updating
// until the operation ends); private endpoint connections (list, get, put, delete) and the
// private link resource `managedhsm`. networkAcls is the MHSMNetworkRuleSet: replaced as a
// whole, normalised as for vaults (bare IP → /32, subnet ids lower-cased), IP rules refused
// while defaultAction is Allow (Az.KeyVault), VNet rules accepted or refused per setting.
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { badRequest, preconditionFailed } from '../errors.js';
import type { ArmBody, StoredResource } from '../store.js';
import {
  childId,
  groupResourceId,
  listBody,
  listChildren,
  listInGroup,
  listInSubscription,
  objectAt,
  objectBody,
  requireChild,
  requireGroupForWrite,
  requireLocation,
  requireResource,
  stringAt,
  updateProperties,
  withProperties,
  type ChildResourceKind,
  type GroupResourceKind,
} from './common.js';
import { MANAGED_HSM_TARGET } from './link-targets.js';
import type { PollingStyle } from '../lro.js';
import { accepted, pollingHeaders, startOperation } from './long-running.js';
import { embeddedConnection } from './private-endpoint-connections.js';
import { subnetHasKeyVaultEndpoint } from './vaults.js';
import { canonicalPublicNetworkAccess, normaliseNetworkAcls } from './vault-network-acls.js';

export const MANAGED_HSM_TYPE = MANAGED_HSM_TARGET.type;
export const MANAGED_HSM_CONNECTION_TYPE = MANAGED_HSM_TARGET.connectionType;

const HSMS: GroupResourceKind = { type: MANAGED_HSM_TYPE, nameParam: 'name' };
const CONNECTIONS: ChildResourceKind = {
  type: MANAGED_HSM_CONNECTION_TYPE,
  collection: 'privateEndpointConnections',
  parentParam: 'name',
  nameParam: 'connectionName',
};
const STATUSES = ['Pending', 'Approved', 'Rejected', 'Disconnected'];

/** Set by the service, never taken from a request. */
const READ_ONLY = new Set([
  'privateEndpointConnections',
  'provisioningState',
  'hsmUri',
  'statusMessage',
  'scheduledPurgeDate',
  'securityDomainProperties',
]);

export function managedHsmView(services: Services, record: StoredResource): ArmBody {
  return {
    ...record.body,
    properties: {
      ...objectAt(record.body.properties),
      privateEndpointConnections: services.store
        .children(record.id, 'privateEndpointConnections')
        .map(embeddedConnection),
    },
  };
}

function normaliseHsmNetworkAcls(services: Services, value: unknown): ArmBody {
  const acls = normaliseNetworkAcls(value, (id) => subnetHasKeyVaultEndpoint(services, id));
  const ipRules = Array.isArray(acls.ipRules) ? acls.ipRules : [];
  const vnetRules = Array.isArray(acls.virtualNetworkRules) ? acls.virtualNetworkRules : [];
  if (ipRules.length > 0 && acls.defaultAction === 'Allow')
    throw badRequest(
      'BadRequest',
      'Invalid value found at properties.networkAcls: IP rules require defaultAction Deny on a managed HSM.',
    );
  if (vnetRules.length > 0 && services.settings().managedHsmVirtualNetworkRules === 'refused')
    throw badRequest(
      'BadRequest',
      'Invalid value found at properties.networkAcls.virtualNetworkRules: virtual network rules are not supported for managed HSM.',
    );
  return acls;
}

function writableProperties(services: Services, properties: ArmBody): ArmBody {
  const result: ArmBody = {};
  for (const [key, value] of Object.entries(properties)) {
    if (READ_ONLY.has(key) || value === undefined) continue;
    if (key === 'networkAcls') result.networkAcls = normaliseHsmNetworkAcls(services, value);
    else if (key === 'publicNetworkAccess')
      result.publicNetworkAccess = canonicalPublicNetworkAccess(value);
    else result[key] = value;
  }
  return result;
}

/** Key Vault's polling URLs for a pool: .../locations/L/managedHsmOperationResults/ID. */
function hsmPolling(request: ArmRequest, location: unknown): PollingStyle {
  return {
    kind: 'managedhsm',
    subscription: request.params.subscriptionId as string,
    location: stringAt(location) ?? 'westus',
  };
}

function requireHsm(request: ArmRequest, services: Services, role?: 'parent'): StoredResource {
  return requireResource(request, services, HSMS, role);
}

/** The operation of a PUT or PATCH: the pool reads Succeeded (or Failed) when it ends. */
function startHsmOperation(request: ArmRequest, services: Services, record: StoredResource) {
  return startOperation(request, services, {
    style: hsmPolling(request, record.body.location),
    onSucceeded: () =>
      updateProperties(services, record.id, {
        provisioningState: 'Succeeded',
        statusMessage: 'The Managed HSM is provisioned and ready to use.',
      }),
    onFailed: () => updateProperties(services, record.id, { provisioningState: 'Failed' }),
    finalAnswer: () => {
      const current = services.store.get(record.id);
      return current ? { status: 200, body: managedHsmView(services, current) } : { status: 204 };
    },
  });
}

export function getManagedHsm(request: ArmRequest, services: Services): ArmResponse {
  return { status: 200, body: managedHsmView(services, requireHsm(request, services)) };
}

export function listManagedHsmsByGroup(request: ArmRequest, services: Services): ArmResponse {
  return listInGroup(request, services, MANAGED_HSM_TYPE, managedHsmView);
}

export function listManagedHsmsBySubscription(
  request: ArmRequest,
  services: Services,
): ArmResponse {
  return listInSubscription(request, services, MANAGED_HSM_TYPE, managedHsmView);
}

export function patchManagedHsm(request: ArmRequest, services: Services): ArmResponse {
  const record = requireHsm(request, services);
  const patch = objectBody(request);
  const next: ArmBody = { ...record.body };
  if (patch.tags !== undefined) next.tags = objectAt(patch.tags);
  next.properties = {
    ...objectAt(record.body.properties),
    ...writableProperties(services, objectAt(patch.properties)),
    provisioningState: 'Updating',
    statusMessage: 'The Managed HSM is being updated.',
  };
  record.body = next;
  const operation = startHsmOperation(request, services, record);
  return {
    status: 202,
    body: managedHsmView(services, record),
    headers: pollingHeaders(services, operation),
  };
}

export function putManagedHsm(request: ArmRequest, services: Services): ArmResponse {
  const p = request.params;
  const body = objectBody(request);
  const location = requireLocation(body);
  const properties = objectAt(body.properties);
  if (typeof properties.tenantId !== 'string')
    throw badRequest('BadRequest', 'The parameter properties.tenantId is required.');
  requireGroupForWrite(
    services,
    p.subscriptionId as string,
    p.resourceGroupName as string,
    location,
  );
  const id = groupResourceId(p, HSMS);
  const existing = services.store.get(id);
  const stored: ArmBody = {
    id: existing?.id ?? id,
    name: stringAt(existing?.body.name) ?? p.name,
    type: MANAGED_HSM_TYPE,
    location: location.toLowerCase().replace(/\s+/g, ''),
    sku: objectAt(body.sku),
    tags: objectAt(body.tags),
    properties: {
      publicNetworkAccess: 'Enabled',
      ...writableProperties(services, properties),
      hsmUri: `https://${p.name}.managedhsm.azure.net/`,
      provisioningState: existing ? 'Updating' : 'Provisioning',
    },
  };
  const record = services.store.put(id, MANAGED_HSM_TYPE, stored);
  const operation = startHsmOperation(request, services, record);
  return {
    status: 202,
    body: managedHsmView(services, record),
    headers: pollingHeaders(services, operation),
  };
}

/** The private link resource a pool offers: group `managedhsm`. */
export function listManagedHsmPrivateLinkResources(
  request: ArmRequest,
  services: Services,
): ArmResponse {
  const hsm = requireHsm(request, services);
  return {
    status: 200,
    body: listBody([
      {
        id: `${hsm.id}/privateLinkResources/managedhsm`,
        name: 'managedhsm',
        type: 'Microsoft.KeyVault/managedHSMs/privateLinkResources',
        properties: {
          groupId: 'managedhsm',
          requiredMembers: ['default'],
          requiredZoneNames: ['privatelink.managedhsm.azure.net'],
        },
      },
    ]),
  };
}

export function listManagedHsmConnections(request: ArmRequest, services: Services): ArmResponse {
  return listChildren(services, requireHsm(request, services), CONNECTIONS);
}

export function getManagedHsmConnection(request: ArmRequest, services: Services): ArmResponse {
  const hsm = requireHsm(request, services, 'parent');
  return { status: 200, body: requireChild(request, services, hsm, CONNECTIONS).body };
}

/** Approve or reject: synchronous 200 (MHSMPrivateEndpointConnections_Put). */
export function putManagedHsmConnection(request: ArmRequest, services: Services): ArmResponse {
  const hsm = requireHsm(request, services, 'parent');
  const name = request.params.connectionName as string;
  const record = requireChild(request, services, hsm, CONNECTIONS);
  const body = objectBody(request);
  const etag = stringAt(body.etag);
  if (etag !== undefined && etag !== '' && etag !== record.body.etag)
    throw preconditionFailed(
      `The etag '${etag}' does not match the current etag of the private endpoint connection '${name}'.`,
    );
  const state = objectAt(objectAt(body.properties).privateLinkServiceConnectionState);
  const status = STATUSES.find((s) => s.toLowerCase() === stringAt(state.status)?.toLowerCase());
  if (!status || status === 'Pending')
    throw badRequest(
      'BadRequest',
      `Invalid value found at properties.privateLinkServiceConnectionState.status: '${String(state.status)}'. Allowed values are Approved, Rejected, Disconnected.`,
    );
  record.body = {
    ...record.body,
    etag: services.newId(),
    properties: {
      ...objectAt(record.body.properties),
      privateLinkServiceConnectionState: {
        status,
        description: stringAt(state.description) ?? '',
        actionsRequired: stringAt(state.actionsRequired) ?? 'None',
      },
      provisioningState: 'Succeeded',
    },
  };
  return { status: 200, body: record.body };
}

/** Delete: a long-running operation (202 + Location), as for vaults. */
export function deleteManagedHsmConnection(request: ArmRequest, services: Services): ArmResponse {
  const hsm = requireHsm(request, services, 'parent');
  const record = services.store.get(childId(request, hsm, CONNECTIONS));
  if (!record) return { status: 204 };
  const previous = record.body;
  record.body = withProperties(previous, { provisioningState: 'Deleting' });
  const operation = startOperation(request, services, {
    style: hsmPolling(request, hsm.body.location),
    onSucceeded: () => services.store.delete(record.id),
    onFailed: () => {
      if (services.store.get(record.id))
        record.body = withProperties(previous, { provisioningState: 'Failed' });
    },
    finalAnswer: () => ({
      status: 200,
      body: { id: previous.id, name: previous.name, type: previous.type, properties: {} },
    }),
  });
  return accepted(services, operation);
}
