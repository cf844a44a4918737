// validateSpecSet beyond the fixtures: what counts as a loaded file, and how far checks go
// when part of a file does not match the schema.
import { describe, expect, it } from 'vitest';
import { validateSpecSet } from '../../src/engine/spec/validate.js';

const HEAD =
  'version: 1\ndefaults:\n  subscription: 11111111-1111-1111-1111-111111111111\n  resourceGroup: rg\nvaults:\n';
const vault = (name: string, firewall: string) =>
  `  - name: ${name}\n    publicNetworkAccess: Enabled\n    firewall:\n      defaultAction: Deny\n${firewall}`;
const today = { today: '2026-06-01' };

describe('validateSpecSet', () => {
  it('returns the typed spec of each file that matches the schema, with defaults applied', () => {
    const result = validateSpecSet(
      [{ file: 'a.yaml', text: HEAD + vault('kv-a', '      ipRules: [20.1.2.3]\n') }],
      today,
    );
    expect(result.findings).toEqual([]);
    expect(result.files).toHaveLength(1);
    const [spec] = result.files.map((file) => file.spec);
    expect(spec?.defaults.cloud).toBe('AzureCloud');
    expect(spec?.vaults[0]?.firewall.bypass).toBe('AzureServices');
    expect(spec?.vaults[0]?.firewall.ipRules).toEqual(['20.1.2.3']);
    expect(spec?.vaults[0]?.privateEndpointConnections.unmanaged).toBe('report');
  });

  it('checks the vaults that parse when another vault of the file does not', () => {
    const text =
      HEAD +
      vault('kv-a', '      ipRule: [20.1.2.3]\n') +
      vault('kv_b', '      ipRules: [10.0.0.1, 20.1.2.3/8]\n');
    const result = validateSpecSet([{ file: 'a.yaml', text }], today);
    expect(result.findings.map((finding) => finding.rule)).toEqual([
      'schema/unknown-key',
      'name/vault',
      'ip/private',
      'ip/host-bits',
    ]);
    // A file with a schema error is never handed on as a spec.
    expect(result.files).toEqual([]);
  });

  it('still finds a vault declared twice when one of the files has a broken vault', () => {
    const first = HEAD + vault('kv-shared', '') + vault('kv-x', '      bypas: None\n');
    const second = HEAD + vault('kv-shared', '');
    const result = validateSpecSet(
      [
        { file: 'a.yaml', text: first },
        { file: 'b.yaml', text: second },
      ],
      today,
    );
    expect(result.findings.map((finding) => `${finding.file} ${finding.rule}`)).toEqual([
      'a.yaml schema/unknown-key',
      'b.yaml vault/duplicate',
    ]);
    expect(result.files.map((file) => file.file)).toEqual(['b.yaml']);
  });

  it('checks the vaults when a default is in doubt, but nothing that depends on that default', () => {
    // The subscription default is not text: what needs it is not guessed at, but the missing
    // resource group and the private IP are still reported, in the same run.
    const text = `version: 1\ndefaults:\n  subscription: 42\nvaults:\n${vault('kv-a', '      ipRules: [10.0.0.1]\n')}`;
    expect(
      validateSpecSet([{ file: 'a.yaml', text }], today).findings.map((finding) => finding.rule),
    ).toEqual(['schema/type', 'vault/no-resource-group', 'ip/private']);
  });

  it('sorts findings by file, then position', () => {
    const result = validateSpecSet(
      [
        { file: 'b.yaml', text: HEAD + vault('kv-b', '      ipRules: [10.0.0.1]\n') },
        { file: 'a.yaml', text: 'version: 2\nvaults: []\n' },
      ],
      today,
    );
    expect(result.findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual([
      'a.yaml:1',
      'b.yaml:10',
    ]);
  });
});
