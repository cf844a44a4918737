// One vault, one spec set: the Action compares this set with every other set of the repository.
// Another set's mistakes are its own job's to report; they never break this set's run.
import { describe, expect, it } from 'vitest';
import { validateSpecSet } from '../../src/engine/spec/validate.js';
import { vaultsDeclaredInOtherSets } from '../../src/engine/state/across-sets.js';

const today = '2026-06-01';
const spec = (vault: string, expires = '2099-01-31') => `version: 1
defaults:
  subscription: 11111111-1111-1111-1111-111111111111
  resourceGroup: rg
vaults:
  - name: ${vault}
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules:
        - { address: 20.50.10.7, expires: ${expires} }
`;
const files = (file: string, text: string) => validateSpecSet([{ file, text }], { today }).files;

describe('vaults declared in two spec sets', () => {
  it('names the other position, and skips another set whose file does not resolve', () => {
    const mine = files('app/spec.yaml', spec('kv-app'));
    const copy = files('copy/spec.yaml', spec('kv-app'));
    // Matches the schema, but 30 February is no date: that set's own validation says so.
    const broken = files('broken/spec.yaml', spec('kv-app', '2027-02-30'));
    expect(broken).toHaveLength(1);
    expect(vaultsDeclaredInOtherSets(mine, broken, today)).toEqual([]);
    const found = vaultsDeclaredInOtherSets(mine, [...broken, ...copy], today);
    expect(found.map((finding) => [finding.rule, finding.message.match(/copy\S+/)?.[0]])).toEqual([
      ['vault/in-two-sets', 'copy/spec.yaml:6:11,'],
    ]);
  });
});
