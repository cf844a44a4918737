// Plan v2's measured cases (issue 10): every access claim comes from the access model, so the
// plan no longer calls a change "widens" when nobody gains, hides a dead rule, or calls a
// service endpoint neutral. Each case failed on the v1 planner.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffAccess, pathKey } from '../../src/engine/analysis/access.js';
import { buildPlan } from '../../src/engine/plan/build-plan.js';
import { countPlan } from '../../src/engine/render/plan-lines.js';
import { desiredFrom, HEADER, liveVault, snapshot, SUB } from '../support/plan-fixtures.js';

const VNET = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps`;

describe('plan v2: claims derived from the access model', () => {
  it('a VNet rule with serviceEndpoint: ignore on a subnet without the endpoint is no path: named, and a lockout when it is the only one', () => {
    const desired = desiredFrom(`${HEADER}  - name: kv-one
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      bypass: None
      virtualNetworkRules:
        - subnet: { vnet: vnet-apps, name: snet-orders, resourceGroup: rg-network }
          serviceEndpoint: ignore
`);
    const plan = buildPlan(
      desired,
      snapshot({
        vaults: [liveVault('kv-one', {})],
        virtualNetworks: [
          {
            id: VNET,
            name: 'vnet-apps',
            location: 'westeurope',
            subnets: [
              {
                id: `${VNET}/subnets/snet-orders`,
                name: 'snet-orders',
                addressPrefixes: ['10.0.0.0/24'],
                serviceEndpoints: [],
              },
            ],
          },
        ],
      }),
    );
    expect(plan.outcome).toBe('error');
    expect(plan.findings.find((finding) => finding.rule === 'lockout')?.level).toBe('error');
    expect(plan.steps.find((step) => step.phase === 'narrow')?.flags.blocked).toBe(true);
    // Not run, so after is what Azure keeps: the vault stays open to everyone.
    expect(plan.vaults[0]?.after.open).toEqual([
      { kind: 'public-all' },
      { kind: 'trusted-services' },
    ]);
  });

  it('adding IP rules to an Allow vault gains nobody; Allow → Deny with two ranges only narrows', () => {
    const live = liveVault('kv-one', { networkAcls: { defaultAction: 'Allow' } });
    const allowWithRules = buildPlan(
      desiredFrom(`${HEADER}  - name: kv-one
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Allow, ipRules: [20.50.10.7, 52.174.0.0/24] }
`),
      snapshot({ vaults: [live] }),
    );
    expect(allowWithRules.outcome).toBe('changes');
    expect(allowWithRules.steps.map((step) => step.impact)).toEqual(['none']);
    expect(allowWithRules.vaults[0]?.impact).toBe('none');
    expect(countPlan(allowWithRules)).toMatchObject({ widening: 0, narrowing: 0 });

    const deny = buildPlan(
      desiredFrom(`${HEADER}  - name: kv-one
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7, 52.174.0.0/24] }
`),
      snapshot({ vaults: [live] }),
    );
    expect(deny.vaults[0]?.impact).toBe('narrows');
    expect(deny.vaults[0]?.net.gained).toEqual([]);
    expect(deny.vaults[0]?.net.lost).toEqual([{ kind: 'public-all' }]);
    expect(deny.steps.map((step) => step.impact)).toEqual(['none', 'narrows']);
  });

  it('adding Microsoft.KeyVault to a subnet may cut the clients an IP rule admitted, on every vault the plan knows', () => {
    const desired = desiredFrom(`${HEADER}  - name: kv-one
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      virtualNetworkRules:
        - subnet: { vnet: vnet-apps, name: snet-orders, resourceGroup: rg-network }
  - name: kv-two
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
`);
    const plan = buildPlan(
      desired,
      snapshot({
        vaults: [
          liveVault('kv-one', { networkAcls: { defaultAction: 'Deny' } }),
          liveVault('kv-two', {
            networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '20.50.10.7/32' }] },
          }),
        ],
        virtualNetworks: [
          {
            id: VNET,
            name: 'vnet-apps',
            location: 'westeurope',
            subnets: [
              {
                id: `${VNET}/subnets/snet-orders`,
                name: 'snet-orders',
                addressPrefixes: ['10.0.0.0/24'],
                serviceEndpoints: [],
              },
            ],
          },
        ],
      }),
    );
    const subnetStep = plan.steps.find((step) => step.kind === 'subnet');
    expect(subnetStep?.impact).toBe('narrows');
    // kv-two is a bystander: counted on the step, not listed in its effects.
    const egress = {
      kind: 'switching-subnets-egress',
      subnetIds: [`${VNET}/subnets/snet-orders`],
    };
    expect(subnetStep?.effects).toEqual([]);
    expect(subnetStep?.bystanders).toEqual({ count: 1, possiblyLost: egress });
    expect(plan.vaults.find((vault) => vault.name === 'kv-two')?.impact).toBe('narrows');
    expect(plan.vaults.find((vault) => vault.name === 'kv-two')?.net.possiblyLost).toEqual([
      egress,
    ]);
    expect(plan.vaults.find((vault) => vault.name === 'kv-one')?.net.gained).toEqual([
      { kind: 'subnet', subnetId: `${VNET}/subnets/snet-orders` },
    ]);
  });

  it('a DNS zone whose creation ended Failed is no path and is written again', () => {
    const zoneId = `/subscriptions/${SUB}/resourceGroups/rg-secrets/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net`;
    const desired = desiredFrom(`${HEADER}  - name: kv-one
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny }
    privateEndpoints:
      - name: pe-kv-one
        subnet: { vnet: vnet-apps, name: snet-pe, resourceGroup: rg-network }
        connectionName: kv-one-connection
        dns:
          zone: privatelink.vaultcore.azure.net
          links: [{ vnet: vnet-apps, name: link-apps, resourceGroup: rg-network }]
          zoneGroup: default
`);
    const parts = snapshot({
      vaults: [liveVault('kv-one', { networkAcls: { defaultAction: 'Deny' } })],
      privateEndpoints: [{ sub: SUB, rg: 'rg-secrets', endpoints: [] }],
    });
    const failedZone = {
      ...parts,
      zones: new Map([
        [
          zoneId.toLowerCase(),
          {
            status: 'ok' as const,
            value: {
              id: zoneId,
              name: 'privatelink.vaultcore.azure.net',
              provisioningState: 'Failed',
            },
          },
        ],
      ]),
    };
    const plan = buildPlan(desired, failedZone);
    expect(plan.steps.find((step) => step.kind === 'dnsZone')?.action).toBe('update');
  });
});

describe('plan v2: a network security perimeter', () => {
  it('SecuredByPerimeter is accepted, kept, and its public paths are unverified', () => {
    const plan = buildPlan(
      desiredFrom(`${HEADER}  - name: kv-one
    publicNetworkAccess: SecuredByPerimeter
    firewall: { defaultAction: Deny, bypass: None, ipRules: [20.50.10.7] }
`),
      snapshot({
        vaults: [
          liveVault('kv-one', {
            publicNetworkAccess: 'SecuredByPerimeter',
            networkAcls: {
              defaultAction: 'Deny',
              bypass: 'None',
              ipRules: [{ value: '20.50.10.7/32' }],
            },
          }),
        ],
      }),
    );
    expect(plan.outcome).toBe('no-changes');
    expect(plan.vaults[0]?.after.open).toEqual([]);
    expect(plan.vaults[0]?.after.unknown).toEqual([
      {
        path: { kind: 'ip-range', cidr: '20.50.10.7/32' },
        reason: { code: 'public-access-mode', params: { mode: 'SecuredByPerimeter' } },
      },
    ]);
  });
});

describe('plan v2 properties over generated networks', () => {
  const cidr = fc.constantFrom('20.50.10.7/32', '52.174.0.0/24', '52.174.0.9/32', '40.1.0.0/16');
  const network = fc.record({
    publicNetworkAccess: fc.constantFrom('Enabled', 'Disabled'),
    defaultAction: fc.constantFrom('Allow', 'Deny'),
    bypass: fc.constantFrom('AzureServices', 'None'),
    ipRules: fc.uniqueArray(cidr, { maxLength: 3 }),
  });

  it('net change = after − before; every step effect is a model difference; no step cuts a path live and desired share; counts follow the nets', () => {
    fc.assert(
      fc.property(network, network, fc.boolean(), (live, wanted, acknowledge) => {
        const desired = desiredFrom(`${HEADER}  - name: kv-one
    publicNetworkAccess: ${wanted.publicNetworkAccess}
${acknowledge ? '    acknowledgeLockout: true\n' : ''}    firewall:
      defaultAction: ${wanted.defaultAction}
      bypass: ${wanted.bypass}
      ipRules: [${wanted.ipRules.join(', ')}]
`);
        const plan = buildPlan(
          desired,
          snapshot({
            vaults: [
              liveVault('kv-one', {
                publicNetworkAccess: live.publicNetworkAccess,
                networkAcls: {
                  defaultAction: live.defaultAction,
                  bypass: live.bypass,
                  ipRules: live.ipRules.map((value) => ({ value })),
                },
              }),
            ],
          }),
        );
        const vault = plan.vaults[0];
        if (!vault) return;
        expect(vault.net).toEqual(diffAccess(vault.before, vault.after));
        const shared = new Set(
          vault.before.open
            .map(pathKey)
            .filter((key) => vault.after.open.some((path) => pathKey(path) === key)),
        );
        for (const step of plan.steps)
          for (const effect of step.effects)
            for (const path of effect.lost) expect(shared.has(pathKey(path))).toBe(false);
        const counts = countPlan(plan);
        expect(counts.widening).toBe(vault.net.gained.length > 0 ? 1 : 0);
        expect(counts.narrowing).toBe(
          vault.net.lost.length + vault.net.possiblyLost.length > 0 ? 1 : 0,
        );
      }),
      { numRuns: 300 },
    );
  });
});
