// Turns SDK failures into read outcomes: 404 is "absent", anything else is a failure that
// names the resource and, for 403, the permission that is missing.
import { isRestError } from '@azure/core-rest-pipeline';
import type { ReadFailure, ReadOutcome } from '../../engine/state/live.js';

export interface ReadTarget {
  readonly resourceId: string;
  /** The role or action that allows the read, named when Azure answers 403. */
  readonly readPermission: string;
  /** For a vault, a missing resource group simply means a missing vault. */
  readonly missingGroupMeansAbsent?: boolean;
}

const NOT_FOUND_CODES = new Set(['ResourceNotFound', 'NotFound', 'ParentResourceNotFound']);

export function describeError(error: unknown): {
  httpStatus?: number;
  code?: string;
  message: string;
} {
  if (isRestError(error)) {
    const details = error.details as { error?: { code?: string; message?: string } } | undefined;
    return {
      httpStatus: error.statusCode,
      code: error.code ?? details?.error?.code,
      message: details?.error?.message ?? error.message,
    };
  }
  if (error instanceof Error) {
    // core-lro reports failed long-running operations as "The long-running operation has failed. CODE. message".
    const lro = /failed\.\s+([A-Za-z][A-Za-z0-9]*)\.\s*(.*)$/s.exec(error.message);
    if (lro) return { code: lro[1], message: lro[2] || error.message };
    // An operation that failed without saying why still gets a code, so it can be reported.
    if (/long-running operation has failed/i.test(error.message)) {
      return { code: 'LongRunningOperationFailed', message: error.message };
    }
    return { message: error.message };
  }
  return { message: String(error) };
}

export function readFailure(error: unknown, target: ReadTarget): ReadFailure {
  const described = describeError(error);
  return {
    resourceId: target.resourceId,
    ...described,
    roleHint: described.httpStatus === 403 ? target.readPermission : undefined,
  };
}

export async function readOutcome<T>(
  target: ReadTarget,
  read: () => Promise<T>,
): Promise<ReadOutcome<T>> {
  try {
    return { status: 'ok', value: await read() };
  } catch (error) {
    const { httpStatus, code } = describeError(error);
    const absent =
      code === undefined ||
      NOT_FOUND_CODES.has(code) ||
      (target.missingGroupMeansAbsent === true && code === 'ResourceGroupNotFound');
    if (httpStatus === 404 && absent) return { status: 'not-found' };
    return { status: 'error', error: readFailure(error, target) };
  }
}
