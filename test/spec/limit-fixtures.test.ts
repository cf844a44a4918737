// The two over-the-limit fixtures are generated; the committed files must match the generator.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMIT_FIXTURES } from '../fixtures/specs/generate-limit-fixtures.js';
import { MAX_IP_RULES } from '../../src/engine/spec/checks/ip-rules.js';
import { MAX_VIRTUAL_NETWORK_RULES } from '../../src/engine/spec/checks/network-rules.js';

describe('limit fixtures', () => {
  it.each(Object.entries(LIMIT_FIXTURES))('%s matches its generator', (file, make) => {
    expect(readFileSync(`test/fixtures/specs/${file}`, 'utf8')).toBe(make());
  });

  it('hold exactly one rule more than Azure allows', () => {
    const ipText = LIMIT_FIXTURES['invalid/limits-ip-rules.yaml']?.() ?? '';
    const vnetText = LIMIT_FIXTURES['invalid/limits-vnet-rules.yaml']?.() ?? '';
    expect(ipText.match(/^ {8}- \d/gm)).toHaveLength(MAX_IP_RULES + 1);
    expect(vnetText.match(/^ {8}- subnet:/gm)).toHaveLength(MAX_VIRTUAL_NETWORK_RULES + 1);
  });
});
