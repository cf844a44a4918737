// Runs the CLI in-process with a captured terminal, or as a real process through tsx
// (dist/cli.js is rebuilt separately, so it may lag behind the source).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
    write: (text) => {
      stdout += text;
      return Promise.resolve();
    },
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

export interface SpawnedCli {
  readonly child: ChildProcess;
  /** Resolves once the process has exited, with what it wrote and how long it lived. */
  readonly done: Promise<CliRun & { readonly ms: number; readonly signal: string | null }>;
  /** Resolves when stdout or stderr has printed text matching the pattern. */
  waitFor(pattern: RegExp): Promise<void>;
}

const TSX_LOADER = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;

/**
 * The CLI as a real process (node with the tsx loader on src/cli.ts, no npx in between, so
 * signals reach kvnet itself), optionally with standard input on a pipe.
 */
export function spawnCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = PINNED_ENV,
  options: { readonly cwd?: string; readonly stdin?: string } = {},
): SpawnedCli {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['--import', TSX_LOADER, path.resolve('src/cli.ts'), ...argv],
    {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, KVNET_DEBUG: '', NODE_OPTIONS: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const watcher of [...watchers]) {
      if (watcher.pattern.test(stdout) || watcher.pattern.test(stderr)) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve();
      }
    }
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    check();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    check();
  });
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  else child.stdin?.end();
  const done = new Promise<CliRun & { ms: number; signal: string | null }>((resolve) => {
    child.on('close', (code, signal) =>
      resolve({ code: code ?? -1, signal, stdout, stderr, ms: Date.now() - started }),
    );
  });
  return {
    child,
    done,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        watchers.push({ pattern, resolve });
        check();
        void done.then(() =>
          reject(new Error(`exited before printing ${pattern}:\n${stdout}\n${stderr}`)),
        );
      }),
  };
}

/**
 * Lines of CLI output that a GitHub runner would obey or that hide what they say: a workflow
 * command at the start (after whitespace), `##[` anywhere, or a control / invisible character.
 */
export function unsafeLines(text: string): string[] {
  return text.split('\n').filter(
    (line) =>
      /^\s*::/u.test(line) ||
      line.includes('##[') ||
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]|[\u{e0000}-\u{e007f}]/u.test(
        line,
      ),
  );
}
