// Named sets (ipSets, subnetSets) in validation: defined once in any file, used from any file,
// and every mistake reported where it is written, with "did you mean" where it helps.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/spec/findings.js';
import { validateSpecSet, type SpecSource } from '../../src/engine/spec/validate.js';
import { resolveDesiredState } from '../../src/engine/state/desired.js';

const today = { today: '2026-06-01' };
const HEAD =
  'version: 1\ndefaults:\n  subscription: 11111111-1111-1111-1111-111111111111\n  resourceGroup: rg\n';

const vault = (name: string, ipRules: string[], vnetRules: string[] = []) =>
  [
    `  - name: ${name}`,
    '    publicNetworkAccess: Enabled',
    '    firewall:',
    '      defaultAction: Deny',
    ...(ipRules.length > 0
      ? ['      ipRules:', ...ipRules.map((rule) => `        - ${rule}`)]
      : []),
    ...(vnetRules.length > 0
      ? ['      virtualNetworkRules:', ...vnetRules.map((rule) => `        - ${rule}`)]
      : []),
    '',
  ].join('\n');

/** Line and column (1-based) of the `occurrence`-th appearance of `needle` in `text`. */
function at(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let n = 0; n < occurrence; n += 1) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" #${occurrence} is not in the text`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

const shape = (finding: Finding) => ({
  file: finding.file,
  line: finding.line,
  column: finding.column,
  severity: finding.severity,
  rule: finding.rule,
});

function validate(...sources: SpecSource[]) {
  return validateSpecSet(sources, today);
}

describe('named sets: valid use', () => {
  const sets = `${HEAD}ipSets:
  office-egress:
    - address: 20.50.10.7
      note: office NAT
    - 52.174.0.0/24
    - set: vpn-egress
  vpn-egress:
    - address: 20.61.4.0/28
      expires: 2099-01-31
subnetSets:
  app-subnets:
    - subnet: { vnet: vnet-apps, name: snet-app }
vaults: []
`;
  const a = `${HEAD}vaults:\n${vault('kv-a', ['set: office-egress', '52.180.3.3'], ['set: app-subnets'])}`;
  const b = `${HEAD.replace('resourceGroup: rg', 'resourceGroup: rg-b')}vaults:\n${vault('kv-b', ['set: office-egress', '20.50.10.7'])}`;

  it('defines sets in one file and uses them from others, with no finding', () => {
    const result = validate(
      { file: 'sets.yaml', text: sets },
      { file: 'a.yaml', text: a },
      { file: 'b.yaml', text: b },
    );
    expect(result.findings).toEqual([]);
    expect(result.files).toHaveLength(3);
  });

  it('expands sets (nested too) into each vault, every rule remembering its set and place', () => {
    const result = validate(
      { file: 'sets.yaml', text: sets },
      { file: 'a.yaml', text: a },
      { file: 'b.yaml', text: b },
    );
    const desired = resolveDesiredState(result.files, today.today);
    const [kvA, kvB] = desired.vaults;
    expect(kvA?.network.ipRules).toEqual([
      '20.50.10.7/32',
      '20.61.4.0/28',
      '52.174.0.0/24',
      '52.180.3.3/32',
    ]);
    expect(kvA?.ipRules.map((rule) => [rule.cidr, rule.set ?? null, rule.source])).toEqual([
      ['20.50.10.7/32', 'office-egress', { file: 'sets.yaml', ...at(sets, 'address: 20.50.10.7') }],
      ['52.174.0.0/24', 'office-egress', { file: 'sets.yaml', ...at(sets, '52.174.0.0/24') }],
      ['20.61.4.0/28', 'vpn-egress', { file: 'sets.yaml', ...at(sets, 'address: 20.61.4.0/28') }],
      ['52.180.3.3/32', null, { file: 'a.yaml', ...at(a, '52.180.3.3') }],
    ]);
    expect(kvA?.ipRules[0]?.note).toBe('office NAT');
    expect(kvA?.sets).toEqual({
      ipSet: ['office-egress', 'vpn-egress'],
      subnetSet: ['app-subnets'],
    });
    // A subnet named by vnet and name resolves in the vault that uses the set.
    expect(kvA?.network.virtualNetworkRules.map((rule) => rule.subnetId)).toEqual([
      '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-app',
    ]);
    expect([...(kvA?.virtualNetworkRuleSets.values() ?? [])]).toEqual([['app-subnets']]);
    // A plain entry that repeats a set's entry is one rule, not two (and no finding).
    expect(kvB?.network.ipRules).toEqual(['20.50.10.7/32', '20.61.4.0/28', '52.174.0.0/24']);
  });

  it('checks the rules inside a set once, where they are written, however many vaults use it', () => {
    const text = `${HEAD}ipSets:
  office:
    - 10.1.2.3
    - address: 20.1.2.3
      expires: 2026-13-01
vaults:
${vault('kv-a', ['set: office'])}${vault('kv-b', ['set: office'])}`;
    const result = validate({ file: 's.yaml', text });
    expect(result.findings.map(shape)).toEqual([
      { file: 's.yaml', ...at(text, '10.1.2.3'), severity: 'error', rule: 'ip/private' },
      { file: 's.yaml', ...at(text, '2026-13-01'), severity: 'error', rule: 'ip/expires-invalid' },
    ]);
  });

  it('reports overlaps inside one set, and none between a set and a vault entry', () => {
    const text = `${HEAD}ipSets:
  office:
    - 20.1.2.0/24
    - 20.1.2.3
vaults:
${vault('kv-a', ['set: office', '20.1.2.3', '20.1.2.0/24'])}`;
    const result = validate({ file: 's.yaml', text });
    expect(result.findings.map(shape)).toEqual([
      { file: 's.yaml', ...at(text, '20.1.2.3'), severity: 'warning', rule: 'ip/contained' },
      // Between two plain entries of the vault the old check still applies.
      { file: 's.yaml', ...at(text, '20.1.2.3', 2), severity: 'warning', rule: 'ip/contained' },
    ]);
  });
});

describe('named sets: findings with positions', () => {
  it('an unknown set, with "did you mean"', () => {
    const text = `${HEAD}ipSets:\n  office-egress: [20.1.2.3]\nvaults:\n${vault('kv-a', ['set: office-egres', 'set: office-egress'])}`;
    const [finding, ...rest] = validate({ file: 'a.yaml', text }).findings;
    expect(rest).toEqual([]);
    expect(finding && shape(finding)).toEqual({
      file: 'a.yaml',
      ...at(text, 'office-egres\n'),
      severity: 'error',
      rule: 'set/unknown',
    });
    expect(finding?.message).toBe(
      'no ipSet is named "office-egres": did you mean "office-egress"?',
    );
  });

  it('an unknown set with no close name lists the sets there are, or says where to define one', () => {
    const text = `${HEAD}ipSets:\n  office: [20.1.2.3]\nvaults:\n${vault('kv-a', ['set: office', 'set: partners'], ['set: builders'])}`;
    const findings = validate({ file: 'a.yaml', text }).findings;
    expect(
      findings.map((finding) => [finding.rule, finding.line, finding.column, finding.message]),
    ).toEqual([
      [
        'set/unknown',
        at(text, 'partners').line,
        at(text, 'partners').column,
        'no ipSet is named "partners": the ipSets defined are "office"',
      ],
      [
        'set/unknown',
        at(text, 'builders').line,
        at(text, 'builders').column,
        'no subnetSet is named "builders": define it under subnetSets: at the top level of any file of the spec set',
      ],
    ]);
  });

  it('an unused set, at its key', () => {
    const text = `${HEAD}ipSets:\n  office: [20.1.2.3]\n  old-office: [20.1.2.4]\nvaults:\n${vault('kv-a', ['set: office'])}`;
    const findings = validate({ file: 'a.yaml', text }).findings;
    expect(findings.map(shape)).toEqual([
      { file: 'a.yaml', ...at(text, 'old-office'), severity: 'warning', rule: 'set/unused' },
    ]);
    expect(findings[0]?.message).toMatch(
      /ipSet "old-office" is used by no vault and no other set: grant it with "- set: old-office"/,
    );
  });

  it('a set used only by another set is used', () => {
    const text = `${HEAD}ipSets:\n  office: [set: inner]\n  inner: [20.1.2.3]\nvaults:\n${vault('kv-a', ['set: office'])}`;
    expect(validate({ file: 'a.yaml', text }).findings).toEqual([]);
  });

  it('a duplicate definition in another file, naming both positions', () => {
    const first = `${HEAD}ipSets:\n  office: [20.1.2.3]\nvaults:\n${vault('kv-a', ['set: office'])}`;
    const second = `${HEAD}ipSets:\n  other: [20.1.2.5]\n  office: [20.1.2.4]\nvaults:\n${vault('kv-b', ['set: other'])}`;
    const findings = validate(
      { file: 'a.yaml', text: first },
      { file: 'b.yaml', text: second },
    ).findings;
    expect(findings.map(shape)).toEqual([
      { file: 'b.yaml', ...at(second, 'office'), severity: 'error', rule: 'set/duplicate' },
    ]);
    const where = at(first, 'office');
    expect(findings[0]?.message).toContain(
      `ipSet "office" is already defined at a.yaml:${where.line}:${where.column}`,
    );
  });

  it('an ipSet and a subnetSet may share a name: they are different kinds', () => {
    const text = `${HEAD}ipSets:\n  office: [20.1.2.3]\nsubnetSets:\n  office:\n    - subnet: { vnet: vnet-a, name: s }\nvaults:\n${vault('kv-a', ['set: office'], ['set: office'])}`;
    expect(validate({ file: 'a.yaml', text }).findings).toEqual([]);
  });

  it('a cycle, once, at the entry that closes it, naming the loop', () => {
    const text = `${HEAD}ipSets:
  a:
    - 20.1.2.3
    - set: b
  b:
    - set: c
  c:
    - set: a
  self:
    - set: self
vaults:
${vault('kv-a', ['set: a', 'set: self'])}`;
    const findings = validate({ file: 'a.yaml', text }).findings;
    expect(findings.map(shape)).toEqual([
      {
        file: 'a.yaml',
        ...at(text, '- set: a', 1),
        column: at(text, '- set: a', 1).column + 7,
        severity: 'error',
        rule: 'set/cycle',
      },
      {
        file: 'a.yaml',
        ...at(text, '- set: self', 1),
        column: at(text, '- set: self', 1).column + 7,
        severity: 'error',
        rule: 'set/cycle',
      },
    ]);
    expect(findings[0]?.message).toBe(
      'ipSet "a" includes itself (a → b → c → a): remove this "set: a" entry, or another entry of the loop',
    );
    expect(findings[1]?.message).toContain('ipSet "self" includes itself (self → self)');
    // A loop expands each set once: the vault gets the loop's one rule, no endless expansion.
    const desired = resolveDesiredState(validate({ file: 'a.yaml', text }).files, today.today);
    expect(desired.vaults[0]?.network.ipRules).toEqual(['20.1.2.3/32']);
    expect(desired.vaults[0]?.sets.ipSet).toEqual(['a', 'b', 'c', 'self']);
  });

  it('a set in the wrong list, whichever way round', () => {
    const text = `${HEAD}ipSets:\n  office: [20.1.2.3]\nsubnetSets:\n  apps:\n    - subnet: { vnet: vnet-a, name: s }\nvaults:\n${vault('kv-a', ['set: apps', 'set: office'], ['set: office', 'set: apps'])}`;
    const findings = validate({ file: 'a.yaml', text }).findings;
    expect(findings.map(shape)).toEqual([
      { file: 'a.yaml', ...at(text, 'apps', 2), severity: 'error', rule: 'set/wrong-kind' },
      { file: 'a.yaml', ...at(text, 'office', 3), severity: 'error', rule: 'set/wrong-kind' },
    ]);
    expect(findings[0]?.message).toBe(
      '"apps" is a subnetSet, and ipRules can only use ipSets: move this entry to virtualNetworkRules, or define an ipSet under ipSets',
    );
    expect(findings[1]?.message).toContain(
      '"office" is an ipSet, and virtualNetworkRules can only use subnetSets',
    );
  });

  it('a set nested in the wrong kind is refused inside sets too', () => {
    const text = `${HEAD}ipSets:\n  office: [20.1.2.3, set: apps]\nsubnetSets:\n  apps:\n    - subnet: { vnet: vnet-a, name: s }\nvaults:\n${vault('kv-a', ['set: office'], ['set: apps'])}`;
    const findings = validate({ file: 'a.yaml', text }).findings;
    expect(findings.map((finding) => finding.rule)).toEqual(['set/wrong-kind']);
    expect(findings[0]).toMatchObject(at(text, 'apps]'));
  });

  it('a malformed set entry or name is a schema finding with its position', () => {
    const text = `${HEAD}ipSets:\n  "bad name": [20.1.2.3]\nvaults:\n${vault('kv-a', ['{ set: office, note: x }'])}`;
    const findings = validate({ file: 'a.yaml', text }).findings;
    expect(findings.every((finding) => finding.rule.startsWith('schema/'))).toBe(true);
    expect(findings.map((finding) => finding.line)).toEqual(
      expect.arrayContaining([at(text, '"bad name"').line, at(text, '{ set: office').line]),
    );
  });

  it('calls no set unknown or unused while another file of the set failed the schema', () => {
    const sets = `${HEAD}ipSets:\n  office: [20.1.2.3]\n  spare: [20.1.2.4]\nvaults: []\n`;
    const broken = `${HEAD}vaults:\n${vault('kv-a', ['set: office'])}    typo: true\n`;
    const user = `${HEAD}vaults:\n${vault('kv-b', ['set: partners'])}`;
    const findings = validate(
      { file: 'sets.yaml', text: sets },
      { file: 'broken.yaml', text: broken },
      { file: 'user.yaml', text: user },
    ).findings;
    expect(findings.map((finding) => finding.rule)).toEqual(['schema/unknown-key']);
  });
});

describe('named sets: Azure limits count expanded, merged rules', () => {
  const ips = (count: number, offset = 0) =>
    Array.from({ length: count }, (_, index) => {
      const n = index + offset;
      return `20.${Math.floor(n / 250) + 1}.${n % 250}.1`;
    });
  const list = (values: string[]) => values.map((value) => `    - ${value}`).join('\n');

  it('two sets of 600 distinct addresses put a vault over 1000', () => {
    const text = `${HEAD}ipSets:\n  one:\n${list(ips(600))}\n  two:\n${list(ips(600, 600))}\nvaults:\n${vault('kv-a', ['set: one', 'set: two'])}`;
    const findings = validate({ file: 'a.yaml', text }).findings;
    expect(findings.map(shape)).toEqual([
      {
        file: 'a.yaml',
        ...at(text, 'ipRules:'),
        line: at(text, 'ipRules:').line + 1,
        column: 9,
        severity: 'error',
        rule: 'limits/ip-rules',
      },
    ]);
    expect(findings[0]?.message).toContain(
      'vault "kv-a" has 1200 IP rules once its sets (one, two) are expanded and duplicates merged; Azure allows at most 1000',
    );
  });

  it('the same 1000 addresses in a set and in the vault are 1000 rules, not 2000', () => {
    const values = ips(1000);
    const text = `${HEAD}ipSets:\n  one:\n${list(values)}\nvaults:\n${vault('kv-a', ['set: one', ...values])}`;
    expect(validate({ file: 'a.yaml', text }).findings).toEqual([]);
  });

  it('an expired entry is not sent, so it does not count', () => {
    const values = ips(1000);
    const text = `${HEAD}ipSets:\n  one:\n${list(values)}\n    - { address: 52.1.1.1, expires: 2026-01-01 }\nvaults:\n${vault('kv-a', ['set: one'])}`;
    expect(validate({ file: 'a.yaml', text }).findings.map((finding) => finding.rule)).toEqual([
      'ip/expired',
    ]);
  });

  it('subnetSets count against the 200 VNet rules, resolved in the vault', () => {
    const subnets = Array.from(
      { length: 150 },
      (_, index) => `- subnet: { vnet: vnet-a, name: s${index} }`,
    );
    const more = Array.from(
      { length: 60 },
      (_, index) => `- subnet: { vnet: vnet-a, name: s${index + 140} }`,
    );
    const text = `${HEAD}subnetSets:\n  one:\n${subnets.map((line) => `    ${line}`).join('\n')}\n  two:\n${more.map((line) => `    ${line}`).join('\n')}\nvaults:\n${vault('kv-a', [], ['set: one', 'set: two'])}${vault('kv-b', [], ['set: one'])}`;
    const findings = validate({ file: 'a.yaml', text }).findings;
    // 150 + 60 with 10 shared = 200: at the limit, not over it.
    expect(findings).toEqual([]);
    const over = text.replace('name: s140 }', 'name: s999 }');
    const overFindings = validate({ file: 'a.yaml', text: over }).findings;
    expect(overFindings.map((finding) => finding.rule)).toEqual(['limits/vnet-rules']);
    expect(overFindings[0]?.message).toContain(
      'vault "kv-a" has 201 virtual network rules once its sets',
    );
  });
});
