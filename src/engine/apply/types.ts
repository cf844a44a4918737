// The apply's contract: what it is given, and the report it returns. The applier re-reads
// live state, re-plans, refuses a stale reviewed plan, runs the steps in dependency order
// through the writer port, verifies each write, and re-plans at the end (DESIGN.md §5).
import type { AzureReader } from '../../ports/azure-reader.js';
import type { Plan, PlanStep } from '../plan/types.js';
import type { DesiredState } from '../state/desired.js';
import type { LiveReads } from '../state/read-live.js';
import type { MismatchPolicy, ReviewedPlan, VaultRefusal } from './reviewed-basis.js';

export interface ApplyOptions {
  /** The fingerprint reviewers saw; when it differs from the fresh plan's, nothing is written. */
  readonly reviewedFingerprint?: string;
  /** The reviewed plan itself (JSON plan), to name the fields that moved on a mismatch. */
  readonly reviewedPlan?: Plan;
  /**
   * Every reviewed plan that may cover the fresh one (newest first): the pull requests merged
   * since the last successful apply. Each vault is judged against them (reviewed-basis.ts).
   */
  readonly reviewed?: readonly ReviewedPlan[];
  /** `per-vault` (default): apply the vaults whose basis holds; `all-or-nothing`: refuse all. */
  readonly onPlanMismatch?: MismatchPolicy;
  readonly allowDestructive: boolean;
  /** Vaults (and their steps) processed at once. */
  readonly maxParallel: number;
  /** Longest single wait between retries or polls, in ms (default 120 s). */
  readonly maxWaitMs?: number;
  /** Base of the exponential backoff between retries, in ms (default 2 s). */
  readonly backoffBaseMs?: number;
  /**
   * Writes started per second in one subscription, at most (default 8, under ARM's refill of
   * 10/s); 0 turns pacing off.
   */
  readonly writesPerSecondPerSubscription?: number;
  /**
   * Asked before each step starts: once it answers true, no further step starts (those report
   * "not started: interrupted"), running steps finish, and no re-plan is made (the CLI's Ctrl-C).
   */
  readonly stopRequested?: () => boolean;
  /**
   * Makes the plan to execute and the re-plan that proves convergence (default: the full plan).
   * The drift fix passes the narrowing-only planner: it applies those steps alone and converges
   * when no narrowing step is left. `reads` is given to the first plan only (firstReads).
   */
  readonly planner?: (
    desired: DesiredState,
    reader: AzureReader,
    reads?: LiveReads,
  ) => Promise<Plan>;
  /**
   * Reads begun on the same reader while the spec set loaded (cli/early-reads.ts), for the
   * plan to execute; the re-plan after the writes reads afresh.
   */
  readonly firstReads?: LiveReads;
  /** Reports each step as it starts and ends (the CLI prints progress from it). */
  readonly onProgress?: (event: ApplyProgress) => void;
}

export type StepStatus = 'done' | 'failed' | 'not-started';

export interface StepResult {
  readonly step: PlanStep;
  readonly status: StepStatus;
  /** For failed steps: Azure's error code (or one we derived) and message. */
  readonly code?: string;
  readonly message?: string;
  /** For not-started steps: why (a failed dependency, blocked, destructive not allowed…). */
  readonly reason?: string;
  readonly attempts: number;
}

export type ApplyOutcome =
  /** Everything applied and the re-plan is empty. */
  | 'applied'
  /** Nothing to do: the fresh plan had no changes. */
  | 'no-changes'
  /** Refused before any write: invalid plan, stale fingerprint, destructive steps not allowed… */
  | 'refused'
  /** The vaults whose reviewed basis held were applied (and converged); the others were refused. */
  | 'partial'
  /** Some step failed; independent steps ran. Re-running converges. */
  | 'failed'
  /** All steps ran but the re-plan still has changes. */
  | 'not-converged'
  /** Stopped on request: running steps finished, the rest did not start. Re-running converges. */
  | 'interrupted';

export interface ApplyReport {
  readonly outcome: ApplyOutcome;
  /** Why the apply was refused or did not converge, in sentences for a person. */
  readonly messages: readonly string[];
  /** The plan that was executed (the fresh one). */
  readonly plan: Plan;
  readonly results: readonly StepResult[];
  /** The re-plan after the apply; empty when converged. */
  readonly residual?: Plan;
  /** Vaults refused because their reviewed basis moved (nothing was written to them). */
  readonly refusedVaults?: readonly VaultRefusal[];
  /** Vault name → the reviewed plan that covered its steps. */
  readonly coveredBy?: ReadonlyMap<string, string>;
}

export type ApplyProgress =
  /** The fresh plan the apply executes, before its first step starts (for `[i/N]` counters). */
  | { readonly kind: 'plan-ready'; readonly steps: readonly PlanStep[] }
  | { readonly kind: 'step-started'; readonly step: PlanStep; readonly attempt: number }
  | { readonly kind: 'step-finished'; readonly result: StepResult }
  | {
      readonly kind: 'waiting';
      readonly step: PlanStep;
      readonly ms: number;
      readonly reason: string;
    };
