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
import { BoundedRunner, OnceByKey } from './concurrency.js';
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

/** The VNet that holds a subnet id. */
export function virtualNetworkOf(subnetId: string): string {
  return subnetId.replace(/\/subnets\/[^/]+\/?$/i, '');
}

/** The private endpoint that holds a zone-group id. */
export function privateEndpointOf(zoneGroupId: string): string {
  return zoneGroupId.replace(/\/privateDnsZoneGroups\/[^/]+\/?$/i, '');
}

function subscriptionOf(id: string): string | undefined {
  const parsed = parseResourceId(id);
  return parsed.ok ? parsed.id.subscription.toLowerCase() : undefined;
}

export async function readLiveState(
  desired: DesiredState,
  reader: AzureReader,
  concurrency = DEFAULT_READ_CONCURRENCY,
): Promise<LiveSnapshot> {
  const runner = new BoundedRunner(concurrency);
  // A reader that throws (it should report failures as data) still yields an error outcome,
  // so no read can go missing or crash the run.
  const limited =
    <T>(resourceId: string, read: () => Promise<ReadOutcome<T>>) =>
    (): Promise<ReadOutcome<T>> =>
      runner.run(read).catch((error: unknown) => ({
        status: 'error' as const,
        error: { resourceId, message: error instanceof Error ? error.message : String(error) },
      }));
  const vaults = new OnceByKey<ReadOutcome<LiveVault>>();
  const vaultLists = new OnceByKey<ReadOutcome<LiveVault[]>>();
  const virtualNetworks = new OnceByKey<ReadOutcome<LiveVirtualNetwork>>();
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
  const groupReads: Promise<unknown>[] = [];
  const listEndpoints = (subscription: string, resourceGroup: string) => {
    const key = resourceGroupKey(subscription, resourceGroup);
    const seen = endpointLists.has(key);
    const list = endpointLists.get(
      key,
      limited(`/subscriptions/${subscription}/resourceGroups/${resourceGroup}`, () =>
        reader.listPrivateEndpoints(subscription, resourceGroup),
      ),
    );
    if (seen) return;
    groupReads.push(
      list.then((outcome) => {
        if (outcome.status !== 'ok') return;
        for (const endpoint of outcome.value) {
          if (!matters(endpoint)) continue;
          void zoneGroupLists.get(
            resourceIdKey(endpoint.id),
            limited(endpoint.id, () => reader.listZoneGroups(endpoint.id)),
          );
        }
      }),
    );
  };
  const readVirtualNetwork = (subnetId: string) => {
    const vnetId = virtualNetworkOf(subnetId);
    void virtualNetworks.get(
      resourceIdKey(vnetId),
      limited(vnetId, () => reader.getVirtualNetwork(vnetId)),
    );
  };

  // Vaults: one list per resource group that holds several declared vaults, else a GET.
  // (Each kind is listed on its own: managed HSM pools by the managedHSMs list.)
  const vaultsByGroup = new Map<string, DesiredState['vaults'][number][]>();
  for (const vault of desired.vaults) {
    const key = vaultGroupKey(vault);
    vaultsByGroup.set(key, [...(vaultsByGroup.get(key) ?? []), vault]);
  }
  for (const group of vaultsByGroup.values()) {
    const [first] = group;
    if (!first) continue;
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
  }

  const subnetReadSubscriptions = new Set(
    desired.vaults.map((vault) => vault.subscription.toLowerCase()),
  );
  for (const vault of desired.vaults) {
    for (const rule of vault.network.virtualNetworkRules) {
      readVirtualNetwork(rule.subnetId);
      const subscription = subscriptionOf(rule.subnetId);
      if (subscription) subnetReadSubscriptions.add(subscription);
    }
    for (const endpoint of vault.privateEndpoints) {
      readVirtualNetwork(endpoint.subnetId);
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
  const vaultOutcomes = await collectVaults(desired, vaults, vaultLists);
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
        readVirtualNetwork(rule.subnetId);
    }
  }
  const liveRuleVirtualNetworks = new Set(
    [...virtualNetworks.keys()].filter((key) => !specVirtualNetworks.has(key)),
  );

  const privateEndpointLists = await endpointLists.settled();
  await Promise.all(groupReads);
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
): Promise<Map<string, ReadOutcome<LiveVault>>> {
  const byId = await gets.settled();
  const byGroup = await lists.settled();
  const result = new Map<string, ReadOutcome<LiveVault>>();
  for (const vault of desired.vaults) {
    const key = resourceIdKey(vault.id);
    const direct = byId.get(key);
    if (direct) {
      result.set(key, direct);
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
