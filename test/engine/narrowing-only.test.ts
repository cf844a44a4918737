// The narrowing-only drift fix on InMemoryAzure: which steps it keeps (from the access model),
// what it leaves and why, that it never widens and never touches a vault with errors, and that
// the re-plan after it shows no narrowing left.
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/engine/apply/run-apply.js';
import { makePlan } from '../../src/engine/plan/make-plan.js';
import {
  narrowingOnlyPlanner,
  selectNarrowing,
  type NarrowingSelection,
} from '../../src/engine/plan/narrowing-only.js';
import { readLiveState } from '../../src/engine/state/read-live.js';
import { RG, SUB, vault, vaultId } from '../support/arm-state.js';
import { InMemoryAzure } from '../support/fakes/in-memory-azure.js';
import { liveFromArm } from '../support/fakes/live-from-arm.js';
import { desiredFrom } from '../support/plan-fixtures.js';
import { SCENARIOS } from '../integration/scenarios.js';

const header = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
  location: westeurope
vaults:
`;

const firewall = (name: string, rules: string, extra = '') => `  - name: ${name}
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      bypass: AzureServices
      ipRules:
${rules}${extra}`;

const liveVault = (name: string, ips: string[], defaultAction = 'Deny', bypass = 'AzureServices') =>
  vault(name, {
    publicNetworkAccess: 'Enabled',
    networkAcls: {
      defaultAction,
      bypass,
      ipRules: ips.map((value) => ({ value })),
      virtualNetworkRules: [],
    },
  });

const ipsOf = (fake: InMemoryAzure, name: string) =>
  fake
    .state()
    .vaults.find((candidate) => candidate.name === name)
    ?.network.ipRules.map((rule) => rule)
    .sort();

async function select(fake: InMemoryAzure, spec: string): Promise<NarrowingSelection> {
  const desired = desiredFrom(spec);
  return selectNarrowing(desired, await readLiveState(desired, fake, 4), {
    allowDestructive: false,
  });
}

async function fix(fake: InMemoryAzure, spec: string) {
  const seen: NarrowingSelection[] = [];
  const report = await applyPlan(desiredFrom(spec), fake, fake, {
    allowDestructive: false,
    maxParallel: 4,
    backoffBaseMs: 1,
    writesPerSecondPerSubscription: 0,
    planner: narrowingOnlyPlanner({ allowDestructive: false }, (selection) => seen.push(selection)),
  });
  return { report, seen };
}

describe('narrowing-only selection', () => {
  it('reverts out-of-band widening and removes expired rules, and converges', async () => {
    const spec = `${header}${firewall(
      'kv-a',
      `        - address: 20.50.10.7
        - address: 52.1.1.1
          expires: 2026-01-31
`,
    )}${firewall('kv-open', '        - address: 20.50.10.7\n')}`;
    const fake = new InMemoryAzure(
      liveFromArm([
        // 6.6.6.6 added by hand; 52.1.1.1 expired on 2026-01-31.
        liveVault('kv-a', ['20.50.10.7/32', '52.1.1.1/32', '6.6.6.6/32']),
        // Opened to every network by hand.
        liveVault('kv-open', ['20.50.10.7/32'], 'Allow'),
      ]),
    );
    const selection = await select(fake, spec);
    expect([...selection.fixed].sort()).toEqual(['kv-a', 'kv-open']);
    expect(selection.skipped).toEqual([]);
    for (const step of selection.plan.steps) {
      expect(step.impact).toBe('narrows');
      expect(step.effects.every((effect) => effect.gained.length === 0)).toBe(true);
    }
    const { report, seen } = await fix(fake, spec);
    expect(report.outcome).toBe('applied');
    expect(ipsOf(fake, 'kv-a')).toEqual(['20.50.10.7/32']);
    expect(fake.state().vaults.find((v) => v.name === 'kv-open')?.network.defaultAction).toBe(
      'Deny',
    );
    // The re-plan (the planner's last selection) has no narrowing left, and the full plan is empty.
    expect(seen.at(-1)?.plan.steps).toEqual([]);
    expect((await makePlan(desiredFrom(spec), fake)).outcome).toBe('no-changes');
  });

  it('never widens: a vault whose one PATCH both removes and adds rules is left whole and reported', async () => {
    const spec = `${header}${firewall(
      'kv-mixed',
      '        - address: 20.50.10.7\n        - address: 52.174.0.0/24\n',
    )}${firewall('kv-wider', '        - address: 20.50.10.7\n        - address: 52.180.3.3\n')}${firewall(
      'kv-narrow',
      '        - address: 20.50.10.7\n',
    )}`;
    const fake = new InMemoryAzure(
      liveFromArm([
        liveVault('kv-mixed', ['20.50.10.7/32', '6.6.6.6/32']),
        liveVault('kv-wider', ['20.50.10.7/32']),
        liveVault('kv-narrow', ['20.50.10.7/32', '6.6.6.6/32']),
      ]),
    );
    const selection = await select(fake, spec);
    expect(selection.fixed).toEqual(['kv-narrow']);
    // kv-mixed's plan opens first (adds 52.174.0.0/24), then narrows (drops 6.6.6.6) with a
    // PATCH that waits on the opening one: not independent, so the vault is left as it is.
    expect(
      selection.skipped.map((entry) => [
        entry.step.vaults.join(','),
        entry.step.phase,
        entry.reason,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['kv-mixed', 'open', 'widens'],
        ['kv-mixed', 'narrow', 'depends-on-skipped'],
        ['kv-wider', 'open', 'widens'],
      ]),
    );
    expect(selection.skipped).toHaveLength(3);
    const { report } = await fix(fake, spec);
    expect(report.outcome).toBe('applied');
    expect(ipsOf(fake, 'kv-narrow')).toEqual(['20.50.10.7/32']);
    expect(ipsOf(fake, 'kv-mixed')).toEqual(['20.50.10.7/32', '6.6.6.6/32']);
    expect(ipsOf(fake, 'kv-wider')).toEqual(['20.50.10.7/32']);
    expect(fake.writes().map((call) => call.target)).toEqual([vaultId('kv-narrow')]);
  });

  it('never touches a vault whose plan has errors', async () => {
    // kv-locked: the spec would leave it reachable by nobody (an error); it also drifted wider.
    const spec = `${header}${firewall('kv-ok', '        - address: 20.50.10.7\n')}  - name: kv-locked
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      bypass: None
      ipRules: []
`;
    const fake = new InMemoryAzure(
      liveFromArm([
        liveVault('kv-ok', ['20.50.10.7/32', '6.6.6.6/32']),
        liveVault('kv-locked', ['6.6.6.6/32']),
      ]),
    );
    const full = await makePlan(desiredFrom(spec), fake);
    expect(full.findings.filter((f) => f.level === 'error').map((f) => f.vault)).toContain(
      'kv-locked',
    );
    const selection = await select(fake, spec);
    expect(selection.vaultsWithErrors).toEqual(['kv-locked']);
    expect(selection.fixed).toEqual(['kv-ok']);
    expect(
      selection.skipped
        .filter((entry) => entry.step.vaults.includes('kv-locked'))
        .map((e) => e.reason),
    ).toEqual(['vault-has-errors']);
    const { report } = await fix(fake, spec);
    expect(report.outcome).toBe('applied');
    expect(fake.writes().map((call) => call.target)).toEqual([vaultId('kv-ok')]);
  });

  it('touches nothing when live state cannot be read', async () => {
    const spec = `${header}${firewall('kv-ok', '        - address: 20.50.10.7\n')}`;
    const fake = new InMemoryAzure(
      liveFromArm([liveVault('kv-ok', ['20.50.10.7/32', '6.6.6.6/32'])]),
    );
    fake.failReads(vaultId('kv-ok'), { httpStatus: 403, code: 'AuthorizationFailed' });
    const selection = await select(fake, spec);
    expect(selection.plan.steps).toEqual([]);
    expect(selection.full.outcome).toBe('error');
  });

  it('leaves destructive steps unless allowed, and steps that change nobody’s access', async () => {
    const byName = (part: string) => {
      const found = SCENARIOS.find((scenario) => scenario.name.includes(part));
      if (!found) throw new Error(`no scenario ${part}`);
      return found;
    };
    // Rejecting a Pending connection takes no open path away: not the narrowing fix's job.
    const intruded = byName('unknown connection from another tenant');
    const fake = new InMemoryAzure(liveFromArm(intruded.state()));
    expect((await select(fake, intruded.spec)).skipped.map((entry) => entry.reason)).toEqual([
      'no-access-change',
    ]);
    // Deleting a kvnet endpoint narrows but is destructive; and it waits on a widening step.
    const cleanup = byName('endpoint created by kvnet and removed from the spec');
    const desired = desiredFrom(cleanup.spec);
    const live = await readLiveState(desired, new InMemoryAzure(liveFromArm(cleanup.state())), 4);
    const reasons = (allowDestructive: boolean) =>
      selectNarrowing(desired, live, { allowDestructive }).skipped.map((entry) => [
        entry.step.kind,
        entry.reason,
      ]);
    expect(reasons(false)).toEqual([
      ['vault', 'widens'],
      ['privateEndpoint', 'destructive'],
    ]);
    expect(reasons(true)).toEqual([
      ['vault', 'widens'],
      ['privateEndpoint', 'depends-on-skipped'],
    ]);
  });
});
