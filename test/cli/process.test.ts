// `kvnet validate` as a real process (npx tsx src/cli.ts): exit codes, streams, no traces.
import { describe, expect, it } from 'vitest';
import { FINDING_LINE, runProcess } from './capture.js';

describe('kvnet validate (as a process)', () => {
  it('exits 0 on the example specs', async () => {
    const run = await runProcess([
      'validate',
      'examples/specs',
      'test/fixtures/specs/valid/spec-sketch.yaml',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^9 files checked: 0 errors, 2 warnings$/m);
  });

  it('exits 1 on an invalid spec and prints findings in the documented format', async () => {
    const run = await runProcess([
      'validate',
      'test/fixtures/specs/invalid/mixed-key-and-private-ip.yaml',
    ]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).map((line) => FINDING_LINE.exec(line)?.groups?.rule)).toEqual([
      'schema/unknown-key',
      'ip/private',
    ]);
    expect(lines.at(-1)).toBe('1 file checked: 2 errors, 0 warnings — invalid');
  });

  it('turns warnings into failure with --strict, and prints JSON with --format json', async () => {
    const file = 'test/fixtures/specs/warnings/semantics-bypass-none.yaml';
    const relaxed = await runProcess(['validate', file]);
    const strict = await runProcess(['validate', '--strict', '--format', 'json', file]);
    expect(relaxed.code).toBe(0);
    expect(strict.code).toBe(1);
    const report = JSON.parse(strict.stdout) as { valid: boolean; findings: { rule: string }[] };
    expect(report.valid).toBe(false);
    expect(report.findings.map((finding) => finding.rule)).toEqual(['semantics/bypass-none']);
  });

  it('answers an unknown flag with one line on stderr and exit 1, never a stack trace', async () => {
    const run = await runProcess(['validate', '--colour', 'examples/specs']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^kvnet validate: Unknown option '--colour'/);
  });
});
