// Real Azure SDK clients wired to the local ARM endpoint, for any test that needs them.
//
//   const emulator = await startEmulator({ state });
//   const { keyVault, network, privateDns } = createEmulatorClients(emulator, SUBSCRIPTION);
//   await network.subnets.beginCreateOrUpdateAndWait(rg, vnet, subnet, body, FAST_POLLING);
//
// How the SDKs are pointed at the emulator, and why:
// - `endpoint`: the emulator URL. The token scope is derived from it
//   (`${endpoint}/.default`) and passed explicitly, as AZURE-FACTS §0 advises for every cloud.
// - TLS: the emulator's CA is generated per run, so it cannot be in NODE_EXTRA_CA_CERTS of an
//   already-running test process (Node reads that variable once, at start-up). The clients get
//   it through core-rest-pipeline's `tlsOptions: { ca }`, which every pipeline (HLC and
//   modular) turns into the https.Agent options. Child processes may use NODE_EXTRA_CA_CERTS
//   with `caCertPath` instead.
// - Credential: a static bearer token; the emulator wants any non-empty one.
// - Retries: the SDK's retry policy is kept (tests observe it) but with millisecond delays,
//   so an injected 500 or connection reset costs milliseconds, not seconds.
// - LRO polling: core-lro ignores `Retry-After: 0` and falls back to 2 s between polls, so pass
//   FAST_POLLING (`updateIntervalInMs`) to `beginXAndWait` when operations are set to take polls.
import { request as httpsRequest, Agent } from 'node:https';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { NetworkManagementClient } from '@azure/arm-network';
import { PrivateDnsManagementClient } from '@azure/arm-privatedns';
import type { TokenCredential } from '@azure/core-auth';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { FaultSpec } from '../../src/emulator/faults.js';
import type { RequestLogEntry } from '../../src/emulator/request-log.js';
import type { EmulatorSettings } from '../../src/emulator/settings.js';

export const EMULATOR_TOKEN = 'emulator-test-token';

/** Any non-empty bearer token satisfies the emulator. */
export const staticCredential: TokenCredential = {
  getToken: async () => ({
    token: EMULATOR_TOKEN,
    expiresOnTimestamp: Date.now() + 60 * 60 * 1000,
  }),
};

/** Poll every millisecond instead of core-lro's 2 s default. */
export const FAST_POLLING = { updateIntervalInMs: 1 } as const;

/** Options every SDK client needs to talk to the emulator. */
export function emulatorClientOptions(emulator: Pick<RunningEmulator, 'endpoint' | 'caCertPem'>) {
  return {
    endpoint: emulator.endpoint,
    credentials: { scopes: [`${emulator.endpoint}/.default`] },
    tlsOptions: { ca: emulator.caCertPem },
    retryOptions: { retryDelayInMs: 2, maxRetryDelayInMs: 10 },
  };
}

export interface EmulatorClients {
  readonly keyVault: KeyVaultManagementClient;
  readonly network: NetworkManagementClient;
  readonly privateDns: PrivateDnsManagementClient;
}

export function createEmulatorClients(
  emulator: Pick<RunningEmulator, 'endpoint' | 'caCertPem'>,
  subscriptionId: string,
): EmulatorClients {
  const options = emulatorClientOptions(emulator);
  return {
    keyVault: new KeyVaultManagementClient(staticCredential, subscriptionId, options),
    network: new NetworkManagementClient(staticCredential, subscriptionId, options),
    privateDns: new PrivateDnsManagementClient(staticCredential, subscriptionId, options),
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
  readonly text: string;
}

/**
 * Raw HTTPS to the emulator (ARM paths or the /_emulator admin API), for what an SDK cannot
 * show: exact status codes, headers, 204 bodies, missing tokens, connection resets.
 */
export class EmulatorHttp {
  private readonly agent: Agent;

  constructor(private readonly emulator: Pick<RunningEmulator, 'endpoint' | 'caCertPem'>) {
    this.agent = new Agent({ ca: emulator.caCertPem, keepAlive: true });
  }

  request(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {},
  ): Promise<RawResponse> {
    const url = new URL(path, this.emulator.endpoint);
    const text = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const token = options.token === undefined ? EMULATOR_TOKEN : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (text !== undefined) headers['content-type'] = 'application/json';
    return new Promise((resolve, reject) => {
      const req = httpsRequest(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          let body: unknown = undefined;
          if (raw.length > 0) {
            try {
              body = JSON.parse(raw);
            } catch {
              body = raw;
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: raw });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(text);
    });
  }

  async state(): Promise<Array<Record<string, unknown>>> {
    return (await this.request('GET', '/_emulator/state')).body as Array<Record<string, unknown>>;
  }

  async requests(since = 0): Promise<RequestLogEntry[]> {
    return (
      (await this.request('GET', `/_emulator/requests?since=${since}`)).body as {
        requests: RequestLogEntry[];
      }
    ).requests;
  }

  async reset(state?: unknown[]): Promise<void> {
    const answer = await this.request(
      'POST',
      '/_emulator/reset',
      state === undefined ? {} : { body: state },
    );
    if (answer.status !== 200) throw new Error(`reset failed: ${answer.text}`);
  }

  async addFaults(faults: FaultSpec | FaultSpec[]): Promise<void> {
    const answer = await this.request('POST', '/_emulator/faults', { body: faults });
    if (answer.status !== 201) throw new Error(`faults refused: ${answer.text}`);
  }

  async settings(patch: Partial<EmulatorSettings>): Promise<EmulatorSettings> {
    return (await this.request('POST', '/_emulator/settings', { body: patch }))
      .body as EmulatorSettings;
  }

  close(): void {
    this.agent.destroy();
  }
}
