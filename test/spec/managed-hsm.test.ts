// The `managedHsms:` list: the same network model as vaults, resolved to
// Microsoft.KeyVault/managedHSMs ids, with the Managed HSM rules of its firewall.
import { describe, expect, it } from 'vitest';
import { resolveDesiredState } from '../../src/engine/state/desired.js';
import { validateSpecSet } from '../../src/engine/spec/validate.js';
import { MANAGED_HSM_KIND, VAULT_KIND } from '../../src/engine/model/target-kinds.js';
import { CLOUD_PROFILES } from '../../src/engine/model/clouds.js';
import { CLOUDS } from '../../src/engine/model/clouds.js';

const HEAD =
  'version: 1\ndefaults:\n  subscription: 11111111-1111-1111-1111-111111111111\n  resourceGroup: rg\nvaults: []\n';
const today = { today: '2026-06-01' };
const hsm = (name: string, firewall: string, extra = '') =>
  `  - name: ${name}\n    publicNetworkAccess: Enabled\n    firewall:\n${firewall}${extra}`;

describe('managedHsms in the spec', () => {
  it('accepts a pool with VNet rules and a private endpoint, and resolves it to a managedHSMs id', () => {
    const text =
      HEAD +
      'managedHsms:\n' +
      hsm(
        'hsm-pay',
        '      defaultAction: Deny\n      ipRules: [20.1.2.3]\n      virtualNetworkRules:\n        - subnet: { vnet: vnet-app, name: app }\n',
        '    privateEndpoints:\n      - name: pe-hsm\n        subnet: { vnet: vnet-app, name: endpoints }\n        connectionName: hsm-link\n        dns:\n          zone: privatelink.managedhsm.azure.net\n          zoneGroup: default\n',
      );
    const result = validateSpecSet([{ file: 'h.yaml', text }], today);
    expect(result.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['managed-hsm/virtual-network-rules', 13, 9],
    ]);
    const desired = resolveDesiredState(result.files, today.today);
    expect(desired.vaults).toHaveLength(1);
    const [pool] = desired.vaults;
    expect(pool?.kind).toBe(MANAGED_HSM_KIND);
    expect(pool?.id).toBe(
      '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.KeyVault/managedHSMs/hsm-pay',
    );
    expect(pool?.network.ipRules).toEqual(['20.1.2.3/32']);
    expect(pool?.privateEndpoints[0]?.dns?.zoneName).toBe('privatelink.managedhsm.azure.net');
    expect(pool?.source).toMatchObject({ file: 'h.yaml', line: 7 });
  });

  it('refuses IP rules while defaultAction is Allow, at the rules, with the reason and the fix', () => {
    const text =
      HEAD +
      'managedHsms:\n' +
      hsm('hsm-open', '      defaultAction: Allow\n      ipRules: [20.1.2.3]\n');
    const { findings, files } = validateSpecSet([{ file: 'h.yaml', text }], today);
    const refusal = findings.find((f) => f.rule === 'managed-hsm/ip-rules-need-deny');
    expect(refusal).toMatchObject({ file: 'h.yaml', line: 11, column: 16, severity: 'error' });
    expect(refusal?.message).toContain('refuses IP rules unless defaultAction is Deny');
    expect(refusal?.message).toContain('set firewall.defaultAction to Deny');
    // The file still parses; the error stops plan and apply (validation reports it).
    expect(files).toHaveLength(1);
  });

  it('runs the vault checks on pools too, at managedHsms paths, with the HSM zone', () => {
    const text =
      HEAD +
      'managedHsms:\n' +
      hsm(
        'hsm_bad',
        '      defaultAction: Deny\n      ipRules: [10.0.0.1]\n',
        '    privateEndpoints:\n      - name: pe-hsm\n        subnet: { vnet: vnet-a, name: s }\n        connectionName: c\n        dns: { zone: privatelink.vaultcore.azure.net }\n',
      );
    const { findings } = validateSpecSet([{ file: 'h.yaml', text }], today);
    expect(findings.map((f) => f.rule)).toEqual(['name/vault', 'ip/private', 'dns/zone-name']);
    expect(findings[2]?.message).toContain('is not privatelink.managedhsm.azure.net');
  });

  it('reports a pool declared twice, and a schema mistake inside a pool by its path', () => {
    const twice = HEAD + 'managedHsms:\n' + hsm('hsm-a', '      defaultAction: Deny\n').repeat(2);
    expect(
      validateSpecSet([{ file: 'h.yaml', text: twice }], today).findings.map((f) => f.rule),
    ).toEqual(['managed-hsm/duplicate']);
    const typo =
      HEAD + 'managedHsms:\n' + hsm('hsm-a', '      defaultAction: Deny\n      ipRulez: []\n');
    const finding = validateSpecSet([{ file: 'h.yaml', text: typo }], today).findings[0];
    expect(finding).toMatchObject({ rule: 'schema/unknown-key', line: 11 });
  });

  it('a file may declare only managed HSMs (with an empty vaults list)', () => {
    const text = HEAD + 'managedHsms:\n' + hsm('hsm-a', '      defaultAction: Deny\n');
    const result = validateSpecSet([{ file: 'h.yaml', text }], today);
    expect(result.findings).toEqual([]);
    expect(result.files[0]?.spec.vaults).toEqual([]);
  });
});

describe('target kinds', () => {
  it('vault zones are the cloud table’s, HSM zones their managedhsm equivalents', () => {
    for (const cloud of CLOUDS) {
      expect(VAULT_KIND.privateLinkZones[cloud]).toBe(CLOUD_PROFILES[cloud].privateLinkZone);
      expect(MANAGED_HSM_KIND.privateLinkZones[cloud]).toMatch(/^privatelink\.managedhsm\./);
    }
    expect(MANAGED_HSM_KIND.privateLinkGroup).toBe('managedhsm');
  });
});
