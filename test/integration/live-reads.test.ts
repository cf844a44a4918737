// What the planner reads, against the local ARM endpoint through the real SDK reader: every
// subnet any VNet rule names (the spec's, whatever its serviceEndpoint mode, and the live
// vaults'), each VNet once; the zone groups of existing endpoints whatever their names; and
// the provisioning states of zones, links, endpoints and zone groups.
import { afterEach, describe, expect, it } from 'vitest';
import { LiveLookup } from '../../src/engine/plan/live-lookup.js';
import { readLiveState } from '../../src/engine/state/read-live.js';
import {
  connection,
  endpointId,
  HUB_SUB,
  NET_RG,
  OTHER_SUB,
  RG,
  SUB,
  subnetId,
  vault,
  vaultId,
  vnet,
  vnetId,
  zone,
  zoneGroup,
  zoneId,
  zoneLink,
  type ArmBody,
} from '../support/arm-state.js';
import { startHarness, type Harness } from '../support/kvnet-harness.js';
import { desiredFrom } from '../support/plan-fixtures.js';

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

async function lookupFor(state: ArmBody[], spec: string) {
  harness = await startHarness(state);
  const mark = await harness.mark();
  const snapshot = await readLiveState(desiredFrom(spec), harness.reader);
  const requests = await harness.requestsSince(mark);
  return { lookup: new LiveLookup(snapshot), requests };
}

const gets = (requests: { method: string; path: string }[], pattern: RegExp) =>
  requests.filter((request) => request.method === 'GET' && pattern.test(request.path));

describe('subnet reads', () => {
  it('reads the subnet of a serviceEndpoint: ignore rule, so its missing endpoint is known', async () => {
    const { lookup, requests } = await lookupFor(
      [
        vault('kv-ignore'),
        vnet('vnet-apps', '10.20.0.0/16', [{ name: 'snet-build', prefix: '10.20.1.0/24' }]),
      ],
      `${header}  - name: kv-ignore
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      bypass: None
      virtualNetworkRules:
        - subnet: { vnet: vnet-apps, name: snet-build, resourceGroup: ${NET_RG} }
          serviceEndpoint: ignore
`,
    );
    const state = lookup.subnetState(subnetId('vnet-apps', 'snet-build'));
    expect(state.status).toBe('ok');
    expect(state.status === 'ok' && state.subnet.serviceEndpoints).toEqual([]);
    expect(lookup.subnet(subnetId('vnet-apps', 'snet-build'))?.name).toBe('snet-build');
    expect(gets(requests, /virtualNetworks\/vnet-apps$/i)).toHaveLength(1);
    expect(lookup.failures()).toEqual([]);
  });

  it("reads the subnets of the live vaults' VNet rules in a second round, each VNet once", async () => {
    const { lookup, requests } = await lookupFor(
      [
        vault('kv-a', {
          networkAcls: {
            defaultAction: 'Deny',
            virtualNetworkRules: [
              { id: subnetId('vnet-legacy', 'snet-old').toLowerCase() },
              { id: subnetId('vnet-legacy', 'snet-older') },
              { id: subnetId('vnet-apps', 'snet-gone') },
            ],
          },
        }),
        vnet('vnet-apps', '10.20.0.0/16', [
          { name: 'snet-app', prefix: '10.20.1.0/24', endpoints: ['Microsoft.KeyVault'] },
        ]),
        vnet('vnet-legacy', '10.40.0.0/16', [
          { name: 'snet-old', prefix: '10.40.1.0/24', endpoints: ['Microsoft.KeyVault'] },
          { name: 'snet-older', prefix: '10.40.2.0/24' },
        ]),
      ],
      `${header}  - name: kv-a
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      virtualNetworkRules:
        - subnet: { vnet: vnet-apps, name: snet-app, resourceGroup: ${NET_RG} }
`,
    );
    expect(lookup.subnetState(subnetId('vnet-legacy', 'snet-old'))).toMatchObject({
      status: 'ok',
      subnet: { serviceEndpoints: ['Microsoft.KeyVault'] },
    });
    expect(lookup.subnetState(subnetId('vnet-legacy', 'snet-older'))).toMatchObject({
      status: 'ok',
      subnet: { serviceEndpoints: [] },
    });
    // The VNet exists, the subnet does not.
    expect(lookup.subnetState(subnetId('vnet-apps', 'snet-gone'))).toEqual({ status: 'missing' });
    expect(gets(requests, /virtualNetworks\/vnet-legacy$/i)).toHaveLength(1);
    expect(gets(requests, /virtualNetworks\/vnet-apps$/i)).toHaveLength(1);
    expect(gets(requests, /subnets\//i)).toEqual([]);
    // A vault rule's subnet whose VNet does not exist is missing too.
    expect(lookup.failures()).toEqual([]);
  });

  it("never reads a live rule's subnet outside the spec set's subscriptions: it is unknown", async () => {
    const foreign = subnetId('vnet-foreign', 'snet-x', 'rg-x', HUB_SUB);
    const { lookup, requests } = await lookupFor(
      [
        vault('kv-b', {
          networkAcls: { defaultAction: 'Deny', virtualNetworkRules: [{ id: foreign }] },
        }),
        vnet(
          'vnet-foreign',
          '10.50.0.0/16',
          [{ name: 'snet-x', prefix: '10.50.1.0/24' }],
          'rg-x',
          HUB_SUB,
        ),
      ],
      `${header}  - name: kv-b
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
`,
    );
    expect(lookup.subnetState(foreign)).toEqual({
      status: 'unknown',
      reason: { code: 'outside-subscriptions', subscription: HUB_SUB },
    });
    expect(gets(requests, /virtualNetworks/i)).toEqual([]);
  });

  it("a spec-named subnet's subscription is one the live rules may be read in", async () => {
    const specSubnet = subnetId('vnet-shared', 'snet-build', 'rg-shared', OTHER_SUB);
    const liveSubnet = subnetId('vnet-other', 'snet-y', 'rg-shared', OTHER_SUB);
    const { lookup } = await lookupFor(
      [
        vault('kv-c', {
          networkAcls: { defaultAction: 'Deny', virtualNetworkRules: [{ id: liveSubnet }] },
        }),
        vnet(
          'vnet-shared',
          '10.30.0.0/16',
          [{ name: 'snet-build', prefix: '10.30.1.0/24' }],
          'rg-shared',
          OTHER_SUB,
        ),
        vnet(
          'vnet-other',
          '10.31.0.0/16',
          [{ name: 'snet-y', prefix: '10.31.1.0/24' }],
          'rg-shared',
          OTHER_SUB,
        ),
      ],
      `${header}  - name: kv-c
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      virtualNetworkRules:
        - subnet: ${specSubnet}
          serviceEndpoint: ignore
`,
    );
    expect(lookup.subnetState(specSubnet).status).toBe('ok');
    expect(lookup.subnetState(liveSubnet).status).toBe('ok');
  });

  it("a 403 on a live rule's VNet leaves that subnet unknown and the plan whole", async () => {
    const state = [
      vault('kv-d', {
        networkAcls: {
          defaultAction: 'Deny',
          virtualNetworkRules: [
            { id: subnetId('vnet-locked', 'snet-z') },
            { id: subnetId('vnet-nogroup', 'snet-q', 'rg-absent') },
          ],
        },
      }),
      vnet('vnet-locked', '10.60.0.0/16', [{ name: 'snet-z', prefix: '10.60.1.0/24' }]),
    ];
    harness = await startHarness(state);
    await harness.http.addFaults({
      method: 'GET',
      path: '**/virtualNetworks/vnet-locked',
      times: 100,
      effect: { type: 'status', status: 403, code: 'AuthorizationFailed' },
    });
    const spec = `${header}  - name: kv-d
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
`;
    const lookup = new LiveLookup(await readLiveState(desiredFrom(spec), harness.reader));
    expect(lookup.subnetState(subnetId('vnet-locked', 'snet-z'))).toMatchObject({
      status: 'unknown',
      reason: { code: 'read-failed', failure: { httpStatus: 403, code: 'AuthorizationFailed' } },
    });
    // A 404 on the resource group (ResourceGroupNotFound) is a failed read, not "missing".
    expect(lookup.subnetState(subnetId('vnet-nogroup', 'snet-q', 'rg-absent'))).toMatchObject({
      status: 'unknown',
      reason: { code: 'read-failed', failure: { httpStatus: 404 } },
    });
    expect(lookup.failures()).toEqual([]);
    expect(lookup.subnet(subnetId('vnet-locked', 'snet-z'))).toBeUndefined();
    const plan = await harness.plan(spec);
    expect(plan.readErrors).toEqual([]);
    expect(plan.outcome).not.toBe('error');
  });

  it('a 403 on a VNet the spec names is still a read error', async () => {
    harness = await startHarness([
      vault('kv-e', {
        networkAcls: {
          defaultAction: 'Deny',
          virtualNetworkRules: [{ id: subnetId('vnet-locked', 'snet-z') }],
        },
      }),
      vnet('vnet-locked', '10.60.0.0/16', [{ name: 'snet-z', prefix: '10.60.1.0/24' }]),
    ]);
    await harness.http.addFaults({
      method: 'GET',
      path: '**/virtualNetworks/vnet-locked',
      times: 100,
      effect: { type: 'status', status: 403, code: 'AuthorizationFailed' },
    });
    const plan = await harness.plan(`${header}  - name: kv-e
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      virtualNetworkRules:
        - subnet: { vnet: vnet-locked, name: snet-z, resourceGroup: ${NET_RG} }
          serviceEndpoint: ignore
`);
    expect(plan.outcome).toBe('error');
    expect(plan.readErrors[0]).toMatchObject({ httpStatus: 403, code: 'AuthorizationFailed' });
  });

  it("a 500 on a live rule's VNet fails the plan (only 403/404 are tolerated)", async () => {
    harness = await startHarness([
      vault('kv-f', {
        networkAcls: {
          defaultAction: 'Deny',
          virtualNetworkRules: [{ id: subnetId('vnet-flaky', 'snet-z') }],
        },
      }),
      vnet('vnet-flaky', '10.70.0.0/16', [{ name: 'snet-z', prefix: '10.70.1.0/24' }]),
    ]);
    await harness.http.addFaults({
      method: 'GET',
      path: '**/virtualNetworks/vnet-flaky',
      times: 100,
      effect: { type: 'status', status: 500 },
    });
    const plan = await harness.plan(`${header}  - name: kv-f
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
`);
    expect(plan.outcome).toBe('error');
    expect(plan.readErrors[0]).toMatchObject({ httpStatus: 500 });
  });
});

function endpointBody(name: string, vaultName: string, provisioningState = 'Succeeded'): ArmBody {
  return {
    id: endpointId(name),
    name,
    type: 'Microsoft.Network/privateEndpoints',
    location: 'westeurope',
    tags: {},
    properties: {
      provisioningState,
      subnet: { id: subnetId('vnet-apps', 'snet-pe') },
      privateLinkServiceConnections: [
        {
          name: `${name}-connection`,
          properties: {
            privateLinkServiceId: vaultId(vaultName),
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
      customDnsConfigs: [{ fqdn: `${vaultName}.vault.azure.net`, ipAddresses: ['10.20.9.4'] }],
    },
  };
}

const endpointSpec = (zoneGroup = 'default') => `${header}  - name: kv-pe
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny }
    privateEndpoints:
      - name: pe-kv
        subnet: { vnet: vnet-apps, name: snet-pe, resourceGroup: ${NET_RG} }
        connectionName: pe-kv-connection
        dns:
          zone: privatelink.vaultcore.azure.net
          links: [{ vnet: vnet-apps, name: link-apps, resourceGroup: ${NET_RG} }]
          zoneGroup: ${zoneGroup}
`;

const privateLinkEstate = (extra: ArmBody[] = []): ArmBody[] => [
  vnet('vnet-apps', '10.20.0.0/16', [{ name: 'snet-pe', prefix: '10.20.9.0/24' }]),
  vault('kv-pe', {
    connections: [
      connection(vaultId('kv-pe'), 'pe-kv.conn', endpointId('pe-kv'), 'Approved'),
      connection(vaultId('kv-pe'), 'pe-other.conn', endpointId('pe-other'), 'Approved'),
    ],
  }),
  endpointBody('pe-kv', 'kv-pe'),
  endpointBody('pe-other', 'kv-pe'),
  ...extra,
];

describe('zone groups per endpoint', () => {
  it('lists the zone groups of each existing endpoint that matters, whatever their names', async () => {
    const { lookup, requests } = await lookupFor(
      privateLinkEstate([
        zone(),
        zoneGroup(endpointId('pe-kv'), 'deployedByPolicy', zoneId(), {
          vaultName: 'kv-pe',
          ip: '10.20.9.4',
        }),
        zoneGroup(endpointId('pe-other'), 'default', zoneId(), {
          vaultName: 'kv-pe',
          ip: '10.20.9.5',
        }),
      ]),
      endpointSpec(),
    );
    const groups = lookup.zoneGroupsOf(endpointId('pe-kv'));
    expect(groups.map((group) => group.name)).toEqual(['deployedByPolicy']);
    expect(groups[0]).toMatchObject({
      zoneIds: [zoneId()],
      provisioningState: 'Succeeded',
      records: [
        {
          zoneId: zoneId(),
          recordType: 'A',
          recordSetName: 'kv-pe',
          fqdn: 'kv-pe.privatelink.vaultcore.azure.net',
          ipAddresses: ['10.20.9.4'],
          provisioningState: 'Succeeded',
        },
      ],
    });
    expect(lookup.zoneGroupsRead(endpointId('pe-kv'))).toBe(true);
    // The spec's name is not there: the one group the endpoint may hold is the policy's.
    expect(lookup.zoneGroup(`${endpointId('pe-kv')}/privateDnsZoneGroups/default`)).toBeUndefined();
    expect(
      lookup.zoneGroup(`${endpointId('pe-kv')}/privateDnsZoneGroups/deployedByPolicy`)?.name,
    ).toBe('deployedByPolicy');
    // An endpoint the spec does not declare but which connects to a declared vault.
    expect(lookup.zoneGroupsOf(endpointId('pe-other')).map((group) => group.name)).toEqual([
      'default',
    ]);
    expect(gets(requests, /privateDnsZoneGroups$/i)).toHaveLength(2);
    expect(gets(requests, /privateDnsZoneGroups\/[^/]+$/i)).toEqual([]);
    expect(lookup.failures()).toEqual([]);
  });

  it('finds the zone group by the spec name, and reads none for an endpoint that does not exist', async () => {
    const { lookup, requests } = await lookupFor(
      [
        vnet('vnet-apps', '10.20.0.0/16', [{ name: 'snet-pe', prefix: '10.20.9.0/24' }]),
        vault('kv-pe'),
        zone(),
      ],
      endpointSpec(),
    );
    expect(lookup.zoneGroupsOf(endpointId('pe-kv'))).toEqual([]);
    expect(lookup.zoneGroupsRead(endpointId('pe-kv'))).toBe(false);
    expect(gets(requests, /privateDnsZoneGroups/i)).toEqual([]);
  });

  it('a 403 on a zone-group list is a read error', async () => {
    harness = await startHarness(privateLinkEstate([zone()]));
    await harness.http.addFaults({
      method: 'GET',
      path: '**/privateEndpoints/pe-kv/privateDnsZoneGroups',
      times: 100,
      effect: { type: 'status', status: 403, code: 'AuthorizationFailed' },
    });
    const lookup = new LiveLookup(await readLiveState(desiredFrom(endpointSpec()), harness.reader));
    expect(lookup.failures()).toEqual([
      expect.objectContaining({ resourceId: endpointId('pe-kv'), httpStatus: 403 }),
    ]);
    expect(lookup.zoneGroupsRead(endpointId('pe-kv'))).toBe(false);
  });
});

describe('provisioning states', () => {
  it('maps the provisioning state of zones, links, endpoints and zone groups', async () => {
    const failedZone = { ...zone(), properties: { provisioningState: 'Failed' } };
    const link = zoneLink(zoneId(), 'link-apps', vnetId('vnet-apps'));
    const updatingLink = {
      ...link,
      properties: {
        ...(link.properties as ArmBody),
        provisioningState: 'Updating',
        virtualNetworkLinkState: 'InProgress',
      },
    };
    const group = zoneGroup(endpointId('pe-kv'), 'default', zoneId(), {
      vaultName: 'kv-pe',
      ip: '10.20.9.4',
    });
    const failedGroup = {
      ...group,
      properties: { ...(group.properties as ArmBody), provisioningState: 'Failed' },
    };
    const { lookup } = await lookupFor(
      [
        vnet('vnet-apps', '10.20.0.0/16', [{ name: 'snet-pe', prefix: '10.20.9.0/24' }]),
        vault('kv-pe', {
          connections: [
            connection(vaultId('kv-pe'), 'pe-kv.conn', endpointId('pe-kv'), 'Approved'),
          ],
        }),
        endpointBody('pe-kv', 'kv-pe', 'Failed'),
        failedZone,
        updatingLink,
        failedGroup,
      ],
      endpointSpec(),
    );
    expect(lookup.dnsZone(zoneId())).toMatchObject({ provisioningState: 'Failed' });
    expect(lookup.links(zoneId())).toEqual([
      expect.objectContaining({ provisioningState: 'Updating', state: 'InProgress' }),
    ]);
    expect(lookup.privateEndpoint(endpointId('pe-kv'))?.provisioningState).toBe('Failed');
    expect(lookup.zoneGroup(`${endpointId('pe-kv')}/privateDnsZoneGroups/default`)).toMatchObject({
      provisioningState: 'Failed',
    });
  });
});

describe('the read budget hears ARM only while its plan reads', () => {
  it('stops listening for quota headers when the reads are done', async () => {
    harness = await startHarness([vault('kv-one')]);
    const real = harness.reader;
    let listening = 0;
    let heard = 0;
    // The real reader, counting who listens: the clients outlive each plan's reads, and a
    // listener left behind kept that plan's whole snapshot alive.
    const reader = Object.create(real) as typeof real;
    reader.onReadQuota = (listener) => {
      listening += 1;
      const stop = real.onReadQuota((subscription, remaining) => {
        heard += 1;
        listener(subscription, remaining);
      });
      return () => {
        listening -= 1;
        stop();
      };
    };
    const spec = `${header}  - name: kv-one\n    publicNetworkAccess: Enabled\n    firewall: { defaultAction: Deny }\n`;
    await readLiveState(desiredFrom(spec), reader);
    expect(heard).toBeGreaterThan(0);
    expect(listening).toBe(0);
    const heardBefore = heard;
    await real.getVault(vaultId('kv-one'));
    expect(heard).toBe(heardBefore);
  });
});
