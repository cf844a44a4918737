// Every problem in one run: a schema mistake in one field hides none of the other checks of
// its vault, and the findings of the rest keep their positions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateSpecSet } from '../../src/engine/spec/validate.js';

const today = { today: '2026-06-01' };
const HEAD =
  'version: 1\ndefaults:\n  subscription: 11111111-1111-1111-1111-111111111111\n  resourceGroup: rg\nvaults:\n';

function check(text: string, file = 'a.yaml') {
  return validateSpecSet([{ file, text }], today).findings.map(
    (finding) => `${finding.line}:${finding.column} ${finding.rule}`,
  );
}

describe('a schema mistake hides nothing else', () => {
  it('examples/broken/mistakes.yaml: all four mistakes at once', () => {
    const text = readFileSync('examples/broken/mistakes.yaml', 'utf8');
    expect(check(text)).toEqual([
      '8:26 schema/value',
      '12:11 ip/private',
      '13:11 ip/host-bits',
      '14:7 schema/unknown-key',
    ]);
  });

  it('a file of bad IP rules with one rule that does not fit the schema: all of them at once', () => {
    const bad = [
      '10.0.0.1',
      '192.168.1.0/24',
      '172.16.0.1',
      '1.2.3.4/8',
      '::1',
      '0.0.0.0/0',
      '300.1.1.1',
      '127.0.0.1',
      '169.254.0.1',
      '100.64.0.1',
      '224.0.0.1',
      '20.1.2.3/33',
    ];
    const text = `${HEAD}  - name: kv-a
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules:
        - { adress: 20.1.2.3 }
${bad.map((address) => `        - "${address}"`).join('\n')}
`;
    const found = check(text);
    // The item that does not fit: its unknown key and its missing address.
    expect(found.slice(0, 2)).toEqual(['11:11 schema/required', '11:13 schema/unknown-key']);
    // Then each bad address on its own line, in the file's order.
    expect(found.slice(2).map((entry) => Number(entry.split(':')[0]))).toEqual(
      bad.map((_, index) => 12 + index),
    );
  });

  it('a list item left out keeps the positions of its neighbours', () => {
    const text = `${HEAD}  - name: kv-a
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules: [20.1.2.3, 20.1.2.3]
    privateEndpoints:
      - name: pe-a
        connectionName: c
      - name: "pe bad"
        subnet: { vnet: vnet-a, name: s }
        connectionName: c
`;
    expect(check(text)).toEqual([
      '10:27 ip/duplicate',
      '12:9 schema/required',
      '14:15 name/private-endpoint',
    ]);
  });

  it('a wrong value in the firewall, a typo in a private endpoint and a bad vault name together', () => {
    const text = `${HEAD}  - name: kv_a
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: deny
      bypass: none
      ipRules: [10.1.1.1]
    privateEndpoints:
      - name: pe-a
        subnet: { vnet: v, name: s }
        conectionName: c
`;
    expect(check(text)).toEqual([
      '6:11 name/vault',
      '9:22 schema/value',
      '10:15 schema/value',
      '11:17 ip/private',
      '13:9 schema/required',
      '15:9 schema/unknown-key',
    ]);
  });

  it('a misspelt "defaults" still lets the vaults be checked, without guessing at its values', () => {
    const text = `version: 1
default:
  subscription: 11111111-1111-1111-1111-111111111111
vaults:
  - name: kv-a
    subscription: 11111111-1111-1111-1111-111111111111
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [10.1.1.1] }
`;
    expect(check(text)).toEqual(['2:1 schema/unknown-key', '8:48 ip/private']);
  });

  it('a file with a schema mistake is still never handed on as a spec', () => {
    const text = readFileSync('examples/broken/mistakes.yaml', 'utf8');
    expect(validateSpecSet([{ file: 'm.yaml', text }], today).files).toEqual([]);
  });
});
