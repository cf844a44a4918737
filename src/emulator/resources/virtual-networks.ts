// Virtual networks and subnets (AZURE-FACTS §2). A VNet GET embeds its subnets. A subnet PUT is
// a FULL replace — whatever the caller omits (NSG, route table, delegations, other endpoints)
// is gone, as in Azure — and a long-running operation with Azure-AsyncOperation. NRP refuses
// a second write in the same VNet while one is in flight (409 AnotherOperationInProgress).
// Properties the emulator does not model are stored and returned unchanged.
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { badRequest } from '../errors.js';
import { idKey, lastName, sameId } from '../ids.js';
import { pollingUrls } from '../lro.js';
import type { ArmBody, StoredResource } from '../store.js';
import {
  arrayAt,
  checkPreconditions,
  childId,
  conflictInProgress,
  groupResourceId,
  listBody,
  listInGroup,
  listInSubscription,
  objectAt,
  objectBody,
  requireChild,
  requireResource,
  stringAt,
  weakEtag,
  without,
  type ChildResourceKind,
  type GroupResourceKind,
} from './common.js';
import { networkPutAnswer, regionalPolling, startProvisioning } from './long-running.js';

export const VNET_TYPE = 'Microsoft.Network/virtualNetworks';
export const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';

const VNETS: GroupResourceKind = { type: VNET_TYPE, nameParam: 'virtualNetworkName' };
const SUBNETS: ChildResourceKind = {
  type: SUBNET_TYPE,
  collection: 'subnets',
  parentParam: 'virtualNetworkName',
  nameParam: 'subnetName',
};

/** Computed by NRP; a value sent back in a read-modify-write is ignored. */
const SUBNET_READ_ONLY = new Set([
  'provisioningState',
  'privateEndpoints',
  'ipConfigurations',
  'purpose',
]);

export function vnetIdOf(p: Readonly<Record<string, string>>): string {
  return groupResourceId(p, VNETS);
}

/** NRP serialises writes per VNet: subnets and the private endpoints placed in them. */
export function vnetLockKey(subnetOrVnetId: string): string {
  const key = idKey(subnetOrVnetId);
  const marker = key.indexOf('/subnets/');
  return marker < 0 ? key : key.slice(0, marker);
}

/**
 * A subnet as NRP shows it: with the read-only `ipConfigurations` and `privateEndpoints` of
 * the NICs placed in it (AZURE-FACTS §8 "Subnets"), which a read-modify-write sends back and
 * NRP ignores. A seeded subnet no NIC of ours sits in keeps what the state file says.
 */
export function subnetView(services: Services, record: StoredResource): ArmBody {
  // NRP gives every subnet an etag; one seeded without gets its own on first sight.
  if (typeof record.body.etag !== 'string')
    record.body = { ...record.body, etag: weakEtag(services) };
  const ipConfigurations: ArmBody[] = [];
  const privateEndpoints: ArmBody[] = [];
  for (const nic of services.store.list('Microsoft.Network/networkInterfaces')) {
    const nicProperties = objectAt(nic.body.properties);
    for (const config of arrayAt(nicProperties.ipConfigurations)) {
      const configBody = objectAt(config);
      if (!sameId(stringAt(objectAt(objectAt(configBody.properties).subnet).id), record.id))
        continue;
      ipConfigurations.push({
        id: stringAt(configBody.id) ?? `${nic.id}/ipConfigurations/ipconfig`,
      });
      const endpointId = stringAt(objectAt(nicProperties.privateEndpoint).id);
      if (endpointId && !privateEndpoints.some((pe) => sameId(stringAt(pe.id), endpointId)))
        privateEndpoints.push({ id: endpointId });
    }
  }
  if (ipConfigurations.length === 0) return record.body;
  return {
    ...record.body,
    properties: { ...objectAt(record.body.properties), ipConfigurations, privateEndpoints },
  };
}

export function vnetView(services: Services, record: StoredResource): ArmBody {
  return {
    ...record.body,
    properties: {
      ...objectAt(record.body.properties),
      subnets: services.store
        .children(record.id, 'subnets')
        .map((subnet) => subnetView(services, subnet)),
    },
  };
}

/** Throws 409 when another write holds the VNet. */
export function assertVnetIdle(services: Services, subnetOrVnetId: string): void {
  const holder = services.operations.holder(vnetLockKey(subnetOrVnetId));
  if (holder)
    throw conflictInProgress(pollingUrls(holder).asyncOperation ?? pollingUrls(holder).location);
}

export function getVnet(request: ArmRequest, services: Services): ArmResponse {
  return { status: 200, body: vnetView(services, requireResource(request, services, VNETS)) };
}

export function listVnetsByGroup(request: ArmRequest, services: Services): ArmResponse {
  return listInGroup(request, services, VNET_TYPE, vnetView);
}

export function listVnetsBySubscription(request: ArmRequest, services: Services): ArmResponse {
  return listInSubscription(request, services, VNET_TYPE, vnetView);
}

export function getSubnet(request: ArmRequest, services: Services): ArmResponse {
  const vnet = requireResource(request, services, VNETS, 'parent');
  return {
    status: 200,
    body: subnetView(services, requireChild(request, services, vnet, SUBNETS)),
  };
}

export function listSubnets(request: ArmRequest, services: Services): ArmResponse {
  const vnet = requireResource(request, services, VNETS);
  return {
    status: 200,
    body: listBody(
      services.store.children(vnet.id, SUBNETS.collection).map((r) => subnetView(services, r)),
    ),
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
  const vnet = requireResource(request, services, VNETS, 'parent');
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

  const id = childId(request, vnet, SUBNETS);
  const existing = services.store.get(id);
  // NRP's optimistic concurrency on the subnet's etag (a setting: AZURE-FACTS §7 lists it open).
  if (services.settings().subnetIfMatch === 'honoured')
    checkPreconditions(
      request,
      existing,
      `${lastName(vnet.id)}/${request.params.subnetName ?? ''}`,
    );
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

  const operation = startProvisioning(request, services, id, {
    style: regionalPolling('network', request, vnet.body.location),
    lockKey: vnetLockKey(vnet.id),
  });
  return networkPutAnswer(services, operation, !existing, services.store.get(id)?.body);
}

/** Subnets embedded in seeded VNets are split into their own records (state.ts). */
export function subnetsOfVnetBody(body: ArmBody): ArmBody[] {
  return arrayAt(objectAt(body.properties).subnets).map(objectAt);
}
