// Azure facts of issue 10 on the local ARM endpoint, through the real SDK clients: creations
// that end Failed leave the resource behind in Failed (and a new PUT re-drives it); seeds hold
// resources in Failed / Updating; an endpoint takes one zone group; a DINE policy deploys
// `deployedByPolicy` on new vault endpoints; a vault keeps publicNetworkAccess
// SecuredByPerimeter through seed and PATCH. Sources: docs/emulator.md.
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
  rgId,
  SUB,
  subnetId,
  VAULT,
  vaultBody,
  vaultId,
  vnetId,
  ZONE,
  zoneId,
} from './seed.js';

let emulator: RunningEmulator;
let sdk: EmulatorClients;
let http: EmulatorHttp;

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
  await http.reset(baseState());
  await http.settings({ lroInProgressPolls: 0, zoneGroupPolicy: null });
});

const endpointBody = (groupIds = ['vault'], manual = false) => {
  const connection = { name: 'c', privateLinkServiceId: vaultId, groupIds };
  return {
    location: 'westeurope',
    subnet: { id: subnetId('snet-orders') },
    ...(manual
      ? { manualPrivateLinkServiceConnections: [connection] }
      : { privateLinkServiceConnections: [connection] }),
  };
};

const failed = (path: string) =>
  http.addFaults({
    method: 'PUT',
    path,
    effect: { type: 'lro', outcome: 'Failed', code: 'InternalServerError' },
  });

const zoneConfig = (id = zoneId) => ({
  privateDnsZoneConfigs: [{ name: 'privatelink-vaultcore-azure-net', privateDnsZoneId: id }],
});

describe('failed provisioning: the resource is left behind in Failed', () => {
  it('a DNS zone whose creation fails reads Failed; If-None-Match: * then answers 412; a plain PUT re-drives it', async () => {
    const name = 'privatelink.example.net';
    await failed(`**/privateDnsZones/${name}`);
    const error = await sdk.privateDns.privateZones
      .beginCreateOrUpdateAndWait(
        RG,
        name,
        { location: 'global' },
        { ifNoneMatch: '*', ...FAST_POLLING },
      )
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/failed\.\s+InternalServerError\./);
    expect((await sdk.privateDns.privateZones.get(RG, name)).provisioningState).toBe('Failed');
    // Create-only cannot re-drive it: it exists.
    const createOnly = await sdk.privateDns.privateZones
      .beginCreateOrUpdateAndWait(
        RG,
        name,
        { location: 'global' },
        { ifNoneMatch: '*', ...FAST_POLLING },
      )
      .catch((e: unknown) => e);
    expect((createOnly as { statusCode?: number }).statusCode).toBe(412);
    const zone = await sdk.privateDns.privateZones.get(RG, name);
    await sdk.privateDns.privateZones.beginCreateOrUpdateAndWait(
      RG,
      name,
      { location: 'global' },
      { ifMatch: zone.etag, ...FAST_POLLING },
    );
    expect((await sdk.privateDns.privateZones.get(RG, name)).provisioningState).toBe('Succeeded');
  });

  it('a VNet link whose creation fails reads Failed and never reaches Completed', async () => {
    await failed('**/virtualNetworkLinks/link-apps');
    const error = await sdk.privateDns.virtualNetworkLinks
      .beginCreateOrUpdateAndWait(
        RG,
        ZONE,
        'link-apps',
        { location: 'global', virtualNetwork: { id: vnetId }, registrationEnabled: false },
        FAST_POLLING,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const link = await sdk.privateDns.virtualNetworkLinks.get(RG, ZONE, 'link-apps');
    expect([link.provisioningState, link.virtualNetworkLinkState]).toEqual([
      'Failed',
      'InProgress',
    ]);
    await sdk.privateDns.virtualNetworkLinks.beginCreateOrUpdateAndWait(
      RG,
      ZONE,
      'link-apps',
      { location: 'global', virtualNetwork: { id: vnetId }, registrationEnabled: false },
      FAST_POLLING,
    );
    const redriven = await sdk.privateDns.virtualNetworkLinks.get(RG, ZONE, 'link-apps');
    expect([redriven.provisioningState, redriven.virtualNetworkLinkState]).toEqual([
      'Succeeded',
      'Completed',
    ]);
  });

  it('a private endpoint whose creation fails reads Failed and is listed', async () => {
    await failed('**/privateEndpoints/pe-failed');
    const error = await sdk.network.privateEndpoints
      .beginCreateOrUpdateAndWait(RG, 'pe-failed', endpointBody(), FAST_POLLING)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const listed = [];
    for await (const endpoint of sdk.network.privateEndpoints.list(RG)) listed.push(endpoint);
    expect(listed.map((e) => [e.name, e.provisioningState])).toEqual([['pe-failed', 'Failed']]);
  });

  it('a zone group whose creation fails reads Failed and writes no A record; a new PUT writes it', async () => {
    await sdk.network.privateEndpoints.beginCreateOrUpdateAndWait(
      RG,
      'pe-a',
      endpointBody(),
      FAST_POLLING,
    );
    await failed('**/privateDnsZoneGroups/default');
    const error = await sdk.network.privateDnsZoneGroups
      .beginCreateOrUpdateAndWait(RG, 'pe-a', 'default', zoneConfig(), FAST_POLLING)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const group = await sdk.network.privateDnsZoneGroups.get(RG, 'pe-a', 'default');
    expect(group.provisioningState).toBe('Failed');
    const records = async () => {
      const all = [];
      for await (const record of sdk.privateDns.recordSets.listByType(RG, ZONE, 'A'))
        all.push(record);
      return all.map((record) => record.name);
    };
    expect(await records()).toEqual([]);
    await sdk.network.privateDnsZoneGroups.beginCreateOrUpdateAndWait(
      RG,
      'pe-a',
      'default',
      zoneConfig(),
      FAST_POLLING,
    );
    expect(
      (await sdk.network.privateDnsZoneGroups.get(RG, 'pe-a', 'default')).provisioningState,
    ).toBe('Succeeded');
    expect(await records()).toEqual([VAULT]);
  });

  it('seeds hold resources in Failed and Updating as given', async () => {
    const seededZone = {
      id: `${rgId}/providers/Microsoft.Network/privateDnsZones/privatelink.seeded.net`,
      name: 'privatelink.seeded.net',
      type: 'Microsoft.Network/privateDnsZones',
      location: 'global',
      properties: { provisioningState: 'Failed' },
    };
    const seededLink = {
      id: `${zoneId}/virtualNetworkLinks/link-updating`,
      name: 'link-updating',
      type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      location: 'global',
      properties: {
        provisioningState: 'Updating',
        virtualNetworkLinkState: 'InProgress',
        virtualNetwork: { id: vnetId },
        registrationEnabled: false,
      },
    };
    await http.reset([...baseState(), seededZone, seededLink]);
    expect(
      (await sdk.privateDns.privateZones.get(RG, 'privatelink.seeded.net')).provisioningState,
    ).toBe('Failed');
    const link = await sdk.privateDns.virtualNetworkLinks.get(RG, ZONE, 'link-updating');
    expect([link.provisioningState, link.virtualNetworkLinkState]).toEqual([
      'Updating',
      'InProgress',
    ]);
  });
});

describe('one zone group per private endpoint', () => {
  it('a second zone group with another name is refused with 400 OnlyOnePrivateDnsZoneGroupAllowed', async () => {
    await sdk.network.privateEndpoints.beginCreateOrUpdateAndWait(
      RG,
      'pe-b',
      endpointBody(),
      FAST_POLLING,
    );
    await sdk.network.privateDnsZoneGroups.beginCreateOrUpdateAndWait(
      RG,
      'pe-b',
      'first',
      zoneConfig(),
      FAST_POLLING,
    );
    const error = (await sdk.network.privateDnsZoneGroups
      .beginCreateOrUpdateAndWait(RG, 'pe-b', 'second', zoneConfig(), FAST_POLLING)
      .catch((e: unknown) => e)) as { statusCode?: number; code?: string; message?: string };
    expect([error.statusCode, error.code]).toEqual([400, 'OnlyOnePrivateDnsZoneGroupAllowed']);
    expect(error.message).toBe(
      'Cannot create more than one private dns zone groups in the private endpoint.',
    );
    // The same name again is an update, not a second group.
    await sdk.network.privateDnsZoneGroups.beginCreateOrUpdateAndWait(
      RG,
      'pe-b',
      'first',
      zoneConfig(),
      FAST_POLLING,
    );
    const groups = [];
    for await (const group of sdk.network.privateDnsZoneGroups.list('pe-b', RG))
      groups.push(group.name);
    expect(groups).toEqual(['first']);
  });
});

describe('a DeployIfNotExists policy deploying zone groups', () => {
  it('gives a new vault endpoint the zone group deployedByPolicy with its A record', async () => {
    await http.settings({
      zoneGroupPolicy: {
        privateDnsZoneId: zoneId,
        groupName: 'deployedByPolicy',
        configName: 'keyvault-privateDnsZone',
      },
    });
    const endpoint = await sdk.network.privateEndpoints.beginCreateOrUpdateAndWait(
      RG,
      'pe-policy',
      endpointBody(),
      FAST_POLLING,
    );
    const groups = [];
    for await (const group of sdk.network.privateDnsZoneGroups.list('pe-policy', RG))
      groups.push(group);
    expect(groups.map((group) => group.name)).toEqual(['deployedByPolicy']);
    // With a zone group Azure leaves customDnsConfigs empty: the address is in its records.
    expect(endpoint.customDnsConfigs ?? []).toEqual([]);
    const address = groups[0]?.privateDnsZoneConfigs?.[0]?.recordSets?.[0]?.ipAddresses?.[0] ?? '';
    expect(address).toMatch(/^10\.10\.1\.\d+$/);
    expect(groups[0]?.privateDnsZoneConfigs?.[0]).toMatchObject({
      name: 'keyvault-privateDnsZone',
      privateDnsZoneId: zoneId,
      recordSets: [{ recordType: 'A', recordSetName: VAULT, ipAddresses: [address] }],
    });
    const record = await sdk.privateDns.recordSets.get(RG, ZONE, 'A', VAULT);
    expect(record.aRecords?.map((entry) => entry.ipv4Address)).toEqual([address]);
    // The client's own zone group under another name now meets the one-group rule.
    const error = (await sdk.network.privateDnsZoneGroups
      .beginCreateOrUpdateAndWait(RG, 'pe-policy', 'default', zoneConfig(), FAST_POLLING)
      .catch((e: unknown) => e)) as { code?: string };
    expect(error.code).toBe('OnlyOnePrivateDnsZoneGroupAllowed');
  });

  it('matches only automatic connections of group vault, and only endpoints without a zone group', async () => {
    await http.settings({
      zoneGroupPolicy: {
        privateDnsZoneId: zoneId,
        groupName: 'deployedByPolicy',
        configName: 'keyvault-privateDnsZone',
      },
    });
    await sdk.network.privateEndpoints.beginCreateOrUpdateAndWait(
      RG,
      'pe-manual',
      endpointBody(['vault'], true),
      FAST_POLLING,
    );
    const names = async (endpoint: string) => {
      const all = [];
      for await (const group of sdk.network.privateDnsZoneGroups.list(endpoint, RG))
        all.push(group.name);
      return all;
    };
    expect(await names('pe-manual')).toEqual([]);
    // An endpoint that has a zone group keeps it when it is written again.
    await http.settings({ zoneGroupPolicy: null });
    await sdk.network.privateEndpoints.beginCreateOrUpdateAndWait(
      RG,
      'pe-own',
      endpointBody(),
      FAST_POLLING,
    );
    await sdk.network.privateDnsZoneGroups.beginCreateOrUpdateAndWait(
      RG,
      'pe-own',
      'default',
      zoneConfig(),
      FAST_POLLING,
    );
    await http.settings({
      zoneGroupPolicy: {
        privateDnsZoneId: zoneId,
        groupName: 'deployedByPolicy',
        configName: 'keyvault-privateDnsZone',
      },
    });
    await sdk.network.privateEndpoints.beginCreateOrUpdateAndWait(
      RG,
      'pe-own',
      { ...endpointBody(), tags: { touched: 'yes' } },
      FAST_POLLING,
    );
    expect(await names('pe-own')).toEqual(['default']);
  });

  it('without the setting no zone group appears', async () => {
    await sdk.network.privateEndpoints.beginCreateOrUpdateAndWait(
      RG,
      'pe-none',
      endpointBody(),
      FAST_POLLING,
    );
    const all = [];
    for await (const group of sdk.network.privateDnsZoneGroups.list('pe-none', RG)) all.push(group);
    expect(all).toEqual([]);
  });

  it('refuses a malformed policy setting', async () => {
    const answer = await http.request('POST', '/_emulator/settings', {
      body: { zoneGroupPolicy: { zone: zoneId } },
    });
    expect(answer.status).toBe(400);
  });
});

describe('publicNetworkAccess SecuredByPerimeter', () => {
  it('is returned as seeded and kept through a PATCH of networkAcls', async () => {
    await http.reset([
      ...baseState().filter((body) => body.id !== vaultId),
      vaultBody(VAULT, { publicNetworkAccess: 'SecuredByPerimeter' }),
    ]);
    expect((await sdk.keyVault.vaults.get(RG, VAULT)).properties.publicNetworkAccess).toBe(
      'SecuredByPerimeter',
    );
    await sdk.keyVault.vaults.update(RG, VAULT, {
      properties: { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' } },
    });
    expect((await sdk.keyVault.vaults.get(RG, VAULT)).properties.publicNetworkAccess).toBe(
      'SecuredByPerimeter',
    );
  });

  it('is stored when PATCHed, and a later PATCH to Enabled replaces it', async () => {
    await sdk.keyVault.vaults.update(RG, VAULT, {
      properties: { publicNetworkAccess: 'SecuredByPerimeter' },
    });
    expect((await sdk.keyVault.vaults.get(RG, VAULT)).properties.publicNetworkAccess).toBe(
      'SecuredByPerimeter',
    );
    await sdk.keyVault.vaults.update(RG, VAULT, { properties: { publicNetworkAccess: 'enabled' } });
    expect((await sdk.keyVault.vaults.get(RG, VAULT)).properties.publicNetworkAccess).toBe(
      'Enabled',
    );
  });
});
