// The polling endpoints of long-running operations: Azure-AsyncOperation URLs answer
// `{status, error?}`; Location URLs answer 202 while running and the final result after.
// Each poll of either URL counts as one poll of the operation (lro.ts).
import type { ArmRequest, ArmResponse, Services } from '../context.js';
import { ArmError } from '../errors.js';
import { pollingUrls, type Operation } from '../lro.js';

function pollOrThrow(request: ArmRequest, services: Services): Operation {
  const operation = services.operations.poll(request.params.operationId as string);
  if (
    !operation ||
    operation.spec.style.subscription.toLowerCase() !==
      (request.params.subscriptionId as string).toLowerCase()
  ) {
    throw new ArmError(
      404,
      'OperationNotFound',
      `The operation '${request.params.operationId}' could not be found.`,
    );
  }
  return operation;
}

function retryAfter(services: Services): Record<string, string> {
  return { 'Retry-After': String(services.lroSettings().retryAfterSeconds) };
}

export function asyncOperationStatus(request: ArmRequest, services: Services): ArmResponse {
  const operation = pollOrThrow(request, services);
  const body: Record<string, unknown> = {
    id: pollingUrls(operation)
      .asyncOperation?.split('?')[0]
      ?.replace(/^https?:\/\/[^/]+/, ''),
    name: operation.id,
    status: operation.status,
    startTime: operation.startedAt.toISOString(),
  };
  if (operation.endedAt) body.endTime = operation.endedAt.toISOString();
  if (operation.error) body.error = operation.error;
  return {
    status: 200,
    body,
    headers: operation.status === 'InProgress' ? retryAfter(services) : {},
  };
}

export function operationResult(request: ArmRequest, services: Services): ArmResponse {
  const operation = pollOrThrow(request, services);
  switch (operation.status) {
    case 'InProgress':
      return {
        status: 202,
        headers: { ...retryAfter(services), Location: pollingUrls(operation).location },
      };
    case 'Succeeded': {
      const answer = operation.spec.finalAnswer?.() ?? { status: 204 };
      return { status: answer.status, body: answer.body };
    }
    case 'Failed':
    case 'Canceled': {
      // A Location URL reports a failed operation with an error status and ARM's error body.
      const error = operation.error ?? { code: operation.status, message: operation.status };
      throw new ArmError(operation.status === 'Canceled' ? 409 : 500, error.code, error.message);
    }
  }
}
