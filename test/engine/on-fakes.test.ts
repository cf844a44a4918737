// Planner and applier logic on InMemoryAzure (test/contract/ proves it answers as the SDK
// adapters over the local endpoint do), in milliseconds. These tests moved here from
// test/integration/apply.test.ts and apply-guards.test.ts, assertions kept, because the endpoint
// added nothing to them: what they check is the engine's decisions (refusals, blocked and
// skipped narrowing, stale plans, read-back), not what goes over the wire. The plan scenarios
// also run here, proving the fake seeded from the same ARM bodies plans what the endpoint does.
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/engine/apply/run-apply.js';
import type { ApplyOptions } from '../../src/engine/apply/types.js';
import { makePlan } from '../../src/engine/plan/make-plan.js';
import type { AzureReader } from '../../src/ports/azure-reader.js';
import { RG, SUB, vault, vaultId, type ArmBody } from '../support/arm-state.js';
import { InMemoryAzure } from '../support/fakes/in-memory-azure.js';
import { liveFromArm } from '../support/fakes/live-from-arm.js';
import { desiredFrom } from '../support/plan-fixtures.js';
import { SCENARIOS, stepSignature } from '../integration/scenarios.js';

const fakeFrom = (state: ArmBody[]) => new InMemoryAzure(liveFromArm(state));

const apply = (fake: InMemoryAzure, spec: string, options: Partial<ApplyOptions> = {}) =>
  applyPlan(desiredFrom(spec), fake, fake, {
    allowDestructive: false,
    maxParallel: 4,
    backoffBaseMs: 1,
    writesPerSecondPerSubscription: 0,
    ...options,
  });

const header = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
  location: westeurope
vaults:
`;

const firewallSpec = (ips: string, extra = '') => `${header}  - name: kv-guard
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules: [${ips}]
${extra}`;

describe('plan scenarios on the fake', () => {
  for (const scenario of SCENARIOS.filter((candidate) => !candidate.readFaults)) {
    it(scenario.name, async () => {
      const fake = fakeFrom(scenario.state());
      const plan = await makePlan(desiredFrom(scenario.spec), fake);
      expect(
        plan.outcome,
        JSON.stringify({ findings: plan.findings, readErrors: plan.readErrors }),
      ).toBe(scenario.outcome);
      if (scenario.steps) expect(plan.steps.map(stepSignature)).toEqual(scenario.steps);
      for (const rule of scenario.findings ?? [])
        expect(plan.findings.map((finding) => finding.rule)).toContain(rule);
      expect(plan.steps.some((step) => step.flags.blocked)).toBe(scenario.blocked ?? false);
      expect(plan.steps.some((step) => step.flags.destructive)).toBe(scenario.destructive ?? false);
      expect(fake.writes()).toEqual([]);
    });
  }
});

describe('apply on the fake (moved from test/integration/apply.test.ts)', () => {
  it('refuses destructive steps without allowDestructive, and writes nothing', async () => {
    const scenario = SCENARIOS.find((candidate) => candidate.destructive);
    if (!scenario) throw new Error('no destructive scenario');
    const fake = fakeFrom(scenario.state());
    const report = await apply(fake, scenario.spec);
    expect(report.outcome).toBe('refused');
    expect(report.messages[0]).toMatch(/destructive/);
    expect(fake.writes()).toEqual([]);
  });

  it('a blocked narrowing step never runs: the opening steps do, and the apply reports it', async () => {
    const scenario = SCENARIOS.find((candidate) => candidate.blocked);
    if (!scenario) throw new Error('no blocked scenario');
    const fake = fakeFrom(scenario.state());
    const report = await apply(fake, scenario.spec);
    expect(report.outcome).toBe('failed');
    const narrow = report.results.find((result) => result.step.phase === 'narrow');
    expect(narrow).toMatchObject({ status: 'not-started' });
    expect(narrow?.reason).toMatch(/blocked/);
    expect(fake.writes().filter((call) => call.method === 'patchVaultNetwork')).toEqual([]);
  });
});

describe('apply guards on the fake (moved from test/integration/apply-guards.test.ts)', () => {
  it('no narrowing write after a failed dependency: public access stays Enabled when the endpoint fails', async () => {
    const scenario = SCENARIOS.find((candidate) =>
      candidate.name.startsWith('public access disabled with the whole chain'),
    );
    if (!scenario) throw new Error('scenario missing');
    const fake = fakeFrom(scenario.state());
    const desired = desiredFrom(scenario.spec);
    for (const endpoint of desired.vaults.flatMap((v) => v.privateEndpoints))
      fake.failWrites(endpoint.id, {
        httpStatus: 400,
        code: 'InvalidRequestFormat',
        message: 'injected permanent failure',
        times: 20,
      });
    const report = await apply(fake, scenario.spec);
    expect(report.outcome).toBe('failed');
    expect(report.results.find((result) => result.step.kind === 'privateEndpoint')).toMatchObject({
      status: 'failed',
      code: 'InvalidRequestFormat',
    });
    expect(report.results.find((result) => result.step.phase === 'narrow')).toMatchObject({
      status: 'not-started',
    });
    expect(fake.writes().filter((call) => call.method === 'patchVaultNetwork')).toEqual([]);
  });

  it("two applies racing on one vault: the loser's read-back detects the interference and fails", async () => {
    const fake = fakeFrom([vault('kv-guard', { networkAcls: { defaultAction: 'Deny' } })]);
    const specA = firewallSpec('20.50.10.7');
    const specB = firewallSpec('52.174.0.0/24');
    // The winner (B) runs its whole apply between A's PATCH and A's read-back.
    let armed = false;
    let interleaved = false;
    const readerA: AzureReader = {
      getVault: async (id) => {
        if (armed && !interleaved) {
          interleaved = true;
          expect((await apply(fake, specB)).outcome).toBe('applied');
        }
        return fake.getVault(id);
      },
      listVaults: (s, g) => fake.listVaults(s, g),
      listVaultsInSubscription: (s) => fake.listVaultsInSubscription(s),
      getVirtualNetwork: (id) => fake.getVirtualNetwork(id),
      listPrivateEndpoints: (s, g) => fake.listPrivateEndpoints(s, g),
      getPrivateEndpoint: (id) => fake.getPrivateEndpoint(id),
      getZoneGroup: (id) => fake.getZoneGroup(id),
      listZoneGroups: (id) => fake.listZoneGroups(id),
      getDnsZone: (id) => fake.getDnsZone(id),
      listVirtualNetworkLinks: (id) => fake.listVirtualNetworkLinks(id),
      listARecordSets: (id) => fake.listARecordSets(id),
    };
    const report = await applyPlan(desiredFrom(specA), readerA, fake, {
      allowDestructive: false,
      maxParallel: 1,
      backoffBaseMs: 5,
      writesPerSecondPerSubscription: 0,
      onProgress: (event) => {
        if (event.kind === 'step-started' && event.step.kind === 'vault') armed = true;
      },
    });
    expect(interleaved).toBe(true);
    expect(report.outcome).toBe('failed');
    expect(report.results[0]).toMatchObject({ status: 'failed', code: 'VerificationFailed' });
    expect(report.results[0]?.message).toMatch(/another change reached the vault/);
  });

  it('a reviewed plan that went stale is refused with zero writes, naming the field that moved', async () => {
    const fake = fakeFrom([
      vault('kv-guard', {
        networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.1.1.1/32' }] },
      }),
    ]);
    const spec = firewallSpec('20.50.10.7');
    const reviewed = await makePlan(desiredFrom(spec), fake);
    // Someone changes the vault out of band between review and merge.
    await fake.patchVaultNetwork(vaultId('kv-guard'), {
      publicNetworkAccess: 'Enabled',
      networkAcls: {
        defaultAction: 'Deny',
        bypass: 'AzureServices',
        ipRules: ['52.1.1.1', '198.51.100.0/24'],
        virtualNetworkRules: [],
      },
    });
    const before = fake.writes().length;
    const report = await apply(fake, spec, { reviewedPlan: reviewed });
    expect(report.outcome).toBe('refused');
    expect(report.messages.join('\n')).toMatch(/198\.51\.100\.0\/24/);
    expect(fake.writes().slice(before)).toEqual([]);
  });
});

describe('apply scenarios on the fake converge', () => {
  for (const scenario of SCENARIOS.filter(
    (candidate) => candidate.outcome === 'changes' && !candidate.blocked,
  )) {
    it(`${scenario.name}: converges, then a second apply writes nothing`, async () => {
      const fake = fakeFrom(scenario.state());
      const report = await apply(fake, scenario.spec, {
        allowDestructive: scenario.destructive ?? false,
      });
      expect(
        report.outcome,
        JSON.stringify(report.results.map((r) => [r.step.id, r.status, r.code, r.message])),
      ).toBe('applied');
      expect((await makePlan(desiredFrom(scenario.spec), fake)).outcome).toBe('no-changes');
      const before = fake.writes().length;
      const second = await apply(fake, scenario.spec, {
        allowDestructive: scenario.destructive ?? false,
      });
      expect(second.outcome).toBe('no-changes');
      expect(fake.writes().slice(before)).toEqual([]);
    });
  }
});
