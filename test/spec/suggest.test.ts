// "Did you mean …?": the suggestion helper, and how it shows up in findings.
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/engine/spec/suggest.js';
import { validateSpecSet } from '../../src/engine/spec/validate.js';

describe('closest', () => {
  const vaultKeys = ['name', 'subscription', 'resourceGroup', 'publicNetworkAccess', 'firewall'];

  it.each([
    ['firewal', 'firewall'],
    ['fireWall', 'firewall'],
    ['resourcegroup', 'resourceGroup'],
    ['resource_group', 'resourceGroup'],
    ['publicNetworkAcess', 'publicNetworkAccess'],
    ['subscripton', 'subscription'],
    ['nmae', 'name'],
  ])('suggests %s → %s', (input, expected) => {
    expect(closest(input, vaultKeys)).toBe(expected);
  });

  it('prefers a match that differs only in case over a closer-looking one', () => {
    expect(closest('allow', ['Allow', 'allowx'])).toBe('Allow');
  });

  it.each(['owner', 'tags', 'sku', 'x'])('suggests nothing for %s', (input) => {
    expect(closest(input, vaultKeys)).toBeUndefined();
  });

  it('suggests nothing from an empty list', () => {
    expect(closest('name', [])).toBeUndefined();
  });
});

describe('did you mean, in findings', () => {
  const head =
    'version: 1\ndefaults:\n  subscription: 11111111-1111-1111-1111-111111111111\n  resourceGroup: rg\nvaults:\n';
  const messages = (text: string) =>
    validateSpecSet([{ file: 'x.yaml', text: head + text }], { today: '2026-06-01' }).findings.map(
      (finding) => finding.message,
    );

  it('for misspelt keys at every depth', () => {
    expect(
      messages(
        '  - name: kv-a\n    publicNetworkAcess: Enabled\n    firewall:\n      defaultAction: Deny\n      ipRules:\n        - adress: 20.1.2.3\n',
      ),
    ).toEqual([
      'the required key "publicNetworkAccess" is missing: add it (one of "Enabled", "Disabled", "SecuredByPerimeter")',
      'unknown key "publicNetworkAcess": did you mean "publicNetworkAccess"?',
      'the required key "address" is missing: add it (a text value)',
      'unknown key "adress": did you mean "address"?',
    ]);
  });

  it('for enum values in the wrong case', () => {
    expect(
      messages(
        '  - name: kv-a\n    publicNetworkAccess: DISABLED\n    firewall:\n      defaultAction: Deny\n',
      ),
    ).toEqual([
      '"DISABLED" is not allowed here: did you mean "Disabled"? (allowed: "Enabled" or "Disabled" or "SecuredByPerimeter")',
    ]);
  });
});
