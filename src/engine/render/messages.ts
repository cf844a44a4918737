// The one place where the plan's codes become English: findings, step notes, change reasons
// and the access model's reasons. The plan itself (and its JSON) holds only codes and values.
import type { AccessPath } from '../analysis/access.js';
import { FIREWALL_NOT_VISIBLE } from '../model/vault-network.js';
import type { Coded, Params, PlanFinding } from '../plan/types.js';

const text = (params: Params, name: string): string => {
  const value = params[name];
  if (value === undefined) return '';
  if (!Array.isArray(value)) return String(value);
  return (value as readonly (string | Coded)[])
    .map((entry) => (typeof entry === 'string' ? entry : noteText(entry)))
    .join(', ');
};

const lastSegment = (id: string): string => id.split('/').pop() ?? id;

type Template = (p: (name: string) => string, params: Params) => string;

const FINDINGS: Record<string, Template> = {
  'vault/missing': (p) =>
    `${p('kind') || 'vault'} "${p('vault')}" does not exist in resource group "${p('resourceGroup')}" of subscription ${p('subscription')}; kvnet manages the network of existing vaults: create the vault first, or fix its name or placement`,
  'subnet/missing': (p) =>
    p('endpoint')
      ? `the subnet ${p('subnetId')} of private endpoint "${p('endpoint')}" does not exist: create it, or fix the reference`
      : `the subnet ${p('subnetId')} of a VNet rule does not exist: create it, or fix the reference`,
  'dns/zone-missing': (p) =>
    `the private DNS zone ${p('zoneId')} does not exist; kvnet creates zones named with "zone", but never one given by "zoneId": create it, or fix the id`,
  'dns/link-conflict': (p) =>
    `the zone already has a link named "${p('link')}" to ${p('live')}, not to ${p('spec')}; kvnet never changes or deletes links: rename the link in the spec`,
  'dns/zone-group-foreign': (p) =>
    `private endpoint "${p('endpoint')}" already has the zone group "${p('group')}" (serving ${p('zones') || 'no zone'}), and Azure allows one zone group per endpoint; kvnet will not replace a zone group it did not make (Azure Policy often deploys one): point the spec's dns at ${p('zones') || 'that zone'}, or remove the other group`,
  'dns/zone-group-other': (p) =>
    `private endpoint "${p('endpoint')}" already has the zone group "${p('group')}" (often deployed by Azure Policy) serving the declared zone, so it stands for the spec's "${p('spec')}"; Azure allows one zone group per endpoint, so kvnet creates no second one`,
  'private-endpoint/foreign': (p) =>
    `private endpoint "${p('endpoint')}" exists but differs from the spec (${p('reasons')}), and it was not created by kvnet (no managed-by: kvnet tag), so kvnet will not replace it: fix the spec to match it, or delete it yourself`,
  'connection/unmanaged': (p, params) =>
    `connection "${p('connection')}" (${p('status')}) from private endpoint ${p('endpoint')} is not declared in the spec; kvnet never approves it${params.suggestReject === true ? ': declare the endpoint, or set privateEndpointConnections.unmanaged: reject' : ''}`,
  'ip/expires-soon': (p) =>
    `the IP rule ${p('cidr')} expires on ${p('expires')} and will be removed by the first plan after that date`,
  'vault/firewall-not-visible': (p) =>
    `vault "${p('vault')}": ${FIREWALL_NOT_VISIBLE}; it admits no one until public access is enabled, and kvnet then sends the spec's firewall whole`,
  'vault/access-policies': (p) =>
    `vault "${p('vault')}" uses access policies: whoever may write its network settings (Microsoft.KeyVault/vaults/write) can also grant themselves data access; consider the RBAC permission model`,
  lockout: (p, params) =>
    `this plan would leave vault "${p('vault')}" with no verified network path: no public path, no private endpoint whose chain is complete, no trusted-service bypass${Number(params.unverified ?? 0) > 0 ? ` (${p('unverified')} path(s) kvnet could not verify do not count)` : ''}; the step that would do it does not run: add a path, or set acknowledgeLockout: true if that is intended`,
  'vnet-rule/no-effect': (p, params) =>
    `the VNet rule for ${p('subnetId')} opens nothing: ${accessReasonText({ code: text(params, 'reason'), params: {} })}`,
  'policy/firewall': (p) =>
    `vault "${p('vault')}": every network can reach the vault: set firewall.defaultAction to Deny and list who may connect (${p('basis')}; disable with disableFindings: [policy/firewall])`,
  'policy/public-network-access': (p) =>
    `vault "${p('vault')}": the public endpoint stays open to the firewall's rules: prefer private endpoints and publicNetworkAccess: Disabled (${p('basis')}; disable with disableFindings: [policy/public-network-access])`,
  'policy/private-link': (p) =>
    `vault "${p('vault')}": no private endpoint reaches the vault: declare one under privateEndpoints (${p('basis')}; disable with disableFindings: [policy/private-link])`,
  'practice/wide-ip-range': (p) =>
    `vault "${p('vault')}": an IP rule admits more than 65,536 addresses: narrow it to the egress addresses you trust (${p('basis')}; disable with disableFindings: [practice/wide-ip-range])`,
};

export function findingMessage(finding: PlanFinding): string {
  const template = FINDINGS[finding.rule];
  const p = (name: string) => text(finding.params, name);
  return template
    ? template(p, finding.params)
    : `${finding.rule} ${JSON.stringify(finding.params)}`;
}

const NOTES: Record<string, Template> = {
  redrive: (p) => `its last write ended ${p('state') || 'unfinished'}: kvnet writes it again`,
  'endpoint/manual-approval': () =>
    'the connection is requested for manual approval; kvnet approves it as the vault owner',
  'endpoint/replaced': () =>
    'replaced: deleted, then created again (these properties cannot change in place); clients using it lose the private path until the new endpoint and its DNS record are in place',
  'endpoint/subnet-differs': (p) => `its subnet is ${p('live')}, the spec says ${p('spec')}`,
  'endpoint/other-target': () => 'it does not connect to this vault',
  'endpoint/connection-name-differs': (p) =>
    `its connection is named "${p('live')}", the spec says "${p('spec')}"`,
  'endpoint/was-automatic': () =>
    'it was approved automatically, the spec asks for manual approval',
  'endpoint/was-manual': () => 'it was requested for manual approval, the spec asks for automatic',
  'endpoint/group-differs': (p) =>
    `its group is ${p('groups') || 'empty'}, not "${p('expected') || 'vault'}"`,
  'endpoint/connection-ended': (p) => `its connection to the vault is ${p('status')}`,
  'endpoint/not-succeeded': (p) => `its provisioning state is ${p('state') || 'unknown'}`,
  'endpoint/no-longer-declared': () =>
    'created by kvnet (tag managed-by: kvnet) and no longer in the spec',
  'zone-group/missing': () => 'the zone group does not exist',
  'zone-group/zones-differ': (p) => `the zone group points at ${p('zones') || 'no zone'}`,
  'zone-group/record-differs': (p) =>
    `the A record "${p('record')}" does not point at the endpoint's IP ${p('ips')}`,
  'connection/approve-declared': (p) =>
    `approves the connection from the declared private endpoint ${p('endpoint')}`,
  'connection/reject-undeclared': (p) =>
    `the spec does not declare the private endpoint ${p('endpoint')} and sets unmanaged: reject`,
  'subnet/others-kept': () =>
    'every other property of the subnet (NSG, route table, delegations, other endpoints) is kept as it is',
  'subnet/source-switch': () =>
    "from now on this subnet's traffic to every Key Vault arrives from its private address over the service endpoint, not its public one (open connections are reset): a vault that admits these clients by an IP rule, in this spec set or not, no longer does",
  'vault/firewall-sent-whole': () =>
    `${FIREWALL_NOT_VISIBLE}; this change sends the spec's firewall whole`,
  'depends-on-blocked': (p) => `depends on ${p('step')}, which does not run`,
  'would-lock-out': (p) =>
    `BLOCKED: after this step no client could reach vault "${p('vault')}": add a path, or set acknowledgeLockout: true`,
  'would-lock-out-accepted': (p) =>
    `after this step no client can reach vault "${p('vault')}" (accepted: acknowledgeLockout is set)`,
  'replace-locks-out': (p) =>
    `BLOCKED: between the delete and the create no client could reach vault "${p('vault')}": add another path first, or set acknowledgeLockout: true`,
  'replace-locks-out-accepted': (p) =>
    `between the delete and the create no client can reach vault "${p('vault')}" (accepted: acknowledgeLockout is set)`,
  'private-path-missing': (p, params) =>
    `BLOCKED: disabling public access before a private endpoint chain is complete would cut clients of vault "${p('vault')}" off; missing and not planned: ${gapsText(params)}: declare what is missing, or set acknowledgeLockout: true to accept it`,
  'private-path-missing-accepted': (p, params) =>
    `disabling public access of vault "${p('vault')}" before a private endpoint chain is complete (${gapsText(params)}); accepted: acknowledgeLockout is set`,
  'ip-rule/annotated': (p) =>
    [p('note'), p('expires') ? `expires ${p('expires')}` : ''].filter(Boolean).join('; '),
  'ip-rule/expired': (p) => `expired on ${p('expires')}`,
};

function gapsText(params: Params): string {
  const gaps = params.gaps;
  const list = Array.isArray(gaps) ? (gaps as readonly (string | Coded)[]) : [];
  return list
    .filter((gap): gap is string => typeof gap === 'string')
    .map((gap) => {
      if (gap === 'no-endpoint-declared') return 'a private endpoint (none is declared)';
      const at = gap.lastIndexOf(':');
      const name = gap.slice(0, at);
      return `${name}: ${accessReasonText({ code: gap.slice(at + 1), params: {} })}`;
    })
    .join(', ');
}

export function noteText(note: Coded): string {
  const template = NOTES[note.code];
  return template ? template((name) => text(note.params, name), note.params) : note.code;
}

const ACCESS_REASONS: Record<string, Template> = {
  'public-access-disabled': () => 'ignored while public network access is Disabled',
  'public-access-mode': (p) =>
    `public network access is ${p('mode')}: a network security perimeter (or a mode kvnet does not model) decides public access, so kvnet cannot verify it`,
  'default-action-allow': () =>
    'no effect while defaultAction is Allow (every network is admitted)',
  'subnet-not-read': () => 'kvnet did not read the subnet, so it cannot verify the path',
  'subnet-unreadable': (p) =>
    `the subnet could not be read (${p('why')}), so the path is unverified`,
  'subnet-missing': () => 'the subnet does not exist',
  'subnet-without-service-endpoint': () =>
    'the subnet has no Microsoft.KeyVault service endpoint (its traffic arrives from a public address)',
  'subnet-not-ready': () => 'the subnet is not in provisioning state Succeeded',
  'public-address-may-match-ip-rule': () =>
    'its clients reach Key Vault from their public address, which an IP rule may admit',
  'endpoint-missing': () => 'the private endpoint does not exist',
  'endpoint-not-visible': () =>
    "the private endpoint is outside the spec set's subscriptions, so its DNS and state are unverified",
  'endpoint-not-ready': (p) => `the private endpoint's provisioning state is ${p('state')}`,
  'connection-missing': () => 'the vault has no connection from this endpoint',
  'connection-not-approved': (p) => `its connection is ${p('status')}, not Approved`,
  'dns-not-declared': () => 'no private DNS is declared for it, so name resolution is unverified',
  'zone-not-read': () => 'its DNS zone was not read, so name resolution is unverified',
  'zone-missing': () => 'its private DNS zone does not exist',
  'zone-not-ready': (p) => `the DNS zone ${p('zone')} is not in provisioning state Succeeded`,
  'zone-name-wrong': (p) => `the DNS zone is ${p('zone')}; Key Vault needs ${p('expected')}`,
  'link-missing': (p) => `the zone ${p('zone')} has no link to the endpoint's VNet`,
  'link-not-ready': (p) => `the zone ${p('zone')}'s link to the endpoint's VNet is not ready`,
  'record-missing': (p) => `the zone ${p('zone')} has no A record for the vault`,
  'record-elsewhere': (p) => `the vault's A record in ${p('zone')} points at another endpoint`,
  'endpoint-ip-unknown': () => "the endpoint's IP is unknown, so its A record cannot be checked",
  'record-mismatch': (p) =>
    `the vault's A record in ${p('zone')} (${p('record')}) does not point at the endpoint (${p('endpoint')})`,
};

export function accessReasonText(reason: Coded): string {
  const template = ACCESS_REASONS[reason.code];
  return template ? template((name) => text(reason.params, name), reason.params) : reason.code;
}

/** One access path, as a reviewer reads it. */
export function pathText(path: AccessPath): string {
  switch (path.kind) {
    case 'public-all':
      return 'every public network (defaultAction: Allow)';
    case 'ip-range':
      return path.cidr;
    case 'subnet':
      return `subnet ${subnetLabel(path.subnetId)}`;
    case 'switching-subnets-egress':
      return egressText(path.subnetIds);
    case 'private-endpoint':
      return `private endpoint ${path.name}`;
    case 'trusted-services':
      return 'trusted Azure services (bypass: AzureServices)';
  }
}

/** How many subnet names an egress path lists before it says how many more. */
export const EGRESS_NAMES_SHOWN = 3;

/**
 * Clients of the subnets the plan switches to the endpoint, named up to a few. The names come
 * first: in a code block a long line runs past the right edge, and they are what a reader needs.
 */
function egressText(subnetIds: readonly string[]): string {
  const names = subnetIds.slice(0, EGRESS_NAMES_SHOWN).map(subnetLabel);
  const more = subnetIds.length - names.length;
  const list =
    more > 0
      ? `${names.join(', ')} and ${more} more`
      : names.length > 1
        ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
        : (names[0] ?? '');
  const subnets = subnetIds.length === 1 ? 'subnet' : 'subnets';
  return `clients of ${subnets} ${list}, switched to the Key Vault service endpoint, from their public address`;
}

/** `vnet/subnet`, which names a subnet unambiguously enough beside its vault. */
export function subnetLabel(subnetId: string): string {
  const parts = subnetId.split('/');
  return parts.length >= 3 ? `${parts.at(-3) ?? ''}/${parts.at(-1) ?? ''}` : lastSegment(subnetId);
}
