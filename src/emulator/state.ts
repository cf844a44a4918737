// The state file: a JSON array of ARM resource bodies exactly as GET returns them. On load,
// children that ARM embeds in their parent (a VNet's subnets, a vault's private endpoint
// connections) are split into their own records; on export they are embedded again, so
// export(load(x)) is x modulo computed fields. Resource groups may be listed explicitly
// (type Microsoft.Resources/resourceGroups) to declare empty ones.
import type { Services } from './context.js';
import { idKey, parseResourceId, resourceTypeOf } from './ids.js';
import type { ArmBody, StoredResource, Store } from './store.js';
import { arrayAt, objectAt, stringAt } from './resources/common.js';
import { zoneView } from './resources/dns.js';
import { CONNECTION_TYPE } from './resources/private-endpoint-connections.js';
import { endpointView } from './resources/private-endpoints.js';
import { vaultView, VAULT_TYPE } from './resources/vaults.js';
import {
  MANAGED_HSM_CONNECTION_TYPE,
  MANAGED_HSM_TYPE,
  managedHsmView,
} from './resources/managed-hsms.js';
import { SUBNET_TYPE, VNET_TYPE, vnetView } from './resources/virtual-networks.js';

const GROUP_TYPE = 'microsoft.resources/resourcegroups';
/** Children shown inside their parent's body, so not exported on their own. */
const EMBEDDED = new Set([
  SUBNET_TYPE.toLowerCase(),
  CONNECTION_TYPE.toLowerCase(),
  MANAGED_HSM_CONNECTION_TYPE.toLowerCase(),
]);

export class StateError extends Error {}

function put(store: Store, body: ArmBody, index: number): void {
  const id = stringAt(body.id);
  const parsed = id ? parseResourceId(id) : undefined;
  if (!id || !parsed) throw new StateError(`state[${index}]: "id" must be an ARM resource id`);
  const type = resourceTypeOf(parsed);
  if (typeof body.type === 'string' && body.type.toLowerCase() !== type.toLowerCase()) {
    throw new StateError(`state[${index}]: "type" ${body.type} does not match the id (${type})`);
  }
  if (type.toLowerCase() === GROUP_TYPE) {
    store.noteResourceGroup(
      parsed.subscription,
      parsed.resourceGroup as string,
      stringAt(body.location) ?? 'westus',
    );
    return;
  }
  if (parsed.types.length === 0) {
    store.noteSubscription(parsed.subscription);
    return;
  }
  const lower = type.toLowerCase();
  if (lower === VNET_TYPE.toLowerCase()) {
    const { subnets, ...properties } = objectAt(body.properties);
    store.put(id, type, { ...body, type: VNET_TYPE, properties });
    for (const subnet of arrayAt(subnets))
      put(store, { type: SUBNET_TYPE, ...objectAt(subnet) }, index);
    return;
  }
  if (lower === VAULT_TYPE.toLowerCase() || lower === MANAGED_HSM_TYPE.toLowerCase()) {
    const connectionType =
      lower === VAULT_TYPE.toLowerCase() ? CONNECTION_TYPE : MANAGED_HSM_CONNECTION_TYPE;
    const { privateEndpointConnections, ...properties } = objectAt(body.properties);
    store.put(id, type, { ...body, properties });
    for (const connection of arrayAt(privateEndpointConnections)) {
      const c = objectAt(connection);
      put(store, { name: stringAt(c.id)?.split('/').at(-1), type: connectionType, ...c }, index);
    }
    return;
  }
  store.put(id, type, { ...body });
}

/** Loads a parsed state file into an (empty) store; throws StateError on a malformed entry. */
export function loadState(store: Store, state: unknown): void {
  if (!Array.isArray(state))
    throw new StateError('the state must be a JSON array of ARM resource bodies');
  state.forEach((entry, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw new StateError(`state[${index}] must be an object`);
    put(store, structuredClone(entry) as ArmBody, index);
  });
}

/** A resource as GET returns it. */
export function viewOf(services: Services, record: StoredResource): ArmBody {
  switch (record.type.toLowerCase()) {
    case VAULT_TYPE.toLowerCase():
      return vaultView(services, record);
    case MANAGED_HSM_TYPE.toLowerCase():
      return managedHsmView(services, record);
    case VNET_TYPE.toLowerCase():
      return vnetView(services, record);
    case 'microsoft.network/privateendpoints':
      return endpointView(services, record);
    case 'microsoft.network/privatednszones':
      return zoneView(services, record);
    default:
      return record.body;
  }
}

/** The current state in the state-file format (GET /_emulator/state). */
export function exportState(services: Services): ArmBody[] {
  const out: ArmBody[] = [];
  const withResources = new Set(
    services.store.all().map((r) => idKey(r.id).split('/providers/')[0]),
  );
  for (const group of services.store.resourceGroups()) {
    const id = `/subscriptions/${group.subscription}/resourceGroups/${group.name}`;
    // Only groups no resource implies need an entry of their own.
    if (!withResources.has(idKey(id)))
      out.push({
        id,
        name: group.name,
        type: 'Microsoft.Resources/resourceGroups',
        location: group.location,
      });
  }
  for (const record of services.store.all()) {
    if (EMBEDDED.has(record.type.toLowerCase())) continue;
    out.push(structuredClone(viewOf(services, record)));
  }
  return out;
}
