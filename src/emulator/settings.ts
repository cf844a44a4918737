// Run-time knobs of the emulator, changeable through POST /_emulator/settings.
import { z } from 'zod';
import { roleModelSchema } from './authorization.js';
import { policySchema } from './policy.js';

/**
 * A simulated DeployIfNotExists Azure Policy (the built-in "Configure Azure Key Vaults to use
 * private DNS zones", ac673a9a-f77d-4846-b2d8-a57f8e1c01d4): once a private endpoint whose
 * automatic connection has group `vault` is provisioned and holds no zone group, a zone group
 * (`deployedByPolicy`, config `keyvault-privateDnsZone`) pointing at the zone is created.
 */
export const zoneGroupPolicySchema = z.strictObject({
  privateDnsZoneId: z.string().min(1),
  groupName: z.string().min(1).default('deployedByPolicy'),
  configName: z.string().min(1).default('keyvault-privateDnsZone'),
});

export type ZoneGroupPolicy = z.infer<typeof zoneGroupPolicySchema>;
/** As a caller writes it: the names may be left to their defaults. */
export type ZoneGroupPolicyInput = z.input<typeof zoneGroupPolicySchema>;

export const settingsSchema = z.strictObject({
  /** Added to every ARM request before it is handled. */
  latencyMs: z.number().int().min(0).max(60_000),
  /** Extra uniform random latency in [0, latencyJitterMs]. */
  latencyJitterMs: z.number().int().min(0).max(60_000),
  /** Polls that answer InProgress before a long-running operation ends. */
  lroInProgressPolls: z.number().int().min(0).max(1000),
  /** An operation never polled ends by itself after this long (ms). */
  lroSettleAfterMs: z.number().int().min(0),
  /** Retry-After (seconds) on polling answers. 0 keeps SDK tests fast. */
  retryAfterSeconds: z.number().int().min(0).max(3600),
  /** A DINE policy deploying zone groups on new vault endpoints; null = no policy. */
  zoneGroupPolicy: zoneGroupPolicySchema.nullable(),
  /**
   * A vault GET while publicNetworkAccess is Disabled (azure-powershell #20744): `hidden`
   * withholds networkAcls but keeps them (they come back when public access is enabled);
   * `cleared` withholds them and a write that leaves public access Disabled wipes them;
   * `shown` returns them as stored (the old emulator, kinder than Azure).
   */
  networkAclsWhenPublicAccessDisabled: z.enum(['hidden', 'cleared', 'shown']),
  /**
   * Forces every list to pages of at most this many items (`nextLink` with `$skiptoken`);
   * 0 keeps each list's Azure default (Private DNS record sets: 100 per page; others whole).
   */
  pageSize: z.number().int().min(0).max(1000),
  /**
   * Subnet PUT with `If-Match`: `honoured` answers 412 when the etag moved (as NRP does for
   * NSGs; for subnets AZURE-FACTS §7 leaves it open), `ignored` writes regardless.
   */
  subnetIfMatch: z.enum(['honoured', 'ignored']),
  /** The optional role model (authorization.ts); null lets every token do everything. */
  roleModel: roleModelSchema.nullable(),
  /** Azure Policy assignments evaluated on vault writes (policy.ts); none by default. */
  policies: z.array(policySchema),
  /**
   * Bearer token → the caller the activity log names for its writes; a token not listed is
   * named from its JWT claims (upn, unique_name, appid, oid), else by a stand-in object id.
   */
  activityLogCallers: z.record(z.string(), z.string().min(1)),
  /**
   * How long after an event the activity log lists it (ms). Azure shows events after a delay
   * of minutes that it does not bound exactly; 0 shows them at once (tests that read right
   * after writing set it).
   */
  activityLogDelayMs: z.number().int().min(0).max(3_600_000),
  /**
   * Managed HSM virtualNetworkRules: `accepted` as the REST API spec (MHSMNetworkRuleSet)
   * has them; `refused` (400) as Az.KeyVault documents the service does today.
   */
  managedHsmVirtualNetworkRules: z.enum(['accepted', 'refused']),
  /**
   * ARM's per-subscription token buckets (arm-headers.ts): `enforced` answers 429
   * SubscriptionRequestsThrottled with Retry-After when a bucket is empty, as ARM does;
   * `off` only reports what is left.
   */
  armThrottling: z.enum(['enforced', 'off']),
});

export type EmulatorSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: EmulatorSettings = {
  latencyMs: 0,
  latencyJitterMs: 0,
  lroInProgressPolls: 0,
  lroSettleAfterMs: 30_000,
  retryAfterSeconds: 0,
  zoneGroupPolicy: null,
  networkAclsWhenPublicAccessDisabled: 'hidden',
  pageSize: 0,
  subnetIfMatch: 'honoured',
  roleModel: null,
  policies: [],
  activityLogCallers: {},
  activityLogDelayMs: 300_000,
  managedHsmVirtualNetworkRules: 'accepted',
  armThrottling: 'enforced',
};

export function mergeSettings(current: EmulatorSettings, patch: unknown): EmulatorSettings {
  const parsed = settingsSchema.partial().safeParse(patch ?? {});
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
  }
  const next = { ...current };
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  return next;
}
