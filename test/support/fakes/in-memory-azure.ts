// InMemoryAzure: the AzureReader and AzureWriter ports over plain in-memory live state, with
// the semantics the SDK adapters show over the local ARM endpoint (test/contract/ proves it,
// running one suite against both): 404 as not-found where the reader says so and as errors
// where it does not, failures as data for reads and WriteFailure for writes, create-only zones
// and links, a subnet written back with only its endpoint added, connections created on the
// vault with the endpoint (Approved, or Pending when manual), one zone group per endpoint
// whose A records follow it, and provisioning states. It lets engine and applier tests run
// in milliseconds; what only the wire can show stays with the endpoint tests.
import { randomUUID } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { WriteFailure } from '../../../src/engine/apply/write-failure.js';
import { contains, parseIpv4Rule, SPECIAL_RANGES } from '../../../src/engine/model/ipv4.js';
import { parseResourceId, resourceIdKey } from '../../../src/engine/model/resource-id.js';
import { targetKindOfId, type TargetKindId } from '../../../src/engine/model/target-kinds.js';
import { normalizeLiveNetwork } from '../../../src/engine/model/vault-network.js';
import type { VaultNetworkPayload } from '../../../src/engine/plan/types.js';
import type {
  LiveARecordSet,
  LiveConnection,
  LiveDnsZone,
  LivePrivateEndpoint,
  LiveSubnet,
  LiveVault,
  LiveVirtualNetwork,
  LiveVirtualNetworkLink,
  LiveZoneGroup,
  ReadFailure,
  ReadOutcome,
} from '../../../src/engine/state/live.js';
import { privateEndpointOf, virtualNetworkOf } from '../../../src/engine/state/read-live.js';
import type { ActivityEvent, ActivityLogReader } from '../../../src/ports/activity-log.js';
import type { AzureReader } from '../../../src/ports/azure-reader.js';
import type { AzureWriter, PrivateEndpointCreate } from '../../../src/ports/azure-writer.js';

export interface FakeVirtualNetwork extends LiveVirtualNetwork {
  readonly provisioningState?: string;
}

/** The state the fake starts from: live values, as the reader would report them. */
export interface InMemoryAzureState {
  /** Resource groups that exist though no resource lives in them ("/subscriptions/S/resourceGroups/RG"). */
  readonly resourceGroups?: readonly string[];
  readonly vaults?: readonly LiveVault[];
  readonly virtualNetworks?: readonly FakeVirtualNetwork[];
  readonly privateEndpoints?: readonly LivePrivateEndpoint[];
  readonly zoneGroups?: readonly LiveZoneGroup[];
  readonly zones?: readonly LiveDnsZone[];
  readonly links?: readonly LiveVirtualNetworkLink[];
  readonly aRecordSets?: readonly LiveARecordSet[];
}

export interface InjectedFailure {
  readonly httpStatus?: number;
  readonly code: string;
  readonly message?: string;
  readonly retryAfterSeconds?: number;
  /** How many calls it answers (default: every one until cleared). */
  readonly times?: number;
}

/** One port call, as a test may count or inspect them. */
export interface FakeCall {
  readonly kind: 'read' | 'write';
  readonly method: string;
  /** The resource (or scope) the call addressed. */
  readonly target: string;
}

const KEY_VAULT = 'Microsoft.KeyVault';
const key = resourceIdKey;

class HttpFailure extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const notFound = (id: string) =>
  new HttpFailure(404, 'ResourceNotFound', `The Resource '${id}' was not found.`);
const parentNotFound = (id: string) =>
  new HttpFailure(404, 'ParentResourceNotFound', `The parent of '${id}' was not found.`);
const badRequest = (code: string, message: string) => new HttpFailure(400, code, message);

function scopeOf(id: string): { subscription: string; group: string } {
  const parsed = parseResourceId(id);
  if (!parsed.ok) throw badRequest('InvalidResourceId', `not a resource id: ${id}`);
  return { subscription: parsed.id.subscription, group: parsed.id.resourceGroup };
}

const groupKey = (subscription: string, group: string) => `${subscription}/${group}`.toLowerCase();

function isPrivateRange(cidr: string): boolean {
  const parsed = parseIpv4Rule(cidr);
  if (parsed.kind !== 'ok') return false;
  return SPECIAL_RANGES.some(
    (special) => special.addressClass === 'private' && contains(special.range, parsed.range),
  );
}

function firstFreeAddress(
  prefixes: readonly string[],
  used: ReadonlySet<string>,
): string | undefined {
  const prefix = prefixes[0];
  if (!prefix) return undefined;
  const [network, length] = ipaddr.IPv4.parseCIDR(prefix);
  const base = network.toByteArray().reduce((sum, byte) => sum * 256 + byte, 0);
  const size = 2 ** (32 - length);
  // Azure reserves the first four addresses and the last one of every subnet.
  for (let offset = 4; offset < size - 1; offset += 1) {
    const value = base + offset;
    const address = [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
    if (!used.has(address)) return address;
  }
  return undefined;
}

export class InMemoryAzure implements AzureReader, AzureWriter, ActivityLogReader {
  private readonly groups = new Set<string>();
  private readonly subscriptions = new Set<string>();
  private readonly vaults = new Map<string, LiveVault>();
  private readonly vnets = new Map<string, FakeVirtualNetwork>();
  private readonly endpoints = new Map<string, LivePrivateEndpoint>();
  private readonly zoneGroupsById = new Map<string, LiveZoneGroup>();
  private readonly zones = new Map<string, LiveDnsZone>();
  private readonly links = new Map<string, LiveVirtualNetworkLink>();
  private readonly records = new Map<string, LiveARecordSet>();
  private readonly readFaults = new Map<string, InjectedFailure & { left: number }>();
  private readonly writeFaults = new Map<string, InjectedFailure & { left: number }>();
  private readonly provisioningFaults = new Map<string, string>();
  private policy: { privateDnsZoneId: string; groupName: string; configName: string } | null = null;
  readonly calls: FakeCall[] = [];
  /** Who the activity log names for the next writes (the local endpoint reads the token). */
  caller = 'kvnet-fake@contoso.example';
  /** The activity log of the writes made (Started, then Succeeded or Failed), as Azure keeps it. */
  readonly activityLog: ActivityEvent[] = [];
  /** The clock the activity log stamps events with. */
  now: () => Date = () => new Date();

  constructor(state: InMemoryAzureState = {}) {
    for (const group of state.resourceGroups ?? []) this.noteGroup(group);
    for (const vault of state.vaults ?? []) this.vaults.set(key(vault.id), vault);
    for (const vnet of state.virtualNetworks ?? []) this.vnets.set(key(vnet.id), vnet);
    for (const endpoint of state.privateEndpoints ?? [])
      this.endpoints.set(key(endpoint.id), endpoint);
    for (const group of state.zoneGroups ?? []) this.zoneGroupsById.set(key(group.id), group);
    for (const zone of state.zones ?? []) this.zones.set(key(zone.id), zone);
    for (const link of state.links ?? []) this.links.set(key(link.id), link);
    for (const record of state.aRecordSets ?? []) this.records.set(key(record.id), record);
    for (const id of [
      ...this.vaults.keys(),
      ...this.vnets.keys(),
      ...this.endpoints.keys(),
      ...this.zones.keys(),
    ])
      this.noteGroup(id);
  }

  // ---- test controls ----------------------------------------------------------------------

  /** Reads of this resource id (or list scope "/subscriptions/S/resourceGroups/RG") fail. */
  failReads(target: string, failure: InjectedFailure): void {
    this.readFaults.set(key(target), { ...failure, left: failure.times ?? Infinity });
  }

  /** Writes to this resource id fail with the given error, before changing anything. */
  failWrites(target: string, failure: InjectedFailure): void {
    this.writeFaults.set(key(target), { ...failure, left: failure.times ?? Infinity });
  }

  /**
   * The next create of this resource (zone, link, endpoint, zone group) ends Failed: the
   * resource is left in provisioningState Failed and the write throws, as a failed LRO does.
   */
  failProvisioning(resourceId: string, code = 'InternalServerError'): void {
    this.provisioningFaults.set(key(resourceId), code);
  }

  /**
   * Simulates the DINE policy the local endpoint's `zoneGroupPolicy` setting does (see
   * docs/emulator.md): a vault endpoint with an automatic connection gets the zone group
   * `deployedByPolicy` (config `keyvault-privateDnsZone`) and its A record when it is
   * provisioned and has no zone group. null turns it off.
   */
  setZoneGroupPolicy(
    policy: { privateDnsZoneId: string; groupName?: string; configName?: string } | null,
  ): void {
    this.policy = policy && {
      privateDnsZoneId: policy.privateDnsZoneId,
      groupName: policy.groupName ?? 'deployedByPolicy',
      configName: policy.configName ?? 'keyvault-privateDnsZone',
    };
  }

  /** The live state now, in the form the constructor takes. */
  state(): Required<InMemoryAzureState> {
    return {
      resourceGroups: [...this.groups],
      vaults: [...this.vaults.values()],
      virtualNetworks: [...this.vnets.values()],
      privateEndpoints: [...this.endpoints.values()],
      zoneGroups: [...this.zoneGroupsById.values()],
      zones: [...this.zones.values()],
      links: [...this.links.values()],
      aRecordSets: [...this.records.values()],
    };
  }

  writes(): FakeCall[] {
    return this.calls.filter((call) => call.kind === 'write');
  }

  // ---- AzureReader ------------------------------------------------------------------------

  getVault(vaultId: string) {
    return this.read('getVault', vaultId, () => {
      const { subscription, group } = scopeOf(vaultId);
      this.requireSubscription(subscription);
      if (!this.groups.has(groupKey(subscription, group))) return undefined;
      return this.vaults.get(key(vaultId));
    });
  }

  listVaults(subscription: string, resourceGroup: string, kind: TargetKindId = 'vault') {
    const scope = `/subscriptions/${subscription}/resourceGroups/${resourceGroup}`;
    return this.read('listVaults', scope, () => {
      this.requireSubscription(subscription);
      if (!this.groups.has(groupKey(subscription, resourceGroup))) return undefined;
      return [...this.vaults.values()].filter(
        (vault) =>
          targetKindOfId(vault.id).id === kind &&
          this.inGroup(vault.id, subscription, resourceGroup),
      );
    });
  }

  listVaultsInSubscription(subscription: string, kind: TargetKindId = 'vault') {
    return this.read('listVaultsInSubscription', `/subscriptions/${subscription}`, () => {
      this.requireSubscription(subscription);
      return [...this.vaults.values()].filter(
        (vault) =>
          targetKindOfId(vault.id).id === kind &&
          scopeOf(vault.id).subscription.toLowerCase() === subscription.toLowerCase(),
      );
    });
  }

  getVirtualNetwork(virtualNetworkId: string) {
    return this.read('getVirtualNetwork', virtualNetworkId, () => {
      this.requireGroup(virtualNetworkId);
      const vnet = this.vnets.get(key(virtualNetworkId));
      return vnet ? this.liveVnet(vnet) : undefined;
    });
  }

  listPrivateEndpoints(subscription: string, resourceGroup: string) {
    const scope = `/subscriptions/${subscription}/resourceGroups/${resourceGroup}`;
    return this.read('listPrivateEndpoints', scope, () => {
      this.requireSubscription(subscription);
      if (!this.groups.has(groupKey(subscription, resourceGroup)))
        throw new HttpFailure(
          404,
          'ResourceGroupNotFound',
          `Resource group '${resourceGroup}' could not be found.`,
        );
      return [...this.endpoints.values()].filter((endpoint) =>
        this.inGroup(endpoint.id, subscription, resourceGroup),
      );
    });
  }

  getPrivateEndpoint(privateEndpointId: string) {
    return this.read('getPrivateEndpoint', privateEndpointId, () => {
      this.requireGroup(privateEndpointId);
      return this.endpoints.get(key(privateEndpointId));
    });
  }

  getZoneGroup(zoneGroupId: string) {
    return this.read('getZoneGroup', zoneGroupId, () => {
      this.requireGroup(zoneGroupId);
      return this.zoneGroupsById.get(key(zoneGroupId));
    });
  }

  listZoneGroups(privateEndpointId: string) {
    return this.read('listZoneGroups', privateEndpointId, () => {
      this.requireGroup(privateEndpointId);
      // An endpoint that does not exist has no zone group (the reader reads its 404 so).
      return this.zoneGroupsOf(privateEndpointId);
    });
  }

  getDnsZone(zoneId: string) {
    return this.read('getDnsZone', zoneId, () => {
      this.requireGroup(zoneId);
      return this.zones.get(key(zoneId));
    });
  }

  listVirtualNetworkLinks(zoneId: string) {
    return this.read('listVirtualNetworkLinks', zoneId, () => {
      this.requireGroup(zoneId);
      return [...this.links.values()].filter((link) => this.childOf(link.id, zoneId));
    });
  }

  listARecordSets(zoneId: string) {
    return this.read('listARecordSets', zoneId, () => {
      this.requireGroup(zoneId);
      return [...this.records.values()].filter((record) => this.childOf(record.id, zoneId));
    });
  }

  // ---- AzureWriter ------------------------------------------------------------------------

  async patchVaultNetwork(vaultId: string, network: VaultNetworkPayload): Promise<void> {
    await this.write('patchVaultNetwork', vaultId, () => {
      this.requireGroup(vaultId);
      const vault = this.vaults.get(key(vaultId));
      if (!vault) throw notFound(vaultId);
      const acls = network.networkAcls;
      if (
        targetKindOfId(vaultId).firewall.ipRulesNeedDeny &&
        acls.ipRules.length > 0 &&
        acls.defaultAction === 'Allow'
      )
        throw badRequest(
          'BadRequest',
          'Invalid value found at properties.networkAcls: IP rules require defaultAction Deny on a managed HSM.',
        );
      acls.ipRules.forEach((rule, index) => {
        if (isPrivateRange(rule))
          throw badRequest(
            'BadRequest',
            `Invalid value found at properties.networkAcls.ipRules[${index}].value: ${rule} belongs to a forbidden range (private IP addresses)`,
          );
      });
      const missing = acls.virtualNetworkRules.filter(
        (rule) => !rule.ignoreMissingVnetServiceEndpoint && !this.subnetHasKeyVault(rule.id),
      );
      if (missing.length > 0)
        throw badRequest(
          'SubnetsHaveNoServiceEndpointsConfigured',
          `Subnets ${missing.map((rule) => rule.id.split('/').pop()).join(', ')} do not have ServiceEndpoints for Microsoft.KeyVault resources configured.`,
        );
      this.vaults.set(key(vaultId), {
        ...vault,
        // As the service stores it (bare IPs /32, subnet ids lower-cased) and the reader reads it.
        network: normalizeLiveNetwork({
          publicNetworkAccess: network.publicNetworkAccess,
          networkAcls: {
            defaultAction: acls.defaultAction,
            bypass: acls.bypass,
            ipRules: acls.ipRules.map((value) => ({ value })),
            virtualNetworkRules: acls.virtualNetworkRules.map((rule) => ({
              id: rule.id.toLowerCase(),
            })),
          },
        }),
      });
    });
  }

  async addSubnetServiceEndpoint(subnetId: string, service: string): Promise<void> {
    await this.write('addSubnetServiceEndpoint', subnetId, () => {
      const { vnet, subnet } = this.requireSubnet(subnetId, 'write');
      if (
        subnet.serviceEndpoints.some((existing) => existing.toLowerCase() === service.toLowerCase())
      )
        return;
      this.replaceSubnet(vnet, {
        ...subnet,
        serviceEndpoints: [...subnet.serviceEndpoints, service],
      });
    });
  }

  async waitUntilNetworkSettled(subnetId: string): Promise<void> {
    await this.write('waitUntilNetworkSettled', subnetId, () => {
      const { vnet, subnet } = this.requireSubnet(subnetId, 'read');
      const states = [
        subnet.provisioningState ?? 'Succeeded',
        vnet.provisioningState ?? 'Succeeded',
      ];
      if (states.every((state) => state === 'Succeeded')) return;
      if (states.includes('Failed'))
        throw new WriteFailure(
          subnetId,
          'the subnet or its virtual network is in the Failed state',
          'NetworkProvisioningFailed',
        );
      // Nothing moves in the fake: a network that is not settled never will be.
      throw new WriteFailure(
        subnetId,
        'the subnet and its virtual network did not reach Succeeded in time',
        'OperationTimedOut',
      );
    });
  }

  async createPrivateEndpoint(
    privateEndpointId: string,
    endpoint: PrivateEndpointCreate,
  ): Promise<void> {
    await this.write('createPrivateEndpoint', privateEndpointId, () => {
      const { subscription, group } = scopeOf(privateEndpointId);
      this.requireSubscription(subscription);
      const located = this.findSubnet(endpoint.subnetId);
      if (!located)
        throw badRequest(
          'InvalidResourceReference',
          `Resource ${endpoint.subnetId} referenced by resource ${privateEndpointId} was not found.`,
        );
      const vault = this.vaults.get(key(endpoint.vaultId));
      if (!vault)
        throw badRequest(
          'InvalidResourceReference',
          `Resource ${endpoint.vaultId} referenced by resource ${privateEndpointId} was not found.`,
        );
      const existing = this.endpoints.get(key(privateEndpointId));
      if (
        existing &&
        (key(existing.subnetId) !== key(endpoint.subnetId) ||
          !existing.connections.some(
            (connection) =>
              key(connection.targetId) === key(endpoint.vaultId) &&
              connection.manual === endpoint.manualApproval,
          ))
      )
        throw badRequest(
          'PrivateEndpointImmutablePropertyChanged',
          'The subnet and the private link service connections of an existing private endpoint cannot be changed; delete and re-create it.',
        );
      this.groups.add(groupKey(subscription, group));
      const name = privateEndpointId.split('/').pop() ?? '';
      const used = new Set(
        [...this.endpoints.values()]
          .filter(
            (other) =>
              key(other.subnetId) === key(endpoint.subnetId) &&
              key(other.id) !== key(privateEndpointId),
          )
          .flatMap((other) => other.privateIps),
      );
      const address =
        existing?.privateIps[0] ?? firstFreeAddress(located.subnet.addressPrefixes, used);
      if (!address)
        throw badRequest(
          'SubnetIsFull',
          `Subnet ${located.subnet.name} does not have enough capacity for 1 IP addresses.`,
        );
      const status = endpoint.manualApproval ? 'Pending' : 'Approved';
      const failedCode = this.provisioningFaults.get(key(privateEndpointId));
      this.endpoints.set(key(privateEndpointId), {
        id: existing?.id ?? privateEndpointId,
        name: existing?.name ?? name,
        location: endpoint.location,
        subnetId: endpoint.subnetId,
        tags: { ...endpoint.tags },
        connections: [
          {
            name: endpoint.connectionName,
            targetId: endpoint.vaultId,
            groupIds: [targetKindOfId(endpoint.vaultId).privateLinkGroup],
            manual: endpoint.manualApproval,
            status,
          },
        ],
        privateIps: [address],
        provisioningState: failedCode ? 'Failed' : 'Succeeded',
      });
      if (
        !vault.connections.some(
          (connection) => key(connection.privateEndpointId) === key(privateEndpointId),
        )
      ) {
        const connectionName = `${name}.${randomUUID()}`;
        const connection: LiveConnection = {
          id: `${vault.id}/privateEndpointConnections/${connectionName}`,
          name: connectionName,
          privateEndpointId,
          status,
          description: endpoint.manualApproval ? (endpoint.requestMessage ?? '') : 'Auto-Approved',
          provisioningState: 'Succeeded',
        };
        this.vaults.set(key(vault.id), {
          ...vault,
          connections: [...vault.connections, connection],
        });
      }
      this.endProvisioning(privateEndpointId);
      this.applyPolicy(privateEndpointId);
    });
  }

  private applyPolicy(privateEndpointId: string): void {
    const policy = this.policy;
    const endpoint = this.endpoints.get(key(privateEndpointId));
    if (!policy || !endpoint || endpoint.provisioningState !== 'Succeeded') return;
    if (
      !endpoint.connections.some(
        (c) => !c.manual && c.groupIds.some((g) => g.toLowerCase() === 'vault'),
      )
    )
      return;
    if (this.zoneGroupsOf(privateEndpointId).length > 0) return;
    const zone = this.zones.get(key(policy.privateDnsZoneId));
    if (!zone) return;
    const address = endpoint.privateIps[0];
    const vaults = endpoint.connections.map((c) =>
      (c.targetId.split('/').pop() ?? '').toLowerCase(),
    );
    const id = `${endpoint.id}/privateDnsZoneGroups/${policy.groupName}`;
    this.zoneGroupsById.set(key(id), {
      id,
      name: policy.groupName,
      zoneIds: [zone.id],
      records: address
        ? vaults.map((vault) => ({
            zoneId: zone.id,
            recordType: 'A',
            recordSetName: vault,
            fqdn: `${vault}.${zone.name}`,
            ipAddresses: [address],
          }))
        : [],
      provisioningState: 'Succeeded',
    });
    if (address)
      for (const vault of vaults)
        this.records.set(key(`${zone.id}/A/${vault}`), {
          id: `${zone.id}/A/${vault}`,
          name: vault,
          ipv4Addresses: [address],
        });
  }

  async deletePrivateEndpoint(privateEndpointId: string): Promise<void> {
    await this.write('deletePrivateEndpoint', privateEndpointId, () => {
      this.requireGroup(privateEndpointId);
      const endpoint = this.endpoints.get(key(privateEndpointId));
      if (!endpoint) return;
      for (const group of this.zoneGroupsOf(privateEndpointId)) this.removeZoneGroup(group);
      for (const connection of endpoint.connections) {
        const vault = this.vaults.get(key(connection.targetId));
        if (vault)
          this.vaults.set(key(vault.id), {
            ...vault,
            connections: vault.connections.filter(
              (c) => key(c.privateEndpointId) !== key(privateEndpointId),
            ),
          });
      }
      this.endpoints.delete(key(privateEndpointId));
    });
  }

  async createDnsZone(zoneId: string): Promise<void> {
    await this.write('createDnsZone', zoneId, () => {
      const { subscription, group } = scopeOf(zoneId);
      this.requireSubscription(subscription);
      // Create-only: an existing zone (whatever its state) is left as it is.
      if (this.zones.has(key(zoneId))) return;
      this.groups.add(groupKey(subscription, group));
      const failed = this.provisioningFaults.get(key(zoneId));
      this.zones.set(key(zoneId), {
        id: zoneId,
        name: (zoneId.split('/').pop() ?? '').toLowerCase(),
        provisioningState: failed ? 'Failed' : 'Succeeded',
      });
      this.endProvisioning(zoneId);
    });
  }

  async createVirtualNetworkLink(linkId: string, virtualNetworkId: string): Promise<void> {
    await this.write('createVirtualNetworkLink', linkId, () => {
      const zoneId = linkId.replace(/\/virtualNetworkLinks\/[^/]+$/i, '');
      this.requireGroup(zoneId);
      if (!this.zones.has(key(zoneId))) throw parentNotFound(linkId);
      if (this.links.has(key(linkId))) return;
      if (!this.vnets.has(key(virtualNetworkId)))
        throw badRequest(
          'BadRequest',
          `Virtual network resource not found for '${virtualNetworkId}'.`,
        );
      const clash = [...this.links.values()].find(
        (link) =>
          this.childOf(link.id, zoneId) && key(link.virtualNetworkId) === key(virtualNetworkId),
      );
      if (clash)
        throw new HttpFailure(
          409,
          'Conflict',
          `The virtual network '${virtualNetworkId}' is already linked by '${clash.name}'.`,
        );
      const failed = this.provisioningFaults.get(key(linkId));
      this.links.set(key(linkId), {
        id: linkId,
        name: linkId.split('/').pop() ?? '',
        virtualNetworkId,
        state: failed ? 'InProgress' : 'Completed',
        provisioningState: failed ? 'Failed' : 'Succeeded',
      });
      this.endProvisioning(linkId);
    });
  }

  async redriveDnsZone(zoneId: string): Promise<void> {
    await this.write('redriveDnsZone', zoneId, () => {
      this.requireGroup(zoneId);
      const zone = this.zones.get(key(zoneId));
      if (!zone) throw notFound(zoneId);
      const failed = this.provisioningFaults.get(key(zoneId));
      this.zones.set(key(zoneId), { ...zone, provisioningState: failed ? 'Failed' : 'Succeeded' });
      this.endProvisioning(zoneId);
    });
  }

  async redriveVirtualNetworkLink(linkId: string): Promise<void> {
    await this.write('redriveVirtualNetworkLink', linkId, () => {
      this.requireGroup(linkId);
      const link = this.links.get(key(linkId));
      if (!link) throw notFound(linkId);
      const failed = this.provisioningFaults.get(key(linkId));
      this.links.set(key(linkId), {
        ...link,
        state: failed ? 'InProgress' : 'Completed',
        provisioningState: failed ? 'Failed' : 'Succeeded',
      });
      this.endProvisioning(linkId);
    });
  }

  async putZoneGroup(zoneGroupId: string, zoneIds: readonly string[]): Promise<void> {
    await this.write('putZoneGroup', zoneGroupId, () => {
      const endpointId = privateEndpointOf(zoneGroupId);
      this.requireGroup(endpointId);
      const endpoint = this.endpoints.get(key(endpointId));
      if (!endpoint) throw parentNotFound(zoneGroupId);
      if (this.zoneGroupsOf(endpointId).some((group) => key(group.id) !== key(zoneGroupId)))
        throw badRequest(
          'OnlyOnePrivateDnsZoneGroupAllowed',
          'Cannot create more than one private dns zone groups in the private endpoint.',
        );
      if (zoneIds.length === 0 || zoneIds.length > 5)
        throw badRequest(
          'InvalidPrivateDnsZoneConfigs',
          `A private DNS zone group must have between 1 and 5 private DNS zone configurations (got ${zoneIds.length}).`,
        );
      const zones = zoneIds.map((zoneId) => {
        const zone = this.zones.get(key(zoneId));
        if (!zone)
          throw badRequest(
            'InvalidResourceReference',
            `Resource ${zoneId} referenced by resource ${zoneGroupId} was not found.`,
          );
        return zone;
      });
      const previous = this.zoneGroupsById.get(key(zoneGroupId));
      if (previous) this.removeZoneGroup(previous);
      const address = endpoint.privateIps[0];
      const vaults = endpoint.connections.map((connection) =>
        (connection.targetId.split('/').pop() ?? '').toLowerCase(),
      );
      const failed = this.provisioningFaults.get(key(zoneGroupId));
      this.zoneGroupsById.set(key(zoneGroupId), {
        id: previous?.id ?? zoneGroupId,
        name: previous?.name ?? zoneGroupId.split('/').pop() ?? '',
        zoneIds: zones.map((zone) => zone.id),
        records: address
          ? zones.flatMap((zone) =>
              vaults.map((vault) => ({
                zoneId: zone.id,
                recordType: 'A',
                recordSetName: vault,
                fqdn: `${vault}.${zone.name}`,
                ipAddresses: [address],
              })),
            )
          : [],
        provisioningState: failed ? 'Failed' : 'Succeeded',
      });
      if (!failed && address)
        for (const zone of zones)
          for (const vault of vaults)
            this.records.set(key(`${zone.id}/A/${vault}`), {
              id: `${zone.id}/A/${vault}`,
              name: vault,
              ipv4Addresses: [address],
            });
      this.endProvisioning(zoneGroupId);
    });
  }

  async setConnectionStatus(
    vaultId: string,
    connectionName: string,
    status: 'Approved' | 'Rejected',
    description: string,
  ): Promise<void> {
    const target = `${vaultId}/privateEndpointConnections/${connectionName}`;
    await this.write('setConnectionStatus', target, () => {
      this.requireGroup(vaultId);
      const vault = this.vaults.get(key(vaultId));
      if (!vault) throw parentNotFound(target);
      const connection = vault.connections.find(
        (c) => c.name.toLowerCase() === connectionName.toLowerCase(),
      );
      if (!connection) throw notFound(target);
      this.vaults.set(key(vaultId), {
        ...vault,
        connections: vault.connections.map((c) =>
          c === connection ? { ...c, status, description, provisioningState: 'Succeeded' } : c,
        ),
      });
    });
  }

  // ---- internals --------------------------------------------------------------------------

  private noteGroup(id: string): void {
    const parsed = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)/i.exec(id);
    if (!parsed?.[1] || !parsed[2]) return;
    this.subscriptions.add(parsed[1].toLowerCase());
    this.groups.add(groupKey(parsed[1], parsed[2]));
  }

  private requireSubscription(subscription: string): void {
    if (!this.subscriptions.has(subscription.toLowerCase()))
      throw new HttpFailure(
        404,
        'SubscriptionNotFound',
        `The subscription '${subscription}' could not be found.`,
      );
  }

  private requireGroup(id: string): void {
    const { subscription, group } = scopeOf(id);
    this.requireSubscription(subscription);
    if (!this.groups.has(groupKey(subscription, group)))
      throw new HttpFailure(
        404,
        'ResourceGroupNotFound',
        `Resource group '${group}' could not be found.`,
      );
  }

  private inGroup(id: string, subscription: string, group: string): boolean {
    const scope = scopeOf(id);
    return groupKey(scope.subscription, scope.group) === groupKey(subscription, group);
  }

  private childOf(id: string, parentId: string): boolean {
    return key(id).startsWith(`${key(parentId)}/`);
  }

  private zoneGroupsOf(privateEndpointId: string): LiveZoneGroup[] {
    return [...this.zoneGroupsById.values()].filter(
      (group) => key(privateEndpointOf(group.id)) === key(privateEndpointId),
    );
  }

  private removeZoneGroup(group: LiveZoneGroup): void {
    for (const record of group.records) {
      const id = key(`${record.zoneId}/A/${record.recordSetName}`);
      const current = this.records.get(id);
      if (current && current.ipv4Addresses.every((address) => record.ipAddresses.includes(address)))
        this.records.delete(id);
    }
    this.zoneGroupsById.delete(key(group.id));
  }

  private liveVnet(vnet: FakeVirtualNetwork): LiveVirtualNetwork {
    return { id: vnet.id, name: vnet.name, location: vnet.location, subnets: vnet.subnets };
  }

  private findSubnet(
    subnetId: string,
  ): { vnet: FakeVirtualNetwork; subnet: LiveSubnet } | undefined {
    const vnet = this.vnets.get(key(virtualNetworkOf(subnetId)));
    const subnet = vnet?.subnets.find((candidate) => key(candidate.id) === key(subnetId));
    return vnet && subnet ? { vnet, subnet } : undefined;
  }

  private requireSubnet(subnetId: string, _use: 'read' | 'write') {
    this.requireGroup(subnetId);
    const vnet = this.vnets.get(key(virtualNetworkOf(subnetId)));
    if (!vnet) throw parentNotFound(subnetId);
    const located = this.findSubnet(subnetId);
    if (!located) throw notFound(subnetId);
    return located;
  }

  private replaceSubnet(vnet: FakeVirtualNetwork, subnet: LiveSubnet): void {
    this.vnets.set(key(vnet.id), {
      ...vnet,
      subnets: vnet.subnets.map((candidate) =>
        key(candidate.id) === key(subnet.id) ? subnet : candidate,
      ),
    });
  }

  private subnetHasKeyVault(subnetId: string): boolean {
    return (
      this.findSubnet(subnetId)?.subnet.serviceEndpoints.some(
        (service) => service.toLowerCase() === KEY_VAULT.toLowerCase(),
      ) ?? false
    );
  }

  /** A create marked by failProvisioning ends Failed: the resource stays, the write throws. */
  private endProvisioning(resourceId: string): void {
    const code = this.provisioningFaults.get(key(resourceId));
    if (code === undefined) return;
    this.provisioningFaults.delete(key(resourceId));
    throw new WriteFailure(resourceId, 'An error occurred while processing the operation.', code);
  }

  private takeFault(faults: Map<string, InjectedFailure & { left: number }>, target: string) {
    const fault = faults.get(key(target));
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) faults.delete(key(target));
    return fault;
  }

  private async read<T>(
    method: string,
    target: string,
    read: () => T | undefined,
  ): Promise<ReadOutcome<T>> {
    this.calls.push({ kind: 'read', method, target });
    const fault = this.takeFault(this.readFaults, target);
    const failure = (status: number | undefined, code: string, message: string): ReadOutcome<T> => {
      const error: ReadFailure = {
        resourceId: target,
        ...(status === undefined ? {} : { httpStatus: status }),
        code,
        message,
        ...(status === 403 ? { roleHint: 'Reader on the resource or its resource group' } : {}),
      };
      return { status: 'error', error };
    };
    if (fault) return failure(fault.httpStatus, fault.code, fault.message ?? fault.code);
    try {
      const value = read();
      return value === undefined
        ? { status: 'not-found' }
        : { status: 'ok', value: structuredClone(value) };
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error;
      // As the SDK reader maps them: 404 ResourceNotFound/ParentResourceNotFound is "absent";
      // a vault's (or vault list's) missing group too; any other 404 is a failed read.
      if (
        error.httpStatus === 404 &&
        (error.code === 'ResourceNotFound' || error.code === 'ParentResourceNotFound')
      ) {
        return method === 'listZoneGroups' ||
          method === 'listVirtualNetworkLinks' ||
          method === 'listARecordSets'
          ? { status: 'ok', value: [] as unknown as T }
          : { status: 'not-found' };
      }
      return failure(error.httpStatus, error.code, error.message);
    }
  }

  // ---- ActivityLogReader ------------------------------------------------------------------

  async listResourceEvents(resourceId: string, from: Date, to: Date) {
    this.calls.push({ kind: 'read', method: 'listResourceEvents', target: resourceId });
    const fault = this.takeFault(this.readFaults, `activity-log:${resourceId}`);
    if (fault)
      return {
        status: 'error' as const,
        error: {
          resourceId,
          ...(fault.httpStatus === undefined ? {} : { httpStatus: fault.httpStatus }),
          code: fault.code,
          message: fault.message ?? fault.code,
        },
      };
    const oldest = this.now().getTime() - 90 * 24 * 3600 * 1000;
    const value = this.activityLog
      .filter((event) => {
        const at = Date.parse(event.eventTimestamp);
        return (
          key(event.resourceId) === key(resourceId) &&
          at >= Math.max(from.getTime(), oldest) &&
          at <= to.getTime()
        );
      })
      // Newest first; events of the same millisecond in reverse order of recording.
      .reverse()
      .sort((a, b) => Date.parse(b.eventTimestamp) - Date.parse(a.eventTimestamp));
    return { status: 'ok' as const, value };
  }

  private logActivity(
    method: string,
    target: string,
    status: 'Started' | 'Succeeded' | 'Failed',
    correlationId: string,
  ) {
    const parsed = parseResourceId(target);
    const type = parsed.ok
      ? [parsed.id.provider, ...parsed.id.segments.map(([segmentType]) => segmentType)]
          .filter(Boolean)
          .join('/')
      : 'unknown';
    this.activityLog.push({
      resourceId: target,
      caller: this.caller,
      eventTimestamp: this.now().toISOString(),
      operationName: `${type}/${method.startsWith('delete') ? 'delete' : 'write'}`,
      status,
      correlationId,
    });
  }

  private async write(method: string, target: string, write: () => void): Promise<void> {
    this.calls.push({ kind: 'write', method, target });
    const correlationId = randomUUID();
    this.logActivity(method, target, 'Started', correlationId);
    try {
      await this.writeOnce(target, write);
      this.logActivity(method, target, 'Succeeded', correlationId);
    } catch (error) {
      this.logActivity(method, target, 'Failed', correlationId);
      throw error;
    }
  }

  private async writeOnce(target: string, write: () => void): Promise<void> {
    const fault = this.takeFault(this.writeFaults, target);
    if (fault)
      throw new WriteFailure(
        target,
        fault.message ?? fault.code,
        fault.code,
        fault.httpStatus,
        fault.retryAfterSeconds,
      );
    try {
      write();
    } catch (error) {
      if (error instanceof HttpFailure)
        throw new WriteFailure(target, error.message, error.code, error.httpStatus);
      throw error;
    }
  }
}
