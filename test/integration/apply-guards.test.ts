// What the applier promises beyond convergence: it sends only what kvnet owns, preserves
// everything else on a subnet, opens before it narrows, never narrows after a failure,
// detects a concurrent writer, and refuses a plan that went stale.
import { afterEach, describe, expect, it } from 'vitest';
import type { SdkAzureWriter } from '../../src/adapters/azure/writer.js';
import { applyPlan } from '../../src/engine/apply/run-apply.js';
import type { AzureReader } from '../../src/ports/azure-reader.js';
import { groupId, NET_RG, RG, SUB, vault, vaultId, vnet } from '../support/arm-state.js';
import { startHarness, type Harness } from '../support/kvnet-harness.js';
import { desiredFrom } from '../support/plan-fixtures.js';
import { SCENARIOS } from './scenarios.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
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

describe('writes send only what kvnet owns', () => {
  it('the vault PATCH body holds networkAcls (complete, explicit empty lists) and publicNetworkAccess only', async () => {
    harness = await startHarness([vault('kv-guard', { accessPolicies: true })]);
    const before = (await harness.http.state()).find((body) => body.name === 'kv-guard');
    const report = await harness.apply(firewallSpec('20.50.10.7'));
    expect(report.outcome).toBe('applied');
    const patches = (await harness.requestsSince()).filter((request) => request.method === 'PATCH');
    expect(patches.length).toBeGreaterThan(0);
    for (const patch of patches) {
      const body = patch.body as { properties: Record<string, unknown> } & Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['properties']);
      expect(Object.keys(body.properties).sort()).toEqual(['networkAcls', 'publicNetworkAccess']);
      const acls = body.properties.networkAcls as Record<string, unknown>;
      expect(Object.keys(acls).sort()).toEqual([
        'bypass',
        'defaultAction',
        'ipRules',
        'virtualNetworkRules',
      ]);
      expect(acls.virtualNetworkRules).toEqual([]);
    }
    const after = (await harness.http.state()).find((body) => body.name === 'kv-guard') as Record<
      string,
      Record<string, unknown>
    >;
    const beforeProps = (before as Record<string, Record<string, unknown>>).properties;
    expect(after.tags).toEqual((before as Record<string, unknown>).tags);
    expect(after.properties?.accessPolicies).toEqual(beforeProps?.accessPolicies);
    expect(after.properties?.sku).toEqual(beforeProps?.sku);
    expect(after.properties?.enableRbacAuthorization).toBe(false);
  });

  it('a subnet keeps its NSG, route table, delegation, other endpoints, policies and unknown properties', async () => {
    const richSubnet = {
      name: 'snet-rich',
      prefix: '10.40.1.0/24',
      endpoints: ['Microsoft.Storage'],
      extra: {
        networkSecurityGroup: {
          id: `${groupId(NET_RG)}/providers/Microsoft.Network/networkSecurityGroups/nsg-rich`,
        },
        routeTable: { id: `${groupId(NET_RG)}/providers/Microsoft.Network/routeTables/rt-rich` },
        delegations: [
          {
            name: 'aci',
            properties: { serviceName: 'Microsoft.ContainerInstance/containerGroups' },
          },
        ],
        privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled',
        privateLinkServiceNetworkPolicies: 'Enabled',
        defaultOutboundAccess: false,
        somethingNoSdkKnows: { nested: ['kept', 42, true] },
      },
    };
    harness = await startHarness([
      vnet('vnet-rich', '10.40.0.0/16', [richSubnet]),
      vault('kv-guard', { networkAcls: { defaultAction: 'Deny' } }),
    ]);
    const subnetOf = (state: Record<string, unknown>[]) => {
      const network = state.find((body) => body.name === 'vnet-rich') as {
        properties: { subnets: { name: string; properties: Record<string, unknown> }[] };
      };
      return (
        network.properties.subnets.find((subnet) => subnet.name === 'snet-rich')?.properties ?? {}
      );
    };
    const before = subnetOf(await harness.http.state());
    const spec = `${header}  - name: kv-guard
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      virtualNetworkRules:
        - subnet: { vnet: vnet-rich, name: snet-rich, resourceGroup: ${NET_RG} }
`;
    expect((await harness.apply(spec)).outcome).toBe('applied');
    const after = subnetOf(await harness.http.state());
    const { serviceEndpoints: endpointsAfter, ...restAfter } = after;
    const { serviceEndpoints: endpointsBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    const services = (endpointsAfter as { service: string }[]).map((endpoint) => endpoint.service);
    expect(services).toEqual([
      ...(endpointsBefore as { service: string }[]).map((endpoint) => endpoint.service),
      'Microsoft.KeyVault',
    ]);
    const puts = (await harness.requestsSince()).filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.path.split('/').slice(-2).join('/'))).toEqual([
      'subnets/snet-rich',
    ]);
  });
});

describe('order', () => {
  it('the request log shows the opening PATCH (rules added, Allow kept) before the narrowing one', async () => {
    harness = await startHarness([
      vault('kv-guard', {
        networkAcls: { defaultAction: 'Allow', ipRules: [{ value: '52.1.1.1/32' }] },
      }),
    ]);
    expect((await harness.apply(firewallSpec('20.50.10.7'))).outcome).toBe('applied');
    const patches = (await harness.requestsSince()).filter((request) => request.method === 'PATCH');
    const acls = patches.map(
      (patch) =>
        (
          patch.body as {
            properties: { networkAcls: { defaultAction: string; ipRules: { value: string }[] } };
          }
        ).properties.networkAcls,
    );
    expect(
      acls.map((entry) => [entry.defaultAction, entry.ipRules.map((rule) => rule.value)]),
    ).toEqual([
      ['Allow', ['20.50.10.7/32', '52.1.1.1/32']],
      ['Deny', ['20.50.10.7/32']],
    ]);
  });

  it('no narrowing write after a failed dependency: public access stays Enabled when the endpoint fails', async () => {
    const scenario = SCENARIOS.find((candidate) =>
      candidate.name.startsWith('public access disabled with the whole chain'),
    );
    if (!scenario) throw new Error('scenario missing');
    harness = await startHarness(scenario.state());
    await harness.http.addFaults({
      method: 'PUT',
      path: '/subscriptions/**/privateEndpoints/*',
      times: 20,
      effect: {
        type: 'status',
        status: 400,
        code: 'InvalidRequestFormat',
        message: 'injected permanent failure',
      },
    });
    const report = await harness.apply(scenario.spec);
    expect(report.outcome).toBe('failed');
    expect(report.results.find((result) => result.step.kind === 'privateEndpoint')).toMatchObject({
      status: 'failed',
      code: 'InvalidRequestFormat',
    });
    expect(report.results.find((result) => result.step.phase === 'narrow')).toMatchObject({
      status: 'not-started',
    });
    expect((await harness.requestsSince()).filter((request) => request.method === 'PATCH')).toEqual(
      [],
    );
  });
});

describe('concurrency and staleness', () => {
  it("two applies racing on one vault: the loser's read-back detects the interference and fails", async () => {
    harness = await startHarness([vault('kv-guard', { networkAcls: { defaultAction: 'Deny' } })]);
    const running = harness;
    const specA = firewallSpec('20.50.10.7');
    const specB = firewallSpec('52.174.0.0/24');
    // The winner (B) runs its whole apply between A's PATCH and A's read-back.
    let armed = false;
    let interleaved = false;
    const readerA: AzureReader = {
      getVault: async (id) => {
        if (armed && !interleaved) {
          interleaved = true;
          expect((await running.apply(specB)).outcome).toBe('applied');
        }
        return running.reader.getVault(id);
      },
      listVaults: (s, g) => running.reader.listVaults(s, g),
      listVaultsInSubscription: (s) => running.reader.listVaultsInSubscription(s),
      getVirtualNetwork: (id) => running.reader.getVirtualNetwork(id),
      listPrivateEndpoints: (s, g) => running.reader.listPrivateEndpoints(s, g),
      getZoneGroup: (id) => running.reader.getZoneGroup(id),
      listZoneGroups: (id) => running.reader.listZoneGroups(id),
      getDnsZone: (id) => running.reader.getDnsZone(id),
      listVirtualNetworkLinks: (id) => running.reader.listVirtualNetworkLinks(id),
      listARecordSets: (id) => running.reader.listARecordSets(id),
    };
    const writer: SdkAzureWriter = running.writer;
    const report = await applyPlan(desiredFrom(specA), readerA, writer, {
      allowDestructive: false,
      maxParallel: 1,
      backoffBaseMs: 5,
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
    harness = await startHarness([
      vault('kv-guard', {
        networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.1.1.1/32' }] },
      }),
    ]);
    const spec = firewallSpec('20.50.10.7');
    const reviewed = await harness.plan(spec);
    // Someone changes the vault out of band between review and merge.
    const outOfBand = await harness.http.request(
      'PATCH',
      `${vaultId('kv-guard')}?api-version=2026-02-01`,
      {
        body: {
          properties: {
            networkAcls: {
              defaultAction: 'Deny',
              bypass: 'AzureServices',
              ipRules: [{ value: '52.1.1.1' }, { value: '198.51.100.0/24' }],
              virtualNetworkRules: [],
            },
          },
        },
      },
    );
    expect(outOfBand.status).toBe(200);
    const mark = await harness.mark();
    const report = await harness.apply(spec, { reviewedPlan: reviewed });
    expect(report.outcome).toBe('refused');
    expect(report.messages.join('\n')).toMatch(/198\.51\.100\.0\/24/);
    expect(
      (await harness.requestsSince(mark)).filter((request) => request.method !== 'GET'),
    ).toEqual([]);
  });
});
