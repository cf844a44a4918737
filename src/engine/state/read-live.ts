// Reads the live state a desired state needs, each resource once, in as few rounds as the
// dependencies allow: round one reads everything the spec names; round two lists the
// private endpoints that the vaults' connections reveal in resource groups not yet listed.
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
  readonly virtualNetworks: ReadonlyMap<string, ReadOutcome<LiveVirtualNetwork>>;
  readonly privateEndpointLists: ReadonlyMap<string, ReadOutcome<LivePrivateEndpoint[]>>;
  readonly zoneGroups: ReadonlyMap<string, ReadOutcome<LiveZoneGroup>>;
  readonly zones: ReadonlyMap<string, ReadOutcome<LiveDnsZone>>;
  readonly links: ReadonlyMap<string, ReadOutcome<LiveVirtualNetworkLink[]>>;
  readonly aRecordSets: ReadonlyMap<string, ReadOutcome<LiveARecordSet[]>>;
}

export function resourceGroupKey(subscription: string, resourceGroup: string): string {
  return `${subscription}/${resourceGroup}`.toLowerCase();
}

/** The VNet that holds a subnet id. */
export function virtualNetworkOf(subnetId: string): string {
  return subnetId.replace(/\/subnets\/[^/]+\/?$/i, '');
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
  const zoneGroups = new OnceByKey<ReadOutcome<LiveZoneGroup>>();
  const zones = new OnceByKey<ReadOutcome<LiveDnsZone>>();
  const links = new OnceByKey<ReadOutcome<LiveVirtualNetworkLink[]>>();
  const aRecordSets = new OnceByKey<ReadOutcome<LiveARecordSet[]>>();
  const listEndpoints = (subscription: string, resourceGroup: string) =>
    endpointLists.get(
      resourceGroupKey(subscription, resourceGroup),
      limited(`/subscriptions/${subscription}/resourceGroups/${resourceGroup}`, () =>
        reader.listPrivateEndpoints(subscription, resourceGroup),
      ),
    );

  // Vaults: one list per resource group that holds several declared vaults, else a GET.
  const vaultsByGroup = new Map<string, DesiredState['vaults'][number][]>();
  for (const vault of desired.vaults) {
    const key = resourceGroupKey(vault.subscription, vault.resourceGroup);
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
        resourceGroupKey(first.subscription, first.resourceGroup),
        limited(`/subscriptions/${first.subscription}/resourceGroups/${first.resourceGroup}`, () =>
          reader.listVaults(first.subscription, first.resourceGroup),
        ),
      );
    }
  }

  for (const vault of desired.vaults) {
    for (const subnetId of vault.ensureServiceEndpointOn) {
      const vnetId = virtualNetworkOf(subnetId);
      void virtualNetworks.get(
        resourceIdKey(vnetId),
        limited(vnetId, () => reader.getVirtualNetwork(vnetId)),
      );
    }
    for (const endpoint of vault.privateEndpoints) {
      const vnetId = virtualNetworkOf(endpoint.subnetId);
      void virtualNetworks.get(
        resourceIdKey(vnetId),
        limited(vnetId, () => reader.getVirtualNetwork(vnetId)),
      );
      void listEndpoints(endpoint.subscription, endpoint.resourceGroup);
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
      const group = dns.zoneGroup;
      if (group)
        void zoneGroups.get(
          resourceIdKey(group.id),
          limited(group.id, () => reader.getZoneGroup(group.id)),
        );
    }
  }

  // Round two: endpoints behind the vaults' connections, in subscriptions the spec set uses
  // (an endpoint in a stranger's subscription is theirs; we only see its connection).
  const knownSubscriptions = new Set(
    desired.vaults.map((vault) => vault.subscription.toLowerCase()),
  );
  const vaultOutcomes = await collectVaults(desired, vaults, vaultLists);
  for (const outcome of vaultOutcomes.values()) {
    if (outcome.status !== 'ok') continue;
    for (const connection of outcome.value.connections) {
      const parsed = parseResourceId(connection.privateEndpointId);
      if (!parsed.ok || !knownSubscriptions.has(parsed.id.subscription.toLowerCase())) continue;
      void listEndpoints(parsed.id.subscription, parsed.id.resourceGroup);
    }
  }

  return {
    vaults: vaultOutcomes,
    virtualNetworks: await virtualNetworks.settled(),
    privateEndpointLists: await endpointLists.settled(),
    zoneGroups: await zoneGroups.settled(),
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
    const list = byGroup.get(resourceGroupKey(vault.subscription, vault.resourceGroup));
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
