// The plan model (JSON schema version 3): what will change, in which order, and what each
// change does to who can reach each vault. Renderers and the applier read only this; nothing
// here is English: reasons, notes and findings are codes with parameters, rendered in render/.
import type { AccessChange, AccessPath, VaultAccess } from '../analysis/access.js';
import type { SourceRef } from '../state/desired.js';
import type { ReadFailure } from '../state/live.js';
import type { PlanBasis } from './basis.js';

export const PLAN_SCHEMA_VERSION = 3;

export type ResourceKind =
  | 'vault'
  | 'subnet'
  | 'privateEndpoint'
  | 'dnsZone'
  | 'virtualNetworkLink'
  | 'zoneGroup'
  | 'connection';
/** `replace` is delete then create, in that order (`replaceOrder`). */
export type StepAction = 'create' | 'update' | 'delete' | 'replace';
/** Derived from the access model: what executing a step (or a whole plan) does to callers. */
export type Impact = 'widens' | 'narrows' | 'both' | 'none';
/** Opening steps run first, narrowing steps last, so access is never cut on the way. */
export type Phase = 'open' | 'narrow';
export type Scalar = string | number | boolean;

/** Parameters of a coded message: plain values, rendered by render/messages.ts. */
export type Params = Readonly<Record<string, Scalar | readonly string[] | readonly Coded[]>>;

/** A coded explanation: `code` selects the sentence, `params` fill it. */
export interface Coded {
  readonly code: string;
  readonly params: Params;
}

export interface PropertyChange {
  /** e.g. `networkAcls.ipRules`, `publicNetworkAccess`, `serviceEndpoints`. */
  readonly property: string;
  /** For set-like properties: one element added or removed. */
  readonly op: 'set' | 'add' | 'remove';
  readonly before?: Scalar;
  readonly after?: Scalar;
  /** Why, when the spec alone does not say (e.g. `ip-rule/expired` with its date). */
  readonly reason?: Coded;
  /** True when `before` was absent on read and shown as Azure's default. */
  readonly beforeIsDefault?: boolean;
  /**
   * For an IP or VNet rule: the named sets (ipSets / subnetSets) of the spec it comes from.
   * Absent for a rule the vault writes itself, and for a removal kvnet cannot trace to a set.
   */
  readonly sets?: readonly string[];
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
  /** Leaves a vault reachable by no client (at this step); needs acknowledgeLockout. */
  readonly lockout: boolean;
  /** It would cut access the spec does not accept cutting; it will not run. */
  readonly blocked: boolean;
}

/** What one step's execution does to one vault's access (a difference of the access model). */
export interface VaultEffect extends AccessChange {
  readonly vault: string;
}

export interface Bystanders {
  readonly count: number;
  readonly possiblyLost: AccessPath;
}

export interface PlanStep {
  /** Stable within a plan: kind, resource and phase. */
  readonly id: string;
  readonly kind: ResourceKind;
  readonly action: StepAction;
  /** Present for `replace`: the order of its two halves. */
  readonly replaceOrder?: readonly ['delete', 'create'];
  readonly phase: Phase;
  readonly resourceId: string;
  readonly resourceName: string;
  /** The vaults this step serves (by name); several for a shared subnet or zone. */
  readonly vaults: readonly string[];
  readonly changes: readonly PropertyChange[];
  readonly dependsOn: readonly string[];
  /** Derived: the union of `effects`. */
  readonly impact: Impact;
  /** Derived: the access difference this step makes, on every vault it affects. */
  readonly effects: readonly VaultEffect[];
  /**
   * Derived, for a subnet step: the vaults it reaches only through that subnet's public-address
   * clients (they admit public egress and have no VNet rule on it), counted once rather than
   * listed in `effects`; each may lose `possiblyLost`. Absent when there are none.
   */
  readonly bystanders?: Bystanders;
  /**
   * Derived, for narrowing steps: access paths (by key, per vault) that must be open before it
   * runs, because the vault keeps only those once it has run. The applier checks them on a
   * fresh read.
   */
  readonly requires: readonly { readonly vault: string; readonly paths: readonly AccessPath[] }[];
  readonly flags: StepFlags;
  /** Explanations a reviewer needs: why blocked, why destructive, what waits on whom. */
  readonly notes: readonly Coded[];
  readonly payload: StepPayload;
}

export type FindingLevel = 'error' | 'warning' | 'info';

export interface PlanFinding {
  readonly level: FindingLevel;
  /** Stable id such as `lockout`, `connection/unmanaged`; it also selects the message. */
  readonly rule: string;
  readonly params: Params;
  readonly vault?: string;
  readonly source?: SourceRef;
}

export interface VaultPlan {
  readonly id: string;
  readonly name: string;
  readonly source: SourceRef;
  /** Who can reach the vault now, and after the plan (the access model, computed). */
  readonly before: VaultAccess;
  readonly after: VaultAccess;
  /** Derived: after − before. */
  readonly net: AccessChange;
  readonly impact: Impact;
  readonly adds: number;
  readonly changes: number;
  readonly removals: number;
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
  /** The reviewed basis per vault and per resource a step writes (basis.ts); absent on errors. */
  readonly basis?: PlanBasis;
  /**
   * Derived from the steps: each change to a named set once, with every vault it reaches
   * (plan/set-changes.ts). Absent when the plan touches no set-derived rule.
   */
  readonly setChanges?: readonly SetChange[];
}

/** One rule entering or leaving the vaults that use a named set. */
export interface SetChange {
  readonly kind: 'ipSet' | 'subnetSet';
  readonly set: string;
  readonly op: 'add' | 'remove';
  /** A canonical CIDR (ipSet) or a subnet id (subnetSet). */
  readonly value: string;
  /** The vaults whose plan adds or removes the rule because of this set, sorted. */
  readonly vaults: readonly string[];
  /** The rule's note and expiry, or why it goes (as on the step's change). */
  readonly reason?: Coded;
  /**
   * How the change was traced to the set: `spec`, the rule is in the set (an addition, or an
   * expired entry); `every-user`, a removal no longer in the spec that every vault using the
   * set loses (live state does not say where a rule came from).
   */
  readonly evidence: 'spec' | 'every-user';
}
