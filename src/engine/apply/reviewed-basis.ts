// Which vaults of a fresh plan were reviewed: the apply on merge compares the fresh plan with
// every reviewed plan it was given (the pull requests merged since the last successful apply),
// vault by vault, and runs only the vaults whose steps and basis still hold. A step shared by
// several vaults (a subnet's service endpoint, a zone, a link) runs only when every vault it
// touches is accepted: a refused vault is never half-applied through a shared step, so a vault
// that shares a step with a refused one is refused too, and says why. A subnet step's
// bystanders (vaults that may lose only its public-address clients) are not among the vaults
// it touches: nothing is written to them, so refusing one does not hold the step back.
import { planDifferences } from './plan-drift.js';
import { canonicalJson, changeSet } from '../plan/fingerprint.js';
import { stepsTouching, touchedVaults } from '../plan/steps-by-vault.js';
import type { Plan, PlanFinding, PlanStep, PropertyChange } from '../plan/types.js';
import { differenceText } from '../render/plan-drift.js';

export interface ReviewedPlan {
  /** For people: "pull request #7", "the reviewed plan". */
  readonly label: string;
  readonly fingerprint: string;
  /** The reviewed plan itself; without it only the whole fingerprint can be compared. */
  readonly plan?: Plan;
  /** An apply of this reviewed plan already ran (a re-run): the steps left may be a subset. */
  readonly applyRan?: boolean;
}

/** `per-vault`: apply the vaults that hold, refuse the others; `all-or-nothing`: any refusal refuses all. */
export type MismatchPolicy = 'per-vault' | 'all-or-nothing';
export const MISMATCH_POLICIES = ['per-vault', 'all-or-nothing'] as const;

export interface VaultRefusal {
  readonly vault: string;
  /** Sentences: which reviewed plan it was compared with, and what moved. */
  readonly reasons: readonly string[];
}

export interface BasisJudgement {
  /** Vault name → the label of the reviewed plan that covers its steps. */
  readonly accepted: ReadonlyMap<string, string>;
  readonly refused: readonly VaultRefusal[];
  /** Things a reader should know (expired rules removed as the reviewed plan announced). */
  readonly notes: readonly string[];
}

const stepsOf = (plan: Plan, vault: string) => stepsTouching(plan.steps, vault);

/** Vault name → CIDR → its expiry date, for the IP rules of the spec that have expired today. */
export type ExpiredRules = ReadonlyMap<string, ReadonlyMap<string, string>>;

interface Expiry {
  readonly cidr: string;
  readonly expires: string;
}

/** Expiry dates the reviewed plan announced for this vault ("expires on D"). */
function announcedExpiries(plan: Plan, vault: string): Expiry[] {
  const announced: Expiry[] = [];
  const fromFinding = (finding: PlanFinding) =>
    finding.rule === 'ip/expires-soon' &&
    finding.vault === vault &&
    typeof finding.params.cidr === 'string' &&
    typeof finding.params.expires === 'string'
      ? [{ cidr: finding.params.cidr, expires: finding.params.expires }]
      : [];
  announced.push(...plan.findings.flatMap(fromFinding));
  for (const step of stepsOf(plan, vault))
    for (const change of step.changes) {
      const expires = change.reason?.params.expires;
      const cidr = change.after ?? change.before;
      if (change.property === 'networkAcls.ipRules' && typeof expires === 'string' && expires)
        announced.push({ cidr: String(cidr), expires });
    }
  return announced;
}

/**
 * CIDRs whose expiry the reviewed plan announced and which have expired since (per the spec's
 * dates and today's): the fresh plan removes them, or no longer adds them, as announced.
 */
function expiredSinceReview(reviewed: Plan, vault: string, expiredNow: ExpiredRules): Set<string> {
  const now = expiredNow.get(vault);
  if (!now) return new Set();
  return new Set(
    announcedExpiries(reviewed, vault)
      .filter((entry) => now.get(entry.cidr) === entry.expires)
      .map((entry) => entry.cidr),
  );
}

const aboutCidr = (change: PropertyChange, cidrs: ReadonlySet<string>) =>
  change.property === 'networkAcls.ipRules' &&
  cidrs.has(String(change.op === 'remove' ? change.before : change.after));

/** The steps with every trace of the given CIDRs taken out (changes and payload). */
function withoutCidrs(steps: readonly PlanStep[], cidrs: ReadonlySet<string>): PlanStep[] {
  if (cidrs.size === 0) return [...steps];
  return steps.flatMap((step) => {
    const changes = step.changes.filter((change) => !aboutCidr(change, cidrs));
    if (changes.length === 0 && step.changes.length > 0) return [];
    const payload =
      step.payload.kind === 'vault'
        ? {
            ...step.payload,
            network: {
              ...step.payload.network,
              networkAcls: {
                ...step.payload.network.networkAcls,
                ipRules: step.payload.network.networkAcls.ipRules.filter(
                  (cidr) => !cidrs.has(cidr),
                ),
              },
            },
          }
        : step.payload;
    return [{ ...step, changes, payload }];
  });
}

const sameSteps = (a: readonly PlanStep[], b: readonly PlanStep[]) =>
  canonicalJson(changeSet(a)) === canonicalJson(changeSet(b));

/** Keys of resources under the vault whose live state differs between the two plans. */
function movedResources(reviewed: Plan, fresh: Plan, vault: string): string[] | undefined {
  const was = reviewed.basis?.vaults[vault];
  const now = fresh.basis?.vaults[vault];
  if (!was || !now || !reviewed.basis || !fresh.basis) return undefined;
  const moved = was.resources.filter((resource) => {
    const before = reviewed.basis?.resources[resource];
    const after = fresh.basis?.resources[resource];
    return before !== undefined && after !== undefined && before !== after;
  });
  // The vault's own record must be in both.
  const vaultKey = was.resources[0];
  if (vaultKey === undefined || fresh.basis.resources[vaultKey] === undefined)
    return [vaultKey ?? vault];
  return moved;
}

type Match =
  | { readonly ok: true; readonly expired: readonly string[]; readonly rerun: boolean }
  | { readonly ok: false; readonly reasons: readonly string[]; readonly weight: number };

function matchVault(
  reviewed: ReviewedPlan,
  fresh: Plan,
  vault: string,
  expiredNow: ExpiredRules,
): Match {
  const plan = reviewed.plan;
  if (!plan?.basis || !fresh.basis)
    return {
      ok: false,
      weight: 0,
      reasons: [
        `${reviewed.label}: its reviewed plan is not available per vault (only its fingerprint ${reviewed.fingerprint}), and the whole plan moved`,
      ],
    };
  const had = plan.basis.vaults[vault];
  const freshSteps = stepsOf(fresh, vault);
  const reviewedSteps = stepsOf(plan, vault);
  if (!had)
    return {
      ok: false,
      weight: 0,
      reasons: [`${reviewed.label} did not plan this vault`],
    };
  if (had.fingerprint === fresh.basis.vaults[vault]?.fingerprint)
    return { ok: true, expired: [], rerun: false };
  const expired = expiredSinceReview(plan, vault, expiredNow);
  const moved = movedResources(plan, fresh, vault) ?? [];
  if (sameSteps(withoutCidrs(reviewedSteps, expired), withoutCidrs(freshSteps, expired))) {
    if (moved.length === 0) return { ok: true, expired: [...expired], rerun: false };
  }
  if (reviewed.applyRan) {
    const was = new Map(reviewedSteps.map((step) => [step.id, step]));
    const within = freshSteps.every((step) => {
      const before = was.get(step.id);
      const changes = new Set(before?.changes.map((change) => canonicalJson(change)) ?? []);
      return before && step.changes.every((change) => changes.has(canonicalJson(change)));
    });
    if (within) return { ok: true, expired: [], rerun: true };
  }
  const differences = planDifferences(
    { ...plan, steps: withoutCidrs(reviewedSteps, expired) },
    { ...fresh, steps: withoutCidrs(freshSteps, expired) },
  ).filter((difference) => difference.kind !== 'basis-moved');
  const names = moved.map(
    (resource) => fresh.basis?.names[resource] ?? plan.basis?.names[resource] ?? resource,
  );
  const reasons = [
    ...differences.map((difference) => `${reviewed.label}: ${differenceText(difference)}`),
    ...(names.length > 0
      ? [
          `${reviewed.label}: the live state it was planned against changed since review (${names.join(', ')})`,
        ]
      : []),
  ];
  return {
    ok: false,
    weight: reviewedSteps.length > 0 ? 2 : 1,
    reasons:
      reasons.length > 0
        ? reasons
        : [`${reviewed.label}: the vault's part of the plan moved since review`],
  };
}

/** Judges each vault of the fresh plan that has steps against the reviewed plans (newest first). */
export function judgeReviewed(
  fresh: Plan,
  reviewed: readonly ReviewedPlan[],
  expiredNow: ExpiredRules = new Map(),
): BasisJudgement {
  const withSteps = [...new Set(fresh.steps.flatMap(touchedVaults))];
  const exact = reviewed.find((candidate) => candidate.fingerprint === fresh.fingerprint);
  if (exact)
    return {
      accepted: new Map(withSteps.map((vault) => [vault, exact.label])),
      refused: [],
      notes: [],
    };
  const accepted = new Map<string, string>();
  const refused = new Map<string, string[]>();
  const notes: string[] = [];
  for (const vault of withSteps) {
    const failures: { reasons: readonly string[]; weight: number }[] = [];
    let covered = false;
    for (const candidate of reviewed) {
      const match = matchVault(candidate, fresh, vault, expiredNow);
      if (match.ok) {
        accepted.set(vault, candidate.label);
        for (const cidr of match.expired)
          notes.push(
            `vault ${vault}: the IP rule ${cidr} expired as ${candidate.label} announced; its removal is applied`,
          );
        if (match.rerun)
          notes.push(
            `vault ${vault}: an earlier apply of ${candidate.label} ran; the step(s) left are all part of the reviewed plan, so they are applied`,
          );
        covered = true;
        break;
      }
      failures.push(match);
    }
    if (covered) continue;
    const best = Math.max(0, ...failures.map((failure) => failure.weight));
    const reasons = failures
      .filter((failure) => failure.weight === best)
      .flatMap((failure) => failure.reasons);
    refused.set(
      vault,
      reviewed.length === 0
        ? ['no reviewed plan was found for it']
        : best === 0
          ? [
              `none of the reviewed plans (${reviewed.map((candidate) => candidate.label).join(', ')}) planned a change to it`,
              ...reasons.filter((reason) => reason.includes('not available per vault')),
            ]
          : reasons,
    );
  }
  // Shared steps: a step touching a refused vault refuses every vault it touches.
  let changed = true;
  while (changed) {
    changed = false;
    for (const step of fresh.steps) {
      const vaults = touchedVaults(step);
      const refusedOne = vaults.find((vault) => refused.has(vault));
      if (!refusedOne) continue;
      for (const vault of vaults) {
        if (refused.has(vault)) continue;
        accepted.delete(vault);
        refused.set(vault, [
          `it shares the step "${step.action} ${step.kind} ${step.resourceName}" with vault ${refusedOne}, which is refused; a refused vault is never half-applied through a shared step`,
        ]);
        changed = true;
      }
    }
  }
  return {
    accepted,
    refused: [...refused].map(([vault, reasons]) => ({ vault, reasons })),
    notes,
  };
}

/** The steps to run: those whose every touched vault was accepted. */
export function acceptedSteps(plan: Plan, judgement: BasisJudgement): PlanStep[] {
  return plan.steps.filter((step) =>
    touchedVaults(step).every((vault) => judgement.accepted.has(vault)),
  );
}

export function refusalLines(judgement: BasisJudgement): string[] {
  return judgement.refused.flatMap((refusal) => [
    `vault ${refusal.vault}: refused, nothing written to it. What moved:`,
    ...refusal.reasons.map((reason) => `  - ${reason}`),
  ]);
}
