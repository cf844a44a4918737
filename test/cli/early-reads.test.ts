// `kvnet plan` and `kvnet apply` start reading as each spec file parses (cli/early-reads.ts):
// the first plan uses those reads instead of reading again, and an invalid set stops them and
// writes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { EmulatorHttp } from '../support/emulator-clients.js';
import { runInProcess } from './capture.js';
import { temporaryDir } from '../support/temporary-dir.js';

const SUBSCRIPTION = '11111111-1111-1111-1111-111111111111';
let emulator: RunningEmulator;
let http: EmulatorHttp;
let env: NodeJS.ProcessEnv;
const specs = temporaryDir('kvnet-early-');

beforeAll(async () => {
  emulator = await startEmulator({
    state: JSON.parse(readFileSync('examples/demo/state.json', 'utf8')) as unknown[],
  });
  http = new EmulatorHttp(emulator);
  env = {
    KVNET_TODAY: '2026-11-29',
    KVNET_ARM_ENDPOINT: emulator.endpoint,
    KVNET_ARM_CA_CERT: emulator.caCertPath,
    KVNET_ACCESS_TOKEN: 'cli-test-token',
  };
  // Two files that match live state (the adoption path), so a plan reads and changes nothing.
  for (const vault of ['kv-payments-prod', 'kv-disk-encryption']) {
    const run = await runInProcess(
      [
        'export',
        '--subscription',
        SUBSCRIPTION,
        '--vault',
        vault,
        '--out',
        path.join(specs, `${vault}.yaml`),
      ],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
  }
});
afterAll(async () => {
  http.close();
  await emulator.stop();
});

async function requestsOf(argv: string[]) {
  const mark = (await http.requests()).length;
  const run = await runInProcess(argv, env);
  return { run, requests: (await http.requests()).slice(mark) };
}

describe('reads begun while the spec set parses', () => {
  it('the apply plans from them: the same reads as one plan, not twice as many', async () => {
    const plan = await requestsOf(['plan', specs]);
    expect(plan.run.code, plan.run.stdout).toBe(0);
    // One file per vault: each vault is read once, by its file; the whole set adds no list.
    expect(plan.requests.map((request) => request.path.split('/').pop()).sort()).toEqual([
      'kv-disk-encryption',
      'kv-payments-prod',
    ]);
    const apply = await requestsOf(['apply', specs, '--auto-approve']);
    expect(apply.run.code, apply.run.stdout + apply.run.stderr).toBe(0);
    expect(apply.run.stdout).toMatch(/^kvnet apply: no-changes/);
    expect(apply.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    const paths = (requests: typeof plan.requests) => requests.map((r) => r.path).sort();
    expect(paths(apply.requests)).toEqual(paths(plan.requests));
  });

  it('an invalid set stops them, applies nothing and says so', async () => {
    const broken = temporaryDir('kvnet-early-broken-');
    writeFileSync(
      path.join(broken, 'a.yaml'),
      readFileSync(path.join(specs, 'kv-payments-prod.yaml'), 'utf8'),
    );
    writeFileSync(path.join(broken, 'z.yaml'), 'version: 1\nvaults: [\n');
    const commands = [
      { argv: ['plan', broken], says: /no plan made/ },
      { argv: ['apply', broken, '--auto-approve'], says: /nothing applied/ },
    ];
    for (const { argv, says } of commands) {
      const { run, requests } = await requestsOf(argv);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(says);
      expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
    }
  });
});
