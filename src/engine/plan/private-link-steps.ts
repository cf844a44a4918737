// Private endpoint, private DNS and connection steps for one vault, in the opening order
// zone → link → endpoint → zone group → connection approved; deletions and rejections are
// narrowing steps and run last.
import { resourceIdKey } from '../model/resource-id.js';
import type { DesiredPrivateEndpoint, DesiredVault } from '../state/desired.js';
import {
  isManagedByKvnet,
  MANAGED_BY_TAG,
  MANAGED_BY_VALUE,
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

function endpointSteps(
  endpoint: DesiredPrivateEndpoint,
  vault: DesiredVault,
  liveVault: LiveVault,
  lookup: LiveLookup,
  steps: StepCollector,
): EndpointChain {
  const dns = endpoint.dns;
  const base = { vaults: [vault.name], notes: [] as string[], flags: NO_FLAGS };

  // Zone.
  let zoneStep: PlanStep | undefined;
  const zoneExists = dns ? lookup.zoneExists(dns.zoneId) : false;
  if (dns && !zoneExists) {
    if (dns.createIfMissing) {
      zoneStep = steps.add({
        ...base,
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
    } else {
      steps.finding({
        level: 'error',
        rule: 'dns/zone-missing',
        vault: vault.name,
        source: endpoint.source,
        message: `the private DNS zone ${dns.zoneId} does not exist; kvnet creates zones named with "zone", but never one given by "zoneId": create it, or fix the id`,
      });
    }
  }

  // Links: satisfied by any link of the zone to the same VNet, whatever its name.
  const linkSteps: string[] = [];
  let linkToEndpointVnet = false;
  const endpointVnet = resourceIdKey(virtualNetworkOf(endpoint.subnetId));
  for (const link of dns?.links ?? []) {
    const existing = lookup
      .links(dns?.zoneId ?? '')
      .find(
        (candidate) =>
          resourceIdKey(candidate.virtualNetworkId) === resourceIdKey(link.virtualNetworkId),
      );
    const sameName = lookup
      .links(dns?.zoneId ?? '')
      .find((candidate) => candidate.name.toLowerCase() === link.name.toLowerCase());
    if (
      sameName &&
      resourceIdKey(sameName.virtualNetworkId) !== resourceIdKey(link.virtualNetworkId)
    ) {
      steps.finding({
        level: 'error',
        rule: 'dns/link-conflict',
        vault: vault.name,
        source: endpoint.source,
        message: `the zone already has a link named "${link.name}" to ${sameName.virtualNetworkId}, not to ${link.virtualNetworkId}; kvnet never changes or deletes links: rename the link in the spec`,
      });
      continue;
    }
    if (resourceIdKey(link.virtualNetworkId) === endpointVnet) linkToEndpointVnet = true;
    if (existing) continue;
    const step = steps.add({
      ...base,
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
    linkSteps.push(step.id);
  }
  const existingLinkToVnet =
    dns !== undefined &&
    lookup
      .links(dns.zoneId)
      .some((candidate) => resourceIdKey(candidate.virtualNetworkId) === endpointVnet);
  linkToEndpointVnet = linkToEndpointVnet || existingLinkToVnet;

  // Endpoint.
  const state = endpointState(endpoint, vault, lookup);
  let endpointStep: PlanStep | undefined;
  const subnet = lookup.subnet(endpoint.subnetId);
  if (!subnet) {
    steps.finding({
      level: 'error',
      rule: 'subnet/missing',
      vault: vault.name,
      source: endpoint.source,
      message: `the subnet ${endpoint.subnetId} of private endpoint "${endpoint.name}" does not exist: create it, or fix the reference`,
    });
  }
  const payload = {
    kind: 'privateEndpoint' as const,
    location: endpoint.location ?? lookup.virtualNetworkLocation(endpoint.subnetId),
    subnetId: endpoint.subnetId,
    vaultId: vault.id,
    connectionName: endpoint.connectionName,
    manualApproval: endpoint.manualApproval,
    requestMessage: endpoint.requestMessage,
  };
  const endpointChanges = [
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
  ];
  const liveConnection = state.live ? connectionFor(liveVault, state.live.id) : undefined;
  const connectionDead =
    liveConnection?.status === 'Rejected' || liveConnection?.status === 'Disconnected';
  if (state.live && connectionDead)
    state.replaceBecause.push(`its connection to the vault is ${liveConnection?.status}`);
  if (!state.live && subnet) {
    endpointStep = steps.add({
      ...base,
      id: stepId('privateEndpoint', endpoint.id),
      kind: 'privateEndpoint',
      action: 'create',
      phase: 'open',
      resourceId: endpoint.id,
      resourceName: endpoint.name,
      changes: endpointChanges,
      dependsOn: [...(zoneStep ? [zoneStep.id] : []), ...linkSteps],
      impact: 'widens',
      notes: endpoint.manualApproval
        ? ['the connection is requested for manual approval; kvnet approves it as the vault owner']
        : [],
      payload,
    });
  } else if (state.live && state.replaceBecause.length > 0) {
    if (isManagedByKvnet(state.live)) {
      endpointStep = steps.add({
        ...base,
        id: stepId('privateEndpoint', endpoint.id),
        kind: 'privateEndpoint',
        action: 'replace',
        phase: 'open',
        resourceId: endpoint.id,
        resourceName: endpoint.name,
        changes: endpointChanges,
        dependsOn: [...(zoneStep ? [zoneStep.id] : []), ...linkSteps],
        impact: 'neutral',
        flags: { ...NO_FLAGS, destructive: true },
        notes: [
          `replaced because ${state.replaceBecause.join('; ')} (these cannot change in place); clients using it lose the private path until the new endpoint and its DNS record are in place`,
        ],
        payload,
      });
    } else {
      steps.finding({
        level: 'error',
        rule: 'private-endpoint/foreign',
        vault: vault.name,
        source: endpoint.source,
        message: `private endpoint "${endpoint.name}" exists but differs from the spec (${state.replaceBecause.join('; ')}), and it was not created by kvnet (no ${MANAGED_BY_TAG}: ${MANAGED_BY_VALUE} tag), so kvnet will not replace it: fix the spec to match it, or delete it yourself`,
      });
    }
  }

  // Zone group: (re)written whenever the endpoint is new, or the zones or the record are off.
  let recordReady = false;
  if (dns?.zoneGroup) {
    const liveGroup = lookup.zoneGroup(dns.zoneGroup.id);
    const record = lookup.aRecord(dns.zoneId, vault.name);
    const endpointIps = state.live?.privateIps ?? [];
    const recordMatches =
      record !== undefined && endpointIps.some((ip) => record.ipv4Addresses.includes(ip));
    const zonesMatch =
      liveGroup !== undefined &&
      liveGroup.zoneIds.length === 1 &&
      resourceIdKey(liveGroup.zoneIds[0] ?? '') === resourceIdKey(dns.zoneId);
    let reason: string | undefined;
    if (endpointStep) reason = undefined;
    else if (!liveGroup) reason = 'the zone group does not exist';
    else if (!zonesMatch)
      reason = `the zone group points at ${liveGroup.zoneIds.join(', ') || 'no zone'}`;
    else if (!recordMatches)
      reason = `the A record "${vault.name}" does not point at the endpoint's IP ${endpointIps.join(', ') || '(unknown)'}`;
    const needed = endpointStep !== undefined || reason !== undefined;
    if (needed && (endpointStep || state.live)) {
      steps.add({
        ...base,
        id: stepId('zoneGroup', dns.zoneGroup.id),
        kind: 'zoneGroup',
        action: liveGroup && !endpointStep ? 'update' : 'create',
        phase: 'open',
        resourceId: dns.zoneGroup.id,
        resourceName: dns.zoneGroup.name,
        changes: [
          { property: 'privateDnsZoneConfigs', op: 'set', after: dns.zoneName, impact: 'neutral' },
          {
            property: 'A record',
            op: 'set',
            after: `${vault.name}.${dns.zoneName}`,
            impact: 'widens',
          },
        ],
        dependsOn: [...(endpointStep ? [endpointStep.id] : []), ...(zoneStep ? [zoneStep.id] : [])],
        impact: 'neutral',
        notes: reason ? [reason] : [],
        payload: { kind: 'zoneGroup', privateEndpointId: endpoint.id, zoneIds: [dns.zoneId] },
      });
      recordReady = true;
    } else {
      recordReady = recordMatches;
    }
  } else if (dns && state.live) {
    const record = lookup.aRecord(dns.zoneId, vault.name);
    recordReady =
      record !== undefined && state.live.privateIps.some((ip) => record.ipv4Addresses.includes(ip));
  }

  // Connection approval: a declared endpoint's Pending connection is approved.
  let approved = false;
  if (endpointStep) {
    approved = true;
    if (endpoint.manualApproval) {
      steps.add(approvalStep(vault, endpoint.id, undefined, [endpointStep.id], base.vaults));
    }
  } else if (liveConnection?.status === 'Approved') {
    approved = true;
  } else if (liveConnection?.status === 'Pending') {
    steps.add(approvalStep(vault, endpoint.id, liveConnection.name, [], base.vaults));
    approved = true;
  }

  return {
    endpoint,
    connectionApproved: approved,
    zoneReady: dns !== undefined && (zoneExists || zoneStep !== undefined),
    zoneNameCorrect:
      dns !== undefined && dns.zoneName.toLowerCase() === vault.cloud.privateLinkZone,
    linkReady: linkToEndpointVnet,
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
