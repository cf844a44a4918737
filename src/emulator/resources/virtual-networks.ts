// Virtual networks and subnets (AZURE-FACTS §2). A VNet GET embeds its subnets. A subnet PUT is
// a FULL replace — whatever the caller omits (NSG, route table, delegations, other endpoints)
// is gone, as in Azure — and a long-running operation with Azure-AsyncOperation. NRP refuses
// a second write in the same VNet while one is in flight (409 AnotherOperationInProgress).
// Properties the emulator does not model are stored and returned unchanged.
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { badRequest, parentResourceNotFound, resourceNotFound } from '../errors.js';
import { idKey } from '../ids.js';
import { operationHeaders, pollingUrls } from '../lro.js';
import type { ArmBody, StoredResource } from '../store.js';
import {
  arrayAt,
  conflictInProgress,
  listBody,
  objectAt,
  objectBody,
  requireGroupForRead,
  stringAt,
  weakEtag,
  without,
} from './common.js';

export const VNET_TYPE = 'Microsoft.Network/virtualNetworks';
export const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';

/** Computed by NRP; a value sent back in a read-modify-write is ignored. */
const SUBNET_READ_ONLY = new Set([
  'provisioningState',
  'privateEndpoints',
  'ipConfigurations',
  'purpose',
]);

export function vnetIdOf(p: Readonly<Record<string, string>>): string {
  return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.Network/virtualNetworks/${p.virtualNetworkName}`;
}

/** NRP serialises writes per VNet: subnets and the private endpoints placed in them. */
export function vnetLockKey(subnetOrVnetId: string): string {
  const key = idKey(subnetOrVnetId);
  const marker = key.indexOf('/subnets/');
  return marker < 0 ? key : key.slice(0, marker);
}

export function vnetView(services: Services, record: StoredResource): ArmBody {
  return {
    ...record.body,
    properties: {
      ...objectAt(record.body.properties),
      subnets: services.store.children(record.id, 'subnets').map((subnet) => subnet.body),
    },
  };
}

/** Throws 409 when another write holds the VNet. */
export function assertVnetIdle(services: Services, subnetOrVnetId: string): void {
  const holder = services.operations.holder(vnetLockKey(subnetOrVnetId));
  if (holder)
    throw conflictInProgress(pollingUrls(holder).asyncOperation ?? pollingUrls(holder).location);
}

function requireVnet(request: ArmRequest, services: Services, asParent: boolean): StoredResource {
  const p = request.params;
  requireGroupForRead(services, p.subscriptionId as string, p.resourceGroupName as string);
  const vnet = services.store.get(vnetIdOf(p));
  if (!vnet) {
    throw asParent
      ? parentResourceNotFound(p.virtualNetworkName as string)
      : resourceNotFound(VNET_TYPE, p.virtualNetworkName as string, p.resourceGroupName as string);
  }
  return vnet;
}

export function getVnet(request: ArmRequest, services: Services): ArmResponse {
  return { status: 200, body: vnetView(services, requireVnet(request, services, false)) };
}

export function listVnetsByGroup(request: ArmRequest, services: Services): ArmResponse {
  const p = request.params;
  requireGroupForRead(services, p.subscriptionId as string, p.resourceGroupName as string);
  return {
    status: 200,
    body: listBody(
      services.store
        .list(VNET_TYPE, p.subscriptionId, p.resourceGroupName)
        .map((r) => vnetView(services, r)),
    ),
  };
}

export function listVnetsBySubscription(request: ArmRequest, services: Services): ArmResponse {
  return {
    status: 200,
    body: listBody(
      services.store
        .list(VNET_TYPE, request.params.subscriptionId)
        .map((r) => vnetView(services, r)),
    ),
  };
}

export function getSubnet(request: ArmRequest, services: Services): ArmResponse {
  const vnet = requireVnet(request, services, true);
  const subnet = services.store.get(`${vnet.id}/subnets/${request.params.subnetName}`);
  if (!subnet)
    throw resourceNotFound(
      SUBNET_TYPE,
      `${request.params.virtualNetworkName}/${request.params.subnetName}`,
      request.params.resourceGroupName as string,
    );
  return { status: 200, body: subnet.body };
}

export function listSubnets(request: ArmRequest, services: Services): ArmResponse {
  const vnet = requireVnet(request, services, false);
  return {
    status: 200,
    body: listBody(services.store.children(vnet.id, 'subnets').map((r) => r.body)),
  };
}

function normaliseServiceEndpoints(value: unknown, vnetLocation: string): ArmBody[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    throw badRequest(
      'InvalidRequestFormat',
      'Cannot parse the request: properties.serviceEndpoints must be an array.',
    );
  return value.map((entry, index) => {
    const endpoint = objectAt(entry);
    if (typeof endpoint.service !== 'string' || endpoint.service === '') {
      throw badRequest(
        'InvalidRequestFormat',
        `Cannot parse the request: properties.serviceEndpoints[${index}].service is required.`,
      );
    }
    // NRP fills the locations (the VNet's region by default) and reports the endpoint's state.
    const locations =
      Array.isArray(endpoint.locations) && endpoint.locations.length > 0
        ? endpoint.locations
        : [vnetLocation];
    const rest = without(endpoint, 'provisioningState');
    return { ...rest, locations, provisioningState: 'Succeeded' };
  });
}

export function putSubnet(request: ArmRequest, services: Services): ArmResponse {
  const vnet = requireVnet(request, services, true);
  const body = objectBody(request);
  const sent = objectAt(body.properties);
  if (
    typeof sent.addressPrefix !== 'string' &&
    !Array.isArray(sent.addressPrefixes) &&
    !Array.isArray(sent.ipamPoolPrefixAllocations)
  ) {
    throw badRequest(
      'NoAddressPrefixOrPoolProvided',
      'Subnet must have either an address prefix, address prefixes or an IPAM pool.',
    );
  }
  assertVnetIdle(services, vnet.id);

  const id = `${vnet.id}/subnets/${request.params.subnetName}`;
  const existing = services.store.get(id);
  const properties: ArmBody = {};
  for (const [key, value] of Object.entries(sent))
    if (!SUBNET_READ_ONLY.has(key)) properties[key] = value;
  const endpoints = normaliseServiceEndpoints(
    sent.serviceEndpoints,
    stringAt(vnet.body.location) ?? 'westus',
  );
  if (endpoints) properties.serviceEndpoints = endpoints;
  // What NRP keeps of its own: the private endpoints placed in the subnet.
  const keptReadOnly = objectAt(existing?.body.properties);
  if (keptReadOnly.privateEndpoints !== undefined)
    properties.privateEndpoints = keptReadOnly.privateEndpoints;
  properties.provisioningState = 'Updating';

  const stored: ArmBody = {
    name: stringAt(existing?.body.name) ?? request.params.subnetName,
    id: existing?.id ?? id,
    etag: weakEtag(services),
    properties,
    type: SUBNET_TYPE,
  };
  services.store.put(id, SUBNET_TYPE, stored);
  vnet.body = { ...vnet.body, etag: weakEtag(services) };

  const setState = (state: string) => {
    const current = services.store.get(id);
    if (current)
      current.body = {
        ...current.body,
        properties: { ...objectAt(current.body.properties), provisioningState: state },
      };
  };
  const operation = services.operations.start({
    style: {
      kind: 'network',
      subscription: request.params.subscriptionId as string,
      location: stringAt(vnet.body.location) ?? 'westus',
    },
    apiVersion: request.apiVersion,
    baseUrl: request.baseUrl,
    lockKey: vnetLockKey(vnet.id),
    override: request.takeLroOverride(),
    onSucceeded: () => setState('Succeeded'),
    onFailed: () => setState('Failed'),
  });
  const headers = without(
    operationHeaders(operation, services.lroSettings().retryAfterSeconds),
    'Location',
  );
  return { status: existing ? 200 : 201, body: services.store.get(id)?.body, headers };
}

/** Subnets embedded in seeded VNets are split into their own records (state.ts). */
export function subnetsOfVnetBody(body: ArmBody): ArmBody[] {
  return arrayAt(objectAt(body.properties).subnets).map(objectAt);
}
