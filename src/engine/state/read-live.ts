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
import { parseResourceId, resourceIdKey } from '../model/resource-id.js';
import type { AzureReader } from '../../ports/azure-reader.js';
import { OnceByKey } from './concurrency.js';
import { ReadBudget } from './read-budget.js';
import type { DesiredState } from './desired.js';
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
): Promise<LiveSnapshot> {
  // Reads in flight per subscription, within ARM's read budget (read-budget.ts).
  const budget = new ReadBudget({ perSubscription: concurrency });
  reader.onReadQuota?.((subscription, remaining) => budget.observe(subscription, remaining));
  // A reader that throws (it should report failures as data) still yields an error outcome,
  // so no read can go missing or crash the run.
  const limited =
    <T>(resourceId: string, read: () => Promise<ReadOutcome<T>>) =>
    (): Promise<ReadOutcome<T>> =>
      budget.run(subscriptionScope(resourceId), read).catch((error: unknown) => ({
        status: 'error' as const,
        error: { resourceId, message: error instanceof Error ? error.message : String(error) },
      }));
  const vaults = new OnceByKey<ReadOutcome<LiveVault>>();
  const vaultLists = new OnceByKey<ReadOutcome<LiveVault[]>>();
  const subscriptionVaultLists = new OnceByKey<ReadOutcome<LiveVault[]>>();
  const virtualNetworks = new OnceByKey<ReadOutcome<LiveVirtualNetwork>>();
  const virtualNetworkLists = new OnceByKey<ReadOutcome<LiveVirtualNetwork[]>>();
  const endpointLists = new OnceByKey<ReadOutcome<LivePrivateEndpoint[]>>();
  const zoneGroupLists = new OnceByKey<ReadOutcome<LiveZoneGroup[]>>();
  const zones = new OnceByKey<ReadOutcome<LiveDnsZone>>();
  const links = new OnceByKey<ReadOutcome<LiveVirtualNetworkLink[]>>();
  const aRecordSets = new OnceByKey<ReadOutcome<LiveARecordSet[]>>();

  const declaredVaults = new Set(desired.vaults.map((vault) => resourceIdKey(vault.id)));
  const declaredEndpoints = new Set(
    desired.vaults.flatMap((vault) =>
      vault.privateEndpoints.map((endpoint) => resourceIdKey(endpoint.id)),
    ),
  );
  /** An endpoint whose zone groups the plan needs: declared, or connected to a declared vault. */
  const matters = (endpoint: LivePrivateEndpoint) =>
    declaredEndpoints.has(resourceIdKey(endpoint.id)) ||
    endpoint.connections.some((connection) =>
      declaredVaults.has(resourceIdKey(connection.targetId)),
    );
  const nicIps = async (nicIds: readonly string[]): Promise<string[]> => {
    const ips: string[] = [];
    for (const nicId of nicIds) {
      const read = reader.getNetworkInterfaceIps?.bind(reader);
      if (!read) break;
      // A NIC that cannot be read leaves the address unknown; it does not fail the list.
      const outcome = await limited(nicId, () => read(nicId))();
      if (outcome.status === 'ok') ips.push(...outcome.value);
    }
    return ips;
  };
  /**
   * The endpoint with its address: the endpoint's body, else what its zone group wrote, else
   * its NICs — a NIC is read only when neither gave one (AZURE-FACTS §8: with a zone group
   * Azure leaves customDnsConfigs empty and a dynamic address is only on the NIC).
   */
  const complete = async (endpoint: LivePrivateEndpoint): Promise<LivePrivateEndpoint> => {
    const { networkInterfaceIds, ...live } = endpoint;
    const groups = matters(live)
      ? zoneGroupLists.get(
          resourceIdKey(live.id),
          limited(live.id, () => reader.listZoneGroups(live.id)),
        )
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
  // Each list, once read, starts its endpoints' zone-group reads (and NIC reads where needed).
  const listEndpoints = (subscription: string, resourceGroup: string) => {
    const scope = `/subscriptions/${subscription}/resourceGroups/${resourceGroup}`;
    const list = () =>
      reader.listPrivateEndpointsWithoutNics
        ? reader.listPrivateEndpointsWithoutNics(subscription, resourceGroup)
        : reader.listPrivateEndpoints(subscription, resourceGroup);
    void endpointLists.get(resourceGroupKey(subscription, resourceGroup), () =>
      limited(scope, list)().then(async (outcome): Promise<ReadOutcome<LivePrivateEndpoint[]>> =>
        outcome.status === 'ok'
          ? { status: 'ok', value: await Promise.all(outcome.value.map(complete)) }
          : outcome,
      ),
    );
  };

  // VNets: one list per resource group where the spec names several (a 403 or any failure
  // of the list falls back to one GET each, so the facts are those of the GETs).
  const listedGroups = new Set<string>();
  const virtualNetworkOutcome = (vnetId: string): Promise<ReadOutcome<LiveVirtualNetwork>> => {
    const parsed = parseResourceId(vnetId);
    const group = parsed.ok
      ? resourceGroupKey(parsed.id.subscription, parsed.id.resourceGroup)
      : undefined;
    const get = limited(vnetId, () => reader.getVirtualNetwork(vnetId));
    if (!parsed.ok || !group || !listedGroups.has(group) || !reader.listVirtualNetworks)
      return get();
    const list = reader.listVirtualNetworks.bind(reader);
    return virtualNetworkLists
      .get(
        group,
        limited(
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
  };
  const readVirtualNetwork = (vnetId: string) => {
    void virtualNetworks.get(resourceIdKey(vnetId), () => virtualNetworkOutcome(vnetId));
  };

  // Vaults: one list per subscription where the spec's vaults sit in several resource groups;
  // else one list per resource group holding several declared vaults, else a GET. (Each kind
  // is listed on its own: managed HSM pools by the managedHSMs lists.)
  const groupsBySubscription = new Map<string, Map<string, DesiredState['vaults'][number][]>>();
  for (const vault of desired.vaults) {
    const subscription = subscriptionListKey(vault);
    const groups = groupsBySubscription.get(subscription) ?? new Map();
    groupsBySubscription.set(subscription, groups);
    const key = vaultGroupKey(vault);
    const group = groups.get(key);
    if (group) group.push(vault);
    else groups.set(key, [vault]);
  }
  const readGroup = (group: DesiredState['vaults'][number][]) => {
    const [first] = group;
    if (!first) return;
    if (group.length === 1) {
      void vaults.get(
        resourceIdKey(first.id),
        limited(first.id, () => reader.getVault(first.id)),
      );
    } else {
      void vaultLists.get(
        vaultGroupKey(first),
        limited(`/subscriptions/${first.subscription}/resourceGroups/${first.resourceGroup}`, () =>
          first.kind.id === 'vault'
            ? reader.listVaults(first.subscription, first.resourceGroup)
            : reader.listVaults(first.subscription, first.resourceGroup, first.kind.id),
        ),
      );
    }
  };
  const subscriptionReads: Promise<void>[] = [];
  for (const [subscription, groups] of groupsBySubscription) {
    const first = [...groups.values()][0]?.[0];
    if (groups.size < 2 || !first) {
      for (const group of groups.values()) readGroup(group);
      continue;
    }
    const scope = `/subscriptions/${first.subscription}`;
    subscriptionReads.push(
      subscriptionVaultLists
        .get(
          subscription,
          limited(scope, () =>
            first.kind.id === 'vault'
              ? reader.listVaultsInSubscription(first.subscription)
              : reader.listVaultsInSubscription(first.subscription, first.kind.id),
          ),
        )
        .then((outcome) => {
          // Refused (Reader on the groups only) or failed: the groups' own reads say it.
          if (outcome.status !== 'ok') for (const group of groups.values()) readGroup(group);
        }),
    );
  }

  const subnetReadSubscriptions = new Set(
    desired.vaults.map((vault) => vault.subscription.toLowerCase()),
  );
  const namedVirtualNetworks = new Map<string, string>();
  for (const vault of desired.vaults) {
    for (const rule of vault.network.virtualNetworkRules) {
      const vnetId = virtualNetworkOf(rule.subnetId);
      namedVirtualNetworks.set(resourceIdKey(vnetId), vnetId);
      const subscription = subscriptionOf(rule.subnetId);
      if (subscription) subnetReadSubscriptions.add(subscription);
    }
    for (const endpoint of vault.privateEndpoints) {
      const vnetId = virtualNetworkOf(endpoint.subnetId);
      namedVirtualNetworks.set(resourceIdKey(vnetId), vnetId);
    }
  }
  const vnetsByGroup = new Map<string, number>();
  for (const vnetId of namedVirtualNetworks.values()) {
    const parsed = parseResourceId(vnetId);
    if (!parsed.ok) continue;
    const group = resourceGroupKey(parsed.id.subscription, parsed.id.resourceGroup);
    vnetsByGroup.set(group, (vnetsByGroup.get(group) ?? 0) + 1);
  }
  for (const [group, count] of vnetsByGroup) if (count > 1) listedGroups.add(group);
  for (const vnetId of namedVirtualNetworks.values()) readVirtualNetwork(vnetId);

  for (const vault of desired.vaults) {
    for (const endpoint of vault.privateEndpoints) {
      listEndpoints(endpoint.subscription, endpoint.resourceGroup);
      const dns = endpoint.dns;
      if (!dns) continue;
      const zoneKey = resourceIdKey(dns.zoneId);
      void zones.get(
        zoneKey,
        limited(dns.zoneId, () => reader.getDnsZone(dns.zoneId)),
      );
      void links.get(
        zoneKey,
        limited(dns.zoneId, () => reader.listVirtualNetworkLinks(dns.zoneId)),
      );
      void aRecordSets.get(
        zoneKey,
        limited(dns.zoneId, () => reader.listARecordSets(dns.zoneId)),
      );
    }
  }
  const specVirtualNetworks = new Set(virtualNetworks.keys());

  // Round two, from what the vaults hold, in the subscriptions the spec set uses (an
  // endpoint or subnet in a stranger's subscription is theirs; we see only its reference).
  const endpointSubscriptions = new Set(
    desired.vaults.map((vault) => vault.subscription.toLowerCase()),
  );
  await Promise.all(subscriptionReads);
  const vaultOutcomes = await collectVaults(desired, vaults, vaultLists, subscriptionVaultLists);
  for (const outcome of vaultOutcomes.values()) {
    if (outcome.status !== 'ok') continue;
    for (const connection of outcome.value.connections) {
      const parsed = parseResourceId(connection.privateEndpointId);
      if (!parsed.ok || !endpointSubscriptions.has(parsed.id.subscription.toLowerCase())) continue;
      listEndpoints(parsed.id.subscription, parsed.id.resourceGroup);
    }
    for (const rule of outcome.value.network.virtualNetworkRules) {
      const subscription = subscriptionOf(rule.subnetId);
      if (subscription && subnetReadSubscriptions.has(subscription))
        readVirtualNetwork(virtualNetworkOf(rule.subnetId));
    }
  }
  const liveRuleVirtualNetworks = new Set(
    [...virtualNetworks.keys()].filter((key) => !specVirtualNetworks.has(key)),
  );

  const privateEndpointLists = await endpointLists.settled();
  return {
    vaults: vaultOutcomes,
    virtualNetworks: await virtualNetworks.settled(),
    liveRuleVirtualNetworks,
    subnetReadSubscriptions,
    privateEndpointLists,
    zoneGroupLists: await zoneGroupLists.settled(),
    zones: await zones.settled(),
    links: await links.settled(),
    aRecordSets: await aRecordSets.settled(),
  };
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
