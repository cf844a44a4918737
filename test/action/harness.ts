// Runs the BUNDLED action the way the runner does: dist/index.js copied away from the repo (so
// it must run with no node_modules), a workspace as the working directory, INPUT_* variables,
// the event payload in a file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the GitHub API
// and OIDC service at local endpoints.
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { temporaryDir } from '../support/temporary-dir.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * `npm run build` once per vitest run (test files run in parallel worker processes, so a lock
 * directory keeps them from building at the same time), then a private copy of the bundle.
 */
export function bundledAction(): string {
  const stamp = join(tmpdir(), `kvnet-action-bundle-${process.ppid}.done`);
  const lock = join(tmpdir(), `kvnet-action-bundle-${process.ppid}.lock`);
  const deadline = Date.now() + 120_000;
  while (!existsSync(stamp)) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline)
        throw new Error('timed out waiting for another worker to build the bundle');
      execFileSync(process.execPath, ['-e', 'setTimeout(()=>{},200)']);
      continue;
    }
    try {
      if (!existsSync(stamp)) {
        execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
        writeFileSync(stamp, new Date().toISOString());
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  const folder = temporaryDir('kvnet-action-');
  mkdirSync(join(folder, 'dist'));
  const target = join(folder, 'dist', 'index.js');
  copyFileSync(join(ROOT, 'dist', 'index.js'), target);
  // The routes' code, which the entry loads on demand (scripts/build.mjs).
  cpSync(join(ROOT, 'dist', 'action-chunks'), join(folder, 'dist', 'action-chunks'), {
    recursive: true,
  });
  if (statSync(target).size < 1000) throw new Error('the bundle looks empty');
  return target;
}

export interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

export interface RunOptions {
  readonly bundle: string;
  readonly workspace: string;
  readonly eventName: string;
  readonly payload: unknown;
  readonly inputs: Record<string, string>;
  readonly env?: Record<string, string | undefined>;
}

/** Parses the GITHUB_OUTPUT file format: name<<delimiter / value / delimiter. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== delimiter; i += 1) value.push(lines[i] ?? '');
    outputs[name as string] = value.join('\n');
  }
  return outputs;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const files = temporaryDir('kvnet-run-');
  const eventPath = join(files, 'event.json');
  const outputPath = join(files, 'output');
  const summaryPath = join(files, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs = Object.fromEntries(
    Object.entries(options.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? files,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: files,
    ...inputs,
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const child = spawn(process.execPath, [options.bundle], { cwd: options.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number>((done) =>
    child.on('close', (status) => done(status ?? -1)),
  );
  const result = {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
  };
  rmSync(files, { recursive: true, force: true });
  return result;
}

/** A workspace (the checked-out repository) holding the given spec files. */
export function workspaceWith(files: Record<string, string>): string {
  const folder = temporaryDir('kvnet-workspace-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

/**
 * Lines of the log the runner would treat as workflow commands: "::name" after leading
 * whitespace, or "##[" anywhere (SECURITY-NOTES.md §2.3).
 */
export function workflowCommands(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .filter((line) => /^\s*::[A-Za-z-]+/.test(line) || line.includes('##['));
}

/** Event payloads shaped like the ones GitHub sends (only the fields any consumer reads). */
export const payloads = {
  repository(owner: string, repo: string) {
    return {
      id: 1296269,
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: { login: owner, type: 'Organization' },
      default_branch: 'main',
      private: true,
    };
  },
  pullRequest(
    owner: string,
    repo: string,
    number: number,
    headSha: string,
    headRepo = `${owner}/${repo}`,
  ) {
    const repository = payloads.repository(owner, repo);
    const [headOwner = owner, headName = repo] = headRepo.split('/');
    return {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        state: 'open',
        title: `Change ${number}`,
        user: { login: 'alice', type: 'User' },
        head: {
          ref: `feature-${number}`,
          sha: headSha,
          repo: {
            ...payloads.repository(headOwner, headName),
            fork: headRepo !== `${owner}/${repo}`,
          },
        },
        base: { ref: 'main', sha: 'b'.repeat(40), repo: repository },
      },
      repository,
      sender: { login: 'alice', type: 'User' },
    };
  },
  push(owner: string, repo: string, after: string, ref = 'refs/heads/main') {
    return {
      ref,
      before: '0'.repeat(40),
      after,
      head_commit: { id: after, message: 'Merge pull request' },
      repository: payloads.repository(owner, repo),
      pusher: { name: 'alice' },
      sender: { login: 'alice', type: 'User' },
    };
  },
  schedule(owner: string, repo: string) {
    return { schedule: '17 5 * * *', repository: payloads.repository(owner, repo) };
  },
};
