// The activity log contract against SdkActivityLogReader over the local ARM endpoint: the
// writes go through SdkAzureWriter with a token whose claims name the caller, as Azure reads
// them; the reader pages through `nextLink` (the endpoint is set to pages of one event).
import { SdkActivityLogReader } from '../../src/adapters/azure/activity-log.js';
import { AzureClients } from '../../src/adapters/azure/clients.js';
import { StaticTokenCredential } from '../../src/adapters/azure/credentials.js';
import { SdkAzureWriter } from '../../src/adapters/azure/writer.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { CLOUD_PROFILES } from '../../src/engine/model/clouds.js';
import { EmulatorHttp } from '../support/emulator-clients.js';
import { armFromLive } from './arm-from-live.js';
import { activityLogContract } from './activity-log.contract.js';

let emulator: RunningEmulator | undefined;
let http: EmulatorHttp | undefined;

/** An unsigned JWT carrying the user's principal name (the endpoint reads, not verifies, it). */
export function tokenFor(upn: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ upn, oid: '0000' })}.sig`;
}

const clients = (token: string, readOnly: boolean) => {
  if (!emulator) throw new Error('the endpoint is not started');
  return new AzureClients({
    cloud: CLOUD_PROFILES.AzureCloud,
    armEndpoint: emulator.endpoint,
    credential: new StaticTokenCredential(token),
    readOnly,
    caCertificates: emulator.caCertPem,
    retryOptions: { retryDelayInMs: 2, maxRetryDelayInMs: 10 },
  });
};

activityLogContract({
  name: 'SdkActivityLogReader over the local ARM endpoint',
  start: async () => {
    emulator = await startEmulator({ state: [], lroSettleAfterMs: 200 });
    http = new EmulatorHttp(emulator);
  },
  stop: async () => {
    http?.close();
    await emulator?.stop();
  },
  seed: async (state) => {
    if (!http) throw new Error('the endpoint is not started');
    await http.reset(armFromLive(state));
    await http.settings({ pageSize: 1, activityLogDelayMs: 0 });
    return {
      log: new SdkActivityLogReader(clients('reader-token', true)),
      writerAs: (caller) =>
        new SdkAzureWriter(clients(tokenFor(caller), false), { pollIntervalMs: 1 }),
    };
  },
});
