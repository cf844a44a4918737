// Private endpoint, private DNS and connection steps for one vault, in the opening order
// zone → link → endpoint → zone group → connection approved; deletions and rejections are
// narrowing steps and run last. Whether the chain carries traffic, before or after, is the
// access model's to say (analysis/access.ts); these builders only decide what to write.
import { internId } from '../model/interned.js';
import { resourceIdKey } from '../model/resource-id.js';
import { settingSource, type DesiredPrivateEndpoint, type DesiredVault } from '../state/desired.js';
import {
  isManagedByKvnet,
  isSucceeded,
  MANAGED_BY_TAG,
  MANAGED_BY_VALUE,
  type LiveConnection,
  type LivePrivateEndpoint,
  type LiveVault,
} from '../state/live.js';
import { connectionFor, type LiveLookup } from './live-lookup.js';
import type { StepCollector, StepDraft } from './step-collector.js';
import type { Coded, Params, PlanStep, StepFlags } from './types.js';

const NO_FLAGS: StepFlags = { destructive: false, lockout: false, blocked: false };
const note = (code: string, params: Params = {}): Coded => ({ code, params });

export function stepId(kind: string, resourceId: string, suffix = ''): string {
  return internId(`${kind}:${resourceIdKey(resourceId)}${suffix}`);
}

function lastSegment(id: string): string {
  return id.split('/').pop() ?? id;
}

/** Why a live endpoint cannot stay as it is (each reason a code), when it must be replaced. */
function replaceReasons(
  live: LivePrivateEndpoint,
  desired: DesiredPrivateEndpoint,
  vault: DesiredVault,
  connection: LiveConnection | undefined,
): Coded[] {
  const reasons: Coded[] = [];
  const link = live.connections.find(
    (candidate) => resourceIdKey(candidate.targetId) === resourceIdKey(vault.id),
  );
  if (resourceIdKey(live.subnetId) !== resourceIdKey(desired.subnetId))
    reasons.push(note('endpoint/subnet-differs', { live: live.subnetId, spec: desired.subnetId }));
  if (!link) {
    reasons.push(note('endpoint/other-target'));
  } else {
    if (link.name !== desired.connectionName)
      reasons.push(
        note('endpoint/connection-name-differs', { live: link.name, spec: desired.connectionName }),
      );
    if (link.manual !== desired.manualApproval)
      reasons.push(note(desired.manualApproval ? 'endpoint/was-automatic' : 'endpoint/was-manual'));
    const expected = vault.kind.privateLinkGroup;
    if (!link.groupIds.some((group) => group.toLowerCase() === expected))
      reasons.push(note('endpoint/group-differs', { groups: [...link.groupIds], expected }));
  }
  if (connection?.status === 'Rejected' || connection?.status === 'Disconnected')
    reasons.push(note('endpoint/connection-ended', { status: connection.status }));
  if (!isSucceeded(live.provisioningState))
    reasons.push(note('endpoint/not-succeeded', { state: live.provisioningState ?? '' }));
  return reasons;
}

export function privateLinkSteps(
  vault: DesiredVault,
  liveVault: LiveVault,
  lookup: LiveLookup,
  steps: StepCollector,
): void {
  for (const endpoint of vault.privateEndpoints)
    endpointSteps(endpoint, vault, liveVault, lookup, steps);
  unmanagedConnectionSteps(vault, liveVault, lookup, steps);
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

function error(context: EndpointContext, rule: string, params: Params): void {
  context.steps.finding({
    level: 'error',
    rule,
    params,
    vault: context.vault.name,
    source: context.endpoint.source,
  });
}

/**
 * The zone: created when named with `zone` and absent, re-driven when its creation did not
 * succeed; an absent `zoneId` zone is an error.
 */
function planZone(context: EndpointContext): PlanStep | undefined {
  const dns = context.endpoint.dns;
  if (!dns) return undefined;
  const zone = context.lookup.zone(dns.zoneId);
  const failed = zone.status === 'ok' && !isSucceeded(zone.value.provisioningState);
  if (zone.status === 'ok' && !failed) return undefined;
  if (!dns.createIfMissing && !failed) {
    error(context, 'dns/zone-missing', { zoneId: dns.zoneId });
    return undefined;
  }
  return context.steps.add({
    ...context.base,
    id: stepId('dnsZone', dns.zoneId),
    kind: 'dnsZone',
    action: failed ? 'update' : 'create',
    phase: 'open',
    resourceId: dns.zoneId,
    resourceName: dns.zoneName,
    changes: [{ property: 'zone', op: 'set', after: dns.zoneName }],
    dependsOn: [],
    notes:
      zone.status === 'ok'
        ? [note('redrive', { state: zone.value.provisioningState ?? '' })]
        : context.base.notes,
    payload: { kind: 'dnsZone' },
  });
}

/** Links: one is satisfied by any ready link of the zone to the same VNet, whatever its name. */
function planLinks(context: EndpointContext, zoneStep: PlanStep | undefined): string[] {
  const dns = context.endpoint.dns;
  if (!dns) return [];
  const existing = context.lookup.linkIndex(dns.zoneId);
  const stepIds: string[] = [];
  for (const link of dns.links) {
    const vnetKey = resourceIdKey(link.virtualNetworkId);
    const sameName = existing.byName.get(link.name.toLowerCase());
    if (sameName && resourceIdKey(sameName.virtualNetworkId) !== vnetKey) {
      error(context, 'dns/link-conflict', {
        link: link.name,
        live: sameName.virtualNetworkId,
        spec: link.virtualNetworkId,
      });
      continue;
    }
    const toVnet = existing.byVirtualNetwork.get(vnetKey) ?? [];
    const ready = toVnet.some((candidate) => isSucceeded(candidate.provisioningState));
    if (ready) continue;
    // A link of ours whose creation failed is re-driven under its own name.
    const failed = toVnet.find(
      (candidate) => candidate.name.toLowerCase() === link.name.toLowerCase(),
    );
    if (toVnet.length > 0 && !failed) continue;
    const step = context.steps.add({
      ...context.base,
      id: stepId('virtualNetworkLink', link.id),
      kind: 'virtualNetworkLink',
      action: failed ? 'update' : 'create',
      phase: 'open',
      resourceId: link.id,
      resourceName: link.name,
      changes: [{ property: 'virtualNetwork', op: 'set', after: link.virtualNetworkId }],
      dependsOn: zoneStep ? [zoneStep.id] : [],
      notes: failed ? [note('redrive', { state: failed.provisioningState ?? '' })] : [],
      payload: { kind: 'virtualNetworkLink', virtualNetworkId: link.virtualNetworkId },
    });
    stepIds.push(step.id);
  }
  return stepIds;
}

interface EndpointPlan {
  readonly step?: PlanStep;
  readonly live?: LivePrivateEndpoint;
  readonly connection?: LiveConnection;
}

/** The endpoint: created when absent, replaced (if kvnet made it) when an immutable differs. */
function planEndpoint(context: EndpointContext, dependsOn: readonly string[]): EndpointPlan {
  const { endpoint, vault, lookup, steps } = context;
  const live = lookup.privateEndpoint(endpoint.id);
  const subnet = lookup.subnet(endpoint.subnetId);
  if (!subnet)
    error(context, 'subnet/missing', { subnetId: endpoint.subnetId, endpoint: endpoint.name });
  const connection = live ? connectionFor(context.liveVault, live.id) : undefined;
  const common: Omit<StepDraft, 'action' | 'notes'> = {
    ...context.base,
    id: stepId('privateEndpoint', endpoint.id),
    kind: 'privateEndpoint',
    phase: 'open',
    resourceId: endpoint.id,
    resourceName: endpoint.name,
    changes: [
      { property: 'subnet', op: 'set', after: endpoint.subnetId },
      { property: 'connection', op: 'set', after: `${endpoint.connectionName} → ${vault.name}` },
      { property: `tags.${MANAGED_BY_TAG}`, op: 'set', after: MANAGED_BY_VALUE },
    ],
    dependsOn: [...dependsOn],
    payload: {
      kind: 'privateEndpoint',
      location: endpoint.location ?? lookup.virtualNetworkLocation(endpoint.subnetId),
      subnetId: endpoint.subnetId,
      vaultId: vault.id,
      connectionName: endpoint.connectionName,
      manualApproval: endpoint.manualApproval,
      requestMessage: endpoint.requestMessage,
    },
  };
  if (!live) {
    if (!subnet) return {};
    const notes = endpoint.manualApproval ? [note('endpoint/manual-approval')] : [];
    return { step: steps.add({ ...common, action: 'create', notes }) };
  }
  const reasons = replaceReasons(live, endpoint, vault, connection);
  if (reasons.length === 0) return { live, connection };
  if (!isManagedByKvnet(live)) {
    error(context, 'private-endpoint/foreign', {
      endpoint: endpoint.name,
      reasons,
    });
    return { live, connection };
  }
  const step = steps.add({
    ...common,
    action: 'replace',
    replaceOrder: ['delete', 'create'],
    flags: { ...NO_FLAGS, destructive: true },
    notes: [note('endpoint/replaced'), ...reasons],
  });
  return { step, live, connection };
}

/**
 * The zone group, (re)written when the endpoint is new or its zones or A record are off. Azure
 * allows one zone group per endpoint: a group someone else made (often Azure Policy's
 * `deployedByPolicy`) that serves the declared zone satisfies the spec; one that serves
 * another zone is an error, since kvnet will not replace it.
 */
function planZoneGroup(
  context: EndpointContext,
  endpointPlan: EndpointPlan,
  zoneStep: PlanStep | undefined,
): void {
  const { endpoint, vault, lookup } = context;
  const dns = endpoint.dns;
  const group = dns?.zoneGroup;
  if (!dns || !group) return;
  if (!endpointPlan.step && !endpointPlan.live) return;
  const groups = endpointPlan.step ? [] : lookup.zoneGroupsOf(endpoint.id);
  const own = groups.find((candidate) => resourceIdKey(candidate.id) === resourceIdKey(group.id));
  const other = groups.find((candidate) => candidate !== own);
  const servesZone = (zoneIds: readonly string[]) =>
    zoneIds.some((zoneId) => resourceIdKey(zoneId) === resourceIdKey(dns.zoneId));
  if (!own && other) {
    if (servesZone(other.zoneIds) && isSucceeded(other.provisioningState)) {
      context.steps.finding({
        level: 'info',
        rule: 'dns/zone-group-other',
        params: { endpoint: endpoint.name, group: other.name, spec: group.name },
        vault: vault.name,
        source: endpoint.source,
      });
      return;
    }
    error(context, 'dns/zone-group-foreign', {
      endpoint: endpoint.name,
      group: other.name,
      zones: [...other.zoneIds],
      spec: dns.zoneId,
    });
    return;
  }
  const record = lookup.aRecord(dns.zoneId, vault.name);
  // The endpoint's address as the endpoint (or its NIC) reports it, else as its zone group
  // wrote it: with a zone group Azure leaves customDnsConfigs empty (AZURE-FACTS §8).
  const endpointIps = [
    ...new Set([
      ...(endpointPlan.live?.privateIps ?? []),
      ...groups.flatMap((candidate) =>
        candidate.records
          .filter(
            (written) => written.recordType === '' || written.recordType.toUpperCase() === 'A',
          )
          .flatMap((written) => written.ipAddresses),
      ),
    ]),
  ];
  const recordMatches =
    record !== undefined && endpointIps.some((ip) => record.ipv4Addresses.includes(ip));
  let reason: Coded | undefined;
  if (endpointPlan.step) reason = undefined;
  else if (!own) reason = note('zone-group/missing');
  else if (!isSucceeded(own.provisioningState))
    reason = note('redrive', { state: own.provisioningState ?? '' });
  else if (own.zoneIds.length !== 1 || !servesZone(own.zoneIds))
    reason = note('zone-group/zones-differ', { zones: [...own.zoneIds] });
  else if (!recordMatches && endpointIps.length > 0)
    reason = note('zone-group/record-differs', { record: vault.name, ips: [...endpointIps] });
  if (!endpointPlan.step && reason === undefined) return;
  context.steps.add({
    ...context.base,
    id: stepId('zoneGroup', group.id),
    kind: 'zoneGroup',
    action: own && !endpointPlan.step ? 'update' : 'create',
    phase: 'open',
    resourceId: group.id,
    resourceName: `${group.name} (${endpoint.name})`,
    changes: [
      { property: 'privateDnsZoneConfigs', op: 'set', after: dns.zoneName },
      { property: 'A record', op: 'set', after: `${vault.name}.${dns.zoneName}` },
    ],
    dependsOn: [
      ...(endpointPlan.step ? [endpointPlan.step.id] : []),
      ...(zoneStep ? [zoneStep.id] : []),
    ],
    notes: reason ? [reason] : [],
    payload: { kind: 'zoneGroup', privateEndpointId: endpoint.id, zoneIds: [dns.zoneId] },
  });
}

/** A declared endpoint's connection ends Approved: automatically, or by an approval step. */
function planApproval(context: EndpointContext, endpointPlan: EndpointPlan): void {
  const { endpoint, vault, steps, base } = context;
  if (endpointPlan.step) {
    if (endpoint.manualApproval)
      steps.add(approvalStep(vault, endpoint.id, undefined, [endpointPlan.step.id], base.vaults));
    return;
  }
  if (endpointPlan.connection?.status === 'Pending')
    steps.add(approvalStep(vault, endpoint.id, endpointPlan.connection.name, [], base.vaults));
}

function endpointSteps(
  endpoint: DesiredPrivateEndpoint,
  vault: DesiredVault,
  liveVault: LiveVault,
  lookup: LiveLookup,
  steps: StepCollector,
): void {
  const context: EndpointContext = {
    endpoint,
    vault,
    liveVault,
    lookup,
    steps,
    base: { vaults: [vault.name], notes: [], flags: NO_FLAGS },
  };
  const zoneStep = planZone(context);
  const linkStepIds = planLinks(context, zoneStep);
  const endpointPlan = planEndpoint(context, [...(zoneStep ? [zoneStep.id] : []), ...linkStepIds]);
  planZoneGroup(context, endpointPlan, zoneStep);
  planApproval(context, endpointPlan);
}

function approvalStep(
  vault: DesiredVault,
  endpointId: string,
  connectionName: string | undefined,
  dependsOn: string[],
  vaults: readonly string[],
): StepDraft {
  return {
    id: stepId('connection', `${vault.id}/${endpointId}`),
    kind: 'connection',
    action: 'update',
    phase: 'open',
    resourceId: connectionName
      ? `${vault.id}/privateEndpointConnections/${connectionName}`
      : `${vault.id}/privateEndpointConnections`,
    resourceName: `${connectionName ?? 'connection'} from ${lastSegment(endpointId)} to ${vault.name}`,
    vaults,
    changes: [{ property: 'status', op: 'set', before: 'Pending', after: 'Approved' }],
    dependsOn,
    flags: NO_FLAGS,
    notes: [note('connection/approve-declared', { endpoint: lastSegment(endpointId) })],
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
        { property: 'connection', op: 'remove', before: `${endpoint.name} → ${vault.name}` },
      ],
      dependsOn: [],
      flags: { ...NO_FLAGS, destructive: true },
      notes: [note('endpoint/no-longer-declared')],
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
        resourceName: `${connection.name} from ${lastSegment(connection.privateEndpointId)} to ${vault.name}`,
        vaults: [vault.name],
        changes: [{ property: 'status', op: 'set', before: connection.status, after: 'Rejected' }],
        dependsOn: [],
        flags: { ...NO_FLAGS, destructive: true },
        notes: [note('connection/reject-undeclared', { endpoint: connection.privateEndpointId })],
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
        source: settingSource(vault, 'unmanagedConnections'),
        params: {
          connection: connection.name,
          status: connection.status,
          endpoint: connection.privateEndpointId,
          suggestReject: vault.unmanagedConnections === 'report' && !settled,
        },
      });
    }
  }
  // A kvnet endpoint that targets this vault but whose connection is already gone.
  for (const endpoint of lookup.privateEndpointsTargeting(vault.id)) {
    const key = resourceIdKey(endpoint.id);
    if (declared.has(key) || handled.has(key) || !isManagedByKvnet(endpoint)) continue;
    deleteEndpoint(endpoint);
  }
}
