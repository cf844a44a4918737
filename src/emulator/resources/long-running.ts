// How a handler starts the long-running operation of a write and answers it (lro.ts): the
// request gives the api-version, the base URL for polling and any injected `lro` fault; the
// handler says whose polling URLs to use, which lock the write holds and what the outcome does.
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { operationHeaders, type Operation, type OperationSpec, type PollingStyle } from '../lro.js';
import type { ArmBody } from '../store.js';
import { stringAt, updateProperties, without } from './common.js';

/** What the handler decides about an operation; the request supplies the rest. */
export type WriteOperation = Omit<OperationSpec, 'apiVersion' | 'baseUrl' | 'override'>;

/** A PUT's operation: as a WriteOperation, but the outcome's provisioningState is implied. */
export type ProvisioningOperation = Omit<WriteOperation, 'onSucceeded' | 'onFailed'> & {
  /** What else happens once the resource reads Succeeded. */
  readonly onSucceeded?: () => void;
};

/**
 * Polling URLs of NRP or Key Vault: the request's subscription and the resource's region
 * (westus when it has none).
 */
export function regionalPolling(
  kind: 'network' | 'keyvault',
  request: ArmRequest,
  location: unknown,
): PollingStyle {
  return {
    kind,
    subscription: request.params.subscriptionId as string,
    location: stringAt(location) ?? 'westus',
  };
}

export function startOperation(
  request: ArmRequest,
  services: Services,
  write: WriteOperation,
): Operation {
  return services.operations.start({
    ...write,
    apiVersion: request.apiVersion,
    baseUrl: request.baseUrl,
    override: request.takeLroOverride(),
  });
}

/** Starts a PUT's operation: the resource at `id` reads Succeeded or Failed when it ends. */
export function startProvisioning(
  request: ArmRequest,
  services: Services,
  id: string,
  write: ProvisioningOperation,
): Operation {
  const { onSucceeded, ...rest } = write;
  return startOperation(request, services, {
    ...rest,
    onSucceeded: () => {
      updateProperties(services, id, { provisioningState: 'Succeeded' });
      onSucceeded?.();
    },
    onFailed: () => updateProperties(services, id, { provisioningState: 'Failed' }),
  });
}

/** Location, Retry-After and (where the provider sends one) Azure-AsyncOperation. */
export function pollingHeaders(services: Services, operation: Operation): Record<string, string> {
  return operationHeaders(operation, services.lroSettings().retryAfterSeconds);
}

/** 202 Accepted, no body, with the operation's polling headers. */
export function accepted(services: Services, operation: Operation): ArmResponse {
  return { status: 202, headers: pollingHeaders(services, operation) };
}

/**
 * NRP's answer to a PUT it runs asynchronously: 201 when created, 200 when updated, with the
 * body; clients follow Azure-AsyncOperation only (NRP sends no Location).
 */
export function networkPutAnswer(
  services: Services,
  operation: Operation,
  created: boolean,
  body: ArmBody | undefined,
): ArmResponse {
  const headers = without(pollingHeaders(services, operation), 'Location');
  return { status: created ? 201 : 200, body, headers };
}
