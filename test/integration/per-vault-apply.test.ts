// The reviewed basis per vault (issue 12), through the real SDK clients against the local ARM
// endpoint: disjoint changes reviewed on the same state both apply; a vault whose live state
// moved is refused while another vault of the same merge is applied; a vault that shares a
// subnet step with a refused vault is refused too; all-or-nothing keeps the old behaviour; an
// expiry announced in the reviewed plan does not make it stale.
import { afterEach, describe, expect, it } from 'vitest';
import { NET_RG, RG, SUB, subnetId, vault, vnet } from '../support/arm-state.js';
import { startHarness, type Harness } from '../support/kvnet-harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const OPEN = {
  defaultAction: 'Allow',
  bypass: 'AzureServices',
  ipRules: [],
  virtualNetworkRules: [],
};
const estate = () => [
  vault('kv-a', { publicNetworkAccess: 'Enabled', networkAcls: OPEN }),
  vault('kv-b', { publicNetworkAccess: 'Enabled', networkAcls: OPEN }),
  vnet('vnet-app', '10.20.0.0/16', [{ name: 'snet-app', prefix: '10.20.1.0/24' }]),
];

function vaultYaml(name: string, ips: string[], extra = ''): string {
  return `  - name: ${name}
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: ${ips.length > 0 || extra ? 'Deny' : 'Allow'}
      ipRules: [${ips.join(', ')}]
${extra}`;
}

const spec = (...vaults: string[]) => `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
  location: westeurope
vaults:
${vaults.join('')}`;

const subnetRule = `      virtualNetworkRules:
        - subnet: { vnet: vnet-app, name: snet-app, resourceGroup: ${NET_RG} }
`;

async function acls(name: string) {
  const body = (await harness?.http.state())?.find((entry) => entry.name === name) as {
    properties: { networkAcls: { defaultAction: string; ipRules: { value: string }[] } };
  };
  return body.properties.networkAcls;
}

async function vaultWrites(mark: number, name: string) {
  return ((await harness?.requestsSince(mark)) ?? []).filter(
    (request) => request.method !== 'GET' && request.path.endsWith(`/vaults/${name}`),
  );
}

describe('apply per vault against reviewed plans', () => {
  it('two pull requests planned on the same state, touching different vaults, are both applied', async () => {
    harness = await startHarness(estate());
    const main = spec(vaultYaml('kv-a', []), vaultYaml('kv-b', []));
    const prA = spec(vaultYaml('kv-a', ['20.50.10.7']), vaultYaml('kv-b', []));
    const prB = spec(vaultYaml('kv-a', []), vaultYaml('kv-b', ['20.60.0.0/24']));
    expect((await harness.plan(main)).outcome).toBe('no-changes');
    const reviewedA = await harness.plan(prA);
    const reviewedB = await harness.plan(prB);
    // A merges and is applied.
    const first = await harness.apply(prA, { reviewedPlan: reviewedA });
    expect(first.outcome).toBe('applied');
    // B merges on top of A: main now holds both; B's vault still stands on what B reviewed.
    const both = spec(vaultYaml('kv-a', ['20.50.10.7']), vaultYaml('kv-b', ['20.60.0.0/24']));
    const second = await harness.apply(both, { reviewedPlan: reviewedB });
    expect(second.outcome, second.messages.join('\n')).toBe('applied');
    expect((await acls('kv-b')).ipRules).toEqual([{ value: '20.60.0.0/24' }]);
    expect((await acls('kv-a')).ipRules).toEqual([{ value: '20.50.10.7/32' }]);
  });

  it('refuses the vault whose live state moved, naming it and the field, and applies the other', async () => {
    harness = await startHarness(estate());
    const merged = spec(vaultYaml('kv-a', ['20.50.10.7']), vaultYaml('kv-b', ['20.60.0.0/24']));
    const reviewed = await harness.plan(merged);
    // Someone changes kv-b in the portal after the review.
    await harness.http.reset([
      vault('kv-a', { publicNetworkAccess: 'Enabled', networkAcls: OPEN }),
      vault('kv-b', {
        publicNetworkAccess: 'Enabled',
        networkAcls: { ...OPEN, bypass: 'None' },
      }),
      vnet('vnet-app', '10.20.0.0/16', [{ name: 'snet-app', prefix: '10.20.1.0/24' }]),
    ]);
    const mark = await harness.mark();
    const report = await harness.apply(merged, { reviewedPlan: reviewed });
    expect(report.outcome).toBe('partial');
    expect(report.refusedVaults?.map((refusal) => refusal.vault)).toEqual(['kv-b']);
    const text = report.messages.join('\n');
    expect(text).toContain('vault kv-b: refused');
    expect(text).toContain('networkAcls.bypass');
    expect(await vaultWrites(mark, 'kv-b')).toEqual([]);
    expect((await vaultWrites(mark, 'kv-a')).length).toBeGreaterThan(0);
    expect(await acls('kv-a')).toMatchObject({ defaultAction: 'Deny' });
    expect(await acls('kv-b')).toMatchObject({ defaultAction: 'Allow', ipRules: [] });
  });

  it('all-or-nothing refuses every vault when one moved', async () => {
    harness = await startHarness(estate());
    const merged = spec(vaultYaml('kv-a', ['20.50.10.7']), vaultYaml('kv-b', ['20.60.0.0/24']));
    const reviewed = await harness.plan(merged);
    await harness.http.reset([
      vault('kv-a', { publicNetworkAccess: 'Enabled', networkAcls: OPEN }),
      vault('kv-b', { publicNetworkAccess: 'Enabled', networkAcls: { ...OPEN, bypass: 'None' } }),
      vnet('vnet-app', '10.20.0.0/16', [{ name: 'snet-app', prefix: '10.20.1.0/24' }]),
    ]);
    const mark = await harness.mark();
    const report = await harness.apply(merged, {
      reviewedPlan: reviewed,
      onPlanMismatch: 'all-or-nothing',
    });
    expect(report.outcome).toBe('refused');
    expect(report.messages.join('\n')).toContain('all-or-nothing');
    expect(((await harness.requestsSince(mark)) ?? []).filter((r) => r.method !== 'GET')).toEqual(
      [],
    );
  });

  it('a vault sharing a subnet step with a refused vault is refused too, and the subnet is not written', async () => {
    harness = await startHarness(estate());
    const merged = spec(
      vaultYaml('kv-a', ['20.50.10.7'], subnetRule),
      vaultYaml('kv-b', ['20.60.0.0/24'], subnetRule),
    );
    const reviewed = await harness.plan(merged);
    const subnetStep = reviewed.steps.find((step) => step.kind === 'subnet');
    expect(subnetStep?.vaults).toEqual(expect.arrayContaining(['kv-a', 'kv-b']));
    await harness.http.reset([
      vault('kv-a', { publicNetworkAccess: 'Enabled', networkAcls: OPEN }),
      vault('kv-b', { publicNetworkAccess: 'Enabled', networkAcls: { ...OPEN, bypass: 'None' } }),
      vnet('vnet-app', '10.20.0.0/16', [{ name: 'snet-app', prefix: '10.20.1.0/24' }]),
    ]);
    const mark = await harness.mark();
    const report = await harness.apply(merged, { reviewedPlan: reviewed });
    expect(report.outcome).toBe('refused');
    const text = report.messages.join('\n');
    expect(text).toContain('vault kv-b: refused');
    expect(text).toMatch(
      /vault kv-a: refused[\s\S]*shares the step "update subnet vnet-app\/snet-app" with vault kv-b/,
    );
    expect(((await harness.requestsSince(mark)) ?? []).filter((r) => r.method !== 'GET')).toEqual(
      [],
    );
    expect(subnetId('vnet-app', 'snet-app')).toContain('snet-app');
  });

  it('an expiry announced in the reviewed plan passes before the merge: the removal is applied, the plan is not stale', async () => {
    harness = await startHarness(
      [
        vault('kv-a', {
          publicNetworkAccess: 'Enabled',
          networkAcls: { ...OPEN, defaultAction: 'Deny', ipRules: [{ value: '198.51.100.9/32' }] },
        }),
        vault('kv-b', { publicNetworkAccess: 'Enabled', networkAcls: OPEN }),
      ],
      '2026-11-29',
    );
    const merged = spec(
      `  - name: kv-a
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules:
        - address: 198.51.100.9
          expires: 2026-11-30
        - 20.50.10.7
`,
      vaultYaml('kv-b', ['20.60.0.0/24']),
    );
    const reviewed = await harness.plan(merged);
    expect(reviewed.findings.some((finding) => finding.rule === 'ip/expires-soon')).toBe(true);
    await harness.stop();
    // The merge happens two days later: the rule has expired.
    const later = await startHarness(
      [
        vault('kv-a', {
          publicNetworkAccess: 'Enabled',
          networkAcls: { ...OPEN, defaultAction: 'Deny', ipRules: [{ value: '198.51.100.9/32' }] },
        }),
        vault('kv-b', { publicNetworkAccess: 'Enabled', networkAcls: OPEN }),
      ],
      '2026-12-01',
    );
    harness = later;
    const report = await later.apply(merged, { reviewedPlan: reviewed });
    expect(report.outcome, report.messages.join('\n')).toBe('applied');
    expect(report.messages.join('\n')).toContain(
      '198.51.100.9/32 expired as the reviewed plan announced',
    );
    expect((await acls('kv-a')).ipRules).toEqual([{ value: '20.50.10.7/32' }]);

    // A change nobody reviewed on the same vault is still refused.
    await later.http.reset([
      vault('kv-a', {
        publicNetworkAccess: 'Enabled',
        networkAcls: { ...OPEN, defaultAction: 'Deny', ipRules: [{ value: '198.51.100.9/32' }] },
      }),
      vault('kv-b', { publicNetworkAccess: 'Enabled', networkAcls: OPEN }),
    ]);
    const moved = spec(
      `  - name: kv-a
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules:
        - address: 198.51.100.9
          expires: 2026-11-30
        - 20.50.10.8
`,
      vaultYaml('kv-b', ['20.60.0.0/24']),
    );
    const refused = await later.apply(moved, { reviewedPlan: reviewed });
    expect(refused.refusedVaults?.map((refusal) => refusal.vault)).toEqual(['kv-a']);
  });
});
