// Small helpers every resource handler shares: scope checks (subscription, resource group),
// body access, etags and list envelopes.
import type { ArmRequest, Services } from '../context.js';
import {
  ArmError,
  invalidRequestContent,
  preconditionFailed,
  resourceGroupNotFound,
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
