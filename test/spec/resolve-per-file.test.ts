// A file's vaults are resolved once when the early reads resolved it alone and every set it
// looked up is the same in the whole set; otherwise again, so the plan never sees a vault
// resolved without a set another file defines.
import { describe, expect, it } from 'vitest';
import { validateSpecSet, type SpecSource } from '../../src/engine/spec/validate.js';
import { resolveDesiredState } from '../../src/engine/state/desired.js';

const today = '2026-06-01';
const HEAD =
  'version: 1\ndefaults:\n  subscription: 11111111-1111-1111-1111-111111111111\n  resourceGroup: rg\n';
const vault = (name: string, ipRules: string[]) =>
  [
    `  - name: ${name}`,
    '    publicNetworkAccess: Enabled',
    '    firewall:',
    '      defaultAction: Deny',
    '      ipRules:',
    ...ipRules.map((rule) => `        - ${rule}`),
    '',
  ].join('\n');

const files = (...sources: SpecSource[]) => validateSpecSet(sources, { today }).files;
const rulesOf = (vaults: readonly { name: string; network: { ipRules: readonly string[] } }[]) =>
  vaults.map((entry) => [entry.name, entry.network.ipRules]);

describe('resolving a file alone, then in its set', () => {
  it('keeps the vaults of a self-contained file: the same objects, equal to a fresh resolution', () => {
    const text = `${HEAD}ipSets:\n  office:\n    - 20.50.10.7\nvaults:\n${vault('kv-a', ['set: office', '52.180.3.3'])}`;
    const [file] = files({ file: 'a.yaml', text });
    const alone = resolveDesiredState([file!], today).vaults;
    const whole = resolveDesiredState([file!], today).vaults;
    expect(whole[0]).toBe(alone[0]);
    const [fresh] = files({ file: 'a.yaml', text });
    expect(whole).toEqual(resolveDesiredState([fresh!], today).vaults);
  });

  it('resolves again a file that uses a set defined in another file', () => {
    const uses = `${HEAD}vaults:\n${vault('kv-a', ['set: office', '52.180.3.3'])}`;
    const defines = `${HEAD.replace('rg\n', 'rg-sets\n')}ipSets:\n  office:\n    - 20.50.10.7\nvaults: []\n`;
    const [a, b] = files({ file: 'a.yaml', text: uses }, { file: 'sets.yaml', text: defines });
    expect(rulesOf(resolveDesiredState([a!], today).vaults)).toEqual([['kv-a', ['52.180.3.3/32']]]);
    expect(rulesOf(resolveDesiredState([a!, b!], today).vaults)).toEqual([
      ['kv-a', ['20.50.10.7/32', '52.180.3.3/32']],
    ]);
  });

  it('resolves again a file whose set the whole set finds first in another file', () => {
    const first = `${HEAD.replace('rg\n', 'rg-first\n')}ipSets:\n  office:\n    - 20.61.4.0/28\nvaults: []\n`;
    const second = `${HEAD}ipSets:\n  office:\n    - 20.50.10.7\nvaults:\n${vault('kv-b', ['set: office'])}`;
    const [a, b] = files({ file: 'a.yaml', text: first }, { file: 'b.yaml', text: second });
    expect(rulesOf(resolveDesiredState([b!], today).vaults)).toEqual([['kv-b', ['20.50.10.7/32']]]);
    expect(rulesOf(resolveDesiredState([a!, b!], today).vaults)).toEqual([
      ['kv-b', ['20.61.4.0/28']],
    ]);
  });

  it('resolves again on another day (expiry depends on it)', () => {
    const text = `${HEAD}vaults:\n${vault('kv-a', ['{ address: 20.50.10.7, expires: 2026-07-01 }', '52.180.3.3'])}`;
    const [file] = files({ file: 'a.yaml', text });
    expect(rulesOf(resolveDesiredState([file!], today).vaults)).toEqual([
      ['kv-a', ['20.50.10.7/32', '52.180.3.3/32']],
    ]);
    expect(rulesOf(resolveDesiredState([file!], '2026-08-01').vaults)).toEqual([
      ['kv-a', ['52.180.3.3/32']],
    ]);
  });
});
