// ARM resource ids: parsing and the case-insensitive identity ARM gives them.
// `/subscriptions/s/resourceGroups/rg/providers/NS/type/name/childType/childName`.

export interface ParsedId {
  readonly subscription: string;
  readonly resourceGroup?: string;
  /** Provider namespace as written, e.g. `Microsoft.KeyVault`. */
  readonly namespace?: string;
  /** Type segments after the namespace, e.g. `['vaults', 'privateEndpointConnections']`. */
  readonly types: readonly string[];
  readonly names: readonly string[];
}

/** ARM treats ids case-insensitively; this is the key the store uses. */
export function idKey(id: string): string {
  return id.toLowerCase().replace(/\/+$/, '');
}

export function parseResourceId(id: string): ParsedId | undefined {
  const segments = id.split('/').filter((segment) => segment.length > 0);
  if (segments.length < 2 || segments[0]?.toLowerCase() !== 'subscriptions') return undefined;
  const subscription = segments[1] ?? '';
  let index = 2;
  let resourceGroup: string | undefined;
  if (segments[index]?.toLowerCase() === 'resourcegroups') {
    resourceGroup = segments[index + 1];
    if (resourceGroup === undefined) return undefined;
    index += 2;
  }
  if (index === segments.length) return { subscription, resourceGroup, types: [], names: [] };
  if (segments[index]?.toLowerCase() !== 'providers') return undefined;
  const namespace = segments[index + 1];
  if (namespace === undefined) return undefined;
  const rest = segments.slice(index + 2);
  if (rest.length === 0 || rest.length % 2 !== 0) return undefined;
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    types.push(rest[i] as string);
    names.push(rest[i + 1] as string);
  }
  return { subscription, resourceGroup, namespace, types, names };
}

/** `Microsoft.Network/virtualNetworks/subnets` for a parsed id. */
export function resourceTypeOf(parsed: ParsedId): string {
  if (parsed.namespace === undefined) {
    return parsed.resourceGroup === undefined
      ? 'Microsoft.Resources/subscriptions'
      : 'Microsoft.Resources/resourceGroups';
  }
  return [parsed.namespace, ...parsed.types].join('/');
}

export function resourceGroupId(subscription: string, resourceGroup: string): string {
  return `/subscriptions/${subscription}/resourceGroups/${resourceGroup}`;
}

/** The id of the parent resource (one type level up), or undefined for a top-level one. */
export function parentId(id: string): string | undefined {
  const parsed = parseResourceId(id);
  if (!parsed || parsed.types.length < 2) return undefined;
  return id.split('/').slice(0, -2).join('/');
}

export function lastName(id: string): string {
  return id.split('/').filter(Boolean).at(-1) ?? '';
}

export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && idKey(a) === idKey(b);
}
