// Spec collection through the real CLI process: only regular files are read, the read is
// bounded whatever the size on disk says, no link leads out of the directory, loops are seen,
// every .yaml/.yml (any case) is found, dangling links are reported, and nothing hangs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_LINE, spawnCli, unsafeLines } from './capture.js';
import { temporaryDir } from '../support/temporary-dir.js';

const work = temporaryDir('kvnet-collect-');
const specs = path.join(work, 'specs');
const outside = path.join(work, 'outside');
const SECRET = path.join(outside, 'secret-target.yaml');
let socketServer: Server | undefined;

const spec = (name: string) => `version: 1
defaults:
  subscription: 11111111-1111-1111-1111-111111111111
  resourceGroup: rg-secrets
vaults:
  - name: ${name}
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules: [20.50.10.7]
`;

interface Line {
  file: string;
  severity: string;
  rule: string;
  message: string;
}

function findings(stdout: string): Line[] {
  return stdout
    .split('\n')
    .map((line) => FINDING_LINE.exec(line)?.groups)
    .filter((groups) => groups !== undefined)
    .map((groups) => ({
      file: path.relative(specs, groups.file ?? ''),
      severity: groups.severity ?? '',
      rule: groups.rule ?? '',
      message: groups.message ?? '',
    }));
}

beforeAll(async () => {
  mkdirSync(path.join(specs, 'nested'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(specs, 'a.yaml'), spec('kv-a'));
  writeFileSync(path.join(specs, 'B.YAML'), spec('kv-b'));
  writeFileSync(path.join(specs, 'nested', 'c.Yml'), spec('kv-c'));
  writeFileSync(path.join(specs, 'notes.txt'), 'not a spec');
  writeFileSync(SECRET, spec('kv-outside'));
  symlinkSync('/dev/zero', path.join(specs, 'zero.yaml'));
  symlinkSync(SECRET, path.join(specs, 'escape.yaml'));
  symlinkSync(outside, path.join(specs, 'outside-dir'));
  symlinkSync('missing.yaml', path.join(specs, 'dangling.yaml'));
  symlinkSync('..', path.join(specs, 'nested', 'loop'));
  symlinkSync('a.yaml', path.join(specs, 'same.yaml'));
  execFileSync('mkfifo', [path.join(specs, 'pipe.yaml')]);
  socketServer = createServer();
  await new Promise<void>((resolve) =>
    socketServer?.listen(path.join(specs, 'socket.yaml'), resolve),
  );
});

afterAll(async () => {
  await new Promise<void>((resolve) =>
    socketServer ? socketServer.close(() => resolve()) : resolve(),
  );
  rmSync(work, { recursive: true, force: true });
});

describe('collecting a spec directory', () => {
  it('reads the regular files once, reports every other entry at its name, and never hangs', async () => {
    const run = await spawnCli(['validate', specs]).done;
    expect(run.ms).toBeLessThan(30_000);
    const lines = findings(run.stdout);
    expect(lines.map((line) => [line.file, line.severity, line.rule])).toEqual([
      ['dangling.yaml', 'error', 'input/dangling-link'],
      ['escape.yaml', 'error', 'input/outside-root'],
      ['nested/loop', 'warning', 'input/directory-loop'],
      ['outside-dir', 'error', 'input/outside-root'],
      ['pipe.yaml', 'error', 'input/not-regular'],
      ['same.yaml', 'warning', 'input/same-file'],
      ['socket.yaml', 'error', 'input/not-regular'],
      ['zero.yaml', 'error', 'input/outside-root'],
    ]);
    expect(lines.find((line) => line.file === 'pipe.yaml')?.message).toContain('FIFO');
    expect(lines.find((line) => line.file === 'socket.yaml')?.message).toContain('socket');
    // Three specs read (a.yaml, B.YAML, nested/c.Yml), each once.
    expect(run.stdout).toMatch(/3 files?/);
    // The target of a link out of the directory is never printed.
    expect(run.stdout + run.stderr).not.toContain('secret-target');
    expect(run.stdout + run.stderr).not.toContain('/dev/zero');
    expect(unsafeLines(run.stdout + run.stderr)).toEqual([]);
    expect(run.code).toBe(1);
  });

  it('refuses a FIFO, /dev/zero and a dangling link named directly, at once', async () => {
    const run = await spawnCli([
      'validate',
      path.join(specs, 'pipe.yaml'),
      path.join(specs, 'zero.yaml'),
      '/dev/zero',
      path.join(specs, 'dangling.yaml'),
    ]).done;
    expect(run.ms).toBeLessThan(30_000);
    const rules = findings(run.stdout).map((line) => [path.basename(line.file), line.rule]);
    expect(rules).toEqual(
      expect.arrayContaining([
        ['pipe.yaml', 'input/not-regular'],
        ['zero.yaml', 'input/not-regular'],
        ['zero', 'input/not-regular'],
        ['dangling.yaml', 'input/dangling-link'],
      ]),
    );
    expect(run.stdout).toContain('character device');
    expect(run.code).toBe(1);
  });

  it('applies the same checks to a glob, and matches extensions in any case', async () => {
    const run = await spawnCli(['validate', `${specs}/**/*.yaml`]).done;
    const lines = findings(run.stdout);
    expect(lines.map((line) => line.file)).toEqual(
      expect.arrayContaining(['escape.yaml', 'pipe.yaml', 'zero.yaml', 'dangling.yaml']),
    );
    // a.yaml and B.YAML; c.Yml does not end in .yaml.
    expect(run.stdout).toMatch(/2 files?/);
    expect(run.stdout + run.stderr).not.toContain('secret-target');
  });

  it('plan refuses the same set before any call, promptly', async () => {
    const run = await spawnCli(['plan', specs], {
      KVNET_TODAY: '2026-06-01',
      KVNET_ARM_ENDPOINT: 'https://127.0.0.1:9',
    }).done;
    expect(run.ms).toBeLessThan(30_000);
    expect(run.stderr).toContain('input/not-regular');
    expect(run.code).toBe(1);
  });
});
