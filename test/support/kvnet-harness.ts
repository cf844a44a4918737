// kvnet's real adapters (SDK clients over HTTPS) against a fresh local ARM endpoint: the
// harness every planner and applier integration test uses.
import { AzureClients } from '../../src/adapters/azure/clients.js';
import { StaticTokenCredential } from '../../src/adapters/azure/credentials.js';
import { SdkAzureReader } from '../../src/adapters/azure/reader.js';
import { SdkAzureWriter } from '../../src/adapters/azure/writer.js';
import {
  startEmulator,
  type EmulatorSettings,
  type RunningEmulator,
} from '../../src/emulator/index.js';
import { applyPlan } from '../../src/engine/apply/run-apply.js';
import type { ApplyOptions, ApplyReport } from '../../src/engine/apply/types.js';
import { CLOUD_PROFILES } from '../../src/engine/model/clouds.js';
import { makePlan } from '../../src/engine/plan/make-plan.js';
import type { Plan } from '../../src/engine/plan/types.js';
import type { ArmBody } from './arm-state.js';
import { EmulatorHttp } from './emulator-clients.js';
import { desiredFrom } from './plan-fixtures.js';

export interface Harness {
  readonly emulator: RunningEmulator;
  readonly http: EmulatorHttp;
  readonly reader: SdkAzureReader;
  readonly writer: SdkAzureWriter;
  plan(spec: string): Promise<Plan>;
  apply(spec: string, options?: Partial<ApplyOptions>): Promise<ApplyReport>;
  /** Requests logged since the mark, or since the start. */
  requestsSince(mark?: number): Promise<Awaited<ReturnType<EmulatorHttp['requests']>>>;
  /** The current length of the request log, to look only at what follows. */
  mark(): Promise<number>;
  stop(): Promise<void>;
}

export async function startHarness(
  state: readonly ArmBody[],
  today?: string,
  settings: Partial<EmulatorSettings> = {},
): Promise<Harness> {
  // An operation whose poller died (a reset connection) settles quickly, as Azure's do.
  const emulator = await startEmulator({ state: [...state], lroSettleAfterMs: 200, settings });
  const http = new EmulatorHttp(emulator);
  const clients = (readOnly: boolean) =>
    new AzureClients({
      cloud: CLOUD_PROFILES.AzureCloud,
      armEndpoint: emulator.endpoint,
      credential: new StaticTokenCredential('kvnet-test-token'),
      readOnly,
      caCertificates: emulator.caCertPem,
      retryOptions: { retryDelayInMs: 2, maxRetryDelayInMs: 10 },
    });
  const reader = new SdkAzureReader(clients(true));
  const writer = new SdkAzureWriter(clients(false), { pollIntervalMs: 1 });
  return {
    emulator,
    http,
    reader,
    writer,
    plan: (spec) => makePlan(desiredFrom(spec, today), reader),
    apply: (spec, options = {}) =>
      applyPlan(desiredFrom(spec, today), reader, writer, {
        allowDestructive: false,
        maxParallel: 4,
        backoffBaseMs: 5,
        ...options,
      }),
    requestsSince: async (mark = 0) => (await http.requests()).slice(mark),
    mark: async () => (await http.requests()).length,
    stop: () => emulator.stop(),
  };
}
