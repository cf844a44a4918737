// Azure's naming rules and resource id shapes for what a spec names, so a typo fails here
// rather than as an opaque 400 halfway through an apply.
import { isGuid, parseResourceId, resourceTypeKey } from '../../model/resource-id.js';
import type { Spec, SubnetRef, VaultSpec } from '../schema.js';
import { isSetRef } from '../sets.js';
import type { Path } from '../yaml-loader.js';
import type { FindingSink } from './context.js';

const VAULT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;
const RESOURCE_GROUP_NAME = /^[-\w.()]{1,90}$/u;
const PRIVATE_ENDPOINT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9_]$/;
const CHILD_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_]?$/;

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
  if (name === undefined || (RESOURCE_GROUP_NAME.test(name) && !name.endsWith('.'))) return;
  sink.error(
    'name/resource-group',
    path,
    `"${name}" is not a valid resource group name: use up to 90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period`,
  );
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
  if (PRIVATE_ENDPOINT_NAME.test(name)) return;
  sink.error(
    'name/private-endpoint',
    path,
    `"${name}" is not a valid private endpoint name: use 2–64 letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore`,
  );
}

export function checkChildName(
  kind: string,
  name: string | undefined,
  path: Path,
  sink: FindingSink,
): void {
  if (name === undefined || CHILD_NAME.test(name)) return;
  sink.error(
    'name/invalid',
    path,
    `"${name}" is not a valid ${kind} name: use 1–80 letters, digits, underscores, periods and hyphens, starting with a letter or digit`,
  );
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
  return true;
}

export function checkSubnetRef(ref: SubnetRef, path: Path, sink: FindingSink): void {
  if (typeof ref === 'string') {
    checkResourceId(ref, SUBNET_TYPE, 'subnet', path, sink);
  } else if ('id' in ref) {
    checkResourceId(ref.id, SUBNET_TYPE, 'subnet', [...path, 'id'], sink);
  } else {
    checkChildName('virtual network', ref.vnet, [...path, 'vnet'], sink);
    checkChildName('subnet', ref.name, [...path, 'name'], sink);
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
      'private link connection',
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
    checkChildName('DNS zone group', dns.zoneGroup, [...path, 'dns', 'zoneGroup'], sink);
    dns.links.forEach((link, linkIndex) => {
      const linkPath = [...path, 'dns', 'links', linkIndex];
      if (link.vnet.startsWith('/'))
        checkResourceId(link.vnet, VNET_TYPE, 'virtual network', [...linkPath, 'vnet'], sink);
      else checkChildName('virtual network', link.vnet, [...linkPath, 'vnet'], sink);
      checkChildName('virtual network link', link.name, [...linkPath, 'name'], sink);
      checkResourceGroupName(link.resourceGroup, [...linkPath, 'resourceGroup'], sink);
      checkSubscription(link.subscription, [...linkPath, 'subscription'], sink);
    });
  });
}
