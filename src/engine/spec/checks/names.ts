// Azure's naming rules and resource id shapes for what a spec names, so a typo fails here
// rather than as an opaque 400 halfway through an apply.
import { isGuid, parseResourceId, resourceTypeKey } from '../../model/resource-id.js';
import type { Spec, SubnetRef, VaultSpec } from '../schema.js';
import { isSetRef } from '../sets.js';
import type { Path } from '../yaml-loader.js';
import { invalidNameMessage, NAME_RULES, RULE_BY_TYPE, type NameRule } from './azure-names.js';
import type { FindingSink } from './context.js';

const VAULT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;

export const SUBNET_TYPE = 'microsoft.network/virtualnetworks/subnets';
export const VNET_TYPE = 'microsoft.network/virtualnetworks';
export const DNS_ZONE_TYPE = 'microsoft.network/privatednszones';

export function checkVaultName(name: string, path: Path, sink: FindingSink): void {
  if (VAULT_NAME.test(name) && !name.includes('--')) return;
  const problems: string[] = [];
  if (name.length < 3 || name.length > 24)
    problems.push(`it is ${name.length} characters long (3–24 allowed)`);
  if (/[^a-zA-Z0-9-]/.test(name))
    problems.push('it contains characters other than letters, digits and hyphens');
  if (!/^[a-zA-Z]/.test(name)) problems.push('it must start with a letter');
  if (/-$/.test(name)) problems.push('it must end with a letter or digit');
  if (name.includes('--')) problems.push('it contains two hyphens in a row');
  sink.error('name/vault', path, `"${name}" is not a valid key vault name: ${problems.join('; ')}`);
}

export function checkResourceGroupName(
  name: string | undefined,
  path: Path,
  sink: FindingSink,
): void {
  if (name === undefined) return;
  const message = invalidNameMessage(NAME_RULES.resourceGroup, name);
  if (message) sink.error('name/resource-group', path, message);
}

export function checkSubscription(value: string | undefined, path: Path, sink: FindingSink): void {
  if (value === undefined || isGuid(value)) return;
  sink.error(
    'id/subscription',
    path,
    `"${value}" is not a subscription id: write the subscription's GUID (az account show --query id), not its display name`,
  );
}

export function checkPrivateEndpointName(name: string, path: Path, sink: FindingSink): void {
  const message = invalidNameMessage(NAME_RULES.privateEndpoint, name);
  if (message) sink.error('name/private-endpoint', path, message);
}

export function checkChildName(
  rule: NameRule,
  name: string | undefined,
  path: Path,
  sink: FindingSink,
): void {
  if (name === undefined) return;
  const message = invalidNameMessage(rule, name);
  if (message) sink.error('name/invalid', path, message);
}

/** Checks a resource id: well formed and of the expected type. */
export function checkResourceId(
  text: string,
  expectedType: string,
  what: string,
  path: Path,
  sink: FindingSink,
): boolean {
  const parsed = parseResourceId(text);
  if (!parsed.ok) {
    sink.error(
      'id/malformed',
      path,
      `"${text}" is not a valid ${what} resource id: ${parsed.reason}`,
    );
    return false;
  }
  const actualType = resourceTypeKey(parsed.id);
  if (actualType !== expectedType) {
    sink.error(
      'id/wrong-type',
      path,
      `"${text}" is the id of a ${actualType} resource, but a ${what} (${expectedType}) is expected here: give the id of the ${what}`,
    );
    return false;
  }
  // Every name the id holds, against the rules of its type: "…/subnets/.." or a name with
  // "?", "#" or "%2F" would address another resource, or none, in the request URL.
  const named: [NameRule | undefined, string][] = [
    [NAME_RULES.resourceGroup, parsed.id.resourceGroup],
    ...parsed.id.segments.map(
      ([type, name]) => [RULE_BY_TYPE[type.toLowerCase()], name] as [NameRule | undefined, string],
    ),
  ];
  for (const [rule, name] of named) {
    const message = invalidNameMessage(rule, name);
    if (message) {
      sink.error(
        'id/name',
        path,
        `the ${what} resource id "${text}" holds an invalid name: ${message}`,
      );
      return false;
    }
  }
  return true;
}

export function checkSubnetRef(ref: SubnetRef, path: Path, sink: FindingSink): void {
  if (typeof ref === 'string') {
    checkResourceId(ref, SUBNET_TYPE, 'subnet', path, sink);
  } else if ('id' in ref) {
    checkResourceId(ref.id, SUBNET_TYPE, 'subnet', [...path, 'id'], sink);
  } else {
    checkChildName(NAME_RULES.virtualNetwork, ref.vnet, [...path, 'vnet'], sink);
    checkChildName(NAME_RULES.subnet, ref.name, [...path, 'name'], sink);
    checkResourceGroupName(ref.resourceGroup, [...path, 'resourceGroup'], sink);
    checkSubscription(ref.subscription, [...path, 'subscription'], sink);
  }
}

/** The defaults every vault of the file inherits. */
export function checkDefaults(spec: Spec, sink: FindingSink): void {
  checkSubscription(spec.defaults.subscription, ['defaults', 'subscription'], sink);
  checkResourceGroupName(spec.defaults.resourceGroup, ['defaults', 'resourceGroup'], sink);
}

/** Names, ids and the places (subscription, resource group) every vault resolves to. */
export function checkVaultNames(
  spec: Spec,
  vault: VaultSpec,
  vaultPath: Path,
  sink: FindingSink,
): void {
  checkVaultName(vault.name, [...vaultPath, 'name'], sink);
  checkSubscription(vault.subscription, [...vaultPath, 'subscription'], sink);
  checkResourceGroupName(vault.resourceGroup, [...vaultPath, 'resourceGroup'], sink);
  if ((vault.subscription ?? spec.defaults.subscription) === undefined) {
    sink.error(
      'vault/no-subscription',
      vaultPath,
      `vault "${vault.name}" has no subscription: set "subscription" on the vault or in "defaults"`,
    );
  }
  if ((vault.resourceGroup ?? spec.defaults.resourceGroup) === undefined) {
    sink.error(
      'vault/no-resource-group',
      vaultPath,
      `vault "${vault.name}" has no resource group: set "resourceGroup" on the vault or in "defaults"`,
    );
  }
  vault.firewall.virtualNetworkRules.forEach((rule, index) => {
    if (isSetRef(rule)) return;
    checkSubnetRef(
      rule.subnet,
      [...vaultPath, 'firewall', 'virtualNetworkRules', index, 'subnet'],
      sink,
    );
  });
  vault.privateEndpoints.forEach((endpoint, index) => {
    const path = [...vaultPath, 'privateEndpoints', index];
    checkPrivateEndpointName(endpoint.name, [...path, 'name'], sink);
    checkChildName(
      NAME_RULES.connection,
      endpoint.connectionName,
      [...path, 'connectionName'],
      sink,
    );
    checkResourceGroupName(endpoint.resourceGroup, [...path, 'resourceGroup'], sink);
    checkSubnetRef(endpoint.subnet, [...path, 'subnet'], sink);
    const dns = endpoint.dns;
    if (!dns) return;
    if (dns.zoneId !== undefined)
      checkResourceId(
        dns.zoneId,
        DNS_ZONE_TYPE,
        'private DNS zone',
        [...path, 'dns', 'zoneId'],
        sink,
      );
    checkChildName(NAME_RULES.privateDnsZone, dns.zone, [...path, 'dns', 'zone'], sink);
    checkChildName(NAME_RULES.zoneGroup, dns.zoneGroup, [...path, 'dns', 'zoneGroup'], sink);
    dns.links.forEach((link, linkIndex) => {
      const linkPath = [...path, 'dns', 'links', linkIndex];
      if (link.vnet.startsWith('/'))
        checkResourceId(link.vnet, VNET_TYPE, 'virtual network', [...linkPath, 'vnet'], sink);
      else checkChildName(NAME_RULES.virtualNetwork, link.vnet, [...linkPath, 'vnet'], sink);
      checkChildName(NAME_RULES.virtualNetworkLink, link.name, [...linkPath, 'name'], sink);
      checkResourceGroupName(link.resourceGroup, [...linkPath, 'resourceGroup'], sink);
      checkSubscription(link.subscription, [...linkPath, 'subscription'], sink);
    });
  });
}
