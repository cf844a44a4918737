// A simulated DeployIfNotExists Azure Policy that gives new Key Vault private endpoints a DNS
// zone group, as the built-in "Configure Azure Key Vaults to use private DNS zones"
// (ac673a9a-f77d-4846-b2d8-a57f8e1c01d4) does: its rule matches a private endpoint with an
// automatic connection (privateLinkServiceConnections) of group `vault`; it deploys the zone
// group `<endpoint>/deployedByPolicy` with one config `keyvault-privateDnsZone` pointing at the
// assigned zone; it has no existence condition, so any zone group on the endpoint satisfies it.
// Azure evaluates it after the endpoint is provisioned; here it runs at that moment, so the
// policy always wins the race against a client that creates its own zone group next.
import type { Services } from '../context.js';
import { lastName } from '../ids.js';
import type { StoredResource } from '../store.js';
import { arrayAt, objectAt, stringAt, weakEtag } from './common.js';
import { writeARecord, zoneGroupRecordSets } from './dns-records.js';

const ZONE_GROUP_TYPE = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';

function connectsToVaultGroup(endpoint: StoredResource): boolean {
  return arrayAt(objectAt(endpoint.body.properties).privateLinkServiceConnections).some((c) =>
    arrayAt(objectAt(objectAt(c).properties).groupIds).some(
      (groupId) => typeof groupId === 'string' && groupId.toLowerCase() === 'vault',
    ),
  );
}

/**
 * Runs the policy for an endpoint that has just been provisioned. `address` is its NIC's
 * private IP, `vaultIds` the vaults it connects to. Does nothing without a policy, for an
 * endpoint the rule does not match, one that already has a zone group, or when the zone does
 * not exist (the policy's deployment would fail and leave nothing behind).
 */
export function applyZoneGroupPolicy(
  services: Services,
  endpoint: StoredResource,
  address: string | undefined,
  vaultIds: readonly string[],
): void {
  const policy = services.zoneGroupPolicy();
  if (!policy || !connectsToVaultGroup(endpoint)) return;
  if (services.store.children(endpoint.id, 'privateDnsZoneGroups').length > 0) return;
  const zone = services.store.get(policy.privateDnsZoneId);
  if (!zone) return;
  const zoneName = stringAt(zone.body.name) ?? lastName(zone.id);
  const vaults = vaultIds.map(lastName);
  const id = `${endpoint.id}/privateDnsZoneGroups/${policy.groupName}`;
  services.store.put(id, ZONE_GROUP_TYPE, {
    name: policy.groupName,
    id,
    etag: weakEtag(services),
    properties: {
      provisioningState: 'Succeeded',
      privateDnsZoneConfigs: [
        {
          name: policy.configName,
          properties: {
            privateDnsZoneId: zone.id,
            recordSets: zoneGroupRecordSets(zoneName, vaults, address),
          },
        },
      ],
    },
  });
  if (address) for (const vault of vaults) writeARecord(services, zone, vault, [address]);
}
