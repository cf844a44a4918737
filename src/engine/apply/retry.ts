// Retries what Azure says is worth retrying (throttling, contention, transient errors), with
// exponential backoff, Retry-After honoured, and every single wait capped.
import { WriteFailure } from './write-failure.js';

export const DEFAULT_MAX_WAIT_MS = 120_000;
export const DEFAULT_BACKOFF_BASE_MS = 2_000;
export const MAX_ATTEMPTS = 6;

/** Codes that mean "try again": contention on the resource, or a transient service fault. */
const RETRYABLE_CODES = new Set(
  [
    'AnotherOperationInProgress',
    'RetryableErrorDueToAnotherOperation',
    'RetryableError',
    'ReferencedResourceNotProvisioned',
    'CanceledAndSupersededDueToAnotherOperation',
    'SubscriptionRequestsThrottled',
    'TooManyRequests',
    'InternalServerError',
    'ServiceUnavailable',
    'GatewayTimeout',
    'ECONNRESET',
    'ETIMEDOUT',
    'ECONNREFUSED',
    'EPIPE',
    'REQUEST_SEND_ERROR',
  ].map((code) => code.toLowerCase()),
);

export function isRetryable(failure: WriteFailure): boolean {
  if (failure.httpStatus === 429 || (failure.httpStatus !== undefined && failure.httpStatus >= 500))
    return true;
  return failure.code !== undefined && RETRYABLE_CODES.has(failure.code.toLowerCase());
}

export interface RetrySettings {
  readonly backoffBaseMs: number;
  readonly maxWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly onWait?: (ms: number, reason: string) => void;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function asWriteFailure(error: unknown, resourceId: string): WriteFailure {
  if (error instanceof WriteFailure) return error;
  return new WriteFailure(
    resourceId,
    error instanceof Error ? error.message : String(error),
    'UnexpectedError',
  );
}

/** Runs `attempt` until it succeeds, fails for good, or runs out of attempts. */
export async function withRetries<T>(
  resourceId: string,
  settings: RetrySettings,
  attempt: (attemptNumber: number) => Promise<T>,
): Promise<{ value: T; attempts: number }> {
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    try {
      return { value: await attempt(attemptNumber), attempts: attemptNumber };
    } catch (error) {
      const failure = asWriteFailure(error, resourceId);
      if (!isRetryable(failure) || attemptNumber >= MAX_ATTEMPTS) {
        if (isRetryable(failure)) {
          throw new WriteFailure(
            resourceId,
            `still failing after ${attemptNumber} attempts: ${failure.message}; re-run the apply later`,
            failure.code,
            failure.httpStatus,
          );
        }
        throw failure;
      }
      const askedMs =
        failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1000 : undefined;
      if (askedMs !== undefined && askedMs > settings.maxWaitMs) {
        throw new WriteFailure(
          resourceId,
          `Azure asked to wait ${Math.round(askedMs / 1000)} s before retrying (${failure.code ?? failure.httpStatus ?? 'throttled'}), longer than the ${Math.round(settings.maxWaitMs / 1000)} s kvnet waits at once: re-run the apply later`,
          failure.code,
          failure.httpStatus,
        );
      }
      const backoffMs = settings.backoffBaseMs * 2 ** (attemptNumber - 1);
      // Retry-After: 0 is no licence to hammer: it waits the backoff, as no header would.
      const waitMs = Math.min(
        askedMs === undefined || askedMs === 0 ? backoffMs : askedMs,
        settings.maxWaitMs,
      );
      settings.onWait?.(
        waitMs,
        `${failure.code ?? failure.httpStatus ?? 'error'}: ${failure.message}`,
      );
      await settings.sleep(waitMs);
    }
  }
}
