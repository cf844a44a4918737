// The headers ARM puts on every answer: request ids for support tickets and the remaining
// request quota (AZURE-FACTS §5: token buckets per subscription — reads 250 refilled 25/s,
// writes and deletes 200 refilled 10/s). A request that finds its bucket empty is throttled
// (429 SubscriptionRequestsThrottled with Retry-After, not processed, no token taken) unless
// the `armThrottling` setting is `off`; faults.ts can still inject a 429 at any time.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const LIMITS = {
  reads: { size: 250, perSecond: 25 },
  writes: { size: 200, perSecond: 10 },
  deletes: { size: 200, perSecond: 10 },
} as const;

type Kind = keyof typeof LIMITS;

export class RateLimitMeter {
  private readonly buckets = new Map<string, Bucket>();

  /**
   * Takes one token for this request and returns what remains (never below zero). With
   * `throttle`, a request that finds less than one token takes none and is to be refused,
   * after `retryAfterSeconds` (the time the refill needs to put one token back).
   */
  spend(
    subscription: string,
    method: string,
    nowMs: number,
    throttle = false,
  ): { kind: Kind; remaining: number; retryAfterSeconds?: number } {
    const kind: Kind =
      method === 'GET' || method === 'HEAD' ? 'reads' : method === 'DELETE' ? 'deletes' : 'writes';
    const limit = LIMITS[kind];
    const key = `${subscription.toLowerCase()}|${kind}`;
    const bucket = this.buckets.get(key) ?? { tokens: limit.size, updatedAt: nowMs };
    const refilled = Math.min(
      limit.size,
      bucket.tokens + ((nowMs - bucket.updatedAt) / 1000) * limit.perSecond,
    );
    bucket.updatedAt = nowMs;
    this.buckets.set(key, bucket);
    if (throttle && refilled < 1) {
      bucket.tokens = refilled;
      return {
        kind,
        remaining: 0,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - refilled) / limit.perSecond)),
      };
    }
    bucket.tokens = Math.max(0, refilled - 1);
    return { kind, remaining: Math.floor(bucket.tokens) };
  }

  clear(): void {
    this.buckets.clear();
  }
}

export function armHeaders(
  requestHeaders: IncomingHttpHeaders,
  requestId: string,
  quota: { kind: Kind; remaining: number } | undefined,
): Record<string, string> {
  const correlation = requestHeaders['x-ms-correlation-request-id'];
  const clientRequestId = requestHeaders['x-ms-client-request-id'];
  const headers: Record<string, string> = {
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id': typeof correlation === 'string' ? correlation : randomUUID(),
    'x-ms-routing-request-id': `LOCAL:${new Date().toISOString().replace(/[-:.]/g, '')}:${requestId}`,
    'Cache-Control': 'no-cache',
  };
  if (typeof clientRequestId === 'string') headers['x-ms-client-request-id'] = clientRequestId;
  if (quota)
    headers[`x-ms-ratelimit-remaining-subscription-${quota.kind}`] = String(quota.remaining);
  return headers;
}
