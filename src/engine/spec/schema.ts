// Spec v1: what users write, as a strict zod schema. The JSON Schema in schema/ is generated
// from this file (npm run schema), so descriptions here are what editors show.
import { z } from 'zod';
import { CLOUDS } from '../model/clouds.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const name = (what: string) => z.string().min(1).describe(what);

const subscriptionId = z.string().describe('Azure subscription id (a GUID).');

const subnetByName = z
  .strictObject({
    vnet: name('Name of the virtual network.'),
    name: name('Name of the subnet.'),
    resourceGroup: name(
      "Resource group of the virtual network; defaults to the vault's.",
    ).optional(),
    subscription: subscriptionId.optional(),
  })
  .describe(
    "A subnet named by its virtual network; resource group and subscription default to the vault's.",
  );

const subnetById = z
  .strictObject({ id: z.string().describe('Full resource id of the subnet.') })
  .describe('A subnet given by its full resource id.');

export const subnetRefSchema = z
  .union([
    z.string().describe('Full resource id of the subnet: /subscriptions/…/subnets/NAME.'),
    subnetById,
    subnetByName,
  ])
  .describe('A subnet: a resource id, { id }, or { vnet, name, resourceGroup?, subscription? }.');

const ipRuleObject = z
  .strictObject({
    address: z
      .string()
      .describe('A public IPv4 address (203.0.113.7) or CIDR range (198.51.100.0/24).'),
    note: z.string().max(200).describe('Why this rule exists; shown in plans.').optional(),
    expires: z
      .string()
      .regex(DATE, { error: 'expires must be a date written YYYY-MM-DD, for example 2027-03-31' })
      .describe(
        'Date (YYYY-MM-DD) after which the planner removes this rule; it warns 14 days before.',
      )
      .optional(),
  })
  .describe('An IP rule with an optional note and expiry date.');

export const ipRuleSchema = z
  .union([z.string().describe('A public IPv4 address or CIDR range.'), ipRuleObject])
  .describe('A public IPv4 address or CIDR range allowed through the firewall.');

/** The name of an ipSet or subnetSet. */
export const SET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

export const setRefSchema = z
  .strictObject({
    set: z
      .string()
      .regex(SET_NAME, {
        error:
          'a set name is 1–80 letters, digits, ".", "_" or "-", starting with a letter or digit',
      })
      .describe('Name of an ipSet (in ipRules) or a subnetSet (in virtualNetworkRules).'),
  })
  .describe('Every entry of a named set, defined under ipSets or subnetSets in any file.');

const ipRuleEntrySchema = z
  .union([ipRuleSchema, setRefSchema])
  .describe('An IP rule, or `set: NAME` for every entry of an ipSet.');

const virtualNetworkRuleSchema = z
  .strictObject({
    subnet: subnetRefSchema,
    serviceEndpoint: z
      .enum(['ensure', 'ignore'])
      .default('ensure')
      .describe(
        "ensure: add Microsoft.KeyVault to the subnet's service endpoints when missing (default). ignore: leave the subnet alone; the rule is set with ignoreMissingVnetServiceEndpoint and has no effect until the endpoint exists.",
      ),
  })
  .describe('Allow traffic from a subnet through its Microsoft.KeyVault service endpoint.');

const virtualNetworkRuleEntrySchema = z
  .union([virtualNetworkRuleSchema, setRefSchema])
  .describe('A VNet rule, or `set: NAME` for every entry of a subnetSet.');

const setName = z.string().regex(SET_NAME, {
  error: 'a set name is 1–80 letters, digits, ".", "_" or "-", starting with a letter or digit',
});

const ipSetsSchema = z
  .record(setName, z.array(ipRuleEntrySchema).describe('The entries of one ipSet.'))
  .describe(
    'Named lists of IP rules, defined once in the spec set (any file) and granted to vaults with `- set: NAME` in firewall.ipRules.',
  );

const subnetSetsSchema = z
  .record(setName, z.array(virtualNetworkRuleEntrySchema).describe('The entries of one subnetSet.'))
  .describe(
    'Named lists of VNet rules, defined once in the spec set (any file) and granted to vaults with `- set: NAME` in firewall.virtualNetworkRules. A subnet given by vnet and name resolves in each vault that uses the set.',
  );

const firewallSchema = z
  .strictObject({
    defaultAction: z
      .enum(['Allow', 'Deny'])
      .describe(
        'Allow: every network may reach the vault (rules have no effect). Deny: only the rules below, trusted services and private endpoints.',
      ),
    bypass: z
      .enum(['AzureServices', 'None'])
      .default('AzureServices')
      .describe(
        'AzureServices (default): trusted Microsoft services bypass the firewall. None: they do not.',
      ),
    ipRules: z
      .array(ipRuleEntrySchema)
      .default([])
      .describe(
        'Public IPv4 addresses and ranges, and ipSets (at most 1000 rules once sets are expanded).',
      ),
    virtualNetworkRules: z
      .array(virtualNetworkRuleEntrySchema)
      .default([])
      .describe(
        'Subnets allowed through service endpoints, and subnetSets (at most 200 once sets are expanded).',
      ),
  })
  .describe('The vault firewall (networkAcls).');

const dnsLinkSchema = z
  .strictObject({
    vnet: name('Virtual network to link: its name, or its full resource id.'),
    name: name('Name of the virtual network link.'),
    resourceGroup: name(
      "Resource group of the virtual network; defaults to the vault's.",
    ).optional(),
    subscription: subscriptionId.optional(),
  })
  .describe(
    'A link between the private DNS zone and a virtual network that must resolve the vault.',
  );

const dnsSchema = z
  .strictObject({
    zone: name(
      "Private DNS zone name, created in the endpoint's resource group if absent (privatelink.vaultcore.azure.net).",
    ).optional(),
    zoneId: z.string().describe('Resource id of an existing (hub) private DNS zone.').optional(),
    links: z.array(dnsLinkSchema).default([]).describe('Virtual network links the zone must have.'),
    zoneGroup: name(
      'Name of the DNS zone group on the private endpoint, which keeps the A record in the zone.',
    ).optional(),
  })
  .describe('Private DNS for the endpoint: give zone or zoneId, not both.');

const privateEndpointSchema = z
  .strictObject({
    name: name('Name of the private endpoint.'),
    subnet: subnetRefSchema,
    connectionName: name('Name of the private link service connection.'),
    resourceGroup: name("Resource group of the endpoint; defaults to the vault's.").optional(),
    location: name("Region of the endpoint; defaults to the virtual network's.").optional(),
    manualApproval: z
      .boolean()
      .default(false)
      .describe(
        'Request the connection for manual approval instead of approving it automatically.',
      ),
    requestMessage: z
      .string()
      .max(140)
      .describe('Message sent with a manual connection request (at most 140 characters).')
      .optional(),
    dns: dnsSchema.optional(),
  })
  .describe('A private endpoint to the vault, with its private DNS.');

const disableFindingsSchema = z
  .array(
    z.string().regex(/^(policy|practice)\/[a-z-]+$/, {
      error: 'only best-practice findings can be disabled: write an id such as policy/private-link',
    }),
  )
  .default([])
  .describe(
    'Best-practice finding ids (policy/…, practice/…) not to report, e.g. policy/private-link.',
  );

export const vaultSchema = z
  .strictObject({
    name: z.string().describe('Name of the key vault (3–24 letters, digits and hyphens).'),
    subscription: subscriptionId.optional(),
    resourceGroup: name(
      'Resource group of the vault; defaults to defaults.resourceGroup.',
    ).optional(),
    publicNetworkAccess: z
      .enum(['Enabled', 'Disabled', 'SecuredByPerimeter'])
      .describe(
        'Enabled: the firewall decides. Disabled: only private endpoints and trusted services reach the vault. SecuredByPerimeter: a network security perimeter decides public access (kvnet keeps it and cannot verify that path).',
      ),
    firewall: firewallSchema,
    privateEndpoints: z
      .array(privateEndpointSchema)
      .default([])
      .describe('Private endpoints to the vault.'),
    privateEndpointConnections: z
      .strictObject({
        unmanaged: z
          .enum(['report', 'reject'])
          .default('report')
          .describe(
            'What to do with connections to this vault that the spec does not declare: report them, or reject them.',
          ),
      })
      .default({ unmanaged: 'report' })
      .describe('Policy for private endpoint connections other parties request to this vault.'),
    acknowledgeLockout: z
      .boolean()
      .default(false)
      .describe(
        "Set to true to accept a configuration in which no client can reach the vault's data plane.",
      ),
    disableFindings: disableFindingsSchema,
  })
  .describe('The network configuration of one key vault.');

// A Managed HSM pool (Microsoft.KeyVault/managedHSMs) has the same network model as a vault
// (MHSMNetworkRuleSet: defaultAction, bypass, ipRules, virtualNetworkRules; private endpoints
// with group managedhsm); src/engine/model/target-kinds.ts holds what differs.
export const managedHsmSchema = vaultSchema
  .extend({
    name: z.string().describe('Name of the managed HSM pool (3–24 letters, digits and hyphens).'),
    firewall: firewallSchema.describe(
      'The managed HSM firewall (networkAcls). The service wants defaultAction Deny when ipRules are given.',
    ),
  })
  .describe('The network configuration of one Managed HSM pool.');

export const specSchema = z
  .strictObject({
    version: z.literal(1).describe('Spec format version; always 1.'),
    defaults: z
      .strictObject({
        subscription: subscriptionId.optional(),
        resourceGroup: name('Default resource group.').optional(),
        location: name('Default region for new resources.').optional(),
        cloud: z
          .enum(CLOUDS)
          .default('AzureCloud')
          .describe('Azure cloud of every vault in this file.'),
        disableFindings: disableFindingsSchema,
      })
      .default({ cloud: 'AzureCloud', disableFindings: [] })
      .describe('Values that vaults and their resources inherit unless they set their own.'),
    vaults: z
      .array(vaultSchema)
      .describe('The key vaults whose network access this file declares.'),
    ipSets: ipSetsSchema.default({}),
    subnetSets: subnetSetsSchema.default({}),
    managedHsms: z
      .array(managedHsmSchema)
      .default([])
      .describe('The Managed HSM pools whose network access this file declares.'),
  })
  .describe('kvnet spec: the network security of Azure Key Vaults.');

export type Spec = z.output<typeof specSchema>;
export type VaultSpec = Spec['vaults'][number];
export type ManagedHsmSpec = Spec['managedHsms'][number];
export type FirewallSpec = VaultSpec['firewall'];
/** A plain IP rule (what a set expands to). */
export type IpRuleSpec = z.output<typeof ipRuleSchema>;
/** A plain VNet rule (what a set expands to). */
export type VirtualNetworkRuleSpec = z.output<typeof virtualNetworkRuleSchema>;
/** An entry of firewall.ipRules or of an ipSet: a rule, or `set: NAME`. */
export type IpRuleEntry = FirewallSpec['ipRules'][number];
/** An entry of firewall.virtualNetworkRules or of a subnetSet: a rule, or `set: NAME`. */
export type VirtualNetworkRuleEntry = FirewallSpec['virtualNetworkRules'][number];
export type SetRef = z.output<typeof setRefSchema>;
export type SubnetRef = z.output<typeof subnetRefSchema>;
export type PrivateEndpointSpec = VaultSpec['privateEndpoints'][number];
export type DnsSpec = NonNullable<PrivateEndpointSpec['dns']>;
