// What kvnet does not own, extracted from an emulator state dump, so tests can prove an apply
// left all of it exactly as it was (DESIGN.md §3).
type Body = Record<string, unknown>;

const VOLATILE = new Set(['etag', 'provisioningState', 'resourceGuid', 'systemData']);

function strip(value: unknown, owned: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => strip(item, owned));
  if (value === null || typeof value !== 'object') return value;
  const result: Body = {};
  for (const [key, entry] of Object.entries(value as Body)) {
    if (VOLATILE.has(key) || owned.has(key)) continue;
    result[key] = strip(entry, owned);
  }
  return result;
}

/** Owned properties by resource type (lower-case). */
const OWNED: Record<string, ReadonlySet<string>> = {
  'microsoft.keyvault/vaults': new Set([
    'networkAcls',
    'publicNetworkAccess',
    'privateEndpointConnections',
  ]),
  'microsoft.network/virtualnetworks': new Set([
    'serviceEndpoints',
    'privateEndpoints',
    'ipConfigurations',
  ]),
  'microsoft.network/virtualnetworks/subnets': new Set([
    'serviceEndpoints',
    'privateEndpoints',
    'ipConfigurations',
  ]),
};

/** Resources kvnet may create or delete, which the comparison therefore leaves out. */
const MANAGED_TYPES = new Set([
  'microsoft.network/privateendpoints',
  'microsoft.network/privateendpoints/privatednszonegroups',
  'microsoft.network/privatednszones',
  'microsoft.network/privatednszones/virtualnetworklinks',
  'microsoft.network/privatednszones/a',
  'microsoft.keyvault/vaults/privateendpointconnections',
  'microsoft.network/networkinterfaces',
]);

export function unownedView(state: readonly Body[]): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const body of state) {
    const type = String(body.type ?? '').toLowerCase();
    if (MANAGED_TYPES.has(type)) continue;
    view[String(body.id).toLowerCase()] = strip(body, OWNED[type] ?? new Set());
  }
  return view;
}
