// Hostile input: alias bombs, deep nesting, huge files, prototype keys, and arbitrary text.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { collectSpecSources } from '../../src/adapters/filesystem/spec-files.js';
import { validateSpecSet } from '../../src/engine/spec/validate.js';
import { loadYaml, MAX_SPEC_BYTES } from '../../src/engine/spec/yaml-loader.js';
import { temporaryDir } from '../support/temporary-dir.js';

const TODAY = '2026-06-01';
const validate = (text: string) => validateSpecSet([{ file: 'x.yaml', text }], { today: TODAY });
const rules = (text: string) => validate(text).findings.map((finding) => finding.rule);

describe('alias bomb ("billion laughs")', () => {
  const bomb = readFileSync('test/fixtures/specs/invalid/yaml-billion-laughs.yaml', 'utf8');

  it('is the classic: 9 levels of 9, eight of them aliases (9^9 "lol"s when expanded)', () => {
    // The eight alias lines are 8 x 34 = 272 bytes, the size usually quoted; with the
    // first line and the line breaks the file is 342 bytes.
    expect(bomb.match(/\*[a-h]/g)).toHaveLength(8 * 9);
    expect(bomb.match(/"lol"/g)).toHaveLength(9);
    expect(Buffer.byteLength(bomb)).toBe(342);
  });

  it('is refused with yaml/alias in well under 50 ms', () => {
    validate(bomb); // warm up the modules, so the measure is of the parse alone
    const start = performance.now();
    const result = validate(bomb);
    const elapsed = performance.now() - start;
    expect(result.findings.map((finding) => finding.rule)).toEqual(['yaml/alias']);
    expect(elapsed).toBeLessThan(50);
  });

  it('is refused even with aliases only (no anchor first)', () => {
    const aliasesOnly = `version: 1\nvaults: [${Array(1000).fill('*a').join(',')}]\n`;
    expect(rules(aliasesOnly)).toEqual(['yaml/alias']);
  });
});

describe('deep nesting', () => {
  it('refuses 5,000 nested flow sequences with yaml/too-deep', () => {
    const start = performance.now();
    const result = validate('['.repeat(5000));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(result.findings.map((finding) => finding.rule)).toEqual(['yaml/too-deep']);
    expect(result.findings[0]?.message).toContain('more than 16 levels deep');
  });

  it('refuses 5,000 nested flow mappings and block sequences with yaml/too-deep', () => {
    expect(rules(`${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`)).toEqual(['yaml/too-deep']);
    expect(rules(`${'- '.repeat(5000)}x\n`)).toEqual(['yaml/too-deep']);
  });

  it('refuses a 5,000-deep block mapping: too large before it is parsed', () => {
    // Each level of a block mapping is indented one more space, so 5,000 levels take
    // 12.5 MB of indentation: the byte cap refuses it before the parser sees it.
    const deep = Array.from({ length: 5000 }, (_, depth) => `${' '.repeat(depth)}a:`).join('\n');
    expect(rules(deep)).toEqual(['yaml/too-large']);
  });

  it('refuses a 2,000-deep block mapping (within the byte cap) with yaml/too-deep', () => {
    const deep = Array.from({ length: 2000 }, (_, depth) => `${' '.repeat(depth)}a:`).join('\n');
    expect(Buffer.byteLength(deep)).toBeLessThan(MAX_SPEC_BYTES);
    const result = validate(deep);
    expect(result.findings.map((finding) => finding.rule)).toEqual(['yaml/too-deep']);
    // Refused where the 17th level opens, at the end of line 16.
    expect(result.findings[0]?.line).toBe(16);
  });

  it('accepts the nesting a real spec needs', () => {
    const text = readFileSync('examples/specs/private-endpoint.yaml', 'utf8');
    expect(validate(text).findings).toEqual([]);
  });
});

describe('size cap', () => {
  const dir = temporaryDir('kvnet-size-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a text over 2 MiB without parsing it', () => {
    // Invalid YAML after the cap: if it were parsed, it would be a syntax error instead.
    const text = `version: 1\n${'#'.repeat(MAX_SPEC_BYTES)}\n: : [`;
    const result = loadYaml('big.yaml', text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.findings.map((finding) => finding.rule)).toEqual([
      'yaml/too-large',
    ]);
  });

  it('counts bytes, not characters', () => {
    const text = `# ${'é'.repeat(MAX_SPEC_BYTES / 2)}\nversion: 1\nvaults: []\n`;
    expect(text.length).toBeLessThan(MAX_SPEC_BYTES);
    expect(rules(text)).toEqual(['yaml/too-large']);
  });

  it('accepts a file exactly at the cap', () => {
    const body = 'version: 1\nvaults: []\n';
    const text = `${body}#${' '.repeat(MAX_SPEC_BYTES - body.length - 2)}\n`;
    expect(Buffer.byteLength(text)).toBe(MAX_SPEC_BYTES);
    expect(rules(text)).toEqual([]);
  });

  it('refuses a file over the cap before reading it', async () => {
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, `version: 1\nvaults: []\n${'#'.repeat(MAX_SPEC_BYTES)}\n`);
    const collected = await collectSpecSources([file]);
    expect(collected.sources).toEqual([]);
    expect(collected.findings.map((finding) => [finding.file, finding.rule])).toEqual([
      [file, 'yaml/too-large'],
    ]);
  });
});

describe('prototype keys', () => {
  const hostile = [
    'version: 1\n__proto__: { polluted: yes }\nvaults: []\n',
    'version: 1\n"__proto__": { polluted: yes }\nvaults: []\n',
    'version: 1\nvaults:\n  - constructor: { prototype: { polluted: yes } }\n',
    '{ "__proto__": { "polluted": "yes" }, "version": 1, "vaults": [] }',
  ];

  it.each(hostile)('refuses %j and leaves Object.prototype alone', (text) => {
    expect(rules(text)).toEqual(['yaml/forbidden-key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('builds mappings that inherit nothing, so no key can reach a prototype', () => {
    const result = loadYaml('x.yaml', 'version: 1\nvaults:\n  - name: kv\n');
    if (!result.ok) throw new Error('the fixture must load');
    const root = result.value as Record<string, unknown>;
    const vault = (root.vaults as Record<string, unknown>[])[0] ?? {};
    for (const mapping of [root, vault]) {
      // One empty, frozen link to null: nothing to inherit, nothing to pollute.
      const prototype = Object.getPrototypeOf(mapping) as object;
      expect(Object.getPrototypeOf(prototype)).toBeNull();
      expect(Reflect.ownKeys(prototype)).toEqual([]);
      expect(Object.isFrozen(prototype)).toBe(true);
      for (const inherited of ['toString', 'constructor', 'hasOwnProperty', '__proto__'])
        expect(inherited in mapping).toBe(false);
    }
  });
});

describe('arbitrary input never throws', () => {
  const outcome = (text: string) => {
    const result = validate(text);
    // A spec, or findings that say why not; never both empty for an invalid file.
    expect(result.files.length === 1 || result.findings.some((f) => f.severity === 'error')).toBe(
      true,
    );
    for (const finding of result.findings) {
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
      expect(finding.message.length).toBeGreaterThan(0);
    }
  };

  it('for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), outcome), {
      seed: 20260601,
      numRuns: 500,
    });
  });

  const token = fc.constantFrom(
    'version: 1\n',
    'vaults:\n',
    '  - name: kv-a\n',
    '    publicNetworkAccess: Enabled\n',
    '    firewall:\n',
    '      defaultAction: Deny\n',
    '      ipRules:\n',
    '        - 10.0.0.1\n',
    '        - 20.1.2.3/24\n',
    '- ',
    ': ',
    '? ',
    '&a ',
    '*a ',
    '!!str ',
    '!Ref ',
    '<<: ',
    '__proto__: ',
    '---\n',
    '...\n',
    '[',
    ']',
    '{',
    '}',
    ',',
    '"',
    "'",
    '|\n',
    '>-\n',
    '#',
    '\t',
    '\n',
    '  ',
    'null',
    '~',
    '0x1F',
    '1e9',
    'true',
    '%YAML 1.2\n',
  );

  it('for arbitrary YAML-ish strings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(token, fc.string({ maxLength: 6 })), { maxLength: 40 }),
        (parts) => outcome(parts.join('')),
      ),
      { seed: 424242, numRuns: 500 },
    );
  });
});
