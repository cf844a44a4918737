// Private endpoints (AZURE-FACTS §3): get, list by resource group and subscription, PUT and
// DELETE as long-running operations. Creating one allocates a NIC with the lowest free address
// of the subnet (or the static address asked for) and, when it targets a vault, creates the
// vault-side connection: Approved for an automatic connection, Pending for a manual one. The
// endpoint's view of its connection follows the vault's (approve/reject/remove on the vault).
import { APPROVAL_ACTION } from '../authorization.js';
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { badRequest, type ArmError } from '../errors.js';
import { idKey, lastName, sameId } from '../ids.js';
import { allocateAddress, inPrefix } from '../ip.js';
import type { ArmBody, StoredResource } from '../store.js';
import {
  arrayAt,
  findResource,
  groupResourceId,
  listInGroup,
  listInSubscription,
  objectAt,
  objectBody,
  requireGroupForWrite,
  requireLocation,
  requireResource,
  stringAt,
  updateProperties,
  weakEtag,
  withProperties,
  type GroupResourceKind,
} from './common.js';
import { removeZoneGroupRecords } from './dns-records.js';
import { applyZoneGroupPolicy } from './zone-group-policy.js';
import {
  accepted,
  networkPutAnswer,
  regionalPolling,
  startOperation,
  startProvisioning,
} from './long-running.js';
import { linkTargetOf } from './link-targets.js';
import { connectionForEndpoint, createConnection } from './private-endpoint-connections.js';
import { assertVnetIdle, vnetLockKey } from './virtual-networks.js';

export const ENDPOINT_TYPE = 'Microsoft.Network/privateEndpoints';
export const NIC_TYPE = 'Microsoft.Network/networkInterfaces';
export const ENDPOINTS: GroupResourceKind = {
  type: ENDPOINT_TYPE,
  nameParam: 'privateEndpointName',
};
const NICS: GroupResourceKind = { type: NIC_TYPE, nameParam: 'networkInterfaceName' };
const CONNECTION_KINDS = [
  'privateLinkServiceConnections',
  'manualPrivateLinkServiceConnections',
] as const;

export function endpointIdOf(p: Readonly<Record<string, string>>): string {
  return groupResourceId(p, ENDPOINTS);
}

/** A vault or a managed HSM pool: a target whose side of the connection the emulator keeps. */
function isVaultId(id: string): boolean {
  return linkTargetOf(id) !== undefined;
}

/** The endpoint's private address: the first address of its NIC. */
export function endpointAddress(services: Services, endpoint: StoredResource): string | undefined {
  const nicId = stringAt(
    objectAt(arrayAt(objectAt(endpoint.body.properties).networkInterfaces)[0]).id,
  );
  const nic = nicId ? services.store.get(nicId) : undefined;
  const config = objectAt(arrayAt(objectAt(nic?.body.properties).ipConfigurations)[0]);
  return stringAt(objectAt(config.properties).privateIPAddress);
}

/** The subnet the endpoint sits in (its own id when it names none), which it locks on writes. */
export function endpointSubnetId(endpoint: StoredResource): string {
  return stringAt(objectAt(objectAt(endpoint.body.properties).subnet).id) ?? endpoint.id;
}

/** Vault ids this endpoint connects to (automatic or manual). */
export function targetVaults(endpoint: ArmBody): string[] {
  const properties = objectAt(endpoint.properties);
  return CONNECTION_KINDS.flatMap((kind) => arrayAt(properties[kind]))
    .map((c) => stringAt(objectAt(objectAt(c).properties).privateLinkServiceId))
    .filter((id): id is string => id !== undefined && isVaultId(id));
}

/** The endpoint as GET shows it: each vault connection reports the vault's current state. */
export function endpointView(services: Services, record: StoredResource): ArmBody {
  const properties = objectAt(record.body.properties);
  const overlay = (connection: unknown): unknown => {
    const body = objectAt(connection);
    const target = stringAt(objectAt(body.properties).privateLinkServiceId);
    if (!target || !isVaultId(target) || !services.store.get(target)) return connection;
    const vaultSide = connectionForEndpoint(services, target, record.id);
    const state = vaultSide
      ? objectAt(objectAt(vaultSide.body.properties).privateLinkServiceConnectionState)
      : {
          status: 'Disconnected',
          description: 'The connection was removed by the owner of the resource.',
          actionsRequired: 'None',
        };
    return {
      ...body,
      properties: { ...objectAt(body.properties), privateLinkServiceConnectionState: state },
    };
  };
  const view: ArmBody = { ...properties };
  for (const kind of CONNECTION_KINDS) view[kind] = arrayAt(properties[kind]).map(overlay);
  // With a DNS zone group, Azure leaves customDnsConfigs empty: the address is then only on
  // the NIC and in the zone group's record sets (AZURE-FACTS §8, "Private endpoint IP").
  if (services.store.children(record.id, 'privateDnsZoneGroups').length > 0)
    view.customDnsConfigs = [];
  return { ...record.body, properties: view };
}

export function getEndpoint(request: ArmRequest, services: Services): ArmResponse {
  return {
    status: 200,
    body: endpointView(services, requireResource(request, services, ENDPOINTS)),
  };
}

export function listEndpointsByGroup(request: ArmRequest, services: Services): ArmResponse {
  return listInGroup(request, services, ENDPOINT_TYPE, endpointView);
}

export function listEndpointsBySubscription(request: ArmRequest, services: Services): ArmResponse {
  return listInSubscription(request, services, ENDPOINT_TYPE, endpointView);
}

export function getNic(request: ArmRequest, services: Services): ArmResponse {
  return { status: 200, body: requireResource(request, services, NICS).body };
}

function usedAddresses(services: Services, subnetId: string): Set<string> {
  const used = new Set<string>();
  for (const nic of services.store.list(NIC_TYPE)) {
    for (const config of arrayAt(objectAt(nic.body.properties).ipConfigurations)) {
      const properties = objectAt(objectAt(config).properties);
      const address = stringAt(properties.privateIPAddress);
      if (address && sameId(stringAt(objectAt(properties.subnet).id), subnetId)) used.add(address);
    }
  }
  return used;
}

function invalidReference(referenced: string, by: string): ArmError {
  return badRequest(
    'InvalidResourceReference',
    `Resource ${referenced} referenced by resource ${by} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`,
  );
}

interface Connection {
  kind: (typeof CONNECTION_KINDS)[number];
  body: ArmBody;
  target: string;
}

function readConnections(
  services: Services,
  properties: ArmBody,
  endpointId: string,
): Connection[] {
  const connections: Connection[] = [];
  for (const kind of CONNECTION_KINDS) {
    for (const entry of arrayAt(properties[kind])) {
      const body = objectAt(entry);
      const target = stringAt(objectAt(body.properties).privateLinkServiceId);
      if (!target)
        throw badRequest(
          'InvalidRequestFormat',
          `Cannot parse the request: ${kind}[].properties.privateLinkServiceId is required.`,
        );
      if (!services.store.get(target)) throw invalidReference(target, endpointId);
      const groupIds = arrayAt(objectAt(body.properties).groupIds);
      const linkTarget = linkTargetOf(target);
      if (
        linkTarget &&
        (groupIds.length !== 1 || String(groupIds[0]).toLowerCase() !== linkTarget.groupId)
      ) {
        throw badRequest(
          'PrivateEndpointBadRequest',
          `Call to ${linkTarget.type} failed. Error message: the group id must be '${linkTarget.groupId}' for ${linkTarget.label} (got ${JSON.stringify(groupIds)}).`,
        );
      }
      connections.push({ kind, body, target });
    }
  }
  if (connections.length !== 1) {
    throw badRequest(
      'PrivateEndpointBadRequest',
      'A private endpoint must have exactly one private link service connection (automatic or manual).',
    );
  }
  return connections;
}

export function putEndpoint(request: ArmRequest, services: Services): ArmResponse {
  const p = request.params;
  const body = objectBody(request);
  const location = requireLocation(body);
  requireGroupForWrite(
    services,
    p.subscriptionId as string,
    p.resourceGroupName as string,
    location,
  );
  const id = endpointIdOf(p);
  const sent = objectAt(body.properties);
  const subnetId = stringAt(objectAt(sent.subnet).id);
  if (!subnetId)
    throw badRequest(
      'InvalidRequestFormat',
      'Cannot parse the request: properties.subnet.id is required.',
    );
  const subnet = services.store.get(subnetId);
  if (!subnet) throw invalidReference(subnetId, id);
  const connections = readConnections(services, sent, id);
  const existing = services.store.get(id);
  if (existing) {
    const before = objectAt(existing.body.properties);
    const beforeTargets = CONNECTION_KINDS.flatMap((k) =>
      arrayAt(before[k]).map(
        (c) =>
          `${k}:${idKey(stringAt(objectAt(objectAt(c).properties).privateLinkServiceId) ?? '')}`,
      ),
    );
    const sameTargets = connections.every((c) =>
      beforeTargets.includes(`${c.kind}:${idKey(c.target)}`),
    );
    if (!sameId(stringAt(objectAt(before.subnet).id), subnetId) || !sameTargets) {
      throw badRequest(
        'PrivateEndpointImmutablePropertyChanged',
        'The subnet and the private link service connections of an existing private endpoint cannot be changed; delete and re-create it.',
      );
    }
  }
  assertVnetIdle(services, subnetId);

  // Address: kept on update; a static one when asked; else the lowest free one in the subnet.
  let nicId = stringAt(
    objectAt(arrayAt(objectAt(existing?.body.properties).networkInterfaces)[0]).id,
  );
  if (!nicId) {
    const prefix =
      stringAt(objectAt(subnet.body.properties).addressPrefix) ??
      stringAt(arrayAt(objectAt(subnet.body.properties).addressPrefixes)[0]) ??
      '';
    const used = usedAddresses(services, subnetId);
    const staticAddress = stringAt(
      objectAt(objectAt(arrayAt(sent.ipConfigurations)[0]).properties).privateIPAddress,
    );
    if (staticAddress !== undefined) {
      if (!inPrefix(staticAddress, prefix))
        throw badRequest(
          'PrivateIPAddressNotInSubnet',
          `Private static IP address ${staticAddress} does not belong to the range of subnet prefix ${prefix}.`,
        );
      if (used.has(staticAddress))
        throw badRequest(
          'PrivateIPAddressInUse',
          `IP configuration ${id} is using the private IP address ${staticAddress} which is already allocated to another resource.`,
        );
    }
    const address = staticAddress ?? allocateAddress(prefix, used);
    if (!address)
      throw badRequest(
        'SubnetIsFull',
        `Subnet ${lastName(subnetId)} with address prefix ${prefix} does not have enough capacity for 1 IP addresses.`,
      );
    const nicName =
      stringAt(sent.customNetworkInterfaceName) ||
      `${p.privateEndpointName}.nic.${services.newId()}`;
    nicId = `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.Network/networkInterfaces/${nicName}`;
    services.store.put(nicId, NIC_TYPE, {
      name: nicName,
      id: nicId,
      etag: weakEtag(services),
      location,
      type: NIC_TYPE,
      properties: {
        provisioningState: 'Succeeded',
        ipConfigurations: [
          {
            name: `privateEndpointIpConfig.${services.newId()}`,
            id: `${nicId}/ipConfigurations/privateEndpointIpConfig`,
            properties: {
              privateIPAddress: address,
              privateIPAllocationMethod: staticAddress ? 'Static' : 'Dynamic',
              subnet: { id: subnetId },
              primary: true,
              privateIPAddressVersion: 'IPv4',
            },
          },
        ],
        privateEndpoint: { id },
      },
    });
  }
  const nic = services.store.get(nicId);
  const address =
    stringAt(
      objectAt(objectAt(arrayAt(objectAt(nic?.body.properties).ipConfigurations)[0]).properties)
        .privateIPAddress,
    ) ?? '';

  const properties: ArmBody = { ...sent, subnet: { id: subnetId } };
  for (const kind of CONNECTION_KINDS) {
    properties[kind] = arrayAt(sent[kind]).map((entry) => {
      const body = objectAt(entry);
      const name = stringAt(body.name) ?? p.privateEndpointName;
      const manual = kind === 'manualPrivateLinkServiceConnections';
      return {
        name,
        id: `${id}/${kind}/${name}`,
        etag: weakEtag(services),
        type: `${ENDPOINT_TYPE}/${kind}`,
        properties: {
          provisioningState: 'Succeeded',
          ...objectAt(body.properties),
          privateLinkServiceConnectionState: manual
            ? { status: 'Pending', description: 'Awaiting approval', actionsRequired: 'None' }
            : { status: 'Approved', description: 'Auto-Approved', actionsRequired: 'None' },
        },
      };
    });
  }
  properties.networkInterfaces = [{ id: nicId }];
  properties.customDnsConfigs = connections
    .filter((c) => isVaultId(c.target))
    .map((c) => ({
      fqdn: `${lastName(c.target)}.${linkTargetOf(c.target)?.fqdnSuffix ?? 'vault.azure.net'}`,
      ipAddresses: [address],
    }));
  properties.applicationSecurityGroups = arrayAt(sent.applicationSecurityGroups);
  properties.ipConfigurations = arrayAt(sent.ipConfigurations);
  properties.provisioningState = 'Updating';

  services.store.put(id, ENDPOINT_TYPE, {
    name: stringAt(existing?.body.name) ?? p.privateEndpointName,
    id: existing?.id ?? id,
    etag: weakEtag(services),
    type: ENDPOINT_TYPE,
    location,
    // NRP leaves `tags` out of the body when none were given.
    ...(body.tags === undefined ? {} : { tags: objectAt(body.tags) }),
    properties,
  });

  // The vault side learns of the endpoint at once, as Key Vault lists Pending connections.
  for (const connection of connections) {
    if (!isVaultId(connection.target) || connectionForEndpoint(services, connection.target, id))
      continue;
    createConnection(
      services,
      connection.target,
      id,
      p.privateEndpointName as string,
      connection.kind === 'manualPrivateLinkServiceConnections'
        ? {
            status: 'Pending',
            description: stringAt(objectAt(connection.body.properties).requestMessage) ?? '',
          }
        : // Automatic approval needs the approval right on the vault (role model, when on).
          request.can(APPROVAL_ACTION, connection.target)
          ? { status: 'Approved', description: 'Auto-Approved' }
          : {
              status: 'Pending',
              description:
                'Awaiting approval: the caller lacks Microsoft.KeyVault/vaults/privateEndpointConnectionsApproval/action on the vault',
            },
    );
  }

  const operation = startProvisioning(request, services, id, {
    style: regionalPolling('network', request, location),
    lockKey: vnetLockKey(subnetId),
    onSucceeded: () => {
      const provisioned = services.store.get(id);
      if (provisioned)
        applyZoneGroupPolicy(
          services,
          provisioned,
          endpointAddress(services, provisioned),
          targetVaults(provisioned.body),
        );
    },
  });
  const record = services.store.get(id) as StoredResource;
  return networkPutAnswer(services, operation, !existing, endpointView(services, record));
}

/** Removes an endpoint and what hangs off it: NIC, vault-side connections, zone-group records. */
function removeEndpoint(services: Services, record: StoredResource): void {
  for (const group of services.store.children(record.id, 'privateDnsZoneGroups'))
    removeZoneGroupRecords(services, group);
  for (const vaultId of targetVaults(record.body)) {
    const connection = connectionForEndpoint(services, vaultId, record.id);
    if (connection) services.store.delete(connection.id);
  }
  for (const nic of arrayAt(objectAt(record.body.properties).networkInterfaces)) {
    const nicId = stringAt(objectAt(nic).id);
    if (nicId) services.store.delete(nicId);
  }
  services.store.delete(record.id);
}

export function deleteEndpoint(request: ArmRequest, services: Services): ArmResponse {
  const record = findResource(request, services, ENDPOINTS);
  if (!record) return { status: 204 };
  const subnetId = endpointSubnetId(record);
  assertVnetIdle(services, subnetId);
  const previousState = objectAt(record.body.properties).provisioningState;
  record.body = withProperties(record.body, { provisioningState: 'Deleting' });
  const operation = startOperation(request, services, {
    style: regionalPolling('network', request, record.body.location),
    lockKey: vnetLockKey(subnetId),
    onSucceeded: () => {
      const current = services.store.get(record.id);
      if (current) removeEndpoint(services, current);
    },
    onFailed: () =>
      updateProperties(services, record.id, {
        provisioningState: previousState === 'Succeeded' ? 'Failed' : previousState,
      }),
  });
  return accepted(services, operation);
}
