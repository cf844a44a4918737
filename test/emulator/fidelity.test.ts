// Fidelity against Microsoft's own example payloads (../shared/arm-examples): for every file,
// seed what the example needs, send the example request, and check the answer has the
// example's shape (shape rules: test/support/emulator-shape.ts). Defects listed in
// SOURCES.md are handled as it says; each deviation from "compare as is" is written out here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { EmulatorHttp, type RawResponse } from '../support/emulator-clients.js';
import { shapeProblems, type ShapeRules } from '../support/emulator-shape.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLES = resolve(repoRoot, '../shared/arm-examples');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function example(file: string): Json {
  return JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Json;
}

/** Read-only envelope fields ARM adds that several examples leave out. */
const ENVELOPE = ['id', 'name', 'type', 'etag', 'provisioningState'];

function expectShape(exampleBody: unknown, actual: unknown, rules: ShapeRules = {}): void {
  const problems = shapeProblems(exampleBody, actual, {
    ...rules,
    extraKeys: [...ENVELOPE, ...(rules.extraKeys ?? [])],
  });
  expect(problems, JSON.stringify(actual, null, 2)).toEqual([]);
}

let emulator: RunningEmulator;
let http: EmulatorHttp;

beforeAll(async () => {
  if (!existsSync(EXAMPLES)) {
    throw new Error(
      `ARM examples not found at ${EXAMPLES}: the fidelity suite needs shared/ beside the repository (../shared/arm-examples)`,
    );
  }
  emulator = await startEmulator();
  http = new EmulatorHttp(emulator);
});
afterAll(async () => {
  http.close();
  await emulator.stop();
});

const rg = (sub: string, group: string) => ({
  id: `/subscriptions/${sub}/resourceGroups/${group}`,
  type: 'Microsoft.Resources/resourceGroups',
  name: group,
  location: 'westus',
});
const vaultPath = (p: Json) =>
  `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.KeyVault/vaults/${p.vaultName}`;
const netPath = (p: Json) =>
  `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.Network`;
const q = (p: Json) => `?api-version=${p['api-version']}`;

function vault(sub: string, group: string, name: string, properties: Json = {}): Json {
  return {
    id: `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.KeyVault/vaults/${name}`,
    name,
    type: 'Microsoft.KeyVault/vaults',
    location: 'westus',
    tags: {},
    properties: {
      tenantId: '00000000-0000-0000-0000-000000000000',
      sku: { family: 'A', name: 'standard' },
      vaultUri: `https://${name}.vault.azure.net/`,
      provisioningState: 'Succeeded',
      publicNetworkAccess: 'Enabled',
      ...properties,
    },
  };
}

function vnet(
  sub: string,
  group: string,
  name: string,
  subnets: Array<[string, string, Json?]>,
  location = 'eastus',
): Json {
  const id = `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworks/${name}`;
  return {
    id,
    name,
    type: 'Microsoft.Network/virtualNetworks',
    location,
    properties: {
      addressSpace: { addressPrefixes: subnets.map(([, prefix]) => prefix) },
      subnets: subnets.map(([subnet, prefix, extra]) => ({
        id: `${id}/subnets/${subnet}`,
        name: subnet,
        properties: { addressPrefix: prefix, provisioningState: 'Succeeded', ...extra },
      })),
    },
  };
}

/** Polls an operation started by `answer` until it ends; returns the last polling answer. */
async function settle(answer: RawResponse): Promise<RawResponse> {
  const url = (answer.headers['azure-asyncoperation'] ?? answer.headers.location) as
    string | undefined;
  expect(url, 'a long-running operation gives a polling URL').toBeTypeOf('string');
  for (let i = 0; i < 20; i += 1) {
    const poll = await http.request('GET', url as string);
    const running = poll.status === 202 || (poll.body as Json | undefined)?.status === 'InProgress';
    if (!running) return poll;
  }
  throw new Error('operation did not settle');
}

function bodyOf(answer: RawResponse): Json {
  return answer.body as Json;
}

beforeEach(async () => {
  await http.reset([]);
});

describe('arm-examples fidelity', () => {
  it('has a case for every example file (a new example must get one)', () => {
    const files = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .map((f) => relative(EXAMPLES, join(EXAMPLES, f)).split('\\').join('/'))
      .sort();
    expect(files).toEqual(Object.keys(CASES).sort());
  });

  const CASES: Record<string, () => Promise<void>> = {
    'keyvault/Vaults_Get.json': async () => {
      const ex = example('keyvault/Vaults_Get.json');
      const p = ex.parameters;
      await http.reset([ex.responses['200'].body]);
      const answer = await http.request('GET', vaultPath(p) + q(p));
      expect(answer.status).toBe(200);
      // A vault body always carries privateEndpointConnections (issue 3), empty here.
      expectShape(ex.responses['200'].body, answer.body, {
        extraKeys: ['privateEndpointConnections'],
      });
      expect(bodyOf(answer).properties.privateEndpointConnections).toEqual([]);
    },

    'keyvault/Vaults_CreateOrUpdate.json': async () => {
      const ex = example('keyvault/Vaults_CreateOrUpdate.json');
      const p = ex.parameters;
      const subnetId = p.parameters.properties.networkAcls.virtualNetworkRules[0].id as string;
      const [, , sub, , group] = subnetId.split('/');
      await http.reset([
        rg(p.subscriptionId, p.resourceGroupName),
        vnet(sub as string, group as string, 'test-vnet', [
          [
            'subnet1',
            '10.1.0.0/24',
            { serviceEndpoints: [{ service: 'Microsoft.KeyVault', locations: ['*'] }] },
          ],
        ]),
      ]);
      // Defect (SOURCES.md): "'10.91.4.0/24'" is quoted and private; a faithful service refuses it.
      const refused = await http.request('PUT', vaultPath(p) + q(p), { body: p.parameters });
      expect(refused.status).toBe(400);
      expect(bodyOf(refused).error.code).toBe('BadRequest');
      expect(bodyOf(refused).error.message).toContain('properties.networkAcls.ipRules[1].value');
      expect((await http.request('GET', vaultPath(p) + q(p))).status).toBe(404);

      // With that rule removed from request and responses, the rest must match.
      const withoutQuoted = (body: Json): Json => {
        const copy = structuredClone(body);
        copy.properties.networkAcls.ipRules = copy.properties.networkAcls.ipRules.filter(
          (r: Json) => r.value !== "'10.91.4.0/24'",
        );
        return copy;
      };
      const created = await http.request('PUT', vaultPath(p) + q(p), {
        body: withoutQuoted(p.parameters),
      });
      expect(created.status).toBe(201);
      // The emulator does not invent the examples' legacy all-zero hsmPoolResourceId; it adds
      // the fields a current service returns (publicNetworkAccess, privateEndpointConnections).
      const rules: ShapeRules = {
        extraKeys: ['privateEndpointConnections', 'publicNetworkAccess'],
        missingPaths: ['$.properties.hsmPoolResourceId'],
      };
      expectShape(withoutQuoted(ex.responses['201'].body), created.body, rules);
      const final = await settle(created);
      expect(final.status).toBe(200);
      expectShape(withoutQuoted(ex.responses['200'].body), final.body, rules);
      // The two normalisations the example documents, value for value.
      expect(bodyOf(final).properties.networkAcls).toEqual(
        withoutQuoted(ex.responses['200'].body).properties.networkAcls,
      );
    },

    'keyvault/Vaults_Update.json': async () => {
      const ex = example('keyvault/Vaults_Update.json');
      const p = ex.parameters;
      const sub = p.subscriptionId as string;
      // Defect (SOURCES.md): the 200 body has placeholder "" values; seed real ones instead.
      const subnet = `/subscriptions/${sub}/resourcegroups/${p.resourceGroupName}/providers/microsoft.network/virtualnetworks/vnet1/subnets/snet1`;
      await http.reset([
        vault(sub, p.resourceGroupName, p.vaultName, {
          networkAcls: {
            bypass: 'AzureServices',
            defaultAction: 'Deny',
            ipRules: [{ value: '20.30.40.50/32' }],
            virtualNetworkRules: [{ id: subnet, ignoreMissingVnetServiceEndpoint: false }],
          },
          privateEndpointConnections: [
            {
              id: `${vaultPath(p)}/privateEndpointConnections/pe1.conn`,
              etag: 'e1',
              properties: {
                privateEndpoint: {
                  id: `/subscriptions/${sub}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.Network/privateEndpoints/pe1`,
                },
                privateLinkServiceConnectionState: {
                  status: 'Approved',
                  description: 'ok',
                  actionsRequired: 'None',
                },
                provisioningState: 'Succeeded',
              },
            },
          ],
        }),
      ]);
      const answer = await http.request('PATCH', vaultPath(p) + q(p), { body: p.parameters });
      expect(answer.status).toBe(200);
      // networkAcls is not in the PATCH, so it is the seeded one, kept; the embedded
      // connection carries its etag and state description as the service returns them.
      expectShape(ex.responses['200'].body, answer.body, {
        extraKeys: ['description'],
        missingPaths: ['$.properties.hsmPoolResourceId'],
      });
      expect(bodyOf(answer).properties.accessPolicies).toEqual(
        p.parameters.properties.accessPolicies,
      );
    },

    'keyvault/PrivateEndpointConnections_Get.json': async () => {
      const ex = example('keyvault/PrivateEndpointConnections_Get.json');
      const p = ex.parameters;
      await http.reset([
        vault(p.subscriptionId, p.resourceGroupName, p.vaultName, {
          privateEndpointConnections: [ex.responses['200'].body],
        }),
      ]);
      const answer = await http.request(
        'GET',
        `${vaultPath(p)}/privateEndpointConnections/${p.privateEndpointConnectionName}${q(p)}`,
      );
      expect(answer.status).toBe(200);
      expectShape(ex.responses['200'].body, answer.body);
      const absent = await http.request(
        'GET',
        `${vaultPath(p)}/privateEndpointConnections/no-such-pec${q(p)}`,
      );
      expect(absent.status).toBe(204);
      expect(absent.text).toBe('');
    },

    'keyvault/PrivateEndpointConnections_Put.json': async () => {
      const ex = example('keyvault/PrivateEndpointConnections_Put.json');
      const p = ex.parameters;
      const pending = structuredClone(ex.responses['200'].body);
      pending.properties.privateLinkServiceConnectionState = {
        status: 'Pending',
        description: 'please',
        actionsRequired: 'None',
      };
      await http.reset([
        vault(p.subscriptionId, p.resourceGroupName, p.vaultName, {
          privateEndpointConnections: [pending],
        }),
      ]);
      const answer = await http.request(
        'PUT',
        `${vaultPath(p)}/privateEndpointConnections/${p.privateEndpointConnectionName}${q(p)}`,
        { body: p.properties },
      );
      expect(answer.status).toBe(200);
      expectShape(ex.responses['200'].body, answer.body);
      expect(bodyOf(answer).properties.privateLinkServiceConnectionState).toEqual(
        ex.responses['200'].body.properties.privateLinkServiceConnectionState,
      );
    },

    'keyvault/PrivateEndpointConnections_Delete.json': async () => {
      const ex = example('keyvault/PrivateEndpointConnections_Delete.json');
      const p = ex.parameters;
      const get = example('keyvault/PrivateEndpointConnections_Get.json').responses['200'].body;
      await http.reset([
        vault(p.subscriptionId, p.resourceGroupName, p.vaultName, {
          privateEndpointConnections: [get],
        }),
      ]);
      const path = `${vaultPath(p)}/privateEndpointConnections/${p.privateEndpointConnectionName}${q(p)}`;
      const answer = await http.request('DELETE', path);
      expect(answer.status).toBe(202);
      for (const header of Object.keys(ex.responses['202'].headers))
        expect(answer.headers[header.toLowerCase()]).toBeTypeOf('string');
      const final = await settle(answer);
      expect(final.status).toBe(200);
      expectShape(ex.responses['200'].body, final.body);
      expect((await http.request('DELETE', path)).status).toBe(204);
    },

    'keyvault/PrivateEndpointConnections_ListByResource.json': async () => {
      const ex = example('keyvault/PrivateEndpointConnections_ListByResource.json');
      const p = ex.parameters;
      const [first] = ex.responses['200'].body.value as Json[];
      const second = { ...structuredClone(first), id: `${first?.id}-2`, name: 'sample-pec-2' };
      await http.reset([
        vault(p.subscriptionId, p.resourceGroupName, p.vaultName, {
          privateEndpointConnections: [first, second],
        }),
      ]);
      const answer = await http.request('GET', `${vaultPath(p)}/privateEndpointConnections${q(p)}`);
      expect(answer.status).toBe(200);
      expectShape(ex.responses['200'].body, answer.body);
      expect(bodyOf(answer).value).toHaveLength(2);
    },

    'keyvault/PrivateLinkResources_ListByVault.json': async () => {
      const ex = example('keyvault/PrivateLinkResources_ListByVault.json');
      const p = ex.parameters;
      await http.reset([vault(p.subscriptionId, p.resourceGroupName, p.vaultName)]);
      const answer = await http.request('GET', `${vaultPath(p)}/privateLinkResources${q(p)}`);
      expect(answer.status).toBe(200);
      expectShape(ex.responses['200'].body, answer.body);
      expect(bodyOf(answer).value[0].properties).toEqual(
        ex.responses['200'].body.value[0].properties,
      );
    },

    'network/Subnets_Get.json': async () => {
      const ex = example('network/Subnets_Get.json');
      const p = ex.parameters;
      await http.reset([
        vnet(p.subscriptionId, p.resourceGroupName, p.virtualNetworkName, [
          [p.subnetName, '10.0.0.0/16'],
        ]),
      ]);
      const answer = await http.request(
        'GET',
        `${netPath(p)}/virtualNetworks/${p.virtualNetworkName}/subnets/${p.subnetName}${q(p)}`,
      );
      expect(answer.status).toBe(200);
      expectShape(ex.responses['200'].body, answer.body);
    },

    'network/Subnets_CreateOrUpdate.json': async () => {
      const ex = example('network/Subnets_CreateOrUpdate.json');
      const p = ex.parameters;
      await http.reset([vnet(p.subscriptionId, p.resourceGroupName, p.virtualNetworkName, [])]);
      const path = `${netPath(p)}/virtualNetworks/${p.virtualNetworkName}/subnets/${p.subnetName}${q(p)}`;
      const answer = await http.request('PUT', path, { body: p.subnetParameters });
      expect(answer.status).toBe(201);
      expect(answer.headers['azure-asyncoperation']).toBeTypeOf('string');
      expectShape(ex.responses['201'].body, answer.body);
      expect(bodyOf(await settle(answer)).status).toBe('Succeeded');
      const after = await http.request('GET', path);
      expectShape(ex.responses['200'].body, after.body);
      expect(bodyOf(after).properties.provisioningState).toBe('Succeeded');
    },

    ...privateEndpointCases(),
    ...privateDnsCases(),
  };

  for (const [file, run] of Object.entries(CASES)) it(file, run);
});

/** Seeds a vault and a subnet that private endpoint examples can target. */
async function seedEndpointTarget(p: Json, prefix = '192.168.0.0/24'): Promise<string> {
  const vaultId = `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}/providers/Microsoft.KeyVault/vaults/kv-example`;
  await http.reset([
    vault(p.subscriptionId, p.resourceGroupName, 'kv-example'),
    vnet(p.subscriptionId, p.resourceGroupName, 'myVnet', [['mySubnet', prefix]]),
  ]);
  return vaultId;
}

/**
 * Defect (SOURCES.md): the private endpoint examples target a generic private link service
 * with cosmos/file group ids. For Key Vault the target is a vault and the group `vault`
 * (member `default`), so the request is rewritten that way; everything else is sent as is.
 */
function forKeyVault(parameters: Json, vaultId: string): Json {
  const body = structuredClone(parameters);
  for (const kind of ['privateLinkServiceConnections', 'manualPrivateLinkServiceConnections']) {
    for (const connection of body.properties[kind] ?? []) {
      connection.properties.privateLinkServiceId = vaultId;
      connection.properties.groupIds = ['vault'];
    }
  }
  for (const config of body.properties.ipConfigurations ?? []) {
    config.properties.groupId = 'vault';
    config.properties.memberName = 'default';
  }
  return body;
}

function privateEndpointCases(): Record<string, () => Promise<void>> {
  const create = async (
    file: string,
  ): Promise<{ ex: Json; answer: RawResponse; path: string; vaultId: string }> => {
    const ex = example(file);
    const p = ex.parameters;
    const vaultId = await seedEndpointTarget(p);
    const path = `${netPath(p)}/privateEndpoints/${p.privateEndpointName}${q(p)}`;
    const answer = await http.request('PUT', path, { body: forKeyVault(p.parameters, vaultId) });
    return { ex, answer, path, vaultId };
  };
  return {
    'network/PrivateEndpoints_CreateOrUpdate.json': async () => {
      const { ex, answer, path, vaultId } = await create(
        'network/PrivateEndpoints_CreateOrUpdate.json',
      );
      expect(answer.status).toBe(201);
      // The example's 201 body leaves out the (empty) manual connection list its 200 body has.
      expectShape(ex.responses['201'].body, answer.body, {
        extraKeys: ['manualPrivateLinkServiceConnections'],
      });
      await settle(answer);
      const after = await http.request('GET', path);
      expectShape(ex.responses['200'].body, after.body);
      expect(bodyOf(after).properties.customDnsConfigs).toEqual([
        { fqdn: 'kv-example.vault.azure.net', ipAddresses: ['192.168.0.6'] },
      ]);
      const connections = await http.request(
        'GET',
        `${vaultId}/privateEndpointConnections?api-version=2026-02-01`,
      );
      expect(
        bodyOf(connections).value.map(
          (c: Json) => c.properties.privateLinkServiceConnectionState.status,
        ),
      ).toEqual(['Approved']);
    },

    'network/PrivateEndpoints_CreateOrUpdate.ManualApproval.json': async () => {
      const { ex, answer, vaultId } = await create(
        'network/PrivateEndpoints_CreateOrUpdate.ManualApproval.json',
      );
      expect(answer.status).toBe(201);
      // This example's 201 body shows an automatic, approved connection although the request
      // is manual (not in SOURCES.md's list); its 200 body is the manual one, so compare with it.
      expectShape(ex.responses['200'].body, answer.body);
      expect(
        bodyOf(answer).properties.manualPrivateLinkServiceConnections[0].properties
          .privateLinkServiceConnectionState.status,
      ).toBe('Pending');
      const connections = await http.request(
        'GET',
        `${vaultId}/privateEndpointConnections?api-version=2026-02-01`,
      );
      expect(
        bodyOf(connections).value[0].properties.privateLinkServiceConnectionState,
      ).toMatchObject({ status: 'Pending', description: 'Please manually approve my connection.' });
    },

    'network/PrivateEndpoints_Get.json': async () => {
      const ex = example('network/PrivateEndpoints_Get.json');
      const p = ex.parameters;
      const vaultId = await seedEndpointTarget(p);
      const put = example('network/PrivateEndpoints_CreateOrUpdate.json').parameters.parameters;
      const path = `${netPath(p)}/privateEndpoints/${p.privateEndpointName}${q(p)}`;
      await settle(
        await http.request('PUT', path, {
          body: forKeyVault({ ...put, location: 'eastus' }, vaultId),
        }),
      );
      const answer = await http.request('GET', path);
      expect(answer.status).toBe(200);
      expectShape(ex.responses['200'].body, answer.body);
    },

    'network/PrivateDnsZoneGroups_CreateOrUpdate.json': async () => {
      const ex = example('network/PrivateDnsZoneGroups_CreateOrUpdate.json');
      const p = ex.parameters;
      const zoneId = p.parameters.properties.privateDnsZoneConfigs[0].properties
        .privateDnsZoneId as string;
      await seedZoneGroupTarget(p, [zoneId]);
      const path = `${netPath(p)}/privateEndpoints/${p.privateEndpointName}/privateDnsZoneGroups/${p.privateDnsZoneGroupName}${q(p)}`;
      const answer = await http.request('PUT', path, { body: p.parameters });
      expect(answer.status).toBe(201);
      // Defect (SOURCES.md): the example's id says privateLinkServices; ids may differ anyway.
      expectShape(ex.responses['201'].body, answer.body);
      await settle(answer);
      const after = await http.request('GET', path);
      expectShape(ex.responses['200'].body, after.body);
      const record = await http.request('GET', `${zoneId}/A/kv-example?api-version=2020-06-01`);
      expect(bodyOf(record).properties).toMatchObject({
        ttl: 10,
        aRecords: [{ ipv4Address: '192.168.0.4' }],
      });
    },

    'network/PrivateDnsZoneGroups_Get.json': async () => {
      const ex = example('network/PrivateDnsZoneGroups_Get.json');
      const p = ex.parameters;
      const configs = ex.responses['200'].body.properties.privateDnsZoneConfigs as Json[];
      const zoneIds = configs.map((c) => c.properties.privateDnsZoneId as string);
      await seedZoneGroupTarget(p, zoneIds);
      const path = `${netPath(p)}/privateEndpoints/${p.privateEndpointName}/privateDnsZoneGroups/${p.privateDnsZoneGroupName}${q(p)}`;
      await settle(
        await http.request('PUT', path, {
          body: {
            properties: {
              privateDnsZoneConfigs: zoneIds.map((id) => ({
                properties: { privateDnsZoneId: id },
              })),
            },
          },
        }),
      );
      const answer = await http.request('GET', path);
      expect(answer.status).toBe(200);
      expectShape(ex.responses['200'].body, answer.body);
      expect(bodyOf(answer).properties.privateDnsZoneConfigs).toHaveLength(2);
    },
  };
}

/** A vault, a subnet, an endpoint `p.privateEndpointName` on the vault, and the zones. */
async function seedZoneGroupTarget(p: Json, zoneIds: string[]): Promise<void> {
  const vaultId = await seedEndpointTarget(p);
  const state = (await http.state()) as Json[];
  for (const id of zoneIds)
    state.push({
      id,
      name: id.split('/').at(-1),
      type: 'Microsoft.Network/privateDnsZones',
      location: 'global',
      etag: 'e',
      properties: { provisioningState: 'Succeeded' },
    });
  await http.reset(state);
  const pe = `${netPath(p)}/privateEndpoints/${p.privateEndpointName}?api-version=2025-05-01`;
  const put = await http.request('PUT', pe, {
    body: {
      location: 'eastus',
      properties: {
        subnet: { id: `${netPath(p)}/virtualNetworks/myVnet/subnets/mySubnet` },
        privateLinkServiceConnections: [
          { name: 'c', properties: { privateLinkServiceId: vaultId, groupIds: ['vault'] } },
        ],
      },
    },
  });
  expect(put.status).toBe(201);
  await settle(put);
}

function privateDnsCases(): Record<string, () => Promise<void>> {
  const zonePath = (p: Json) => `${netPath(p)}/privateDnsZones/${p.privateZoneName}`;
  const linkCase = (file: string) => async () => {
    const ex = example(file);
    const p = ex.parameters;
    const vnetId = p.parameters.properties.virtualNetwork.id as string;
    const [, , vsub, , vgroup, , , , vname] = vnetId.split('/');
    await http.reset([
      vnet(vsub as string, vgroup as string, vname as string, [['default', '10.5.0.0/24']]),
      rg(p.subscriptionId, p.resourceGroupName),
    ]);
    await settle(
      await http.request('PUT', `${zonePath(p)}${q(p)}`, { body: { location: 'global' } }),
    );
    const path = `${zonePath(p)}/virtualNetworkLinks/${p.virtualNetworkLinkName}${q(p)}`;
    const answer = await http.request('PUT', path, { body: p.parameters });
    expect(answer.status).toBe(202);
    for (const header of Object.keys(ex.responses['202'].headers))
      expect(answer.headers[header.toLowerCase()]).toBeTypeOf('string');
    expect(bodyOf(await http.request('GET', path)).properties.virtualNetworkLinkState).toBe(
      'InProgress',
    );
    await settle(answer);
    const after = await http.request('GET', path);
    expectShape(ex.responses['200'].body, after.body);
    expect(bodyOf(after).location).toBe('global');
    expect(bodyOf(after).properties.virtualNetworkLinkState).toBe('Completed');
  };
  return {
    'privatedns/PrivateZones_CreateOrUpdate.json': async () => {
      const ex = example('privatedns/PrivateZones_CreateOrUpdate.json');
      const p = ex.parameters;
      await http.reset([rg(p.subscriptionId, p.resourceGroupName)]);
      const answer = await http.request('PUT', `${zonePath(p)}${q(p)}`, { body: p.parameters });
      expect(answer.status).toBe(202);
      for (const header of Object.keys(ex.responses['202'].headers))
        expect(answer.headers[header.toLowerCase()]).toBeTypeOf('string');
      await settle(answer);
      const after = await http.request('GET', `${zonePath(p)}${q(p)}`);
      // Defect (SOURCES.md): the maxNumberOf* values are illustrative; only types compare.
      expectShape(ex.responses['201'].body, after.body);
      expect(bodyOf(after)).toMatchObject({ location: 'global', tags: { key1: 'value1' } });
      expect(bodyOf(after).properties.maxNumberOfRecordSets).toBe(25_000);
    },

    'privatedns/PrivateZones_Get.json': async () => {
      const ex = example('privatedns/PrivateZones_Get.json');
      const p = ex.parameters;
      await http.reset([rg(p.subscriptionId, p.resourceGroupName)]);
      await settle(
        await http.request('PUT', `${zonePath(p)}${q(p)}`, {
          body: { location: 'Global', tags: { key1: 'value1' } },
        }),
      );
      const answer = await http.request('GET', `${zonePath(p)}${q(p)}`);
      expect(answer.status).toBe(200);
      expectShape(ex.responses['200'].body, answer.body);
    },

    'privatedns/VirtualNetworkLinks_CreateOrUpdate.json': linkCase(
      'privatedns/VirtualNetworkLinks_CreateOrUpdate.json',
    ),
    'privatedns/VirtualNetworkLinks_CreateOrUpdate.2024-06-01.json': linkCase(
      'privatedns/VirtualNetworkLinks_CreateOrUpdate.2024-06-01.json',
    ),

    'privatedns/VirtualNetworkLinks_Get.json': async () => {
      const ex = example('privatedns/VirtualNetworkLinks_Get.json');
      const p = ex.parameters;
      const body = ex.responses['200'].body;
      const [, , vsub, , vgroup, , , , vname] = (body.properties.virtualNetwork.id as string).split(
        '/',
      );
      await http.reset([
        vnet(vsub as string, vgroup as string, vname as string, []),
        rg(p.subscriptionId, p.resourceGroupName),
      ]);
      await settle(
        await http.request('PUT', `${zonePath(p)}${q(p)}`, { body: { location: 'global' } }),
      );
      const path = `${zonePath(p)}/virtualNetworkLinks/${p.virtualNetworkLinkName}${q(p)}`;
      await settle(
        await http.request('PUT', path, {
          body: {
            location: 'global',
            tags: { key1: 'value1' },
            properties: {
              virtualNetwork: body.properties.virtualNetwork,
              registrationEnabled: false,
            },
          },
        }),
      );
      const answer = await http.request('GET', path);
      expect(answer.status).toBe(200);
      expectShape(body, answer.body);
    },

    'privatedns/RecordSets_Get.A.json': async () => {
      const ex = example('privatedns/RecordSets_Get.A.json');
      const p = ex.parameters;
      await http.reset([
        {
          id: zonePath(p),
          name: p.privateZoneName,
          type: 'Microsoft.Network/privateDnsZones',
          location: 'global',
          properties: {},
        },
        ex.responses['200'].body,
      ]);
      // Asked as `recordA`; the id (and name) are lower-case, as in the example.
      const answer = await http.request(
        'GET',
        `${zonePath(p)}/${p.recordType}/${p.relativeRecordSetName}${q(p)}`,
      );
      expect(answer.status).toBe(200);
      expectShape(ex.responses['200'].body, answer.body);
      const list = await http.request('GET', `${zonePath(p)}/A${q(p)}`);
      expect(bodyOf(list).value).toHaveLength(1);
    },
  };
}
