// startEmulator: a CA and server certificate made in-process, an HTTPS server on loopback
// serving the EmulatorCore, and ca.pem written to a private temporary folder so other
// processes can trust it (NODE_EXTRA_CA_CERTS). stop() closes everything and removes the folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificates } from './certificates.js';
import { EmulatorCore } from './core.js';
import type { EmulatorSettings, ZoneGroupPolicyInput } from './settings.js';

export interface EmulatorOptions {
  /** TCP port; 0 or omitted picks a free one. */
  readonly port?: number;
  /** Loopback address to bind (default 127.0.0.1). */
  readonly host?: string;
  /** Initial state: ARM resource bodies as GET returns them. */
  readonly state?: readonly unknown[];
  /** Path of a JSON state file (used when `state` is not given). */
  readonly stateFile?: string;
  readonly latencyMs?: number;
  readonly latencyJitterMs?: number;
  /** InProgress polls before a long-running operation ends (default 0). */
  readonly lroInProgressPolls?: number;
  /** A simulated DINE policy deploying zone groups (settings.ts). */
  readonly zoneGroupPolicy?: ZoneGroupPolicyInput | null;
  /** An operation nobody polls ends by itself after this long (default 30 s). */
  readonly lroSettleAfterMs?: number;
  /** Retry-After seconds on polling answers (default 0). */
  readonly retryAfterSeconds?: number;
  /** Any other settings (behaviour switches such as `pageSize`), as POST /_emulator/settings takes them. */
  readonly settings?: Partial<EmulatorSettings>;
}

export interface RunningEmulator {
  /** `https://127.0.0.1:PORT`: give it to the SDK clients as their endpoint. */
  readonly endpoint: string;
  /** ca.pem to trust (NODE_EXTRA_CA_CERTS or an agent's `ca`). */
  readonly caCertPath: string;
  readonly caCertPem: string;
  /** The in-process core, for tests that want to look inside without HTTP. */
  readonly core: EmulatorCore;
  stop(): Promise<void>;
}

function readStateFile(path: string): unknown[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed))
    throw new Error(`${path}: the state file must hold a JSON array of ARM resource bodies`);
  return parsed;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = options.state
    ? [...options.state]
    : options.stateFile
      ? readStateFile(options.stateFile)
      : [];
  const settings: Partial<EmulatorSettings> = { ...options.settings };
  if (options.latencyMs !== undefined) settings.latencyMs = options.latencyMs;
  if (options.latencyJitterMs !== undefined) settings.latencyJitterMs = options.latencyJitterMs;
  if (options.lroInProgressPolls !== undefined)
    settings.lroInProgressPolls = options.lroInProgressPolls;
  if (options.lroSettleAfterMs !== undefined) settings.lroSettleAfterMs = options.lroSettleAfterMs;
  if (options.retryAfterSeconds !== undefined)
    settings.retryAfterSeconds = options.retryAfterSeconds;
  const core = new EmulatorCore(state, {
    ...settings,
    ...(options.zoneGroupPolicy === undefined ? {} : { zoneGroupPolicy: options.zoneGroupPolicy }),
  });

  const host = options.host ?? '127.0.0.1';
  const certificates = createCertificates();
  const folder = mkdtempSync(join(tmpdir(), 'kvnet-emulator-'));
  const caCertPath = join(folder, 'ca.pem');
  writeFileSync(caCertPath, certificates.caCertPem, { mode: 0o644 });

  const sockets = new Set<Socket>();
  const server: Server = createServer(
    { key: certificates.serverKeyPem, cert: certificates.serverCertPem, keepAliveTimeout: 5000 },
    (request, response) => {
      core.handle(request, response).catch(() => request.socket.destroy());
    },
  );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    caCertPath,
    caCertPem: certificates.caCertPem,
    core,
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }).finally(() => rmSync(folder, { recursive: true, force: true }));
      return stopped;
    },
  };
}
