// Injected faults observed through the real SDK pipeline: its retries and polls show in the
// request log (GET /_emulator/requests), together with what was injected.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import {
  createEmulatorClients,
  EmulatorHttp,
  FAST_POLLING,
  type EmulatorClients,
} from '../support/emulator-clients.js';
import { baseState, RG, SUB, subnetId, VAULT, vaultId, VNET } from './seed.js';

let emulator: RunningEmulator;
let sdk: EmulatorClients;
let http: EmulatorHttp;

const VAULT_PATH = '/subscriptions/*/resourceGroups/*/providers/Microsoft.KeyVault/vaults/*';
const SUBNET_PATH = '**/virtualNetworks/*/subnets/*';

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
  await http.settings({ lroInProgressPolls: 0, latencyMs: 0, latencyJitterMs: 0 });
});

async function calls(method: string, fragment: string) {
  return (await http.requests()).filter(
    (r) => r.method === method && r.path.toLowerCase().includes(fragment.toLowerCase()),
  );
}

const endpointBody = {
  location: 'westeurope',
  subnet: { id: subnetId('snet-orders') },
  privateLinkServiceConnections: [
    { name: 'c', privateLinkServiceId: vaultId, groupIds: ['vault'] },
  ],
};

describe('status faults', () => {
  it('429 with Retry-After is retried by the SDK until it passes', async () => {
    await http.addFaults({
      method: 'GET',
      path: VAULT_PATH,
      times: 2,
      effect: { type: 'status', status: 429, retryAfter: 0 },
    });
    expect((await sdk.keyVault.vaults.get(RG, VAULT)).name).toBe(VAULT);
    const log = await calls('GET', `/vaults/${VAULT}`);
    expect(log.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(log[0]).toMatchObject({
      errorCode: 'SubscriptionRequestsThrottled',
      injected: { effect: 'status 429 retry-after 0s' },
    });
    expect(log[2]?.injected).toBeUndefined();
  });

  it('429 without Retry-After is not retried by the SDK: the caller sees SubscriptionRequestsThrottled', async () => {
    await http.addFaults({
      method: 'GET',
      path: VAULT_PATH,
      effect: { type: 'status', status: 429 },
    });
    await expect(sdk.keyVault.vaults.get(RG, VAULT)).rejects.toMatchObject({
      statusCode: 429,
      code: 'SubscriptionRequestsThrottled',
    });
    expect((await calls('GET', '/vaults/')).length).toBe(1);
  });

  it('AZURE-FACTS §0: persistent 429 — the SDK makes 4 attempts (3 retries), then throws', async () => {
    await http.addFaults({
      path: VAULT_PATH,
      times: 10,
      effect: { type: 'status', status: 429, retryAfter: 0 },
    });
    await expect(sdk.keyVault.vaults.get(RG, VAULT)).rejects.toMatchObject({ statusCode: 429 });
    expect((await calls('GET', '/vaults/')).map((r) => r.status)).toEqual([429, 429, 429, 429]);
  });

  it('500 and 503 are retried (exponential and Retry-After strategies)', async () => {
    await http.addFaults([
      { method: 'GET', path: SUBNET_PATH, effect: { type: 'status', status: 500 } },
      {
        method: 'GET',
        path: SUBNET_PATH,
        effect: { type: 'status', status: 503, code: 'ServerBusy', retryAfter: 0 },
      },
    ]);
    expect((await sdk.network.subnets.get(RG, VNET, 'snet-orders')).name).toBe('snet-orders');
    expect((await calls('GET', '/subnets/')).map((r) => [r.status, r.errorCode ?? null])).toEqual([
      [500, 'InternalServerError'],
      [503, 'ServerBusy'],
      [200, null],
    ]);
  });

  it('409 with a chosen code reaches the caller as RestError.code, unretried', async () => {
    await http.addFaults({
      method: 'PUT',
      path: SUBNET_PATH,
      effect: { type: 'status', status: 409, code: 'AnotherOperationInProgress', message: 'busy' },
    });
    const subnet = await sdk.network.subnets.get(RG, VNET, 'snet-orders');
    await expect(
      sdk.network.subnets.beginCreateOrUpdateAndWait(RG, VNET, 'snet-orders', subnet, FAST_POLLING),
    ).rejects.toMatchObject({
      statusCode: 409,
      code: 'AnotherOperationInProgress',
    });
    expect((await calls('PUT', '/subnets/')).length).toBe(1);
  });
});

describe('connection resets', () => {
  it('reset before the write: nothing applied, the SDK retries and the write lands once', async () => {
    await http.addFaults({
      method: 'PATCH',
      path: VAULT_PATH,
      effect: { type: 'reset', when: 'before' },
    });
    const vault = await sdk.keyVault.vaults.update(RG, VAULT, {
      properties: { publicNetworkAccess: 'Disabled' },
    });
    expect(vault.properties.publicNetworkAccess).toBe('Disabled');
    const log = await calls('PATCH', '/vaults/');
    expect(log.map((r) => r.status)).toEqual([null, 200]);
    expect(log[0]?.injected?.effect).toBe('reset before write');
  });

  it('reset AFTER the write: the change is applied although the client never heard back', async () => {
    await http.addFaults({
      method: 'PATCH',
      path: VAULT_PATH,
      times: 10,
      effect: { type: 'reset', when: 'after' },
    });
    await expect(
      sdk.keyVault.vaults.update(RG, VAULT, { properties: { publicNetworkAccess: 'Disabled' } }),
    ).rejects.toMatchObject({ code: 'ECONNRESET' });
    await http.request('DELETE', '/_emulator/faults');
    expect((await sdk.keyVault.vaults.get(RG, VAULT)).properties.publicNetworkAccess).toBe(
      'Disabled',
    );
    expect((await calls('PATCH', '/vaults/')).map((r) => r.status)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('reset after a subnet write: the SDK’s retry meets the operation it started (409 AnotherOperationInProgress)', async () => {
    await http.addFaults({
      method: 'PUT',
      path: SUBNET_PATH,
      effect: { type: 'reset', when: 'after' },
    });
    const subnet = await sdk.network.subnets.get(RG, VNET, 'snet-plain');
    await expect(
      sdk.network.subnets.beginCreateOrUpdateAndWait(
        RG,
        VNET,
        'snet-plain',
        { ...subnet, serviceEndpoints: [{ service: 'Microsoft.KeyVault' }] },
        FAST_POLLING,
      ),
    ).rejects.toMatchObject({ statusCode: 409, code: 'AnotherOperationInProgress' });
    expect((await calls('PUT', '/subnets/')).map((r) => r.status)).toEqual([null, 409]);
    const applied = (await http.request('GET', `${subnetId('snet-plain')}?api-version=2025-05-01`))
      .body as { properties: { serviceEndpoints: Array<{ service: string }> } };
    expect(applied.properties.serviceEndpoints.map((e) => e.service)).toEqual([
      'Microsoft.KeyVault',
    ]);
  });
});

describe('long-running operation faults', () => {
  it('AZURE-FACTS §6.8: an LRO that ends Failed surfaces as a plain Error naming the code; the resource is Failed', async () => {
    await http.addFaults({
      method: 'PUT',
      path: '**/privateEndpoints/*',
      effect: {
        type: 'lro',
        outcome: 'Failed',
        code: 'RetryableError',
        message: 'subnet is Updating',
      },
    });
    const error = await sdk.network.privateEndpoints
      .beginCreateOrUpdateAndWait(RG, 'pe-x', endpointBody, FAST_POLLING)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/failed\.\s+RetryableError\./);
    expect((await sdk.network.privateEndpoints.get(RG, 'pe-x')).provisioningState).toBe('Failed');
    const poll = (await calls('GET', '/operations/'))[0];
    expect(poll?.status).toBe(200);
    expect((await calls('PUT', '/privateEndpoints/'))[0]?.injected?.effect).toBe(
      'lro Failed RetryableError',
    );
  });

  it('an LRO that ends Canceled rejects the poller without a coded error', async () => {
    await http.addFaults({
      method: 'PUT',
      path: SUBNET_PATH,
      effect: {
        type: 'lro',
        outcome: 'Canceled',
        code: 'CanceledAndSupersededDueToAnotherOperation',
      },
    });
    const subnet = await sdk.network.subnets.get(RG, VNET, 'snet-orders');
    await expect(
      sdk.network.subnets.beginCreateOrUpdateAndWait(RG, VNET, 'snet-orders', subnet, FAST_POLLING),
    ).rejects.toThrow(/cancel/i);
  });

  it('an LRO that stays InProgress for N polls, then succeeds', async () => {
    await http.addFaults({
      method: 'PUT',
      path: VAULT_PATH,
      effect: { type: 'lro', outcome: 'Succeeded', polls: 4 },
    });
    const vault = await sdk.keyVault.vaults.beginCreateOrUpdateAndWait(
      RG,
      'kv-slow',
      {
        location: 'westeurope',
        properties: {
          tenantId: '22222222-2222-2222-2222-222222222222',
          sku: { family: 'A', name: 'standard' },
        },
      },
      FAST_POLLING,
    );
    expect(vault.properties.provisioningState).toBe('Succeeded');
    expect((await calls('GET', '/operationResults/')).map((r) => r.status)).toEqual([
      202, 202, 202, 202, 200,
    ]);
  });

  it('a failed vault PUT polled through Location surfaces as a RestError with the code', async () => {
    await http.addFaults({
      method: 'PUT',
      path: VAULT_PATH,
      effect: { type: 'lro', outcome: 'Failed', code: 'VaultAlreadyExists' },
    });
    await expect(
      sdk.keyVault.vaults.beginCreateOrUpdateAndWait(
        RG,
        'kv-f',
        {
          location: 'westeurope',
          properties: { tenantId: 't', sku: { family: 'A', name: 'standard' } },
        },
        FAST_POLLING,
      ),
    ).rejects.toMatchObject({ code: 'VaultAlreadyExists' });
  });
});

describe('latency and fault bookkeeping', () => {
  it('fixed latency delays every ARM request at least that long', async () => {
    await http.settings({ latencyMs: 40 });
    await sdk.keyVault.vaults.get(RG, VAULT);
    const [entry] = await calls('GET', '/vaults/');
    expect(entry?.durationMs).toBeGreaterThanOrEqual(39);
  });

  it('jittered latency stays within [latencyMs, latencyMs + jitter] (lower bound checked)', async () => {
    await http.settings({ latencyMs: 10, latencyJitterMs: 20 });
    await sdk.keyVault.vaults.get(RG, VAULT);
    const [entry] = await calls('GET', '/vaults/');
    expect(entry?.durationMs).toBeGreaterThanOrEqual(9);
  });

  it('a fault applies to the next N matching requests only, and a malformed spec is refused', async () => {
    await http.addFaults({
      method: 'GET',
      path: VAULT_PATH,
      times: 1,
      effect: { type: 'status', status: 404, code: 'ResourceNotFound' },
    });
    await expect(sdk.keyVault.vaults.get(RG, VAULT)).rejects.toMatchObject({ statusCode: 404 });
    expect((await sdk.keyVault.vaults.get(RG, VAULT)).name).toBe(VAULT);
    const refused = await http.request('POST', '/_emulator/faults', {
      body: { path: '**', effect: { type: 'status', status: 200 } },
    });
    expect(refused.status).toBe(400);
    const typo = await http.request('POST', '/_emulator/faults', {
      body: { path: '**', tiems: 2, effect: { type: 'reset', when: 'before' } },
    });
    expect(typo.status).toBe(400);
  });
});
