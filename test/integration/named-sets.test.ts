// Named sets end to end, through the real SDK clients against the local ARM endpoint: a set
// defined in one file and granted by vaults in two files; the plan names each rule's set and
// shows every change to a set once with all the vaults it reaches (text, Markdown, JSON);
// apply converges; a later change to the set (an entry added, one deleted, one expired) is
// again one line per change with every vault.
import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/engine/apply/run-apply.js';
import { makePlan } from '../../src/engine/plan/make-plan.js';
import type { Plan } from '../../src/engine/plan/types.js';
import { renderJson } from '../../src/engine/render/json.js';
import { renderMarkdown } from '../../src/engine/render/markdown.js';
import { renderText } from '../../src/engine/render/text.js';
import { validateSpecSet, type SpecSource } from '../../src/engine/spec/validate.js';
import { resolveDesiredState, type DesiredState } from '../../src/engine/state/desired.js';
import { networkEstate, NET_RG, RG, SUB, subnetId, vault } from '../support/arm-state.js';
import { startHarness, type Harness } from '../support/kvnet-harness.js';

const TODAY = '2026-11-29';
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

function desiredFrom(sources: SpecSource[], today = TODAY): DesiredState {
  const result = validateSpecSet(sources, { today });
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) throw new Error(`test spec is invalid: ${JSON.stringify(errors)}`);
  return resolveDesiredState(result.files, today);
}

const header = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
`;

const setsFile = (officeEntries: string) => ({
  file: 'network/sets.yaml',
  text: `${header}ipSets:
  office-egress:
${officeEntries}    - set: vpn-egress
  vpn-egress:
    - address: 20.61.4.0/28
      note: VPN concentrator
subnetSets:
  app-subnets:
    - subnet: { vnet: vnet-apps, name: snet-orders, resourceGroup: ${NET_RG} }
vaults: []
`,
});

const vaultSpec = (name: string, ipRules: string[], vnetRules: string[] = []) =>
  `  - name: ${name}
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules:
${ipRules.map((rule) => `        - ${rule}\n`).join('')}${
    vnetRules.length > 0
      ? `      virtualNetworkRules:\n${vnetRules.map((rule) => `        - ${rule}\n`).join('')}`
      : ''
  }`;

const teamFiles: SpecSource[] = [
  {
    file: 'payments/prod.yaml',
    text: `${header}vaults:\n${vaultSpec('kv-sets-a', ['set: office-egress'], ['set: app-subnets'])}${vaultSpec('kv-sets-b', ['set: office-egress'], ['set: app-subnets'])}`,
  },
  {
    file: 'ledger/prod.yaml',
    // A plain entry that repeats a set's entry is the same rule.
    text: `${header}vaults:\n${vaultSpec('kv-sets-c', ['set: office-egress', '20.50.10.7'])}`,
  },
];

const firstOffice = `    - address: 20.50.10.7
      note: office NAT
    - 52.174.0.0/24
`;

function estate() {
  const acls = (ipRules: string[]) => ({
    defaultAction: 'Deny',
    bypass: 'AzureServices',
    ipRules: ipRules.map((value) => ({ value })),
    virtualNetworkRules: [],
  });
  return [
    ...networkEstate(),
    vault('kv-sets-a', { publicNetworkAccess: 'Enabled', networkAcls: acls(['20.50.10.7/32']) }),
    vault('kv-sets-b', { publicNetworkAccess: 'Enabled', networkAcls: acls([]) }),
    vault('kv-sets-c', {
      publicNetworkAccess: 'Enabled',
      networkAcls: acls(['52.174.0.0/24', '40.1.1.1/32']),
    }),
  ];
}

const setChangesOf = (plan: Plan) =>
  (plan.setChanges ?? []).map((change) => [
    change.op,
    change.kind,
    change.set,
    change.value,
    change.vaults.join(','),
    change.evidence,
  ]);

const count = (text: string, needle: string) => text.split(needle).length - 1;

async function applyAndConverge(desired: DesiredState): Promise<void> {
  if (!harness) throw new Error('no harness');
  const report = await applyPlan(desired, harness.reader, harness.writer, {
    allowDestructive: false,
    maxParallel: 4,
    backoffBaseMs: 5,
  });
  expect(
    report.outcome,
    JSON.stringify(report.results.map((r) => [r.step.id, r.status, r.message])),
  ).toBe('applied');
  const again = await makePlan(desired, harness.reader);
  expect(again.outcome).toBe('no-changes');
  expect(again.setChanges).toBeUndefined();
}

describe('named sets against the local ARM endpoint', () => {
  it('plans a set granted by three vaults in two files once per change, and apply converges', async () => {
    harness = await startHarness(estate());
    const desired = desiredFrom([setsFile(firstOffice), ...teamFiles]);
    const plan = await makePlan(desired, harness.reader);
    expect(plan.outcome, JSON.stringify(plan.findings)).toBe('changes');

    // Each change to a set once, with exactly the vaults whose rules change.
    expect(setChangesOf(plan)).toEqual([
      ['add', 'ipSet', 'office-egress', '20.50.10.7/32', 'kv-sets-b,kv-sets-c', 'spec'],
      ['add', 'ipSet', 'office-egress', '52.174.0.0/24', 'kv-sets-a,kv-sets-b', 'spec'],
      ['add', 'ipSet', 'vpn-egress', '20.61.4.0/28', 'kv-sets-a,kv-sets-b,kv-sets-c', 'spec'],
      [
        'add',
        'subnetSet',
        'app-subnets',
        subnetId('vnet-apps', 'snet-orders'),
        'kv-sets-a,kv-sets-b',
        'spec',
      ],
    ]);
    expect(plan.setChanges?.[0]?.reason).toEqual({
      code: 'ip-rule/annotated',
      params: { note: 'office NAT' },
    });

    // The steps name the set of each rule; the vault's own removal names none.
    const stepOf = (name: string, phase: 'open' | 'narrow') =>
      plan.steps.find(
        (step) => step.kind === 'vault' && step.resourceName === name && step.phase === phase,
      );
    expect(stepOf('kv-sets-c', 'open')?.changes).toEqual([
      {
        property: 'networkAcls.ipRules',
        op: 'add',
        after: '20.50.10.7/32',
        reason: { code: 'ip-rule/annotated', params: { note: 'office NAT' } },
        sets: ['office-egress'],
      },
      {
        property: 'networkAcls.ipRules',
        op: 'add',
        after: '20.61.4.0/28',
        reason: { code: 'ip-rule/annotated', params: { note: 'VPN concentrator' } },
        sets: ['vpn-egress'],
      },
    ]);
    expect(stepOf('kv-sets-c', 'narrow')?.changes).toEqual([
      { property: 'networkAcls.ipRules', op: 'remove', before: '40.1.1.1/32' },
    ]);
    expect(stepOf('kv-sets-a', 'open')?.changes).toContainEqual({
      property: 'networkAcls.virtualNetworkRules',
      op: 'add',
      after: subnetId('vnet-apps', 'snet-orders'),
      sets: ['app-subnets'],
    });
    // One service-endpoint step serves both vaults of the subnetSet.
    const subnetSteps = plan.steps.filter((step) => step.kind === 'subnet');
    expect(subnetSteps.map((step) => [...step.vaults].sort())).toEqual([
      ['kv-sets-a', 'kv-sets-b'],
    ]);

    // Text, Markdown and JSON show the set change once, and the step lines name the set.
    const line =
      '+ ipSet vpn-egress: 20.61.4.0/28 (VPN concentrator) → 3 vaults: kv-sets-a, kv-sets-b, kv-sets-c';
    const text = renderText(plan, { color: false });
    expect(count(text, 'Changes to named sets')).toBe(1);
    expect(count(text, line)).toBe(1);
    expect(text).toContain(
      '+   networkAcls.ipRules: 20.50.10.7/32   # ipSet office-egress: office NAT',
    );
    expect(text).toContain('-   networkAcls.ipRules: 40.1.1.1/32\n');
    expect(text).toContain(
      '+ subnetSet app-subnets: subnet vnet-apps/snet-orders → 2 vaults: kv-sets-a, kv-sets-b',
    );
    const markdown = renderMarkdown(plan);
    expect(count(markdown, '### Changes to named sets')).toBe(1);
    expect(count(markdown, line)).toBe(1);
    const json = JSON.parse(renderJson(plan)) as Plan;
    expect(json.schemaVersion).toBe(3);
    expect(json.setChanges).toEqual(plan.setChanges);

    // The plan reads only.
    const requests = await harness.requestsSince();
    expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);

    await applyAndConverge(desired);
    const live = await harness.http.request(
      'GET',
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-sets-c?api-version=2026-02-01`,
    );
    const acls = (live.body as { properties: { networkAcls: { ipRules: { value: string }[] } } })
      .properties.networkAcls;
    expect(acls.ipRules.map((rule) => rule.value).sort()).toEqual([
      '20.50.10.7/32',
      '20.61.4.0/28',
      '52.174.0.0/24',
    ]);
  });

  it('shows a later change to the set once with every vault: an entry added, one deleted, one expired', async () => {
    harness = await startHarness(estate());
    await applyAndConverge(desiredFrom([setsFile(firstOffice), ...teamFiles]));

    // The network team deletes 52.174.0.0/24, adds 20.50.12.0/28, and the VPN entry expires.
    const changed = setsFile(`    - address: 20.50.10.7
      note: office NAT
    - address: 20.50.12.0/28
      note: new office
`);
    changed.text = changed.text.replace(
      '      note: VPN concentrator\n',
      '      note: VPN concentrator\n      expires: 2026-11-28\n',
    );
    const desired = desiredFrom([changed, ...teamFiles]);
    const plan = await makePlan(desired, harness.reader);
    expect(plan.outcome, JSON.stringify(plan.findings)).toBe('changes');
    expect(setChangesOf(plan)).toEqual([
      [
        'remove',
        'ipSet',
        'office-egress',
        '52.174.0.0/24',
        'kv-sets-a,kv-sets-b,kv-sets-c',
        'every-user',
      ],
      ['add', 'ipSet', 'office-egress', '20.50.12.0/28', 'kv-sets-a,kv-sets-b,kv-sets-c', 'spec'],
      ['remove', 'ipSet', 'vpn-egress', '20.61.4.0/28', 'kv-sets-a,kv-sets-b,kv-sets-c', 'spec'],
    ]);
    expect(plan.setChanges?.[2]?.reason).toEqual({
      code: 'ip-rule/expired',
      params: { expires: '2026-11-28' },
    });
    const text = renderText(plan, { color: false });
    expect(
      count(
        text,
        '- ipSet vpn-egress: 20.61.4.0/28 (expired on 2026-11-28) → 3 vaults: kv-sets-a, kv-sets-b, kv-sets-c',
      ),
    ).toBe(1);
    expect(text).toContain(
      '- ipSet office-egress: 52.174.0.0/24 → 3 vaults: kv-sets-a, kv-sets-b, kv-sets-c [no longer in the spec; every vault using the set loses it]',
    );
    // Nine rule changes in the vaults' steps, three lines in the set section.
    const ruleChanges = plan.steps
      .filter((step) => step.kind === 'vault')
      .flatMap((step) => step.changes)
      .filter((change) => change.property === 'networkAcls.ipRules');
    expect(ruleChanges).toHaveLength(9);
    await applyAndConverge(desired);
  });

  it('a vault that stops using a set loses its rules, and no set change is claimed for one vault', async () => {
    harness = await startHarness(estate());
    await applyAndConverge(desiredFrom([setsFile(firstOffice), ...teamFiles]));
    const [payments, ledger] = teamFiles as [SpecSource, SpecSource];
    const withoutSet: SpecSource = {
      file: ledger.file,
      text: ledger.text.replace('        - set: office-egress\n', ''),
    };
    const plan = await makePlan(
      desiredFrom([setsFile(firstOffice), payments, withoutSet]),
      harness.reader,
    );
    expect(plan.outcome).toBe('changes');
    // kv-sets-c loses the set's rules but the set did not change: the other vaults keep them.
    expect(plan.setChanges).toBeUndefined();
    const removals = plan.steps
      .filter((step) => step.resourceName === 'kv-sets-c')
      .flatMap((step) => step.changes)
      .filter((change) => change.op === 'remove')
      .map((change) => change.before);
    expect(removals.sort()).toEqual(['20.61.4.0/28', '52.174.0.0/24']);
  });
});
