// Fewest reads for the same facts (issue 14), against the local ARM endpoint through the real
// SDK reader: vaults listed per subscription when the spec's vaults sit in several groups,
// VNets listed per resource group when the spec names several, a NIC read only when neither
// the endpoint nor its zone group gives the address; each with its fallback.
import { afterEach, describe, expect, it } from 'vitest';
import { LiveLookup } from '../../src/engine/plan/live-lookup.js';
import { validateSpecSet, validateSpecSetAsParsed } from '../../src/engine/spec/validate.js';
import { resolveDesiredState } from '../../src/engine/state/desired.js';
import { LiveReads, readLiveState } from '../../src/engine/state/read-live.js';
import {
  connection,
  endpointId,
  NET_RG,
  RG,
  SUB,
  subnetId,
  vault,
  vaultId,
  vnet,
  zone,
  zoneGroup,
  zoneId,
  type ArmBody,
} from '../support/arm-state.js';
import { startHarness, type Harness } from '../support/kvnet-harness.js';
import { desiredFrom, TODAY } from '../support/plan-fixtures.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const header = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
  location: westeurope
vaults:
`;

const gets = (requests: { method: string; path: string }[], pattern: RegExp) =>
  requests.filter((request) => request.method === 'GET' && pattern.test(request.path));

async function read(state: ArmBody[], spec: string, setup?: (h: Harness) => Promise<void>) {
  harness = await startHarness(state);
  await setup?.(harness);
  const mark = await harness.mark();
  const snapshot = await readLiveState(desiredFrom(spec), harness.reader);
  return { lookup: new LiveLookup(snapshot), requests: await harness.requestsSince(mark) };
}

const threeVaults = [
  vault('kv-a', { rg: 'rg-a' }),
  vault('kv-b', { rg: 'rg-b' }),
  vault('kv-c', { rg: 'rg-b' }),
  vault('kv-stranger', { rg: 'rg-c' }),
];
const threeVaultSpec = `${header}${['kv-a:rg-a', 'kv-b:rg-b', 'kv-c:rg-b', 'kv-gone:rg-d']
  .map((entry) => {
    const [name, rg] = entry.split(':');
    return `  - name: ${name}\n    resourceGroup: ${rg}\n    publicNetworkAccess: Enabled\n    firewall: { defaultAction: Deny }\n`;
  })
  .join('')}`;

describe('vaults: one list per subscription', () => {
  it('reads the vaults of several resource groups with one list of the subscription', async () => {
    const { lookup, requests } = await read(threeVaults, threeVaultSpec);
    expect(gets(requests, /providers\/Microsoft\.KeyVault\/vaults$/i)).toHaveLength(1);
    expect(
      gets(
        requests,
        new RegExp(`^/subscriptions/${SUB}/providers/Microsoft.KeyVault/vaults$`, 'i'),
      ),
    ).toHaveLength(1);
    expect(gets(requests, /vaults\/kv-/i)).toEqual([]);
    for (const [name, rg] of [
      ['kv-a', 'rg-a'],
      ['kv-b', 'rg-b'],
      ['kv-c', 'rg-b'],
    ] as const)
      expect(lookup.vault(vaultId(name, rg)).status).toBe('ok');
    expect(lookup.vault(vaultId('kv-gone', 'rg-d')).status).toBe('not-found');
    expect(lookup.failures()).toEqual([]);
  });

  it('falls back to the groups when the list by subscription is refused (Reader on the groups only)', async () => {
    const { lookup, requests } = await read(threeVaults, threeVaultSpec, (h) =>
      h.http.addFaults({
        method: 'GET',
        path: `/subscriptions/${SUB}/providers/Microsoft.KeyVault/vaults`,
        times: 100,
        effect: { type: 'status', status: 403, code: 'AuthorizationFailed' },
      }),
    );
    expect(
      gets(requests, /resourceGroups\/rg-a\/providers\/Microsoft\.KeyVault\/vaults\/kv-a$/i),
    ).toHaveLength(1);
    expect(
      gets(requests, /resourceGroups\/rg-b\/providers\/Microsoft\.KeyVault\/vaults$/i),
    ).toHaveLength(1);
    expect(lookup.vault(vaultId('kv-c', 'rg-b')).status).toBe('ok');
    expect(lookup.vault(vaultId('kv-gone', 'rg-d')).status).toBe('not-found');
    expect(lookup.failures()).toEqual([]);
  });
});

describe('VNets: one list per resource group', () => {
  const state = [
    vault('kv-a', {
      networkAcls: {
        defaultAction: 'Deny',
        virtualNetworkRules: [{ id: subnetId('vnet-x', 'snet-live') }],
      },
    }),
    vnet('vnet-one', '10.1.0.0/16', [{ name: 'snet-1', prefix: '10.1.1.0/24' }]),
    vnet('vnet-two', '10.2.0.0/16', [
      { name: 'snet-2', prefix: '10.2.1.0/24', endpoints: ['Microsoft.KeyVault'] },
    ]),
    vnet('vnet-x', '10.3.0.0/16', [{ name: 'snet-live', prefix: '10.3.1.0/24' }]),
  ];
  const spec = `${header}  - name: kv-a
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      virtualNetworkRules:
        - subnet: { vnet: vnet-one, name: snet-1, resourceGroup: ${NET_RG} }
        - subnet: { vnet: vnet-two, name: snet-2, resourceGroup: ${NET_RG} }
        - subnet: { vnet: vnet-gone, name: snet-9, resourceGroup: ${NET_RG} }
`;

  it('lists the group once; a VNet not in the list is missing; a live rule in that group uses the list', async () => {
    const { lookup, requests } = await read(state, spec);
    expect(
      gets(
        requests,
        /resourceGroups\/rg-network\/providers\/Microsoft\.Network\/virtualNetworks$/i,
      ),
    ).toHaveLength(1);
    expect(gets(requests, /virtualNetworks\/[^/]+$/i)).toEqual([]);
    expect(lookup.subnetState(subnetId('vnet-one', 'snet-1')).status).toBe('ok');
    expect(lookup.subnet(subnetId('vnet-two', 'snet-2'))?.serviceEndpoints).toEqual([
      'Microsoft.KeyVault',
    ]);
    expect(lookup.subnetState(subnetId('vnet-gone', 'snet-9')).status).toBe('missing');
    expect(lookup.subnetState(subnetId('vnet-x', 'snet-live')).status).toBe('ok');
    expect(lookup.failures()).toEqual([]);
  });

  it('a failed list falls back to one GET per VNet, with their answers', async () => {
    const { lookup, requests } = await read(state, spec, (h) =>
      h.http.addFaults({
        method: 'GET',
        path: `/subscriptions/${SUB}/resourceGroups/${NET_RG}/providers/Microsoft.Network/virtualNetworks`,
        times: 100,
        effect: { type: 'status', status: 403, code: 'AuthorizationFailed' },
      }),
    );
    expect(gets(requests, /virtualNetworks\/vnet-(one|two|gone|x)$/i)).toHaveLength(4);
    expect(lookup.subnetState(subnetId('vnet-one', 'snet-1')).status).toBe('ok');
    expect(lookup.subnetState(subnetId('vnet-gone', 'snet-9')).status).toBe('missing');
    expect(lookup.failures()).toEqual([]);
  });
});

describe('endpoint addresses: a NIC read only when needed', () => {
  const nicId = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/networkInterfaces/pe-bare.nic`;
  const endpoint = (name: string, nic: string | undefined): ArmBody => ({
    id: endpointId(name),
    name,
    type: 'Microsoft.Network/privateEndpoints',
    location: 'westeurope',
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      subnet: { id: subnetId('vnet-apps', 'snet-pe') },
      privateLinkServiceConnections: [
        {
          name: `${name}-connection`,
          properties: {
            privateLinkServiceId: vaultId('kv-pe'),
            groupIds: ['vault'],
            privateLinkServiceConnectionState: {
              status: 'Approved',
              description: '',
              actionsRequired: 'None',
            },
          },
        },
      ],
      manualPrivateLinkServiceConnections: [],
      // With a zone group Azure leaves customDnsConfigs empty (AZURE-FACTS §8).
      customDnsConfigs: [],
      networkInterfaces: nic ? [{ id: nic }] : [],
    },
  });
  const state: ArmBody[] = [
    vnet('vnet-apps', '10.20.0.0/16', [{ name: 'snet-pe', prefix: '10.20.9.0/24' }]),
    vault('kv-pe', {
      connections: [
        connection(vaultId('kv-pe'), 'pe-grouped.conn', endpointId('pe-grouped'), 'Approved'),
        connection(vaultId('kv-pe'), 'pe-bare.conn', endpointId('pe-bare'), 'Approved'),
      ],
    }),
    endpoint(
      'pe-grouped',
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/networkInterfaces/pe-grouped.nic`,
    ),
    endpoint('pe-bare', nicId),
    {
      id: nicId,
      name: 'pe-bare.nic',
      type: 'Microsoft.Network/networkInterfaces',
      location: 'westeurope',
      properties: {
        provisioningState: 'Succeeded',
        ipConfigurations: [
          {
            name: 'privateEndpointIpConfig',
            properties: {
              privateIPAddress: '10.20.9.7',
              subnet: { id: subnetId('vnet-apps', 'snet-pe') },
            },
          },
        ],
      },
    },
    zone(),
    zoneGroup(endpointId('pe-grouped'), 'default', zoneId(), {
      vaultName: 'kv-pe',
      ip: '10.20.9.5',
    }),
  ];
  const spec = `${header}  - name: kv-pe
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny }
    privateEndpoints:
      - name: pe-grouped
        subnet: { vnet: vnet-apps, name: snet-pe, resourceGroup: ${NET_RG} }
        connectionName: pe-grouped.conn
`;

  it('starts the zone groups of the endpoints that matter once their list is read, before the set is whole', async () => {
    harness = await startHarness(state);
    const mark = await harness.mark();
    const reads = new LiveReads(harness.reader);
    const validation = validateSpecSet([{ file: 'a.yaml', text: spec }], { today: TODAY });
    const [file] = validation.files;
    if (!file) throw new Error('the spec does not parse');
    reads.startFile(file, TODAY);
    // The set is not finished: the zone-group lists go out on the endpoint list's answer alone.
    const zoneGroupReads = async () =>
      gets(await harness!.requestsSince(mark), /privateDnsZoneGroups$/i)
        .map((request) => request.path.split('/').at(-2))
        .sort();
    const deadline = Date.now() + 10_000;
    while ((await zoneGroupReads()).length < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await zoneGroupReads()).toEqual(['pe-bare', 'pe-grouped']);
    const snapshot = await readLiveState(
      resolveDesiredState(validation.files, TODAY),
      harness.reader,
      undefined,
      reads,
    );
    // Read once: the whole set's completion takes the reads already under way.
    expect(await zoneGroupReads()).toEqual(['pe-bare', 'pe-grouped']);
    expect(new LiveLookup(snapshot).privateEndpoint(endpointId('pe-grouped'))?.privateIps).toEqual([
      '10.20.9.5',
    ]);
  });

  it("takes the address from the zone group's records, and reads the NIC of the endpoint without one", async () => {
    const { lookup, requests } = await read(state, spec);
    expect(lookup.privateEndpoint(endpointId('pe-grouped'))?.privateIps).toEqual(['10.20.9.5']);
    expect(lookup.privateEndpoint(endpointId('pe-bare'))?.privateIps).toEqual(['10.20.9.7']);
    const nicReads = gets(requests, /networkInterfaces\//i);
    expect(nicReads.map((request) => request.path.split('/').pop())).toEqual(['pe-bare.nic']);
    expect(lookup.failures()).toEqual([]);
  });
});

describe('reads begun file by file, as the CLI parses them', () => {
  const fileOf = (name: string, entries: string[]) => ({
    file: name,
    text: `${header}${entries
      .map((entry) => {
        const [vaultName, rg] = entry.split(':');
        return `  - name: ${vaultName}\n    resourceGroup: ${rg}\n    publicNetworkAccess: Enabled\n    firewall: { defaultAction: Deny }\n`;
      })
      .join('')}`,
  });
  // a.yaml alone already lists the subscription; b.yaml then names a group (rg-c) that only
  // it declares, so a refused list must still lead to rg-c's own read.
  const sources = [
    fileOf('a.yaml', ['kv-a:rg-a', 'kv-b:rg-b']),
    fileOf('b.yaml', ['kv-c:rg-b', 'kv-stranger:rg-c', 'kv-gone:rg-d']),
  ];

  async function readEarly(refuseSubscriptionList: boolean) {
    harness = await startHarness(threeVaults);
    if (refuseSubscriptionList)
      await harness.http.addFaults({
        method: 'GET',
        path: `/subscriptions/${SUB}/providers/Microsoft.KeyVault/vaults`,
        times: 100,
        effect: { type: 'status', status: 403, code: 'AuthorizationFailed' },
      });
    const mark = await harness.mark();
    const reads = new LiveReads(harness.reader);
    const validation = await validateSpecSetAsParsed(sources, { today: TODAY }, (file) =>
      reads.startFile(file, TODAY),
    );
    expect(validation.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    const desired = resolveDesiredState(validation.files, TODAY);
    const snapshot = await readLiveState(desired, harness.reader, undefined, reads);
    return { lookup: new LiveLookup(snapshot), requests: await harness.requestsSince(mark) };
  }

  for (const refused of [false, true])
    it(`gives the facts of one read of the whole set, each resource read once${refused ? ' (subscription list refused: every group of the set is read)' : ''}`, async () => {
      const { lookup, requests } = await readEarly(refused);
      for (const [name, rg] of [
        ['kv-a', 'rg-a'],
        ['kv-b', 'rg-b'],
        ['kv-c', 'rg-b'],
        ['kv-stranger', 'rg-c'],
      ] as const)
        expect(lookup.vault(vaultId(name, rg)).status).toBe('ok');
      expect(lookup.vault(vaultId('kv-gone', 'rg-d')).status).toBe('not-found');
      expect(lookup.failures()).toEqual([]);
      const paths = requests.map((request) => `${request.method} ${request.path.toLowerCase()}`);
      // A resource read twice would show as a repeated request.
      expect(new Set(paths).size).toBe(paths.length);
    });
});
