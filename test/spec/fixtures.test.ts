// Every spec fixture against its exact expected findings: position, severity, rule and
// message, and no finding more or less.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateSpecSet } from '../../src/engine/spec/validate.js';
import {
  expectedShape,
  FIXTURE_TODAY,
  FIXTURES,
  loadFixtures,
  readSources,
  shapeOf,
  type Fixture,
} from './fixtures.js';

const invalid = loadFixtures('invalid');
const warnings = loadFixtures('warnings');
const valid = loadFixtures('valid');

function checkAgainstExpected(fixture: Fixture): void {
  const { findings } = validateSpecSet(fixture.sources, { today: FIXTURE_TODAY });
  const expected = fixture.expected ?? [];
  expect(findings.map((finding) => shapeOf(finding, fixture))).toEqual(expected.map(expectedShape));
  findings.forEach((finding, index) => {
    expect(finding.message).toContain(expected[index]?.messageIncludes);
    // "What is wrong: how to fix it".
    expect(finding.message).toMatch(/\S: \S/);
  });
}

describe('invalid spec fixtures', () => {
  it('are many, and each has its expectation', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(70);
    for (const fixture of invalid) expect(fixture.expected, fixture.name).toBeDefined();
  });

  it.each(invalid.map((fixture) => [fixture.name, fixture] as const))(
    '%s reports exactly its expected findings',
    (_name, fixture) => {
      expect(fixture.expected?.some((finding) => finding.severity === 'error')).toBe(true);
      checkAgainstExpected(fixture);
    },
  );
});

describe('warning spec fixtures', () => {
  it.each(warnings.map((fixture) => [fixture.name, fixture] as const))(
    '%s reports exactly its expected warnings',
    (_name, fixture) => {
      expect(fixture.expected?.length).toBeGreaterThan(0);
      expect(fixture.expected?.every((finding) => finding.severity === 'warning')).toBe(true);
      checkAgainstExpected(fixture);
    },
  );
});

describe('valid spec fixtures', () => {
  it.each(valid.map((fixture) => [fixture.name, fixture] as const))(
    '%s is accepted with no error',
    (_name, fixture) => {
      expect(fixture.expected?.every((finding) => finding.severity === 'warning') ?? true).toBe(
        true,
      );
      checkAgainstExpected(fixture);
      const { files } = validateSpecSet(fixture.sources, { today: FIXTURE_TODAY });
      expect(files).toHaveLength(fixture.sources.length);
    },
  );

  it('form one consistent spec set per cloud (no vault or endpoint declared twice)', () => {
    // One run talks to one cloud, so a set that mixes clouds is refused (set/mixed-clouds):
    // the sovereign-cloud fixtures form sets of their own.
    const byCloud = new Map<string, typeof valid>();
    for (const fixture of valid) {
      const cloud = /cloud: (\w+)/.exec(fixture.sources.map((source) => source.text).join('\n'));
      const key = cloud?.[1] ?? 'AzureCloud';
      byCloud.set(key, [...(byCloud.get(key) ?? []), fixture]);
    }
    expect(byCloud.size).toBeGreaterThan(1);
    for (const fixtures of byCloud.values()) {
      const sources = fixtures.flatMap((fixture) => fixture.sources);
      const { findings, files } = validateSpecSet(sources, { today: FIXTURE_TODAY });
      expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
      expect(files).toHaveLength(sources.length);
    }
  });
});

describe('example specs', () => {
  const examples = readdirSync('examples/specs')
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => `examples/specs/${name}`);

  it.each(examples)('%s validates clean', (file) => {
    const result = validateSpecSet(readSources(file), { today: FIXTURE_TODAY });
    expect(result.findings).toEqual([]);
    expect(result.files).toHaveLength(1);
  });

  it('validate clean as one set', () => {
    expect(
      validateSpecSet(readSources('examples/specs'), { today: FIXTURE_TODAY }).findings,
    ).toEqual([]);
  });
});

describe('rule coverage', () => {
  const documented = new Set<string>(
    // Validation rules only: the "Plan findings" section documents what `plan` reports.
    [
      ...(readFileSync('docs/rules.md', 'utf8').split(/^## Plan findings$/m)[0] ?? '').matchAll(
        /^### `([a-z0-9-]+\/[a-z0-9-]+)`/gm,
      ),
    ].map((match) => match[1] ?? ''),
  );
  const exercised = new Set(
    [...invalid, ...warnings, ...valid].flatMap((fixture) =>
      (fixture.expected ?? []).map((finding) => finding.rule),
    ),
  );
  // Raised outside validateSpecSet (by the file collector) or needing a 2 MiB file; both are
  // covered in test/cli and test/spec/security.test.ts.
  const notFromAFixture = new Set([
    'input/no-match',
    'input/not-found',
    'input/unreadable',
    'input/not-regular',
    'input/outside-root',
    'input/dangling-link',
    'input/link-loop',
    'input/directory-loop',
    'input/same-file',
    'input/encoding',
    'yaml/too-large',
  ]);

  it('every documented rule a file can trigger has a fixture', () => {
    const missing = [...documented].filter(
      (rule) => !exercised.has(rule) && !notFromAFixture.has(rule),
    );
    expect(missing).toEqual([]);
  });

  it('every rule a fixture triggers is documented', () => {
    expect([...exercised].filter((rule) => !documented.has(rule))).toEqual([]);
  });

  it('has no expectation file without its fixture', () => {
    for (const folder of ['invalid', 'warnings', 'valid'] as const) {
      const names = new Set(loadFixtures(folder).map((fixture) => fixture.name));
      const orphans = readdirSync(`${FIXTURES}/${folder}`)
        .filter((entry) => entry.endsWith('.expected.json'))
        .map((entry) => entry.replace(/\.expected\.json$/, ''))
        .filter((name) => !names.has(name));
      expect(orphans).toEqual([]);
    }
  });
});
