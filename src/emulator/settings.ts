// Run-time knobs of the emulator, changeable through POST /_emulator/settings.
import { z } from 'zod';
import { roleModelSchema } from './authorization.js';
import { policySchema } from './policy.js';

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
});

export type EmulatorSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: EmulatorSettings = {
  latencyMs: 0,
  latencyJitterMs: 0,
  lroInProgressPolls: 0,
  lroSettleAfterMs: 30_000,
  retryAfterSeconds: 0,
  networkAclsWhenPublicAccessDisabled: 'hidden',
  pageSize: 0,
  subnetIfMatch: 'honoured',
  roleModel: null,
  policies: [],
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
