// The client factory: plan mode can never write, and the version in the user agent is ours.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AzureClients } from '../../src/adapters/azure/clients.js';
import { StaticTokenCredential } from '../../src/adapters/azure/credentials.js';
import { SdkAzureReader } from '../../src/adapters/azure/reader.js';
import { SdkAzureWriter } from '../../src/adapters/azure/writer.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { CLOUD_PROFILES } from '../../src/engine/model/clouds.js';
import { KVNET_VERSION } from '../../src/version.js';
import { vault, vaultId } from '../support/arm-state.js';
import { EmulatorHttp } from '../support/emulator-clients.js';

let emulator: RunningEmulator;
let http: EmulatorHttp;
beforeAll(async () => {
  emulator = await startEmulator({ state: [vault('kv-readonly')] });
  http = new EmulatorHttp(emulator);
});
afterAll(async () => {
  http.close();
  await emulator.stop();
});

function clients(readOnly: boolean) {
  return new AzureClients({
    cloud: CLOUD_PROFILES.AzureCloud,
    armEndpoint: emulator.endpoint,
    credential: new StaticTokenCredential('token'),
    readOnly,
    caCertificates: emulator.caCertPem,
  });
}

describe('AzureClients', () => {
  it('in plan mode refuses every non-GET request before it leaves the process', async () => {
    const writer = new SdkAzureWriter(clients(true), { pollIntervalMs: 1 });
    const network = {
      publicNetworkAccess: 'Disabled',
      networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [], virtualNetworkRules: [] },
    };
    await expect(writer.patchVaultNetwork(vaultId('kv-readonly'), network)).rejects.toThrow(
      /refused to send PATCH .* read-only \(plan\)/,
    );
    expect((await http.requests()).filter((request) => request.method !== 'GET')).toEqual([]);
    await new SdkAzureWriter(clients(false), { pollIntervalMs: 1 }).patchVaultNetwork(
      vaultId('kv-readonly'),
      network,
    );
    expect((await http.requests()).filter((request) => request.method === 'PATCH')).toHaveLength(1);
  });

  it('names the same version as package.json in its user agent', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(KVNET_VERSION).toBe(manifest.version);
  });

  it("asks every SDK for the cloud's token audience, even with a custom endpoint (AZURE-FACTS §0)", async () => {
    const scopes = new Set<string>();
    const recording = {
      getToken: async (requested: string | string[]) => {
        for (const scope of [requested].flat()) scopes.add(scope);
        return { token: 't', expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const gov = new AzureClients({
      cloud: CLOUD_PROFILES.AzureUSGovernment,
      armEndpoint: emulator.endpoint,
      credential: recording,
      readOnly: true,
      caCertificates: emulator.caCertPem,
    });
    const reader = new SdkAzureReader(gov);
    await reader.getVault(vaultId('kv-readonly'));
    await reader.listPrivateEndpoints('11111111-1111-1111-1111-111111111111', 'rg-secrets');
    await reader.getDnsZone(
      '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-secrets/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.usgovcloudapi.net',
    );
    expect([...scopes]).toEqual(['https://management.usgovcloudapi.net/.default']);
  });

  it("uses the cloud's endpoint and token audience unless an endpoint is given", () => {
    const gov = new AzureClients({
      cloud: CLOUD_PROFILES.AzureUSGovernment,
      credential: new StaticTokenCredential('t'),
      readOnly: true,
    });
    expect(gov.endpoint).toBe('https://management.usgovcloudapi.net');
    expect(gov.cloudName).toBe('AzureUSGovernment');
  });
});

describe('request timeout', () => {
  it('turns a read that hangs into a failed read instead of waiting forever', async () => {
    const slow = new AzureClients({
      cloud: CLOUD_PROFILES.AzureCloud,
      armEndpoint: emulator.endpoint,
      credential: new StaticTokenCredential('token'),
      readOnly: true,
      caCertificates: emulator.caCertPem,
      requestTimeoutMs: 200,
      retryOptions: { retryDelayInMs: 1, maxRetryDelayInMs: 2 },
    });
    await http.addFaults({
      method: 'GET',
      path: '/subscriptions/**/vaults/kv-readonly',
      times: 10,
      effect: { type: 'delay', ms: 1000 },
    });
    const outcome = await new SdkAzureReader(slow).getVault(vaultId('kv-readonly'));
    expect(outcome.status).toBe('error');
    await http.request('DELETE', '/_emulator/faults');
  });
});
