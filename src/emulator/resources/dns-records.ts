// A record sets in Private DNS zones, as zone groups write and remove them (AZURE-FACTS §3:
// A `<vault>` TTL 10 → the endpoint's address). ARM lower-cases the record set name in ids.
import type { Services } from '../context.js';
import { arrayAt, objectAt, stringAt } from './common.js';
import type { ArmBody, StoredResource } from '../store.js';

export const A_RECORD_TYPE = 'Microsoft.Network/privateDnsZones/A';
export const ZONE_GROUP_RECORD_TTL = 10;

export function aRecordId(zoneId: string, name: string): string {
  return `${zoneId}/A/${name.toLowerCase()}`;
}

/** The record sets a zone group reports for one zone: an A record per vault → the address. */
export function zoneGroupRecordSets(
  zoneName: string,
  vaultNames: readonly string[],
  address: string | undefined,
): ArmBody[] {
  if (!address) return [];
  return vaultNames.map((vault) => ({
    recordType: 'A',
    recordSetName: vault,
    fqdn: `${vault}.${zoneName}`,
    ipAddresses: [address],
  }));
}

export function writeARecord(
  services: Services,
  zone: StoredResource,
  name: string,
  addresses: readonly string[],
): void {
  const id = aRecordId(zone.id, name);
  const zoneName = stringAt(zone.body.name) ?? '';
  services.store.put(id, A_RECORD_TYPE, {
    id,
    name: name.toLowerCase(),
    type: A_RECORD_TYPE,
    etag: services.newId(),
    properties: {
      ttl: ZONE_GROUP_RECORD_TTL,
      fqdn: `${name.toLowerCase()}.${zoneName}.`,
      isAutoRegistered: false,
      aRecords: addresses.map((ipv4Address) => ({ ipv4Address })),
    },
  });
}

/** Removes the records a zone group wrote (those still pointing at its addresses). */
export function removeZoneGroupRecords(services: Services, group: StoredResource): void {
  for (const config of arrayAt(objectAt(group.body.properties).privateDnsZoneConfigs)) {
    const properties = objectAt(objectAt(config).properties);
    const zoneId = stringAt(properties.privateDnsZoneId);
    if (!zoneId) continue;
    for (const recordSet of arrayAt(properties.recordSets)) {
      const name = stringAt(objectAt(recordSet).recordSetName);
      if (!name) continue;
      const record = services.store.get(aRecordId(zoneId, name));
      const ours = arrayAt(objectAt(recordSet).ipAddresses).map(String);
      const theirs = arrayAt(objectAt(record?.body.properties).aRecords).map((a) =>
        stringAt(objectAt(a).ipv4Address),
      );
      if (record && theirs.every((address) => address !== undefined && ours.includes(address)))
        services.store.delete(record.id);
    }
  }
}
