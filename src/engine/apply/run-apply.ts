// The apply use case: re-plan from fresh reads, refuse what reviewers did not see, then run
// the steps in dependency order (opening first, narrowing last, writes in one VNet one at a
// time), verify each write, and re-plan to prove convergence.
import { resourceIdKey } from '../model/resource-id.js';
import { makePlan } from '../plan/make-plan.js';
import { checkPreconditions } from '../plan/preconditions.js';
import { noteText, pathText } from '../render/messages.js';
import type { Plan, PlanStep } from '../plan/types.js';
import { findingLine, readErrorLines } from '../render/plan-lines.js';
import type { DesiredState } from '../state/desired.js';
import { BoundedRunner } from '../state/concurrency.js';
import { virtualNetworkOf, type LiveReads } from '../state/read-live.js';
import type { AzureReader } from '../../ports/azure-reader.js';
import type { AzureWriter } from '../../ports/azure-writer.js';
import { WriteFailure } from './write-failure.js';
import { executeStep, verifyStep } from './execute-step.js';
import { pacedWriter, WritePacer, DEFAULT_WRITES_PER_SECOND_PER_SUBSCRIPTION } from './pacer.js';
import {
  acceptedSteps,
  judgeReviewed,
  refusalLines,
  type BasisJudgement,
  type ExpiredRules,
  type ReviewedPlan,
} from './reviewed-basis.js';
import { touchedVaults } from '../plan/steps-by-vault.js';
import {
  asWriteFailure,
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_MAX_WAIT_MS,
  realSleep,
  withRetries,
  type RetrySettings,
} from './retry.js';
import type { ApplyOptions, ApplyReport, StepResult } from './types.js';

export interface ApplyDependencies {
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock the write pacer reads (ms); Date.now by default. */
  readonly now?: () => number;
}

/** Serialises work per key (one VNet's writes), in arrival order. */
class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string | undefined, task: () => Promise<T>): Promise<T> {
    if (key === undefined) return task();
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(
      key,
      previous.then(() => current),
    );
    await previous;
    try {
      return await task();
    } finally {
      release();
    }
  }
}

/**
 * The VNet whose lock a step's write takes in Azure (409 AnotherOperationInProgress when two
 * overlap): subnet writes, private endpoint writes, and zone-group writes, which update the
 * endpoint in its subnet. `endpointSubnets` maps endpoint ids (resourceIdKey) to subnet ids.
 */
function virtualNetworkLock(
  step: PlanStep,
  endpointSubnets: ReadonlyMap<string, string>,
): string | undefined {
  if (step.payload.kind === 'subnet') return resourceIdKey(virtualNetworkOf(step.resourceId));
  if (step.payload.kind === 'privateEndpoint')
    return resourceIdKey(virtualNetworkOf(step.payload.subnetId));
  if (step.payload.kind === 'zoneGroup') {
    const subnet = endpointSubnets.get(resourceIdKey(step.payload.privateEndpointId));
    return subnet === undefined ? undefined : resourceIdKey(virtualNetworkOf(subnet));
  }
  return undefined;
}

function endpointSubnetsOf(desired: DesiredState, plan: Plan): Map<string, string> {
  const subnets = new Map<string, string>();
  for (const vault of desired.vaults)
    for (const endpoint of vault.privateEndpoints)
      subnets.set(resourceIdKey(endpoint.id), endpoint.subnetId);
  for (const step of plan.steps)
    if (step.payload.kind === 'privateEndpoint')
      subnets.set(resourceIdKey(step.resourceId), step.payload.subnetId);
  return subnets;
}

function refuse(plan: Plan, messages: string[]): ApplyReport {
  return {
    outcome: 'refused',
    messages,
    plan,
    results: plan.steps.map((step) => ({
      step,
      status: 'not-started',
      reason: 'the apply was refused',
      attempts: 0,
    })),
  };
}

function reviewedPlansOf(options: ApplyOptions): ReviewedPlan[] | undefined {
  if (options.reviewed) return [...options.reviewed];
  const fingerprint = options.reviewedFingerprint ?? options.reviewedPlan?.fingerprint;
  if (fingerprint === undefined) return undefined;
  const plan = options.reviewedPlan?.fingerprint === fingerprint ? options.reviewedPlan : undefined;
  return [{ label: 'the reviewed plan', fingerprint, plan }];
}

/** The spec's IP rules that have expired today, per vault (for judgeReviewed). */
export function expiredRulesOf(desired?: DesiredState): ExpiredRules {
  return new Map(
    (desired?.vaults ?? []).map((vault) => [
      vault.name,
      new Map(vault.expiredRules.map((rule) => [rule.cidr, rule.expires ?? ''])),
    ]),
  );
}

/** How the fresh plan stands against the reviewed plans; undefined when none was given. */
export function judgeApply(
  plan: Plan,
  options: ApplyOptions,
  desired?: DesiredState,
): BasisJudgement | undefined {
  const reviewed = reviewedPlansOf(options);
  return reviewed ? judgeReviewed(plan, reviewed, expiredRulesOf(desired)) : undefined;
}

/** Reasons not to write anything at all (the CLI asks them before it prompts, too). */
export function applyRefusals(plan: Plan, options: ApplyOptions, desired?: DesiredState): string[] {
  if (plan.outcome === 'error') {
    return [
      'the fresh plan has errors, so nothing was applied:',
      ...readErrorLines(plan),
      ...plan.findings.filter((finding) => finding.level === 'error').map(findingLine),
    ];
  }
  const judgement = judgeApply(plan, options, desired);
  if (
    judgement &&
    judgement.refused.length > 0 &&
    (options.onPlanMismatch === 'all-or-nothing' || judgement.accepted.size === 0)
  ) {
    const reviewed = reviewedPlansOf(options) ?? [];
    const single = reviewed.length === 1 ? reviewed[0] : undefined;
    return [
      single
        ? `the plan changed since it was reviewed (reviewed ${single.fingerprint}, now ${plan.fingerprint}), so nothing was applied; re-run plan and review it again.`
        : `no vault of the fresh plan (${plan.fingerprint}) is covered by a reviewed plan whose basis still holds, so nothing was applied; re-run plan and review it again.`,
      ...(options.onPlanMismatch === 'all-or-nothing' && judgement.accepted.size > 0
        ? [
            `on-plan-mismatch is all-or-nothing: ${judgement.accepted.size} vault(s) whose basis held (${[...judgement.accepted.keys()].join(', ')}) were not applied either.`,
          ]
        : []),
      ...refusalLines(judgement),
    ];
  }
  const runnable = judgement ? acceptedSteps(plan, judgement) : plan.steps;
  const destructive = runnable.filter((step) => step.flags.destructive);
  if (destructive.length > 0 && !options.allowDestructive) {
    return [
      `the plan has ${destructive.length} destructive step${destructive.length === 1 ? '' : 's'} and --allow-destructive was not given, so nothing was applied:`,
      ...destructive.map((step) => `${step.action} ${step.kind} ${step.resourceName}`),
    ];
  }
  return [];
}

/**
 * A narrowing step runs only when a fresh read proves that, once it has run, the vault keeps
 * every path the plan said it keeps (the opening steps it relies on are in effect).
 */
async function checkNarrowingPreconditions(
  step: PlanStep,
  desired: DesiredState,
  reader: AzureReader,
): Promise<void> {
  const result = await checkPreconditions(step, desired, reader);
  if (result.ok) return;
  const why = result.unreadable
    ? 'the live state could not be read'
    : `these paths would not be open: ${result.missing
        .map((entry) => `${entry.vault}: ${entry.paths.map(pathText).join(', ')}`)
        .join('; ')}`;
  throw new WriteFailure(
    step.resourceId,
    `precondition not met before narrowing: ${why}`,
    'PreconditionFailed',
  );
}

export async function applyPlan(
  desired: DesiredState,
  reader: AzureReader,
  writer: AzureWriter,
  options: ApplyOptions,
  dependencies: ApplyDependencies = {},
): Promise<ApplyReport> {
  const planner =
    options.planner ??
    ((wanted: DesiredState, from: AzureReader, reads?: LiveReads) =>
      makePlan(wanted, from, { reads }));
  const plan = await planner(desired, reader, options.firstReads);
  const refused = applyRefusals(plan, options, desired);
  if (refused.length > 0) return refuse(plan, refused);
  if (plan.outcome === 'no-changes')
    return { outcome: 'no-changes', messages: [], plan, results: [] };
  const judgement = judgeApply(plan, options, desired);
  const refusedVaults = judgement?.refused ?? [];
  const refusedNames = new Set(refusedVaults.map((refusal) => refusal.vault));
  const runnable = judgement ? acceptedSteps(plan, judgement) : plan.steps;
  const runnableIds = new Set(runnable.map((step) => step.id));
  const basisMessages = [
    ...(judgement?.notes ?? []),
    ...(judgement ? refusalLines(judgement) : []),
  ];

  const retry: RetrySettings = {
    backoffBaseMs: options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
    maxWaitMs: options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    sleep: dependencies.sleep ?? realSleep,
  };
  const runner = new BoundedRunner(options.maxParallel);
  const pacer = new WritePacer(
    options.writesPerSecondPerSubscription ?? DEFAULT_WRITES_PER_SECOND_PER_SUBSCRIPTION,
    { now: dependencies.now ?? Date.now, sleep: retry.sleep },
  );
  const writes = pacedWriter(writer, pacer);
  const vnetLocks = new KeyedMutex();
  const endpointSubnets = endpointSubnetsOf(desired, plan);
  const results = new Map<string, StepResult>();
  const started = new Map<string, Promise<StepResult>>();
  const byId = new Map(runnable.map((step) => [step.id, step]));
  options.onProgress?.({ kind: 'plan-ready', steps: runnable });

  const runStep = (step: PlanStep): Promise<StepResult> => {
    const existing = started.get(step.id);
    if (existing) return existing;
    const promise = (async (): Promise<StepResult> => {
      const dependencies = await Promise.all(
        step.dependsOn.flatMap((id) => {
          const dependency = byId.get(id);
          return dependency ? [runStep(dependency)] : [];
        }),
      );
      const failedDependency = dependencies.find((result) => result.status !== 'done');
      if (failedDependency) {
        return {
          step,
          status: 'not-started',
          reason: `depends on ${failedDependency.step.kind} ${failedDependency.step.resourceName}, which did not complete`,
          attempts: 0,
        };
      }
      if (step.flags.blocked) {
        return {
          step,
          status: 'not-started',
          reason: `blocked: ${step.notes.map(noteText).join('; ')}`,
          attempts: 0,
        };
      }
      return runner.run(() =>
        vnetLocks.run(virtualNetworkLock(step, endpointSubnets), async (): Promise<StepResult> => {
          if (options.stopRequested?.()) {
            return { step, status: 'not-started', reason: 'interrupted', attempts: 0 };
          }
          let attempts = 0;
          try {
            if (step.phase === 'narrow') await checkNarrowingPreconditions(step, desired, reader);
            await withRetries(
              step.resourceId,
              {
                ...retry,
                onWait: (ms, reason) => options.onProgress?.({ kind: 'waiting', step, ms, reason }),
              },
              async (attempt) => {
                attempts = attempt;
                options.onProgress?.({ kind: 'step-started', step, attempt });
                await executeStep(step, writes, reader);
                await verifyStep(step, reader);
              },
            );
            return { step, status: 'done', attempts };
          } catch (error) {
            const failure = asWriteFailure(error, step.resourceId);
            return {
              step,
              status: 'failed',
              code: failure.code,
              message: failure.message,
              attempts,
            };
          }
        }),
      );
    })().then((result) => {
      results.set(step.id, result);
      options.onProgress?.({ kind: 'step-finished', result });
      return result;
    });
    started.set(step.id, promise);
    return promise;
  };

  await Promise.all(runnable.map(runStep));
  const ordered = plan.steps.map((step): StepResult =>
    runnableIds.has(step.id)
      ? (results.get(step.id) as StepResult)
      : {
          step,
          status: 'not-started',
          reason: `refused: the reviewed basis of vault ${touchedVaults(step).find((vault) => refusedNames.has(vault)) ?? '?'} moved`,
          attempts: 0,
        },
  );
  const ran = ordered.filter((result) => runnableIds.has(result.step.id));
  const extra = {
    ...(judgement ? { refusedVaults, coveredBy: judgement.accepted } : {}),
  };
  const failed = ran.filter((result) => result.status !== 'done');
  if (options.stopRequested?.()) {
    const done = ran.filter((result) => result.status === 'done').length;
    return {
      outcome: 'interrupted',
      messages: [
        `interrupted: ${done} of ${ran.length} steps done, the others not started (or failed); re-run the apply to finish.`,
        ...basisMessages,
      ],
      plan,
      results: ordered,
      ...extra,
    };
  }
  const residual = await planner(desired, reader);
  if (failed.length > 0) {
    return {
      outcome: 'failed',
      messages: [
        `${failed.length} of ${ran.length} steps did not complete; independent steps ran. Re-run the apply to finish.`,
        ...basisMessages,
      ],
      plan,
      results: ordered,
      residual,
      ...extra,
    };
  }
  // The refused vaults keep their changes; the applied ones must have converged.
  const left = residual.steps.filter(
    (step) => !touchedVaults(step).some((vault) => refusedNames.has(vault)),
  );
  if (residual.outcome === 'error' || left.length > 0) {
    return {
      outcome: 'not-converged',
      messages: [
        'did not converge: every step reported success, but a fresh plan still has changes (see the residual plan)',
        ...basisMessages,
      ],
      plan,
      results: ordered,
      residual,
      ...extra,
    };
  }
  if (refusedVaults.length > 0)
    return {
      outcome: 'partial',
      messages: [
        `applied ${[...(judgement?.accepted.keys() ?? [])].join(', ')}, whose reviewed basis held; refused ${refusedVaults.length} vault(s) whose basis moved:`,
        ...basisMessages,
      ],
      plan,
      results: ordered,
      residual,
      ...extra,
    };
  return {
    outcome: 'applied',
    messages: basisMessages,
    plan,
    results: ordered,
    residual,
    ...extra,
  };
}
