// One place that builds the SDK clients: the endpoint AND the token scope are set explicitly
// for every client (AZURE-FACTS.md §0: some SDKs otherwise default to the public cloud's
// scope), the user agent names kvnet, and in plan mode a pipeline policy refuses every
// request that is not a GET, so a plan can never write.
import type { TokenCredential } from '@azure/core-auth';
import { KeyVaultManagementClient } from '@azure/arm-keyvault';
import { NetworkManagementClient } from '@azure/arm-network';
import { PrivateDnsManagementClient } from '@azure/arm-privatedns';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { Agent } from 'node:https';
import { createSecureContext, rootCertificates } from 'node:tls';
import type { CloudProfile } from '../../engine/model/clouds.js';
import { KVNET_VERSION } from '../../version.js';
import {
  attemptPolicy,
  DEFAULT_RETRY_AFTER_CAP_MS,
  DEFAULT_RETRY_AFTER_FLOOR_MS,
} from './attempt-policy.js';
import { ConnectionGuard } from './connection.js';

export interface ClientSettings {
  readonly cloud: CloudProfile;
  /** Overrides the cloud's ARM endpoint (the local ARM endpoint, a private ARM). */
  readonly armEndpoint?: string;
  readonly credential: TokenCredential;
  /** Plan mode: only GET requests may leave the process. */
  readonly readOnly: boolean;
  /** Extra CA certificates (PEM) to trust, e.g. the local endpoint's. */
  readonly caCertificates?: string;
  /** How long one HTTP request may take (default 60 s). */
  readonly requestTimeoutMs?: number;
  /** Longest Retry-After the SDK may sleep on (default 120 s, as the applier's own cap). */
  readonly retryAfterCapMs?: number;
  /** The SDK pipeline's own retry timing (tests shorten it; production keeps the default). */
  readonly retryOptions?: { readonly retryDelayInMs?: number; readonly maxRetryDelayInMs?: number };
  /** Shared by the run's clients so one unreachable endpoint stops them all (connection.ts). */
  readonly connectionGuard?: ConnectionGuard;
}

/**
 * Connections the pool keeps to ARM at most (one host). Each subscription's reads in flight are
 * bounded by its read budget (read-budget.ts); across a hundred subscriptions that would be
 * 1,600 connections, each a TLS handshake on both ends and its own buffers, for no more
 * throughput than a few hundred give. 256 is also as many idle sockets as Node keeps alive.
 */
export const MAX_ARM_CONNECTIONS = 256;

/**
 * The one pool's settings, shared with the bench's bare-client floor: keep-alive sockets, at
 * most MAX_ARM_CONNECTIONS of them, and one TLS context for every connection. Without one,
 * Node builds a context for each new connection (a plan of 5,000 vaults opened hundreds: half
 * a second of CPU); with `ca`, a context of every root, and it writes the whole list into the
 * pool key of every request (a 10,000-vault apply reached gigabytes). A custom CA keeps Node's
 * roots, which `ca` alone would replace.
 */
export function sharedAgentOptions(caCertificates?: string) {
  return {
    keepAlive: true,
    maxSockets: MAX_ARM_CONNECTIONS,
    secureContext: createSecureContext(
      caCertificates ? { ca: [...rootCertificates, caCertificates] } : {},
    ),
  } as const;
}

export class WriteRefusedError extends Error {
  constructor(method: string, url: string) {
    super(
      `kvnet refused to send ${method} ${url}: this run is read-only (plan), and only GET requests are allowed`,
    );
  }
}

/** A request that hangs fails after this long (then the SDK retries it, naming the timeout), so a read can never wait forever. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

const readOnlyPolicy: PipelinePolicy = {
  name: 'kvnetReadOnly',
  sendRequest: async (request, next) => {
    if (request.method !== 'GET')
      throw new WriteRefusedError(request.method, request.url.split('?')[0] ?? request.url);
    return next(request);
  },
};

export class AzureClients {
  private readonly keyVault = new Map<string, KeyVaultManagementClient>();
  private readonly network = new Map<string, NetworkManagementClient>();
  private readonly privateDns = new Map<string, PrivateDnsManagementClient>();
  readonly endpoint: string;
  readonly cloudName: CloudProfile['name'];
  private readonly scope: string;

  constructor(private readonly settings: ClientSettings) {
    this.cloudName = settings.cloud.name;
    this.endpoint = (settings.armEndpoint ?? settings.cloud.armEndpoint).replace(/\/+$/, '');
    // A custom endpoint for a real cloud still wants that cloud's audience; the local endpoint
    // accepts any token, so the cloud's scope is right in every case.
    this.scope = settings.cloud.tokenScope;
    this.connectionGuard = settings.connectionGuard ?? new ConnectionGuard();
    this.sharedAgent = new Agent(sharedAgentOptions(settings.caCertificates));
  }

  /**
   * One keep-alive HTTPS agent, so one connection pool, for every client of the run: each SDK
   * client would otherwise keep its own pool (one per subscription and service), and handing
   * `tlsOptions` to each makes Node rebuild a TLS context (with all system roots) per connection.
   */
  private readonly sharedAgent: Agent;

  private readonly quotaListeners = new Set<(subscription: string, remaining: number) => void>();

  /**
   * Hears `x-ms-ratelimit-remaining-subscription-reads` on every answer (read-budget.ts) until
   * the returned function is called: the clients outlive each plan's reads, and a listener
   * left behind would keep that plan's whole snapshot alive (an apply plans many times).
   */
  onReadQuota(listener: (subscription: string, remaining: number) => void): () => void {
    this.quotaListeners.add(listener);
    return () => this.quotaListeners.delete(listener);
  }

  private readonly quotaPolicy: PipelinePolicy = {
    name: 'kvnetReadQuota',
    sendRequest: async (request, next) => {
      const response = await next(request);
      const remaining = response.headers.get('x-ms-ratelimit-remaining-subscription-reads');
      const subscription = /\/subscriptions\/([^/?]+)/i.exec(request.url)?.[1];
      if (remaining !== undefined && subscription && this.quotaListeners.size > 0) {
        const value = Number(remaining);
        if (Number.isFinite(value))
          for (const listener of this.quotaListeners) listener(subscription, value);
      }
      return response;
    },
  };

  private commonOptions() {
    return {
      endpoint: this.endpoint,
      userAgentOptions: { userAgentPrefix: `kvnet/${KVNET_VERSION}` },
      ...(this.settings.retryOptions ? { retryOptions: { ...this.settings.retryOptions } } : {}),
      agent: this.sharedAgent,
    };
  }

  /** Shared with the run's other clients when the settings hand one in. */
  readonly connectionGuard: ConnectionGuard;

  private guard<
    T extends {
      pipeline: { addPolicy(policy: PipelinePolicy, options?: { afterPhase?: 'Retry' }): void };
    },
  >(client: T): T {
    client.pipeline.addPolicy(this.connectionGuard.policy(this.endpoint));
    client.pipeline.addPolicy(this.quotaPolicy, { afterPhase: 'Retry' });
    if (this.settings.readOnly) client.pipeline.addPolicy(readOnlyPolicy);
    client.pipeline.addPolicy(
      attemptPolicy({
        timeoutMs: this.settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        retryAfterCapMs: this.settings.retryAfterCapMs ?? DEFAULT_RETRY_AFTER_CAP_MS,
        // A Retry-After of 0 waits at least the SDK's own base delay.
        retryAfterFloorMs:
          this.settings.retryOptions?.retryDelayInMs ?? DEFAULT_RETRY_AFTER_FLOOR_MS,
      }),
      { afterPhase: 'Retry' },
    );
    return client;
  }

  keyVaultFor(subscription: string): KeyVaultManagementClient {
    const key = subscription.toLowerCase();
    let client = this.keyVault.get(key);
    if (!client) {
      client = this.guard(
        new KeyVaultManagementClient(this.settings.credential, subscription, {
          ...this.commonOptions(),
          credentials: { scopes: [this.scope] },
        }),
      );
      this.keyVault.set(key, client);
    }
    return client;
  }

  networkFor(subscription: string): NetworkManagementClient {
    const key = subscription.toLowerCase();
    let client = this.network.get(key);
    if (!client) {
      client = this.guard(
        new NetworkManagementClient(this.settings.credential, subscription, {
          ...this.commonOptions(),
          credentialScopes: [this.scope],
        }),
      );
      this.network.set(key, client);
    }
    return client;
  }

  privateDnsFor(subscription: string): PrivateDnsManagementClient {
    const key = subscription.toLowerCase();
    let client = this.privateDns.get(key);
    if (!client) {
      client = this.guard(
        new PrivateDnsManagementClient(this.settings.credential, subscription, {
          ...this.commonOptions(),
          credentialScopes: [this.scope],
        }),
      );
      this.privateDns.set(key, client);
    }
    return client;
  }
}
