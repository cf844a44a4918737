// Failing fast and once when the endpoint cannot be reached at all. A refused connection, a name
// that does not resolve or a certificate that is not trusted will not heal within a run, so the
// first such failure (after the SDK's own retries) trips a guard shared by every client of the
// run: requests in flight are abandoned, later ones fail at once without touching the network,
// and the CLI prints one message naming the endpoint and the likely fix instead of one error per
// resource. Transient failures (a reset connection, a timeout, 5xx, 429) do not trip it: the
// SDK's retries and kvnet's own are for those.
import { setMaxListeners } from 'node:events';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

const TRUST_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export type ConnectionFailureKind = 'trust' | 'unreachable';

export interface ConnectionFailure {
  readonly endpoint: string;
  readonly kind: ConnectionFailureKind;
  readonly code: string;
  readonly message: string;
  /** The error the first failed request threw; later requests throw it again. */
  readonly error: unknown;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function connectionFailureKind(error: unknown): ConnectionFailureKind | undefined {
  const code = codeOf(error);
  if (code === undefined) return undefined;
  if (TRUST_CODES.has(code)) return 'trust';
  if (UNREACHABLE_CODES.has(code)) return 'unreachable';
  return undefined;
}

/** Shared by every client of one run (reader and writer alike). */
export class ConnectionGuard {
  private tripped: ConnectionFailure | undefined;
  private readonly controller = ConnectionGuard.sharedController();

  /**
   * Every request in flight listens on this one signal (hundreds at once in a large plan): not
   * a leak, so Node's "possible EventTarget memory leak" warning is switched off for it.
   */
  private static sharedController(): AbortController {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    return controller;
  }

  get failure(): ConnectionFailure | undefined {
    return this.tripped;
  }

  /**
   * Nothing more is wanted from these clients (reads begun early for a spec set that turned
   * out invalid): requests in flight are aborted, so none holds the process open.
   */
  abandon(): void {
    this.controller.abort();
  }

  /** Outermost in each client's pipeline, around the SDK's retries. */
  policy(endpoint: string): PipelinePolicy {
    return {
      name: 'kvnetConnectionGuard',
      sendRequest: async (request, next) => {
        const before = this.failure;
        if (before) throw before.error;
        if (this.controller.signal.aborted) throw new Error('the run no longer needs this request');
        const outer = request.abortSignal;
        const controller = new AbortController();
        const abandon = () => controller.abort();
        if (outer?.aborted) controller.abort();
        outer?.addEventListener('abort', abandon, { once: true });
        this.controller.signal.addEventListener('abort', abandon, { once: true });
        request.abortSignal = controller.signal;
        try {
          return await next(request);
        } catch (error) {
          const meanwhile = this.failure as ConnectionFailure | undefined;
          if (meanwhile) throw meanwhile.error;
          const kind = connectionFailureKind(error);
          if (kind) {
            this.tripped = {
              endpoint,
              kind,
              code: codeOf(error) ?? 'error',
              message: error instanceof Error ? error.message : String(error),
              error,
            };
            this.controller.abort();
          }
          throw error;
        } finally {
          outer?.removeEventListener('abort', abandon);
          this.controller.signal.removeEventListener('abort', abandon);
          request.abortSignal = outer;
        }
      },
    };
  }
}

export interface FailureContext {
  /** The variable that names a CA file to trust (the CLI's KVNET_ARM_CA_CERT). */
  readonly caVariable?: string;
  /** Whether a CA file was given already. */
  readonly caGiven?: boolean;
  /** The proxy in use, from HTTPS_PROXY / HTTP_PROXY, if any. */
  readonly proxy?: string;
}

/** One message: what failed, where, and what to do about it. */
export function describeConnectionFailure(
  failure: ConnectionFailure,
  context: FailureContext = {},
): string {
  const ca = context.caVariable ?? 'NODE_EXTRA_CA_CERTS';
  const via = context.proxy ? ` through the proxy ${context.proxy}` : '';
  const head =
    failure.kind === 'trust'
      ? `cannot connect to the Azure Resource Manager endpoint ${failure.endpoint}${via}: its TLS certificate is not trusted (${failure.code}: ${failure.message})`
      : `cannot connect to the Azure Resource Manager endpoint ${failure.endpoint}${via} (${failure.code}: ${failure.message})`;
  const fixes =
    failure.kind === 'trust'
      ? [
          context.caGiven
            ? `${ca} is set, but the certificate chain does not lead to it: point it at the CA that signed this endpoint's certificate (for the local endpoint, the caCertPath "kvnet emulator" printed this time)`
            : `for the local endpoint, set ${ca} to the caCertPath that "kvnet emulator" prints`,
          `behind a TLS-inspecting proxy, set ${ca} to the proxy's CA certificate (PEM)`,
          'check that --arm-endpoint / KVNET_ARM_ENDPOINT names the endpoint you mean',
        ]
      : [
          'check --arm-endpoint / KVNET_ARM_ENDPOINT (unset, it is the cloud\'s own endpoint); for the local endpoint, is "kvnet emulator" still running on that port?',
          context.proxy
            ? `check that the proxy ${context.proxy} is up, or unset HTTPS_PROXY`
            : 'if this network reaches Azure only through a proxy, set HTTPS_PROXY',
          'check DNS and the network route to the endpoint',
        ];
  return [
    head,
    'kvnet stopped at this failure and did not try the other resources.',
    ...fixes.map((fix) => `  - ${fix}`),
    'See docs/troubleshooting.md#connection-and-trust-errors.',
  ].join('\n');
}
