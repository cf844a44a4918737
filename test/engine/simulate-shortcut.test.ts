// The simulation's shortcut for subnet steps (issue 14): a vault with IP rules that a subnet
// step reaches only through that subnet's public-egress path is not recomputed, its effect is
// written directly. Over generated estates, the plan must equal the one that recomputes the
// access model of every vault with IP rules on each subnet step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/engine/plan/build-plan.js';
import { desiredFrom, HEADER, liveVault, snapshot, SUB, vnet } from '../support/plan-fixtures.js';

const VNET = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps`;
const SUBNETS = ['snet-a', 'snet-b', 'snet-c'] as const;

describe('simulate: the subnet-step shortcut', () => {
  const network = fc.record({
    publicNetworkAccess: fc.constantFrom('Enabled', 'Disabled'),
    defaultAction: fc.constantFrom('Allow', 'Deny', 'Deny', 'Deny'),
    ipRules: fc.uniqueArray(fc.constantFrom('20.50.10.7/32', '52.174.0.0/24'), { maxLength: 2 }),
    subnets: fc.uniqueArray(fc.constantFrom(...SUBNETS), { maxLength: 2 }),
    acknowledge: fc.boolean(),
  });
  const vaults = fc.array(fc.tuple(network, network), { minLength: 1, maxLength: 5 });
  const endpoints = fc.tuple(fc.boolean(), fc.boolean(), fc.boolean());

  it('gives the same plan as recomputing every vault with IP rules on each subnet step', () => {
    fc.assert(
      fc.property(vaults, endpoints, (pairs, withEndpoint) => {
        const yaml = pairs
          .map(
            ([, wanted], index) => `  - name: kv-${index}
    publicNetworkAccess: ${wanted.publicNetworkAccess}
${wanted.acknowledge ? '    acknowledgeLockout: true\n' : ''}    firewall:
      defaultAction: ${wanted.defaultAction}
      ipRules: [${wanted.ipRules.join(', ')}]
      virtualNetworkRules: [${wanted.subnets
        .map((name) => `{ subnet: { vnet: vnet-apps, name: ${name}, resourceGroup: rg-network } }`)
        .join(', ')}]
`,
          )
          .join('');
        const desired = desiredFrom(`${HEADER}${yaml}`);
        const live = snapshot({
          vaults: pairs.map(([current], index) =>
            liveVault(`kv-${index}`, {
              publicNetworkAccess: current.publicNetworkAccess,
              networkAcls: {
                defaultAction: current.defaultAction,
                ipRules: current.ipRules.map((value) => ({ value })),
                virtualNetworkRules: current.subnets.map((name) => ({
                  id: `${VNET}/subnets/${name}`,
                })),
              },
            }),
          ),
          virtualNetworks: [
            vnet(
              VNET,
              SUBNETS.map((name, index) => ({
                name,
                endpoints: withEndpoint[index] ? ['Microsoft.KeyVault'] : [],
              })),
            ),
          ],
        });
        const shortcut = buildPlan(desired, live);
        const exhaustive = buildPlan(desired, live, { exhaustive: true });
        expect(shortcut).toEqual(exhaustive);
      }),
      { numRuns: 300 },
    );
  });
});
