// The CLI's contact with the terminal: where output goes and the exit codes of DESIGN.md §8.
export { MAX_PARALLEL } from '../engine/state/concurrency.js';
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_CHANGES = 2;

export interface CliIo {
  out(text: string): void;
  /**
   * Text as given (no line feed added), settled once the stream has taken it: for output too
   * large to hold whole, written batch by batch with backpressure.
   */
  write(text: string): Promise<void>;
  err(text: string): void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  write: (text) =>
    new Promise((resolve, reject) => {
      process.stdout.write(text, (error) =>
        error ? reject(isBrokenPipe(error) ? new OutputClosed() : error) : resolve(),
      );
    }),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  env: process.env,
  cwd: process.cwd(),
};

/** Standard output's reader went away mid-write (`kvnet plan --format json | head`). */
export class OutputClosed extends Error {
  constructor() {
    super('standard output was closed before everything was written (its reader exited)');
  }
}

const isBrokenPipe = (error: Error) => (error as { code?: unknown }).code === 'EPIPE';

/** kvnet's colours on standard output: only on a terminal, and not when NO_COLOR is set. */
export function colorOnStdout(env: NodeJS.ProcessEnv): boolean {
  return process.stdout.isTTY === true && env.NO_COLOR === undefined;
}

/** A mistake in how the CLI was called: printed as one line, never as a stack trace. */
export class UsageError extends Error {}

/** Today's date (UTC, YYYY-MM-DD); KVNET_TODAY pins it for reproducible runs. */
export function today(env: NodeJS.ProcessEnv): string {
  const pinned = env.KVNET_TODAY;
  if (pinned !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned))
      throw new UsageError(`KVNET_TODAY must be a date written YYYY-MM-DD, not "${pinned}"`);
    return pinned;
  }
  return new Date().toISOString().slice(0, 10);
}

/** A flag that must be a whole number within bounds; a clear usage error otherwise. */
export function wholeNumberFlag(value: string, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}
