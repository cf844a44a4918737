// The fewest ARM reads that tell a planner everything it needs about the estate, worked out
// from the estate itself (its ARM bodies, the spec set and the endpoints setup made), not
// from kvnet's reader, and the GET set a bare client issues to measure the floor.
//
// Each piece of live state the diff depends on, and the cheapest way to get it, with P items
// per page (the endpoint's page size during the bench; a list of n items costs
// max(1, ceil(n / P)) requests, its pages one after the other):
//   vault networks      per subscription, the cheaper of one list of the subscription (every
//                       vault in it, managed or not) and, per resource group holding declared
//                       vaults, a GET (one declared vault) or a list of the group (several)
//   subnets             per resource group holding VNets named by a VNet rule (the spec's or
//                       a live vault's) or a private endpoint, the cheaper of one GET per
//                       named VNet and a list of the group's VNets (subnets are embedded)
//   private endpoints   per subscription, the cheaper of one list of the subscription and one
//                       list per resource group holding declared endpoints or endpoints behind
//                       the declared vaults' connections
//   private DNS         per zone: the zone GET, the list of its VNet links, the list of its
//                       A records
//   zone groups         one list per existing endpoint that is declared or connected to a
//                       declared vault (one group at most; nothing lists them across endpoints)
//   NICs                one GET per such endpoint whose address neither its body nor its zone
//                       group gives (none here: setup gives every endpoint a zone group)
import { HUB_SUBSCRIPTION, PE_RG, hubZoneId, type Estate } from './estate.js';
import { desiredVault, type SpecPhase } from './specs.js';

export const API_VERSIONS = {
  keyVault: '2026-02-01',
  network: '2025-05-01',
  privateDns: '2024-06-01',
} as const;

/** One list or GET of the minimal set; `zoneGroupsOf` marks an endpoint list whose endpoints' zone groups follow. */
export interface MinimalRequest {
  readonly path: string;
  readonly apiVersion: string;
  readonly subscription: string;
  /** Requests this one costs with paging. */
  readonly pages: number;
  readonly list: boolean;
  readonly zoneGroupsOf?: boolean;
}

export interface MinimalReads {
  readonly vaultRequests: number;
  readonly virtualNetworks: number;
  readonly privateEndpointLists: number;
  readonly dnsZoneReads: number;
  readonly zoneGroups: number;
  readonly networkInterfaces: number;
  readonly total: number;
  readonly pageSize: number;
}

const pagesOf = (items: number, pageSize: number) =>
  pageSize > 0 ? Math.max(1, Math.ceil(items / pageSize)) : 1;

function idParts(id: string) {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\//i.exec(id);
  return match
    ? { subscription: match[1] as string, resourceGroup: match[2] as string }
    : undefined;
}

export function minimalReads(
  estate: Estate,
  phase: SpecPhase,
  pageSize: number,
): { counts: MinimalReads; requests: MinimalRequest[] } {
  const requests: MinimalRequest[] = [];
  const add = (request: MinimalRequest) => requests.push(request);
  const kv = API_VERSIONS.keyVault;
  const net = API_VERSIONS.network;

  // What Azure holds, from the estate's bodies: every vault and VNet by group.
  const vaultsInGroup = new Map<string, number>();
  const vaultsInSubscription = new Map<string, number>();
  const vnetsInGroup = new Map<string, number>();
  for (const body of estate.state) {
    const id = String(body.id ?? '');
    const parts = idParts(id);
    if (!parts) continue;
    const group = `${parts.subscription}/${parts.resourceGroup}`.toLowerCase();
    if (body.type === 'Microsoft.KeyVault/vaults') {
      vaultsInGroup.set(group, (vaultsInGroup.get(group) ?? 0) + 1);
      const sub = parts.subscription.toLowerCase();
      vaultsInSubscription.set(sub, (vaultsInSubscription.get(sub) ?? 0) + 1);
    } else if (body.type === 'Microsoft.Network/virtualNetworks')
      vnetsInGroup.set(group, (vnetsInGroup.get(group) ?? 0) + 1);
  }

  // Vaults.
  const declaredBySubscription = new Map<string, Map<string, { rg: string; count: number }>>();
  const namedVnets = new Map<string, string>();
  const endpointGroups = new Map<string, { subscription: string; rg: string }>();
  const existingEndpoints = new Map<string, number>();
  let zone = false;
  for (const vault of estate.vaults) {
    const desired = desiredVault(vault, phase);
    const groups = declaredBySubscription.get(vault.subscription) ?? new Map();
    declaredBySubscription.set(vault.subscription, groups);
    const key = vault.resourceGroup.toLowerCase();
    groups.set(key, { rg: vault.resourceGroup, count: (groups.get(key)?.count ?? 0) + 1 });
    // The live VNet rules of the estate name subnets of the vault's own VNet.
    if (desired.vnetRuleSubnets.length > 0 || vault.vnetRuleSubnet)
      namedVnets.set(vault.vnetId.toLowerCase(), vault.vnetId);
    if (desired.privateEndpoint) {
      namedVnets.set(vault.vnetId.toLowerCase(), vault.vnetId);
      endpointGroups.set(`${vault.subscription}/${desired.privateEndpoint.resourceGroup}`, {
        subscription: vault.subscription,
        rg: desired.privateEndpoint.resourceGroup,
      });
      zone = true;
    }
    // Endpoints that exist before the plan (setup made them from the baseline spec) show as
    // connections on their vaults; their groups are listed, their zone groups read.
    if (vault.privateEndpoint) {
      endpointGroups.set(`${vault.subscription}/${PE_RG}`, {
        subscription: vault.subscription,
        rg: PE_RG,
      });
      existingEndpoints.set(
        vault.subscription,
        (existingEndpoints.get(vault.subscription) ?? 0) + 1,
      );
    }
  }
  let vaultRequests = 0;
  for (const [subscription, groups] of declaredBySubscription) {
    const perGroup = [...groups.values()].map(({ rg, count }) =>
      count === 1
        ? { pages: 1, list: false, rg }
        : {
            pages: pagesOf(vaultsInGroup.get(`${subscription}/${rg}`.toLowerCase()) ?? 0, pageSize),
            list: true,
            rg,
          },
    );
    const bySubscription = pagesOf(
      vaultsInSubscription.get(subscription.toLowerCase()) ?? 0,
      pageSize,
    );
    const groupCost = perGroup.reduce((sum, entry) => sum + entry.pages, 0);
    if (bySubscription < groupCost) {
      vaultRequests += bySubscription;
      add({
        path: `/subscriptions/${subscription}/providers/Microsoft.KeyVault/vaults`,
        apiVersion: kv,
        subscription,
        pages: bySubscription,
        list: true,
      });
    } else {
      vaultRequests += groupCost;
      const first = estate.vaults.find((vault) => vault.subscription === subscription);
      for (const entry of perGroup) {
        const single = estate.vaults.find(
          (vault) => vault.subscription === subscription && vault.resourceGroup === entry.rg,
        );
        add({
          path: entry.list
            ? `/subscriptions/${subscription}/resourceGroups/${entry.rg}/providers/Microsoft.KeyVault/vaults`
            : `/subscriptions/${subscription}/resourceGroups/${entry.rg}/providers/Microsoft.KeyVault/vaults/${single?.name ?? first?.name ?? ''}`,
          apiVersion: kv,
          subscription,
          pages: entry.pages,
          list: entry.list,
        });
      }
    }
  }

  // VNets.
  const namedByGroup = new Map<string, string[]>();
  for (const id of namedVnets.values()) {
    const parts = idParts(id);
    if (!parts) continue;
    const group = `${parts.subscription}/${parts.resourceGroup}`;
    namedByGroup.set(group, [...(namedByGroup.get(group) ?? []), id]);
  }
  let virtualNetworks = 0;
  for (const [group, ids] of namedByGroup) {
    const [subscription, rg] = group.split('/') as [string, string];
    const listPages = pagesOf(vnetsInGroup.get(group.toLowerCase()) ?? 0, pageSize);
    if (listPages < ids.length) {
      virtualNetworks += listPages;
      add({
        path: `/subscriptions/${subscription}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks`,
        apiVersion: net,
        subscription,
        pages: listPages,
        list: true,
      });
    } else {
      virtualNetworks += ids.length;
      for (const id of ids) add({ path: id, apiVersion: net, subscription, pages: 1, list: false });
    }
  }

  // Private endpoints: every endpoint of the bench sits in rg-endpoints, so a list of the
  // subscription and a list of that group cost the same; the group's list is taken.
  let privateEndpointLists = 0;
  for (const { subscription, rg } of endpointGroups.values()) {
    const pages = pagesOf(rg === PE_RG ? (existingEndpoints.get(subscription) ?? 0) : 0, pageSize);
    privateEndpointLists += pages;
    add({
      path: `/subscriptions/${subscription}/resourceGroups/${rg}/providers/Microsoft.Network/privateEndpoints`,
      apiVersion: net,
      subscription,
      pages,
      list: true,
      zoneGroupsOf: true,
    });
  }

  // Private DNS: the hub zone, its links (one per VNet holding endpoints), its A records (one
  // per existing endpoint's vault).
  let dnsZoneReads = 0;
  if (zone) {
    const links = estate.vnets.filter((vnet) => vnet.linked).length;
    const records = estate.vaults.filter((vault) => vault.privateEndpoint).length;
    const dns = API_VERSIONS.privateDns;
    add({
      path: hubZoneId(),
      apiVersion: dns,
      subscription: HUB_SUBSCRIPTION,
      pages: 1,
      list: false,
    });
    const linkPages = pagesOf(links, pageSize);
    add({
      path: `${hubZoneId()}/virtualNetworkLinks`,
      apiVersion: dns,
      subscription: HUB_SUBSCRIPTION,
      pages: linkPages,
      list: true,
    });
    // Private DNS pages record sets at 100 by default (AZURE-FACTS §8), fewer if forced.
    const recordPages = pagesOf(records, pageSize > 0 ? Math.min(pageSize, 100) : 100);
    add({
      path: `${hubZoneId()}/A`,
      apiVersion: dns,
      subscription: HUB_SUBSCRIPTION,
      pages: recordPages,
      list: true,
    });
    dnsZoneReads = 1 + linkPages + recordPages;
  }

  const zoneGroups = [...existingEndpoints.values()].reduce((sum, count) => sum + count, 0);
  const counts = {
    vaultRequests,
    virtualNetworks,
    privateEndpointLists,
    dnsZoneReads,
    zoneGroups,
    networkInterfaces: 0,
  };
  return {
    counts: {
      ...counts,
      total: Object.values(counts).reduce((sum, value) => sum + value, 0),
      pageSize,
    },
    requests,
  };
}
