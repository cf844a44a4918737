// Reads the live state a desired state needs, each resource once, in as few rounds as the
// dependencies allow.
// Round one reads everything the spec names: vaults, the VNet of every subnet any VNet rule
// or private endpoint names (whatever the rule's serviceEndpoint mode), endpoint lists, zones.
// Round two needs the vaults: the VNets of subnets the live vaults' VNet rules name (in the
// spec set's subscriptions only; a 403/404 there leaves that subnet "unknown" instead of
// failing the plan), and the endpoint lists of groups the vaults' connections reveal.
// Each endpoint list, once read, starts the zone-group lists of the endpoints that matter
// (declared, or connected to a declared vault): Azure allows one zone group per endpoint,
// and Azure Policy may have created it under a name the spec does not know.
import { parseResourceId, resourceIdKey, type IdKey } from '../model/resource-id.js';
import type { AzureReader } from '../../ports/azure-reader.js';
import { OnceByKey } from './concurrency.js';
import { ReadBudget } from './read-budget.js';
import type { LoadedSpecFile } from '../spec/checks/context.js';
import { resolveDesiredState, type DesiredState } from './desired.js';
import type {
  LiveARecordSet,
  LiveDnsZone,
  LivePrivateEndpoint,
  LiveVault,
  LiveVirtualNetwork,
  LiveVirtualNetworkLink,
  LiveZoneGroup,
  ReadOutcome,
} from './live.js';

export const DEFAULT_READ_CONCURRENCY = 16;

/** Everything read, keyed by lower-cased resource id (resource-group lists by "sub/rg"). */
export interface LiveSnapshot {
  readonly vaults: ReadonlyMap<string, ReadOutcome<LiveVault>>;
  /** Every VNet read, whether the spec or only a live vault's rule named one of its subnets. */
  readonly virtualNetworks: ReadonlyMap<string, ReadOutcome<LiveVirtualNetwork>>;
  /**
   * Keys of the VNets read only because a live vault's VNet rule names one of their subnets.
   * Their 403/404 answers make those subnets "unknown"; they are not read errors of the plan.
   */
  readonly liveRuleVirtualNetworks: ReadonlySet<string>;
  /** Lower-cased subscriptions whose subnets a live VNet rule may lead kvnet to read. */
  readonly subnetReadSubscriptions: ReadonlySet<string>;
  readonly privateEndpointLists: ReadonlyMap<string, ReadOutcome<LivePrivateEndpoint[]>>;
  /** The zone groups of each existing endpoint that matters, keyed by the endpoint's id. */
  readonly zoneGroupLists: ReadonlyMap<string, ReadOutcome<LiveZoneGroup[]>>;
  readonly zones: ReadonlyMap<string, ReadOutcome<LiveDnsZone>>;
  readonly links: ReadonlyMap<string, ReadOutcome<LiveVirtualNetworkLink[]>>;
  readonly aRecordSets: ReadonlyMap<string, ReadOutcome<LiveARecordSet[]>>;
}

export function resourceGroupKey(subscription: string, resourceGroup: string): string {
  return `${subscription}/${resourceGroup}`.toLowerCase();
}

/** Where a target is listed from: its resource group, and its kind unless it is a vault. */
function vaultGroupKey(vault: DesiredState['vaults'][number]): string {
  const group = resourceGroupKey(vault.subscription, vault.resourceGroup);
  return vault.kind.id === 'vault' ? group : `${group}#${vault.kind.id}`;
}

/** Where a target is listed from across its subscription: the subscription, and the kind. */
function subscriptionListKey(vault: DesiredState['vaults'][number]): string {
  const subscription = vault.subscription.toLowerCase();
  return vault.kind.id === 'vault' ? subscription : `${subscription}#${vault.kind.id}`;
}

/** The VNet that holds a subnet id. */
export function virtualNetworkOf(subnetId: string): string {
  return subnetId.replace(/\/subnets\/[^/]+\/?$/i, '');
}

/** The private endpoint that holds a zone-group id. */
export function privateEndpointOf(zoneGroupId: string): string {
  return zoneGroupId.replace(/\/privateDnsZoneGroups\/[^/]+\/?$/i, '');
}

/** The subscription a request goes to, from any id or scope under /subscriptions/{id}. */
function subscriptionScope(id: string): string {
  return (/^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '').toLowerCase();
}

function subscriptionOf(id: string): string | undefined {
  const parsed = parseResourceId(id);
  return parsed.ok ? parsed.id.subscription.toLowerCase() : undefined;
}

/** What a zone group wrote for its endpoint: the endpoint's address, as Azure took it. */
function zoneGroupIps(groups: readonly LiveZoneGroup[]): string[] {
  return [
    ...new Set(
      groups.flatMap((group) =>
        group.records
          .filter((record) => record.recordType === '' || record.recordType.toUpperCase() === 'A')
          .flatMap((record) => record.ipAddresses),
      ),
    ),
  ];
}

export async function readLiveState(
  desired: DesiredState,
  reader: AzureReader,
  concurrency = DEFAULT_READ_CONCURRENCY,
  started?: LiveReads,
): Promise<LiveSnapshot> {
  return (started ?? new LiveReads(reader, concurrency)).finish(desired);
}

type DesiredVaultOf = DesiredState['vaults'][number];

/**
 * The reads of one plan. `start` begins the reads a group of vaults names (round one) and can
 * be called as each spec file is resolved, before the set is whole; `finish` takes the whole
 * desired state, starts what is still missing, then round two, and returns the snapshot. Every
 * read is kept by key, so a resource two calls name is read once; a call that sees fewer vaults
 * may pick a GET where the whole set would list (one read more, never a different fact).
 */
export class LiveReads {
  // Reads in flight per subscription, within ARM's read budget (read-budget.ts).
  private readonly budget: ReadBudget;
  private readonly vaults = new OnceByKey<ReadOutcome<LiveVault>>();
  private readonly vaultLists = new OnceByKey<ReadOutcome<LiveVault[]>>();
  private readonly subscriptionVaultLists = new OnceByKey<ReadOutcome<LiveVault[]>>();
  private readonly subscriptionReads: Promise<void>[] = [];
  private readonly virtualNetworks = new OnceByKey<ReadOutcome<LiveVirtualNetwork>>();
  private readonly virtualNetworkLists = new OnceByKey<ReadOutcome<LiveVirtualNetwork[]>>();
  /** Resource groups whose VNets are listed rather than read one by one. */
  private readonly listedGroups = new Set<string>();
  /** Endpoint lists as read; `endpointLists` completes them once the set is whole. */
  private readonly rawEndpointLists = new OnceByKey<ReadOutcome<LivePrivateEndpoint[]>>();
  private readonly endpointLists = new OnceByKey<ReadOutcome<LivePrivateEndpoint[]>>();
  private readonly zoneGroupLists = new OnceByKey<ReadOutcome<LiveZoneGroup[]>>();
  private readonly zones = new OnceByKey<ReadOutcome<LiveDnsZone>>();
  private readonly links = new OnceByKey<ReadOutcome<LiveVirtualNetworkLink[]>>();
  private readonly aRecordSets = new OnceByKey<ReadOutcome<LiveARecordSet[]>>();
  /** The vaults and endpoints `start` has seen: an endpoint that matters to them matters. */
  private readonly startedVaults = new Set<IdKey>();
  private readonly startedEndpoints = new Set<IdKey>();
  /** Ends the quota calls once the reads are done (the reader's clients outlive this plan). */
  private readonly stopHearingQuota: (() => void) | undefined;

  constructor(
    private readonly reader: AzureReader,
    concurrency = DEFAULT_READ_CONCURRENCY,
  ) {
    this.budget = new ReadBudget({ perSubscription: concurrency });
    this.stopHearingQuota = reader.onReadQuota?.((subscription, remaining) =>
      this.budget.observe(subscription, remaining),
    );
  }

  /**
   * A reader that throws (it should report failures as data) still yields an error outcome,
   * so no read can go missing or crash the run.
   */
  private limited<T>(resourceId: string, read: () => Promise<ReadOutcome<T>>) {
    return (): Promise<ReadOutcome<T>> =>
      this.budget.run(subscriptionScope(resourceId), read).catch((error: unknown) => ({
        status: 'error' as const,
        error: { resourceId, message: error instanceof Error ? error.message : String(error) },
      }));
  }

  /**
   * Round one for the vaults of one spec file, as soon as it is parsed. A hint: `finish`
   * reads what the whole set needs, so a file that cannot be resolved alone (a named set
   * defined in a file not parsed yet) starts what it can, or nothing.
   */
  startFile(file: LoadedSpecFile, today: string): void {
    let vaults: readonly DesiredVaultOf[];
    try {
      vaults = resolveDesiredState([file], today).vaults;
    } catch {
      return;
    }
    this.start(vaults);
  }

  /** Round one for these vaults: their vaults, named VNets, endpoint lists and zones. */
  start(vaults: readonly DesiredVaultOf[]): void {
    for (const vault of vaults) {
      this.startedVaults.add(resourceIdKey(vault.id));
      for (const endpoint of vault.privateEndpoints)
        this.startedEndpoints.add(resourceIdKey(endpoint.id));
    }
    this.startVaults(vaults);
    const named = new Map<string, string>();
    for (const vault of vaults) {
      for (const rule of vault.network.virtualNetworkRules) {
        const vnetId = virtualNetworkOf(rule.subnetId);
        named.set(resourceIdKey(vnetId), vnetId);
      }
      for (const endpoint of vault.privateEndpoints) {
        const vnetId = virtualNetworkOf(endpoint.subnetId);
        named.set(resourceIdKey(vnetId), vnetId);
      }
    }
    // VNets: one list per resource group where the spec names several (a 403 or any failure
    // of the list falls back to one GET each, so the facts are those of the GETs).
    const vnetsByGroup = new Map<string, number>();
    for (const vnetId of named.values()) {
      const parsed = parseResourceId(vnetId);
      if (!parsed.ok) continue;
      const group = resourceGroupKey(parsed.id.subscription, parsed.id.resourceGroup);
      vnetsByGroup.set(group, (vnetsByGroup.get(group) ?? 0) + 1);
    }
    for (const [group, count] of vnetsByGroup) if (count > 1) this.listedGroups.add(group);
    for (const vnetId of named.values()) this.readVirtualNetwork(vnetId);

    for (const vault of vaults) {
      for (const endpoint of vault.privateEndpoints) {
        this.listEndpoints(endpoint.subscription, endpoint.resourceGroup);
        const dns = endpoint.dns;
        if (!dns) continue;
        const zoneKey = resourceIdKey(dns.zoneId);
        void this.zones.get(
          zoneKey,
          this.limited(dns.zoneId, () => this.reader.getDnsZone(dns.zoneId)),
        );
        void this.links.get(
          zoneKey,
          this.limited(dns.zoneId, () => this.reader.listVirtualNetworkLinks(dns.zoneId)),
        );
        void this.aRecordSets.get(
          zoneKey,
          this.limited(dns.zoneId, () => this.reader.listARecordSets(dns.zoneId)),
        );
      }
    }
  }

  /** The whole desired state: what `start` has not begun, then round two, then the snapshot. */
  async finish(desired: DesiredState): Promise<LiveSnapshot> {
    try {
      return await this.readAll(desired);
    } finally {
      this.stopHearingQuota?.();
    }
  }

  private async readAll(desired: DesiredState): Promise<LiveSnapshot> {
    this.start(desired.vaults);
    const completing = this.completion(desired);
    // Endpoint lists the spec named, completed now that every declared endpoint is known.
    for (const group of this.rawEndpointLists.keys()) this.completeEndpoints(group, completing);
    const specVirtualNetworks = new Set(this.virtualNetworks.keys());

    // Round two, from what the vaults hold, in the subscriptions the spec set uses (an
    // endpoint or subnet in a stranger's subscription is theirs; we see only its reference).
    const specSubscriptions = new Set(
      desired.vaults.map((vault) => vault.subscription.toLowerCase()),
    );
    const subnetReadSubscriptions = new Set(specSubscriptions);
    for (const vault of desired.vaults)
      for (const rule of vault.network.virtualNetworkRules) {
        const subscription = subscriptionOf(rule.subnetId);
        if (subscription) subnetReadSubscriptions.add(subscription);
      }
    await Promise.all(this.subscriptionReads);
    await this.readGroupsOfFailedLists(desired.vaults);
    const vaultOutcomes = await collectVaults(
      desired,
      this.vaults,
      this.vaultLists,
      this.subscriptionVaultLists,
    );
    for (const outcome of vaultOutcomes.values()) {
      if (outcome.status !== 'ok') continue;
      for (const connection of outcome.value.connections) {
        const parsed = parseResourceId(connection.privateEndpointId);
        if (!parsed.ok || !specSubscriptions.has(parsed.id.subscription.toLowerCase())) continue;
        const group = this.listEndpoints(parsed.id.subscription, parsed.id.resourceGroup);
        this.completeEndpoints(group, completing);
      }
      for (const rule of outcome.value.network.virtualNetworkRules) {
        const subscription = subscriptionOf(rule.subnetId);
        if (subscription && subnetReadSubscriptions.has(subscription))
          this.readVirtualNetwork(virtualNetworkOf(rule.subnetId));
      }
    }
    const liveRuleVirtualNetworks = new Set(
      [...this.virtualNetworks.keys()].filter((key) => !specVirtualNetworks.has(key)),
    );

    const privateEndpointLists = await this.endpointLists.settled();
    return {
      vaults: vaultOutcomes,
      virtualNetworks: await this.virtualNetworks.settled(),
      liveRuleVirtualNetworks,
      subnetReadSubscriptions,
      privateEndpointLists,
      zoneGroupLists: await this.zoneGroupLists.settled(),
      zones: await this.zones.settled(),
      links: await this.links.settled(),
      aRecordSets: await this.aRecordSets.settled(),
    };
  }

  // Vaults: one list per subscription where the vaults sit in several resource groups; else
  // one list per resource group holding several of them, else a GET. (Each kind is listed on
  // its own: managed HSM pools by the managedHSMs lists.)
  private startVaults(vaults: readonly DesiredVaultOf[]): void {
    const groupsBySubscription = new Map<string, Map<string, DesiredVaultOf[]>>();
    for (const vault of vaults) {
      // A vault an earlier file's reads already cover (a GET, or a list of its group or
      // subscription) needs nothing more: one file per vault would otherwise be read twice.
      if (this.readBegun(vault)) continue;
      const subscription = subscriptionListKey(vault);
      const groups = groupsBySubscription.get(subscription) ?? new Map();
      groupsBySubscription.set(subscription, groups);
      const key = vaultGroupKey(vault);
      const group = groups.get(key);
      if (group) group.push(vault);
      else groups.set(key, [vault]);
    }
    for (const [subscription, groups] of groupsBySubscription) {
      const first = [...groups.values()][0]?.[0];
      if (this.subscriptionVaultLists.has(subscription)) continue;
      if (groups.size < 2 || !first) {
        for (const group of groups.values()) this.readGroup(group);
        continue;
      }
      const scope = `/subscriptions/${first.subscription}`;
      this.subscriptionReads.push(
        this.subscriptionVaultLists
          .get(
            subscription,
            this.limited(scope, () =>
              first.kind.id === 'vault'
                ? this.reader.listVaultsInSubscription(first.subscription)
                : this.reader.listVaultsInSubscription(first.subscription, first.kind.id),
            ),
          )
          .then((outcome) => {
            // Refused (Reader on the groups only) or failed: the groups' own reads say it.
            if (outcome.status !== 'ok') for (const group of groups.values()) this.readGroup(group);
          }),
      );
    }
  }

  private readBegun(vault: DesiredVaultOf): boolean {
    return (
      this.vaults.has(resourceIdKey(vault.id)) ||
      this.vaultLists.has(vaultGroupKey(vault)) ||
      this.subscriptionVaultLists.has(subscriptionListKey(vault))
    );
  }

  /**
   * A subscription list that was refused or failed: every group of the whole set in that
   * subscription is read on its own (the list's fallback knew only the vaults of its call).
   */
  private async readGroupsOfFailedLists(vaults: readonly DesiredVaultOf[]): Promise<void> {
    const failed = new Set<string>();
    for (const [subscription, outcome] of await this.subscriptionVaultLists.settled())
      if (outcome.status !== 'ok') failed.add(subscription);
    if (failed.size === 0) return;
    const groups = new Map<string, DesiredVaultOf[]>();
    for (const vault of vaults) {
      if (!failed.has(subscriptionListKey(vault))) continue;
      const key = vaultGroupKey(vault);
      groups.set(key, [...(groups.get(key) ?? []), vault]);
    }
    for (const group of groups.values()) this.readGroup(group);
  }

  private readGroup(group: readonly DesiredVaultOf[]): void {
    const [first] = group;
    if (!first) return;
    if (group.length === 1) {
      void this.vaults.get(
        resourceIdKey(first.id),
        this.limited(first.id, () => this.reader.getVault(first.id)),
      );
    } else {
      void this.vaultLists.get(
        vaultGroupKey(first),
        this.limited(
          `/subscriptions/${first.subscription}/resourceGroups/${first.resourceGroup}`,
          () =>
            first.kind.id === 'vault'
              ? this.reader.listVaults(first.subscription, first.resourceGroup)
              : this.reader.listVaults(first.subscription, first.resourceGroup, first.kind.id),
        ),
      );
    }
  }

  private virtualNetworkOutcome(vnetId: string): Promise<ReadOutcome<LiveVirtualNetwork>> {
    const parsed = parseResourceId(vnetId);
    const group = parsed.ok
      ? resourceGroupKey(parsed.id.subscription, parsed.id.resourceGroup)
      : undefined;
    const get = this.limited(vnetId, () => this.reader.getVirtualNetwork(vnetId));
    if (!parsed.ok || !group || !this.listedGroups.has(group) || !this.reader.listVirtualNetworks)
      return get();
    const list = this.reader.listVirtualNetworks.bind(this.reader);
    return this.virtualNetworkLists
      .get(
        group,
        this.limited(
          `/subscriptions/${parsed.id.subscription}/resourceGroups/${parsed.id.resourceGroup}`,
          () => list(parsed.id.subscription, parsed.id.resourceGroup),
        ),
      )
      .then((outcome) => {
        if (outcome.status !== 'ok') return get();
        const found = outcome.value.find(
          (candidate) => resourceIdKey(candidate.id) === resourceIdKey(vnetId),
        );
        return found ? { status: 'ok' as const, value: found } : { status: 'not-found' as const };
      });
  }

  private readVirtualNetwork(vnetId: string): void {
    void this.virtualNetworks.get(resourceIdKey(vnetId), () => this.virtualNetworkOutcome(vnetId));
  }

  /** Starts the list of a group's endpoints (once); returns the group's key. */
  private listEndpoints(subscription: string, resourceGroup: string): string {
    const group = resourceGroupKey(subscription, resourceGroup);
    const scope = `/subscriptions/${subscription}/resourceGroups/${resourceGroup}`;
    const reader = this.reader;
    const list = this.limited(scope, () =>
      reader.listPrivateEndpointsWithoutNics
        ? reader.listPrivateEndpointsWithoutNics(subscription, resourceGroup)
        : reader.listPrivateEndpoints(subscription, resourceGroup),
    );
    void this.rawEndpointLists.get(group, () => {
      const listed = list();
      // Zone groups of the endpoints that matter to the files seen so far start now, not when
      // the set is whole (they would matter to it too: a set only adds vaults and endpoints).
      void listed.then((outcome) => {
        if (outcome.status !== 'ok') return;
        for (const endpoint of outcome.value)
          if (this.matters(endpoint, this.startedVaults, this.startedEndpoints))
            void this.zoneGroupsOf(endpoint.id);
      });
      return listed;
    });
    return group;
  }

  /** An endpoint matters when it is declared, or connected to a declared vault. */
  private matters(
    endpoint: LivePrivateEndpoint,
    vaults: ReadonlySet<IdKey>,
    endpoints: ReadonlySet<IdKey>,
  ): boolean {
    return (
      endpoints.has(resourceIdKey(endpoint.id)) ||
      endpoint.connections.some((connection) => vaults.has(resourceIdKey(connection.targetId)))
    );
  }

  /** The endpoint's zone groups, read once. */
  private zoneGroupsOf(endpointId: string): Promise<ReadOutcome<LiveZoneGroup[]>> {
    return this.zoneGroupLists.get(
      resourceIdKey(endpointId),
      this.limited(endpointId, () => this.reader.listZoneGroups(endpointId)),
    );
  }

  /** A started list, each endpoint completed with its address as soon as the list is read. */
  private completeEndpoints(
    group: string,
    complete: (endpoint: LivePrivateEndpoint) => Promise<LivePrivateEndpoint>,
  ): void {
    const raw = this.rawEndpointLists.get(group, () => {
      throw new Error(`the endpoint list of ${group} was never started`);
    });
    void this.endpointLists.get(group, () =>
      raw.then(async (outcome): Promise<ReadOutcome<LivePrivateEndpoint[]>> =>
        outcome.status === 'ok'
          ? { status: 'ok', value: await Promise.all(outcome.value.map(complete)) }
          : outcome,
      ),
    );
  }

  /**
   * How an endpoint gets its address: its body, else what its zone group wrote, else its NICs —
   * a NIC is read only when neither gave one (AZURE-FACTS §8: with a zone group Azure leaves
   * customDnsConfigs empty and a dynamic address is only on the NIC). Zone groups are read for
   * the endpoints that matter (declared, or connected to a declared vault): Azure allows one
   * zone group per endpoint, and Azure Policy may have created it under a name the spec does
   * not know. Needs the whole desired state, to know which endpoints matter (those that
   * mattered to the files seen before are under way already: listEndpoints).
   */
  private completion(
    desired: DesiredState,
  ): (endpoint: LivePrivateEndpoint) => Promise<LivePrivateEndpoint> {
    const declaredVaults = new Set(desired.vaults.map((vault) => resourceIdKey(vault.id)));
    const declaredEndpoints = new Set(
      desired.vaults.flatMap((vault) =>
        vault.privateEndpoints.map((endpoint) => resourceIdKey(endpoint.id)),
      ),
    );
    const reader = this.reader;
    const nicIps = async (nicIds: readonly string[]): Promise<string[]> => {
      const ips: string[] = [];
      for (const nicId of nicIds) {
        const read = reader.getNetworkInterfaceIps?.bind(reader);
        if (!read) break;
        // A NIC that cannot be read leaves the address unknown; it does not fail the list.
        const outcome = await this.limited(nicId, () => read(nicId))();
        if (outcome.status === 'ok') ips.push(...outcome.value);
      }
      return ips;
    };
    return async (endpoint) => {
      const { networkInterfaceIds, ...live } = endpoint;
      const groups = this.matters(live, declaredVaults, declaredEndpoints)
        ? this.zoneGroupsOf(live.id)
        : undefined;
      if (live.privateIps.length > 0 || !networkInterfaceIds?.length) {
        await groups;
        return live;
      }
      const outcome = await groups;
      const written = outcome?.status === 'ok' ? zoneGroupIps(outcome.value) : [];
      if (written.length > 0) return { ...live, privateIps: written };
      return { ...live, privateIps: await nicIps(networkInterfaceIds) };
    };
  }
}

/** Merges vault GETs and per-group lists into one outcome per declared vault. */
async function collectVaults(
  desired: DesiredState,
  gets: OnceByKey<ReadOutcome<LiveVault>>,
  lists: OnceByKey<ReadOutcome<LiveVault[]>>,
  subscriptionLists: OnceByKey<ReadOutcome<LiveVault[]>>,
): Promise<Map<string, ReadOutcome<LiveVault>>> {
  const byId = await gets.settled();
  const byGroup = await lists.settled();
  const inSubscriptions = new Map<string, LiveVault>();
  for (const outcome of (await subscriptionLists.settled()).values())
    if (outcome.status === 'ok')
      for (const vault of outcome.value) inSubscriptions.set(resourceIdKey(vault.id), vault);
  const listedSubscriptions = new Set(
    [...(await subscriptionLists.settled())]
      .filter(([, outcome]) => outcome.status === 'ok')
      .map(([subscription]) => subscription),
  );
  const result = new Map<string, ReadOutcome<LiveVault>>();
  for (const vault of desired.vaults) {
    const key = resourceIdKey(vault.id);
    const direct = byId.get(key);
    if (direct) {
      result.set(key, direct);
      continue;
    }
    if (listedSubscriptions.has(subscriptionListKey(vault))) {
      const found = inSubscriptions.get(key);
      result.set(key, found ? { status: 'ok', value: found } : { status: 'not-found' });
      continue;
    }
    const list = byGroup.get(vaultGroupKey(vault));
    if (!list || list.status === 'not-found') {
      result.set(key, { status: 'not-found' });
    } else if (list.status === 'error') {
      result.set(key, list);
    } else {
      const found = list.value.find((candidate) => resourceIdKey(candidate.id) === key);
      result.set(key, found ? { status: 'ok', value: found } : { status: 'not-found' });
    }
  }
  return result;
}
