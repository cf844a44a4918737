// What moved between the plan reviewers saw and the plan the apply would run, compared as
// values (steps by id; their action, changes, payload and flags as canonical JSON), never as
// rendered text. render/plan-drift.ts turns each difference into a sentence.
import { canonicalJson } from '../plan/fingerprint.js';
import type { Plan, PlanStep, PropertyChange } from '../plan/types.js';

export type PlanDifference =
  | { readonly kind: 'new-step'; readonly step: PlanStep }
  | { readonly kind: 'step-gone'; readonly step: PlanStep }
  | {
      readonly kind: 'change-added' | 'change-gone';
      readonly step: PlanStep;
      readonly change: PropertyChange;
    }
  | { readonly kind: 'step-differs'; readonly step: PlanStep; readonly fields: readonly string[] }
  | { readonly kind: 'basis-moved' };

const changeKey = (change: PropertyChange) => canonicalJson(change);

const FIELDS = ['action', 'payload', 'flags', 'dependsOn'] as const;

export function planDifferences(reviewed: Plan, fresh: Plan): PlanDifference[] {
  const reviewedSteps = new Map(reviewed.steps.map((step) => [step.id, step]));
  const freshSteps = new Map(fresh.steps.map((step) => [step.id, step]));
  const moved: PlanDifference[] = [];
  for (const [id, step] of freshSteps) {
    const before = reviewedSteps.get(id);
    if (!before) {
      moved.push({ kind: 'new-step', step });
      continue;
    }
    const was = new Map(before.changes.map((change) => [changeKey(change), change]));
    const now = new Map(step.changes.map((change) => [changeKey(change), change]));
    const added = [...now].filter(([changeId]) => !was.has(changeId));
    const gone = [...was].filter(([changeId]) => !now.has(changeId));
    for (const [, change] of added) moved.push({ kind: 'change-added', step, change });
    for (const [, change] of gone) moved.push({ kind: 'change-gone', step, change });
    const fields = FIELDS.filter(
      (field) => canonicalJson(before[field]) !== canonicalJson(step[field]),
    );
    // A payload that moved with its changes is already said; otherwise name the fields.
    if (fields.length > 0 && added.length + gone.length === 0)
      moved.push({ kind: 'step-differs', step, fields });
  }
  for (const [id, step] of reviewedSteps)
    if (!freshSteps.has(id)) moved.push({ kind: 'step-gone', step });
  if (moved.length === 0) moved.push({ kind: 'basis-moved' });
  return moved;
}

/**
 * A re-run after an earlier apply of the same reviewed plan (a partial failure): the steps left
 * are fine when each of them, change for change, was in the reviewed plan.
 */
export function remainingWithinReviewed(reviewed: Plan, fresh: Plan): boolean {
  if (fresh.outcome === 'error') return false;
  const reviewedSteps = new Map(reviewed.steps.map((step) => [step.id, step]));
  return fresh.steps.every((step) => {
    const before = reviewedSteps.get(step.id);
    if (!before) return false;
    const was = new Set(before.changes.map(changeKey));
    return step.changes.every((change) => was.has(changeKey(change)));
  });
}
