// Loads the spec fixtures under test/fixtures/specs: each is a .yaml file, or a directory of
// files validated as one spec set, with its expected findings in NAME.expected.json.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../src/engine/spec/findings.js';
import type { SpecSource } from '../../src/engine/spec/validate.js';

export const FIXTURES = 'test/fixtures/specs';
/** Every fixture is validated as of this date, so expiry findings do not drift. */
export const FIXTURE_TODAY = '2026-06-01';

export interface ExpectedFinding {
  /** For a directory fixture: the file inside the directory. */
  readonly file?: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  readonly rule: string;
  readonly messageIncludes: string;
}

export interface Fixture {
  readonly name: string;
  /** Path relative to the repository root, as the findings name it. */
  readonly path: string;
  readonly isSet: boolean;
  readonly sources: SpecSource[];
  readonly expectedFile: string;
  /** Undefined when the fixture has no expectation file. */
  readonly expected: ExpectedFinding[] | undefined;
}

export function readSources(target: string): SpecSource[] {
  if (!statSync(target).isDirectory())
    return [{ file: target, text: readFileSync(target, 'utf8') }];
  return readdirSync(target)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const file = `${target}/${name}`;
      return { file, text: readFileSync(file, 'utf8') };
    });
}

export function loadFixtures(folder: 'invalid' | 'warnings' | 'valid'): Fixture[] {
  const dir = `${FIXTURES}/${folder}`;
  return readdirSync(dir)
    .filter((entry) => entry.endsWith('.yaml') || statSync(`${dir}/${entry}`).isDirectory())
    .sort()
    .map((entry) => {
      const fixturePath = `${dir}/${entry}`;
      const name = entry.replace(/\.yaml$/, '');
      const expectedFile = `${dir}/${name}.expected.json`;
      return {
        name,
        path: fixturePath,
        isSet: statSync(fixturePath).isDirectory(),
        sources: readSources(fixturePath),
        expectedFile,
        expected: existsSync(expectedFile)
          ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as ExpectedFinding[])
          : undefined,
      };
    });
}

/** The comparable part of a finding: everything but the message, which is matched by part. */
export function shapeOf(finding: Finding, fixture: Fixture): string {
  const file = fixture.isSet ? `${path.relative(fixture.path, finding.file)}:` : '';
  return `${file}${finding.line}:${finding.column} ${finding.severity} [${finding.rule}]`;
}

export function expectedShape(expected: ExpectedFinding): string {
  const file = expected.file !== undefined ? `${expected.file}:` : '';
  return `${file}${expected.line}:${expected.column} ${expected.severity} [${expected.rule}]`;
}
