// Every apply scenario under every single fault the issue names: whatever the first write
// meets, a re-run converges, and nothing kvnet does not own has changed.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../src/emulator/index.js';
import type { Plan } from '../../src/engine/plan/types.js';
import { startHarness, type Harness } from '../support/kvnet-harness.js';
import { unownedView } from './ownership.js';
import { SCENARIOS } from './scenarios.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const ANY_WRITE = '/subscriptions/**';

interface FaultCase {
  readonly name: string;
  readonly faults: (method: string) => FaultSpec[];
  /** Whether the fault can meet a write of this plan (every write fault can, unless said). */
  readonly appliesTo?: (plan: Plan) => boolean;
}

const FAULTS: readonly FaultCase[] = [
  {
    name: '429 with Retry-After',
    faults: (method) => [
      {
        method,
        path: ANY_WRITE,
        times: 1,
        effect: { type: 'status', status: 429, code: 'TooManyRequests', retryAfter: 1 },
      },
    ],
  },
  {
    name: '429 without Retry-After',
    faults: (method) => [
      {
        method,
        path: ANY_WRITE,
        times: 1,
        effect: { type: 'status', status: 429, code: 'TooManyRequests' },
      },
    ],
  },
  {
    name: '500 four times',
    faults: (method) => [
      {
        method,
        path: ANY_WRITE,
        times: 4,
        effect: { type: 'status', status: 500, code: 'InternalServerError' },
      },
    ],
  },
  {
    name: '409 AnotherOperationInProgress',
    faults: (method) => [
      {
        method,
        path: ANY_WRITE,
        times: 1,
        effect: {
          type: 'status',
          status: 409,
          code: 'AnotherOperationInProgress',
          message: 'Another operation on this or dependent resource is in progress.',
        },
      },
    ],
  },
  {
    name: 'connection reset after the write was applied',
    faults: (method) => [
      { method, path: ANY_WRITE, times: 1, effect: { type: 'reset', when: 'after' } },
    ],
  },
  {
    name: 'long-running operation ending Failed',
    // Vault PATCHes and connection PUTs are synchronous: only plans with an LRO write meet it.
    appliesTo: (plan) =>
      plan.steps.some((step) => LRO_KINDS.has(step.kind) && step.action !== 'delete'),
    faults: () => [
      {
        method: 'PUT',
        path: ANY_WRITE,
        times: 1,
        effect: {
          type: 'lro',
          outcome: 'Failed',
          code: 'InternalServerError',
          message: 'injected LRO failure',
        },
      },
    ],
  },
];

const LRO_KINDS = new Set([
  'subnet',
  'privateEndpoint',
  'dnsZone',
  'virtualNetworkLink',
  'zoneGroup',
]);

const applyable = SCENARIOS.filter(
  (scenario) => scenario.outcome === 'changes' && !scenario.blocked,
);

describe('apply under faults: a re-run converges and nothing outside ownership changes', () => {
  for (const scenario of applyable) {
    for (const fault of FAULTS) {
      it(`${scenario.name} × ${fault.name}`, async (context) => {
        harness = await startHarness(scenario.state());
        const before = unownedView(await harness.http.state());
        const plan = await harness.plan(scenario.spec);
        if (fault.appliesTo && !fault.appliesTo(plan))
          context.skip('this plan makes no long-running write');
        const firstWriteMethod = plan.steps[0]?.kind === 'vault' ? 'PATCH' : 'PUT';
        await harness.http.addFaults(fault.faults(firstWriteMethod));
        const options = { allowDestructive: scenario.destructive ?? false };
        const first = await harness.apply(scenario.spec, options);
        const injected = (await harness.requestsSince()).filter((request) => request.injected);
        expect(injected.length, 'the fault must actually meet a write').toBeGreaterThan(0);
        expect(['applied', 'failed']).toContain(first.outcome);
        if (first.outcome === 'failed') {
          const rerun = await harness.apply(scenario.spec, options);
          expect(
            rerun.outcome,
            JSON.stringify(
              rerun.results.map((result) => [result.step.id, result.status, result.message]),
            ),
          ).toMatch(/^(applied|no-changes)$/);
        }
        expect((await harness.plan(scenario.spec)).outcome).toBe('no-changes');
        const after = unownedView(await harness.http.state());
        const deleted = new Set(
          plan.steps
            .filter((step) => step.action === 'delete')
            .map((step) => step.resourceId.toLowerCase()),
        );
        for (const [id, body] of Object.entries(before)) {
          if (deleted.has(id)) continue;
          expect(after[id], id).toEqual(body);
        }
      });
    }
  }
});
