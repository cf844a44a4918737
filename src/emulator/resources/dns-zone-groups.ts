// DNS zone groups of a private endpoint (AZURE-FACTS §3): PUT is a long-running operation that
// writes, into each configured zone, an A record named after the vault, TTL 10, pointing at the
// endpoint's address; DELETE removes those records. One group per endpoint, at most 5 zones.
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { badRequest, parentResourceNotFound, resourceNotFound } from '../errors.js';
import { lastName } from '../ids.js';
import { operationHeaders } from '../lro.js';
import type { ArmBody, StoredResource } from '../store.js';
import {
  arrayAt,
  listBody,
  objectAt,
  objectBody,
  requireGroupForRead,
  stringAt,
  weakEtag,
  without,
} from './common.js';
import { removeZoneGroupRecords, writeARecord } from './dns-records.js';
import { endpointAddress, endpointIdOf, targetVaults } from './private-endpoints.js';
import { assertVnetIdle, vnetLockKey } from './virtual-networks.js';

export const ZONE_GROUP_TYPE = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';
const MAX_ZONES = 5;

function requireEndpoint(request: ArmRequest, services: Services): StoredResource {
  const p = request.params;
  requireGroupForRead(services, p.subscriptionId as string, p.resourceGroupName as string);
  const endpoint = services.store.get(endpointIdOf(p));
  if (!endpoint) throw parentResourceNotFound(p.privateEndpointName as string);
  return endpoint;
}

export function getZoneGroup(request: ArmRequest, services: Services): ArmResponse {
  const endpoint = requireEndpoint(request, services);
  const record = services.store.get(
    `${endpoint.id}/privateDnsZoneGroups/${request.params.groupName}`,
  );
  if (!record)
    throw resourceNotFound(
      ZONE_GROUP_TYPE,
      `${request.params.privateEndpointName}/${request.params.groupName}`,
      request.params.resourceGroupName as string,
    );
  return { status: 200, body: record.body };
}

export function listZoneGroups(request: ArmRequest, services: Services): ArmResponse {
  const endpoint = requireEndpoint(request, services);
  return {
    status: 200,
    body: listBody(services.store.children(endpoint.id, 'privateDnsZoneGroups').map((r) => r.body)),
  };
}

export function putZoneGroup(request: ArmRequest, services: Services): ArmResponse {
  const endpoint = requireEndpoint(request, services);
  const name = request.params.groupName as string;
  const id = `${endpoint.id}/privateDnsZoneGroups/${name}`;
  const others = services.store
    .children(endpoint.id, 'privateDnsZoneGroups')
    .filter((g) => g.id.toLowerCase() !== id.toLowerCase());
  if (others.length > 0) {
    throw badRequest(
      'OnlyOnePrivateDnsZoneGroupAllowed',
      `Private endpoint ${endpoint.id} already has the private DNS zone group ${lastName(others[0]!.id)}; only one is allowed.`,
    );
  }
  const configs = arrayAt(objectAt(objectBody(request).properties).privateDnsZoneConfigs);
  if (configs.length === 0 || configs.length > MAX_ZONES) {
    throw badRequest(
      'InvalidPrivateDnsZoneConfigs',
      `A private DNS zone group must have between 1 and ${MAX_ZONES} private DNS zone configurations (got ${configs.length}).`,
    );
  }
  const subnetId = stringAt(objectAt(objectAt(endpoint.body.properties).subnet).id) ?? endpoint.id;
  assertVnetIdle(services, subnetId);

  const address = endpointAddress(services, endpoint);
  const vaults = targetVaults(endpoint.body).map(lastName);
  const zones: StoredResource[] = [];
  const storedConfigs = configs.map((entry) => {
    const config = objectAt(entry);
    const zoneId = stringAt(objectAt(config.properties).privateDnsZoneId);
    const zone = zoneId ? services.store.get(zoneId) : undefined;
    if (!zoneId || !zone) {
      throw badRequest(
        'InvalidResourceReference',
        `Resource ${zoneId ?? '(none)'} referenced by resource ${id} was not found. Please make sure that the referenced resource exists.`,
      );
    }
    zones.push(zone);
    const zoneName = stringAt(zone.body.name) ?? lastName(zone.id);
    const result: ArmBody = {};
    if (typeof config.name === 'string') result.name = config.name;
    result.properties = {
      ...objectAt(config.properties),
      privateDnsZoneId: zoneId,
      recordSets: address
        ? vaults.map((vault) => ({
            recordType: 'A',
            recordSetName: vault,
            fqdn: `${vault}.${zoneName}`,
            ipAddresses: [address],
          }))
        : [],
    };
    return result;
  });

  const existing = services.store.get(id);
  if (existing) removeZoneGroupRecords(services, existing);
  services.store.put(id, ZONE_GROUP_TYPE, {
    name: stringAt(existing?.body.name) ?? name,
    id: existing?.id ?? id,
    etag: weakEtag(services),
    properties: { provisioningState: 'Updating', privateDnsZoneConfigs: storedConfigs },
  });
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
      location: stringAt(endpoint.body.location) ?? 'westus',
    },
    apiVersion: request.apiVersion,
    baseUrl: request.baseUrl,
    lockKey: vnetLockKey(subnetId),
    override: request.takeLroOverride(),
    onSucceeded: () => {
      setState('Succeeded');
      if (address)
        for (const zone of zones)
          for (const vault of vaults) writeARecord(services, zone, vault, [address]);
    },
    onFailed: () => setState('Failed'),
  });
  const headers = without(
    operationHeaders(operation, services.lroSettings().retryAfterSeconds),
    'Location',
  );
  return { status: existing ? 200 : 201, body: services.store.get(id)?.body, headers };
}

export function deleteZoneGroup(request: ArmRequest, services: Services): ArmResponse {
  const endpoint = requireEndpoint(request, services);
  const record = services.store.get(
    `${endpoint.id}/privateDnsZoneGroups/${request.params.groupName}`,
  );
  if (!record) return { status: 204 };
  const operation = services.operations.start({
    style: {
      kind: 'network',
      subscription: request.params.subscriptionId as string,
      location: stringAt(endpoint.body.location) ?? 'westus',
    },
    apiVersion: request.apiVersion,
    baseUrl: request.baseUrl,
    override: request.takeLroOverride(),
    onSucceeded: () => {
      const current = services.store.get(record.id);
      if (!current) return;
      removeZoneGroupRecords(services, current);
      services.store.delete(current.id);
    },
    onFailed: () => undefined,
  });
  return {
    status: 202,
    headers: operationHeaders(operation, services.lroSettings().retryAfterSeconds),
  };
}
