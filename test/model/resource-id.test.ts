import { describe, expect, it } from 'vitest';
import {
  formatResourceId,
  isGuid,
  parseResourceId,
  resourceIdKey,
  resourceTypeKey,
  sameResourceId,
  subnetId,
  virtualNetworkId,
} from '../../src/engine/model/resource-id.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const SUBNET = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/snet-web`;

describe('parseResourceId', () => {
  it('splits an id into subscription, group, provider and type/name pairs', () => {
    expect(parseResourceId(SUBNET)).toEqual({
      ok: true,
      id: {
        subscription: SUB,
        resourceGroup: 'rg-network',
        provider: 'Microsoft.Network',
        segments: [
          ['virtualNetworks', 'vnet-apps'],
          ['subnets', 'snet-web'],
        ],
      },
    });
  });

  it('accepts the lower-case spelling Azure sometimes returns, and a trailing slash', () => {
    expect(parseResourceId(SUBNET.toLowerCase()).ok).toBe(true);
    expect(parseResourceId(`${SUBNET}/`).ok).toBe(true);
  });

  it.each([
    [SUBNET.slice(1), 'starts with "/subscriptions/"'],
    [SUBNET.replace(SUB, 'contoso'), '"contoso" is not a subscription id'],
    [SUBNET.replace('resourceGroups', 'resourceGroup'), '"/resourceGroups/<name>"'],
    [SUBNET.replace('/providers', '/provider'), '"/providers/<namespace>"'],
    [SUBNET.replace('/snet-web', ''), 'type/name pairs'],
    [SUBNET.replace('/subnets', '//subnets'), 'empty path segment'],
    [`/subscriptions/${SUB}`, '"/resourceGroups/<name>"'],
    ['/', 'starts with "/subscriptions/<subscription id>"'],
  ])('refuses %s', (text, reason) => {
    const parsed = parseResourceId(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });
});

describe('canonical format', () => {
  it('prints well-known words in Azure casing and the subscription in lower case', () => {
    const parsed = parseResourceId(
      `/SUBSCRIPTIONS/${SUB.toUpperCase().replace(/1/g, 'A')}/resourcegroups/RG-Network/providers/microsoft.network/virtualnetworks/Vnet-Apps/SUBNETS/snet-web`,
    );
    expect(parsed.ok && formatResourceId(parsed.id)).toBe(
      '/subscriptions/aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa/resourceGroups/RG-Network/providers/Microsoft.Network/virtualNetworks/Vnet-Apps/subnets/snet-web',
    );
  });

  it('round-trips a canonical id unchanged', () => {
    const parsed = parseResourceId(SUBNET);
    expect(parsed.ok && formatResourceId(parsed.id)).toBe(SUBNET);
  });

  it('builds subnet and virtual network ids', () => {
    expect(subnetId(SUB, 'rg-network', 'vnet-apps', 'snet-web')).toBe(SUBNET);
    expect(virtualNetworkId(SUB, 'rg-network', 'vnet-apps')).toBe(
      SUBNET.replace('/subnets/snet-web', ''),
    );
  });

  it('names the resource type in lower case', () => {
    const parsed = parseResourceId(SUBNET);
    expect(parsed.ok && resourceTypeKey(parsed.id)).toBe(
      'microsoft.network/virtualnetworks/subnets',
    );
  });
});

describe('equality', () => {
  it('ignores case and a trailing slash', () => {
    expect(sameResourceId(SUBNET, `${SUBNET.toUpperCase()}/`)).toBe(true);
    expect(resourceIdKey(SUBNET)).toBe(resourceIdKey(SUBNET.toLowerCase()));
  });

  it('still tells different resources apart', () => {
    expect(sameResourceId(SUBNET, SUBNET.replace('snet-web', 'snet-api'))).toBe(false);
  });
});

describe('isGuid', () => {
  it.each([
    [SUB, true],
    [SUB.toUpperCase(), true],
    ['abcdef01-2345-6789-abcd-ef0123456789', true],
    [SUB.slice(1), false],
    [`{${SUB}}`, false],
    ['Contoso Production', false],
    ['11111111111111111111111111111111', false],
  ])('%s → %s', (text, expected) => {
    expect(isGuid(text)).toBe(expected);
  });
});
