// Key Vault vaults (AZURE-FACTS §1): get; list by resource group, by subscription and through
// the generic /resources endpoint the SDK's `vaults.list` uses; PATCH (top-level properties
// merged, networkAcls replaced as a whole); PUT as a long-running operation (Location polling).
// The body always carries properties.privateEndpointConnections, empty when there are none.
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { badRequest } from '../errors.js';
import { enforcePolicies } from '../policy.js';
import type { ArmBody, StoredResource } from '../store.js';
import {
  arrayAt,
  listBody,
  listInGroup,
  listInSubscription,
  objectAt,
  objectBody,
  requireGroupForWrite,
  requireLocation,
  requireResource,
  stringAt,
} from './common.js';
import { pollingHeaders, regionalPolling, startProvisioning } from './long-running.js';
import { embeddedConnection, vaultIdOf, VAULTS } from './private-endpoint-connections.js';
import { canonicalPublicNetworkAccess, normaliseNetworkAcls } from './vault-network-acls.js';

export const VAULT_TYPE = 'Microsoft.KeyVault/vaults';

/** Set by the service, never taken from a request. */
const READ_ONLY = new Set([
  'privateEndpointConnections',
  'provisioningState',
  'vaultUri',
  'hsmPoolResourceId',
]);

function publicAccessDisabled(properties: ArmBody): boolean {
  return stringAt(properties.publicNetworkAccess)?.toLowerCase() === 'disabled';
}

export function vaultView(services: Services, record: StoredResource): ArmBody {
  const stored = objectAt(record.body.properties);
  // Azure withholds networkAcls while public access is Disabled (azure-powershell #20744).
  const { networkAcls, ...rest } = stored;
  const properties =
    publicAccessDisabled(stored) &&
    services.settings().networkAclsWhenPublicAccessDisabled !== 'shown'
      ? rest
      : networkAcls === undefined
        ? rest
        : { ...rest, networkAcls };
  return {
    ...record.body,
    properties: {
      ...properties,
      privateEndpointConnections: services.store
        .children(record.id, 'privateEndpointConnections')
        .map(embeddedConnection),
    },
  };
}

/** Whether the subnet exists and lists the Microsoft.KeyVault service endpoint. */
export function subnetHasKeyVaultEndpoint(services: Services, subnetId: string): boolean {
  const subnet = services.store.get(subnetId);
  if (!subnet) return false;
  return arrayAt(objectAt(subnet.body.properties).serviceEndpoints).some(
    (endpoint) => stringAt(objectAt(endpoint).service)?.toLowerCase() === 'microsoft.keyvault',
  );
}

function writableProperties(services: Services, properties: ArmBody): ArmBody {
  const result: ArmBody = {};
  for (const [key, value] of Object.entries(properties)) {
    if (READ_ONLY.has(key)) continue;
    if (key === 'networkAcls')
      result.networkAcls = normaliseNetworkAcls(value, (id) =>
        subnetHasKeyVaultEndpoint(services, id),
      );
    else if (key === 'publicNetworkAccess')
      result.publicNetworkAccess = canonicalPublicNetworkAccess(value);
    else result[key] = value;
  }
  return result;
}

/**
 * The `cleared` reading of networkAcls with public access Disabled: a write that leaves public
 * access Disabled wipes the rules, and rules wiped that way stay gone when a later write
 * enables public access without sending networkAcls.
 */
function clearedWhenDisabled(services: Services, before: ArmBody, after: ArmBody): ArmBody {
  if (services.settings().networkAclsWhenPublicAccessDisabled !== 'cleared') return after;
  if (!publicAccessDisabled(after) && !publicAccessDisabled(before)) return after;
  if (!publicAccessDisabled(after) && after.networkAcls !== before.networkAcls) return after;
  const { networkAcls: _cleared, ...rest } = after;
  return rest;
}

function systemData(services: Services, previous: unknown): ArmBody {
  const now = services.now().toISOString();
  const before = objectAt(previous);
  return {
    createdBy: before.createdBy ?? 'kvnet-emulator',
    createdByType: before.createdByType ?? 'Application',
    createdAt: before.createdAt ?? now,
    lastModifiedBy: 'kvnet-emulator',
    lastModifiedByType: 'Application',
    lastModifiedAt: now,
  };
}

function requireVault(request: ArmRequest, services: Services): StoredResource {
  return requireResource(request, services, VAULTS);
}

export function getVault(request: ArmRequest, services: Services): ArmResponse {
  return { status: 200, body: vaultView(services, requireVault(request, services)) };
}

export function listVaultsByGroup(request: ArmRequest, services: Services): ArmResponse {
  return listInGroup(request, services, VAULT_TYPE, vaultView);
}

export function listVaultsBySubscription(request: ArmRequest, services: Services): ArmResponse {
  return listInSubscription(request, services, VAULT_TYPE, vaultView);
}

export function patchVault(request: ArmRequest, services: Services): ArmResponse {
  const record = requireVault(request, services);
  const patch = objectBody(request);
  const next: ArmBody = { ...record.body };
  if (patch.tags !== undefined) next.tags = objectAt(patch.tags);
  if (patch.properties !== undefined) {
    // Top-level properties merge; each one sent (networkAcls included) replaces the old value.
    next.properties = clearedWhenDisabled(
      services,
      objectAt(record.body.properties),
      enforcePolicies(services.settings().policies, record.id, request.params.vaultName ?? '', {
        ...objectAt(record.body.properties),
        ...writableProperties(services, objectAt(patch.properties)),
      }),
    );
  }
  next.systemData = systemData(services, record.body.systemData);
  record.body = next;
  return { status: 200, body: vaultView(services, record) };
}

export function putVault(request: ArmRequest, services: Services): ArmResponse {
  const p = request.params;
  const body = objectBody(request);
  const location = requireLocation(body);
  const properties = objectAt(body.properties);
  if (typeof properties.tenantId !== 'string')
    throw badRequest('BadRequest', 'The parameter properties.tenantId is required.');
  const sku = objectAt(properties.sku);
  if (typeof sku.name !== 'string' || typeof sku.family !== 'string')
    throw badRequest('BadRequest', 'The parameter properties.sku (family, name) is required.');
  requireGroupForWrite(
    services,
    p.subscriptionId as string,
    p.resourceGroupName as string,
    location,
  );

  const id = vaultIdOf(p);
  const existing = services.store.get(id);
  // PUT replaces every property the caller may set (access policies included).
  const stored: ArmBody = {
    id: existing?.id ?? id,
    name: stringAt(existing?.body.name) ?? p.vaultName,
    type: VAULT_TYPE,
    location: location.toLowerCase().replace(/\s+/g, ''),
    tags: objectAt(body.tags),
    systemData: systemData(services, existing?.body.systemData),
    properties: clearedWhenDisabled(
      services,
      objectAt(existing?.body.properties),
      enforcePolicies(services.settings().policies, id, p.vaultName ?? '', {
        publicNetworkAccess: 'Enabled',
        ...writableProperties(services, properties),
        vaultUri: `https://${p.vaultName}.vault.azure.net/`,
        provisioningState: existing ? 'Succeeded' : 'RegisteringDns',
      }),
    ),
  };
  const record = services.store.put(id, VAULT_TYPE, stored);
  const operation = startProvisioning(request, services, id, {
    style: regionalPolling('keyvault', request, stored.location),
    finalAnswer: () => {
      const current = services.store.get(id);
      return current ? { status: 200, body: vaultView(services, current) } : { status: 204 };
    },
  });
  return {
    status: existing ? 200 : 201,
    body: vaultView(services, record),
    headers: pollingHeaders(services, operation),
  };
}

/** The private link resource a vault offers (AZURE-FACTS §1c: group `vault`). */
export function listPrivateLinkResources(request: ArmRequest, services: Services): ArmResponse {
  const vault = requireVault(request, services);
  return {
    status: 200,
    body: listBody([
      {
        id: `${vault.id}/privateLinkResources/vault`,
        name: 'vault',
        type: 'Microsoft.KeyVault/vaults/privateLinkResources',
        properties: {
          groupId: 'vault',
          requiredMembers: ['default'],
          requiredZoneNames: ['privatelink.vaultcore.azure.net'],
        },
      },
    ]),
  };
}
