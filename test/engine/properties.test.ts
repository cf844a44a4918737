// Properties of the pure core: normalising is idempotent, a state diffed against itself is
// empty, and exporting a live estate gives a spec that plans with no changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCidr } from '../../src/engine/model/ipv4.js';
import {
  normalizeLiveNetwork,
  sameNetwork,
  type RawVaultNetwork,
} from '../../src/engine/model/vault-network.js';
import { buildPlan } from '../../src/engine/plan/build-plan.js';
import { canonicalJson } from '../../src/engine/plan/fingerprint.js';
import { networkChanges } from '../../src/engine/plan/vault-steps.js';
import { exportSpec } from '../../src/engine/spec/export.js';
import { validateSpecSet } from '../../src/engine/spec/validate.js';
import { resolveDesiredState } from '../../src/engine/state/desired.js';
import { liveVault, snapshot, SUB, TODAY } from '../support/plan-fixtures.js';

const PUBLIC_FIRST_OCTETS = [13, 20, 40, 51, 52, 104, 137, 151, 185];

const publicRule = fc
  .record({
    first: fc.constantFrom(...PUBLIC_FIRST_OCTETS),
    rest: fc.tuple(
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
      fc.integer({ min: 0, max: 255 }),
    ),
    prefix: fc.option(fc.integer({ min: 16, max: 32 }), { nil: undefined }),
  })
  .map(({ first, rest, prefix }) => {
    const address = [first, ...rest].join('.');
    // Azure keeps what it is given; a bare address or its /32, in any case canonical.
    return prefix === undefined ? address : (canonicalCidr(`${address}/${prefix}`) ?? address);
  });

const subnetRule = fc
  .record({
    vnet: fc.constantFrom('vnet-a', 'VNet-B'),
    subnet: fc.constantFrom('snet-1', 'Snet-2', 'snet-3'),
    lower: fc.boolean(),
  })
  .map(({ vnet, subnet, lower }) => {
    const id = `/subscriptions/${SUB}/resourceGroups/rg-Net/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${subnet}`;
    return lower ? id.toLowerCase() : id;
  });

const rawNetwork: fc.Arbitrary<RawVaultNetwork> = fc.record({
  publicNetworkAccess: fc.option(fc.constantFrom('Enabled', 'Disabled', 'enabled'), {
    nil: undefined,
  }),
  networkAcls: fc.option(
    fc.record({
      defaultAction: fc.constantFrom('Allow', 'Deny'),
      bypass: fc.constantFrom('AzureServices', 'None'),
      ipRules: fc.array(
        publicRule.map((value) => ({ value })),
        { maxLength: 6 },
      ),
      virtualNetworkRules: fc.array(
        subnetRule.map((id) => ({ id })),
        { maxLength: 4 },
      ),
    }),
    { nil: undefined },
  ),
});

const settings = { seed: 20261129, numRuns: 300 };

describe('properties of the pure core', () => {
  it('normalising a normalised network changes nothing', () => {
    fc.assert(
      fc.property(rawNetwork, (raw) => {
        const once = normalizeLiveNetwork(raw);
        const twice = normalizeLiveNetwork({
          publicNetworkAccess: once.publicNetworkAccess,
          networkAcls: {
            defaultAction: once.defaultAction,
            bypass: once.bypass,
            ipRules: once.ipRules.map((value) => ({ value })),
            virtualNetworkRules: once.virtualNetworkRules.map((rule) => ({ id: rule.subnetId })),
          },
        });
        expect(sameNetwork(once, twice)).toBe(true);
        expect(twice.ipRules).toEqual(once.ipRules);
      }),
      settings,
    );
  });

  it('a network diffed against itself has no changes', () => {
    fc.assert(
      fc.property(rawNetwork, (raw) => {
        const network = normalizeLiveNetwork(raw);
        expect(networkChanges(network, network)).toEqual([]);
      }),
      settings,
    );
  });

  it('export → validate → plan against the same live state reports no changes', () => {
    fc.assert(
      fc.property(fc.array(rawNetwork, { minLength: 1, maxLength: 4 }), (raws) => {
        const vaults = raws.map((raw, index) => liveVault(`kv-prop-${index}`, raw));
        const text = exportSpec(vaults, [], {
          subscription: SUB,
          cloud: 'AzureCloud',
          generatedBy: 'a property test',
        });
        const validation = validateSpecSet([{ file: 'exported.yaml', text }], { today: TODAY });
        expect(validation.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
        const plan = buildPlan(resolveDesiredState(validation.files, TODAY), snapshot({ vaults }));
        expect(plan.outcome, JSON.stringify(plan.steps.map((step) => step.changes))).toBe(
          'no-changes',
        );
      }),
      { ...settings, numRuns: 150 },
    );
  });
});

describe('canonicalJson', () => {
  // The reference: JSON.stringify over copies with sorted keys, the definition it must keep.
  const reference = (value: unknown): string =>
    JSON.stringify(value, (_key, entry: unknown) => {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(entry).sort())
        sorted[key] = (entry as Record<string, unknown>)[key];
      return sorted;
    }) ?? 'null';

  it('serialises as JSON.stringify over key-sorted copies, for any JSON-like value', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
      ),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 4 }),
        // Left out where the reference is wrong, not canonicalJson: integer-like keys (an
        // object puts them first whatever the insertion order, so the reference does not sort
        // them) and "__proto__" (assigning it to the reference's copy sets the prototype).
        fc.dictionary(
          fc.string().filter((key) => !/^\d+$/.test(key) && key !== '__proto__'),
          tie('node'),
          { maxKeys: 4 },
        ),
      ),
    })).node;
    fc.assert(fc.property(value, (input) => canonicalJson(input) === reference(input)));
  });

  it('orders keys whatever order they were written in, integer-like keys too', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,null]},"b":1}',
    );
    expect(canonicalJson({ b: 1, 10: 2, 9: 3 })).toBe('{"10":2,"9":3,"b":1}');
  });
});
