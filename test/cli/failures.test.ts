// Failing fast and stopping cleanly, through the real CLI process against the local ARM
// endpoint: an untrusted certificate or an unreachable endpoint ends the process promptly with
// one message naming the endpoint and the fix; Ctrl-C during apply stops starting steps, reports
// done / not started and exits 130, and a re-run converges; a refusal comes before the prompt.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { EmulatorHttp } from '../support/emulator-clients.js';
import { spawnCli, unsafeLines } from './capture.js';

const SPECS = 'examples/specs';
let emulator: RunningEmulator;
let http: EmulatorHttp;
let env: NodeJS.ProcessEnv;
const demoState = () =>
  JSON.parse(readFileSync('examples/demo/state.json', 'utf8')) as Record<string, unknown>[];

beforeAll(async () => {
  emulator = await startEmulator({ state: demoState(), lroSettleAfterMs: 100 });
  http = new EmulatorHttp(emulator);
  env = {
    KVNET_TODAY: '2026-11-29',
    KVNET_ARM_ENDPOINT: emulator.endpoint,
    KVNET_ARM_CA_CERT: emulator.caCertPath,
    KVNET_ACCESS_TOKEN: 'failure-test-token',
  };
});
afterAll(async () => {
  http.close();
  await emulator.stop();
});

async function resetEstate(): Promise<void> {
  const answer = await http.request('POST', '/_emulator/reset');
  expect(answer.status).toBeLessThan(300);
  await http.request('DELETE', '/_emulator/faults');
  await http.settings({ latencyMs: 0 });
}

async function writesSince(mark: number): Promise<number> {
  return (await http.requests()).slice(mark).filter((request) => request.method !== 'GET').length;
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

function expectOneConnectionMessage(stderr: string, endpoint: string): void {
  expect(stderr.match(/cannot connect to the Azure Resource Manager endpoint/g)).toHaveLength(1);
  expect(stderr).toContain(endpoint);
  expect(stderr).not.toMatch(/could not read/);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(unsafeLines(stderr)).toEqual([]);
}

describe(
  'a failed connection ends the run promptly, with one message',
  { timeout: 120_000 },
  () => {
    it('an untrusted certificate: plan names KVNET_ARM_CA_CERT and exits at once', async () => {
      const { KVNET_ARM_CA_CERT: _trusted, ...untrusting } = env;
      const run = await spawnCli(['plan', SPECS], untrusting).done;
      expect(run.code).toBe(1);
      expectOneConnectionMessage(run.stderr, emulator.endpoint);
      expect(run.stderr).toMatch(/TLS certificate is not trusted/);
      expect(run.stderr).toMatch(/set KVNET_ARM_CA_CERT to the caCertPath/);
      expect(run.stdout).toBe('');
      // Node and tsx start in a few seconds; the 60 s request timer no longer holds the process.
      expect(run.ms).toBeLessThan(20_000);
    });

    it('an untrusted certificate: apply writes nothing and says so once', async () => {
      await resetEstate();
      const { KVNET_ARM_CA_CERT: _trusted, ...untrusting } = env;
      const mark = (await http.requests()).length;
      const run = await spawnCli(
        ['apply', SPECS, '--auto-approve', '--allow-destructive'],
        untrusting,
      ).done;
      expect(run.code).toBe(1);
      expectOneConnectionMessage(run.stderr, emulator.endpoint);
      expect(run.stderr).toMatch(/Nothing applied\./);
      expect(await writesSince(mark)).toBe(0);
      expect(run.ms).toBeLessThan(20_000);
    });

    it('an unreachable endpoint: one message naming the endpoint, the variable and the proxy', async () => {
      const endpoint = `https://127.0.0.1:${await closedPort()}`;
      const run = await spawnCli(['plan', SPECS], { ...env, KVNET_ARM_ENDPOINT: endpoint }).done;
      expect(run.code).toBe(1);
      expectOneConnectionMessage(run.stderr, endpoint);
      expect(run.stderr).toMatch(/ECONNREFUSED/);
      expect(run.stderr).toMatch(/KVNET_ARM_ENDPOINT/);
      expect(run.stderr).toMatch(/HTTPS_PROXY/);
      // The SDK retries a refused connection three times (about 7 s of backoff), then kvnet stops.
      expect(run.ms).toBeLessThan(30_000);
    });
  },
);

describe('refusals come before the prompt', { timeout: 120_000 }, () => {
  it('a destructive plan without --allow-destructive is refused without asking "yes?"', async () => {
    await resetEstate();
    const mark = (await http.requests()).length;
    // `script` gives the CLI a terminal, so it would prompt if it got that far.
    const loader = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
    const command = `"${process.execPath}" --import ${loader} src/cli.ts apply ${SPECS}`;
    const run = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        'script',
        ['-qec', command, '/dev/null'],
        { env: { ...process.env, ...env, NO_COLOR: '1' }, timeout: 60_000 },
        (error, stdout) =>
          resolve({
            code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
            output: stdout,
          }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/kvnet apply: refused/);
    expect(run.output).toMatch(/--allow-destructive was not given/);
    expect(run.output).not.toMatch(/Apply these changes\?/);
    expect(run.output).not.toMatch(/not started/);
    expect(await writesSince(mark)).toBe(0);
  });

  it('with --auto-approve the refusal is one summary, not a line per step', async () => {
    const run = await spawnCli(['apply', SPECS, '--auto-approve'], env).done;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^kvnet apply: refused/);
    expect(run.stdout).toMatch(/nothing applied: none of the plan's 26 steps was started/);
    expect(run.stdout).not.toMatch(/not started:/);
  });
});

describe('Ctrl-C during apply', { timeout: 240_000 }, () => {
  const apply = ['apply', SPECS, '--auto-approve', '--allow-destructive', '--max-parallel', '1'];

  it('stops starting steps, lets the running one finish, reports, exits 130; a re-run converges', async () => {
    await resetEstate();
    await http.settings({ latencyMs: 150 });
    const run = spawnCli([...apply, '--poll-interval-ms', '50'], env);
    await run.waitFor(/✔ /);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toMatch(/interrupt: no further step will start/);
    expect(result.stdout).toMatch(/^kvnet apply: interrupted/);
    const done = result.stdout.match(/ — done$/gm) ?? [];
    const notStarted = result.stdout.match(/ — not started: interrupted$/gm) ?? [];
    expect(done.length).toBeGreaterThan(0);
    expect(notStarted.length).toBeGreaterThan(0);
    expect(done.length + notStarted.length).toBeLessThanOrEqual(26);
    expect(result.stdout).not.toMatch(/Residual plan/);
    expect(unsafeLines(result.stdout)).toEqual([]);

    await http.settings({ latencyMs: 0 });
    const rerun = await spawnCli([...apply, '--poll-interval-ms', '1'], env).done;
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/^kvnet apply: applied/);
    const plan = await spawnCli(['plan', SPECS], env).done;
    expect(plan.code, plan.stdout).toBe(0);
  });

  it('a second Ctrl-C abandons the running step at once, says what ran, exits 130; a re-run converges', async () => {
    await resetEstate();
    await http.settings({ latencyMs: 1500 });
    const run = spawnCli([...apply, '--poll-interval-ms', '50'], env);
    await run.waitFor(/✔ /); // one line per finished step without a TTY: the next one is running
    run.child.kill('SIGINT');
    await run.waitFor(/interrupt: no further step will start/);
    const second = Date.now();
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(Date.now() - second).toBeLessThan(1_000);
    expect(result.stdout).toMatch(/^kvnet apply: abandoned/);
    expect(result.stdout).toMatch(/— abandoned while running/);
    expect(result.stdout).toMatch(/Re-run the apply to finish/);

    await http.settings({ latencyMs: 0 });
    const rerun = await spawnCli([...apply, '--poll-interval-ms', '1'], env).done;
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    const plan = await spawnCli(['plan', SPECS], env).done;
    expect(plan.code, plan.stdout).toBe(0);
  });
});
