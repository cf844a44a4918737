// Names what moved between the plan reviewers saw and the plan the apply would run.
import type { Plan, PlanStep } from '../plan/types.js';
import { changeLine } from '../render/plan-lines.js';

function describe(step: PlanStep): string {
  return `${step.action} ${step.kind} ${step.resourceName}`;
}

export function planDifferences(reviewed: Plan, fresh: Plan): string[] {
  const reviewedSteps = new Map(reviewed.steps.map((step) => [step.id, step]));
  const freshSteps = new Map(fresh.steps.map((step) => [step.id, step]));
  const moved: string[] = [];
  for (const [id, step] of freshSteps) {
    const before = reviewedSteps.get(id);
    if (!before) {
      moved.push(
        `new since review: ${describe(step)} (${step.changes.map(changeLine).join('; ')})`,
      );
      continue;
    }
    const was = new Set(before.changes.map(changeLine));
    const now = new Set(step.changes.map(changeLine));
    for (const line of now)
      if (!was.has(line)) moved.push(`${describe(step)}: now ${line.replace(/\s+/g, ' ')}`);
    for (const line of was)
      if (!now.has(line)) moved.push(`${describe(step)}: no longer ${line.replace(/\s+/g, ' ')}`);
  }
  for (const [id, step] of reviewedSteps) {
    if (!freshSteps.has(id)) moved.push(`reviewed but no longer needed: ${describe(step)}`);
  }
  if (moved.length === 0)
    moved.push(
      'the live state the plan was computed against changed (same steps, different starting point)',
    );
  return moved;
}
