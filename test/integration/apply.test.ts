// Every planner scenario applied through the real SDK clients against the local ARM endpoint:
// the apply converges (the re-plan is empty), and a second apply sends no write at all.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/kvnet-harness.js';
import { SCENARIOS } from './scenarios.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const writes = (requests: { method: string }[]) =>
  requests.filter((request) => request.method !== 'GET');

describe('apply scenarios', () => {
  for (const scenario of SCENARIOS.filter(
    (candidate) => candidate.outcome === 'changes' && !candidate.blocked,
  )) {
    it(`${scenario.name}: converges, then a second apply writes nothing`, async () => {
      harness = await startHarness(scenario.state());
      const report = await harness.apply(scenario.spec, {
        allowDestructive: scenario.destructive ?? false,
      });
      expect(
        report.outcome,
        JSON.stringify(
          report.results.map((result) => [
            result.step.id,
            result.status,
            result.code,
            result.message,
          ]),
        ),
      ).toBe('applied');
      expect((await harness.plan(scenario.spec)).outcome).toBe('no-changes');
      const mark = await harness.mark();
      const second = await harness.apply(scenario.spec, {
        allowDestructive: scenario.destructive ?? false,
      });
      expect(second.outcome).toBe('no-changes');
      expect(writes(await harness.requestsSince(mark))).toEqual([]);
    });
  }
  // The refusal of destructive steps and the blocked narrowing step run on InMemoryAzure
  // (test/engine/on-fakes.test.ts): the endpoint adds nothing to those engine decisions.
});
