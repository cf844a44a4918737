// Private endpoint, private DNS and connection steps for one vault, in the opening order
// zone → link → endpoint → zone group → connection approved; deletions and rejections are
// narrowing steps and run last.
import { resourceIdKey } from '../model/resource-id.js';
import type { DesiredPrivateEndpoint, DesiredVault } from '../state/desired.js';
import {
  isManagedByKvnet,
  MANAGED_BY_TAG,
  MANAGED_BY_VALUE,
  type LiveConnection,
  type LivePrivateEndpoint,
  type LiveVault,
} from '../state/live.js';
import { virtualNetworkOf } from '../state/read-live.js';
import { connectionFor, type LiveLookup } from './live-lookup.js';
import type { StepCollector } from './step-collector.js';
import type { PlanStep, StepFlags } from './types.js';

const NO_FLAGS: StepFlags = { destructive: false, lockout: false, blocked: false };
const KEY_VAULT_GROUP = 'vault';

/** What the private endpoint chain of one declared endpoint will look like after the plan. */
export interface EndpointChain {
  readonly endpoint: DesiredPrivateEndpoint;
  readonly connectionApproved: boolean;
  readonly zoneReady: boolean;
  readonly zoneNameCorrect: boolean;
  readonly linkReady: boolean;
  readonly recordReady: boolean;
}

export function stepId(kind: string, resourceId: string, suffix = ''): string {
  return `${kind}:${resourceIdKey(resourceId)}${suffix}`;
}

function lastSegment(id: string): string {
  return id.split('/').pop() ?? id;
}

interface EndpointState {
  readonly live?: LivePrivateEndpoint;
  /** Why the live endpoint cannot stay as it is, when it must be replaced. */
  readonly replaceBecause: string[];
}

function endpointState(
  desired: DesiredPrivateEndpoint,
  vault: DesiredVault,
  lookup: LiveLookup,
): EndpointState {
  const live = lookup.privateEndpoint(desired.id);
  if (!live) return { replaceBecause: [] };
  const reasons: string[] = [];
  const connection = live.connections.find(
    (candidate) => resourceIdKey(candidate.targetId) === resourceIdKey(vault.id),
  );
  if (resourceIdKey(live.subnetId) !== resourceIdKey(desired.subnetId)) {
    reasons.push(`its subnet is ${live.subnetId}, the spec says ${desired.subnetId}`);
  }
  if (!connection) {
    reasons.push('it does not connect to this vault');
  } else {
    if (connection.name !== desired.connectionName) {
      reasons.push(
        `its connection is named "${connection.name}", the spec says "${desired.connectionName}"`,
      );
    }
    if (connection.manual !== desired.manualApproval) {
      reasons.push(
        desired.manualApproval
          ? 'it was approved automatically, the spec asks for manual approval'
          : 'it was requested for manual approval, the spec asks for automatic',
      );
    }
    if (!connection.groupIds.some((group) => group.toLowerCase() === KEY_VAULT_GROUP)) {
      reasons.push(`its group is ${connection.groupIds.join(', ') || 'empty'}, not "vault"`);
    }
  }
  return { live, replaceBecause: reasons };
}

export function privateLinkSteps(
  vault: DesiredVault,
  liveVault: LiveVault,
  lookup: LiveLookup,
  steps: StepCollector,
): EndpointChain[] {
  const chains = vault.privateEndpoints.map((endpoint) =>
    endpointSteps(endpoint, vault, liveVault, lookup, steps),
  );
  unmanagedConnectionSteps(vault, liveVault, lookup, steps);
  return chains;
}

/** Everything the per-endpoint planners share. */
interface EndpointContext {
  readonly endpoint: DesiredPrivateEndpoint;
  readonly vault: DesiredVault;
  readonly liveVault: LiveVault;
  readonly lookup: LiveLookup;
  readonly steps: StepCollector;
  readonly base: Pick<PlanStep, 'vaults' | 'notes' | 'flags'>;
}

function error(context: EndpointContext, rule: string, message: string): void {
  context.steps.finding({
    level: 'error',
    rule,
    vault: context.vault.name,
    source: context.endpoint.source,
    message,
  });
}

/** The zone: created when named with `zone` and absent; an absent `zoneId` zone is an error. */
function planZone(context: EndpointContext): { step?: PlanStep; ready: boolean } {
  const dns = context.endpoint.dns;
  if (!dns) return { ready: false };
  if (context.lookup.zoneExists(dns.zoneId)) return { ready: true };
  if (!dns.createIfMissing) {
    error(
      context,
      'dns/zone-missing',
      `the private DNS zone ${dns.zoneId} does not exist; kvnet creates zones named with "zone", but never one given by "zoneId": create it, or fix the id`,
    );
    return { ready: false };
  }
  const step = context.steps.add({
    ...context.base,
    id: stepId('dnsZone', dns.zoneId),
    kind: 'dnsZone',
    action: 'create',
    phase: 'open',
    resourceId: dns.zoneId,
    resourceName: dns.zoneName,
    changes: [{ property: 'zone', op: 'set', after: dns.zoneName, impact: 'neutral' }],
    dependsOn: [],
    impact: 'neutral',
    payload: { kind: 'dnsZone' },
  });
  return { step, ready: true };
}

/** Links: one is satisfied by any link of the zone to the same VNet, whatever its name. */
function planLinks(
  context: EndpointContext,
  zoneStep: PlanStep | undefined,
): { stepIds: string[]; linkReady: boolean } {
  const dns = context.endpoint.dns;
  if (!dns) return { stepIds: [], linkReady: false };
  const existing = context.lookup.links(dns.zoneId);
  const endpointVnet = resourceIdKey(virtualNetworkOf(context.endpoint.subnetId));
  const stepIds: string[] = [];
  let linkReady = existing.some((link) => resourceIdKey(link.virtualNetworkId) === endpointVnet);
  for (const link of dns.links) {
    const vnetKey = resourceIdKey(link.virtualNetworkId);
    const sameName = existing.find(
      (candidate) => candidate.name.toLowerCase() === link.name.toLowerCase(),
    );
    if (sameName && resourceIdKey(sameName.virtualNetworkId) !== vnetKey) {
      error(
        context,
        'dns/link-conflict',
        `the zone already has a link named "${link.name}" to ${sameName.virtualNetworkId}, not to ${link.virtualNetworkId}; kvnet never changes or deletes links: rename the link in the spec`,
      );
      continue;
    }
    if (vnetKey === endpointVnet) linkReady = true;
    if (existing.some((candidate) => resourceIdKey(candidate.virtualNetworkId) === vnetKey))
      continue;
    const step = context.steps.add({
      ...context.base,
      id: stepId('virtualNetworkLink', link.id),
      kind: 'virtualNetworkLink',
      action: 'create',
      phase: 'open',
      resourceId: link.id,
      resourceName: link.name,
      changes: [
        { property: 'virtualNetwork', op: 'set', after: link.virtualNetworkId, impact: 'neutral' },
      ],
      dependsOn: zoneStep ? [zoneStep.id] : [],
      impact: 'neutral',
      payload: { kind: 'virtualNetworkLink', virtualNetworkId: link.virtualNetworkId },
    });
    stepIds.push(step.id);
  }
  return { stepIds, linkReady };
}

interface EndpointPlan {
  readonly step?: PlanStep;
  readonly live?: LivePrivateEndpoint;
  readonly connection?: LiveConnection;
}

/** The endpoint: created when absent, replaced (if kvnet made it) when an immutable differs. */
function planEndpoint(context: EndpointContext, dependsOn: readonly string[]): EndpointPlan {
  const { endpoint, vault, lookup, steps } = context;
  const state = endpointState(endpoint, vault, lookup);
  const subnet = lookup.subnet(endpoint.subnetId);
  if (!subnet) {
    error(
      context,
      'subnet/missing',
      `the subnet ${endpoint.subnetId} of private endpoint "${endpoint.name}" does not exist: create it, or fix the reference`,
    );
  }
  const connection = state.live ? connectionFor(context.liveVault, state.live.id) : undefined;
  if (state.live && (connection?.status === 'Rejected' || connection?.status === 'Disconnected')) {
    state.replaceBecause.push(`its connection to the vault is ${connection.status}`);
  }
  const common = {
    ...context.base,
    id: stepId('privateEndpoint', endpoint.id),
    kind: 'privateEndpoint' as const,
    phase: 'open' as const,
    resourceId: endpoint.id,
    resourceName: endpoint.name,
    changes: [
      {
        property: 'subnet',
        op: 'set' as const,
        after: endpoint.subnetId,
        impact: 'neutral' as const,
      },
      {
        property: 'connection',
        op: 'set' as const,
        after: `${endpoint.connectionName} → ${vault.name} (vault)`,
        impact: 'widens' as const,
      },
      {
        property: `tags.${MANAGED_BY_TAG}`,
        op: 'set' as const,
        after: MANAGED_BY_VALUE,
        impact: 'neutral' as const,
      },
    ],
    dependsOn: [...dependsOn],
    payload: {
      kind: 'privateEndpoint' as const,
      location: endpoint.location ?? lookup.virtualNetworkLocation(endpoint.subnetId),
      subnetId: endpoint.subnetId,
      vaultId: vault.id,
      connectionName: endpoint.connectionName,
      manualApproval: endpoint.manualApproval,
      requestMessage: endpoint.requestMessage,
    },
  };
  if (!state.live) {
    if (!subnet) return {};
    const notes = endpoint.manualApproval
      ? ['the connection is requested for manual approval; kvnet approves it as the vault owner']
      : [];
    return { step: steps.add({ ...common, action: 'create', impact: 'widens', notes }) };
  }
  if (state.replaceBecause.length === 0) return { live: state.live, connection };
  if (!isManagedByKvnet(state.live)) {
    error(
      context,
      'private-endpoint/foreign',
      `private endpoint "${endpoint.name}" exists but differs from the spec (${state.replaceBecause.join('; ')}), and it was not created by kvnet (no ${MANAGED_BY_TAG}: ${MANAGED_BY_VALUE} tag), so kvnet will not replace it: fix the spec to match it, or delete it yourself`,
    );
    return { live: state.live, connection };
  }
  const step = steps.add({
    ...common,
    action: 'replace',
    impact: 'neutral',
    flags: { ...NO_FLAGS, destructive: true },
    notes: [
      `replaced because ${state.replaceBecause.join('; ')} (these cannot change in place); clients using it lose the private path until the new endpoint and its DNS record are in place`,
    ],
  });
  return { step, live: state.live, connection };
}

/** The zone group, (re)written when the endpoint is new or its zones or A record are off. */
function planZoneGroup(
  context: EndpointContext,
  endpointPlan: EndpointPlan,
  zoneStep: PlanStep | undefined,
): boolean {
  const { endpoint, vault, lookup } = context;
  const dns = endpoint.dns;
  if (!dns) return false;
  const record = lookup.aRecord(dns.zoneId, vault.name);
  const group = dns.zoneGroup;
  const liveGroup = group ? lookup.zoneGroup(group.id) : undefined;
  // The endpoint's address as the endpoint (or its NIC) reports it, else as its zone group
  // wrote it: with a zone group Azure leaves customDnsConfigs empty (AZURE-FACTS §8).
  const endpointIps = [
    ...new Set([...(endpointPlan.live?.privateIps ?? []), ...(liveGroup?.recordSetIps ?? [])]),
  ];
  const recordMatches =
    record !== undefined && endpointIps.some((ip) => record.ipv4Addresses.includes(ip));
  if (!group) return recordMatches;
  const zonesMatch =
    liveGroup !== undefined &&
    liveGroup.zoneIds.length === 1 &&
    resourceIdKey(liveGroup.zoneIds[0] ?? '') === resourceIdKey(dns.zoneId);
  let reason: string | undefined;
  if (endpointPlan.step) reason = undefined;
  else if (!liveGroup) reason = 'the zone group does not exist';
  else if (!zonesMatch)
    reason = `the zone group points at ${liveGroup.zoneIds.join(', ') || 'no zone'}`;
  else if (!recordMatches)
    reason = `the A record "${vault.name}" does not point at the endpoint's IP ${endpointIps.join(', ') || '(unknown)'}`;
  const needed = endpointPlan.step !== undefined || reason !== undefined;
  if (!needed || (!endpointPlan.step && !endpointPlan.live)) return recordMatches;
  context.steps.add({
    ...context.base,
    id: stepId('zoneGroup', group.id),
    kind: 'zoneGroup',
    action: liveGroup && !endpointPlan.step ? 'update' : 'create',
    phase: 'open',
    resourceId: group.id,
    resourceName: group.name,
    changes: [
      { property: 'privateDnsZoneConfigs', op: 'set', after: dns.zoneName, impact: 'neutral' },
      { property: 'A record', op: 'set', after: `${vault.name}.${dns.zoneName}`, impact: 'widens' },
    ],
    dependsOn: [
      ...(endpointPlan.step ? [endpointPlan.step.id] : []),
      ...(zoneStep ? [zoneStep.id] : []),
    ],
    impact: 'neutral',
    notes: reason ? [reason] : [],
    payload: { kind: 'zoneGroup', privateEndpointId: endpoint.id, zoneIds: [dns.zoneId] },
  });
  return true;
}

/** A declared endpoint's connection ends Approved: automatically, or by an approval step. */
function planApproval(context: EndpointContext, endpointPlan: EndpointPlan): boolean {
  const { endpoint, vault, steps, base } = context;
  if (endpointPlan.step) {
    if (endpoint.manualApproval)
      steps.add(approvalStep(vault, endpoint.id, undefined, [endpointPlan.step.id], base.vaults));
    return true;
  }
  if (endpointPlan.connection?.status === 'Approved') return true;
  if (endpointPlan.connection?.status === 'Pending') {
    steps.add(approvalStep(vault, endpoint.id, endpointPlan.connection.name, [], base.vaults));
    return true;
  }
  return false;
}

function endpointSteps(
  endpoint: DesiredPrivateEndpoint,
  vault: DesiredVault,
  liveVault: LiveVault,
  lookup: LiveLookup,
  steps: StepCollector,
): EndpointChain {
  const context: EndpointContext = {
    endpoint,
    vault,
    liveVault,
    lookup,
    steps,
    base: { vaults: [vault.name], notes: [], flags: NO_FLAGS },
  };
  const zone = planZone(context);
  const links = planLinks(context, zone.step);
  const endpointPlan = planEndpoint(context, [
    ...(zone.step ? [zone.step.id] : []),
    ...links.stepIds,
  ]);
  const recordReady = planZoneGroup(context, endpointPlan, zone.step);
  return {
    endpoint,
    connectionApproved: planApproval(context, endpointPlan),
    zoneReady: zone.ready,
    zoneNameCorrect:
      endpoint.dns !== undefined &&
      endpoint.dns.zoneName.toLowerCase() === vault.cloud.privateLinkZone,
    linkReady: links.linkReady,
    recordReady,
  };
}

function approvalStep(
  vault: DesiredVault,
  endpointId: string,
  connectionName: string | undefined,
  dependsOn: string[],
  vaults: readonly string[],
): PlanStep {
  return {
    id: stepId('connection', `${vault.id}/${endpointId}`),
    kind: 'connection',
    action: 'update',
    phase: 'open',
    resourceId: connectionName
      ? `${vault.id}/privateEndpointConnections/${connectionName}`
      : `${vault.id}/privateEndpointConnections`,
    resourceName: connectionName ?? `from ${lastSegment(endpointId)}`,
    vaults,
    changes: [
      { property: 'status', op: 'set', before: 'Pending', after: 'Approved', impact: 'widens' },
    ],
    dependsOn,
    impact: 'widens',
    flags: NO_FLAGS,
    notes: [
      `approves the connection from the declared private endpoint ${lastSegment(endpointId)}`,
    ],
    payload: {
      kind: 'connection',
      vaultId: vault.id,
      connectionName,
      privateEndpointId: endpointId,
      status: 'Approved',
    },
  };
}

/** Connections and kvnet endpoints the spec does not declare: delete, reject or report. */
function unmanagedConnectionSteps(
  vault: DesiredVault,
  liveVault: LiveVault,
  lookup: LiveLookup,
  steps: StepCollector,
): void {
  const declared = new Set(vault.privateEndpoints.map((endpoint) => resourceIdKey(endpoint.id)));
  const handled = new Set<string>();
  const deleteEndpoint = (endpoint: LivePrivateEndpoint) => {
    handled.add(resourceIdKey(endpoint.id));
    steps.add({
      id: stepId('privateEndpoint', endpoint.id, ':delete'),
      kind: 'privateEndpoint',
      action: 'delete',
      phase: 'narrow',
      resourceId: endpoint.id,
      resourceName: endpoint.name,
      vaults: [vault.name],
      changes: [
        {
          property: 'connection',
          op: 'remove',
          before: `${endpoint.name} → ${vault.name}`,
          impact: 'narrows',
        },
      ],
      dependsOn: [],
      impact: 'narrows',
      flags: { ...NO_FLAGS, destructive: true },
      notes: [
        `created by kvnet (tag ${MANAGED_BY_TAG}: ${MANAGED_BY_VALUE}) and no longer in the spec`,
      ],
      payload: {
        kind: 'privateEndpoint',
        subnetId: endpoint.subnetId,
        vaultId: vault.id,
        connectionName: endpoint.connections[0]?.name ?? '',
        manualApproval: endpoint.connections[0]?.manual ?? false,
      },
    });
  };

  for (const connection of liveVault.connections) {
    const endpointKey = resourceIdKey(connection.privateEndpointId);
    if (declared.has(endpointKey)) continue;
    const endpoint = lookup.privateEndpoint(connection.privateEndpointId);
    if (endpoint && isManagedByKvnet(endpoint)) {
      deleteEndpoint(endpoint);
      continue;
    }
    handled.add(endpointKey);
    const settled = connection.status === 'Rejected' || connection.status === 'Disconnected';
    if (vault.unmanagedConnections === 'reject' && !settled) {
      steps.add({
        id: stepId('connection', connection.id),
        kind: 'connection',
        action: 'update',
        phase: 'narrow',
        resourceId: connection.id,
        resourceName: connection.name,
        vaults: [vault.name],
        changes: [
          {
            property: 'status',
            op: 'set',
            before: connection.status,
            after: 'Rejected',
            impact: connection.status === 'Approved' ? 'narrows' : 'neutral',
          },
        ],
        dependsOn: [],
        impact: connection.status === 'Approved' ? 'narrows' : 'neutral',
        flags: { ...NO_FLAGS, destructive: true },
        notes: [
          `the spec does not declare the private endpoint ${connection.privateEndpointId} and sets unmanaged: reject`,
        ],
        payload: {
          kind: 'connection',
          vaultId: vault.id,
          connectionName: connection.name,
          privateEndpointId: connection.privateEndpointId,
          status: 'Rejected',
        },
      });
    } else {
      steps.finding({
        level: settled ? 'info' : 'warning',
        rule: 'connection/unmanaged',
        vault: vault.name,
        source: vault.source,
        message: `connection "${connection.name}" (${connection.status}) from private endpoint ${connection.privateEndpointId} is not declared in the spec; kvnet never approves it${vault.unmanagedConnections === 'report' && !settled ? ': declare the endpoint, or set privateEndpointConnections.unmanaged: reject' : ''}`,
      });
    }
  }
  // A kvnet endpoint that targets this vault but whose connection is already gone.
  for (const endpoint of lookup.allPrivateEndpoints()) {
    const key = resourceIdKey(endpoint.id);
    if (declared.has(key) || handled.has(key) || !isManagedByKvnet(endpoint)) continue;
    const targetsVault = endpoint.connections.some(
      (connection) => resourceIdKey(connection.targetId) === resourceIdKey(vault.id),
    );
    if (targetsVault) deleteEndpoint(endpoint);
  }
}
