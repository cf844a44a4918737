// Messages quote what was written, through the real CLI process: zero-width characters, tabs
// and a second byte-order mark are shown, not hidden; numbers YAML converted are quoted as
// typed; UTF-16 is named; a Latin-1 byte is reported at its place, not turned into U+FFFD.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_LINE, spawnCli, unsafeLines, type CliRun } from './capture.js';
import { temporaryDir } from '../support/temporary-dir.js';

const work = temporaryDir('kvnet-text-');
const HEAD =
  'version: 1\ndefaults:\n  subscription: 11111111-1111-1111-1111-111111111111\n  resourceGroup: rg\n';
const VAULT =
  'vaults:\n  - name: kv-a\n    publicNetworkAccess: Enabled\n    firewall:\n      defaultAction: Deny\n';
let run: CliRun;

function lineFor(file: string, rule = ''): string {
  return (
    run.stdout
      .split('\n')
      .find((line) => FINDING_LINE.test(line) && line.includes(file) && line.includes(rule)) ?? ''
  );
}

beforeAll(async () => {
  const dir = path.join(work, 'specs');
  mkdirSync(dir);
  // "version" with a zero-width space: looks like the right key, is not.
  writeFileSync(
    path.join(dir, 'zero-width.yaml'),
    `version\u200b: 1\ndefaults:\n  subscription: 11111111-1111-1111-1111-111111111111\n  resourceGroup: rg\n${VAULT}`,
  );
  // A tab inside a value and a second byte-order mark inside a key.
  writeFileSync(
    path.join(dir, 'tab-and-bom.yaml'),
    `\ufeff${HEAD}${VAULT.replace('kv-a', '"kv\\tb"')}    \ufeffbypass: None\n`,
  );
  // A number YAML converts: 0x1F is 31, 1.10 is 1.1.
  writeFileSync(
    path.join(dir, 'numbers.yaml'),
    `${HEAD}vaults:\n  - name: 0x1F\n    publicNetworkAccess: Enabled\n    firewall:\n      defaultAction: Deny\n      ipRules: [1.10]\n`,
  );
  // UTF-16 little-endian with a byte-order mark, and big-endian without one.
  const utf16 = Buffer.from(`\ufeff${HEAD}vaults: []\n`, 'utf16le');
  writeFileSync(path.join(dir, 'utf16le.yaml'), utf16);
  const be = Buffer.from(`${HEAD}vaults: []\n`, 'utf16le');
  for (let index = 0; index + 1 < be.length; index += 2) {
    const first = be[index] ?? 0;
    be[index] = be[index + 1] ?? 0;
    be[index + 1] = first;
  }
  writeFileSync(path.join(dir, 'utf16be.yaml'), be);
  // Latin-1: "é" as the single byte 0xE9 in a note, on line 11.
  const latin1 = Buffer.concat([
    Buffer.from(`${HEAD}${VAULT}      ipRules:\n        - { address: 20.1.2.3, note: "caf`),
    Buffer.from([0xe9]),
    Buffer.from('" }\n'),
  ]);
  writeFileSync(path.join(dir, 'latin1.yaml'), latin1);
  run = await spawnCli(['validate', dir]).done;
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('messages quote what was written', () => {
  it('shows a zero-width character in a key, so the "did you mean" makes sense', () => {
    const line = lineFor('zero-width.yaml', '[schema/unknown-key]');
    expect(line).toContain('unknown key "version\\u200b"');
    expect(line).toContain('did you mean "version"?');
  });

  it('shows a tab in a value and a second byte-order mark in a key', () => {
    const line = run.stdout.split('\n').filter((text) => text.includes('tab-and-bom.yaml'));
    expect(line.join('\n')).toContain('kv\\u0009b');
    expect(line.join('\n')).toContain('\\ufeffbypass');
  });

  it('quotes a number YAML converted as it was typed', () => {
    const lines = run.stdout.split('\n').filter((text) => text.includes('numbers.yaml'));
    expect(lines.join('\n')).toContain('0x1F (which YAML reads as the number 31)');
    expect(lines.join('\n')).toContain('1.10 (which YAML reads as the number 1.1)');
  });

  it('names UTF-16, with or without a byte-order mark', () => {
    expect(lineFor('utf16le.yaml')).toMatch(/:1:1 {2}error {2}the file is UTF-16 \(little-endian/);
    expect(lineFor('utf16be.yaml')).toMatch(/looks like UTF-16 \(big-endian/);
    expect(lineFor('utf16le.yaml')).toContain('[input/encoding]');
  });

  it('reports a Latin-1 byte at its line and column, not as U+FFFD', () => {
    const line = lineFor('latin1.yaml');
    expect(line).toMatch(/latin1\.yaml:11:42 {2}error {2}byte 0xE9 here is not valid UTF-8/);
    expect(run.stdout).not.toContain('\ufffd');
  });

  it('prints nothing that hides what it says or starts a workflow command', () => {
    expect(unsafeLines(run.stdout)).toEqual([]);
    expect(unsafeLines(run.stderr)).toEqual([]);
    expect(run.code).toBe(1);
  });
});
