// ARM's read bucket per subscription (AZURE-FACTS §5: 250 tokens refilled at 25 per second):
// the endpoint answers 429 SubscriptionRequestsThrottled with Retry-After once it is empty,
// and processes nothing for those requests; with armThrottling off it only reports the count.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { EmulatorHttp } from '../support/emulator-clients.js';
import { baseState, vaultId } from './seed.js';

const KV = '?api-version=2026-02-01';
let emulator: RunningEmulator;
let http: EmulatorHttp;

beforeAll(async () => {
  emulator = await startEmulator({ state: baseState() });
  http = new EmulatorHttp(emulator);
});
afterAll(async () => {
  http.close();
  await emulator.stop();
});
beforeEach(async () => {
  await http.reset();
});

async function burst(count: number) {
  const answers = [];
  // In waves of 50; what refills while it runs is allowed for.
  for (let sent = 0; sent < count; sent += 50)
    answers.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, count - sent) }, () => http.request('GET', vaultId + KV)),
      )),
    );
  return answers;
}

describe('ARM read throttling', () => {
  it('a burst beyond the bucket gets 429 with Retry-After, and remaining reaches 0', async () => {
    const started = Date.now();
    const answers = await burst(500);
    const seconds = (Date.now() - started) / 1000;
    const throttled = answers.filter((answer) => answer.status === 429);
    const served = answers.filter((answer) => answer.status === 200);
    // 250 tokens, plus what refilled while the burst ran (25 per second).
    expect(served.length).toBeGreaterThanOrEqual(250);
    expect(served.length).toBeLessThanOrEqual(250 + Math.ceil(seconds * 25) + 1);
    expect(throttled.length).toBeGreaterThan(0);
    const first = throttled[0];
    expect((first?.body as { error: { code: string } }).error.code).toBe(
      'SubscriptionRequestsThrottled',
    );
    expect(Number(first?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(first?.headers['x-ms-ratelimit-remaining-subscription-reads']).toBe('0');
    const log = await http.requests();
    expect(log.filter((entry) => entry.status === 429).length).toBe(throttled.length);
  });

  it('after Retry-After the refill serves reads again', async () => {
    await burst(500);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await http.request('GET', vaultId + KV)).status).toBe(200);
  });

  it('armThrottling off serves every read and only reports the bucket', async () => {
    await http.settings({ armThrottling: 'off' });
    const answers = await burst(500);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(
      Math.min(
        ...answers.map((answer) =>
          Number(answer.headers['x-ms-ratelimit-remaining-subscription-reads']),
        ),
      ),
    ).toBe(0);
  });
});
