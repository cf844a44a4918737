// kvnet against the local ARM endpoint where it behaves like Azure in ways kvnet's correctness
// depends on (issue 13; docs/emulator.md "Azure behaviours kvnet depends on"). Real SDK
// clients over HTTPS; each case switches one behaviour on and checks plan → apply → plan.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/kvnet-harness.js';
import { SCENARIOS } from './scenarios.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

function scenario(name: string) {
  const found = SCENARIOS.find((candidate) => candidate.name.startsWith(name));
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

const writes = (requests: { method: string }[]) =>
  requests.filter((request) => request.method !== 'GET');

describe('private endpoint address: a dynamic-IP endpoint with a zone group', () => {
  const pe = scenario('private endpoint with DNS');

  it('Azure shows no customDnsConfigs and no ipConfigurations; kvnet takes the address from the NIC', async () => {
    harness = await startHarness(pe.state());
    expect((await harness.apply(pe.spec)).outcome).toBe('applied');
    const endpoints = (await harness.http.state()).filter(
      (body) => body.type === 'Microsoft.Network/privateEndpoints',
    ) as { properties: Record<string, unknown> }[];
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]?.properties.customDnsConfigs).toEqual([]);
    expect(endpoints[0]?.properties.ipConfigurations).toEqual([]);

    const mark = await harness.mark();
    const plan = await harness.plan(pe.spec);
    expect(plan.outcome, JSON.stringify(plan.steps.map((s) => s.notes))).toBe('no-changes');
    const nicReads = (await harness.requestsSince(mark)).filter((request) =>
      /\/networkInterfaces\//i.test(request.path),
    );
    expect(nicReads.length).toBe(1);
    // A second apply converges without touching the zone group.
    const again = await harness.mark();
    expect((await harness.apply(pe.spec)).outcome).toBe('no-changes');
    expect(writes(await harness.requestsSince(again))).toEqual([]);
  });

  it("with the NIC unreadable, the zone group's record sets still carry the address", async () => {
    harness = await startHarness(pe.state());
    expect((await harness.apply(pe.spec)).outcome).toBe('applied');
    await harness.http.addFaults({
      method: 'GET',
      path: '**/networkInterfaces/*',
      times: 100,
      effect: { type: 'status', status: 403, code: 'AuthorizationFailed' },
    });
    const plan = await harness.plan(pe.spec);
    expect(plan.outcome, JSON.stringify(plan.steps.map((s) => s.notes))).toBe('no-changes');
  });

  it('an A record that points elsewhere is planned as a zone-group update naming the address', async () => {
    harness = await startHarness(pe.state());
    expect((await harness.apply(pe.spec)).outcome).toBe('applied');
    const state = await harness.http.state();
    const record = state.find((body) => body.type === 'Microsoft.Network/privateDnsZones/A') as {
      properties: { aRecords: { ipv4Address: string }[] };
    };
    const address = record.properties.aRecords[0]?.ipv4Address;
    record.properties.aRecords = [{ ipv4Address: '10.20.9.200' }];
    await harness.http.reset(state);
    const plan = await harness.plan(pe.spec);
    expect(plan.outcome).toBe('changes');
    const step = plan.steps.find((candidate) => candidate.kind === 'zoneGroup');
    expect(step?.action).toBe('update');
    expect(step?.notes.join(' ')).toContain(`endpoint's IP ${address}`);
    expect((await harness.apply(pe.spec)).outcome).toBe('applied');
    expect((await harness.plan(pe.spec)).outcome).toBe('no-changes');
  });
});
