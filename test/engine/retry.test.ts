import { describe, expect, it } from 'vitest';
import { isRetryable, MAX_ATTEMPTS, withRetries } from '../../src/engine/apply/retry.js';
import { WriteFailure } from '../../src/engine/apply/write-failure.js';

function settings() {
  const waits: number[] = [];
  return {
    waits,
    value: {
      backoffBaseMs: 100,
      maxWaitMs: 120_000,
      sleep: async (ms: number) => void waits.push(ms),
    },
  };
}

describe('retries', () => {
  it('retries contention and throttling codes, not validation errors', () => {
    expect(isRetryable(new WriteFailure('x', 'busy', 'AnotherOperationInProgress', 409))).toBe(
      true,
    );
    expect(
      isRetryable(new WriteFailure('x', 'busy', 'RetryableErrorDueToAnotherOperation', 429)),
    ).toBe(true);
    expect(isRetryable(new WriteFailure('x', 'lro', 'RetryableError'))).toBe(true);
    expect(isRetryable(new WriteFailure('x', 'reset', 'ECONNRESET'))).toBe(true);
    expect(
      isRetryable(new WriteFailure('x', 'bad', 'SubnetsHaveNoServiceEndpointsConfigured', 400)),
    ).toBe(false);
  });

  it('backs off exponentially without Retry-After and honours it when given', async () => {
    const { waits, value } = settings();
    let calls = 0;
    const result = await withRetries('x', value, async () => {
      calls += 1;
      if (calls === 1) throw new WriteFailure('x', 'throttled', 'TooManyRequests', 429);
      if (calls === 2) throw new WriteFailure('x', 'busy', 'AnotherOperationInProgress', 409);
      if (calls === 3) throw new WriteFailure('x', 'throttled', 'TooManyRequests', 429, 7);
      return 'ok';
    });
    expect(result).toEqual({ value: 'ok', attempts: 4 });
    expect(waits).toEqual([100, 200, 7000]);
  });

  it('a Retry-After of 0 waits the backoff (a floor), not nothing', async () => {
    const { waits, value } = settings();
    let calls = 0;
    await withRetries('x', value, async () => {
      calls += 1;
      if (calls < 3) throw new WriteFailure('x', 'throttled', 'TooManyRequests', 429, 0);
      return 'ok';
    });
    expect(waits).toEqual([100, 200]);
  });

  it('refuses to wait longer than the cap and says so', async () => {
    const { waits, value } = settings();
    await expect(
      withRetries('x', value, async () => {
        throw new WriteFailure('x', 'throttled', 'TooManyRequests', 429, 600);
      }),
    ).rejects.toThrow(
      /asked to wait 600 s .* longer than the 120 s kvnet waits at once: re-run the apply later/,
    );
    expect(waits).toEqual([]);
  });

  it('gives up after the last attempt with a clear message, and never retries a permanent error', async () => {
    const { waits, value } = settings();
    await expect(
      withRetries('x', value, async () => {
        throw new WriteFailure('x', 'busy', 'AnotherOperationInProgress', 409);
      }),
    ).rejects.toThrow(`still failing after ${MAX_ATTEMPTS} attempts: busy; re-run the apply later`);
    expect(waits).toHaveLength(MAX_ATTEMPTS - 1);
    expect(Math.max(...waits)).toBeLessThanOrEqual(120_000);
    let calls = 0;
    await expect(
      withRetries('x', settings().value, async () => {
        calls += 1;
        throw new WriteFailure('x', 'no', 'BadRequest', 400);
      }),
    ).rejects.toThrow('no');
    expect(calls).toBe(1);
  });
});
