// Builds the plan: desired state against the live snapshot, into ordered steps; then runs
// them over the world (simulate.ts) so that every access claim — each step's effects, each
// vault's access before and after and its net change, lockouts, blocked steps, narrowing
// preconditions — is computed from the one access model; findings and a fingerprint last.
import { bestPracticeFindings } from '../analysis/best-practices.js';
import { diffAccess, impactOf, type VaultAccess } from '../analysis/access.js';
import { key } from '../analysis/world.js';
import { resourceIdKey, type IdKey } from '../model/resource-id.js';
import { comparableNetwork } from '../model/vault-network.js';
import {
  settingSource,
  vnetRuleSource,
  type DesiredState,
  type DesiredVault,
} from '../state/desired.js';
import type { LiveVault } from '../state/live.js';
import type { LiveSnapshot } from '../state/read-live.js';
import { planBasis } from './basis.js';
import { canonicalTexts, fingerprint, fingerprintOfTexts, type BasisValue } from './fingerprint.js';
import { LiveLookup } from './live-lookup.js';
import { orderSteps } from './order.js';
import { privateLinkSteps, stepId } from './private-link-steps.js';
import { deriveSetChanges } from './set-changes.js';
import { simulate, type SimulateOptions } from './simulate.js';
import { StepCollector } from './step-collector.js';
import { stepsServing } from './steps-by-vault.js';
import {
  PLAN_SCHEMA_VERSION,
  type Plan,
  type PlanFinding,
  type PlanStep,
  type VaultPlan,
} from './types.js';
import { vaultNetworkSteps } from './vault-steps.js';
import { liveWorld } from './world-of.js';

const KEY_VAULT_SERVICE = 'Microsoft.KeyVault';

export function buildPlan(
  desired: DesiredState,
  snapshot: LiveSnapshot,
  options: SimulateOptions = {},
): Plan {
  const lookup = new LiveLookup(snapshot);
  const readErrors = lookup.failures();
  if (readErrors.length > 0) {
    // A plan computed from partial state could claim "no changes" falsely: refuse to make one.
    return {
      schemaVersion: PLAN_SCHEMA_VERSION,
      outcome: 'error',
      fingerprint: fingerprint([], { readErrors }),
      vaults: [],
      steps: [],
      findings: [],
      readErrors,
    };
  }
  const steps = new StepCollector();
  const present: DesiredVault[] = [];
  const liveBasis: Record<string, BasisValue> = {};
  for (const vault of desired.vaults) {
    const live = lookup.vault(vault.id);
    if (live.status !== 'ok') {
      steps.finding({
        level: 'error',
        rule: 'vault/missing',
        vault: vault.name,
        source: vault.source,
        params: {
          vault: vault.name,
          resourceGroup: vault.resourceGroup,
          subscription: vault.subscription,
          ...(vault.kind.id === 'vault' ? {} : { kind: vault.kind.label }),
        },
      });
      continue;
    }
    present.push(vault);
    planVaultSteps(vault, live.value, lookup, steps);
    liveBasis[resourceIdKey(vault.id)] = {
      network: comparableNetwork(live.value.network),
      connections: live.value.connections.map((connection) => [
        resourceIdKey(connection.privateEndpointId),
        connection.status,
      ]),
    };
  }
  const ordered = orderSteps(narrowAfterOpening(steps.all()));
  const switching = new Set(
    ordered.filter((step) => step.kind === 'subnet').map((step) => key(step.resourceId)),
  );
  const simulation = simulate(ordered, liveWorld(desired, lookup, switching), present, options);
  for (const step of simulation.steps) liveBasis[step.id] ??= basisOf(step, lookup);

  const findings: PlanFinding[] = [...steps.findings, ...simulation.findings];
  const vaultPlans = present.map((vault) => {
    const vaultKey = key(vault.id);
    const before = simulation.before.get(vaultKey) ?? EMPTY_ACCESS;
    const after = simulation.after.get(vaultKey) ?? before;
    findings.push(...deadConfigFindings(vault, after), ...bestPracticeFindings(vault, after));
    return vaultSummary(vault, before, after, stepsServing(simulation.steps, vault.name));
  });
  const hasError = findings.some((finding) => finding.level === 'error');
  const setChanges = deriveSetChanges(present, simulation.steps);
  const texts = canonicalTexts(simulation.steps, liveBasis);
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    outcome: hasError ? 'error' : simulation.steps.length > 0 ? 'changes' : 'no-changes',
    fingerprint: fingerprintOfTexts(simulation.steps, texts),
    vaults: vaultPlans,
    steps: simulation.steps,
    findings,
    readErrors: [],
    ...(setChanges.length > 0 ? { setChanges } : {}),
    basis: planBasis(present, simulation.steps, texts),
  };
}

const EMPTY_ACCESS: VaultAccess = { open: [], unknown: [], inactive: [] };

function planVaultSteps(
  vault: DesiredVault,
  live: LiveVault,
  lookup: LiveLookup,
  steps: StepCollector,
): void {
  const subnetStepIds = subnetSteps(vault, lookup, steps);
  privateLinkSteps(vault, live, lookup, steps);
  const { open, narrow } = vaultNetworkSteps(vault, live.network);
  if (open) steps.add({ ...open, dependsOn: [...open.dependsOn, ...subnetStepIds] });
  if (narrow) steps.add(narrow);
  vaultFindings(vault, live, steps);
}

/** Every narrowing step waits for every opening step of the vaults it serves. */
function narrowAfterOpening(steps: readonly PlanStep[]): PlanStep[] {
  const openingByVault = new Map<string, string[]>();
  for (const step of steps) {
    if (step.phase !== 'open') continue;
    for (const vault of step.vaults) {
      const list = openingByVault.get(vault);
      if (list) list.push(step.id);
      else openingByVault.set(vault, [step.id]);
    }
  }
  return steps.map((step) => {
    if (step.phase !== 'narrow') return step;
    const opening = step.vaults.flatMap((vault) => openingByVault.get(vault) ?? []);
    return { ...step, dependsOn: [...new Set([...step.dependsOn, ...opening])] };
  });
}

/** The live state a step was computed against, normalised. */
function basisOf(step: PlanStep, lookup: LiveLookup): BasisValue {
  switch (step.kind) {
    case 'subnet':
      return (
        lookup
          .subnet(step.resourceId)
          ?.serviceEndpoints.map((service) => service.toLowerCase())
          .sort() ?? null
      );
    case 'privateEndpoint': {
      const endpoint = lookup.privateEndpoint(step.resourceId);
      return endpoint
        ? {
            subnet: resourceIdKey(endpoint.subnetId),
            connections: endpoint.connections,
            provisioningState: endpoint.provisioningState ?? null,
          }
        : null;
    }
    case 'zoneGroup': {
      const group = lookup.zoneGroup(step.resourceId);
      return group
        ? { zones: group.zoneIds.map(resourceIdKey), state: group.provisioningState ?? null }
        : null;
    }
    case 'dnsZone': {
      const zone = lookup.zone(step.resourceId);
      return zone.status === 'ok' ? (zone.value.provisioningState ?? 'present') : null;
    }
    default:
      return null;
  }
}

/** Subnet steps: add Microsoft.KeyVault where a rule asks `ensure`; returns their ids. */
function subnetSteps(vault: DesiredVault, lookup: LiveLookup, steps: StepCollector): string[] {
  const planned: string[] = [];
  for (const subnetId of vault.ensureServiceEndpointOn) {
    const subnet = lookup.subnet(subnetId);
    if (!subnet) {
      steps.finding({
        level: 'error',
        rule: 'subnet/missing',
        vault: vault.name,
        source: vnetRuleSource(vault, subnetId),
        params: { subnetId },
      });
      continue;
    }
    if (subnet.serviceEndpoints.some((s) => s.toLowerCase() === KEY_VAULT_SERVICE.toLowerCase()))
      continue;
    const vnetName = subnetId.split('/').at(-3) ?? '';
    const step = steps.add({
      id: stepId('subnet', subnetId),
      kind: 'subnet',
      action: 'update',
      phase: 'open',
      resourceId: subnet.id,
      resourceName: `${vnetName}/${subnet.name}`,
      vaults: [vault.name],
      changes: [{ property: 'serviceEndpoints', op: 'add', after: KEY_VAULT_SERVICE }],
      dependsOn: [],
      flags: { destructive: false, lockout: false, blocked: false },
      notes: [
        { code: 'subnet/others-kept', params: {} },
        { code: 'subnet/source-switch', params: {} },
      ],
      payload: { kind: 'subnet', addServiceEndpoint: 'Microsoft.KeyVault' },
    });
    planned.push(step.id);
  }
  return planned;
}

function vaultFindings(vault: DesiredVault, live: LiveVault, steps: StepCollector): void {
  for (const rule of vault.expiringRules) {
    steps.finding({
      level: 'warning',
      rule: 'ip/expires-soon',
      vault: vault.name,
      source: rule.source,
      params: { cidr: rule.cidr, expires: rule.expires ?? '' },
    });
  }
  if (live.network.firewallHidden) {
    steps.finding({
      level: 'info',
      rule: 'vault/firewall-not-visible',
      vault: vault.name,
      source: settingSource(vault, 'publicNetworkAccess'),
      params: { vault: vault.name },
    });
  }
  if (live.usesAccessPolicies) {
    steps.finding({
      level: 'info',
      rule: 'vault/access-policies',
      vault: vault.name,
      source: vault.source,
      params: { vault: vault.name },
    });
  }
}

/** A VNet rule of the spec that opens nothing once the plan has run is worth a warning. */
function deadConfigFindings(vault: DesiredVault, after: VaultAccess): PlanFinding[] {
  const declared = new Set<IdKey>(
    vault.network.virtualNetworkRules.map((rule) => key(rule.subnetId)),
  );
  return [...after.inactive, ...after.unknown].flatMap((entry): PlanFinding[] => {
    if (entry.path.kind !== 'subnet' || !declared.has(key(entry.path.subnetId))) return [];
    if (!entry.reason.code.startsWith('subnet-')) return [];
    return [
      {
        level: 'warning',
        rule: 'vnet-rule/no-effect',
        vault: vault.name,
        source: vnetRuleSource(vault, entry.path.subnetId),
        params: { subnetId: entry.path.subnetId, reason: entry.reason.code },
      },
    ];
  });
}

function vaultSummary(
  vault: DesiredVault,
  before: VaultAccess,
  after: VaultAccess,
  vaultSteps: readonly PlanStep[],
): VaultPlan {
  const inPlace = vaultSteps
    .filter((step) => step.action === 'update' || step.action === 'replace')
    .flatMap((step) => step.changes);
  const net = diffAccess(before, after);
  return {
    id: vault.id,
    name: vault.name,
    source: vault.source,
    before,
    after,
    net,
    impact: impactOf([net]),
    adds:
      vaultSteps.filter((step) => step.action === 'create').length +
      inPlace.filter((change) => change.op === 'add').length,
    changes: inPlace.filter((change) => change.op === 'set').length,
    removals:
      vaultSteps.filter((step) => step.action === 'delete').length +
      inPlace.filter((change) => change.op === 'remove').length,
  };
}
