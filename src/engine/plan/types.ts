// The plan model: what will change, in which order, with what effect on who can reach each
// vault. Renderers and the applier read only this; nothing here is rendered text.
import type { SourceRef } from '../state/desired.js';
import type { ReadFailure } from '../state/live.js';

export const PLAN_SCHEMA_VERSION = 1;

export type ResourceKind =
  | 'vault'
  | 'subnet'
  | 'privateEndpoint'
  | 'dnsZone'
  | 'virtualNetworkLink'
  | 'zoneGroup'
  | 'connection';
export type StepAction = 'create' | 'update' | 'delete' | 'replace';
export type Impact = 'widens' | 'narrows' | 'neutral';
/** Opening steps run first, narrowing steps last, so access is never cut on the way. */
export type Phase = 'open' | 'narrow';
export type Scalar = string | number | boolean;

export interface PropertyChange {
  /** e.g. `networkAcls.ipRules`, `publicNetworkAccess`, `serviceEndpoints`. */
  readonly property: string;
  /** For set-like properties: one element added or removed. */
  readonly op: 'set' | 'add' | 'remove';
  readonly before?: Scalar;
  readonly after?: Scalar;
  readonly impact: Impact;
  /** Why, when the spec alone does not say (e.g. "expired on 2026-01-31"). */
  readonly reason?: string;
  /** True when `before` was absent on read and shown as Azure's default. */
  readonly beforeIsDefault?: boolean;
}

export interface VaultNetworkPayload {
  readonly publicNetworkAccess: string;
  readonly networkAcls: {
    readonly defaultAction: string;
    readonly bypass: string;
    readonly ipRules: readonly string[];
    readonly virtualNetworkRules: readonly {
      readonly id: string;
      readonly ignoreMissingVnetServiceEndpoint: boolean;
    }[];
  };
}

export type StepPayload =
  | { readonly kind: 'vault'; readonly network: VaultNetworkPayload }
  | { readonly kind: 'subnet'; readonly addServiceEndpoint: 'Microsoft.KeyVault' }
  | {
      readonly kind: 'privateEndpoint';
      readonly location?: string;
      readonly subnetId: string;
      readonly vaultId: string;
      readonly connectionName: string;
      readonly manualApproval: boolean;
      readonly requestMessage?: string;
    }
  | { readonly kind: 'dnsZone' }
  | { readonly kind: 'virtualNetworkLink'; readonly virtualNetworkId: string }
  | {
      readonly kind: 'zoneGroup';
      readonly privateEndpointId: string;
      readonly zoneIds: readonly string[];
    }
  | {
      readonly kind: 'connection';
      readonly vaultId: string;
      readonly connectionName?: string;
      readonly privateEndpointId: string;
      readonly status: 'Approved' | 'Rejected';
    };

export interface StepFlags {
  /** Deletes or rejects something; needs --allow-destructive. */
  readonly destructive: boolean;
  /** Leaves a vault reachable by no client; needs acknowledgeLockout in the spec. */
  readonly lockout: boolean;
  /** Its preconditions are missing and not planned; it will not run. */
  readonly blocked: boolean;
}

export interface PlanStep {
  /** Stable within a plan: kind, resource and phase. */
  readonly id: string;
  readonly kind: ResourceKind;
  readonly action: StepAction;
  readonly phase: Phase;
  readonly resourceId: string;
  readonly resourceName: string;
  /** The vault this step serves (by name); several for a shared subnet or zone. */
  readonly vaults: readonly string[];
  readonly changes: readonly PropertyChange[];
  readonly dependsOn: readonly string[];
  readonly impact: Impact;
  readonly flags: StepFlags;
  /** Explanations a reviewer needs: why blocked, why destructive, what waits on whom. */
  readonly notes: readonly string[];
  readonly payload: StepPayload;
}

export type FindingLevel = 'error' | 'warning' | 'info';

export interface PlanFinding {
  readonly level: FindingLevel;
  /** Stable id such as `lockout`, `connection/unmanaged`; warnings can be disabled by id. */
  readonly rule: string;
  readonly message: string;
  readonly vault?: string;
  readonly source?: SourceRef;
}

export interface Reachability {
  /** everyone (Allow), listed (Deny with rules), none (Disabled, or Deny without rules). */
  readonly publicNetwork: 'everyone' | 'listed' | 'none';
  readonly ipRanges: readonly string[];
  readonly subnets: readonly string[];
  readonly privateEndpoints: readonly string[];
  readonly trustedServices: boolean;
  /** Configuration that has no effect, with the reason. */
  readonly deadConfig: readonly string[];
}

export interface VaultPlan {
  readonly id: string;
  readonly name: string;
  readonly source: SourceRef;
  readonly before: Reachability;
  readonly after: Reachability;
  readonly adds: number;
  readonly changes: number;
  readonly removals: number;
  /** Some change lets more callers in. */
  readonly widens: boolean;
  /** Some change may lock a caller out. */
  readonly narrows: boolean;
}

export type Outcome = 'no-changes' | 'changes' | 'error';

export interface Plan {
  readonly schemaVersion: typeof PLAN_SCHEMA_VERSION;
  readonly outcome: Outcome;
  readonly fingerprint: string;
  readonly vaults: readonly VaultPlan[];
  /** In execution order. */
  readonly steps: readonly PlanStep[];
  readonly findings: readonly PlanFinding[];
  readonly readErrors: readonly ReadFailure[];
}
