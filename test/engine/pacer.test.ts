import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WRITES_PER_SECOND_PER_SUBSCRIPTION,
  pacedWriter,
  subscriptionKey,
  WritePacer,
  type PacerClock,
} from '../../src/engine/apply/pacer.js';
import type { AzureWriter } from '../../src/ports/azure-writer.js';
import { RG, SUB, OTHER_SUB, vault, vaultId } from '../support/arm-state.js';
import { startHarness, type Harness } from '../support/kvnet-harness.js';

/** A clock that moves only when someone sleeps (or, frozen, never); records every sleep. */
function fakeClock(frozen = false): PacerClock & { readonly sleeps: number[]; time: number } {
  const clock = {
    time: 1_000,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      if (!frozen) clock.time += ms;
    },
  };
  return clock;
}

describe('WritePacer', () => {
  it('spaces writes to one key 1/rate apart, reserving slots for concurrent callers', async () => {
    const clock = fakeClock(true);
    const pacer = new WritePacer(8, clock);
    // Five writes asked for at the same moment: they start after 0, 125, 250, 375 and 500 ms.
    await Promise.all(Array.from({ length: 5 }, () => pacer.acquire('sub-a')));
    expect(clock.sleeps).toEqual([125, 250, 375, 500]);
  });

  it('never lets more than `rate` writes start within one second', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer(8, clock);
    const starts: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      await pacer.acquire('sub-a');
      starts.push(clock.now());
    }
    for (let i = 0; i < starts.length; i += 1) {
      const inSecond = starts.filter(
        (start) => start >= (starts[i] as number) && start < (starts[i] as number) + 1000,
      );
      expect(inSecond.length).toBeLessThanOrEqual(8);
    }
  });

  it('does not make one subscription wait for another', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer(8, clock);
    await pacer.acquire('sub-a');
    await pacer.acquire('sub-b');
    await pacer.acquire('sub-c');
    expect(clock.sleeps).toEqual([]);
  });

  it('lets a write through at once when the last one is long past', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer(8, clock);
    await pacer.acquire('sub-a');
    clock.time += 5_000;
    await pacer.acquire('sub-a');
    expect(clock.sleeps).toEqual([]);
  });

  it('is off at 0 and refuses a negative rate', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer(0, clock);
    for (let i = 0; i < 10; i += 1) await pacer.acquire('sub-a');
    expect(clock.sleeps).toEqual([]);
    expect(() => new WritePacer(-1, clock)).toThrow(/≥ 0/);
  });

  it('defaults below ARM’s refill of 10 writes per second', () => {
    expect(DEFAULT_WRITES_PER_SECOND_PER_SUBSCRIPTION).toBeLessThan(10);
  });
});

describe('pacedWriter', () => {
  const calls: string[] = [];
  const writer: AzureWriter = {
    patchVaultNetwork: async (id) => void calls.push(`patch ${id}`),
    addSubnetServiceEndpoint: async (id, service) => void calls.push(`subnet ${id} ${service}`),
    waitUntilNetworkSettled: async (id) => void calls.push(`settle ${id}`),
    createPrivateEndpoint: async (id, endpoint) => void calls.push(`pe ${id} ${endpoint.vaultId}`),
    deletePrivateEndpoint: async (id) => void calls.push(`delete ${id}`),
    createDnsZone: async (id) => void calls.push(`zone ${id}`),
    createVirtualNetworkLink: async (id, vnet) => void calls.push(`link ${id} ${vnet}`),
    redriveDnsZone: async (id) => void calls.push(`redrive zone ${id}`),
    redriveVirtualNetworkLink: async (id) => void calls.push(`redrive link ${id}`),
    putZoneGroup: async (id, zones) => void calls.push(`group ${id} ${zones.join(',')}`),
    setConnectionStatus: async (id, name, status) =>
      void calls.push(`connection ${id} ${name} ${status}`),
  };

  afterEach(() => {
    calls.length = 0;
  });

  it('keys writes by the subscription of the resource, case-insensitively', () => {
    expect(subscriptionKey(vaultId('kv-a'))).toBe(SUB);
    expect(subscriptionKey(vaultId('kv-a').replace(SUB, SUB.toUpperCase()))).toBe(SUB);
  });

  it('paces every write method, passes the arguments through, and never paces settling', async () => {
    const clock = fakeClock();
    const paced = pacedWriter(writer, new WritePacer(4, clock));
    const subnet = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/v/subnets/s`;
    await paced.patchVaultNetwork(vaultId('kv-a'), {
      publicNetworkAccess: 'Enabled',
      networkAcls: {
        defaultAction: 'Deny',
        bypass: 'AzureServices',
        ipRules: [],
        virtualNetworkRules: [],
      },
    });
    await paced.addSubnetServiceEndpoint(subnet, 'Microsoft.KeyVault');
    await paced.waitUntilNetworkSettled(subnet);
    await paced.setConnectionStatus(vaultId('kv-a'), 'c1', 'Approved', 'ok');
    await paced.putZoneGroup(`${vaultId('kv-a')}/x/y`, ['z1', 'z2']);
    await paced.redriveDnsZone(`${vaultId('kv-a')}/z/1`);
    await paced.redriveVirtualNetworkLink(`${vaultId('kv-a')}/z/1/l/2`);
    expect(calls).toEqual([
      `patch ${vaultId('kv-a')}`,
      `subnet ${subnet} Microsoft.KeyVault`,
      `settle ${subnet}`,
      `connection ${vaultId('kv-a')} c1 Approved`,
      `group ${vaultId('kv-a')}/x/y z1,z2`,
      `redrive zone ${vaultId('kv-a')}/z/1`,
      `redrive link ${vaultId('kv-a')}/z/1/l/2`,
    ]);
    // Six writes in one subscription at 4/s, one after the other: each waits 250 ms.
    expect(clock.sleeps).toEqual([250, 250, 250, 250, 250]);
  });
});

describe('applyPlan paces writes per subscription (local ARM endpoint)', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  const names = ['kv-p1', 'kv-p2', 'kv-p3', 'kv-p4', 'kv-p5'];
  const spec = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
vaults:
${[...names.map((name) => ({ name, sub: SUB })), { name: 'kv-other', sub: OTHER_SUB }]
  .map(
    ({ name, sub }) => `  - name: ${name}
    subscription: ${sub}
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
`,
  )
  .join('')}`;
  const state = () => [
    ...names.map((name) => vault(name, { networkAcls: { defaultAction: 'Deny' } })),
    vault('kv-other', { sub: OTHER_SUB, networkAcls: { defaultAction: 'Deny' } }),
  ];
  const patchStarts = async (h: Harness, sub: string) =>
    (await h.requestsSince())
      .filter((request) => request.method === 'PATCH' && request.path.includes(sub))
      .map((request) => Date.parse(request.startedAt))
      .sort((a, b) => a - b);

  it('starts writes to one subscription at least 1/rate apart, by default', async () => {
    harness = await startHarness(state());
    const started = Date.now();
    const report = await harness.apply(spec, { maxParallel: 6 });
    const elapsed = Date.now() - started;
    expect(report.outcome).toBe('applied');
    const starts = await patchStarts(harness, SUB);
    expect(starts).toHaveLength(5);
    const interval = 1000 / DEFAULT_WRITES_PER_SECOND_PER_SUBSCRIPTION;
    // Five writes granted 1/rate apart cannot all have started in less than four intervals.
    // Arrival times at the endpoint are no measure of the grants (on a loaded machine the
    // connections a client opens queue up and deliver paced requests together), so the check
    // is a lower bound on the apply's own duration, which load can only lengthen.
    expect(elapsed).toBeGreaterThanOrEqual(4 * interval);
    // The other subscription's write did not queue behind them.
    const [other] = await patchStarts(harness, OTHER_SUB);
    expect((other as number) - (starts[0] as number)).toBeLessThan(interval * 2);
  });

  it('does not pace when writesPerSecondPerSubscription is 0', async () => {
    harness = await startHarness(state());
    const started = Date.now();
    const report = await harness.apply(spec, { maxParallel: 6, writesPerSecondPerSubscription: 0 });
    expect(report.outcome).toBe('applied');
    const starts = await patchStarts(harness, SUB);
    expect(starts).toHaveLength(5);
    // All five in flight together: far closer than the 4 × 125 ms pacing would allow.
    expect((starts.at(-1) as number) - (starts[0] as number)).toBeLessThan(300);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
