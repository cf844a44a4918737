// Builds the plan: desired state against the live snapshot, into ordered steps with their
// impact, the reachability of every vault before and after, findings, and a fingerprint.
import { bestPracticeFindings } from '../analysis/best-practices.js';
import { isLockedOut, reachability } from '../analysis/reachability.js';
import { resourceIdKey } from '../model/resource-id.js';
import {
  comparableNetwork,
  FIREWALL_NOT_VISIBLE,
  type VaultNetwork,
} from '../model/vault-network.js';
import type { DesiredState, DesiredVault } from '../state/desired.js';
import type { LiveConnection, LiveSubnet, LiveVault } from '../state/live.js';
import type { LiveSnapshot } from '../state/read-live.js';
import { fingerprint } from './fingerprint.js';
import { LiveLookup } from './live-lookup.js';
import { orderSteps } from './order.js';
import { privateLinkSteps, stepId, type EndpointChain } from './private-link-steps.js';
import { StepCollector } from './step-collector.js';
import {
  PLAN_SCHEMA_VERSION,
  type Plan,
  type PlanStep,
  type Reachability,
  type VaultPlan,
} from './types.js';
import { vaultNetworkSteps } from './vault-steps.js';

const KEY_VAULT_SERVICE = 'Microsoft.KeyVault';

export function buildPlan(desired: DesiredState, snapshot: LiveSnapshot): Plan {
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
  const vaultPlans: VaultPlan[] = [];
  const liveBasis: Record<string, unknown> = {};
  for (const vault of desired.vaults) {
    const live = lookup.vault(vault.id);
    if (live.status !== 'ok') {
      steps.finding({
        level: 'error',
        rule: 'vault/missing',
        vault: vault.name,
        source: vault.source,
        message: `vault "${vault.name}" does not exist in resource group "${vault.resourceGroup}" of subscription ${vault.subscription}; kvnet manages the network of existing vaults: create the vault first, or fix its name or placement`,
      });
      continue;
    }
    vaultPlans.push(planVault(vault, live.value, lookup, steps));
    liveBasis[resourceIdKey(vault.id)] = {
      network: comparableNetwork(live.value.network),
      connections: live.value.connections.map((connection) => [
        resourceIdKey(connection.privateEndpointId),
        connection.status,
      ]),
    };
  }
  const ordered = orderSteps(narrowAfterOpening(steps.all()));
  for (const step of ordered) liveBasis[step.id] ??= basisOf(step, lookup);
  const hasError = steps.findings.some((finding) => finding.level === 'error');
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    outcome: hasError ? 'error' : ordered.length > 0 ? 'changes' : 'no-changes',
    fingerprint: fingerprint(ordered, liveBasis),
    vaults: vaultPlans,
    steps: ordered,
    findings: steps.findings,
    readErrors: [],
  };
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
function basisOf(step: PlanStep, lookup: LiveLookup): unknown {
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
        ? { subnet: resourceIdKey(endpoint.subnetId), connections: endpoint.connections }
        : null;
    }
    case 'zoneGroup':
      return lookup.zoneGroup(step.resourceId)?.zoneIds.map(resourceIdKey) ?? null;
    case 'dnsZone':
      return lookup.zoneExists(step.resourceId);
    default:
      return null;
  }
}

function subnetSteps(vault: DesiredVault, lookup: LiveLookup, steps: StepCollector): PlanStep[] {
  const planned: PlanStep[] = [];
  for (const subnetId of vault.ensureServiceEndpointOn) {
    const subnet = lookup.subnet(subnetId);
    if (!subnet) {
      steps.finding({
        level: 'error',
        rule: 'subnet/missing',
        vault: vault.name,
        source: vault.source,
        message: `the subnet ${subnetId} of a VNet rule does not exist: create it, or fix the reference`,
      });
      continue;
    }
    if (hasKeyVaultEndpoint(subnet)) continue;
    const step = steps.add({
      id: stepId('subnet', subnetId),
      kind: 'subnet',
      action: 'update',
      phase: 'open',
      resourceId: subnet.id,
      resourceName: subnet.name,
      vaults: [vault.name],
      changes: [
        { property: 'serviceEndpoints', op: 'add', after: KEY_VAULT_SERVICE, impact: 'neutral' },
      ],
      dependsOn: [],
      impact: 'neutral',
      flags: { destructive: false, lockout: false, blocked: false },
      notes: [
        'every other property of the subnet (NSG, route table, delegations, other endpoints) is kept as it is',
      ],
      payload: { kind: 'subnet', addServiceEndpoint: 'Microsoft.KeyVault' },
    });
    planned.push(step);
  }
  return planned;
}

function hasKeyVaultEndpoint(subnet: LiveSubnet): boolean {
  return subnet.serviceEndpoints.some(
    (service) => service.toLowerCase() === KEY_VAULT_SERVICE.toLowerCase(),
  );
}

function subnetsWithoutEndpoint(
  network: VaultNetwork,
  lookup: LiveLookup,
  /** Subnets (resource id keys) whose endpoint this plan adds. */
  planned: ReadonlySet<string>,
): Set<string> {
  const missing = new Set<string>();
  for (const rule of network.virtualNetworkRules) {
    const key = resourceIdKey(rule.subnetId);
    const subnet = lookup.subnet(rule.subnetId);
    if (!subnet || planned.has(key)) continue;
    if (!hasKeyVaultEndpoint(subnet)) missing.add(key);
  }
  return missing;
}

function chainGaps(chain: EndpointChain, zone: string): string[] {
  const gaps: string[] = [];
  if (!chain.connectionApproved) gaps.push('an Approved connection');
  if (!chain.zoneReady) gaps.push('its private DNS zone');
  else if (!chain.zoneNameCorrect) gaps.push(`a zone named ${zone}`);
  if (!chain.linkReady) gaps.push("a DNS link to the endpoint's VNet");
  if (!chain.recordReady)
    gaps.push('an A record for the vault pointing at the endpoint (declare dns.zoneGroup)');
  return gaps;
}

function vaultFindings(vault: DesiredVault, live: LiveVault, steps: StepCollector): void {
  for (const rule of vault.expiringRules) {
    steps.finding({
      level: 'warning',
      rule: 'ip/expires-soon',
      vault: vault.name,
      source: rule.source,
      message: `the IP rule ${rule.cidr} expires on ${rule.expires ?? ''} and will be removed by the first plan after that date`,
    });
  }
  if (live.network.firewallHidden) {
    steps.finding({
      level: 'info',
      rule: 'vault/firewall-not-visible',
      vault: vault.name,
      source: vault.source,
      message: `vault "${vault.name}": ${FIREWALL_NOT_VISIBLE}; it admits no one until public access is enabled, and kvnet then sends the spec's firewall whole`,
    });
  }
  if (live.usesAccessPolicies) {
    steps.finding({
      level: 'info',
      rule: 'vault/access-policies',
      vault: vault.name,
      source: vault.source,
      message: `vault "${vault.name}" uses access policies: whoever may write its network settings (Microsoft.KeyVault/vaults/write) can also grant themselves data access; consider the RBAC permission model`,
    });
  }
}

const endpointName = (connection: LiveConnection) =>
  connection.privateEndpointId.split('/').pop() ?? connection.name;

/** Who reaches the vault now, and once the plan's steps (collected so far) have run. */
function reachabilityBeforeAfter(
  vault: DesiredVault,
  live: LiveVault,
  chains: readonly EndpointChain[],
  plannedSubnets: ReadonlySet<string>,
  lookup: LiveLookup,
  steps: StepCollector,
): { before: Reachability; after: Reachability } {
  const declared = new Set(vault.privateEndpoints.map((endpoint) => resourceIdKey(endpoint.id)));
  const cutOff = new Set(
    steps.forVault(vault.name).flatMap((step) => {
      if (step.payload.kind === 'connection' && step.payload.status === 'Rejected')
        return [resourceIdKey(step.payload.privateEndpointId)];
      if (step.kind === 'privateEndpoint' && step.action === 'delete')
        return [resourceIdKey(step.resourceId)];
      return [];
    }),
  );
  const approvedBefore = live.connections.filter((connection) => connection.status === 'Approved');
  const untouched = approvedBefore.filter((connection) => {
    const key = resourceIdKey(connection.privateEndpointId);
    return !declared.has(key) && !cutOff.has(key);
  });
  return {
    before: reachability({
      network: live.network,
      approvedEndpoints: approvedBefore.map(endpointName),
      subnetsWithoutEndpoint: subnetsWithoutEndpoint(live.network, lookup, new Set()),
    }),
    after: reachability({
      network: vault.network,
      approvedEndpoints: [
        ...chains.filter((chain) => chain.connectionApproved).map((chain) => chain.endpoint.name),
        ...untouched.map(endpointName),
      ],
      subnetsWithoutEndpoint: subnetsWithoutEndpoint(vault.network, lookup, plannedSubnets),
    }),
  };
}

/** Blocks disabling public access until a private endpoint chain is complete or planned. */
function guardNarrowing(
  narrow: PlanStep,
  vault: DesiredVault,
  live: LiveVault,
  chains: readonly EndpointChain[],
  after: Reachability,
): PlanStep {
  const notes: string[] = [];
  let blocked = false;
  const disabling =
    vault.network.publicNetworkAccess === 'Disabled' &&
    live.network.publicNetworkAccess !== 'Disabled';
  const zone = vault.cloud.privateLinkZone;
  if (disabling && !chains.some((chain) => chainGaps(chain, zone).length === 0)) {
    const first = chains[0];
    const gaps = first ? chainGaps(first, zone) : ['a private endpoint (none is declared)'];
    const message = `disabling public access before a private endpoint chain is complete would cut clients off; missing and not planned: ${gaps.join(', ')}`;
    if (vault.acknowledgeLockout) {
      notes.push(`${message} (accepted: acknowledgeLockout is set)`);
    } else {
      blocked = true;
      notes.push(
        `${message}: declare what is missing, or set acknowledgeLockout: true to accept it`,
      );
    }
  }
  const lockout = isLockedOut(after);
  if (lockout) notes.push("after this step no client can reach the vault's data plane");
  return {
    ...narrow,
    flags: { ...narrow.flags, blocked, lockout },
    notes: [...narrow.notes, ...notes],
  };
}

function lockoutFinding(
  vault: DesiredVault,
  before: Reachability,
  after: Reachability,
  steps: StepCollector,
): void {
  if (!isLockedOut(after) || isLockedOut(before)) return;
  steps.finding({
    level: vault.acknowledgeLockout ? 'warning' : 'error',
    rule: 'lockout',
    vault: vault.name,
    source: vault.source,
    message: vault.acknowledgeLockout
      ? `after this plan no client can reach vault "${vault.name}" (accepted: acknowledgeLockout is set)`
      : `after this plan no client could reach vault "${vault.name}": no public path, no approved private endpoint, no trusted-service bypass; add a path, or set acknowledgeLockout: true if that is intended`,
  });
}

function vaultSummary(
  vault: DesiredVault,
  before: Reachability,
  after: Reachability,
  steps: StepCollector,
): VaultPlan {
  const vaultSteps = steps.forVault(vault.name);
  const inPlace = vaultSteps
    .filter((step) => step.action === 'update' || step.action === 'replace')
    .flatMap((step) => step.changes);
  const impacts = new Set([
    ...vaultSteps.map((step) => step.impact),
    ...inPlace.map((change) => change.impact),
  ]);
  return {
    id: vault.id,
    name: vault.name,
    source: vault.source,
    before,
    after,
    adds:
      vaultSteps.filter((step) => step.action === 'create').length +
      inPlace.filter((change) => change.op === 'add').length,
    changes: inPlace.filter((change) => change.op === 'set').length,
    removals:
      vaultSteps.filter((step) => step.action === 'delete').length +
      inPlace.filter((change) => change.op === 'remove').length,
    widens: impacts.has('widens'),
    narrows: impacts.has('narrows'),
  };
}

function planVault(
  vault: DesiredVault,
  live: LiveVault,
  lookup: LiveLookup,
  steps: StepCollector,
): VaultPlan {
  const subnetUpdates = subnetSteps(vault, lookup, steps);
  const subnetStepIds = subnetUpdates.map((step) => step.id);
  const plannedSubnets = new Set(subnetUpdates.map((step) => resourceIdKey(step.resourceId)));
  const chains = privateLinkSteps(vault, live, lookup, steps);
  const { open, narrow } = vaultNetworkSteps(vault, live.network);
  if (open) steps.add({ ...open, dependsOn: [...open.dependsOn, ...subnetStepIds] });
  vaultFindings(vault, live, steps);
  const { before, after } = reachabilityBeforeAfter(
    vault,
    live,
    chains,
    plannedSubnets,
    lookup,
    steps,
  );
  if (narrow) steps.add(guardNarrowing(narrow, vault, live, chains, after));
  lockoutFinding(vault, before, after, steps);
  for (const finding of bestPracticeFindings(vault, after)) steps.finding(finding);
  return vaultSummary(vault, before, after, steps);
}
