// Azure resource ids: parsed, compared case-insensitively (Azure lower-cases some of them
// on write) and printed in one canonical casing.
import { Interner, internId } from './interned.js';

export interface ResourceId {
  readonly subscription: string;
  readonly resourceGroup: string;
  readonly provider: string;
  /** Type/name pairs below the provider, e.g. [['virtualNetworks','vnet1'],['subnets','a']]. */
  readonly segments: readonly (readonly [type: string, name: string])[];
}

export type ParsedId = { ok: true; id: ResourceId } | { ok: false; reason: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(text: string): boolean {
  return GUID.test(text);
}

/** Canonical spelling of the well-known path words, so printed ids read the same everywhere. */
const CANONICAL_WORDS = new Map(
  [
    'Microsoft.Network',
    'Microsoft.KeyVault',
    'virtualNetworks',
    'subnets',
    'vaults',
    'managedHSMs',
    'privateEndpoints',
    'privateDnsZones',
    'privateDnsZoneGroups',
    'virtualNetworkLinks',
    'privateEndpointConnections',
  ].map((word) => [word.toLowerCase(), word]),
);

function canonicalWord(word: string): string {
  return CANONICAL_WORDS.get(word.toLowerCase()) ?? word;
}

export function parseResourceId(text: string): ParsedId {
  if (!text.startsWith('/'))
    return { ok: false, reason: 'a resource id starts with "/subscriptions/"' };
  const parts = text.replace(/\/+$/, '').split('/').slice(1);
  if (parts.some((part) => part.length === 0))
    return { ok: false, reason: 'it has an empty path segment ("//")' };
  const [subsWord, subscription, rgWord, resourceGroup, providersWord, provider, ...rest] = parts;
  if (subsWord?.toLowerCase() !== 'subscriptions' || subscription === undefined) {
    return { ok: false, reason: 'a resource id starts with "/subscriptions/<subscription id>"' };
  }
  if (!isGuid(subscription))
    return { ok: false, reason: `"${subscription}" is not a subscription id (a GUID)` };
  if (rgWord?.toLowerCase() !== 'resourcegroups' || resourceGroup === undefined) {
    return { ok: false, reason: 'after the subscription comes "/resourceGroups/<name>"' };
  }
  if (providersWord?.toLowerCase() !== 'providers' || provider === undefined) {
    return { ok: false, reason: 'after the resource group comes "/providers/<namespace>"' };
  }
  if (rest.length === 0 || rest.length % 2 !== 0) {
    return { ok: false, reason: 'the part after the provider must be type/name pairs' };
  }
  const segments: (readonly [string, string])[] = [];
  for (let index = 0; index < rest.length; index += 2) {
    segments.push([rest[index] as string, rest[index + 1] as string]);
  }
  return { ok: true, id: { subscription, resourceGroup, provider, segments } };
}

/** Canonical text: well-known words in Azure's documented casing, names as given. */
export function formatResourceId(id: ResourceId): string {
  const tail = id.segments.map(([type, name]) => `${canonicalWord(type)}/${name}`).join('/');
  return internId(
    `/subscriptions/${id.subscription.toLowerCase()}/resourceGroups/${id.resourceGroup}/providers/${canonicalWord(id.provider)}/${tail}`,
  );
}

/**
 * A resource id in the one form ids are compared in (Azure treats ids case-insensitively and
 * lower-cases some on write). Typed, so a raw id string cannot be used where a key is meant.
 */
export type IdKey = string & { readonly __idKey: true };

/** The key under which two spellings of the same id compare equal. */
/** Each id text's key, lower-cased once and shared: keys are made for every lookup. */
const keys = new Interner<IdKey>();

export function resourceIdKey(text: string): IdKey {
  return keys.intern(text, keyOf);
}

function keyOf(text: string): IdKey {
  // Most ids have no trailing slash; skip the regex for them.
  const lowered = (text.endsWith('/') ? text.replace(/\/+$/, '') : text).toLowerCase();
  return internId(lowered) as IdKey;
}

export function sameResourceId(a: string, b: string): boolean {
  return resourceIdKey(a) === resourceIdKey(b);
}

/** The resource type path, e.g. `Microsoft.Network/virtualNetworks/subnets` (lower-cased). */
export function resourceTypeKey(id: ResourceId): string {
  return [id.provider, ...id.segments.map(([type]) => type)].join('/').toLowerCase();
}

export function subnetId(
  subscription: string,
  resourceGroup: string,
  vnet: string,
  subnet: string,
): string {
  return formatResourceId({
    subscription,
    resourceGroup,
    provider: 'Microsoft.Network',
    segments: [
      ['virtualNetworks', vnet],
      ['subnets', subnet],
    ],
  });
}

export function virtualNetworkId(
  subscription: string,
  resourceGroup: string,
  vnet: string,
): string {
  return formatResourceId({
    subscription,
    resourceGroup,
    provider: 'Microsoft.Network',
    segments: [['virtualNetworks', vnet]],
  });
}
