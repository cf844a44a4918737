// Managed HSM pools on the local ARM endpoint through the real @azure/arm-keyvault clients
// (managedHsms, mhsmPrivateEndpointConnections) and @azure/arm-network: get, lists, the PATCH
// long-running operation, networkAcls normalisation and refusals, private endpoints with group
// managedhsm and the pool-side connection.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import {
  createEmulatorClients,
  EmulatorHttp,
  FAST_POLLING,
  type EmulatorClients,
} from '../support/emulator-clients.js';
import {
  managedHsm,
  managedHsmId,
  networkEstate,
  RG,
  SUB,
  subnetId,
} from '../support/arm-state.js';

let emulator: RunningEmulator;
let sdk: EmulatorClients;
let http: EmulatorHttp;
const HSM = 'hsm-payments';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

beforeAll(async () => {
  emulator = await startEmulator({
    state: [managedHsm(HSM), managedHsm('hsm-other'), ...networkEstate()],
  });
  sdk = createEmulatorClients(emulator, SUB);
  http = new EmulatorHttp(emulator);
});
afterAll(async () => {
  http.close();
  await emulator.stop();
});
beforeEach(async () => {
  await http.reset();
  await http.settings({ lroInProgressPolls: 1, managedHsmVirtualNetworkRules: 'accepted' });
});

describe('Managed HSM pools through @azure/arm-keyvault', () => {
  it('gets a pool and lists pools by resource group and by subscription', async () => {
    const hsm = await sdk.keyVault.managedHsms.get(RG, HSM);
    expect(hsm.id).toBe(managedHsmId(HSM));
    expect(hsm.properties?.privateEndpointConnections).toEqual([]);
    const byGroup = await collect(sdk.keyVault.managedHsms.listByResourceGroup(RG));
    const bySub = await collect(sdk.keyVault.managedHsms.listBySubscription());
    expect(byGroup.map((h) => h.name)).toEqual([HSM, 'hsm-other']);
    expect(bySub.map((h) => h.name)).toEqual([HSM, 'hsm-other']);
  });

  it('answers a PATCH with 202 and a managedHsmOperationResults Location, Updating until it ends', async () => {
    const path = `${managedHsmId(HSM)}?api-version=2026-02-01`;
    const started = await http.request('PATCH', path, {
      body: { properties: { publicNetworkAccess: 'Disabled' } },
    });
    expect(started.status).toBe(202);
    expect(String(started.headers.location)).toMatch(
      /\/providers\/Microsoft\.KeyVault\/locations\/westeurope\/managedHsmOperationResults\//,
    );
    expect(started.body).toMatchObject({ properties: { provisioningState: 'Updating' } });
    const sdkResult = await sdk.keyVault.managedHsms.beginUpdateAndWait(
      RG,
      HSM,
      {
        properties: {
          publicNetworkAccess: 'Enabled',
          networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [{ value: '20.1.2.3' }] },
        },
      },
      FAST_POLLING,
    );
    expect(sdkResult.properties?.provisioningState).toBe('Succeeded');
    const hsm = await sdk.keyVault.managedHsms.get(RG, HSM);
    // The other properties stay; networkAcls is replaced whole, the bare IP stored as /32.
    expect(hsm.properties?.enablePurgeProtection).toBe(true);
    expect(hsm.properties?.networkAcls).toEqual({
      defaultAction: 'Deny',
      bypass: 'None',
      ipRules: [{ value: '20.1.2.3/32' }],
      virtualNetworkRules: [],
    });
  });

  it('refuses IP rules while defaultAction is Allow', async () => {
    await expect(
      sdk.keyVault.managedHsms.beginUpdateAndWait(
        RG,
        HSM,
        {
          properties: { networkAcls: { defaultAction: 'Allow', ipRules: [{ value: '20.1.2.3' }] } },
        },
        FAST_POLLING,
      ),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it('takes VNet rules whose subnet has the Key Vault endpoint, or refuses every VNet rule (setting)', async () => {
    const ready = subnetId('vnet-apps', 'snet-ready');
    const update = () =>
      sdk.keyVault.managedHsms.beginUpdateAndWait(
        RG,
        HSM,
        {
          properties: {
            networkAcls: { defaultAction: 'Deny', virtualNetworkRules: [{ id: ready }] },
          },
        },
        FAST_POLLING,
      );
    await update();
    expect(
      (await sdk.keyVault.managedHsms.get(RG, HSM)).properties?.networkAcls?.virtualNetworkRules,
    ).toEqual([{ id: ready.toLowerCase() }]);
    await expect(
      sdk.keyVault.managedHsms.beginUpdateAndWait(
        RG,
        HSM,
        {
          properties: {
            networkAcls: {
              defaultAction: 'Deny',
              virtualNetworkRules: [{ id: subnetId('vnet-apps', 'snet-orders') }],
            },
          },
        },
        FAST_POLLING,
      ),
    ).rejects.toMatchObject({ code: 'SubnetsHaveNoServiceEndpointsConfigured' });
    await http.settings({ managedHsmVirtualNetworkRules: 'refused' });
    await expect(update()).rejects.toMatchObject({ statusCode: 400 });
  });

  it('connects a private endpoint with group managedhsm, and approves through mhsmPrivateEndpointConnections', async () => {
    const create = (name: string, groupIds: string[]) =>
      sdk.network.privateEndpoints.beginCreateOrUpdateAndWait(
        RG,
        name,
        {
          location: 'westeurope',
          subnet: { id: subnetId('vnet-apps', 'snet-pe') },
          manualPrivateLinkServiceConnections: [
            { name: `${name}-conn`, privateLinkServiceId: managedHsmId(HSM), groupIds },
          ],
        },
        FAST_POLLING,
      );
    await expect(create('pe-wrong', ['vault'])).rejects.toMatchObject({
      code: 'PrivateEndpointBadRequest',
    });
    const endpoint = await create('pe-hsm', ['managedhsm']);
    expect(endpoint.customDnsConfigs?.[0]?.fqdn).toBe(`${HSM}.managedhsm.azure.net`);
    const [pending] = await collect(
      sdk.keyVault.mhsmPrivateEndpointConnections.listByResource(RG, HSM),
    );
    expect(pending?.privateLinkServiceConnectionState?.status).toBe('Pending');
    const name = pending?.id?.split('/').pop() ?? '';
    await sdk.keyVault.mhsmPrivateEndpointConnections.put(RG, HSM, name, {
      privateLinkServiceConnectionState: { status: 'Approved', description: 'ok' },
    });
    const hsm = await sdk.keyVault.managedHsms.get(RG, HSM);
    expect(hsm.properties?.privateEndpointConnections?.[0]).toMatchObject({
      privateLinkServiceConnectionState: { status: 'Approved' },
    });
    const seen = await sdk.network.privateEndpoints.get(RG, 'pe-hsm');
    expect(
      seen.manualPrivateLinkServiceConnections?.[0]?.privateLinkServiceConnectionState?.status,
    ).toBe('Approved');
    const links = await http.request(
      'GET',
      `${managedHsmId(HSM)}/privateLinkResources?api-version=2026-02-01`,
    );
    expect(links.body).toMatchObject({ value: [{ properties: { groupId: 'managedhsm' } }] });
  });

  it('answers an unknown pool with 404 ResourceNotFound', async () => {
    await expect(sdk.keyVault.managedHsms.get(RG, 'hsm-none')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
  });
});
