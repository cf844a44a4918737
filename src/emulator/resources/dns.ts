// Private DNS (AZURE-FACTS §4): zones get/list/PUT, VNet links get/list/PUT and A record sets
// get/list. Zone and link PUTs answer 202 with Azure-AsyncOperation + Location, as the Private
// DNS provider does; If-None-Match: * and If-Match are honoured (412). `location` must be
// global in any case and is returned as `global`. A link is InProgress until its operation ends.
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { ArmError, badRequest } from '../errors.js';
import { sameId } from '../ids.js';
import type { ArmBody, StoredResource } from '../store.js';
import {
  checkPreconditions,
  childId,
  getChild,
  groupResourceId,
  listChildren,
  listInGroup,
  listInSubscription,
  objectAt,
  objectBody,
  requireGroupForWrite,
  requireResource,
  stringAt,
  updateProperties,
  without,
  type ChildResourceKind,
  type GroupResourceKind,
} from './common.js';
import { A_RECORD_TYPE } from './dns-records.js';
import { accepted, startProvisioning } from './long-running.js';
import { VNET_TYPE } from './virtual-networks.js';

export const ZONE_TYPE = 'Microsoft.Network/privateDnsZones';
export const LINK_TYPE = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';

const ZONES: GroupResourceKind = { type: ZONE_TYPE, nameParam: 'zoneName' };
const LINKS: ChildResourceKind = {
  type: LINK_TYPE,
  collection: 'virtualNetworkLinks',
  parentParam: 'zoneName',
  nameParam: 'linkName',
};
const A_RECORDS: ChildResourceKind = {
  type: A_RECORD_TYPE,
  collection: 'A',
  parentParam: 'zoneName',
  nameParam: 'recordName',
};

const LIMITS = { recordSets: 25_000, links: 1000, linksWithRegistration: 100 };

export function zoneIdOf(p: Readonly<Record<string, string>>): string {
  return groupResourceId(p, ZONES);
}

/** The zone with its counters, which the service computes on read. */
export function zoneView(services: Services, record: StoredResource): ArmBody {
  const links = services.store.children(record.id, 'virtualNetworkLinks');
  const records = services.store.children(record.id, 'A');
  return {
    ...record.body,
    properties: {
      ...objectAt(record.body.properties),
      maxNumberOfRecordSets: LIMITS.recordSets,
      // The SOA record every zone has counts as one record set.
      numberOfRecordSets: records.length + 1,
      maxNumberOfVirtualNetworkLinks: LIMITS.links,
      numberOfVirtualNetworkLinks: links.length,
      maxNumberOfVirtualNetworkLinksWithRegistration: LIMITS.linksWithRegistration,
      numberOfVirtualNetworkLinksWithRegistration: links.filter(
        (l) => objectAt(l.body.properties).registrationEnabled === true,
      ).length,
    },
  };
}

function requireGlobal(body: ArmBody, type: string): void {
  const location = stringAt(body.location);
  if (location === undefined || location.toLowerCase() !== 'global') {
    throw new ArmError(
      400,
      'LocationNotAvailableForResourceType',
      `The provided location '${location ?? ''}' is not available for resource type '${type}'. List of available regions for the resource type is 'global'.`,
    );
  }
}

export function getZone(request: ArmRequest, services: Services): ArmResponse {
  return { status: 200, body: zoneView(services, requireResource(request, services, ZONES)) };
}

export function listZonesByGroup(request: ArmRequest, services: Services): ArmResponse {
  return listInGroup(request, services, ZONE_TYPE, zoneView);
}

export function listZonesBySubscription(request: ArmRequest, services: Services): ArmResponse {
  return listInSubscription(request, services, ZONE_TYPE, zoneView);
}

/** Private DNS answers a zone or link PUT with 202 and polls in the resource group. */
function startDnsOperation(
  request: ArmRequest,
  services: Services,
  id: string,
  onSucceeded?: () => void,
): ArmResponse {
  const operation = startProvisioning(request, services, id, {
    style: {
      kind: 'privatedns',
      subscription: request.params.subscriptionId as string,
      resourceGroup: request.params.resourceGroupName as string,
    },
    onSucceeded,
  });
  return accepted(services, operation);
}

export function putZone(request: ArmRequest, services: Services): ArmResponse {
  const p = request.params;
  const body = objectBody(request);
  requireGlobal(body, ZONE_TYPE);
  requireGroupForWrite(
    services,
    p.subscriptionId as string,
    p.resourceGroupName as string,
    'global',
  );
  const id = zoneIdOf(p);
  const existing = services.store.get(id);
  checkPreconditions(request, existing, `${ZONE_TYPE}/${p.zoneName}`);
  services.store.put(id, ZONE_TYPE, {
    id: existing?.id ?? id,
    name: stringAt(existing?.body.name) ?? (p.zoneName as string).toLowerCase(),
    type: ZONE_TYPE,
    location: 'global',
    etag: services.newId(),
    tags: objectAt(body.tags),
    properties: {
      ...objectAt(existing?.body.properties),
      provisioningState: existing ? 'Updating' : 'Creating',
    },
  });
  return startDnsOperation(request, services, id);
}

export function getLink(request: ArmRequest, services: Services): ArmResponse {
  return getChild(request, services, requireResource(request, services, ZONES, 'parent'), LINKS);
}

export function listLinks(request: ArmRequest, services: Services): ArmResponse {
  return listChildren(services, requireResource(request, services, ZONES), LINKS);
}

export function putLink(request: ArmRequest, services: Services): ArmResponse {
  const zone = requireResource(request, services, ZONES, 'parent');
  const body = objectBody(request);
  requireGlobal(body, LINK_TYPE);
  const id = childId(request, zone, LINKS);
  const existing = services.store.get(id);
  checkPreconditions(
    request,
    existing,
    `${LINK_TYPE}/${request.params.zoneName}/${request.params.linkName}`,
  );
  const sent = objectAt(body.properties);
  const vnetId = stringAt(objectAt(sent.virtualNetwork).id);
  const vnet = vnetId ? services.store.get(vnetId) : undefined;
  if (!vnetId || !vnet || vnet.type.toLowerCase() !== VNET_TYPE.toLowerCase()) {
    throw badRequest('BadRequest', `Virtual network resource not found for '${vnetId ?? ''}'.`);
  }
  const clash = services.store
    .children(zone.id, 'virtualNetworkLinks')
    .find(
      (l) =>
        l.id.toLowerCase() !== id.toLowerCase() &&
        sameId(stringAt(objectAt(objectAt(l.body.properties).virtualNetwork).id), vnetId),
    );
  if (clash) {
    throw new ArmError(
      409,
      'Conflict',
      `A virtual network cannot be linked to the same zone more than once. The virtual network '${vnetId}' is already linked by '${clash.body.name as string}'.`,
    );
  }
  const writable = without(sent, 'provisioningState', 'virtualNetworkLinkState');
  services.store.put(id, LINK_TYPE, {
    id: existing?.id ?? id,
    name: stringAt(existing?.body.name) ?? request.params.linkName,
    type: LINK_TYPE,
    location: 'global',
    etag: services.newId(),
    tags: objectAt(body.tags),
    properties: {
      ...writable,
      registrationEnabled: sent.registrationEnabled === true,
      virtualNetworkLinkState: 'InProgress',
      provisioningState: existing ? 'Updating' : 'Creating',
    },
  });
  return startDnsOperation(request, services, id, () =>
    updateProperties(services, id, { virtualNetworkLinkState: 'Completed' }),
  );
}

export function getARecord(request: ArmRequest, services: Services): ArmResponse {
  return getChild(
    request,
    services,
    requireResource(request, services, ZONES, 'parent'),
    A_RECORDS,
  );
}

export function listARecords(request: ArmRequest, services: Services): ArmResponse {
  return listChildren(services, requireResource(request, services, ZONES), A_RECORDS);
}
