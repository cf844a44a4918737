// docs/spec.md is generated from the zod schema: it must be current and name every key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectSections, SPEC_DOC, updatedSpecDoc } from '../../scripts/generate-spec-docs.js';

describe('docs/spec.md', () => {
  const current = readFileSync(SPEC_DOC, 'utf8');

  it('is up to date with the schema (run "npm run docs")', async () => {
    expect(await updatedSpecDoc(current)).toBe(current);
  });

  it('documents every mapping of the spec and every key in it', () => {
    const sections = collectSections();
    expect(sections.map((section) => section.path)).toEqual(
      expect.arrayContaining([
        '(top level)',
        'defaults',
        'vaults[]',
        'vaults[].firewall',
        'vaults[].firewall.ipRules[]',
        'vaults[].privateEndpoints[]',
        'vaults[].privateEndpoints[].dns',
        'vaults[].privateEndpoints[].dns.links[]',
        'vaults[].privateEndpointConnections',
      ]),
    );
    for (const section of sections) {
      expect(current).toContain(`### ${section.path}`);
      for (const field of section.fields) {
        expect(field.description, `${section.path}.${field.key}`).not.toBe('');
      }
    }
  });

  it('keeps the hand-written introduction', () => {
    expect(current).toMatch(/^# Spec reference/);
    expect(current).toContain('## Spec sets: a file, a directory or a glob');
    expect(current).toContain('yaml-language-server: $schema=');
  });
});
