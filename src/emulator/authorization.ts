// The optional role model: a bearer token maps to grants (actions, notActions, a scope), as an
// Azure role assignment would. Off (null) by default, when every token may do everything.
// Each ARM request needs the action its path and method name, on its path as scope; some
// writes also need linked authorizations on the resources they reference, refused with 403
// LinkedAuthorizationFailed. Sources: [D] azure-docs role-based-access-control
// `troubleshooting.md` (AuthorizationFailed, LinkedAuthorizationFailed bodies),
// `virtual-network-service-endpoints-overview.md` (joinViaServiceEndpoint on the subnet),
// private-link `rbac-permissions.md` (subnets/join for endpoints, privateDnsZones/join for
// zone groups), AZURE-FACTS §8 (approval action).
import { z } from 'zod';
import { ArmError } from './errors.js';
import { parseResourceId } from './ids.js';

export const grantSchema = z.strictObject({
  actions: z.array(z.string().min(1)),
  notActions: z.array(z.string().min(1)).default([]),
  /** A resource id prefix (subscription, resource group or resource). */
  scope: z.string().min(1),
});

export const roleModelSchema = z.strictObject({
  /** Bearer token → its role assignments. A token not listed may do nothing. */
  principals: z.record(z.string(), z.array(grantSchema)),
});

export type RoleModel = z.infer<typeof roleModelSchema>;
export type Grant = z.infer<typeof grantSchema>;

export const JOIN_VIA_SERVICE_ENDPOINT =
  'Microsoft.Network/virtualNetworks/subnets/joinViaServiceEndpoint/action';
export const APPROVAL_ACTION =
  'Microsoft.KeyVault/vaults/privateEndpointConnectionsApproval/action';

function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return regex.test(action);
}

function inScope(grantScope: string, scope: string): boolean {
  const grant = grantScope.replace(/\/+$/, '').toLowerCase();
  const target = scope.replace(/\/+$/, '').toLowerCase();
  return target === grant || target.startsWith(`${grant}/`);
}

export function permits(grants: readonly Grant[], action: string, scope: string): boolean {
  return grants.some(
    (grant) =>
      inScope(grant.scope, scope) &&
      grant.actions.some((pattern) => actionMatches(pattern, action)) &&
      !grant.notActions.some((pattern) => actionMatches(pattern, action)),
  );
}

/** The action ARM checks for a request: `<namespace>/<types…>/<read|write|delete>`. */
export function actionOf(method: string, path: string): string {
  const verb = method === 'GET' ? 'read' : method === 'DELETE' ? 'delete' : 'write';
  const segments = path.split('/').filter(Boolean);
  const providerAt = segments.findIndex((s) => s.toLowerCase() === 'providers');
  if (providerAt < 0) {
    const inGroup = segments.length > 2 && segments[2]?.toLowerCase() === 'resourcegroups';
    const tail = segments.length % 2 === 1 ? segments.at(-1) : undefined;
    if (tail?.toLowerCase() === 'resources')
      return `Microsoft.Resources/subscriptions/resources/${verb}`;
    return inGroup
      ? `Microsoft.Resources/subscriptions/resourceGroups/${verb}`
      : `Microsoft.Resources/subscriptions/${verb}`;
  }
  const namespace = segments[providerAt + 1] ?? '';
  const rest = segments.slice(providerAt + 2);
  const types = rest.filter((_, index) => index % 2 === 0);
  return [namespace, ...types, verb].join('/');
}

export interface Principal {
  readonly token: string;
  can(action: string, scope: string): boolean;
}

export function principalOf(model: RoleModel | null, token: string): Principal {
  if (model === null) return { token, can: () => true };
  const grants = model.principals[token] ?? [];
  return { token, can: (action, scope) => permits(grants, action, scope) };
}

/** A stable stand-in for the caller's object id, as ARM names it in 403 messages. */
export function objectIdOf(token: string): string {
  let hash = 0;
  for (const char of token) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hex = hash.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}${hex.slice(0, 4)}`;
}

export function authorizationFailed(principal: Principal, action: string, scope: string): ArmError {
  const id = objectIdOf(principal.token);
  return new ArmError(
    403,
    'AuthorizationFailed',
    `The client '${id}' with object id '${id}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

export function linkedAuthorizationFailed(
  principal: Principal,
  action: string,
  scope: string,
  linked: readonly { action: string; scope: string }[],
): ArmError {
  const id = objectIdOf(principal.token);
  return new ArmError(
    403,
    'LinkedAuthorizationFailed',
    `The client '${id}' with object id '${id}' has permission to perform action '${action}' on scope '${scope}'; however, it does not have permission to perform action(s) '${linked.map((l) => l.action).join(',')}' on the linked scope(s) '${linked.map((l) => l.scope).join(',')}' (respectively) or the linked scope(s) are invalid.`,
  );
}

function objectAt(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function idsAt(values: unknown, key: string): string[] {
  return (Array.isArray(values) ? values : []).flatMap((entry) => {
    const value = objectAt(entry)[key];
    return typeof value === 'string' ? [value] : [];
  });
}

/**
 * The linked authorizations a write needs besides its own action. `existingVnetRules` are the
 * subnets already in the vault's firewall (only subnets being added are checked).
 */
export function linkedAuthorizations(
  method: string,
  path: string,
  body: unknown,
  existingVnetRules: readonly string[],
): { action: string; scope: string }[] {
  if (method !== 'PUT' && method !== 'PATCH') return [];
  const parsed = parseResourceId(path);
  if (!parsed) return [];
  const type = [parsed.namespace ?? '', ...parsed.types].join('/').toLowerCase();
  const properties = objectAt(objectAt(body).properties);
  switch (type) {
    case 'microsoft.keyvault/vaults': {
      const known = new Set(existingVnetRules.map((id) => id.toLowerCase()));
      return idsAt(objectAt(properties.networkAcls).virtualNetworkRules, 'id')
        .filter((id) => !known.has(id.toLowerCase()))
        .map((scope) => ({ action: JOIN_VIA_SERVICE_ENDPOINT, scope }));
    }
    case 'microsoft.network/privateendpoints': {
      const subnet = objectAt(properties.subnet).id;
      return typeof subnet === 'string'
        ? [{ action: 'Microsoft.Network/virtualNetworks/subnets/join/action', scope: subnet }]
        : [];
    }
    case 'microsoft.network/privateendpoints/privatednszonegroups':
      return (
        Array.isArray(properties.privateDnsZoneConfigs) ? properties.privateDnsZoneConfigs : []
      )
        .map((config) => objectAt(objectAt(config).properties).privateDnsZoneId)
        .filter((id): id is string => typeof id === 'string')
        .map((scope) => ({ action: 'Microsoft.Network/privateDnsZones/join/action', scope }));
    case 'microsoft.network/privatednszones/virtualnetworklinks': {
      const vnet = objectAt(properties.virtualNetwork).id;
      return typeof vnet === 'string'
        ? [{ action: 'Microsoft.Network/virtualNetworks/join/action', scope: vnet }]
        : [];
    }
    default:
      return [];
  }
}
