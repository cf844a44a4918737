// Small helpers every resource handler shares: scope checks (subscription, resource group),
// lookups of a route's resource and its children, body access, etags and list answers.
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import {
  ArmError,
  badRequest,
  invalidRequestContent,
  parentResourceNotFound,
  preconditionFailed,
  resourceGroupNotFound,
  resourceNotFound,
  subscriptionNotFound,
} from '../errors.js';
import type { ArmBody, StoredResource } from '../store.js';

/** A read needs the subscription and the resource group to exist (ARM answers 404 otherwise). */
export function requireGroupForRead(services: Services, subscription: string, group: string): void {
  if (!services.store.hasSubscription(subscription)) throw subscriptionNotFound(subscription);
  if (!services.store.resourceGroup(subscription, group)) throw resourceGroupNotFound(group);
}

export function requireSubscription(services: Services, subscription: string): void {
  if (!services.store.hasSubscription(subscription)) throw subscriptionNotFound(subscription);
}

/**
 * A write into a resource group nobody has mentioned yet is accepted when the subscription is
 * known: the emulator has no resource-group API, so the first write creates the group
 * implicitly (documented in docs/emulator.md). An unknown subscription is refused.
 */
export function requireGroupForWrite(
  services: Services,
  subscription: string,
  group: string,
  location: string,
): void {
  requireSubscription(services, subscription);
  services.store.noteResourceGroup(subscription, group, location);
}

/** A resource type that sits directly in a resource group, and the route parameter naming one. */
export interface GroupResourceKind {
  readonly type: string;
  readonly nameParam: string;
}

/** A child resource type: the id segment under its parent and the route parameters naming both. */
export interface ChildResourceKind {
  readonly type: string;
  readonly collection: string;
  readonly parentParam: string;
  readonly nameParam: string;
}

/** `/subscriptions/S/resourceGroups/RG/providers/<type>/<name>` from a route's parameters. */
export function groupResourceId(
  p: Readonly<Record<string, string>>,
  kind: GroupResourceKind,
): string {
  return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/${kind.type}/${p[kind.nameParam]}`;
}

/** The resource the route names, if any; its subscription and resource group must exist. */
export function findResource(
  request: ArmRequest,
  services: Services,
  kind: GroupResourceKind,
): StoredResource | undefined {
  const p = request.params;
  requireGroupForRead(services, p.subscriptionId as string, p.resourceGroupName as string);
  return services.store.get(groupResourceId(p, kind));
}

/**
 * The resource the route names, or ARM's 404: `ResourceNotFound` when it is what was asked for,
 * `ParentResourceNotFound` when it is the parent of what was asked for.
 */
export function requireResource(
  request: ArmRequest,
  services: Services,
  kind: GroupResourceKind,
  role: 'resource' | 'parent' = 'resource',
): StoredResource {
  const record = findResource(request, services, kind);
  if (!record) {
    const p = request.params;
    const name = p[kind.nameParam] as string;
    throw role === 'parent'
      ? parentResourceNotFound(name)
      : resourceNotFound(kind.type, name, p.resourceGroupName as string);
  }
  return record;
}

/** The id of the child the route names under `parent`. */
export function childId(
  request: ArmRequest,
  parent: StoredResource,
  kind: ChildResourceKind,
): string {
  return `${parent.id}/${kind.collection}/${request.params[kind.nameParam]}`;
}

/** The child the route names under `parent`, or ARM's 404 naming it `<parent>/<child>`. */
export function requireChild(
  request: ArmRequest,
  services: Services,
  parent: StoredResource,
  kind: ChildResourceKind,
): StoredResource {
  const record = services.store.get(childId(request, parent, kind));
  if (!record) {
    const p = request.params;
    throw resourceNotFound(
      kind.type,
      `${p[kind.parentParam]}/${p[kind.nameParam]}`,
      p.resourceGroupName as string,
    );
  }
  return record;
}

/** GET of a child resource: its stored body. */
export function getChild(
  request: ArmRequest,
  services: Services,
  parent: StoredResource,
  kind: ChildResourceKind,
): ArmResponse {
  return { status: 200, body: requireChild(request, services, parent, kind).body };
}

/** List of a parent's children: their stored bodies. */
export function listChildren(
  services: Services,
  parent: StoredResource,
  kind: ChildResourceKind,
): ArmResponse {
  return {
    status: 200,
    body: listBody(services.store.children(parent.id, kind.collection).map((r) => r.body)),
  };
}

/** How a resource type shows a stored record on GET (computed fields, embedded children). */
export type ResourceView = (services: Services, record: StoredResource) => ArmBody;

/** List of a type in the route's resource group, which must exist. */
export function listInGroup(
  request: ArmRequest,
  services: Services,
  type: string,
  view: ResourceView,
): ArmResponse {
  const p = request.params;
  requireGroupForRead(services, p.subscriptionId as string, p.resourceGroupName as string);
  const records = services.store.list(type, p.subscriptionId, p.resourceGroupName);
  return { status: 200, body: listBody(records.map((r) => view(services, r))) };
}

/** List of a type in the route's subscription. */
export function listInSubscription(
  request: ArmRequest,
  services: Services,
  type: string,
  view: ResourceView,
): ArmResponse {
  // An unknown subscription is 404 SubscriptionNotFound here too, as for every other read.
  requireSubscription(services, request.params.subscriptionId as string);
  const records = services.store.list(type, request.params.subscriptionId);
  return { status: 200, body: listBody(records.map((r) => view(services, r))) };
}

export function objectBody(request: ArmRequest): ArmBody {
  const body = request.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidRequestContent(
      'The request content was invalid and could not be deserialized: the body must be a JSON object.',
    );
  }
  return body as ArmBody;
}

export function objectAt(value: unknown): ArmBody {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as ArmBody)
    : {};
}

export function arrayAt(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The `location` a new tracked resource must carry (400 LocationRequired otherwise). */
export function requireLocation(body: ArmBody): string {
  const location = stringAt(body.location);
  if (!location)
    throw badRequest('LocationRequired', 'The location property is required for this definition.');
  return location;
}

/** The body with some properties replaced, the others kept. */
export function withProperties(body: ArmBody, changes: ArmBody): ArmBody {
  return { ...body, properties: { ...objectAt(body.properties), ...changes } };
}

/** Replaces some properties of the stored resource at `id`, if it is still there. */
export function updateProperties(services: Services, id: string, changes: ArmBody): void {
  const current = services.store.get(id);
  if (current) current.body = withProperties(current.body, changes);
}

/** NRP writes weak etags; Private DNS and Key Vault connections write a bare GUID. */
export function weakEtag(services: Services): string {
  return `W/"${services.newId()}"`;
}

export function listBody(value: unknown[]): { value: unknown[] } {
  return { value };
}

/** If-Match / If-None-Match as ARM honours them on a PUT (AZURE-FACTS §4, §5). */
export function checkPreconditions(
  request: ArmRequest,
  existing: StoredResource | undefined,
  displayName: string,
): void {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch === '*' && existing) {
    throw preconditionFailed(
      `The resource '${displayName}' already exists and the request had If-None-Match: *.`,
    );
  }
  const ifMatch = request.headers['if-match'];
  if (typeof ifMatch === 'string' && ifMatch !== '') {
    if (!existing)
      throw preconditionFailed(
        `The resource '${displayName}' does not exist and the request had If-Match.`,
      );
    if (ifMatch !== '*' && ifMatch !== existing.body.etag) {
      throw preconditionFailed(
        `The etag '${ifMatch}' does not match the current etag of '${displayName}'.`,
      );
    }
  }
}

export function conflictInProgress(operationUrl: string): ArmError {
  return new ArmError(
    409,
    'AnotherOperationInProgress',
    `Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: ${operationUrl}.`,
  );
}

/** A shallow copy without some keys (read-only fields, headers a provider does not send). */
export function without<T extends Record<string, unknown>>(value: T, ...keys: string[]): T {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}
