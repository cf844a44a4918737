// `kvnet emulator`: serves the local Azure Resource Manager endpoint until SIGINT/SIGTERM.
// When ready it prints exactly one JSON line on stdout — {"endpoint": …, "caCertPath": …} —
// which scripts read to point the SDKs at it (docs/emulator.md).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../../emulator/index.js';
import { EXIT_OK, UsageError, type CliIo } from '../io.js';

export const EMULATOR_USAGE = `Usage: kvnet emulator [--port N] [--state FILE] [--latency-ms N]

Serves a local HTTPS endpoint that behaves like Azure Resource Manager for Key Vault
networking (tests, benchmarks, demo). Prints one JSON line when ready:
  {"endpoint":"https://127.0.0.1:PORT","caCertPath":"/…/ca.pem"}
and serves until interrupted (SIGINT/SIGTERM).

Options:
  --port N         TCP port on 127.0.0.1 (default: a free one)
  --state FILE     JSON array of ARM resource bodies to start from
  --latency-ms N   delay added to every ARM request (default 0)`;

function nonNegativeInteger(
  value: string | undefined,
  flag: string,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new UsageError(`${flag} must be a whole number from 0 to ${max}, not "${value}"`);
  }
  return Number(value);
}

export async function runEmulator(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      state: { type: 'string' },
      'latency-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.out(EMULATOR_USAGE);
    return EXIT_OK;
  }
  const port = nonNegativeInteger(values.port, '--port', 65_535);
  const latencyMs = nonNegativeInteger(values['latency-ms'], '--latency-ms', 60_000);
  const stateFile = values.state === undefined ? undefined : resolve(io.cwd, values.state);

  let emulator;
  try {
    emulator = await startEmulator({ port, stateFile, latencyMs });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      stateFile ? `cannot start with state ${values.state}: ${message}` : message,
    );
  }
  io.out(JSON.stringify({ endpoint: emulator.endpoint, caCertPath: emulator.caCertPath }));
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  await emulator.stop();
  return EXIT_OK;
}
