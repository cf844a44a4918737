// Configurations that are valid but probably not what the author meant.
import { VAULT_KIND, type TargetKind } from '../../model/target-kinds.js';
import { parseResourceId, resourceTypeKey } from '../../model/resource-id.js';
import type { Spec, VaultSpec } from '../schema.js';
import type { Path } from '../yaml-loader.js';
import type { FindingSink } from './context.js';
import { DNS_ZONE_TYPE } from './names.js';

export function checkSemantics(
  spec: Spec,
  vault: VaultSpec,
  vaultPath: Path,
  sink: FindingSink,
  kind: TargetKind = VAULT_KIND,
): void {
  const { firewall } = vault;
  const hasRules = firewall.ipRules.length > 0 || firewall.virtualNetworkRules.length > 0;
  const rulesPath = [
    ...vaultPath,
    'firewall',
    firewall.ipRules.length > 0 ? 'ipRules' : 'virtualNetworkRules',
  ];
  if (vault.publicNetworkAccess === 'Disabled' && hasRules) {
    sink.warning(
      'semantics/rules-ignored',
      rulesPath,
      `${kind.label} "${vault.name}" disables public network access, so Azure ignores its IP and VNet rules: remove the rules, or set publicNetworkAccess to Enabled`,
    );
  } else if (firewall.defaultAction === 'Allow' && hasRules) {
    sink.warning(
      'semantics/allow-with-rules',
      [...vaultPath, 'firewall', 'defaultAction'],
      `${kind.label} "${vault.name}" allows every network (defaultAction: Allow), so its IP and VNet rules have no effect: set defaultAction to Deny to enforce them`,
    );
  }
  if (firewall.bypass === 'None') {
    sink.warning(
      'semantics/bypass-none',
      [...vaultPath, 'firewall', 'bypass'],
      `${kind.label} "${vault.name}" sets bypass: None, so trusted Azure services (Backup, Disk Encryption, App Service certificates and others) lose access: keep AzureServices unless you are sure none of them use this vault`,
    );
  }
  checkPrivateDns(spec, vault, vaultPath, sink, kind);
}

function checkPrivateDns(
  spec: Spec,
  vault: VaultSpec,
  vaultPath: Path,
  sink: FindingSink,
  kind: TargetKind,
): void {
  const expectedZone = kind.privateLinkZones[spec.defaults.cloud];
  vault.privateEndpoints.forEach((endpoint, index) => {
    const dns = endpoint.dns;
    if (!dns) return;
    const dnsPath = [...vaultPath, 'privateEndpoints', index, 'dns'];
    if (dns.zone !== undefined && dns.zoneId !== undefined) {
      sink.error(
        'dns/zone-and-zone-id',
        [...dnsPath, 'zoneId'],
        'both "zone" and "zoneId" are given, and they exclude each other: keep "zone" (a zone kvnet creates if absent) or "zoneId" (an existing zone), not both',
      );
    }
    if (dns.zone === undefined && dns.zoneId === undefined) {
      if (dns.zoneGroup !== undefined) {
        sink.error(
          'dns/zone-group-without-zone',
          [...dnsPath, 'zoneGroup'],
          `zone group "${dns.zoneGroup}" has no zone to write records into: add "zone: ${expectedZone}" or "zoneId: <zone resource id>"`,
        );
      }
      if (dns.links.length > 0) {
        sink.error(
          'dns/links-without-zone',
          [...dnsPath, 'links'],
          `these VNet links have no zone to belong to: add "zone: ${expectedZone}" or "zoneId: <zone resource id>"`,
        );
      }
    }
    const zoneName = dns.zone ?? zoneNameOf(dns.zoneId);
    if (zoneName !== undefined && zoneName.toLowerCase() !== expectedZone) {
      sink.warning(
        'dns/zone-name',
        [...dnsPath, dns.zone !== undefined ? 'zone' : 'zoneId'],
        `the zone "${zoneName}" is not ${expectedZone}, the zone ${kind === VAULT_KIND ? 'Key Vault' : kind.label} private endpoints use in ${spec.defaults.cloud}; Azure only writes records automatically into that zone: use it`,
      );
    }
  });
}

/** The zone name in a private DNS zone id; undefined for any other id (reported elsewhere). */
function zoneNameOf(zoneId: string | undefined): string | undefined {
  if (zoneId === undefined) return undefined;
  const parsed = parseResourceId(zoneId);
  if (!parsed.ok || resourceTypeKey(parsed.id) !== DNS_ZONE_TYPE) return undefined;
  return parsed.id.segments[0]?.[1];
}
