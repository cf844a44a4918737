// The emulator's pure pieces, on their own.
import { describe, expect, it } from 'vitest';
import { checkApiVersion } from '../../src/emulator/api-versions.js';
import { FaultBook, globToRegExp } from '../../src/emulator/faults.js';
import { allocateAddress, forbiddenRangeOf, parseIpRule } from '../../src/emulator/ip.js';
import { OperationTracker } from '../../src/emulator/lro.js';
import { Router } from '../../src/emulator/router.js';
import { normaliseIpRules } from '../../src/emulator/resources/vault-network-acls.js';

describe('ip', () => {
  it('parses rules and finds RFC 1918 ranges a rule lies in', () => {
    expect(parseIpRule('1.2.3.4')).toEqual({
      kind: 'ok',
      address: '1.2.3.4',
      prefix: 32,
      bare: true,
    });
    expect(parseIpRule("'10.91.4.0/24'").kind).toBe('invalid');
    expect(parseIpRule('::1').kind).toBe('ipv6');
    expect(forbiddenRangeOf('172.31.255.0', 24)).toBe('172.16.0.0–172.31.255.255');
    expect(forbiddenRangeOf('172.32.0.0', 16)).toBeUndefined();
    expect(forbiddenRangeOf('8.0.0.0', 6)).toBeUndefined(); // contains 10/8 but does not lie in it
  });

  it('allocates the lowest free address after the four Azure reserves', () => {
    expect(allocateAddress('10.0.1.0/24', new Set())).toBe('10.0.1.4');
    expect(allocateAddress('10.0.1.0/24', new Set(['10.0.1.4', '10.0.1.5']))).toBe('10.0.1.6');
    expect(
      allocateAddress('10.0.1.0/29', new Set(['10.0.1.4', '10.0.1.5', '10.0.1.6'])),
    ).toBeUndefined();
  });

  it('AZURE-FACTS §1a: bare addresses become /32 in the normaliser', () => {
    expect(normaliseIpRules([{ value: '52.1.1.1' }, { value: '52.1.0.0/16' }])).toEqual([
      { value: '52.1.1.1/32' },
      { value: '52.1.0.0/16' },
    ]);
  });
});

describe('faults', () => {
  it('globs: * stays in a segment, ** crosses segments, case is ignored', () => {
    expect(
      globToRegExp('/subscriptions/*/resourceGroups/*').test('/SUBSCRIPTIONS/s/resourcegroups/rg'),
    ).toBe(true);
    expect(globToRegExp('/subscriptions/*').test('/subscriptions/s/resourceGroups/rg')).toBe(false);
    expect(globToRegExp('**/vaults/kv.1').test('/a/b/vaults/kv.1')).toBe(true);
    expect(globToRegExp('**/vaults/kv.1').test('/a/b/vaults/kvx1')).toBe(false);
  });

  it('counts uses down and keeps LRO faults for requests that start an operation', () => {
    const book = new FaultBook();
    book.add([
      { path: '**', times: 2, effect: { type: 'status', status: 500 } },
      { method: 'PUT', path: '**', effect: { type: 'lro', outcome: 'Failed' } },
    ]);
    expect(book.take('GET', '/x', ['status', 'reset', 'delay'])?.id).toBe('fault-1');
    expect(book.take('PUT', '/x', ['status', 'reset', 'delay'])?.id).toBe('fault-1');
    expect(book.take('GET', '/x', ['status', 'reset', 'delay'])).toBeUndefined();
    expect(book.take('GET', '/x', ['lro'])).toBeUndefined();
    expect(book.take('PUT', '/x', ['lro'])?.id).toBe('fault-2');
    expect(book.list()).toEqual([]);
  });
});

describe('router and api-versions', () => {
  it('matches literal segments without case and captures parameters as sent', () => {
    const router = new Router().add({
      method: 'GET',
      pattern: '/subscriptions/{s}/resourceGroups/{rg}',
      apiType: 'x',
      handler: () => ({ status: 200 }),
    });
    const match = router.match('GET', ['SUBSCRIPTIONS', 'Sub', 'resourcegroups', 'RG-A']);
    expect(match).toMatchObject({ kind: 'found', params: { s: 'Sub', rg: 'RG-A' } });
    expect(router.match('PUT', ['subscriptions', 's', 'resourceGroups', 'r'])).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET'],
    });
  });

  it('accepts the SDKs’ and the Azure CLI’s versions', () => {
    for (const [type, version] of [
      ['Microsoft.KeyVault/vaults', '2026-02-01'],
      ['Microsoft.KeyVault/vaults', '2022-07-01'],
      ['Microsoft.Network/virtualNetworks/subnets', '2025-05-01'],
      ['Microsoft.Network/virtualNetworks/subnets', '2022-01-01'],
      ['Microsoft.Network/privateDnsZones', '2020-06-01'],
      ['Microsoft.Network/privateDnsZones', '2024-06-01'],
      ['Microsoft.Resources/resources', '2015-11-01'],
    ]) {
      expect(() => checkApiVersion(type as string, version as string)).not.toThrow();
    }
    expect(() => checkApiVersion('Microsoft.Network/privateDnsZones', '2025-05-01')).toThrow(
      /No registered resource provider/,
    );
  });
});

describe('long-running operations', () => {
  it('answer InProgress for the configured polls, then end once, applying the effect once', () => {
    let succeeded = 0;
    const tracker = new OperationTracker(
      () => ({ inProgressPolls: 2, settleAfterMs: 1e9, retryAfterSeconds: 0 }),
      () => 'op-1',
      () => new Date(),
    );
    const operation = tracker.start({
      style: { kind: 'network', subscription: 's', location: 'l' },
      apiVersion: 'v',
      baseUrl: 'https://h',
      lockKey: 'vnet',
      onSucceeded: () => (succeeded += 1),
      onFailed: () => undefined,
    });
    expect(tracker.holder('vnet')).toBe(operation);
    expect([
      tracker.poll('op-1')?.status,
      tracker.poll('op-1')?.status,
      tracker.poll('op-1')?.status,
      tracker.poll('op-1')?.status,
    ]).toEqual(['InProgress', 'InProgress', 'Succeeded', 'Succeeded']);
    expect(succeeded).toBe(1);
    expect(tracker.holder('vnet')).toBeUndefined();
  });
});
