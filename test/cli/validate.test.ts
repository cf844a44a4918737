// `kvnet validate`, run in-process through main() with a captured terminal.
import { describe, expect, it } from 'vitest';
import { expectedShape, loadFixtures } from '../spec/fixtures.js';
import { FINDING_LINE, runInProcess } from './capture.js';

const VALID_SET = 'test/fixtures/specs/valid/multi-file-set';
const PRIVATE_IP = 'test/fixtures/specs/invalid/ip-private-10.yaml';

describe('kvnet validate (in process)', () => {
  it('accepts the example specs: exit 0 and a summary', async () => {
    const run = await runInProcess(['validate', 'examples/specs']);
    expect(run).toEqual({
      code: 0,
      stdout: '8 files checked: 0 errors, 0 warnings\n',
      stderr: '',
    });
  });

  it('reports each finding as file:line:col  severity  message  [rule-id], exit 1', async () => {
    const run = await runInProcess([
      'validate',
      'test/fixtures/specs/invalid/mixed-many-errors.yaml',
    ]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('1 file checked: 5 errors, 0 warnings — invalid');
    const findings = lines.slice(0, -1).map((line) => FINDING_LINE.exec(line)?.groups);
    expect(
      findings.map((groups) => groups && `${groups.line}:${groups.column} ${groups.rule}`),
    ).toEqual([
      '7:11 name/vault',
      '12:11 ip/private',
      '13:11 ip/host-bits',
      '15:19 id/wrong-type',
      '21:22 dns/zone-group-without-zone',
    ]);
    expect(
      findings.every(
        (groups) => groups?.file === 'test/fixtures/specs/invalid/mixed-many-errors.yaml',
      ),
    ).toBe(true);
    expect(run.stderr).toBe('');
  });

  it('prints the finding of every invalid fixture with its position', async () => {
    for (const fixture of loadFixtures('invalid')) {
      const run = await runInProcess(['validate', fixture.path]);
      expect(run.code, fixture.name).toBe(1);
      const printed = run.stdout
        .split('\n')
        .map((line) => FINDING_LINE.exec(line)?.groups)
        .filter((groups) => groups !== undefined)
        .map((groups) => `${groups.line}:${groups.column} ${groups.severity} [${groups.rule}]`);
      expect(printed, fixture.name).toEqual(
        (fixture.expected ?? []).map((expected) => expectedShape({ ...expected, file: undefined })),
      );
    }
  });

  describe('warnings', () => {
    const warnings = loadFixtures('warnings');

    it.each(warnings.map((fixture) => [fixture.name, fixture.path] as const))(
      '%s passes without --strict and fails with it',
      async (_name, file) => {
        const relaxed = await runInProcess(['validate', file]);
        expect(relaxed.code).toBe(0);
        expect(relaxed.stdout).toMatch(/ {2}warning {2}/);
        expect(relaxed.stdout).not.toMatch(/ {2}error {2}/);
        const strict = await runInProcess(['validate', file, '--strict']);
        expect(strict.code).toBe(1);
        expect(strict.stdout).toMatch(/— invalid\n$/);
      },
    );

    it('depends on the date: KVNET_TODAY pins it', async () => {
      const file = 'test/fixtures/specs/warnings/ip-expires-soon.yaml';
      const soon = await runInProcess(['validate', file, '--strict'], {
        KVNET_TODAY: '2026-06-01',
      });
      const later = await runInProcess(['validate', file, '--strict'], {
        KVNET_TODAY: '2026-05-01',
      });
      expect(soon.code).toBe(1);
      expect(later).toMatchObject({ code: 0, stdout: '1 file checked: 0 errors, 0 warnings\n' });
    });
  });

  it('--format json gives a versioned, machine-readable report', async () => {
    const run = await runInProcess(['validate', PRIVATE_IP, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      schemaVersion: number;
      valid: boolean;
      findings: {
        file: string;
        line: number;
        column: number;
        severity: string;
        rule: string;
        message: string;
      }[];
    };
    expect(report).toMatchObject({ schemaVersion: 1, valid: false });
    expect(report.findings).toEqual([
      {
        file: PRIVATE_IP,
        line: 12,
        column: 11,
        severity: 'error',
        rule: 'ip/private',
        message: expect.stringContaining('"10.20.0.0/16" is or overlaps 10.0.0.0/8') as string,
      },
    ]);
  });

  it('--format json reports valid: true and no findings for a valid set', async () => {
    const run = await runInProcess(['validate', VALID_SET, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ schemaVersion: 1, valid: true, findings: [] });
  });

  it('reads every .yaml and .yml file of a directory as one set', async () => {
    const run = await runInProcess(['validate', VALID_SET]);
    expect(run).toMatchObject({ code: 0, stdout: '2 files checked: 0 errors, 0 warnings\n' });
  });

  it('expands globs, and reports duplicates across the files they match', async () => {
    const run = await runInProcess([
      'validate',
      'test/fixtures/specs/invalid/vault-duplicate-set/*.yaml',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'test/fixtures/specs/invalid/vault-duplicate-set/platform.yaml:7:11  error  vault "KV-Shared-Prod" is already declared at test/fixtures/specs/invalid/vault-duplicate-set/payments.yaml:11:11',
    );
    expect(run.stdout).toMatch(/^2 files checked: 1 error, 0 warnings — invalid$/m);
  });

  it('names a missing file and a glob that matches nothing', async () => {
    const run = await runInProcess(['validate', 'no/such/spec.yaml', 'no/such/*.yaml', VALID_SET]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'no/such/*.yaml:1:1  error  no file matches this pattern: check the path and quoting  [input/no-match]',
      'no/such/spec.yaml:1:1  error  no such file or directory: check the path  [input/not-found]',
    ]);
  });

  it('fails when nothing at all was checked', async () => {
    const run = await runInProcess(['validate', 'no/such/*.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^0 files checked: 1 error, 0 warnings — invalid$/m);
  });

  it.each([
    [['valdate', 'x.yaml'], 'kvnet: unknown command "valdate": did you mean "validate"?'],
    [['validate', '--strcit', 'x.yaml'], "kvnet validate: Unknown option '--strcit'"],
    [
      ['validate', 'x.yaml', '--format', 'yaml'],
      'kvnet validate: --format must be text or json, not "yaml"',
    ],
    [['validate'], 'kvnet validate: name at least one spec file, directory or glob'],
  ])('refuses %j with one clear line and exit 1', async (argv, first) => {
    const run = await runInProcess(argv);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toContain(first);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a malformed KVNET_TODAY in one line', async () => {
    const run = await runInProcess(['validate', VALID_SET], { KVNET_TODAY: 'tomorrow' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'kvnet validate: KVNET_TODAY must be a date written YYYY-MM-DD, not "tomorrow" (see "kvnet validate --help")\n',
    );
  });

  it('prints its usage with --help, exit 0', async () => {
    const run = await runInProcess(['validate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: kvnet validate/);
  });
});
