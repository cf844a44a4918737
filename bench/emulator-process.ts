// The local ARM endpoint in a child process (`kvnet emulator` run from the sources with tsx),
// so the memory and CPU it uses are not counted as kvnet's. Talks to its admin API.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoggedRequest } from './requests.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 60_000;

export interface EmulatorProcess {
  readonly endpoint: string;
  readonly caCertPem: string;
  readonly caCertPath: string;
  settings(values: Record<string, number | string>): Promise<void>;
  clearRequests(): Promise<void>;
  /** The endpoint's state, in the state-file format. */
  exportState(): Promise<unknown>;
  requests(): Promise<LoggedRequest[]>;
  stop(): Promise<void>;
}

function admin(
  endpoint: string,
  ca: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, endpoint),
      { method, ca, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 500) >= 400)
            reject(new Error(`${method} ${path}: HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
          else resolve(text ? JSON.parse(text) : undefined);
        });
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

export async function startEmulatorProcess(stateFile: string): Promise<EmulatorProcess> {
  const loader = pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  // KVNET_BENCH_EMULATOR_CPU_PROF=DIR writes a V8 CPU profile of the endpoint's process there.
  const profile = process.env.KVNET_BENCH_EMULATOR_CPU_PROF;
  const flags = profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...flags, '--import', loader, join(repoRoot, 'src/cli.ts'), 'emulator', '--state', stateFile],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: repoRoot },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = await new Promise<{ endpoint: string; caCertPath: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the emulator did not start within ${START_TIMEOUT_MS} ms: ${stderr}`));
    }, START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as { endpoint: string; caCertPath: string });
      } catch {
        reject(new Error(`unexpected first line from the emulator: ${line}`));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${code}) before it was ready: ${stderr}`));
    });
  });
  const caCertPem = await readFile(ready.caCertPath, 'utf8');
  const call = (method: string, path: string, body?: unknown) =>
    admin(ready.endpoint, caCertPem, method, path, body);
  return {
    endpoint: ready.endpoint,
    caCertPem,
    caCertPath: ready.caCertPath,
    settings: async (values) => {
      await call('POST', '/_emulator/settings', values);
    },
    clearRequests: async () => {
      await call('DELETE', '/_emulator/requests');
    },
    exportState: () => call('GET', '/_emulator/state'),
    requests: async () =>
      ((await call('GET', '/_emulator/requests')) as { requests: LoggedRequest[] }).requests,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
