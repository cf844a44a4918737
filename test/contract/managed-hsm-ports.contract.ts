// The port contract for managed HSM pools: the same AzureReader / AzureWriter methods as for
// vaults, routed by the id's type (target-kinds.ts), run against InMemoryAzure and against the
// SDK adapters over the local ARM endpoint.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { WriteFailure } from '../../src/engine/apply/write-failure.js';
import { normalizeLiveNetwork } from '../../src/engine/model/vault-network.js';
import type { LiveVault, ReadOutcome } from '../../src/engine/state/live.js';
import type { InMemoryAzureState } from '../support/fakes/in-memory-azure.js';
import { SUB, world, type PortsFactory } from './azure-ports.contract.js';

const RG = 'rg-secrets';
const group = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const hsmId = (name: string) => `${group}/providers/Microsoft.KeyVault/managedHSMs/${name}`;
const subnetId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-apps/subnets/${name}`;
const endpointId = (name: string) =>
  `${group}/providers/Microsoft.Network/privateEndpoints/${name}`;

const hsmA: LiveVault = {
  id: hsmId('hsm-a'),
  name: 'hsm-a',
  location: 'westeurope',
  network: normalizeLiveNetwork({
    publicNetworkAccess: 'Enabled',
    networkAcls: {
      defaultAction: 'Deny',
      bypass: 'AzureServices',
      ipRules: [{ value: '20.50.10.7/32' }],
      virtualNetworkRules: [],
    },
  }),
  connections: [],
  usesAccessPolicies: false,
};

function hsmWorld(): InMemoryAzureState {
  const base = world();
  return { ...base, vaults: [...(base.vaults ?? []), hsmA] };
}

function ok<T>(outcome: ReadOutcome<T>): T {
  if (outcome.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
  return outcome.value;
}

export function managedHsmPortsContract(factory: PortsFactory): void {
  describe(`AzureReader / AzureWriter contract for managed HSM pools: ${factory.name}`, () => {
    beforeAll(() => factory.start(), 60_000);
    afterAll(() => factory.stop());
    const seeded = () => factory.seed(hsmWorld());

    it('getVault reads a pool by its managedHSMs id; listVaults lists pools only when asked', async () => {
      const { reader } = await seeded();
      expect(ok(await reader.getVault(hsmA.id))).toEqual(hsmA);
      expect(await reader.getVault(hsmId('hsm-none'))).toEqual({ status: 'not-found' });
      const names = (vaults: LiveVault[]) => vaults.map((vault) => vault.name).sort();
      expect(names(ok(await reader.listVaults(SUB, RG, 'managedHsm')))).toEqual(['hsm-a']);
      expect(names(ok(await reader.listVaults(SUB, RG)))).toEqual(['kv-a', 'kv-b']);
      expect(names(ok(await reader.listVaultsInSubscription(SUB, 'managedHsm')))).toEqual([
        'hsm-a',
      ]);
    });

    it('patchVaultNetwork replaces the pool network whole (awaiting its long-running PATCH)', async () => {
      const { reader, writer } = await seeded();
      await writer.patchVaultNetwork(hsmA.id, {
        publicNetworkAccess: 'Enabled',
        networkAcls: {
          defaultAction: 'Deny',
          bypass: 'None',
          ipRules: ['52.174.0.9'],
          virtualNetworkRules: [
            { id: subnetId('snet-ready'), ignoreMissingVnetServiceEndpoint: false },
          ],
        },
      });
      const network = ok(await reader.getVault(hsmA.id)).network;
      expect(network.ipRules).toEqual(['52.174.0.9/32']);
      expect(network.bypass).toBe('None');
      expect(network.virtualNetworkRules.map((rule) => rule.subnetId.toLowerCase())).toEqual([
        subnetId('snet-ready').toLowerCase(),
      ]);
    });

    it('patchVaultNetwork refuses IP rules with defaultAction Allow on a pool (400)', async () => {
      const { writer } = await seeded();
      const error = await writer
        .patchVaultNetwork(hsmA.id, {
          publicNetworkAccess: 'Enabled',
          networkAcls: {
            defaultAction: 'Allow',
            bypass: 'AzureServices',
            ipRules: ['52.174.0.9'],
            virtualNetworkRules: [],
          },
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(WriteFailure);
      expect((error as WriteFailure).httpStatus).toBe(400);
    });

    it('createPrivateEndpoint to a pool names group managedhsm; setConnectionStatus approves on the pool', async () => {
      const { reader, writer } = await seeded();
      await writer.createPrivateEndpoint(endpointId('pe-hsm'), {
        location: 'westeurope',
        subnetId: subnetId('snet-pe'),
        vaultId: hsmA.id,
        connectionName: 'pe-hsm-connection',
        manualApproval: true,
        requestMessage: 'hsm please',
        tags: { 'managed-by': 'kvnet' },
      });
      const endpoint = ok(await reader.listPrivateEndpoints(SUB, RG)).find(
        (e) => e.name === 'pe-hsm',
      );
      expect(endpoint?.connections).toEqual([
        expect.objectContaining({ targetId: hsmA.id, groupIds: ['managedhsm'], manual: true }),
      ]);
      const [pending] = ok(await reader.getVault(hsmA.id)).connections;
      expect(pending).toMatchObject({ status: 'Pending', description: 'hsm please' });
      await writer.setConnectionStatus(hsmA.id, pending?.name ?? '', 'Approved', 'ok');
      expect(ok(await reader.getVault(hsmA.id)).connections[0]).toMatchObject({
        status: 'Approved',
        description: 'ok',
      });
    });
  });
}
