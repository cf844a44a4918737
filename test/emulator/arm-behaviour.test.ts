// ARM behaviour the emulator claims, over raw HTTPS so exact statuses, headers and bodies show.
// Tests of an AZURE-FACTS normalisation or error cite its section.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { EmulatorHttp } from '../support/emulator-clients.js';
import {
  baseState,
  RG,
  rgId,
  SUB,
  subnetId,
  vaultBody,
  vaultId,
  VNET,
  vnetId,
  zoneId,
} from './seed.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emulator: RunningEmulator;
let http: EmulatorHttp;
const KV = '?api-version=2026-02-01';
const NET = '?api-version=2025-05-01';

beforeAll(async () => {
  emulator = await startEmulator({ state: baseState() });
  http = new EmulatorHttp(emulator);
});
afterAll(async () => {
  http.close();
  await emulator.stop();
});
beforeEach(async () => {
  await http.reset();
  await http.settings({ lroInProgressPolls: 0 });
});

const patchAcls = (networkAcls: Json, path = vaultId) =>
  http.request('PATCH', path + KV, { body: { properties: { networkAcls } } });
const acls = async () =>
  ((await http.request('GET', vaultId + KV)).body as Json).properties.networkAcls as Json;

describe('AZURE-FACTS §1a: normalisation on write', () => {
  it('§1a: a bare IP is stored as /32, a CIDR as sent', async () => {
    expect(
      (
        await patchAcls({
          defaultAction: 'Deny',
          ipRules: [{ value: '124.56.78.91' }, { value: '52.0.0.0/16' }],
        })
      ).status,
    ).toBe(200);
    expect((await acls()).ipRules).toEqual([
      { value: '124.56.78.91/32' },
      { value: '52.0.0.0/16' },
    ]);
  });

  it('§1a: subnet ids are stored fully lower-cased', async () => {
    await patchAcls({
      defaultAction: 'Deny',
      virtualNetworkRules: [{ id: subnetId('snet-orders') }],
    });
    expect((await acls()).virtualNetworkRules).toEqual([
      { id: subnetId('snet-orders').toLowerCase() },
    ]);
  });

  it('§1a: ignoreMissingVnetServiceEndpoint is not echoed', async () => {
    await patchAcls({
      defaultAction: 'Deny',
      virtualNetworkRules: [{ id: subnetId('snet-plain'), ignoreMissingVnetServiceEndpoint: true }],
    });
    expect((await acls()).virtualNetworkRules).toEqual([
      { id: subnetId('snet-plain').toLowerCase() },
    ]);
  });

  it('§1a: duplicates are kept (1.2.3.4 next to 1.2.3.4/32)', async () => {
    await patchAcls({
      defaultAction: 'Deny',
      ipRules: [{ value: '1.2.3.4/32' }, { value: '1.2.3.4' }],
    });
    expect((await acls()).ipRules).toEqual([{ value: '1.2.3.4/32' }, { value: '1.2.3.4/32' }]);
  });

  it('§6.1/§6.14: publicNetworkAccess is returned capitalised whatever the case sent', async () => {
    await http.request('PATCH', vaultId + KV, {
      body: { properties: { publicNetworkAccess: 'disabled' } },
    });
    expect(
      ((await http.request('GET', vaultId + KV)).body as Json).properties.publicNetworkAccess,
    ).toBe('Disabled');
  });

  it('§6.3: PATCH replaces networkAcls whole — absent fields take the defaults, lists are not merged', async () => {
    await patchAcls({ bypass: 'None', defaultAction: 'Deny', ipRules: [{ value: '20.0.0.1' }] });
    await patchAcls({ ipRules: [{ value: '20.0.0.2' }] });
    expect(await acls()).toEqual({
      bypass: 'AzureServices',
      defaultAction: 'Allow',
      ipRules: [{ value: '20.0.0.2/32' }],
      virtualNetworkRules: [],
    });
  });

  it('§1: a vault never configured has no networkAcls, and always privateEndpointConnections', async () => {
    const body = (await http.request('GET', vaultId + KV)).body as Json;
    expect(body.properties.networkAcls).toBeUndefined();
    expect(body.properties.privateEndpointConnections).toEqual([]);
  });
});

describe('AZURE-FACTS §1b: limits and validation', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0–10.255.255.255'],
    ['172.20.1.0/24', '172.16.0.0–172.31.255.255'],
    ['192.168.1.7', '192.168.0.0–192.168.255.255'],
  ])('§1b: private range %s → 400 BadRequest with Azure’s message', async (value, range) => {
    const answer = await patchAcls({
      defaultAction: 'Deny',
      ipRules: [{ value: '52.1.1.1' }, { value }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        code: 'BadRequest',
        message: `Invalid value found at properties.networkAcls.ipRules[1].value: ${value} belongs to forbidden range ${range} (private IP addresses)`,
      },
    });
    expect(await acls()).toBeUndefined(); // nothing applied
  });

  it('§1b: IPv6 is refused (IPv4 only)', async () => {
    const answer = await patchAcls({ ipRules: [{ value: '2001:db8::1' }] });
    expect(answer.status).toBe(400);
    expect((answer.body as Json).error.message).toContain('Only IPv4');
  });

  it('§1b: a VNet rule on a subnet without Microsoft.KeyVault → 400 SubnetsHaveNoServiceEndpointsConfigured', async () => {
    const answer = await patchAcls({
      defaultAction: 'Deny',
      virtualNetworkRules: [{ id: subnetId('snet-plain') }],
    });
    expect(answer.status).toBe(400);
    expect((answer.body as Json).error).toEqual({
      code: 'SubnetsHaveNoServiceEndpointsConfigured',
      message: `Subnets snet-plain of virtual network ${VNET} do not have ServiceEndpoints for Microsoft.KeyVault resources configured. Add Microsoft.KeyVault to subnet's ServiceEndpoints collection before trying to ACL Microsoft.KeyVault resources to these subnets.`,
    });
  });

  it('§1b/§6.4: the same rule passes with ignoreMissingVnetServiceEndpoint, or once the endpoint exists', async () => {
    expect(
      (
        await patchAcls({
          virtualNetworkRules: [
            { id: subnetId('snet-plain'), ignoreMissingVnetServiceEndpoint: true },
          ],
        })
      ).status,
    ).toBe(200);
    const subnet = (await http.request('GET', subnetId('snet-plain') + NET)).body as Json;
    subnet.properties.serviceEndpoints.push({ service: 'Microsoft.KeyVault' });
    expect((await http.request('PUT', subnetId('snet-plain') + NET, { body: subnet })).status).toBe(
      200,
    );
    expect(
      (await patchAcls({ virtualNetworkRules: [{ id: subnetId('snet-plain') }] })).status,
    ).toBe(200);
  });

  it('§1b: at most 1000 IP rules and 200 VNet rules', async () => {
    const ip = (i: number) => ({ value: `52.${Math.floor(i / 256)}.${i % 256}.1` });
    expect(
      (await patchAcls({ ipRules: Array.from({ length: 1000 }, (_, i) => ip(i)) })).status,
    ).toBe(200);
    const tooManyIps = await patchAcls({ ipRules: Array.from({ length: 1001 }, (_, i) => ip(i)) });
    expect([tooManyIps.status, (tooManyIps.body as Json).error.code]).toEqual([400, 'BadRequest']);
    const rule = { id: subnetId('snet-orders') };
    expect(
      (await patchAcls({ virtualNetworkRules: Array.from({ length: 200 }, () => rule) })).status,
    ).toBe(200);
    expect(
      (await patchAcls({ virtualNetworkRules: Array.from({ length: 201 }, () => rule) })).status,
    ).toBe(400);
  });

  it('§1b: /31 and /32 prefixes are accepted (the 2020-era restriction is not enforced)', async () => {
    expect(
      (await patchAcls({ ipRules: [{ value: '52.1.1.0/31' }, { value: '52.1.1.9/32' }] })).status,
    ).toBe(200);
  });
});

describe('ARM contract', () => {
  it('a request without a bearer token gets ARM’s 401 body', async () => {
    const answer = await http.request('GET', vaultId + KV, { token: null });
    expect(answer.status).toBe(401);
    expect((answer.body as Json).error.code).toBe('AuthenticationFailed');
    expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('every answer carries request ids and the remaining-quota header', async () => {
    const read = await http.request('GET', vaultId + KV, {
      headers: { 'x-ms-correlation-request-id': 'corr-1' },
    });
    expect(read.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(read.headers['x-ms-correlation-request-id']).toBe('corr-1');
    expect(Number(read.headers['x-ms-ratelimit-remaining-subscription-reads'])).toBeGreaterThan(0);
    const write = await patchAcls({ ipRules: [] });
    expect(write.headers['x-ms-ratelimit-remaining-subscription-writes']).toBeDefined();
  });

  it('paths match case-insensitively (resourcegroups, microsoft.keyvault, VAULTS)', async () => {
    const path = `/SUBSCRIPTIONS/${SUB}/resourcegroups/${RG.toUpperCase()}/providers/microsoft.keyvault/VAULTS/KV-PAYMENTS-PROD`;
    const answer = await http.request('GET', path + KV);
    expect(answer.status).toBe(200);
    expect((answer.body as Json).id).toBe(vaultId);
  });

  it.each(['2022-07-01', '2023-07-01', '2025-05-01', '2026-02-01'])(
    'accepts Key Vault api-version %s',
    async (version) => {
      expect((await http.request('GET', `${vaultId}?api-version=${version}`)).status).toBe(200);
    },
  );

  it.each(['2022-01-01', '2024-05-01', '2025-05-01', '2026-01-01'])(
    'accepts network api-version %s',
    async (version) => {
      expect(
        (await http.request('GET', `${subnetId('snet-orders')}?api-version=${version}`)).status,
      ).toBe(200);
    },
  );

  it.each(['2020-06-01', '2024-06-01'])('accepts Private DNS api-version %s', async (version) => {
    expect((await http.request('GET', `${zoneId}?api-version=${version}`)).status).toBe(200);
  });

  it('refuses api-versions as ARM does: missing, malformed, unknown for the type', async () => {
    const code = async (query: string) =>
      ((await http.request('GET', vaultId + query)).body as Json).error.code;
    expect(await code('')).toBe('MissingApiVersionParameter');
    expect(await code('?api-version=banana')).toBe('InvalidApiVersionParameter');
    expect(await code('?api-version=2099-01-01')).toBe('NoRegisteredProviderFound');
    // Private endpoints did not exist before 2019-04-01.
    const old = await http.request(
      'GET',
      `${rgId}/providers/Microsoft.Network/privateEndpoints?api-version=2018-08-01`,
    );
    expect([old.status, (old.body as Json).error.code]).toEqual([400, 'NoRegisteredProviderFound']);
  });

  it('404s: ResourceNotFound, ResourceGroupNotFound, ParentResourceNotFound, SubscriptionNotFound', async () => {
    const error = async (path: string) => {
      const answer = await http.request('GET', path);
      return [answer.status, (answer.body as Json).error?.code];
    };
    expect(await error(`${rgId}/providers/Microsoft.KeyVault/vaults/nope${KV}`)).toEqual([
      404,
      'ResourceNotFound',
    ]);
    expect(
      await error(
        `/subscriptions/${SUB}/resourceGroups/rg-nope/providers/Microsoft.KeyVault/vaults/x${KV}`,
      ),
    ).toEqual([404, 'ResourceGroupNotFound']);
    expect(
      await error(`${rgId}/providers/Microsoft.Network/virtualNetworks/nope/subnets/x${NET}`),
    ).toEqual([404, 'ParentResourceNotFound']);
    expect(
      await error(
        `/subscriptions/00000000-dead-beef-0000-000000000000/resourceGroups/x/providers/Microsoft.KeyVault/vaults/x${KV}`,
      ),
    ).toEqual([404, 'SubscriptionNotFound']);
    expect(await error(`${rgId}?api-version=2021-04-01`)).toEqual([200, undefined]);
  });

  it('a write into a new resource group of a known subscription creates the group implicitly', async () => {
    const path = `/subscriptions/${SUB}/resourceGroups/rg-new/providers/Microsoft.Network/privateDnsZones/privatelink.new.net?api-version=2020-06-01`;
    expect((await http.request('PUT', path, { body: { location: 'global' } })).status).toBe(202);
    expect(
      (
        await http.request(
          'GET',
          `/subscriptions/${SUB}/resourceGroups/rg-new?api-version=2021-04-01`,
        )
      ).status,
    ).toBe(200);
  });

  it('etags change on every write', async () => {
    const subnet = (await http.request('GET', subnetId('snet-orders') + NET)).body as Json;
    const first = (await http.request('PUT', subnetId('snet-orders') + NET, { body: subnet }))
      .body as Json;
    const second = (await http.request('PUT', subnetId('snet-orders') + NET, { body: subnet }))
      .body as Json;
    expect(new Set([subnet.etag, first.etag, second.etag]).size).toBe(3);
  });

  it('§2: properties the emulator does not model are stored and returned unchanged', async () => {
    const subnet = (await http.request('GET', subnetId('snet-plain') + NET)).body as Json;
    expect(subnet.properties.futureProperty).toEqual({ keep: ['me', 1, true] });
    subnet.properties.anotherNewThing = 'x';
    await http.request('PUT', subnetId('snet-plain') + NET, { body: subnet });
    const after = (await http.request('GET', subnetId('snet-plain') + NET)).body as Json;
    expect([after.properties.futureProperty, after.properties.anotherNewThing]).toEqual([
      { keep: ['me', 1, true] },
      'x',
    ]);
  });

  it('§6.6: a second write in the same VNet while one is in flight → 409 AnotherOperationInProgress', async () => {
    await http.settings({ lroInProgressPolls: 3 });
    const subnet = (await http.request('GET', subnetId('snet-orders') + NET)).body as Json;
    const first = await http.request('PUT', subnetId('snet-orders') + NET, { body: subnet });
    expect(first.status).toBe(200);
    const plain = (await http.request('GET', subnetId('snet-plain') + NET)).body as Json;
    const second = await http.request('PUT', subnetId('snet-plain') + NET, { body: plain });
    expect(second.status).toBe(409);
    expect((second.body as Json).error.code).toBe('AnotherOperationInProgress');
    expect((second.body as Json).error.message).toContain(first.headers['azure-asyncoperation']);
    // Once the first operation has been polled to its end, the VNet is free again.
    for (let i = 0; i < 4; i += 1)
      await http.request('GET', first.headers['azure-asyncoperation'] as string);
    expect((await http.request('PUT', subnetId('snet-plain') + NET, { body: plain })).status).toBe(
      200,
    );
  });

  it('an operation nobody polls settles by itself (lroSettleAfterMs), freeing the VNet', async () => {
    await http.settings({ lroInProgressPolls: 3, lroSettleAfterMs: 0 });
    const subnet = (await http.request('GET', subnetId('snet-orders') + NET)).body as Json;
    expect(
      (await http.request('PUT', subnetId('snet-orders') + NET, { body: subnet })).status,
    ).toBe(200);
    expect(
      (await http.request('PUT', subnetId('snet-orders') + NET, { body: subnet })).status,
    ).toBe(200);
    await http.settings({ lroSettleAfterMs: 30_000 });
  });

  it('§4/§6.13: If-None-Match: * on an existing zone → 412; If-Match with a stale etag → 412', async () => {
    const path = zoneId + '?api-version=2020-06-01';
    const exists = await http.request('PUT', path, {
      body: { location: 'global' },
      headers: { 'if-none-match': '*' },
    });
    expect([exists.status, (exists.body as Json).error.code]).toEqual([412, 'PreconditionFailed']);
    expect(
      (
        await http.request('PUT', path, {
          body: { location: 'global' },
          headers: { 'if-match': '"stale"' },
        })
      ).status,
    ).toBe(412);
    const fresh = zoneId.replace('vaultcore', 'other') + '?api-version=2020-06-01';
    expect(
      (
        await http.request('PUT', fresh, {
          body: { location: 'Global' },
          headers: { 'if-none-match': '*' },
        })
      ).status,
    ).toBe(202);
  });

  it('§4: a zone location other than global is refused', async () => {
    const answer = await http.request(
      'PUT',
      zoneId.replace('vaultcore', 'x') + '?api-version=2020-06-01',
      { body: { location: 'westeurope' } },
    );
    expect([answer.status, (answer.body as Json).error.code]).toEqual([
      400,
      'LocationNotAvailableForResourceType',
    ]);
  });

  it('§6.12: one zone group per endpoint, at most 5 zones', async () => {
    const pe = `${rgId}/providers/Microsoft.Network/privateEndpoints/pe1`;
    await http.request('PUT', pe + NET, {
      body: {
        location: 'westeurope',
        properties: {
          subnet: { id: subnetId('snet-orders') },
          privateLinkServiceConnections: [
            { name: 'c', properties: { privateLinkServiceId: vaultId, groupIds: ['vault'] } },
          ],
        },
      },
    });
    await http.request('GET', `/_emulator/state`); // no-op read
    const six = Array.from({ length: 6 }, () => ({ properties: { privateDnsZoneId: zoneId } }));
    expect(
      (
        await http.request('PUT', `${pe}/privateDnsZoneGroups/g${NET}`, {
          body: { properties: { privateDnsZoneConfigs: six } },
        })
      ).status,
    ).toBe(400);
    const one = {
      properties: {
        privateDnsZoneConfigs: [{ name: 'z', properties: { privateDnsZoneId: zoneId } }],
      },
    };
    await http.settings({ lroSettleAfterMs: 0 });
    expect(
      (await http.request('PUT', `${pe}/privateDnsZoneGroups/g1${NET}`, { body: one })).status,
    ).toBe(201);
    expect(
      (await http.request('PUT', `${pe}/privateDnsZoneGroups/g2${NET}`, { body: one })).status,
    ).toBe(400);
    await http.settings({ lroSettleAfterMs: 30_000 });
  });

  it('a private endpoint to a vault needs groupIds ["vault"] and an existing subnet', async () => {
    const pe = `${rgId}/providers/Microsoft.Network/privateEndpoints/pe1${NET}`;
    const body = (groupIds: string[], subnet: string) => ({
      location: 'westeurope',
      properties: {
        subnet: { id: subnet },
        privateLinkServiceConnections: [
          { name: 'c', properties: { privateLinkServiceId: vaultId, groupIds } },
        ],
      },
    });
    expect(
      (await http.request('PUT', pe, { body: body(['blob'], subnetId('snet-orders')) })).status,
    ).toBe(400);
    const missing = await http.request('PUT', pe, { body: body(['vault'], subnetId('nope')) });
    expect([missing.status, (missing.body as Json).error.code]).toEqual([
      400,
      'InvalidResourceReference',
    ]);
  });

  it('GET /_emulator/state returns the state-file format, and a reset with it restores it', async () => {
    await patchAcls({ defaultAction: 'Deny', ipRules: [{ value: '52.1.2.3' }] });
    const state = await http.state();
    const vault = state.find((r) => r.id === vaultId) as Json;
    expect(vault.properties.networkAcls.ipRules).toEqual([{ value: '52.1.2.3/32' }]);
    const vnet = state.find((r) => r.id === vnetId) as Json;
    expect(vnet.properties.subnets.map((s: Json) => s.name)).toEqual(['snet-orders', 'snet-plain']);
    expect(state.some((r) => String(r.type).endsWith('/subnets'))).toBe(false); // embedded, not repeated
    await http.reset(state);
    expect(await http.state()).toEqual(state);
  });

  it('a vault PUT requires location, tenantId and sku', async () => {
    const body = vaultBody('kv-x') as Json;
    delete body.properties.sku;
    const answer = await http.request(
      'PUT',
      `${rgId}/providers/Microsoft.KeyVault/vaults/kv-x${KV}`,
      { body },
    );
    expect(answer.status).toBe(400);
  });
});
