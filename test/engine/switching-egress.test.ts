// The public-egress claim of switching subnets, held once per vault and once per step: with V
// vaults that admit public addresses and S subnets the plan switches to the Key Vault service
// endpoint, the plan carries V + S egress paths, not V × S (access.ts, simulate.ts).
import { describe, expect, it } from 'vitest';
import { diffAccess, type AccessPath, type VaultAccess } from '../../src/engine/analysis/access.js';
import { key } from '../../src/engine/analysis/world.js';
import { buildPlan } from '../../src/engine/plan/build-plan.js';
import { LiveLookup } from '../../src/engine/plan/live-lookup.js';
import { selectNarrowing } from '../../src/engine/plan/narrowing-only.js';
import { simulate } from '../../src/engine/plan/simulate.js';
import { touchedVaults } from '../../src/engine/plan/steps-by-vault.js';
import type { Plan, VaultPlan } from '../../src/engine/plan/types.js';
import { liveWorld } from '../../src/engine/plan/world-of.js';
import {
  parsePlanJson,
  planJson,
  renderJson,
  renderJsonChunks,
} from '../../src/engine/render/json.js';
import { pathText } from '../../src/engine/render/messages.js';
import { stepLines } from '../../src/engine/render/plan-lines.js';
import { desiredFrom, HEADER, liveVault, snapshot, SUB, vnet } from '../support/plan-fixtures.js';

const VNET = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps`;
const SUBNETS = 40;
const BYSTANDERS = 300;
const subnetName = (index: number) => `snet-${index}`;
const subnetId = (index: number) => `${VNET}/subnets/${subnetName(index)}`;
const rule = (index: number) =>
  `{ subnet: { vnet: vnet-apps, name: ${subnetName(index)}, resourceGroup: rg-network } }`;

/**
 * `owner-i` wants a VNet rule on snet-i (so the plan switches it); `kv-i` admits public
 * addresses and names no subnet; `kv-ruled` admits them too and already has a (dead) VNet rule
 * on snet-0; `kv-lock` asks to disable public access with no private path (blocked).
 */
function estate(options: { lock?: boolean } = {}) {
  const owners = Array.from(
    { length: SUBNETS },
    (_, index) => `  - name: owner-${index}
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, virtualNetworkRules: [${rule(index)}] }
`,
  );
  const bystanders = Array.from(
    { length: BYSTANDERS },
    (_, index) => `  - name: kv-${index}
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
`,
  );
  const ruled = `  - name: kv-ruled
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7], virtualNetworkRules: [${rule(0)}] }
`;
  const lock = `  - name: kv-lock
    publicNetworkAccess: Disabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
`;
  const desired = desiredFrom(
    `${HEADER}${[...owners, ...bystanders, ruled, ...(options.lock ? [lock] : [])].join('')}`,
  );
  const withIp = { defaultAction: 'Deny', ipRules: [{ value: '20.50.10.7/32' }] };
  const live = snapshot({
    vaults: [
      ...Array.from({ length: SUBNETS }, (_, index) =>
        liveVault(`owner-${index}`, { networkAcls: { defaultAction: 'Deny' } }),
      ),
      ...Array.from({ length: BYSTANDERS }, (_, index) =>
        liveVault(`kv-${index}`, { networkAcls: withIp }),
      ),
      liveVault('kv-ruled', {
        networkAcls: { ...withIp, virtualNetworkRules: [{ id: subnetId(0) }] },
      }),
      ...(options.lock ? [liveVault('kv-lock', { networkAcls: withIp })] : []),
    ],
    virtualNetworks: [
      vnet(
        VNET,
        Array.from({ length: SUBNETS }, (_, index) => ({ name: subnetName(index) })),
      ),
    ],
  });
  return { desired, live };
}

const vaultOf = (plan: Plan, name: string): VaultPlan => {
  const vault = plan.vaults.find((candidate) => candidate.name === name);
  if (!vault) throw new Error(`no vault ${name}`);
  return vault;
};

/** The subnet ids of each egress path, sorted (the plan lists them in step order). */
const egressIds = (paths: readonly AccessPath[]) =>
  paths.flatMap((path) =>
    path.kind === 'switching-subnets-egress' ? [[...path.subnetIds].sort()] : [],
  );
const sharedIds = (access: VaultAccess) =>
  access.unknown.flatMap((entry) =>
    entry.path.kind === 'switching-subnets-egress' ? [entry.path.subnetIds] : [],
  );

describe('switching subnets: the public-egress claim in O(vaults + subnets)', () => {
  const { desired, live } = estate();
  const plan = buildPlan(desired, live);
  const subnetSteps = plan.steps.filter((step) => step.kind === 'subnet');

  it('gives each bystander one aggregate unknown and one possible loss, sharing one array', () => {
    expect(subnetSteps).toHaveLength(SUBNETS);
    const all = Array.from({ length: SUBNETS }, (_, index) => subnetId(index)).sort();
    const first = vaultOf(plan, 'kv-0');
    const second = vaultOf(plan, 'kv-299');
    for (const vault of [first, second]) {
      expect(egressIds(vault.before.unknown.map((entry) => entry.path))).toEqual([all]);
      expect(egressIds(vault.after.unknown.map((entry) => entry.path))).toEqual([]);
      expect(vault.net.possiblyLost).toHaveLength(1);
      expect(egressIds(vault.net.possiblyLost)).toEqual([all]);
      expect(vault.impact).toBe('narrows');
    }
    const [firstIds] = sharedIds(first.before);
    expect(firstIds).toBeDefined();
    expect(firstIds).toBe(sharedIds(second.before)[0]);
    expect(first.net.possiblyLost[0]).toBe(second.net.possiblyLost[0]);
  });

  it('counts the bystanders on each subnet step, which touches only its own vaults', () => {
    for (const [index, step] of subnetSteps.entries()) {
      const owner = step.vaults[0] ?? '';
      // Every kv-i, and kv-ruled for every subnet but snet-0 (its VNet rule names that one).
      const expected = BYSTANDERS + (step.resourceId === subnetId(0) ? 0 : 1);
      expect(step.bystanders?.count, `step ${index}`).toBe(expected);
      expect(egressIds([step.bystanders?.possiblyLost ?? { kind: 'public-all' }])).toEqual([
        [step.resourceId],
      ]);
      // The owners' VNet rules come with their vault steps, later: the step narrows, and
      // widens only snet-0's (kv-ruled's dead rule comes alive).
      expect(step.impact).toBe(step.resourceId === subnetId(0) ? 'both' : 'narrows');
      expect(touchedVaults(step).sort()).toEqual(
        step.resourceId === subnetId(0) ? [owner, 'kv-ruled'].sort() : [owner],
      );
    }
    expect(Object.keys(plan.basis?.vaults ?? {})).toHaveLength(SUBNETS + BYSTANDERS + 1);
    expect(plan.basis?.vaults['kv-0']?.resources).toHaveLength(1);
  });

  it('renders a step once for all its bystanders, naming a few subnets of a vault', () => {
    const lines = stepLines(subnetSteps[1] ?? subnetSteps[0]!);
    expect(lines.filter((line) => line.includes('may lose'))).toEqual([
      `    ${BYSTANDERS + 1} vaults that admit public addresses: − may lose clients of subnet vnet-apps/${subnetName(1)}, switched to the Key Vault service endpoint, from their public address`,
    ]);
    const lost = vaultOf(plan, 'kv-0').net.possiblyLost[0];
    const named = lost?.kind === 'switching-subnets-egress' ? lost.subnetIds.slice(0, 3) : [];
    expect(named).toHaveLength(3);
    expect(pathText(lost ?? { kind: 'public-all' })).toBe(
      `clients of subnets ${named.map((id) => `vnet-apps/${id.split('/').pop() ?? ''}`).join(', ')} and ${SUBNETS - 3} more, switched to the Key Vault service endpoint, from their public address`,
    );
  });

  it('names the subnets first, joined as a reader would say them', () => {
    const egress = (count: number) =>
      pathText({
        kind: 'switching-subnets-egress',
        subnetIds: Array.from({ length: count }, (_, index) => subnetId(index)),
      });
    const tail = ', switched to the Key Vault service endpoint, from their public address';
    expect(egress(1)).toBe(`clients of subnet vnet-apps/snet-0${tail}`);
    expect(egress(2)).toBe(`clients of subnets vnet-apps/snet-0 and vnet-apps/snet-1${tail}`);
    expect(egress(3)).toBe(
      `clients of subnets vnet-apps/snet-0, vnet-apps/snet-1 and vnet-apps/snet-2${tail}`,
    );
    expect(egress(4)).toBe(
      `clients of subnets vnet-apps/snet-0, vnet-apps/snet-1, vnet-apps/snet-2 and 1 more${tail}`,
    );
  });

  it('does not count as lost the subnet a vault admits by VNet rule once it is switched', () => {
    const ruled = vaultOf(plan, 'kv-ruled');
    const others = Array.from({ length: SUBNETS - 1 }, (_, index) => subnetId(index + 1)).sort();
    expect(egressIds(ruled.net.possiblyLost)).toEqual([others]);
    expect(ruled.net.gained).toEqual([{ kind: 'subnet', subnetId: subnetId(0) }]);
    const own = subnetSteps.find((step) => step.resourceId === subnetId(0));
    expect(own?.effects.find((effect) => effect.vault === 'kv-ruled')).toEqual({
      vault: 'kv-ruled',
      gained: [{ kind: 'subnet', subnetId: subnetId(0) }],
      lost: [],
      possiblyLost: [],
    });
  });

  it('leaves a blocked subnet step pending after the plan, lost by no bystander', () => {
    const { desired: locked, live: lockedLive } = estate({ lock: true });
    const full = buildPlan(locked, lockedLive);
    const lockStep = full.steps.find(
      (step) => step.kind === 'vault' && step.vaults[0] === 'kv-lock',
    );
    expect(lockStep?.flags.blocked).toBe(true);
    if (!lockStep) throw new Error('no kv-lock step');
    // Run the blocked step first and make snet-0's step wait on it: it is then blocked too.
    const steps = [
      lockStep,
      ...full.steps
        .filter((step) => step !== lockStep)
        .map((step) =>
          step.resourceId === subnetId(0)
            ? { ...step, dependsOn: [...step.dependsOn, lockStep.id] }
            : step,
        ),
    ];
    const lookup = new LiveLookup(lockedLive);
    const switching = new Set(subnetSteps.map((step) => key(step.resourceId)));
    const present = locked.vaults;
    const simulation = simulate(steps, liveWorld(locked, lookup, switching), present);
    const blocked = simulation.steps.find((step) => step.resourceId === subnetId(0));
    expect(blocked?.flags.blocked).toBe(true);
    expect(blocked?.bystanders).toBeUndefined();
    const bystanderKey = key(vaultOf(full, 'kv-7').id);
    const before = simulation.before.get(bystanderKey);
    const after = simulation.after.get(bystanderKey);
    expect(egressIds(after?.unknown.map((entry) => entry.path) ?? [])).toEqual([[subnetId(0)]]);
    const others = Array.from({ length: SUBNETS - 1 }, (_, index) => subnetId(index + 1)).sort();
    expect(before && after && egressIds(diffAccess(before, after).possiblyLost)).toEqual([others]);
  });

  it('writes each shared subnet list once in the JSON plan, and reads it back shared', () => {
    const text = planJson(plan);
    const { egressSubnetSets } = JSON.parse(text) as { egressSubnetSets: string[][] };
    // Every subnet list the plan holds: all 40 pending (every kv-i before), 39 (kv-ruled
    // before is the same 40; its loss is 39), and one per subnet step's bystanders.
    expect(egressSubnetSets.length).toBeLessThanOrEqual(2 + SUBNETS);
    // The subnet's own step (id, resource, basis) and a few lists name it, no vault's path does.
    expect(text.split(subnetId(SUBNETS - 1)).length - 1).toBeLessThanOrEqual(20);
    const read = parsePlanJson(text);
    expect(read).toEqual(plan);
    expect(sharedIds(vaultOf(read, 'kv-0').before)[0]).toBe(
      sharedIds(vaultOf(read, 'kv-1').before)[0],
    );
    expect(JSON.parse(renderJson(plan))).toHaveProperty('generator');
  });

  it("is written in pieces, none of them more than a vault's share", () => {
    const pieces = [...renderJsonChunks(plan)];
    const whole = pieces.join('');
    // The body's arrays and the basis's maps (one entry per vault) are written entry by entry.
    const largest = Math.max(...pieces.map((piece) => piece.length));
    expect(largest * plan.vaults.length).toBeLessThan(whole.length * 2);
  });

  it('gives the same plan through the exhaustive recomputation', () => {
    const small = estate();
    const shortcut = buildPlan(small.desired, small.live);
    const exhaustive = buildPlan(small.desired, small.live, { exhaustive: true });
    expect(shortcut.steps).toEqual(exhaustive.steps);
    expect(shortcut.vaults).toEqual(exhaustive.vaults);
  });

  it('leaves out of the narrowing fix a subnet step whose bystander has errors', () => {
    // kv-locked admits public addresses now; its spec would lock it out (an error).
    const spec = desiredFrom(`${HEADER}  - name: owner-0
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, virtualNetworkRules: [${rule(0)}] }
  - name: kv-locked
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, bypass: None, ipRules: [] }
`);
    const state = snapshot({
      vaults: [
        liveVault('owner-0', { networkAcls: { defaultAction: 'Deny' } }),
        liveVault('kv-locked', {
          networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [{ value: '6.6.6.6' }] },
        }),
      ],
      virtualNetworks: [vnet(VNET, [{ name: subnetName(0) }])],
    });
    const selection = selectNarrowing(spec, state, { allowDestructive: false });
    expect(selection.vaultsWithErrors).toEqual(['kv-locked']);
    const step = selection.full.steps.find((candidate) => candidate.kind === 'subnet');
    expect(step?.bystanders?.count).toBe(1);
    expect(selection.skipped.find((entry) => entry.step.id === step?.id)?.reason).toBe(
      'vault-has-errors',
    );
  });
});
