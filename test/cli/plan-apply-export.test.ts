// kvnet plan, apply and export through the CLI's composition root, against the local ARM
// endpoint seeded with the demo estate: exit codes, formats, the stale-plan guard, and the
// adoption path (export → plan shows no changes).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { EmulatorHttp } from '../support/emulator-clients.js';
import { runInProcess, spawnCli } from './capture.js';
import { temporaryDir } from '../support/temporary-dir.js';

const SPECS = 'examples/specs';
const SUBSCRIPTION = '11111111-1111-1111-1111-111111111111';
let emulator: RunningEmulator;
let http: EmulatorHttp;
let env: NodeJS.ProcessEnv;
const work = temporaryDir('kvnet-cli-');

beforeAll(async () => {
  emulator = await startEmulator({
    state: JSON.parse(readFileSync('examples/demo/state.json', 'utf8')) as unknown[],
    lroSettleAfterMs: 200,
  });
  http = new EmulatorHttp(emulator);
  env = {
    KVNET_TODAY: '2026-11-29',
    KVNET_ARM_ENDPOINT: emulator.endpoint,
    KVNET_ARM_CA_CERT: emulator.caCertPath,
    KVNET_ACCESS_TOKEN: 'cli-test-token',
  };
});
afterAll(async () => {
  http.close();
  await emulator.stop();
});

describe('kvnet plan', () => {
  it('streams the JSON plan to standard output as --out writes it; a reader that leaves early gets one line', async () => {
    const out = path.join(work, 'streamed.json');
    await runInProcess(['plan', SPECS, '--format', 'json', '--out', out], env);
    const whole = await spawnCli(['plan', SPECS, '--format', 'json'], env).done;
    expect(whole.code).toBe(2);
    expect(whole.stdout).toBe(readFileSync(out, 'utf8'));
    // More than a pipe holds (64 KiB), so the writes after the reader leaves fail with EPIPE.
    expect(whole.stdout.length).toBeGreaterThan(64 * 1024);
    const early = spawnCli(['plan', SPECS, '--format', 'json'], env);
    early.child.stdout?.once('data', () => early.child.stdout?.destroy());
    const cut = await early.done;
    expect(cut.code).toBe(1);
    expect(cut.stderr).toBe(
      'kvnet plan: standard output was closed before everything was written (its reader exited)\n',
    );
  });

  it('writes the text plan to --out without colour, even when run from a terminal', async () => {
    const out = path.join(work, 'plan.txt');
    const terminal = process.stdout.isTTY;
    process.stdout.isTTY = true;
    try {
      expect((await runInProcess(['plan', SPECS, '--out', out], env)).code).toBe(2);
    } finally {
      process.stdout.isTTY = terminal;
    }
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^kvnet plan: 7 vaults lose access/);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\u001b[');
  });

  it('exits 2 with changes, in text, Markdown and versioned JSON, sending GETs only', async () => {
    const mark = (await http.requests()).length;
    const text = await runInProcess(['plan', SPECS], env);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(
      /^kvnet plan: 7 vaults lose access, 6 gain access, 1 destructive step — apply-ready \(26 steps on 9 vaults\)/,
    );
    const md = await runInProcess(['plan', SPECS, '--format', 'md'], env);
    expect(md.stdout).toMatch(
      /^<!-- kvnet:plan spec-set=default fingerprint=sha256:[0-9a-f]{64} schema=3 -->/,
    );
    const out = path.join(work, 'plan.json');
    const json = await runInProcess(['plan', SPECS, '--format', 'json', '--out', out], env);
    expect(json.code).toBe(2);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as {
      schemaVersion: number;
      outcome: string;
      steps: unknown[];
    };
    expect(plan).toMatchObject({ schemaVersion: 3, outcome: 'changes' });
    expect(plan.steps).toHaveLength(26);
    // The demo's named sets: each change to a set once, with both billing vaults.
    const setLine =
      '+ ipSet vpn-egress: 20.61.4.0/28 (VPN concentrator) → 2 vaults: kv-billing-prod, kv-billing-test';
    expect(text.stdout.split(setLine)).toHaveLength(2);
    expect(md.stdout.split(setLine)).toHaveLength(2);
    expect(
      (JSON.parse(readFileSync(out, 'utf8')) as { setChanges: { set: string; vaults: string[] }[] })
        .setChanges,
    ).toEqual([
      expect.objectContaining({ set: 'office-egress', vaults: ['kv-billing-test'] }),
      expect.objectContaining({
        set: 'vpn-egress',
        vaults: ['kv-billing-prod', 'kv-billing-test'],
      }),
      expect.objectContaining({
        set: 'app-subnets',
        vaults: ['kv-billing-prod', 'kv-billing-test'],
      }),
    ]);
    const requests = (await http.requests()).slice(mark);
    expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('exits 1 with one clear line when no credential or a bad endpoint is given', async () => {
    const noCredential = await runInProcess(['plan', SPECS], {
      ...env,
      KVNET_ACCESS_TOKEN: undefined,
    });
    expect(noCredential.code).toBe(1);
    expect(noCredential.stderr.trim().split('\n')).toHaveLength(1);
    expect(noCredential.stderr).toMatch(/no Azure credential chosen/);
    const badEndpoint = await runInProcess(
      ['plan', SPECS, '--arm-endpoint', 'http://example.invalid'],
      env,
    );
    expect(badEndpoint.code).toBe(1);
    expect(badEndpoint.stderr).toMatch(/must be an https:\/\/ URL/);
  });
});

describe('flags', () => {
  it('refuses a bad whole-number flag with one line naming it and its range', async () => {
    const plan = await runInProcess(['plan', SPECS, '--max-parallel', '0'], env);
    expect(plan.code).toBe(1);
    expect(plan.stderr.trim()).toMatch(
      /--max-parallel must be a whole number from 1 to 64, not "0"/,
    );
    const apply = await runInProcess(
      ['apply', SPECS, '--auto-approve', '--poll-interval-ms', 'soon'],
      env,
    );
    expect(apply.code).toBe(1);
    expect(apply.stderr.trim().split('\n')).toHaveLength(1);
    expect(apply.stderr).toMatch(
      /--poll-interval-ms must be a whole number from 0 to 60000, not "soon"/,
    );
  });
});

describe('kvnet apply', () => {
  // Plans and applies of the whole demo estate: beyond the default 30 s on a loaded machine.
  it(
    'refuses a reviewed plan that went stale (exit 1, zero writes), then applies and converges',
    { timeout: 90_000 },
    async () => {
      const reviewed = path.join(work, 'reviewed.json');
      expect(
        (await runInProcess(['plan', SPECS, '--format', 'json', '--out', reviewed], env)).code,
      ).toBe(2);
      const vault = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-disk-encryption`;
      const moved = await http.request('PATCH', `${vault}?api-version=2026-02-01`, {
        body: {
          properties: {
            networkAcls: {
              defaultAction: 'Deny',
              bypass: 'None',
              ipRules: [{ value: '52.174.0.7' }],
              virtualNetworkRules: [],
            },
          },
        },
      });
      expect(moved.status).toBe(200);
      const mark = (await http.requests()).length;
      const stale = await runInProcess(
        [
          'apply',
          SPECS,
          '--plan',
          reviewed,
          '--on-plan-mismatch',
          'all-or-nothing',
          '--auto-approve',
          '--allow-destructive',
        ],
        env,
      );
      expect(stale.code).toBe(1);
      expect(stale.stdout).toMatch(/kvnet apply: refused/);
      expect(stale.stdout).toMatch(/52\.174\.0\.7\/32/);
      expect(
        (await http.requests()).slice(mark).filter((request) => request.method !== 'GET'),
      ).toEqual([]);

      // Per vault (the default): every vault that still holds is applied; the one that moved is
      // refused, named, and not written to (exit 1: not everything was applied).
      const bad = await runInProcess(
        ['apply', SPECS, '--plan', reviewed, '--on-plan-mismatch', 'sometimes', '--auto-approve'],
        env,
      );
      expect(bad.code).toBe(1);
      expect(bad.stderr + bad.stdout).toMatch(
        /--on-plan-mismatch must be per-vault or all-or-nothing/,
      );
      const perVault = await runInProcess(
        [
          'apply',
          SPECS,
          '--plan',
          reviewed,
          '--auto-approve',
          '--allow-destructive',
          '--poll-interval-ms',
          '1',
        ],
        env,
      );
      expect(perVault.code, perVault.stdout + perVault.stderr).toBe(1);
      expect(perVault.stdout).toMatch(/^kvnet apply: partial/);
      expect(perVault.stdout).toMatch(/vault kv-disk-encryption: refused/);
      const writes = (await http.requests())
        .slice(mark)
        .filter((request) => request.method !== 'GET');
      expect(writes.length).toBeGreaterThan(0);
      expect(
        writes.filter((request) => request.path.includes('/vaults/kv-disk-encryption')),
      ).toEqual([]);

      const applied = await runInProcess(
        ['apply', SPECS, '--auto-approve', '--allow-destructive', '--poll-interval-ms', '1'],
        env,
      );
      expect(applied.code, applied.stdout + applied.stderr).toBe(0);
      expect(applied.stdout).toMatch(/^kvnet apply: applied/);
      // kv-payments-prod was applied by the per-vault run above; this run finishes the rest.
      expect(perVault.stderr).toMatch(
        /✔ \[\d+\/\d+\] ~ update vault kv-payments-prod \(narrowing step\)/,
      );
      const again = await runInProcess(['plan', SPECS], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/No changes: live state matches the spec for 9 vaults/);
    },
  );
});

describe('kvnet export', () => {
  it('writes a spec that validates and plans with no changes (the adoption path)', async () => {
    const exported = path.join(work, 'exported.yaml');
    const run = await runInProcess(
      ['export', '--subscription', SUBSCRIPTION, '--out', exported],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/exported 9 vaults/);
    // The managed HSM pool of the estate is exported under managedHsms, not vaults.
    const text = readFileSync(exported, 'utf8');
    expect(text).toMatch(/\nmanagedHsms:\n {2}- name: hsm-payments-prod\n/);
    expect(text.slice(0, text.indexOf('managedHsms:'))).not.toContain('hsm-payments-prod');
    expect((await runInProcess(['validate', exported], env)).code).toBe(0);
    const plan = await runInProcess(['plan', exported], env);
    expect(plan.code, plan.stdout).toBe(0);
  });

  it('exports one vault by name, and says so when it does not exist', async () => {
    const one = await runInProcess(
      ['export', '--subscription', SUBSCRIPTION, '--vault', 'kv-payments-prod'],
      env,
    );
    expect(one.code).toBe(0);
    expect(one.stdout.match(/- name: /g)).toHaveLength(1);
    const missing = await runInProcess(
      ['export', '--subscription', SUBSCRIPTION, '--vault', 'kv-nope'],
      env,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no vault found named "kv-nope"/);
    const pool = await runInProcess(
      ['export', '--subscription', SUBSCRIPTION, '--vault', 'hsm-payments-prod'],
      env,
    );
    expect(pool.code, pool.stderr).toBe(0);
    expect(pool.stdout).toMatch(/vaults: \[\]\nmanagedHsms:\n {2}- name: hsm-payments-prod\n/);
    writeFileSync(path.join(work, 'ok'), '');
  });
});
