// DNS zone groups of a private endpoint (AZURE-FACTS §3): PUT is a long-running operation that
// writes, into each configured zone, an A record named after the vault, TTL 10, pointing at the
// endpoint's address; DELETE removes those records. One group per endpoint, at most 5 zones.
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { badRequest } from '../errors.js';
import { lastName } from '../ids.js';
import type { ArmBody, StoredResource } from '../store.js';
import {
  arrayAt,
  childId,
  getChild,
  listChildren,
  objectAt,
  objectBody,
  requireResource,
  stringAt,
  weakEtag,
  type ChildResourceKind,
} from './common.js';
import { removeZoneGroupRecords, writeARecord, zoneGroupRecordSets } from './dns-records.js';
import {
  accepted,
  networkPutAnswer,
  regionalPolling,
  startOperation,
  startProvisioning,
} from './long-running.js';
import { ENDPOINTS, endpointAddress, endpointSubnetId, targetVaults } from './private-endpoints.js';
import { assertVnetIdle, vnetLockKey } from './virtual-networks.js';

export const ZONE_GROUP_TYPE = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';
const MAX_ZONES = 5;
const ZONE_GROUPS: ChildResourceKind = {
  type: ZONE_GROUP_TYPE,
  collection: 'privateDnsZoneGroups',
  parentParam: 'privateEndpointName',
  nameParam: 'groupName',
};

function requireEndpoint(request: ArmRequest, services: Services): StoredResource {
  return requireResource(request, services, ENDPOINTS, 'parent');
}

export function getZoneGroup(request: ArmRequest, services: Services): ArmResponse {
  return getChild(request, services, requireEndpoint(request, services), ZONE_GROUPS);
}

export function listZoneGroups(request: ArmRequest, services: Services): ArmResponse {
  return listChildren(services, requireEndpoint(request, services), ZONE_GROUPS);
}

export function putZoneGroup(request: ArmRequest, services: Services): ArmResponse {
  const endpoint = requireEndpoint(request, services);
  const name = request.params.groupName as string;
  const id = childId(request, endpoint, ZONE_GROUPS);
  const others = services.store
    .children(endpoint.id, ZONE_GROUPS.collection)
    .filter((g) => g.id.toLowerCase() !== id.toLowerCase());
  if (others.length > 0) {
    // Azure's text as reported in pulumi/pulumi-azure-native#2179 (docs/emulator.md).
    throw badRequest(
      'OnlyOnePrivateDnsZoneGroupAllowed',
      'Cannot create more than one private dns zone groups in the private endpoint.',
    );
  }
  const configs = arrayAt(objectAt(objectBody(request).properties).privateDnsZoneConfigs);
  if (configs.length === 0 || configs.length > MAX_ZONES) {
    throw badRequest(
      'InvalidPrivateDnsZoneConfigs',
      `A private DNS zone group must have between 1 and ${MAX_ZONES} private DNS zone configurations (got ${configs.length}).`,
    );
  }
  const subnetId = endpointSubnetId(endpoint);
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
      recordSets: zoneGroupRecordSets(zoneName, vaults, address),
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
  const operation = startProvisioning(request, services, id, {
    style: regionalPolling('network', request, endpoint.body.location),
    lockKey: vnetLockKey(subnetId),
    onSucceeded: () => {
      if (address)
        for (const zone of zones)
          for (const vault of vaults) writeARecord(services, zone, vault, [address]);
    },
  });
  return networkPutAnswer(services, operation, !existing, services.store.get(id)?.body);
}

export function deleteZoneGroup(request: ArmRequest, services: Services): ArmResponse {
  const endpoint = requireEndpoint(request, services);
  const record = services.store.get(childId(request, endpoint, ZONE_GROUPS));
  if (!record) return { status: 204 };
  const operation = startOperation(request, services, {
    style: regionalPolling('network', request, endpoint.body.location),
    onSucceeded: () => {
      const current = services.store.get(record.id);
      if (!current) return;
      removeZoneGroupRecords(services, current);
      services.store.delete(current.id);
    },
    onFailed: () => undefined,
  });
  return accepted(services, operation);
}
