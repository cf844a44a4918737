// The real SDK clients (@azure/arm-keyvault 5.0.0, @azure/arm-network 36.0.0,
// @azure/arm-privatedns 3.2.0) perform every operation kvnet uses against the emulator,
// long-running operations included, through test/support/emulator-clients.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import {
  createEmulatorClients,
  EmulatorHttp,
  FAST_POLLING,
  type EmulatorClients,
} from '../support/emulator-clients.js';
import {
  baseState,
  RG,
  SUB,
  subnetId,
  TENANT,
  VAULT,
  vaultId,
  VNET,
  vnetId,
  ZONE,
  zoneId,
} from './seed.js';

let emulator: RunningEmulator;
let sdk: EmulatorClients;
let http: EmulatorHttp;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

beforeAll(async () => {
  emulator = await startEmulator({ state: baseState() });
  sdk = createEmulatorClients(emulator, SUB);
  http = new EmulatorHttp(emulator);
});
afterAll(async () => {
  http.close();
  await emulator.stop();
});
beforeEach(async () => {
  await http.reset();
  await http.settings({ lroInProgressPolls: 0, networkAclsWhenPublicAccessDisabled: 'hidden' });
});

async function createEndpoint(name: string, manual = false) {
  const connection = {
    name: `${name}-conn`,
    privateLinkServiceId: vaultId,
    groupIds: ['vault'],
    requestMessage: 'please',
  };
  return sdk.network.privateEndpoints.beginCreateOrUpdateAndWait(
    RG,
    name,
    {
      location: 'westeurope',
      subnet: { id: subnetId('snet-orders') },
      ...(manual
        ? { manualPrivateLinkServiceConnections: [connection] }
        : { privateLinkServiceConnections: [connection] }),
    },
    FAST_POLLING,
  );
}

describe('Key Vault vaults through @azure/arm-keyvault', () => {
  it('gets a vault, with an empty privateEndpointConnections list', async () => {
    const vault = await sdk.keyVault.vaults.get(RG, VAULT);
    expect(vault.id).toBe(vaultId);
    expect(vault.properties.tenantId).toBe(TENANT);
    expect(vault.properties.privateEndpointConnections).toEqual([]);
  });

  it('lists vaults by resource group, by subscription and through /resources', async () => {
    expect((await collect(sdk.keyVault.vaults.listByResourceGroup(RG))).map((v) => v.name)).toEqual(
      [VAULT],
    );
    expect((await collect(sdk.keyVault.vaults.listBySubscription())).map((v) => v.name)).toEqual([
      VAULT,
    ]);
    const generic = await collect(sdk.keyVault.vaults.list());
    expect(generic.map((v) => [v.name, v.type])).toEqual([[VAULT, 'Microsoft.KeyVault/vaults']]);
  });

  it('PATCH merges top-level properties and replaces networkAcls as a whole', async () => {
    await sdk.keyVault.vaults.update(RG, VAULT, {
      properties: {
        networkAcls: {
          bypass: 'None',
          defaultAction: 'Deny',
          ipRules: [{ value: '20.1.2.3' }, { value: '20.9.0.0/16' }],
          virtualNetworkRules: [],
        },
      },
    });
    const updated = await sdk.keyVault.vaults.update(RG, VAULT, {
      properties: {
        publicNetworkAccess: 'disabled',
        networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '20.1.2.3' }] },
      },
    });
    expect(updated.properties.publicNetworkAccess).toBe('Disabled');
    expect(updated.properties.enableRbacAuthorization).toBe(true); // untouched property kept
    // With public access Disabled, Azure withholds networkAcls (azure-powershell #20744).
    expect(updated.properties.networkAcls).toBeUndefined();
    await http.settings({ networkAclsWhenPublicAccessDisabled: 'shown' });
    const stored = await sdk.keyVault.vaults.get(RG, VAULT);
    // The second PATCH's networkAcls replaced the first: bypass back to its default, one rule.
    expect(stored.properties.networkAcls).toEqual({
      bypass: 'AzureServices',
      defaultAction: 'Deny',
      ipRules: [{ value: '20.1.2.3/32' }],
      virtualNetworkRules: [],
    });
    expect(updated.tags).toEqual({ team: 'payments' });
  });

  it('PUT is a long-running operation the SDK polls to the end (Location)', async () => {
    await http.settings({ lroInProgressPolls: 2 });
    const vault = await sdk.keyVault.vaults.beginCreateOrUpdateAndWait(
      RG,
      'kv-new',
      {
        location: 'westeurope',
        properties: {
          tenantId: TENANT,
          sku: { family: 'A', name: 'premium' },
          networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.1.1.1' }] },
        },
      },
      FAST_POLLING,
    );
    expect(vault.properties.provisioningState).toBe('Succeeded');
    expect(vault.properties.networkAcls?.ipRules).toEqual([{ value: '52.1.1.1/32' }]);
    const polls = (await http.requests()).filter(
      (r) => r.method === 'GET' && r.path.includes('/operationResults/'),
    );
    expect(polls.map((r) => r.status)).toEqual([202, 202, 200]);
  });
});

describe('private endpoint connections', () => {
  it('a private endpoint creates an Approved connection (automatic) or a Pending one (manual)', async () => {
    await createEndpoint('pe-auto');
    await createEndpoint('pe-manual', true);
    const connections = await collect(
      sdk.keyVault.privateEndpointConnections.listByResource(RG, VAULT),
    );
    const byEndpoint = Object.fromEntries(
      connections.map((c) => [
        c.privateEndpoint?.id?.split('/').at(-1),
        c.privateLinkServiceConnectionState?.status,
      ]),
    );
    expect(byEndpoint).toEqual({ 'pe-auto': 'Approved', 'pe-manual': 'Pending' });
    const vault = await sdk.keyVault.vaults.get(RG, VAULT);
    expect(vault.properties.privateEndpointConnections).toHaveLength(2);
  });

  it('get, approve, reject, and the endpoint sees the vault-side decision', async () => {
    await createEndpoint('pe-manual', true);
    const [connection] = await collect(
      sdk.keyVault.privateEndpointConnections.listByResource(RG, VAULT),
    );
    const name = connection?.name as string;
    expect(
      (await sdk.keyVault.privateEndpointConnections.get(RG, VAULT, name))
        .privateLinkServiceConnectionState?.status,
    ).toBe('Pending');
    const approved = await sdk.keyVault.privateEndpointConnections.put(RG, VAULT, name, {
      privateLinkServiceConnectionState: { status: 'Approved', description: 'ok by kvnet' },
    });
    expect(approved.privateLinkServiceConnectionState).toEqual({
      status: 'Approved',
      description: 'ok by kvnet',
      actionsRequired: 'None',
    });
    const endpoint = await sdk.network.privateEndpoints.get(RG, 'pe-manual');
    expect(
      endpoint.manualPrivateLinkServiceConnections?.[0]?.privateLinkServiceConnectionState?.status,
    ).toBe('Approved');
    await sdk.keyVault.privateEndpointConnections.put(RG, VAULT, name, {
      privateLinkServiceConnectionState: { status: 'Rejected', description: 'no' },
    });
    expect(
      (await sdk.network.privateEndpoints.get(RG, 'pe-manual'))
        .manualPrivateLinkServiceConnections?.[0]?.privateLinkServiceConnectionState?.status,
    ).toBe('Rejected');
  });

  it('delete is a long-running operation (202 + Location); the endpoint then shows Disconnected', async () => {
    await createEndpoint('pe-auto');
    const [connection] = await collect(
      sdk.keyVault.privateEndpointConnections.listByResource(RG, VAULT),
    );
    await sdk.keyVault.privateEndpointConnections.beginDeleteAndWait(
      RG,
      VAULT,
      connection?.name as string,
      FAST_POLLING,
    );
    expect(
      await collect(sdk.keyVault.privateEndpointConnections.listByResource(RG, VAULT)),
    ).toEqual([]);
    const endpoint = await sdk.network.privateEndpoints.get(RG, 'pe-auto');
    expect(
      endpoint.privateLinkServiceConnections?.[0]?.privateLinkServiceConnectionState?.status,
    ).toBe('Disconnected');
    const deleteCall = (await http.requests()).find((r) => r.method === 'DELETE');
    expect(deleteCall?.status).toBe(202);
  });

  it('AZURE-FACTS §0 / §6.9: get of an absent connection answers 204, and arm-keyvault 5.0.0 crashes on it', async () => {
    const raw = await http.request(
      'GET',
      `${vaultId}/privateEndpointConnections/nope?api-version=2026-02-01`,
    );
    expect(raw.status).toBe(204);
    // The emulator stays faithful; the SDK's known defect shows.
    await expect(sdk.keyVault.privateEndpointConnections.get(RG, VAULT, 'nope')).rejects.toThrow(
      TypeError,
    );
  });
});

describe('virtual networks and subnets through @azure/arm-network', () => {
  it('gets a VNet with its subnets and lists VNets', async () => {
    const vnet = await sdk.network.virtualNetworks.get(RG, VNET);
    expect(vnet.subnets?.map((s) => s.name)).toEqual(['snet-orders', 'snet-plain']);
    expect((await collect(sdk.network.virtualNetworks.list(RG))).map((v) => v.id)).toEqual([
      vnetId,
    ]);
    expect((await collect(sdk.network.virtualNetworks.listAll())).map((v) => v.id)).toEqual([
      vnetId,
    ]);
    expect((await collect(sdk.network.subnets.list(RG, VNET))).map((s) => s.name)).toEqual([
      'snet-orders',
      'snet-plain',
    ]);
  });

  it('read-modify-write of a subnet keeps NSG and route table; the PUT is an Azure-AsyncOperation LRO', async () => {
    await http.settings({ lroInProgressPolls: 1 });
    const subnet = await sdk.network.subnets.get(RG, VNET, 'snet-plain');
    const updated = await sdk.network.subnets.beginCreateOrUpdateAndWait(
      RG,
      VNET,
      'snet-plain',
      {
        ...subnet,
        serviceEndpoints: [...(subnet.serviceEndpoints ?? []), { service: 'Microsoft.KeyVault' }],
      },
      FAST_POLLING,
    );
    expect(updated.provisioningState).toBe('Succeeded');
    expect(updated.networkSecurityGroup?.id).toBe(subnet.networkSecurityGroup?.id);
    expect(updated.routeTable?.id).toBe(subnet.routeTable?.id);
    expect(updated.serviceEndpoints?.map((e) => [e.service, e.locations])).toEqual([
      ['Microsoft.Storage', ['westeurope']],
      ['Microsoft.KeyVault', ['westeurope']],
    ]);
    const log = await http.requests();
    expect(log.filter((r) => r.path.includes('/operations/')).length).toBe(2);
    expect(updated.etag).not.toBe(subnet.etag);
  });

  it('AZURE-FACTS §2: subnet PUT is a full replace — an omitted NSG, route table or endpoint is removed', async () => {
    const updated = await sdk.network.subnets.beginCreateOrUpdateAndWait(
      RG,
      VNET,
      'snet-plain',
      { addressPrefix: '10.10.2.0/24' },
      FAST_POLLING,
    );
    expect(updated.networkSecurityGroup).toBeUndefined();
    expect(updated.routeTable).toBeUndefined();
    expect(updated.serviceEndpoints ?? []).toEqual([]);
  });
});

describe('private endpoints and DNS zone groups through @azure/arm-network', () => {
  it('creates an endpoint with the first free address of the subnet, gets and lists it', async () => {
    const first = await createEndpoint('pe-one');
    const second = await createEndpoint('pe-two');
    expect(first.customDnsConfigs).toEqual([
      { fqdn: `${VAULT}.vault.azure.net`, ipAddresses: ['10.10.1.4'] },
    ]);
    expect(second.customDnsConfigs?.[0]?.ipAddresses).toEqual(['10.10.1.5']);
    expect(first.networkInterfaces?.[0]?.id).toMatch(/\/networkInterfaces\/pe-one\.nic\./);
    expect((await sdk.network.privateEndpoints.get(RG, 'pe-one')).provisioningState).toBe(
      'Succeeded',
    );
    expect((await collect(sdk.network.privateEndpoints.list(RG))).map((p) => p.name)).toEqual([
      'pe-one',
      'pe-two',
    ]);
    expect(
      (await collect(sdk.network.privateEndpoints.listBySubscription())).map((p) => p.name),
    ).toEqual(['pe-one', 'pe-two']);
  });

  it('a zone group writes the vault A record (TTL 10) and deleting it removes the record', async () => {
    await createEndpoint('pe-kv');
    const group = await sdk.network.privateDnsZoneGroups.beginCreateOrUpdateAndWait(
      RG,
      'pe-kv',
      'default',
      { privateDnsZoneConfigs: [{ name: 'kv', privateDnsZoneId: zoneId }] },
      FAST_POLLING,
    );
    expect(group.privateDnsZoneConfigs?.[0]?.recordSets).toEqual([
      {
        recordType: 'A',
        recordSetName: VAULT,
        fqdn: `${VAULT}.${ZONE}`,
        ipAddresses: ['10.10.1.4'],
      },
    ]);
    const record = await sdk.privateDns.recordSets.get(RG, ZONE, 'A', VAULT);
    expect(record.ttl).toBe(10);
    expect(record.aRecords).toEqual([{ ipv4Address: '10.10.1.4' }]);
    expect((await sdk.network.privateDnsZoneGroups.get(RG, 'pe-kv', 'default')).name).toBe(
      'default',
    );
    // arm-network 36: list(privateEndpointName, resourceGroupName) — the order is reversed.
    expect(
      (await collect(sdk.network.privateDnsZoneGroups.list('pe-kv', RG))).map((g) => g.name),
    ).toEqual(['default']);
    await sdk.network.privateDnsZoneGroups.beginDeleteAndWait(RG, 'pe-kv', 'default', FAST_POLLING);
    await expect(sdk.privateDns.recordSets.get(RG, ZONE, 'A', VAULT)).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('deleting the endpoint (LRO) removes its vault connection and its DNS records', async () => {
    await createEndpoint('pe-kv');
    await sdk.network.privateDnsZoneGroups.beginCreateOrUpdateAndWait(
      RG,
      'pe-kv',
      'default',
      { privateDnsZoneConfigs: [{ name: 'kv', privateDnsZoneId: zoneId }] },
      FAST_POLLING,
    );
    await sdk.network.privateEndpoints.beginDeleteAndWait(RG, 'pe-kv', FAST_POLLING);
    await expect(sdk.network.privateEndpoints.get(RG, 'pe-kv')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
    expect(
      await collect(sdk.keyVault.privateEndpointConnections.listByResource(RG, VAULT)),
    ).toEqual([]);
    expect(await collect(sdk.privateDns.recordSets.listByType(RG, ZONE, 'A'))).toEqual([]);
  });
});

describe('private DNS through @azure/arm-privatedns', () => {
  it('creates a zone (202 LRO), gets and lists it; If-None-Match: * on an existing zone → 412', async () => {
    const zone = await sdk.privateDns.privateZones.beginCreateOrUpdateAndWait(
      RG,
      'privatelink.example.net',
      { location: 'Global', tags: { a: 'b' } },
      FAST_POLLING,
    );
    expect(zone.location).toBe('global');
    expect(zone.provisioningState).toBe('Succeeded');
    expect((await sdk.privateDns.privateZones.get(RG, ZONE)).numberOfRecordSets).toBe(1);
    expect(
      (await collect(sdk.privateDns.privateZones.listByResourceGroup(RG)))
        .map((z) => z.name)
        .sort(),
    ).toEqual(['privatelink.example.net', ZONE]);
    expect((await collect(sdk.privateDns.privateZones.list())).length).toBe(2);
    await expect(
      sdk.privateDns.privateZones.beginCreateOrUpdateAndWait(
        RG,
        ZONE,
        { location: 'global' },
        { ...FAST_POLLING, ifNoneMatch: '*' },
      ),
    ).rejects.toMatchObject({ statusCode: 412 });
  });

  it('links a VNet: InProgress while the operation runs, Completed after', async () => {
    await http.settings({ lroInProgressPolls: 1 });
    const poller = await sdk.privateDns.virtualNetworkLinks.beginCreateOrUpdate(
      RG,
      ZONE,
      'link-apps',
      { location: 'global', virtualNetwork: { id: vnetId }, registrationEnabled: false },
      FAST_POLLING,
    );
    expect(
      (await sdk.privateDns.virtualNetworkLinks.get(RG, ZONE, 'link-apps')).virtualNetworkLinkState,
    ).toBe('InProgress');
    const link = await poller.pollUntilDone();
    expect(link.virtualNetworkLinkState).toBe('Completed');
    expect(
      (await collect(sdk.privateDns.virtualNetworkLinks.list(RG, ZONE))).map((l) => l.name),
    ).toEqual(['link-apps']);
    expect((await sdk.privateDns.privateZones.get(RG, ZONE)).numberOfVirtualNetworkLinks).toBe(1);
  });

  it('lists record sets by type and all', async () => {
    await createEndpoint('pe-kv');
    await sdk.network.privateDnsZoneGroups.beginCreateOrUpdateAndWait(
      RG,
      'pe-kv',
      'default',
      { privateDnsZoneConfigs: [{ name: 'kv', privateDnsZoneId: zoneId }] },
      FAST_POLLING,
    );
    expect(
      (await collect(sdk.privateDns.recordSets.listByType(RG, ZONE, 'A'))).map((r) => r.name),
    ).toEqual([VAULT]);
    expect((await collect(sdk.privateDns.recordSets.list(RG, ZONE))).map((r) => r.fqdn)).toEqual([
      `${VAULT}.${ZONE}.`,
    ]);
  });
});
