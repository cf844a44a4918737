// Private endpoint connections on a vault (AZURE-FACTS §1c): list; get answers 200, or 204 with
// no body when absent; put approves or rejects (synchronous 200); delete is a long-running
// operation (202 + Location). Connections are born when a private endpoint targets the vault
// (private-endpoints.ts): Approved for an automatic connection, Pending for a manual one.
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { badRequest, preconditionFailed } from '../errors.js';
import { sameId } from '../ids.js';
import type { ArmBody, StoredResource } from '../store.js';
import {
  childId,
  groupResourceId,
  listChildren,
  objectAt,
  objectBody,
  requireChild,
  requireResource,
  stringAt,
  withProperties,
  type ChildResourceKind,
  type GroupResourceKind,
} from './common.js';
import { linkTargetOf } from './link-targets.js';
import { accepted, regionalPolling, startOperation } from './long-running.js';

export const CONNECTION_TYPE = 'Microsoft.KeyVault/vaults/privateEndpointConnections';
const STATUSES = ['Pending', 'Approved', 'Rejected', 'Disconnected'];

/** Vaults as the routes name them (vaults.ts holds their handlers). */
export const VAULTS: GroupResourceKind = {
  type: 'Microsoft.KeyVault/vaults',
  nameParam: 'vaultName',
};
const CONNECTIONS: ChildResourceKind = {
  type: CONNECTION_TYPE,
  collection: 'privateEndpointConnections',
  parentParam: 'vaultName',
  nameParam: 'connectionName',
};

export function vaultIdOf(p: Readonly<Record<string, string>>): string {
  return groupResourceId(p, VAULTS);
}

/** As the vault body embeds a connection: id, etag and properties only. */
export function embeddedConnection(record: StoredResource): ArmBody {
  const { id, etag, properties } = record.body;
  return { id, etag, properties };
}

export function connectionForEndpoint(
  services: Services,
  vaultId: string,
  endpointId: string,
): StoredResource | undefined {
  return services.store
    .children(vaultId, 'privateEndpointConnections')
    .find((record) =>
      sameId(stringAt(objectAt(objectAt(record.body.properties).privateEndpoint).id), endpointId),
    );
}

export function createConnection(
  services: Services,
  vaultId: string,
  endpointId: string,
  endpointName: string,
  state: { status: 'Approved' | 'Pending'; description: string },
): StoredResource {
  const name = `${endpointName}.${services.newId()}`;
  const id = `${vaultId}/privateEndpointConnections/${name}`;
  const type = linkTargetOf(vaultId)?.connectionType ?? CONNECTION_TYPE;
  return services.store.put(id, type, {
    id,
    name,
    type,
    etag: services.newId(),
    properties: {
      privateEndpoint: { id: endpointId },
      privateLinkServiceConnectionState: {
        status: state.status,
        description: state.description,
        actionsRequired: 'None',
      },
      provisioningState: 'Succeeded',
    },
  });
}

function requireVault(request: ArmRequest, services: Services): StoredResource {
  return requireResource(request, services, VAULTS, 'parent');
}

export function listConnections(request: ArmRequest, services: Services): ArmResponse {
  return listChildren(services, requireResource(request, services, VAULTS), CONNECTIONS);
}

export function getConnection(request: ArmRequest, services: Services): ArmResponse {
  const vault = requireVault(request, services);
  const record = services.store.get(childId(request, vault, CONNECTIONS));
  // The service's documented answer for "no such connection" is 204 No Content.
  return record ? { status: 200, body: record.body } : { status: 204 };
}

export function putConnection(request: ArmRequest, services: Services): ArmResponse {
  const vault = requireVault(request, services);
  const name = request.params.connectionName as string;
  const record = requireChild(request, services, vault, CONNECTIONS);
  const body = objectBody(request);
  const etag = stringAt(body.etag);
  if (etag !== undefined && etag !== '' && etag !== record.body.etag) {
    throw preconditionFailed(
      `The etag '${etag}' does not match the current etag of the private endpoint connection '${name}'.`,
    );
  }
  const state = objectAt(objectAt(body.properties).privateLinkServiceConnectionState);
  const status = STATUSES.find((s) => s.toLowerCase() === stringAt(state.status)?.toLowerCase());
  if (!status || status === 'Pending') {
    throw badRequest(
      'BadRequest',
      `Invalid value found at properties.privateLinkServiceConnectionState.status: '${String(state.status)}'. Allowed values are Approved, Rejected, Disconnected.`,
    );
  }
  const properties = objectAt(record.body.properties);
  record.body = {
    ...record.body,
    etag: services.newId(),
    properties: {
      ...properties,
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

export function deleteConnection(request: ArmRequest, services: Services): ArmResponse {
  const vault = requireVault(request, services);
  const record = services.store.get(childId(request, vault, CONNECTIONS));
  if (!record) return { status: 204 };
  const previous = record.body;
  record.body = withProperties(previous, { provisioningState: 'Deleting' });
  const disconnected: ArmBody = {
    id: previous.id,
    name: previous.name,
    type: previous.type,
    properties: { provisioningState: 'Disconnected' },
  };
  const operation = startOperation(request, services, {
    style: regionalPolling('keyvault', request, vault.body.location),
    onSucceeded: () => services.store.delete(record.id),
    onFailed: () => {
      if (services.store.get(record.id))
        record.body = withProperties(previous, { provisioningState: 'Failed' });
    },
    finalAnswer: () => ({ status: 200, body: disconnected }),
  });
  return accepted(services, operation);
}
