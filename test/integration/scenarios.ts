// Planner and applier scenarios: a live estate (ARM bodies seeded into the local endpoint) and
// a spec, with what the plan must say. Each scenario of the seed document is here, plus the
// normalisation, cross-subscription, hub-zone, approval, intrusion, expiry and failure cases.
import {
  connection,
  endpointId,
  HUB_SUB,
  networkEstate,
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
  zoneId,
  zoneLink,
  type ArmBody,
} from '../support/arm-state.js';

export interface Scenario {
  readonly name: string;
  readonly state: () => ArmBody[];
  readonly spec: string;
  readonly outcome: 'no-changes' | 'changes' | 'error';
  /** `kind:action:phase` of each step, in execution order. */
  readonly steps?: readonly string[];
  /** Rules of plan findings that must be present. */
  readonly findings?: readonly string[];
  readonly blocked?: boolean;
  readonly destructive?: boolean;
  /** Faults to inject before planning (e.g. a 403 on a read). */
  readonly readFaults?: readonly { method: string; path: string; status: number; code: string }[];
}

const header = (extra = '') => `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
  location: westeurope
${extra}vaults:
`;

const peSpec = (name: string, dns: string, extra = '') => `    privateEndpoints:
      - name: ${name}
        subnet: { vnet: vnet-apps, name: snet-pe, resourceGroup: ${NET_RG} }
        connectionName: ${name}-connection
${extra}        dns:
${dns}`;

const localZoneDns = `          zone: privatelink.vaultcore.azure.net
          links: [{ vnet: vnet-apps, name: link-apps, resourceGroup: ${NET_RG} }]
          zoneGroup: default
`;

/** A private endpoint as ARM returns it after creation, with its vault-side connection. */
function existingEndpoint(
  name: string,
  vaultName: string,
  options: { manual?: boolean; tagged?: boolean; ip?: string } = {},
): ArmBody {
  const link = {
    name: `${name}-connection`,
    properties: {
      privateLinkServiceId: vaultId(vaultName),
      groupIds: ['vault'],
      privateLinkServiceConnectionState: {
        status: options.manual ? 'Pending' : 'Approved',
        description: '',
        actionsRequired: 'None',
      },
    },
  };
  return {
    id: endpointId(name),
    name,
    type: 'Microsoft.Network/privateEndpoints',
    location: 'westeurope',
    tags: options.tagged ? { 'managed-by': 'kvnet' } : {},
    properties: {
      provisioningState: 'Succeeded',
      subnet: { id: subnetId('vnet-apps', 'snet-pe') },
      privateLinkServiceConnections: options.manual ? [] : [link],
      manualPrivateLinkServiceConnections: options.manual ? [link] : [],
      customDnsConfigs: [
        { fqdn: `${vaultName}.vault.azure.net`, ipAddresses: [options.ip ?? '10.20.9.4'] },
      ],
    },
  };
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'IP firewall: Allow → Deny with two public ranges',
    state: () => [vault('kv-fw')],
    spec: `${header()}  - name: kv-fw
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules:
        - { address: 20.50.10.7, note: office egress }
        - 52.174.0.0/24
`,
    outcome: 'changes',
    steps: ['vault:update:open', 'vault:update:narrow'],
  },
  {
    name: 'live 1.2.3.4/32 vs spec 1.2.3.4: no changes',
    state: () => [
      vault('kv-norm', {
        networkAcls: {
          defaultAction: 'Deny',
          bypass: 'AzureServices',
          ipRules: [{ value: '20.50.10.7/32' }],
          virtualNetworkRules: [],
        },
      }),
    ],
    spec: `${header()}  - name: kv-norm
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
`,
    outcome: 'no-changes',
  },
  {
    name: 'lower-cased live subnet id vs mixed-case spec: no changes',
    state: () => [
      ...networkEstate(),
      vault('kv-case', {
        networkAcls: {
          defaultAction: 'Deny',
          bypass: 'AzureServices',
          ipRules: [],
          virtualNetworkRules: [{ id: subnetId('vnet-apps', 'snet-ready').toLowerCase() }],
        },
      }),
    ],
    spec: `${header()}  - name: kv-case
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      virtualNetworkRules:
        - subnet: ${subnetId('vnet-apps', 'snet-ready').replace('resourceGroups', 'resourcegroups')}
`,
    outcome: 'no-changes',
  },
  {
    name: 'absent networkAcls read as Azure defaults: no changes',
    state: () => [vault('kv-fresh')],
    spec: `${header()}  - name: kv-fresh
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Allow }
`,
    outcome: 'no-changes',
  },
  {
    name: 'VNet service endpoint: subnet endpoint added before the VNet rule',
    state: () => [
      ...networkEstate(),
      vault('kv-vnet', { networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' } }),
    ],
    spec: `${header()}  - name: kv-vnet
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      virtualNetworkRules:
        - subnet: { vnet: vnet-apps, name: snet-orders, resourceGroup: ${NET_RG} }
`,
    outcome: 'changes',
    steps: ['subnet:update:open', 'vault:update:open'],
  },
  {
    name: 'cross-subscription subnet with serviceEndpoint: ignore',
    state: () => [
      vault('kv-xsub', { networkAcls: { defaultAction: 'Deny' } }),
      vnet(
        'vnet-shared',
        '10.30.0.0/16',
        [{ name: 'snet-build', prefix: '10.30.1.0/24' }],
        'rg-shared',
        OTHER_SUB,
      ),
    ],
    spec: `${header()}  - name: kv-xsub
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      virtualNetworkRules:
        - subnet: ${subnetId('vnet-shared', 'snet-build', 'rg-shared', OTHER_SUB)}
          serviceEndpoint: ignore
`,
    outcome: 'changes',
    steps: ['vault:update:open'],
  },
  {
    name: 'trusted-services bypass restored (None → AzureServices)',
    state: () => [
      vault('kv-bypass', {
        networkAcls: {
          defaultAction: 'Deny',
          bypass: 'None',
          ipRules: [{ value: '20.50.10.7/32' }],
        },
      }),
    ],
    spec: `${header()}  - name: kv-bypass
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, bypass: AzureServices, ipRules: [20.50.10.7] }
`,
    outcome: 'changes',
    steps: ['vault:update:open'],
  },
  {
    name: 'private endpoint with DNS: zone → link → endpoint → zone group',
    state: () => [...networkEstate(), vault('kv-pe', { networkAcls: { defaultAction: 'Deny' } })],
    spec: `${header()}  - name: kv-pe
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny }
${peSpec('pe-kv-pe', localZoneDns)}`,
    outcome: 'changes',
    steps: [
      'dnsZone:create:open',
      'virtualNetworkLink:create:open',
      'privateEndpoint:create:open',
      'zoneGroup:create:open',
    ],
  },
  {
    name: 'public access disabled with the whole chain planned, hub zone in another subscription',
    state: () => [
      ...networkEstate(),
      vault('kv-private', { networkAcls: { defaultAction: 'Deny' } }),
      zone('rg-dns', HUB_SUB),
      zoneLink(zoneId('rg-dns', HUB_SUB), 'link-apps', vnetId('vnet-apps')),
    ],
    spec: `${header()}  - name: kv-private
    publicNetworkAccess: Disabled
    firewall: { defaultAction: Deny }
${peSpec('pe-kv-private', `          zoneId: ${zoneId('rg-dns', HUB_SUB)}\n          zoneGroup: default\n`)}`,
    outcome: 'changes',
    steps: ['privateEndpoint:create:open', 'zoneGroup:create:open', 'vault:update:narrow'],
  },
  {
    name: 'public access disabled with an incomplete chain (no DNS link): blocked',
    state: () => [
      ...networkEstate(),
      vault('kv-blocked', { networkAcls: { defaultAction: 'Deny' } }),
      zone('rg-dns', HUB_SUB),
    ],
    spec: `${header()}  - name: kv-blocked
    publicNetworkAccess: Disabled
    firewall: { defaultAction: Deny }
${peSpec('pe-kv-blocked', `          zoneId: ${zoneId('rg-dns', HUB_SUB)}\n          zoneGroup: default\n`)}`,
    outcome: 'changes',
    blocked: true,
    steps: ['privateEndpoint:create:open', 'zoneGroup:create:open', 'vault:update:narrow'],
  },
  {
    name: 'manual connection pending on a declared endpoint: approved',
    state: () => [
      ...networkEstate(),
      existingEndpoint('pe-kv-manual', 'kv-manual', { manual: true }),
      vault('kv-manual', {
        networkAcls: { defaultAction: 'Deny' },
        connections: [
          connection(
            vaultId('kv-manual'),
            'pe-kv-manual.conn',
            endpointId('pe-kv-manual'),
            'Pending',
          ),
        ],
      }),
    ],
    spec: `${header()}  - name: kv-manual
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny }
    privateEndpoints:
      - name: pe-kv-manual
        subnet: { vnet: vnet-apps, name: snet-pe, resourceGroup: ${NET_RG} }
        connectionName: pe-kv-manual-connection
        manualApproval: true
`,
    outcome: 'changes',
    steps: ['connection:update:open'],
  },
  {
    name: 'unknown connection from another tenant: rejected (destructive), never approved',
    state: () => [
      vault('kv-intruded', {
        publicNetworkAccess: 'Enabled',
        networkAcls: { defaultAction: 'Deny' },
        connections: [
          connection(
            vaultId('kv-intruded'),
            'intruder.conn',
            '/subscriptions/99999999-9999-9999-9999-999999999999/resourceGroups/attacker/providers/Microsoft.Network/privateEndpoints/intruder',
            'Pending',
          ),
        ],
      }),
    ],
    spec: `${header()}  - name: kv-intruded
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny }
    privateEndpointConnections: { unmanaged: reject }
`,
    outcome: 'changes',
    destructive: true,
    steps: ['connection:update:narrow'],
  },
  {
    name: 'unknown connection reported (unmanaged: report): no changes',
    state: () => [
      vault('kv-reported', {
        networkAcls: { defaultAction: 'Deny' },
        connections: [
          connection(
            vaultId('kv-reported'),
            'partner.conn',
            '/subscriptions/99999999-9999-9999-9999-999999999999/resourceGroups/partner/providers/Microsoft.Network/privateEndpoints/partner',
            'Pending',
          ),
        ],
      }),
    ],
    spec: `${header()}  - name: kv-reported
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny }
`,
    outcome: 'no-changes',
    findings: ['connection/unmanaged'],
  },
  {
    name: 'expired IP rule removed with its reason',
    state: () => [
      vault('kv-expiry', {
        networkAcls: {
          defaultAction: 'Deny',
          ipRules: [{ value: '20.50.10.7/32' }, { value: '52.174.0.0/24' }],
        },
      }),
    ],
    spec: `${header()}  - name: kv-expiry
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules:
        - { address: 20.50.10.7, expires: 2026-01-31 }
        - 52.174.0.0/24
`,
    outcome: 'changes',
    steps: ['vault:update:narrow'],
  },
  {
    name: 'endpoint created by kvnet and removed from the spec: deleted (destructive)',
    state: () => [
      ...networkEstate(),
      existingEndpoint('pe-kv-old', 'kv-cleanup', { tagged: true }),
      vault('kv-cleanup', {
        networkAcls: { defaultAction: 'Deny' },
        connections: [
          connection(vaultId('kv-cleanup'), 'pe-kv-old.conn', endpointId('pe-kv-old'), 'Approved'),
        ],
      }),
    ],
    spec: `${header()}  - name: kv-cleanup
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
`,
    outcome: 'changes',
    destructive: true,
    steps: ['vault:update:open', 'privateEndpoint:delete:narrow'],
  },
  {
    name: '403 on the hub zone: error, never "no changes"',
    state: () => [
      ...networkEstate(),
      vault('kv-denied', { networkAcls: { defaultAction: 'Deny' } }),
      zone('rg-dns', HUB_SUB),
    ],
    spec: `${header()}  - name: kv-denied
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny }
${peSpec('pe-kv-denied', `          zoneId: ${zoneId('rg-dns', HUB_SUB)}\n          zoneGroup: default\n`)}`,
    outcome: 'error',
    readFaults: [
      {
        method: 'GET',
        path: `/subscriptions/${HUB_SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/**`,
        status: 403,
        code: 'AuthorizationFailed',
      },
    ],
  },
  {
    name: 'vault that does not exist (its resource group neither): error',
    state: () => [vault('kv-elsewhere', { rg: 'rg-other' })],
    spec: `${header()}  - name: kv-ghost
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny }
`,
    outcome: 'error',
    findings: ['vault/missing'],
  },
  {
    name: 'several vaults in one resource group are listed, not fetched one by one',
    state: () => [vault('kv-a'), vault('kv-b', { networkAcls: { defaultAction: 'Deny' } })],
    spec: `${header()}  - name: kv-a
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Allow }
  - name: kv-b
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
`,
    outcome: 'changes',
    steps: ['vault:update:open'],
  },
];

export function stepSignature(step: { kind: string; action: string; phase: string }): string {
  return `${step.kind}:${step.action}:${step.phase}`;
}
