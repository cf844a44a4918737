// One pipeline policy inside the SDK's retry loop (after its Retry phase), so it sees every
// attempt: it bounds the time one request may take and names a timeout as one (the SDK then
// retries it as a system error), and it keeps the SDK's throttling retries within kvnet's
// bounds: a Retry-After longer than the cap is not slept on (the SDK would sleep it, up to
// three times, with no cap: AZURE-FACTS §8 "Retry-After"), and a Retry-After of 0 waits the
// floor instead of spending the retries at once.
import { RestError, type PipelinePolicy, type PipelineResponse } from '@azure/core-rest-pipeline';

export const DEFAULT_RETRY_AFTER_CAP_MS = 120_000;
export const DEFAULT_RETRY_AFTER_FLOOR_MS = 1_000;

const BEYOND_CAP = 'kvnetRetryAfterSeconds';

/**
 * Azure asked for a wait longer than kvnet's cap: a RestError without a response (so no retry
 * strategy of the SDK takes it up) that carries the wait asked. (RestError resets its
 * prototype, so a subclass would not survive `instanceof`: the wait is an own property.)
 */
function throttledBeyondCap(
  message: string,
  retryAfterSeconds: number,
  options: { code?: string; statusCode: number },
): RestError {
  return Object.assign(new RestError(message, options), { [BEYOND_CAP]: retryAfterSeconds });
}

/** The wait Azure asked for, when the attempt policy refused to sleep on it. */
export function retryAfterBeyondCap(error: unknown): number | undefined {
  const value = (error as Record<string, unknown> | null)?.[BEYOND_CAP];
  return typeof value === 'number' ? value : undefined;
}

export interface AttemptBounds {
  readonly timeoutMs: number;
  readonly retryAfterCapMs: number;
  readonly retryAfterFloorMs: number;
}

const MS_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms'] as const;

/** What the SDK's throttling strategy would wait for this response (ms), if anything. */
function askedWaitMs(response: PipelineResponse): number | undefined {
  if (response.status !== 429 && response.status !== 503) return undefined;
  for (const header of MS_HEADERS) {
    const value = Number(response.headers.get(header) ?? Number.NaN);
    if (Number.isFinite(value)) return value;
  }
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter === undefined) return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function azureError(response: PipelineResponse): { code?: string; message?: string } {
  try {
    const body = JSON.parse(response.bodyAsText ?? '{}') as {
      error?: { code?: string; message?: string };
    };
    return { code: body.error?.code, message: body.error?.message };
  } catch {
    return {};
  }
}

export function attemptPolicy(bounds: AttemptBounds): PipelinePolicy {
  return {
    name: 'kvnetAttempt',
    sendRequest: async (request, next) => {
      // The timer is kvnet's, not the HTTP client's: that one is cleared only when a response
      // arrives, so after a failed connection it kept the process alive for the whole timeout.
      const outer = request.abortSignal;
      const controller = new AbortController();
      const abandon = () => controller.abort();
      if (outer?.aborted) controller.abort();
      outer?.addEventListener('abort', abandon, { once: true });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, bounds.timeoutMs);
      request.abortSignal = controller.signal;
      let response: PipelineResponse;
      try {
        response = await next(request);
      } catch (error) {
        if (!timedOut || outer?.aborted === true) throw error;
        // A system error the SDK retries (ETIMEDOUT), and a message that says what happened.
        throw new RestError(
          `${request.method} ${request.url.split('?')[0] ?? ''} timed out: no answer within ${Math.round(bounds.timeoutMs / 1000)} s`,
          { code: 'ETIMEDOUT', request },
        );
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener('abort', abandon);
        request.abortSignal = outer;
      }
      const asked = askedWaitMs(response);
      if (asked === undefined) return response;
      if (asked > bounds.retryAfterCapMs) {
        const { code, message } = azureError(response);
        const seconds = Math.ceil(asked / 1000);
        throw throttledBeyondCap(
          `${message ?? `HTTP ${response.status}`} (Azure asked to wait ${seconds} s before retrying, longer than the ${Math.round(bounds.retryAfterCapMs / 1000)} s kvnet waits at once: re-run later)`,
          seconds,
          {
            code: code ?? (response.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable'),
            statusCode: response.status,
          },
        );
      }
      if (asked < bounds.retryAfterFloorMs) {
        // The SDK's throttling strategy reads retry-after-ms first.
        response.headers.set('retry-after-ms', String(bounds.retryAfterFloorMs));
        response.headers.delete('x-ms-retry-after-ms');
      }
      return response;
    },
  };
}
