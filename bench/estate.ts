// The benchmark estate: N vaults over S subscriptions, generated deterministically (no random
// numbers, so two runs with the same N and S read and write the same resources). It yields
// three things that must agree: the ARM bodies the local endpoint starts from, the spec set
// that describes them (baseline), and the same spec set with a change on 10 % of the vaults.
//
// Shape (per subscription, vaults dealt round-robin over the subscriptions):
// - vaults in resource groups of 1, 3, 6, 2 and 8 declared vaults (cycling), so both read
//   paths run: a GET for a group with one declared vault, a list for a group with several;
//   every third group also holds a vault no spec declares (a list returns it, kvnet ignores it);
// - shared VNets in rg-network, one per 25 vaults, each with snet-app-1..4 and snet-pe;
//   snet-app-1/2 already carry the Microsoft.KeyVault service endpoint, snet-app-3/4 do not;
// - every vault: defaultAction Deny, two IP rules (one address, one range); every other vault
//   a VNet rule on snet-app-1 or -2 (serviceEndpoint: ensure, so kvnet reads the VNet);
// - one vault in five: a private endpoint in rg-endpoints, on its VNet's snet-pe, with a zone
//   group on the hub zone; one in ten of all vaults also has public network access Disabled;
// - one vault in ten is changed by the apply phase (bench/specs.ts): an IP rule added, a VNet
//   rule on a subnet without the endpoint yet, an IP rule removed, or a private endpoint added;
// these patterns count from each vault's position in its subscription, shifted by subscription,
// so they spread over every subscription and VNet;
// - a hub private DNS zone (privatelink.vaultcore.azure.net) in rg-dns of a subscription of
//   its own, linked to every VNet that hosts an endpoint.
// The private endpoints themselves are not written as bodies: the bench creates them through
// kvnet before measuring (bench/setup.ts), so their shape is exactly what the endpoint makes.

export type ArmBody = Record<string, unknown>;

export const LOCATION = 'westeurope';
export const TENANT = '0b0b0b0b-0000-4000-8000-000000000000';
export const HUB_SUBSCRIPTION = 'bbbbbbbb-0000-4000-8000-000000000001';
export const HUB_RG = 'rg-dns';
export const NET_RG = 'rg-network';
export const PE_RG = 'rg-endpoints';
export const ZONE = 'privatelink.vaultcore.azure.net';
export const VAULTS_PER_VNET = 25;
const GROUP_SIZES = [1, 3, 6, 2, 8] as const;

export const subscriptionId = (index: number) =>
  `aaaaaaaa-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
const groupPath = (subscription: string, rg: string) =>
  `/subscriptions/${subscription}/resourceGroups/${rg}`;
export const hubZoneId = () =>
  `${groupPath(HUB_SUBSCRIPTION, HUB_RG)}/providers/Microsoft.Network/privateDnsZones/${ZONE}`;
export const vnetIdOf = (subscription: string, vnet: string) =>
  `${groupPath(subscription, NET_RG)}/providers/Microsoft.Network/virtualNetworks/${vnet}`;

export type ChangeKind =
  'add-ip-rule' | 'add-vnet-rule' | 'remove-ip-rule' | 'add-private-endpoint';
export const CHANGE_KINDS: readonly ChangeKind[] = [
  'add-ip-rule',
  'add-vnet-rule',
  'remove-ip-rule',
  'add-private-endpoint',
];

export interface BenchVault {
  readonly index: number;
  readonly name: string;
  readonly subscription: string;
  readonly subscriptionIndex: number;
  readonly resourceGroup: string;
  readonly vnet: string;
  readonly vnetId: string;
  readonly ipRules: readonly string[];
  /** Subnet name in its VNet with a VNet rule (snet-app-1 or -2), if any. */
  readonly vnetRuleSubnet?: string;
  readonly privateEndpoint: boolean;
  readonly publicNetworkAccess: 'Enabled' | 'Disabled';
  /** The change the apply phase makes to this vault, if it is one of the 10 %. */
  readonly change?: ChangeKind;
}

export interface Estate {
  readonly vaultCount: number;
  readonly subscriptionCount: number;
  readonly vaults: readonly BenchVault[];
  /** Vaults present in Azure that no spec declares. */
  readonly unmanagedVaults: number;
  /** Every VNet: id, and whether a private endpoint sits in it (and so the hub zone links it). */
  readonly vnets: readonly { id: string; subscription: string; name: string; linked: boolean }[];
  /** ARM bodies to seed the local endpoint with. */
  readonly state: readonly ArmBody[];
}

function ipRulesOf(index: number): string[] {
  // Public addresses (20.0.0.0/8 and 52.0.0.0/8 are Azure public ranges), distinct per vault.
  const a = (index >> 8) & 255;
  const b = index & 255;
  return [`20.${a}.${b}.7`, `52.${a}.${b}.0/28`];
}

export function generateEstate(vaultCount: number, subscriptionCount: number): Estate {
  if (!Number.isInteger(vaultCount) || vaultCount < 1) throw new Error('vaults must be ≥ 1');
  if (!Number.isInteger(subscriptionCount) || subscriptionCount < 1)
    throw new Error('subscriptions must be ≥ 1');
  const vaults: BenchVault[] = [];
  // Per subscription: position of the next vault, its resource group and how full it is.
  const cursor = Array.from({ length: subscriptionCount }, () => ({ j: 0, group: 0, inGroup: 0 }));
  const changeEvery = 10;
  let changed = 0;
  for (let index = 0; index < vaultCount; index += 1) {
    const subscriptionIndex = index % subscriptionCount;
    const subscription = subscriptionId(subscriptionIndex);
    const at = cursor[subscriptionIndex] as { j: number; group: number; inGroup: number };
    const size = GROUP_SIZES[at.group % GROUP_SIZES.length] as number;
    if (at.inGroup >= size) {
      at.group += 1;
      at.inGroup = 0;
    }
    const resourceGroup = `rg-kv-${String(at.group).padStart(3, '0')}`;
    at.inGroup += 1;
    const j = at.j;
    const vnet = `vnet-${String(Math.floor(j / VAULTS_PER_VNET)).padStart(3, '0')}`;
    at.j += 1;
    // Patterns run on the position within the subscription, shifted per subscription, so
    // endpoints, private vaults and changes spread over every subscription and VNet.
    const k = j + subscriptionIndex;
    const privateEndpoint = k % 5 === 0;
    // One vault in ten changes; the kinds take turns.
    const change =
      k % changeEvery === 3 ? CHANGE_KINDS[changed++ % CHANGE_KINDS.length] : undefined;
    vaults.push({
      index,
      name: `kvb${String(index).padStart(5, '0')}`,
      subscription,
      subscriptionIndex,
      resourceGroup,
      vnet,
      vnetId: vnetIdOf(subscription, vnet),
      ipRules: ipRulesOf(index),
      vnetRuleSubnet: k % 2 === 0 ? `snet-app-${1 + ((k >> 1) % 2)}` : undefined,
      privateEndpoint,
      publicNetworkAccess: k % 10 === 0 ? 'Disabled' : 'Enabled',
      change,
    });
  }
  // At least one changed vault, even in a tiny estate.
  if (!vaults.some((vault) => vault.change) && vaults.length > 0) {
    const last = vaults[vaults.length - 1] as BenchVault;
    vaults[vaults.length - 1] = { ...last, change: 'add-ip-rule' };
  }

  const vnetKeys = new Map<
    string,
    { id: string; subscription: string; name: string; linked: boolean }
  >();
  for (const vault of vaults) {
    const entry = vnetKeys.get(vault.vnetId) ?? {
      id: vault.vnetId,
      subscription: vault.subscription,
      name: vault.vnet,
      linked: false,
    };
    if (vault.privateEndpoint) entry.linked = true;
    vnetKeys.set(vault.vnetId, entry);
  }
  const vnets = [...vnetKeys.values()];

  const state: ArmBody[] = [];
  for (const vault of vaults)
    state.push(vaultBody(vault.name, vault.subscription, vault.resourceGroup, vault));
  // Unmanaged vaults: one in every third resource group that holds several declared vaults.
  const groups = new Map<string, BenchVault[]>();
  for (const vault of vaults) {
    const key = `${vault.subscription}/${vault.resourceGroup}`;
    groups.set(key, [...(groups.get(key) ?? []), vault]);
  }
  let unmanagedVaults = 0;
  let groupNumber = 0;
  for (const members of groups.values()) {
    const first = members[0] as BenchVault;
    if (members.length > 1 && groupNumber % 3 === 0) {
      state.push(
        vaultBody(
          `kvx${String(unmanagedVaults).padStart(5, '0')}`,
          first.subscription,
          first.resourceGroup,
        ),
      );
      unmanagedVaults += 1;
    }
    groupNumber += 1;
  }
  vnets.forEach((vnet, position) => state.push(vnetBody(vnet.subscription, vnet.name, position)));
  state.push({
    id: `${groupPath(HUB_SUBSCRIPTION, HUB_RG)}`,
    type: 'Microsoft.Resources/resourceGroups',
    location: LOCATION,
  });
  state.push({
    id: hubZoneId(),
    name: ZONE,
    type: 'Microsoft.Network/privateDnsZones',
    location: 'global',
    tags: {},
    properties: { provisioningState: 'Succeeded' },
  });
  for (const vnet of vnets) {
    if (!vnet.linked) continue;
    state.push({
      id: `${hubZoneId()}/virtualNetworkLinks/${linkName(vnet.subscription, vnet.name)}`,
      name: linkName(vnet.subscription, vnet.name),
      type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      location: 'global',
      properties: {
        provisioningState: 'Succeeded',
        virtualNetwork: { id: vnet.id },
        registrationEnabled: false,
        virtualNetworkLinkState: 'Completed',
      },
    });
  }
  // The endpoints' resource group exists in every subscription, endpoints or not.
  for (let s = 0; s < subscriptionCount; s += 1) {
    state.push({
      id: groupPath(subscriptionId(s), PE_RG),
      type: 'Microsoft.Resources/resourceGroups',
      location: LOCATION,
    });
  }
  return { vaultCount, subscriptionCount, vaults, unmanagedVaults, vnets, state };
}

export function linkName(subscription: string, vnet: string): string {
  return `link-${subscription.slice(-4)}-${vnet}`;
}

/** A vault as GET returns it; the network as the baseline spec wants it, public access Enabled
 * (kvnet itself narrows the private vaults once their endpoint chain exists, in setup). */
function vaultBody(
  name: string,
  subscription: string,
  resourceGroup: string,
  vault?: BenchVault,
): ArmBody {
  const subnetRule = vault?.vnetRuleSubnet
    ? [{ id: `${vault.vnetId}/subnets/${vault.vnetRuleSubnet}`.toLowerCase() }]
    : [];
  return {
    id: `${groupPath(subscription, resourceGroup)}/providers/Microsoft.KeyVault/vaults/${name}`,
    name,
    type: 'Microsoft.KeyVault/vaults',
    location: LOCATION,
    tags: { estate: 'bench' },
    properties: {
      tenantId: TENANT,
      sku: { family: 'A', name: 'standard' },
      accessPolicies: [],
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      vaultUri: `https://${name}.vault.azure.net/`,
      provisioningState: 'Succeeded',
      publicNetworkAccess: 'Enabled',
      networkAcls: {
        bypass: 'AzureServices',
        defaultAction: vault ? 'Deny' : 'Allow',
        // Azure stores bare addresses as /32.
        ipRules: (vault?.ipRules ?? []).map((rule) => ({
          value: rule.includes('/') ? rule : `${rule}/32`,
        })),
        virtualNetworkRules: subnetRule,
      },
    },
  };
}

function vnetBody(subscription: string, name: string, position: number): ArmBody {
  const second = position % 256;
  const subnet = (subnetName: string, third: number, endpoints: string[]) => ({
    id: `${vnetIdOf(subscription, name)}/subnets/${subnetName}`,
    name: subnetName,
    type: 'Microsoft.Network/virtualNetworks/subnets',
    properties: {
      provisioningState: 'Succeeded',
      addressPrefix: `10.${second}.${third}.0/24`,
      serviceEndpoints: endpoints.map((service) => ({
        service,
        locations: [LOCATION],
        provisioningState: 'Succeeded',
      })),
      privateEndpointNetworkPolicies: 'Disabled',
    },
  });
  return {
    id: vnetIdOf(subscription, name),
    name,
    type: 'Microsoft.Network/virtualNetworks',
    location: LOCATION,
    properties: {
      provisioningState: 'Succeeded',
      addressSpace: { addressPrefixes: [`10.${second}.0.0/16`] },
      subnets: [
        subnet('snet-app-1', 1, ['Microsoft.KeyVault', 'Microsoft.Storage']),
        subnet('snet-app-2', 2, ['Microsoft.KeyVault']),
        subnet('snet-app-3', 3, ['Microsoft.Storage']),
        subnet('snet-app-4', 4, []),
        subnet('snet-pe', 100, []),
      ],
    },
  };
}
