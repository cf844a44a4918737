// The spec collector and the byte checks it applies, in process: the cases the CLI tests do
// not reach (a link loop, a file grown past the cap, every encoding case, glob matching).
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectSpecSources } from '../../src/adapters/filesystem/spec-files.js';
import { globToRegExp, splitPattern } from '../../src/adapters/filesystem/glob.js';
import { decodeSpecBytes } from '../../src/engine/spec/decode.js';
import { MAX_SPEC_BYTES } from '../../src/engine/spec/yaml-loader.js';
import { temporaryDir } from '../support/temporary-dir.js';

const work = temporaryDir('kvnet-files-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function rules(collected: Awaited<ReturnType<typeof collectSpecSources>>): string[] {
  return collected.findings.map((finding) => `${path.basename(finding.file)} ${finding.rule}`);
}

describe('collectSpecSources', () => {
  it('reports a link loop without following it', async () => {
    const dir = path.join(work, 'loop');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.yaml'), 'version: 1\nvaults: []\n');
    symlinkSync('b.yaml', path.join(dir, 'c.yaml'));
    symlinkSync('c.yaml', path.join(dir, 'b.yaml'));
    const collected = await collectSpecSources([dir]);
    expect(collected.sources.map((source) => path.basename(source.file))).toEqual(['a.yaml']);
    expect(rules(collected)).toEqual(['b.yaml input/link-loop', 'c.yaml input/link-loop']);
  });

  it('refuses a file over the cap without reading it', async () => {
    const file = path.join(work, 'big.yaml');
    writeFileSync(file, `version: 1\nvaults: []\n#${'x'.repeat(MAX_SPEC_BYTES)}\n`);
    const collected = await collectSpecSources([file]);
    expect(rules(collected)).toEqual(['big.yaml yaml/too-large']);
    expect(collected.sources).toEqual([]);
  });

  it('reads a file exactly at the cap', async () => {
    const file = path.join(work, 'cap.yaml');
    const body = 'version: 1\nvaults: []\n';
    writeFileSync(file, `${body}#${' '.repeat(MAX_SPEC_BYTES - body.length - 2)}\n`);
    const collected = await collectSpecSources([file]);
    expect(collected.findings).toEqual([]);
    expect(collected.sources).toHaveLength(1);
  });

  it('reads each real file once when named twice', async () => {
    const file = path.join(work, 'twice.yaml');
    writeFileSync(file, 'version: 1\nvaults: []\n');
    const collected = await collectSpecSources([file, `${work}/./twice.yaml`, `${work}/*.yaml`]);
    expect(collected.sources.filter((source) => source.file.endsWith('twice.yaml'))).toHaveLength(
      1,
    );
  });

  it('skips dot entries and files of other extensions in a directory, silently', async () => {
    const dir = path.join(work, 'mixed');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    writeFileSync(path.join(dir, '.git', 'x.yaml'), 'not: a spec\n');
    writeFileSync(path.join(dir, 'README.md'), '# notes\n');
    writeFileSync(path.join(dir, 'prod.YML'), 'version: 1\nvaults: []\n');
    const collected = await collectSpecSources([dir]);
    expect(collected.findings).toEqual([]);
    expect(collected.sources.map((source) => path.basename(source.file))).toEqual(['prod.YML']);
  });
});

describe('glob patterns', () => {
  it('splits a pattern at its first wildcard', () => {
    expect(splitPattern('specs/**/*.yaml')).toEqual({
      base: 'specs',
      rest: '**/*.yaml',
      depth: Number.POSITIVE_INFINITY,
    });
    expect(splitPattern('/abs/dir/*.yml')).toEqual({ base: '/abs/dir', rest: '*.yml', depth: 0 });
    expect(splitPattern('*.yaml')).toEqual({ base: '.', rest: '*.yaml', depth: 0 });
    expect(splitPattern('a/*/b/*.yaml').depth).toBe(2);
  });

  it('matches like a shell glob, ignoring case, and no dot names by wildcard', () => {
    const re = globToRegExp('**/*.{yaml,yml}');
    expect(['a.yaml', 'x/y/b.YML', 'c.Yaml'].every((file) => re.test(file))).toBe(true);
    expect(['a.json', 'x/.hidden/b.yaml', '.a.yaml'].some((file) => re.test(file))).toBe(false);
    expect(globToRegExp('prod-?.yaml').test('prod-1.yaml')).toBe(true);
    expect(globToRegExp('prod-[ab].yaml').test('prod-c.yaml')).toBe(false);
    expect(globToRegExp('*.yaml').test('sub/a.yaml')).toBe(false);
  });
});

describe('decodeSpecBytes', () => {
  const text = 'version: 1\nvaults: []\n';

  it('accepts UTF-8, with or without a leading byte-order mark', () => {
    expect(decodeSpecBytes('a', Buffer.from(text))).toEqual({ ok: true, text });
    expect(decodeSpecBytes('a', Buffer.from(`\ufeff${text}`))).toEqual({ ok: true, text });
  });

  it('keeps a second byte-order mark in the text, for messages to show', () => {
    const result = decodeSpecBytes('a', Buffer.from(`\ufeffversion: 1\n\ufeffvaults: []\n`));
    expect(result.ok && result.text).toBe('version: 1\n\ufeffvaults: []\n');
  });

  it.each([
    ['UTF-16 LE with a mark', Buffer.from(`\ufeff${text}`, 'utf16le'), /UTF-16 \(little-endian/],
    ['UTF-16 LE without', Buffer.from(text, 'utf16le'), /looks like UTF-16 \(little-endian/],
    ['UTF-16 BE with a mark', Buffer.from([0xfe, 0xff, 0, 0x76, 0, 0x3a]), /UTF-16 \(big-endian/],
    ['UTF-32 LE with a mark', Buffer.from([0xff, 0xfe, 0, 0, 0x76, 0, 0, 0]), /UTF-32/],
  ])('names %s', (_name, bytes, message) => {
    const result = decodeSpecBytes('a', bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.finding.rule).toBe('input/encoding');
      expect(result.finding.message).toMatch(message);
    }
  });

  it.each([
    ['a Latin-1 byte', [0x63, 0x61, 0x66, 0xe9, 0x0a], 1, 4, '0xE9'],
    ['a truncated sequence', [0x0a, 0x61, 0xe2, 0x82], 2, 2, '0xE2'],
    ['an overlong encoding', [0xc0, 0xaf], 1, 1, '0xC0'],
    ['an encoded surrogate', [0x61, 0x0a, 0x0a, 0xed, 0xa0, 0x80], 3, 1, '0xED'],
  ])('reports %s at its line and column', (_name, bytes, line, column, byte) => {
    const result = decodeSpecBytes('a', Buffer.from(bytes));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect([result.finding.line, result.finding.column]).toEqual([line, column]);
      expect(result.finding.message).toContain(`byte ${byte}`);
    }
  });

  it('counts columns in characters after multi-byte ones', () => {
    const result = decodeSpecBytes('a', Buffer.concat([Buffer.from('é€'), Buffer.from([0xff])]));
    expect(!result.ok && [result.finding.line, result.finding.column]).toEqual([1, 3]);
  });
});
