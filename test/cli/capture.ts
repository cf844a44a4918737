// Runs the CLI in-process with a captured terminal, or as a real process through tsx
// (dist/cli.js is rebuilt separately, so it may lag behind the source).
import { execFile } from 'node:child_process';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const PINNED_ENV = { KVNET_TODAY: '2026-06-01' };

export async function runInProcess(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = PINNED_ENV,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
    env,
    cwd: process.cwd(),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export function runProcess(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = PINNED_ENV,
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/cli.ts', ...argv],
      { env: { ...process.env, KVNET_DEBUG: '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** `file:line:col  error|warning  message  [rule-id]` */
export const FINDING_LINE =
  /^(?<file>\S.*):(?<line>\d+):(?<column>\d+) {2}(?<severity>error|warning) {2}(?<message>\S.*\S) {2}\[(?<rule>[a-z0-9-]+\/[a-z0-9-]+)\]$/;
