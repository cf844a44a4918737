// Hostile text through the real CLI process (the CLI runs in workflows too): line breaks,
// workflow commands, `##[`, control and invisible characters in Azure-side strings (IP rule
// values, VNet rule ids, connection names, error codes and messages) and in spec text never
// reach stdout or stderr raw. Every line start of both streams is checked.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { connection, endpointId, SUB, vault, vaultId } from '../support/arm-state.js';
import { EmulatorHttp } from '../support/emulator-clients.js';
import { spawnCli, unsafeLines } from './capture.js';
import { temporaryDir } from '../support/temporary-dir.js';

const EVIL = '\n::set-output name=x::y\n  ::add-mask::secret\n::stop-commands::tok ##[error]owned';
const INVISIBLE = 'a\u200bb\u202ec\td\ufeffe\r::warning::f\u2028::g\u0085h\u001b[8mi';
let emulator: RunningEmulator;
let http: EmulatorHttp;
let env: NodeJS.ProcessEnv;
const work = temporaryDir('kvnet-hostile-');

const SPEC = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: rg-secrets
  location: westeurope
vaults:
  - name: kv-hostile
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      bypass: AzureServices
      ipRules:
        - address: 20.50.10.7
          note: ${JSON.stringify(`office${EVIL}${INVISIBLE}`)}
`;

beforeAll(async () => {
  const id = vaultId('kv-hostile');
  emulator = await startEmulator({
    state: [
      vault('kv-hostile', {
        publicNetworkAccess: 'Enabled',
        networkAcls: {
          defaultAction: 'Allow',
          bypass: 'AzureServices',
          ipRules: [{ value: `1.2.3.4/32${EVIL}` }, { value: `5.6.7.8${INVISIBLE}` }],
          virtualNetworkRules: [
            {
              id: `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/v/subnets/s${EVIL}`,
            },
          ],
        },
      }),
      connection(id, `conn${EVIL}${INVISIBLE}`, endpointId(`pe${EVIL}`), 'Pending'),
    ],
    lroSettleAfterMs: 50,
  });
  http = new EmulatorHttp(emulator);
  env = {
    KVNET_TODAY: '2026-11-29',
    KVNET_ARM_ENDPOINT: emulator.endpoint,
    KVNET_ARM_CA_CERT: emulator.caCertPath,
    KVNET_ACCESS_TOKEN: 'hostile-test-token',
  };
  writeFileSync(path.join(work, 'hostile.yaml'), SPEC);
  writeFileSync(
    path.join(work, 'unknown-key.yaml'),
    SPEC.replace(
      '    firewall:\n',
      `    ${JSON.stringify(`evil${EVIL}${INVISIBLE}`)}: 1\n    firewall:\n`,
    ),
  );
});
afterAll(async () => {
  http.close();
  await emulator.stop();
  rmSync(work, { recursive: true, force: true });
});

function expectInert(run: { stdout: string; stderr: string }): void {
  expect(unsafeLines(run.stdout)).toEqual([]);
  expect(unsafeLines(run.stderr)).toEqual([]);
}

describe('hostile text through the CLI process', { timeout: 180_000 }, () => {
  it('keeps spec text inert in validate findings (text and JSON)', async () => {
    const file = path.join(work, 'unknown-key.yaml');
    const text = await spawnCli(['validate', file], env).done;
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('unknown key');
    // What was written is quoted, visibly: the zero-width space, the override, the tab.
    expect(text.stdout).toContain('a\\u200bb\\u202ec\\u0009d\\ufeffe');
    expectInert(text);
    const json = await spawnCli(['validate', '--format', 'json', file], env).done;
    expectInert(json);
    const report = JSON.parse(json.stdout) as { findings: { message: string }[] };
    // Still the same JSON: the escapes decode to what was written.
    expect(report.findings.some((finding) => finding.message.includes('a\u200bb\u202ec'))).toBe(
      true,
    );
  });

  it('keeps Azure strings and spec notes inert in plan (text, Markdown, JSON)', async () => {
    const file = path.join(work, 'hostile.yaml');
    for (const format of ['text', 'md', 'json']) {
      const run = await spawnCli(['plan', file, '--format', format], env).done;
      expect(run.code, `${format}: ${run.stderr}`).toBe(2);
      expect(run.stdout).toContain('set-output');
      expectInert(run);
      if (format === 'json') {
        const plan = JSON.parse(run.stdout) as { steps: unknown[] };
        expect(JSON.stringify(plan)).toContain('::set-output name=x::y');
      }
    }
  });

  it('keeps Azure error codes and messages inert on stderr and stdout', async () => {
    await http.addFaults({
      method: 'GET',
      path: '/subscriptions/*/resourceGroups/*/providers/Microsoft.KeyVault/vaults/kv-hostile',
      times: 50,
      effect: {
        type: 'status',
        status: 403,
        code: `Denied${EVIL}`,
        message: `denied${EVIL}${INVISIBLE}`,
      },
    });
    try {
      const plan = await spawnCli(['plan', path.join(work, 'hostile.yaml')], env).done;
      expect(plan.code).toBe(1);
      expect(`${plan.stdout}${plan.stderr}`).toContain('set-output');
      expectInert(plan);
      const exported = await spawnCli(['export', '--subscription', SUB], env).done;
      // Export lists vaults (not the faulted GET): the hostile ACL values are in its YAML.
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout).toContain('kv-hostile');
      expect(exported.stdout).toContain('set-output');
      expectInert(exported);
    } finally {
      await http.request('DELETE', '/_emulator/faults');
    }
  });

  it('keeps hostile arguments inert in usage errors', async () => {
    const run = await spawnCli([`pl${EVIL}an`], env).done;
    expect(run.code).toBe(1);
    expectInert(run);
    const flag = await spawnCli(['plan', `--format=x${EVIL}`, 'a.yaml'], env).done;
    expect(flag.code).toBe(1);
    expectInert(flag);
  });
});
