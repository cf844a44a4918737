// The contract of the ActivityLogReader port: one suite, run against InMemoryAzure
// (activity-log-fakes.test.ts) and against SdkActivityLogReader over the local ARM endpoint
// (activity-log-sdk.test.ts). A write made through the writer port is in the log, with its
// caller, time, operation and status; other resources' writes and other times are not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultNetworkPayload } from '../../src/engine/plan/types.js';
import type { ActivityLogReader } from '../../src/ports/activity-log.js';
import type { AzureWriter } from '../../src/ports/azure-writer.js';
import { world, SUB } from './azure-ports.contract.js';
import type { InMemoryAzureState } from '../support/fakes/in-memory-azure.js';

export interface ActivityLogUnderTest {
  readonly log: ActivityLogReader;
  /** A writer whose writes the log attributes to `caller`. */
  writerAs(caller: string): AzureWriter;
}

export interface ActivityLogFactory {
  readonly name: string;
  start(): Promise<void>;
  seed(state: InMemoryAzureState): Promise<ActivityLogUnderTest>;
  stop(): Promise<void>;
}

const vaultId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/${name}`;

const network = (ips: string[]): VaultNetworkPayload => ({
  publicNetworkAccess: 'Enabled',
  networkAcls: {
    defaultAction: 'Deny',
    bypass: 'AzureServices',
    ipRules: ips,
    virtualNetworkRules: [],
  },
});

const HOUR = 3600_000;

export function activityLogContract(factory: ActivityLogFactory): void {
  describe(`ActivityLogReader contract: ${factory.name}`, () => {
    beforeAll(() => factory.start(), 60_000);
    afterAll(() => factory.stop());

    it('lists a write with its caller, time, operation and status; only for that resource', async () => {
      const ports = await factory.seed(world());
      const before = new Date(Date.now() - 1000);
      await ports
        .writerAs('alice@contoso.example')
        .patchVaultNetwork(vaultId('kv-a'), network(['6.6.6.6']));
      await ports
        .writerAs('bob@contoso.example')
        .patchVaultNetwork(vaultId('kv-b'), network(['7.7.7.7']));
      const after = new Date(Date.now() + 1000);
      const read = await ports.log.listResourceEvents(vaultId('kv-a'), before, after);
      expect(read.status).toBe('ok');
      if (read.status !== 'ok') return;
      const done = read.value.filter((event) => event.status === 'Succeeded');
      expect(done).toHaveLength(1);
      const event = done[0];
      expect(event?.caller).toBe('alice@contoso.example');
      expect(event?.operationName.toLowerCase()).toBe('microsoft.keyvault/vaults/write');
      expect(event?.resourceId.toLowerCase()).toBe(vaultId('kv-a').toLowerCase());
      const at = Date.parse(event?.eventTimestamp ?? '');
      expect(at).toBeGreaterThanOrEqual(before.getTime());
      expect(at).toBeLessThanOrEqual(after.getTime());
      // Azure logs the start of the operation too, under the same correlation id.
      expect(
        read.value.some(
          (other) => other.status === 'Started' && other.correlationId === event?.correlationId,
        ),
      ).toBe(true);
      expect(read.value.some((other) => other.caller === 'bob@contoso.example')).toBe(false);
    });

    it('leaves out events outside the time range', async () => {
      const ports = await factory.seed(world());
      await ports
        .writerAs('alice@contoso.example')
        .patchVaultNetwork(vaultId('kv-a'), network(['6.6.6.6']));
      const earlier = await ports.log.listResourceEvents(
        vaultId('kv-a'),
        new Date(Date.now() - 48 * HOUR),
        new Date(Date.now() - 24 * HOUR),
      );
      expect(earlier).toEqual({ status: 'ok', value: [] });
      const untouched = await ports.log.listResourceEvents(
        vaultId('kv-b'),
        new Date(Date.now() - HOUR),
        new Date(Date.now() + HOUR),
      );
      expect(untouched).toEqual({ status: 'ok', value: [] });
    });
  });
}
