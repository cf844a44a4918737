// What a release ships and how the CLI names itself: the package holds the CLI bundle and its
// documentation, never tests or benchmarks; `--version` and `kvnet help <command>` answer.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KVNET_VERSION } from '../../src/version.js';
import { APPLY_USAGE } from '../../src/cli/commands/apply.js';
import { PLAN_USAGE } from '../../src/cli/commands/plan.js';
import { runInProcess } from './capture.js';

describe('the published package', () => {
  it('npm pack --dry-run holds the CLI bundle and docs, no test or bench files', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json'], {
      timeout: 60_000,
    });
    const [pack] = JSON.parse(stdout) as { files: { path: string }[] }[];
    const files = (pack?.files ?? []).map((file) => file.path);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('CHANGELOG.md');
    expect(files.filter((file) => /^(test|bench|src|scripts|examples)\//.test(file))).toEqual([]);
    expect(files.filter((file) => /\.test\.|fixtures/.test(file))).toEqual([]);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      version: string;
      bin: Record<string, string>;
      dependencies?: Record<string, string>;
      private?: boolean;
    };
    expect(manifest.bin.kvnet).toBe('dist/cli.js');
    expect(manifest.private).toBeUndefined();
    // The CLI is one self-contained bundle: installing it pulls in no dependency.
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readFileSync('CHANGELOG.md', 'utf8')).toContain(`## [${manifest.version}]`);
  });
});

describe('kvnet --version and kvnet help <command>', () => {
  it('prints the version', async () => {
    const run = await runInProcess(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`kvnet ${KVNET_VERSION}\n`);
  });

  it("prints a command's own help, and refuses an unknown command with a suggestion", async () => {
    expect((await runInProcess(['help', 'plan'])).stdout).toBe(`${PLAN_USAGE}\n`);
    expect((await runInProcess(['help', 'apply'])).stdout).toBe(`${APPLY_USAGE}\n`);
    const unknown = await runInProcess(['help', 'plna']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command "plna": did you mean "plan"\?/);
  });
});
