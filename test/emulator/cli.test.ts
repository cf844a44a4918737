// `kvnet emulator` as scripts use it: one JSON line on stdout when ready, serving until
// SIGTERM, a CA file another process can trust through NODE_EXTRA_CA_CERTS.
import { spawn, execFile } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { baseState, vaultId } from './seed.js';
import { temporaryDir } from '../support/temporary-dir.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The test runs the CLI from a scratch folder, so tsx is named by path, not by package name.
const TSX_LOADER = pathToFileURL(join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
const folder = temporaryDir('kvnet-cli-emulator-');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function kvnet(args: string[]) {
  return spawn(process.execPath, ['--import', TSX_LOADER, join(repoRoot, 'src/cli.ts'), ...args], {
    cwd: folder,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('kvnet emulator', () => {
  it('prints one JSON line, serves the state file over TLS, and stops cleanly on SIGTERM', async () => {
    writeFileSync(join(folder, 'state.json'), JSON.stringify(baseState()));
    const child = kvnet(['emulator', '--state', 'state.json', '--latency-ms', '0']);
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const lines = createInterface({ input: child.stdout });
    const first = await new Promise<string>((done) => lines.once('line', done));
    const ready = JSON.parse(first) as { endpoint: string; caCertPath: string };
    expect(Object.keys(ready)).toEqual(['endpoint', 'caCertPath']);
    expect(ready.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(ready.caCertPath)).toBe(true);

    // Another process trusts the CA through NODE_EXTRA_CA_CERTS (read by Node at start-up).
    const script = `const r = await fetch(process.argv[1], { headers: { authorization: 'Bearer t' } }); console.log(r.status, (await r.json()).name);`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script, `${ready.endpoint}${vaultId}?api-version=2022-07-01`],
      {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: ready.caCertPath },
      },
    );
    expect(stdout.trim()).toBe('200 kv-payments-prod');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(ready.caCertPath)).toBe(false);
  });

  it('refuses a bad option value with exit code 1 and one line on stderr', async () => {
    const child = kvnet(['emulator', '--port', 'eighty']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(code).toBe(1);
    expect(stderr).toContain('--port must be a whole number');
  });

  it('refuses a state file that is not an array of resources', async () => {
    writeFileSync(join(folder, 'bad.json'), JSON.stringify({ not: 'an array' }));
    const child = kvnet(['emulator', '--state', 'bad.json']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(code).toBe(1);
    expect(stderr).toContain('cannot start with state bad.json');
  });
});
