// The contract of the AzureReader and AzureWriter ports: one suite, run against InMemoryAzure
// (fakes.test.ts) and against the SDK adapters over the local ARM endpoint (sdk.test.ts). What
// passes here may be relied on by any engine or applier test that uses the fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WriteFailure } from '../../src/engine/apply/write-failure.js';
import { normalizeLiveNetwork } from '../../src/engine/model/vault-network.js';
import type { VaultNetworkPayload } from '../../src/engine/plan/types.js';
import type { LiveVault, ReadOutcome } from '../../src/engine/state/live.js';
import type { AzureReader } from '../../src/ports/azure-reader.js';
import type { AzureWriter, PrivateEndpointCreate } from '../../src/ports/azure-writer.js';
import type { InMemoryAzureState } from '../support/fakes/in-memory-azure.js';

export interface PortsUnderTest {
  readonly reader: AzureReader;
  readonly writer: AzureWriter;
  /** Every GET of this resource id answers this error. */
  failRead(resourceId: string, httpStatus: number, code: string): Promise<void>;
  /** The next write (PATCH or PUT) of this resource id answers this error. */
  failWrite(
    method: 'PATCH' | 'PUT',
    resourceId: string,
    httpStatus: number,
    code: string,
  ): Promise<void>;
  /** The next create of this resource ends its provisioning Failed. */
  failProvisioning(resourceId: string, code: string): Promise<void>;
  /** Turns on a DINE policy that gives new vault endpoints a zone group in this zone. */
  zoneGroupPolicy(privateDnsZoneId: string): Promise<void>;
}

export interface PortsFactory {
  readonly name: string;
  start(): Promise<void>;
  /** A fresh world holding exactly this state. */
  seed(state: InMemoryAzureState): Promise<PortsUnderTest>;
  stop(): Promise<void>;
}

export const SUB = '11111111-1111-1111-1111-111111111111';
const OTHER_SUB = '99999999-9999-9999-9999-999999999999';
const RG = 'rg-secrets';
const NET = 'rg-network';
const group = (rg: string, sub = SUB) => `/subscriptions/${sub}/resourceGroups/${rg}`;
const vaultId = (name: string, rg = RG) =>
  `${group(rg)}/providers/Microsoft.KeyVault/vaults/${name}`;
const vnetId = `${group(NET)}/providers/Microsoft.Network/virtualNetworks/vnet-apps`;
const subnetId = (name: string) => `${vnetId}/subnets/${name}`;
const endpointId = (name: string) =>
  `${group(RG)}/providers/Microsoft.Network/privateEndpoints/${name}`;
const ZONE = 'privatelink.vaultcore.azure.net';
const zoneId = (name = ZONE) => `${group(RG)}/providers/Microsoft.Network/privateDnsZones/${name}`;
const zoneGroupId = (endpoint: string, name: string) =>
  `${endpointId(endpoint)}/privateDnsZoneGroups/${name}`;

const kvA: LiveVault = {
  id: vaultId('kv-a'),
  name: 'kv-a',
  location: 'westeurope',
  network: normalizeLiveNetwork({
    publicNetworkAccess: 'Enabled',
    networkAcls: {
      defaultAction: 'Deny',
      bypass: 'AzureServices',
      ipRules: [{ value: '20.50.10.7/32' }],
      virtualNetworkRules: [{ id: subnetId('snet-ready') }],
    },
  }),
  connections: [
    {
      id: `${vaultId('kv-a')}/privateEndpointConnections/pe-a.conn`,
      name: 'pe-a.conn',
      privateEndpointId: endpointId('pe-a'),
      status: 'Approved',
      description: 'Auto-Approved',
      provisioningState: 'Succeeded',
    },
  ],
  usesAccessPolicies: false,
};

const kvB: LiveVault = {
  id: vaultId('kv-b'),
  name: 'kv-b',
  location: 'westeurope',
  network: normalizeLiveNetwork({}),
  connections: [],
  usesAccessPolicies: true,
};

export function world(): InMemoryAzureState {
  return {
    resourceGroups: [group('rg-empty')],
    vaults: [kvA, kvB],
    virtualNetworks: [
      {
        id: vnetId,
        name: 'vnet-apps',
        location: 'westeurope',
        subnets: [
          {
            id: subnetId('snet-plain'),
            name: 'snet-plain',
            addressPrefixes: ['10.20.1.0/24'],
            serviceEndpoints: ['Microsoft.Storage'],
            provisioningState: 'Succeeded',
          },
          {
            id: subnetId('snet-ready'),
            name: 'snet-ready',
            addressPrefixes: ['10.20.2.0/24'],
            serviceEndpoints: ['Microsoft.KeyVault'],
            provisioningState: 'Succeeded',
          },
          {
            id: subnetId('snet-pe'),
            name: 'snet-pe',
            addressPrefixes: ['10.20.9.0/24'],
            serviceEndpoints: [],
            provisioningState: 'Succeeded',
          },
          {
            id: subnetId('snet-broken'),
            name: 'snet-broken',
            addressPrefixes: ['10.20.8.0/24'],
            serviceEndpoints: [],
            provisioningState: 'Failed',
          },
        ],
      },
    ],
    privateEndpoints: [
      {
        id: endpointId('pe-a'),
        name: 'pe-a',
        location: 'westeurope',
        subnetId: subnetId('snet-pe'),
        tags: { 'managed-by': 'kvnet' },
        connections: [
          {
            name: 'pe-a-connection',
            targetId: vaultId('kv-a'),
            groupIds: ['vault'],
            manual: false,
            status: 'Approved',
          },
        ],
        privateIps: ['10.20.9.4'],
        provisioningState: 'Succeeded',
      },
    ],
    zoneGroups: [
      {
        id: zoneGroupId('pe-a', 'default'),
        name: 'default',
        zoneIds: [zoneId()],
        records: [
          {
            zoneId: zoneId(),
            recordType: 'A',
            recordSetName: 'kv-a',
            fqdn: `kv-a.${ZONE}`,
            ipAddresses: ['10.20.9.4'],
            provisioningState: 'Succeeded',
          },
        ],
        provisioningState: 'Succeeded',
      },
    ],
    zones: [
      { id: zoneId(), name: ZONE, provisioningState: 'Succeeded' },
      {
        id: zoneId('privatelink.failed.net'),
        name: 'privatelink.failed.net',
        provisioningState: 'Failed',
      },
    ],
    links: [
      {
        id: `${zoneId()}/virtualNetworkLinks/link-apps`,
        name: 'link-apps',
        virtualNetworkId: vnetId,
        state: 'Completed',
        provisioningState: 'Succeeded',
      },
    ],
    aRecordSets: [{ id: `${zoneId()}/A/kv-a`, name: 'kv-a', ipv4Addresses: ['10.20.9.4'] }],
  };
}

function ok<T>(outcome: ReadOutcome<T>): T {
  if (outcome.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
  return outcome.value;
}

async function failure(promise: Promise<unknown>): Promise<WriteFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WriteFailure);
  return error as WriteFailure;
}

const payload = (
  overrides: Partial<VaultNetworkPayload['networkAcls']> = {},
  publicNetworkAccess = 'Enabled',
): VaultNetworkPayload => ({
  publicNetworkAccess,
  networkAcls: {
    defaultAction: 'Deny',
    bypass: 'AzureServices',
    ipRules: [],
    virtualNetworkRules: [],
    ...overrides,
  },
});

const endpointCreate = (overrides: Partial<PrivateEndpointCreate> = {}): PrivateEndpointCreate => ({
  location: 'westeurope',
  subnetId: subnetId('snet-plain'),
  vaultId: vaultId('kv-b'),
  connectionName: 'pe-new-connection',
  manualApproval: false,
  tags: { 'managed-by': 'kvnet' },
  ...overrides,
});

export function azurePortsContract(factory: PortsFactory): void {
  describe(`AzureReader / AzureWriter contract: ${factory.name}`, () => {
    beforeAll(() => factory.start(), 60_000);
    afterAll(() => factory.stop());
    const seeded = () => factory.seed(world());

    describe('reads', () => {
      it('getVault returns the vault as seeded; a missing vault or group is not-found; an unknown subscription is an error', async () => {
        const { reader } = await seeded();
        expect(ok(await reader.getVault(vaultId('kv-a')))).toEqual(kvA);
        expect(ok(await reader.getVault(vaultId('kv-b')))).toEqual(kvB);
        expect(await reader.getVault(vaultId('kv-none'))).toEqual({ status: 'not-found' });
        expect(await reader.getVault(vaultId('kv-a', 'rg-gone'))).toEqual({ status: 'not-found' });
        const stranger = await reader.getVault(
          `/subscriptions/${OTHER_SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-a`,
        );
        expect(stranger).toMatchObject({
          status: 'error',
          error: { httpStatus: 404, code: 'SubscriptionNotFound' },
        });
      });

      it('listVaults lists a group (empty when it holds none; not-found when it does not exist); listVaultsInSubscription a subscription', async () => {
        const { reader } = await seeded();
        const names = (vaults: LiveVault[]) => vaults.map((vault) => vault.name).sort();
        expect(names(ok(await reader.listVaults(SUB, RG)))).toEqual(['kv-a', 'kv-b']);
        expect(ok(await reader.listVaults(SUB, 'rg-empty'))).toEqual([]);
        expect(await reader.listVaults(SUB, 'rg-gone')).toEqual({ status: 'not-found' });
        expect(names(ok(await reader.listVaultsInSubscription(SUB)))).toEqual(['kv-a', 'kv-b']);
        expect(await reader.listVaultsInSubscription(OTHER_SUB)).toMatchObject({
          status: 'error',
          error: { httpStatus: 404, code: 'SubscriptionNotFound' },
        });
      });

      it('getVirtualNetwork returns the VNet with its subnets; missing is not-found; a missing group is an error', async () => {
        const { reader } = await seeded();
        const vnet = ok(await reader.getVirtualNetwork(vnetId));
        const seededVnet = world().virtualNetworks?.[0];
        expect(vnet).toEqual({
          id: vnetId,
          name: 'vnet-apps',
          location: 'westeurope',
          subnets: seededVnet?.subnets,
        });
        expect(
          await reader.getVirtualNetwork(
            `${group(NET)}/providers/Microsoft.Network/virtualNetworks/vnet-none`,
          ),
        ).toEqual({
          status: 'not-found',
        });
        expect(
          await reader.getVirtualNetwork(
            `${group('rg-gone')}/providers/Microsoft.Network/virtualNetworks/vnet-apps`,
          ),
        ).toMatchObject({
          status: 'error',
          error: { httpStatus: 404, code: 'ResourceGroupNotFound' },
        });
      });

      it('listPrivateEndpoints lists a group; a missing group is an error', async () => {
        const { reader } = await seeded();
        expect(ok(await reader.listPrivateEndpoints(SUB, RG))).toEqual(world().privateEndpoints);
        expect(ok(await reader.listPrivateEndpoints(SUB, 'rg-empty'))).toEqual([]);
        expect(await reader.listPrivateEndpoints(SUB, 'rg-gone')).toMatchObject({
          status: 'error',
          error: { httpStatus: 404, code: 'ResourceGroupNotFound' },
        });
      });

      it('getPrivateEndpoint gets one endpoint with its connections; a missing one is not-found', async () => {
        const { reader } = await seeded();
        for (const listed of world().privateEndpoints ?? []) {
          const got = ok(await reader.getPrivateEndpoint(listed.id));
          expect(got).toMatchObject({
            id: listed.id,
            name: listed.name,
            subnetId: listed.subnetId,
            connections: listed.connections,
          });
        }
        const missing = `${group(RG)}/providers/Microsoft.Network/privateEndpoints/pe-none`;
        expect(await reader.getPrivateEndpoint(missing)).toEqual({ status: 'not-found' });
      });

      it('zone groups: got by id, listed per endpoint (none for a missing endpoint), with records and state', async () => {
        const { reader } = await seeded();
        const seededGroup = world().zoneGroups?.[0];
        expect(ok(await reader.getZoneGroup(zoneGroupId('pe-a', 'default')))).toEqual(seededGroup);
        expect(await reader.getZoneGroup(zoneGroupId('pe-a', 'other'))).toEqual({
          status: 'not-found',
        });
        expect(await reader.getZoneGroup(zoneGroupId('pe-none', 'default'))).toEqual({
          status: 'not-found',
        });
        expect(ok(await reader.listZoneGroups(endpointId('pe-a')))).toEqual([seededGroup]);
        expect(ok(await reader.listZoneGroups(endpointId('pe-none')))).toEqual([]);
      });

      it('private DNS: the zone with its state; links and A records of a zone (none for a missing zone)', async () => {
        const { reader } = await seeded();
        expect(ok(await reader.getDnsZone(zoneId()))).toEqual({
          id: zoneId(),
          name: ZONE,
          provisioningState: 'Succeeded',
        });
        expect(ok(await reader.getDnsZone(zoneId('privatelink.failed.net')))).toMatchObject({
          provisioningState: 'Failed',
        });
        expect(await reader.getDnsZone(zoneId('privatelink.none.net'))).toEqual({
          status: 'not-found',
        });
        expect(ok(await reader.listVirtualNetworkLinks(zoneId()))).toEqual(world().links);
        expect(ok(await reader.listVirtualNetworkLinks(zoneId('privatelink.none.net')))).toEqual(
          [],
        );
        expect(ok(await reader.listARecordSets(zoneId()))).toEqual(world().aRecordSets);
        expect(ok(await reader.listARecordSets(zoneId('privatelink.none.net')))).toEqual([]);
      });

      it('a refused read is an error outcome naming the status, the code and a role hint', async () => {
        const ports = await seeded();
        await ports.failRead(vnetId, 403, 'AuthorizationFailed');
        const outcome = await ports.reader.getVirtualNetwork(vnetId);
        expect(outcome).toMatchObject({
          status: 'error',
          error: { resourceId: vnetId, httpStatus: 403, code: 'AuthorizationFailed' },
        });
        expect(outcome.status === 'error' && outcome.error.roleHint).toBeTruthy();
      });
    });

    describe('writes', () => {
      it('patchVaultNetwork replaces the network whole, as Azure normalises it, and keeps the rest of the vault', async () => {
        const { reader, writer } = await seeded();
        await writer.patchVaultNetwork(
          vaultId('kv-a'),
          payload({
            ipRules: ['52.174.0.7', '20.60.0.0/24'],
            virtualNetworkRules: [
              { id: subnetId('snet-ready'), ignoreMissingVnetServiceEndpoint: false },
              { id: subnetId('snet-pe'), ignoreMissingVnetServiceEndpoint: true },
            ],
          }),
        );
        const vault = ok(await reader.getVault(vaultId('kv-a')));
        expect(vault.network).toEqual(
          normalizeLiveNetwork({
            publicNetworkAccess: 'Enabled',
            networkAcls: {
              defaultAction: 'Deny',
              bypass: 'AzureServices',
              ipRules: [{ value: '20.60.0.0/24' }, { value: '52.174.0.7/32' }],
              virtualNetworkRules: [{ id: subnetId('snet-pe') }, { id: subnetId('snet-ready') }],
            },
          }),
        );
        expect(vault.connections).toEqual(kvA.connections);
        expect(vault.usesAccessPolicies).toBe(false);
      });

      it('patchVaultNetwork refusals: missing vault 404, private range 400, a subnet without the endpoint 400', async () => {
        const { writer } = await seeded();
        expect(
          (await failure(writer.patchVaultNetwork(vaultId('kv-none'), payload()))).httpStatus,
        ).toBe(404);
        const privateRange = await failure(
          writer.patchVaultNetwork(vaultId('kv-a'), payload({ ipRules: ['10.1.2.3'] })),
        );
        expect([privateRange.httpStatus, privateRange.code]).toEqual([400, 'BadRequest']);
        const noEndpoint = await failure(
          writer.patchVaultNetwork(
            vaultId('kv-a'),
            payload({
              virtualNetworkRules: [
                { id: subnetId('snet-plain'), ignoreMissingVnetServiceEndpoint: false },
              ],
            }),
          ),
        );
        expect([noEndpoint.httpStatus, noEndpoint.code]).toEqual([
          400,
          'SubnetsHaveNoServiceEndpointsConfigured',
        ]);
      });

      it('a write Azure refuses is a WriteFailure with its status and code, and changes nothing', async () => {
        const ports = await seeded();
        await ports.failWrite('PATCH', vaultId('kv-a'), 409, 'Conflict');
        const refused = await failure(
          ports.writer.patchVaultNetwork(vaultId('kv-a'), payload({ ipRules: ['52.1.1.1'] })),
        );
        expect([refused.httpStatus, refused.code, refused.resourceId]).toEqual([
          409,
          'Conflict',
          vaultId('kv-a'),
        ]);
        expect(ok(await ports.reader.getVault(vaultId('kv-a'))).network).toEqual(kvA.network);
      });

      it('addSubnetServiceEndpoint adds the endpoint and keeps the others; twice is once; a missing subnet is 404', async () => {
        const { reader, writer } = await seeded();
        await writer.addSubnetServiceEndpoint(subnetId('snet-plain'), 'Microsoft.KeyVault');
        await writer.addSubnetServiceEndpoint(subnetId('snet-plain'), 'Microsoft.KeyVault');
        const subnet = ok(await reader.getVirtualNetwork(vnetId)).subnets.find(
          (s) => s.name === 'snet-plain',
        );
        expect(subnet).toMatchObject({
          serviceEndpoints: ['Microsoft.Storage', 'Microsoft.KeyVault'],
          addressPrefixes: ['10.20.1.0/24'],
        });
        expect(subnet?.provisioningState).toBe('Succeeded');
        expect(
          (
            await failure(
              writer.addSubnetServiceEndpoint(subnetId('snet-none'), 'Microsoft.KeyVault'),
            )
          ).httpStatus,
        ).toBe(404);
      });

      it('waitUntilNetworkSettled resolves for a Succeeded subnet and fails for a Failed one', async () => {
        const { writer } = await seeded();
        await writer.waitUntilNetworkSettled(subnetId('snet-plain'));
        expect((await failure(writer.waitUntilNetworkSettled(subnetId('snet-broken')))).code).toBe(
          'NetworkProvisioningFailed',
        );
      });

      it('createPrivateEndpoint: the endpoint in the subnet, and its connection on the vault (Approved, or Pending when manual)', async () => {
        const { reader, writer } = await seeded();
        await writer.createPrivateEndpoint(endpointId('pe-new'), endpointCreate());
        const endpoint = ok(await reader.listPrivateEndpoints(SUB, RG)).find(
          (e) => e.name === 'pe-new',
        );
        expect(endpoint).toMatchObject({
          subnetId: subnetId('snet-plain'),
          tags: { 'managed-by': 'kvnet' },
          connections: [
            {
              name: 'pe-new-connection',
              targetId: vaultId('kv-b'),
              groupIds: ['vault'],
              manual: false,
              status: 'Approved',
            },
          ],
          provisioningState: 'Succeeded',
        });
        expect(endpoint?.privateIps).toEqual(['10.20.1.4']);
        expect(ok(await reader.getVault(vaultId('kv-b'))).connections).toEqual([
          expect.objectContaining({
            privateEndpointId: endpointId('pe-new'),
            status: 'Approved',
            name: expect.stringMatching(/^pe-new\./),
          }),
        ]);
        await writer.createPrivateEndpoint(
          endpointId('pe-manual'),
          endpointCreate({
            connectionName: 'pe-manual-connection',
            manualApproval: true,
            requestMessage: 'please',
          }),
        );
        const manual = ok(await reader.getVault(vaultId('kv-b'))).connections.find(
          (c) => c.privateEndpointId.toLowerCase() === endpointId('pe-manual').toLowerCase(),
        );
        expect(manual).toMatchObject({ status: 'Pending', description: 'please' });
        const second = ok(await reader.listPrivateEndpoints(SUB, RG)).find(
          (e) => e.name === 'pe-manual',
        );
        expect(second?.privateIps).toEqual(['10.20.1.5']);
        expect(second?.connections[0]).toMatchObject({ manual: true, status: 'Pending' });
      });

      it('createPrivateEndpoint refusals: a missing subnet 400, a changed subnet 400', async () => {
        const { writer } = await seeded();
        const missing = await failure(
          writer.createPrivateEndpoint(
            endpointId('pe-x'),
            endpointCreate({ subnetId: subnetId('snet-none') }),
          ),
        );
        expect([missing.httpStatus, missing.code]).toEqual([400, 'InvalidResourceReference']);
        const moved = await failure(
          writer.createPrivateEndpoint(
            endpointId('pe-a'),
            endpointCreate({
              vaultId: vaultId('kv-a'),
              connectionName: 'pe-a-connection',
              subnetId: subnetId('snet-plain'),
            }),
          ),
        );
        expect([moved.httpStatus, moved.code]).toEqual([
          400,
          'PrivateEndpointImmutablePropertyChanged',
        ]);
      });

      it('deletePrivateEndpoint removes the endpoint, its vault connection, its zone group and their records; an absent one is fine', async () => {
        const { reader, writer } = await seeded();
        await writer.deletePrivateEndpoint(endpointId('pe-a'));
        expect(ok(await reader.listPrivateEndpoints(SUB, RG))).toEqual([]);
        expect(ok(await reader.getVault(vaultId('kv-a'))).connections).toEqual([]);
        expect(ok(await reader.listZoneGroups(endpointId('pe-a')))).toEqual([]);
        expect(ok(await reader.listARecordSets(zoneId()))).toEqual([]);
        await writer.deletePrivateEndpoint(endpointId('pe-a'));
      });

      it('createDnsZone creates a zone, and leaves an existing one (even a Failed one) as it is', async () => {
        const { reader, writer } = await seeded();
        await writer.createDnsZone(zoneId('privatelink.new.net'));
        expect(ok(await reader.getDnsZone(zoneId('privatelink.new.net')))).toMatchObject({
          name: 'privatelink.new.net',
          provisioningState: 'Succeeded',
        });
        await writer.createDnsZone(zoneId('privatelink.failed.net'));
        expect(
          ok(await reader.getDnsZone(zoneId('privatelink.failed.net'))).provisioningState,
        ).toBe('Failed');
        await writer.createDnsZone(zoneId());
        expect(ok(await reader.listARecordSets(zoneId()))).toEqual(world().aRecordSets);
      });

      it('createVirtualNetworkLink creates a Completed link; an existing one is kept; a VNet links once per zone', async () => {
        const { reader, writer } = await seeded();
        await writer.createVirtualNetworkLink(
          `${zoneId('privatelink.failed.net')}/virtualNetworkLinks/link-x`,
          vnetId,
        );
        expect(ok(await reader.listVirtualNetworkLinks(zoneId('privatelink.failed.net')))).toEqual([
          expect.objectContaining({
            name: 'link-x',
            virtualNetworkId: vnetId,
            state: 'Completed',
            provisioningState: 'Succeeded',
          }),
        ]);
        await writer.createVirtualNetworkLink(`${zoneId()}/virtualNetworkLinks/link-apps`, vnetId);
        const clash = await failure(
          writer.createVirtualNetworkLink(`${zoneId()}/virtualNetworkLinks/link-again`, vnetId),
        );
        expect([clash.httpStatus, clash.code]).toEqual([409, 'Conflict']);
        const noVnet = await failure(
          writer.createVirtualNetworkLink(
            `${zoneId()}/virtualNetworkLinks/link-none`,
            `${group(NET)}/providers/Microsoft.Network/virtualNetworks/vnet-none`,
          ),
        );
        expect(noVnet.httpStatus).toBe(400);
      });

      it('redrive PUTs a Failed zone or link again, over its etag, to Succeeded; a missing one is 404', async () => {
        const ports = await seeded();
        const { reader, writer } = ports;
        await writer.redriveDnsZone(zoneId('privatelink.failed.net'));
        expect(
          ok(await reader.getDnsZone(zoneId('privatelink.failed.net'))).provisioningState,
        ).toBe('Succeeded');
        expect(
          (await failure(writer.redriveDnsZone(zoneId('privatelink.none.net')))).httpStatus,
        ).toBe(404);
        const linkId = `${zoneId('privatelink.failed.net')}/virtualNetworkLinks/link-r`;
        await ports.failProvisioning(linkId, 'InternalServerError');
        await failure(writer.createVirtualNetworkLink(linkId, vnetId));
        await writer.redriveVirtualNetworkLink(linkId);
        expect(ok(await reader.listVirtualNetworkLinks(zoneId('privatelink.failed.net')))).toEqual([
          expect.objectContaining({
            name: 'link-r',
            virtualNetworkId: vnetId,
            state: 'Completed',
            provisioningState: 'Succeeded',
          }),
        ]);
        expect(
          (await failure(writer.redriveVirtualNetworkLink(`${zoneId()}/virtualNetworkLinks/none`)))
            .httpStatus,
        ).toBe(404);
      });

      it('putZoneGroup writes the group and the A record to the endpoint; one group per endpoint; the zone must exist', async () => {
        const { reader, writer } = await seeded();
        await writer.createPrivateEndpoint(endpointId('pe-new'), endpointCreate());
        await writer.putZoneGroup(zoneGroupId('pe-new', 'default'), [zoneId()]);
        expect(ok(await reader.getZoneGroup(zoneGroupId('pe-new', 'default')))).toMatchObject({
          zoneIds: [zoneId()],
          provisioningState: 'Succeeded',
          records: [
            {
              zoneId: zoneId(),
              recordType: 'A',
              recordSetName: 'kv-b',
              ipAddresses: ['10.20.1.4'],
            },
          ],
        });
        expect(
          ok(await reader.listARecordSets(zoneId())).find((r) => r.name === 'kv-b')?.ipv4Addresses,
        ).toEqual(['10.20.1.4']);
        await writer.putZoneGroup(zoneGroupId('pe-new', 'default'), [zoneId()]);
        const second = await failure(
          writer.putZoneGroup(zoneGroupId('pe-new', 'other'), [zoneId()]),
        );
        expect([second.httpStatus, second.code]).toEqual([
          400,
          'OnlyOnePrivateDnsZoneGroupAllowed',
        ]);
        await writer.createPrivateEndpoint(
          endpointId('pe-two'),
          endpointCreate({ connectionName: 'c2' }),
        );
        const noZone = await failure(
          writer.putZoneGroup(zoneGroupId('pe-two', 'default'), [zoneId('privatelink.none.net')]),
        );
        expect([noZone.httpStatus, noZone.code]).toEqual([400, 'InvalidResourceReference']);
      });

      it('with a DINE policy, a new vault endpoint gets deployedByPolicy and its A record; the spec name then meets the one-group rule', async () => {
        const ports = await seeded();
        const { reader, writer } = ports;
        await ports.zoneGroupPolicy(zoneId());
        await writer.createPrivateEndpoint(endpointId('pe-p'), endpointCreate());
        expect(ok(await reader.listZoneGroups(endpointId('pe-p')))).toEqual([
          {
            id: zoneGroupId('pe-p', 'deployedByPolicy'),
            name: 'deployedByPolicy',
            zoneIds: [zoneId()],
            records: [
              {
                zoneId: zoneId(),
                recordType: 'A',
                recordSetName: 'kv-b',
                fqdn: `kv-b.${ZONE}`,
                ipAddresses: ['10.20.1.4'],
              },
            ],
            provisioningState: 'Succeeded',
          },
        ]);
        expect(
          ok(await reader.listARecordSets(zoneId())).find((r) => r.name === 'kv-b')?.ipv4Addresses,
        ).toEqual(['10.20.1.4']);
        const refused = await failure(
          writer.putZoneGroup(zoneGroupId('pe-p', 'default'), [zoneId()]),
        );
        expect(refused.code).toBe('OnlyOnePrivateDnsZoneGroupAllowed');
        await writer.createPrivateEndpoint(
          endpointId('pe-m'),
          endpointCreate({ connectionName: 'm', manualApproval: true }),
        );
        expect(ok(await reader.listZoneGroups(endpointId('pe-m')))).toEqual([]);
      });

      it('setConnectionStatus sets the status and description; an unknown connection is 404', async () => {
        const { reader, writer } = await seeded();
        await writer.setConnectionStatus(vaultId('kv-a'), 'pe-a.conn', 'Rejected', 'not ours');
        expect(ok(await reader.getVault(vaultId('kv-a'))).connections[0]).toMatchObject({
          status: 'Rejected',
          description: 'not ours',
        });
        expect(
          (await failure(writer.setConnectionStatus(vaultId('kv-a'), 'nope', 'Approved', '')))
            .httpStatus,
        ).toBe(404);
      });

      it('a creation that ends Failed throws, and leaves the resource behind in Failed', async () => {
        const ports = await seeded();
        const { reader, writer } = ports;
        await ports.failProvisioning(zoneId('privatelink.broken.net'), 'InternalServerError');
        expect((await failure(writer.createDnsZone(zoneId('privatelink.broken.net')))).code).toBe(
          'InternalServerError',
        );
        expect(
          ok(await reader.getDnsZone(zoneId('privatelink.broken.net'))).provisioningState,
        ).toBe('Failed');

        const linkId = `${zoneId('privatelink.failed.net')}/virtualNetworkLinks/link-b`;
        await ports.failProvisioning(linkId, 'InternalServerError');
        expect((await failure(writer.createVirtualNetworkLink(linkId, vnetId))).code).toBe(
          'InternalServerError',
        );
        expect(
          ok(await reader.listVirtualNetworkLinks(zoneId('privatelink.failed.net')))[0],
        ).toMatchObject({
          provisioningState: 'Failed',
          state: 'InProgress',
        });

        await ports.failProvisioning(endpointId('pe-f'), 'InternalServerError');
        expect(
          (await failure(writer.createPrivateEndpoint(endpointId('pe-f'), endpointCreate()))).code,
        ).toBe('InternalServerError');
        expect(
          ok(await reader.listPrivateEndpoints(SUB, RG)).find((e) => e.name === 'pe-f')
            ?.provisioningState,
        ).toBe('Failed');

        await writer.createPrivateEndpoint(
          endpointId('pe-g'),
          endpointCreate({ connectionName: 'g' }),
        );
        await ports.failProvisioning(zoneGroupId('pe-g', 'default'), 'InternalServerError');
        expect(
          (await failure(writer.putZoneGroup(zoneGroupId('pe-g', 'default'), [zoneId()]))).code,
        ).toBe('InternalServerError');
        expect(
          ok(await reader.getZoneGroup(zoneGroupId('pe-g', 'default'))).provisioningState,
        ).toBe('Failed');
        expect(ok(await reader.listARecordSets(zoneId())).map((r) => r.name)).toEqual(['kv-a']);
      });
    });
  });
}
