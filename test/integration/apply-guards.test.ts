// What the applier promises beyond convergence, as the wire shows it: it sends only what kvnet
// owns, preserves everything else on a subnet, and opens before it narrows. (Never narrowing
// after a failure, detecting a concurrent writer and refusing a stale plan are engine
// decisions, tested on InMemoryAzure in test/engine/on-fakes.test.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { groupId, NET_RG, RG, SUB, vault, vnet } from '../support/arm-state.js';
import { startHarness, type Harness } from '../support/kvnet-harness.js';

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
});

// No narrowing write after a failed dependency, two applies racing on one vault and a stale
// reviewed plan run on InMemoryAzure (test/engine/on-fakes.test.ts): engine decisions that the
// endpoint adds nothing to.
