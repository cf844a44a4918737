// What Key Vault does to `networkAcls` on write (AZURE-FACTS §1a, §1b): bare IPs become /32,
// subnet ids are lower-cased, ignoreMissingVnetServiceEndpoint is consumed and not echoed,
// duplicates are kept, private ranges, IPv6 and the 1000/200 limits are refused, and a VNet
// rule needs the subnet's Microsoft.KeyVault endpoint unless the ignore flag is set.
import { badRequest, type ArmError } from '../errors.js';
import { forbiddenRangeOf, parseIpRule } from '../ip.js';
import type { ArmBody } from '../store.js';

export const MAX_IP_RULES = 1000;
export const MAX_VIRTUAL_NETWORK_RULES = 200;

/** Tells whether a subnet (by id) carries the Microsoft.KeyVault service endpoint. */
export type SubnetEndpointLookup = (subnetId: string) => boolean;

function canonicalEnum(value: unknown, allowed: readonly string[], field: string): string {
  const match =
    typeof value === 'string'
      ? allowed.find((a) => a.toLowerCase() === value.toLowerCase())
      : undefined;
  if (!match) {
    throw badRequest(
      'BadRequest',
      `Invalid value found at properties.networkAcls.${field}: '${String(value)}'. Allowed values are ${allowed.join(', ')}.`,
    );
  }
  return match;
}

function objectOf(value: unknown, where: string): ArmBody {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest('BadRequest', `Invalid value found at ${where}: an object is expected.`);
  return value as ArmBody;
}

function listOf(value: unknown, where: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw badRequest('BadRequest', `Invalid value found at ${where}: an array is expected.`);
  return value;
}

export function normaliseIpRules(value: unknown): ArmBody[] {
  const rules = listOf(value, 'properties.networkAcls.ipRules');
  if (rules.length > MAX_IP_RULES) {
    throw badRequest(
      'BadRequest',
      `The number of IP rules (${rules.length}) exceeds the limit of ${MAX_IP_RULES} for a key vault.`,
    );
  }
  return rules.map((rule, index) => {
    const where = `properties.networkAcls.ipRules[${index}].value`;
    const text = objectOf(rule, `properties.networkAcls.ipRules[${index}]`).value;
    const parsed = typeof text === 'string' ? parseIpRule(text) : ({ kind: 'invalid' } as const);
    if (parsed.kind === 'ipv6')
      throw badRequest(
        'BadRequest',
        `Invalid value found at ${where}: ${String(text)}. Only IPv4 addresses are supported.`,
      );
    if (parsed.kind === 'invalid')
      throw badRequest(
        'BadRequest',
        `Invalid value found at ${where}: ${String(text)} is not a valid IPv4 address or CIDR range.`,
      );
    const forbidden = forbiddenRangeOf(parsed.address, parsed.prefix);
    if (forbidden) {
      throw badRequest(
        'BadRequest',
        `Invalid value found at ${where}: ${String(text)} belongs to forbidden range ${forbidden} (private IP addresses)`,
      );
    }
    // The service writes a bare address as a /32 and leaves a CIDR as sent.
    return { value: parsed.bare ? `${parsed.address}/32` : (text as string) };
  });
}

export function normaliseVirtualNetworkRules(
  value: unknown,
  hasEndpoint: SubnetEndpointLookup,
): ArmBody[] {
  const rules = listOf(value, 'properties.networkAcls.virtualNetworkRules');
  if (rules.length > MAX_VIRTUAL_NETWORK_RULES) {
    throw badRequest(
      'BadRequest',
      `The number of virtual network rules (${rules.length}) exceeds the limit of ${MAX_VIRTUAL_NETWORK_RULES} for a key vault.`,
    );
  }
  const missing: string[] = [];
  const normalised = rules.map((rule, index) => {
    const body = objectOf(rule, `properties.networkAcls.virtualNetworkRules[${index}]`);
    if (typeof body.id !== 'string' || body.id === '')
      throw badRequest(
        'BadRequest',
        `Invalid value found at properties.networkAcls.virtualNetworkRules[${index}].id: a subnet resource id is expected.`,
      );
    if (body.ignoreMissingVnetServiceEndpoint !== true && !hasEndpoint(body.id))
      missing.push(body.id);
    // Lower-cased by the service; the ignore flag is not stored.
    return { id: body.id.toLowerCase() };
  });
  if (missing.length > 0) throw subnetsHaveNoServiceEndpoints(missing);
  return normalised;
}

function subnetsHaveNoServiceEndpoints(subnetIds: readonly string[]): ArmError {
  const names = subnetIds.map((id) => id.split('/').at(-1) ?? id);
  const vnet = subnetIds[0]?.split('/').at(-3) ?? '';
  return badRequest(
    'SubnetsHaveNoServiceEndpointsConfigured',
    `Subnets ${names.join(', ')} of virtual network ${vnet} do not have ServiceEndpoints for Microsoft.KeyVault resources configured. Add Microsoft.KeyVault to subnet's ServiceEndpoints collection before trying to ACL Microsoft.KeyVault resources to these subnets.`,
  );
}

/** The whole `networkAcls` object as the vault stores it; absent fields take the defaults. */
export function normaliseNetworkAcls(value: unknown, hasEndpoint: SubnetEndpointLookup): ArmBody {
  const acls = objectOf(value, 'properties.networkAcls');
  return {
    bypass:
      acls.bypass === undefined
        ? 'AzureServices'
        : canonicalEnum(acls.bypass, ['AzureServices', 'None'], 'bypass'),
    defaultAction:
      acls.defaultAction === undefined
        ? 'Allow'
        : canonicalEnum(acls.defaultAction, ['Allow', 'Deny'], 'defaultAction'),
    ipRules: normaliseIpRules(acls.ipRules),
    virtualNetworkRules: normaliseVirtualNetworkRules(acls.virtualNetworkRules, hasEndpoint),
  };
}

/** `enabled` → `Enabled`; other values (a perimeter mode, say) are kept as sent. */
export function canonicalPublicNetworkAccess(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  return lower === 'enabled' ? 'Enabled' : lower === 'disabled' ? 'Disabled' : value;
}
