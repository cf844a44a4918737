// A failed connection in the Action gives the same one message as the CLI (connection.ts):
// the endpoint, what failed, the likely fixes. A refused connection or an untrusted
// certificate trips the clients' guard at the first request; the plan or drift check that
// follows would otherwise list one read error per resource and hide the cause.
import { describeConnectionFailure, type ConnectionGuard } from '../adapters/azure/connection.js';

export class ConnectionFailedError extends Error {}

/** Throws the one clear message when the run's guard tripped. */
export function throwIfConnectionFailed(
  clients: { readonly connectionGuard: ConnectionGuard },
  env: NodeJS.ProcessEnv,
): void {
  const failure = clients.connectionGuard.failure;
  if (!failure) return;
  throw new ConnectionFailedError(
    describeConnectionFailure(failure, {
      // The Action's process is started by the runner: Node reads extra CAs from this variable.
      caVariable: 'NODE_EXTRA_CA_CERTS',
      caGiven: Boolean(env.NODE_EXTRA_CA_CERTS),
      proxy: env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy,
    }),
  );
}
