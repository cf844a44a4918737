// ARM's error envelope. Handlers throw ArmError; the server turns it into
// `{"error":{"code","message"}}` with the status, exactly as ARM answers (AZURE-FACTS §5).
export interface ArmErrorBody {
  error: { code: string; message: string; target?: string; details?: ArmErrorBody['error'][] };
}

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): ArmErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

export function badRequest(code: string, message: string): ArmError {
  return new ArmError(400, code, message);
}

/** ARM's 404 for a resource that does not exist in an existing resource group. */
export function resourceNotFound(type: string, name: string, resourceGroup: string): ArmError {
  return new ArmError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

export function resourceGroupNotFound(resourceGroup: string): ArmError {
  return new ArmError(
    404,
    'ResourceGroupNotFound',
    `Resource group '${resourceGroup}' could not be found.`,
  );
}

export function subscriptionNotFound(subscription: string): ArmError {
  return new ArmError(
    404,
    'SubscriptionNotFound',
    `The subscription '${subscription}' could not be found.`,
  );
}

export function parentResourceNotFound(parentName: string): ArmError {
  return new ArmError(
    404,
    'ParentResourceNotFound',
    `Can not perform requested operation on nested resource. Parent resource '${parentName}' not found.`,
  );
}

export function preconditionFailed(message: string): ArmError {
  return new ArmError(412, 'PreconditionFailed', message);
}

export function invalidRequestContent(message: string): ArmError {
  return badRequest('InvalidRequestContent', message);
}
