// A Managed HSM pool planned and applied through the real SDK clients against the local ARM
// endpoint: VNet rule (with the subnet's service endpoint), IP rule, a private endpoint with
// group managedhsm and its privatelink.managedhsm.azure.net chain, public access disabled
// last; the re-plan is empty. Lockout on a pool is blocked unless acknowledged.
import { afterEach, describe, expect, it } from 'vitest';
import {
  HSM_ZONE,
  managedHsm,
  managedHsmId,
  networkEstate,
  NET_RG,
  RG,
  SUB,
  vault,
} from '../support/arm-state.js';
import { startHarness, type Harness } from '../support/kvnet-harness.js';
import { stepSignature } from './scenarios.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const head = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
  location: westeurope
vaults: []
managedHsms:
`;

const endpoint = `    privateEndpoints:
      - name: pe-hsm
        subnet: { vnet: vnet-apps, name: snet-pe, resourceGroup: ${NET_RG} }
        connectionName: pe-hsm-connection
        dns:
          zone: ${HSM_ZONE}
          links: [{ vnet: vnet-apps, name: link-apps, resourceGroup: ${NET_RG} }]
          zoneGroup: default
`;

const fullSpec = (publicNetworkAccess: string) => `${head}  - name: hsm-pay
    publicNetworkAccess: ${publicNetworkAccess}
    firewall:
      defaultAction: Deny
      ipRules: [20.50.10.7]
      virtualNetworkRules:
        - subnet: { vnet: vnet-apps, name: snet-orders, resourceGroup: ${NET_RG} }
${endpoint}`;

describe('a managed HSM pool on the local ARM endpoint', () => {
  it('plans the chain with group managedhsm and the HSM zone, applies it, and re-plans empty', async () => {
    harness = await startHarness([...networkEstate(), managedHsm('hsm-pay')]);
    const spec = fullSpec('Enabled');
    const plan = await harness.plan(spec);
    expect(plan.outcome).toBe('changes');
    expect(plan.steps.map(stepSignature)).toEqual([
      'subnet:update:open',
      'dnsZone:create:open',
      'virtualNetworkLink:create:open',
      'privateEndpoint:create:open',
      'zoneGroup:create:open',
      'vault:update:open',
      'vault:update:narrow',
    ]);
    // The service refuses IP rules while defaultAction is Allow: the opening PATCH adds the
    // VNet rule only; Deny and the IP rule go together in the narrowing one.
    const [open, narrow] = plan.steps.filter((step) => step.kind === 'vault');
    expect(open?.payload).toMatchObject({
      network: { networkAcls: { defaultAction: 'Allow', ipRules: [] } },
    });
    expect(narrow?.payload).toMatchObject({
      network: { networkAcls: { defaultAction: 'Deny', ipRules: ['20.50.10.7/32'] } },
    });
    const zone = plan.steps.find((step) => step.kind === 'dnsZone');
    expect(zone?.resourceName).toBe(HSM_ZONE);
    expect(plan.vaults[0]?.id).toBe(managedHsmId('hsm-pay'));
    const report = await harness.apply(spec);
    expect(
      report.outcome,
      JSON.stringify(report.results.map((r) => [r.step.id, r.status, r.message])),
    ).toBe('applied');
    // What the endpoint holds now, through the SDK: the pool's network and its connection.
    const live = await harness.reader.getVault(managedHsmId('hsm-pay'));
    expect(live).toMatchObject({
      status: 'ok',
      value: {
        network: { defaultAction: 'Deny', ipRules: ['20.50.10.7/32'] },
        connections: [{ status: 'Approved' }],
      },
    });
    const requests = await harness.requestsSince();
    const endpointPut = requests.find(
      (r) => r.method === 'PUT' && /privateEndpoints\/pe-hsm$/i.test(r.path),
    );
    expect(JSON.stringify(endpointPut?.body)).toContain('"groupIds":["managedhsm"]');
    expect(
      requests.some((r) => r.method === 'PATCH' && /managedHSMs\/hsm-pay$/i.test(r.path)),
    ).toBe(true);
    const replan = await harness.plan(spec);
    expect(replan.outcome).toBe('no-changes');
    // The private path is verified (approved, zone, link, A record = endpoint IP).
    expect(replan.vaults[0]?.after.open.map((path) => path.kind).sort()).toEqual([
      'ip-range',
      'private-endpoint',
      'subnet',
      'trusted-services',
    ]);

    // Then public access off: only the private endpoint and trusted services remain.
    const closed = fullSpec('Disabled');
    const narrowing = await harness.plan(closed);
    expect(narrowing.steps.map(stepSignature)).toEqual(['vault:update:narrow']);
    expect(narrowing.vaults[0]?.impact).toBe('narrows');
    expect((await harness.apply(closed)).outcome).toBe('applied');
    expect((await harness.plan(closed)).outcome).toBe('no-changes');
  });

  it('blocks a lockout of a pool (no path left), and runs it when acknowledged', async () => {
    harness = await startHarness([
      managedHsm('hsm-lock', {
        publicNetworkAccess: 'Enabled',
        networkAcls: {
          defaultAction: 'Allow',
          bypass: 'AzureServices',
          ipRules: [],
          virtualNetworkRules: [],
        },
      }),
    ]);
    const spec = (ack: boolean) => `${head}  - name: hsm-lock
    publicNetworkAccess: Disabled
    acknowledgeLockout: ${ack}
    firewall: { defaultAction: Deny, bypass: None }
`;
    const plan = await harness.plan(spec(false));
    expect(plan.outcome).toBe('error');
    expect(plan.findings.map((f) => f.rule)).toContain('lockout');
    expect(plan.steps.some((step) => step.flags.blocked)).toBe(true);
    const mark = await harness.mark();
    const refused = await harness.apply(spec(false));
    expect(refused.outcome).not.toBe('applied');
    expect((await harness.requestsSince(mark)).filter((r) => r.method !== 'GET')).toEqual([]);
    const accepted = await harness.apply(spec(true));
    expect(accepted.outcome).toBe('applied');
    expect((await harness.plan(spec(true))).outcome).toBe('no-changes');
  });

  it('says a pool that does not exist is missing, as a managed HSM', async () => {
    harness = await startHarness([vault('kv-other')]);
    const plan = await harness.plan(`${head}  - name: hsm-none
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny }
`);
    expect(plan.outcome).toBe('error');
    expect(plan.findings[0]).toMatchObject({
      rule: 'vault/missing',
      params: { kind: 'managed HSM' },
    });
  });

  it('reports the apply as failed, not converged, when the service refuses VNet rules on pools', async () => {
    harness = await startHarness([...networkEstate(), managedHsm('hsm-pay')], undefined, {
      managedHsmVirtualNetworkRules: 'refused',
    });
    const spec = `${head}  - name: hsm-pay
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      virtualNetworkRules:
        - subnet: { vnet: vnet-apps, name: snet-ready, resourceGroup: ${NET_RG} }
`;
    const report = await harness.apply(spec);
    expect(report.outcome).not.toBe('applied');
    const failed = report.results.find((r) => r.status === 'failed');
    expect(failed?.step.resourceId).toBe(managedHsmId('hsm-pay'));
    expect(failed?.message).toContain('not supported for managed HSM');
  });
});
