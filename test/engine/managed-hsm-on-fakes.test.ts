// Planner decisions for managed HSM pools on InMemoryAzure (the contract suite proves it
// answers as the SDK adapters over the local endpoint do): the kind's private link group and
// zone, and the opening step the service accepts.
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/engine/apply/run-apply.js';
import { makePlan } from '../../src/engine/plan/make-plan.js';
import { findingMessage } from '../../src/engine/render/messages.js';
import {
  endpointId,
  HSM_ZONE,
  managedHsm,
  managedHsmId,
  networkEstate,
  NET_RG,
  RG,
  SUB,
  subnetId,
  type ArmBody,
} from '../support/arm-state.js';
import { InMemoryAzure } from '../support/fakes/in-memory-azure.js';
import { liveFromArm } from '../support/fakes/live-from-arm.js';
import { desiredFrom } from '../support/plan-fixtures.js';
import { stepSignature } from '../integration/scenarios.js';

const fakeFrom = (state: ArmBody[]) => new InMemoryAzure(liveFromArm(state));

const spec = (firewall: string, extra = '') => `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
  location: westeurope
vaults: []
managedHsms:
  - name: hsm-a
    publicNetworkAccess: Enabled
    firewall:
${firewall}${extra}`;

/** A private endpoint to the pool as ARM returns it, with the given group. */
function endpointTo(groupIds: string[]): ArmBody {
  return {
    id: endpointId('pe-hsm'),
    name: 'pe-hsm',
    type: 'Microsoft.Network/privateEndpoints',
    location: 'westeurope',
    tags: { 'managed-by': 'kvnet' },
    properties: {
      provisioningState: 'Succeeded',
      subnet: { id: subnetId('vnet-apps', 'snet-pe') },
      privateLinkServiceConnections: [
        {
          name: 'pe-hsm-connection',
          properties: {
            privateLinkServiceId: managedHsmId('hsm-a'),
            groupIds,
            privateLinkServiceConnectionState: { status: 'Approved', description: '' },
          },
        },
      ],
      manualPrivateLinkServiceConnections: [],
      customDnsConfigs: [{ fqdn: 'hsm-a.managedhsm.azure.net', ipAddresses: ['10.20.9.4'] }],
    },
  };
}

const endpointSpec = `    privateEndpoints:
      - name: pe-hsm
        subnet: { vnet: vnet-apps, name: snet-pe, resourceGroup: ${NET_RG} }
        connectionName: pe-hsm-connection
        dns: { zone: ${HSM_ZONE}, zoneGroup: default }
`;

describe('managed HSM pools on the fake', () => {
  it('replaces an endpoint to the pool whose group is not managedhsm, saying which group it wants', async () => {
    const fake = fakeFrom([...networkEstate(), managedHsm('hsm-a'), endpointTo(['vault'])]);
    const plan = await makePlan(
      desiredFrom(spec('      defaultAction: Allow\n', endpointSpec)),
      fake,
    );
    const replace = plan.steps.find((step) => step.kind === 'privateEndpoint');
    expect(replace?.action).toBe('replace');
    expect(replace?.notes).toContainEqual(
      expect.objectContaining({ params: expect.objectContaining({ expected: 'managedhsm' }) }),
    );
    expect(JSON.stringify(replace?.notes)).toContain('"groups":["vault"]');
  });

  it('keeps an endpoint with group managedhsm, and the zone the access model wants is the HSM one', async () => {
    const fake = fakeFrom([...networkEstate(), managedHsm('hsm-a'), endpointTo(['managedhsm'])]);
    const plan = await makePlan(
      desiredFrom(spec('      defaultAction: Allow\n', endpointSpec)),
      fake,
    );
    expect(plan.steps.some((step) => step.kind === 'privateEndpoint')).toBe(false);
    expect(plan.steps.find((step) => step.kind === 'dnsZone')?.resourceName).toBe(HSM_ZONE);
  });

  it('Allow → Deny with IP rules: one narrowing PATCH (Deny and the rules together), converging', async () => {
    const fake = fakeFrom([managedHsm('hsm-a')]);
    const wanted = spec('      defaultAction: Deny\n      ipRules: [20.50.10.7]\n');
    const plan = await makePlan(desiredFrom(wanted), fake);
    expect(plan.steps.map(stepSignature)).toEqual(['vault:update:narrow']);
    const report = await applyPlan(desiredFrom(wanted), fake, fake, {
      allowDestructive: false,
      maxParallel: 2,
      backoffBaseMs: 1,
      writesPerSecondPerSubscription: 0,
    });
    expect(report.outcome).toBe('applied');
    expect((await makePlan(desiredFrom(wanted), fake)).outcome).toBe('no-changes');
  });

  it('names a missing pool as a managed HSM', async () => {
    const plan = await makePlan(
      desiredFrom(spec('      defaultAction: Deny\n')),
      fakeFrom([managedHsm('hsm-other')]),
    );
    const [finding] = plan.findings;
    expect(finding && findingMessage(finding)).toMatch(/^managed HSM "hsm-a" does not exist/);
  });
});
