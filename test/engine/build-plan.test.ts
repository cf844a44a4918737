import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { buildPlan } from '../../src/engine/plan/build-plan.js';
import {
  canonicalJson,
  canonicalTexts,
  changeSet,
  fingerprint,
  fingerprintOfTexts,
} from '../../src/engine/plan/fingerprint.js';
import { touchedVaults } from '../../src/engine/plan/steps-by-vault.js';
import type { Plan } from '../../src/engine/plan/types.js';
import { noteText } from '../../src/engine/render/messages.js';
import {
  desiredFrom,
  HEADER,
  liveVault,
  RG,
  snapshot,
  SUB,
  vaultId,
  vnet,
} from '../support/plan-fixtures.js';

const RG_ENDPOINTS = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/privateEndpoints`;
const VNET = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps`;

function firewallSpec(body: string, extra = ''): string {
  return `${HEADER}  - name: kv-one
    publicNetworkAccess: Enabled
    firewall:
${body}
${extra}`;
}

function changedProperties(plan: Plan): string[] {
  return plan.steps.flatMap((step) =>
    step.changes.map(
      (change) =>
        `${step.phase}:${change.op}:${change.property}:${String(change.after ?? change.before)}`,
    ),
  );
}

describe('buildPlan: normalisation gives no false diffs (AZURE-FACTS §1a, §6.1)', () => {
  it('a bare IP in the spec equals the /32 Azure stores', () => {
    const desired = desiredFrom(
      firewallSpec('      defaultAction: Deny\n      ipRules: [20.50.10.7]'),
    );
    const live = liveVault('kv-one', {
      networkAcls: {
        defaultAction: 'Deny',
        bypass: 'AzureServices',
        ipRules: [{ value: '20.50.10.7/32' }],
      },
    });
    const plan = buildPlan(desired, snapshot({ vaults: [live] }));
    expect(plan.outcome).toBe('no-changes');
    expect(plan.steps).toEqual([]);
  });

  it('a lower-cased subnet id from Azure equals the mixed-case id in the spec, and duplicates collapse', () => {
    const desired = desiredFrom(
      firewallSpec(`      defaultAction: Deny
      virtualNetworkRules:
        - subnet: { vnet: vnet-apps, name: snet-Orders, resourceGroup: rg-network }`),
    );
    const lower = `${VNET}/subnets/snet-Orders`.toLowerCase();
    const live = liveVault('kv-one', {
      publicNetworkAccess: 'enabled',
      networkAcls: {
        defaultAction: 'Deny',
        bypass: 'AzureServices',
        virtualNetworkRules: [{ id: lower }, { id: lower }],
      },
    });
    const plan = buildPlan(
      desired,
      snapshot({
        vaults: [live],
        virtualNetworks: [vnet(VNET, [{ name: 'snet-Orders', endpoints: ['Microsoft.KeyVault'] }])],
      }),
    );
    expect(plan.outcome).toBe('no-changes');
  });

  it('an absent networkAcls reads as Azure defaults and shows them as defaults', () => {
    const allow = desiredFrom(firewallSpec('      defaultAction: Allow'));
    expect(buildPlan(allow, snapshot({ vaults: [liveVault('kv-one', {})] })).outcome).toBe(
      'no-changes',
    );
    const deny = desiredFrom(firewallSpec('      defaultAction: Deny'));
    const plan = buildPlan(deny, snapshot({ vaults: [liveVault('kv-one', {})] }));
    const change = plan.steps[0]?.changes[0];
    expect(change).toMatchObject({
      property: 'networkAcls.defaultAction',
      before: 'Allow',
      after: 'Deny',
      beforeIsDefault: true,
    });
    // Everyone could connect (Azure's default Allow); after, only trusted services can.
    expect(plan.steps[0]?.impact).toBe('narrows');
    expect(plan.vaults[0]?.net).toEqual({
      gained: [],
      lost: [{ kind: 'public-all' }],
      possiblyLost: [],
    });
  });
});

describe('buildPlan: access-safe order', () => {
  it('splits a vault change into an opening PATCH (adds) and a narrowing PATCH (removals) that depends on it', () => {
    const desired = desiredFrom(
      firewallSpec('      defaultAction: Deny\n      ipRules: [20.50.10.7]'),
    );
    const live = liveVault('kv-one', {
      networkAcls: {
        defaultAction: 'Deny',
        bypass: 'AzureServices',
        ipRules: [{ value: '52.1.1.1/32' }],
      },
    });
    const plan = buildPlan(desired, snapshot({ vaults: [live] }));
    expect(plan.steps.map((step) => step.id)).toEqual([
      `vault:${vaultId('kv-one').toLowerCase()}:open`,
      `vault:${vaultId('kv-one').toLowerCase()}:narrow`,
    ]);
    expect(changedProperties(plan)).toEqual([
      'open:add:networkAcls.ipRules:20.50.10.7/32',
      'narrow:remove:networkAcls.ipRules:52.1.1.1/32',
    ]);
    expect(plan.steps[1]?.dependsOn).toContain(plan.steps[0]?.id);
    const openPayload = plan.steps[0]?.payload;
    expect(openPayload?.kind === 'vault' && openPayload.network.networkAcls.ipRules).toEqual([
      '20.50.10.7/32',
      '52.1.1.1/32',
    ]);
  });

  it('adds the Microsoft.KeyVault service endpoint before the VNet rule that needs it', () => {
    const desired = desiredFrom(
      firewallSpec(`      defaultAction: Deny
      virtualNetworkRules:
        - subnet: { vnet: vnet-apps, name: snet-orders, resourceGroup: rg-network }`),
    );
    const live = liveVault('kv-one', { networkAcls: { defaultAction: 'Deny' } });
    const plan = buildPlan(
      desired,
      snapshot({
        vaults: [live],
        virtualNetworks: [vnet(VNET, [{ name: 'snet-orders', endpoints: ['Microsoft.Storage'] }])],
      }),
    );
    expect(plan.steps.map((step) => step.kind)).toEqual(['subnet', 'vault']);
    expect(plan.steps[1]?.dependsOn).toContain(plan.steps[0]?.id);
    expect(plan.steps[0]?.changes).toEqual([
      { property: 'serviceEndpoints', op: 'add', after: 'Microsoft.KeyVault' },
    ]);
    // The endpoint the plan adds makes the rule effective: reachable after, not dead config.
    expect(plan.vaults[0]?.after.open).toContainEqual({
      kind: 'subnet',
      subnetId: `${VNET}/subnets/snet-orders`,
    });
    expect(plan.vaults[0]?.after.inactive).toEqual([]);
  });

  it('names a VNet rule on a subnet without the endpoint as dead config when kvnet may not add it', () => {
    // The VNet is read for the ensured rule; the ignored one is then checked on the way.
    const desired = desiredFrom(
      firewallSpec(`      defaultAction: Deny
      virtualNetworkRules:
        - subnet: { vnet: vnet-apps, name: snet-ready, resourceGroup: rg-network }
        - subnet: { vnet: vnet-apps, name: snet-orders, resourceGroup: rg-network }
          serviceEndpoint: ignore`),
    );
    const live = liveVault('kv-one', {
      networkAcls: {
        defaultAction: 'Deny',
        virtualNetworkRules: [
          { id: `${VNET}/subnets/snet-ready` },
          { id: `${VNET}/subnets/snet-orders` },
        ],
      },
    });
    const network = vnet(VNET, [
      { name: 'snet-ready', endpoints: ['Microsoft.KeyVault'] },
      { name: 'snet-orders' },
    ]);
    const plan = buildPlan(desired, snapshot({ vaults: [live], virtualNetworks: [network] }));
    expect(plan.outcome).toBe('no-changes');
    const after = plan.vaults[0]?.after;
    expect(after?.open.filter((path) => path.kind === 'subnet')).toEqual([
      { kind: 'subnet', subnetId: `${VNET}/subnets/snet-ready` },
    ]);
    expect(after?.inactive).toEqual([
      {
        path: { kind: 'subnet', subnetId: `${VNET}/subnets/snet-orders` },
        reason: { code: 'subnet-without-service-endpoint', params: {} },
      },
    ]);
    expect(plan.findings.map((finding) => finding.rule)).toContain('vnet-rule/no-effect');
  });

  it('removes an expired IP rule with the reason, in the narrowing step', () => {
    const desired = desiredFrom(
      firewallSpec(`      defaultAction: Deny
      ipRules:
        - { address: 20.50.10.7, expires: 2026-11-01 }
        - 52.1.1.1`),
    );
    const live = liveVault('kv-one', {
      networkAcls: {
        defaultAction: 'Deny',
        ipRules: [{ value: '20.50.10.7/32' }, { value: '52.1.1.1/32' }],
      },
    });
    const plan = buildPlan(desired, snapshot({ vaults: [live] }));
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]?.changes).toEqual([
      {
        property: 'networkAcls.ipRules',
        op: 'remove',
        before: '20.50.10.7/32',
        reason: { code: 'ip-rule/expired', params: { expires: '2026-11-01' } },
      },
    ]);
  });
});

describe('buildPlan: never "no changes" after a failed read', () => {
  it('turns a 403 into an error outcome that names the resource and the role', () => {
    const desired = desiredFrom(firewallSpec('      defaultAction: Deny'));
    const plan = buildPlan(
      desired,
      snapshot({
        vaults: [
          {
            id: vaultId('kv-one'),
            outcome: {
              status: 'error',
              error: {
                resourceId: vaultId('kv-one'),
                httpStatus: 403,
                code: 'AuthorizationFailed',
                message: 'denied',
                roleHint: 'Reader',
              },
            },
          },
        ],
      }),
    );
    expect(plan.outcome).toBe('error');
    expect(plan.steps).toEqual([]);
    expect(plan.readErrors[0]).toMatchObject({ resourceId: vaultId('kv-one'), roleHint: 'Reader' });
  });

  it('reports a vault that does not exist as an error', () => {
    const plan = buildPlan(desiredFrom(firewallSpec('      defaultAction: Deny')), snapshot({}));
    expect(plan.outcome).toBe('error');
    expect(plan.findings.map((finding) => finding.rule)).toEqual(['vault/missing']);
  });
});

describe('buildPlan: lockout and blocked narrowing', () => {
  it('blocks disabling public access when no private endpoint chain exists', () => {
    const desired = desiredFrom(`${HEADER}  - name: kv-one
    publicNetworkAccess: Disabled
    firewall: { defaultAction: Deny }
`);
    const plan = buildPlan(
      desired,
      snapshot({ vaults: [liveVault('kv-one', { networkAcls: { defaultAction: 'Deny' } })] }),
    );
    const narrow = plan.steps.find((step) => step.phase === 'narrow');
    expect(narrow?.flags.blocked).toBe(true);
    expect(narrow?.notes.map(noteText).join(' ')).toContain(
      'a private endpoint (none is declared)',
    );
  });

  it('flags a configuration nobody can reach as a lockout error unless acknowledged', () => {
    const spec = (ack: string) => `${HEADER}  - name: kv-one
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, bypass: None }
${ack}`;
    const live = liveVault('kv-one', {
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
    });
    const plan = buildPlan(desiredFrom(spec('')), snapshot({ vaults: [live] }));
    expect(plan.outcome).toBe('error');
    expect(plan.findings.find((finding) => finding.rule === 'lockout')?.level).toBe('error');
    const acknowledged = buildPlan(
      desiredFrom(spec('    acknowledgeLockout: true')),
      snapshot({ vaults: [live] }),
    );
    expect(acknowledged.outcome).toBe('changes');
    expect(acknowledged.steps[0]?.flags.lockout).toBe(true);
  });
});

describe('buildPlan: private endpoints', () => {
  const SPEC = `${HEADER}  - name: kv-one
    publicNetworkAccess: Disabled
    firewall: { defaultAction: Deny }
    privateEndpoints:
      - name: pe-kv-one
        subnet: { vnet: vnet-apps, name: snet-pe, resourceGroup: rg-network }
        connectionName: kv-one-connection
        dns:
          zone: privatelink.vaultcore.azure.net
          links: [{ vnet: vnet-apps, name: link-apps, resourceGroup: rg-network }]
          zoneGroup: default
    privateEndpointConnections: { unmanaged: reject }
`;

  it('opens zone → link → endpoint → zone group before disabling public access', () => {
    const plan = buildPlan(
      desiredFrom(SPEC),
      snapshot({
        vaults: [liveVault('kv-one', { networkAcls: { defaultAction: 'Deny' } })],
        virtualNetworks: [vnet(VNET, [{ name: 'snet-pe' }])],
        privateEndpoints: [{ sub: SUB, rg: RG, endpoints: [] }],
      }),
    );
    expect(plan.outcome).toBe('changes');
    expect(plan.steps.map((step) => `${step.kind}:${step.action}`)).toEqual([
      'dnsZone:create',
      'virtualNetworkLink:create',
      'privateEndpoint:create',
      'zoneGroup:create',
      'vault:update',
    ]);
    const narrow = plan.steps[4];
    expect(narrow?.flags.blocked).toBe(false);
    expect(narrow?.dependsOn).toEqual(
      expect.arrayContaining(plan.steps.slice(0, 4).map((step) => step.id)),
    );
    const after = plan.vaults[0]?.after;
    expect(after?.open.filter((path) => path.kind === 'private-endpoint')).toEqual([
      { kind: 'private-endpoint', endpointId: `${RG_ENDPOINTS}/pe-kv-one`, name: 'pe-kv-one' },
    ]);
    expect(
      after?.open.some((path) => ['public-all', 'ip-range', 'subnet'].includes(path.kind)),
    ).toBe(false);
  });

  it('rejects an unknown connection (destructive) and never approves it', () => {
    const foreignEndpoint =
      '/subscriptions/99999999-9999-9999-9999-999999999999/resourceGroups/other/providers/Microsoft.Network/privateEndpoints/intruder';
    const live = liveVault(
      'kv-one',
      { publicNetworkAccess: 'Disabled', networkAcls: { defaultAction: 'Deny' } },
      [
        {
          id: `${vaultId('kv-one')}/privateEndpointConnections/intruder-conn`,
          name: 'intruder-conn',
          privateEndpointId: foreignEndpoint,
          status: 'Pending',
          description: '',
        },
      ],
    );
    const plan = buildPlan(
      desiredFrom(SPEC),
      snapshot({
        vaults: [live],
        virtualNetworks: [vnet(VNET, [{ name: 'snet-pe' }])],
        privateEndpoints: [{ sub: SUB, rg: RG, endpoints: [] }],
      }),
    );
    const reject = plan.steps.find((step) => step.kind === 'connection');
    expect(reject).toMatchObject({ phase: 'narrow', flags: { destructive: true } });
    expect(reject?.payload).toMatchObject({
      status: 'Rejected',
      privateEndpointId: foreignEndpoint,
    });
    expect(
      plan.steps.some(
        (step) => step.payload.kind === 'connection' && step.payload.status === 'Approved',
      ),
    ).toBe(false);
  });
});

describe('fingerprint', () => {
  it('is stable for the same inputs and moves when the live state moves', () => {
    const desired = desiredFrom(
      firewallSpec('      defaultAction: Deny\n      ipRules: [20.50.10.7]'),
    );
    const live = (ip: string) =>
      liveVault('kv-one', { networkAcls: { defaultAction: 'Deny', ipRules: [{ value: ip }] } });
    const a = buildPlan(desired, snapshot({ vaults: [live('52.1.1.1')] }));
    const b = buildPlan(desired, snapshot({ vaults: [live('52.1.1.1')] }));
    const c = buildPlan(desired, snapshot({ vaults: [live('52.1.1.2')] }));
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
    expect(a.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('per-vault basis', () => {
  it("hashes each vault's canonical change set and live pairs, shared steps included", () => {
    const desired = desiredFrom(
      firewallSpec(`      defaultAction: Deny
      ipRules: [20.50.10.7]
      virtualNetworkRules:
        - subnet: { vnet: vnet-apps, name: snet-orders, resourceGroup: rg-network }`),
    );
    const plan = buildPlan(
      desired,
      snapshot({
        vaults: [liveVault('kv-one', { networkAcls: { defaultAction: 'Allow' } })],
        virtualNetworks: [vnet(VNET, [{ name: 'snet-orders', endpoints: [] }])],
      }),
    );
    const sha = (value: unknown) =>
      `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
    const basis = plan.basis?.vaults['kv-one'];
    const own = plan.steps.filter((step) => touchedVaults(step).includes('kv-one'));
    expect(own.map((step) => step.kind)).toEqual(['subnet', 'vault', 'vault']);
    // The definition, written out the slow way: the fast path must give the same hashes.
    expect(basis?.steps).toBe(sha(changeSet(own)));
    expect(basis?.live).toBe(
      sha(basis?.resources.map((resource) => [resource, plan.basis?.resources[resource] ?? null])),
    );
    // The plan's fingerprint is joined from the same texts: equal to its definition.
    const liveBasis = {
      'vault:/b': { network: { ipRules: ['20.50.10.7/32'], x: [1, undefined] }, none: null },
      'subnet:/a': ['microsoft.keyvault'],
      Zeta: 'text',
      é: 1,
      absent: null,
    };
    expect(fingerprintOfTexts(plan.steps, canonicalTexts(plan.steps, liveBasis))).toBe(
      fingerprint(plan.steps, liveBasis),
    );
  });
});

describe('best-practice findings', () => {
  it('reports Azure Policy built-ins as warnings, and honours disableFindings per vault and per file', () => {
    const live = liveVault('kv-one', { networkAcls: { defaultAction: 'Allow' } });
    const rules = (spec: string) =>
      buildPlan(desiredFrom(spec), snapshot({ vaults: [live] })).findings.map(
        (finding) => finding.rule,
      );
    expect(rules(firewallSpec('      defaultAction: Allow'))).toEqual([
      'policy/firewall',
      'policy/public-network-access',
      'policy/private-link',
    ]);
    expect(
      rules(
        firewallSpec('      defaultAction: Allow', '    disableFindings: [policy/private-link]'),
      ),
    ).toEqual(['policy/firewall', 'policy/public-network-access']);
    const fileWide = firewallSpec('      defaultAction: Allow').replace(
      '  location: westeurope\n',
      '  location: westeurope\n  disableFindings: [policy/firewall, policy/public-network-access]\n',
    );
    expect(rules(fileWide)).toEqual(['policy/private-link']);
    expect(
      buildPlan(
        desiredFrom(firewallSpec('      defaultAction: Allow')),
        snapshot({ vaults: [live] }),
      ).outcome,
    ).toBe('no-changes');
  });
});
