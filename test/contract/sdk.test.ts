// The port contract against the real SDK adapters (SdkAzureReader, SdkAzureWriter) over the
// local ARM endpoint: one endpoint for the suite, reset to each test's world.
import { AzureClients } from '../../src/adapters/azure/clients.js';
import { StaticTokenCredential } from '../../src/adapters/azure/credentials.js';
import { SdkAzureReader } from '../../src/adapters/azure/reader.js';
import { SdkAzureWriter } from '../../src/adapters/azure/writer.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { CLOUD_PROFILES } from '../../src/engine/model/clouds.js';
import { EmulatorHttp } from '../support/emulator-clients.js';
import { armFromLive } from './arm-from-live.js';
import { azurePortsContract, type PortsFactory } from './azure-ports.contract.js';
import { managedHsmPortsContract } from './managed-hsm-ports.contract.js';

let emulator: RunningEmulator | undefined;
let http: EmulatorHttp | undefined;
let reader: SdkAzureReader | undefined;
let writer: SdkAzureWriter | undefined;

const factory: PortsFactory = {
  name: 'SDK adapters over the local ARM endpoint',
  start: async () => {
    emulator = await startEmulator({ state: [], lroSettleAfterMs: 200 });
    http = new EmulatorHttp(emulator);
    const running = emulator;
    const clients = (readOnly: boolean) =>
      new AzureClients({
        cloud: CLOUD_PROFILES.AzureCloud,
        armEndpoint: running.endpoint,
        credential: new StaticTokenCredential('kvnet-test-token'),
        readOnly,
        caCertificates: running.caCertPem,
        retryOptions: { retryDelayInMs: 2, maxRetryDelayInMs: 10 },
      });
    reader = new SdkAzureReader(clients(true));
    writer = new SdkAzureWriter(clients(false), { pollIntervalMs: 1 });
  },
  stop: async () => {
    http?.close();
    await emulator?.stop();
  },
  seed: async (state) => {
    if (!http || !reader || !writer) throw new Error('the endpoint is not started');
    const admin = http;
    await admin.reset(armFromLive(state));
    await admin.settings({ zoneGroupPolicy: null });
    return {
      reader,
      writer,
      failRead: (resourceId, status, code) =>
        admin.addFaults({
          method: 'GET',
          path: resourceId,
          times: 100,
          effect: { type: 'status', status, code },
        }),
      failWrite: (method, resourceId, status, code) =>
        admin.addFaults({
          method,
          path: resourceId,
          times: 1,
          effect: { type: 'status', status, code },
        }),
      zoneGroupPolicy: async (privateDnsZoneId) => {
        await admin.settings({
          zoneGroupPolicy: {
            privateDnsZoneId,
            groupName: 'deployedByPolicy',
            configName: 'keyvault-privateDnsZone',
          },
        });
      },
      failProvisioning: (resourceId, code) =>
        admin.addFaults({
          method: 'PUT',
          path: resourceId,
          times: 1,
          effect: { type: 'lro', outcome: 'Failed', code },
        }),
    };
  },
};

azurePortsContract(factory);
managedHsmPortsContract(factory);
