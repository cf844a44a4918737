// Every planner scenario against the local ARM endpoint with the real SDK clients: the plan
// says what the scenario expects, and the request log holds GETs only.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/kvnet-harness.js';
import { SCENARIOS, stepSignature } from './scenarios.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('plan scenarios (real SDK clients, local ARM endpoint)', () => {
  it('has at least 15 scenarios', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(15);
  });

  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      harness = await startHarness(scenario.state());
      for (const fault of scenario.readFaults ?? []) {
        await harness.http.addFaults({
          method: fault.method,
          path: fault.path,
          times: 100,
          effect: { type: 'status', status: fault.status, code: fault.code },
        });
      }
      const plan = await harness.plan(scenario.spec);
      expect(
        plan.outcome,
        JSON.stringify({ findings: plan.findings, readErrors: plan.readErrors }),
      ).toBe(scenario.outcome);
      if (scenario.steps) expect(plan.steps.map(stepSignature)).toEqual(scenario.steps);
      for (const rule of scenario.findings ?? [])
        expect(plan.findings.map((finding) => finding.rule)).toContain(rule);
      expect(plan.steps.some((step) => step.flags.blocked)).toBe(scenario.blocked ?? false);
      expect(plan.steps.some((step) => step.flags.destructive)).toBe(scenario.destructive ?? false);
      if (scenario.outcome === 'error') expect(plan.steps).toEqual([]);
      if (scenario.readFaults) {
        expect(plan.readErrors[0]).toMatchObject({ httpStatus: 403, code: 'AuthorizationFailed' });
        expect(plan.readErrors[0]?.roleHint).toMatch(/Reader/);
      }
      const requests = await harness.requestsSince();
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
    });
  }
});
