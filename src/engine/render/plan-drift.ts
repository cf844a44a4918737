// Sentences for the differences between a reviewed plan and a fresh one (apply/plan-drift.ts).
import type { PlanDifference } from '../apply/plan-drift.js';
import type { PlanStep } from '../plan/types.js';
import { changeLine } from './plan-lines.js';
import { singleLine } from './untrusted.js';

function describe(step: PlanStep): string {
  return `${step.action} ${step.kind} ${step.resourceName}`;
}

const oneLine = (text: string) => singleLine(text).replace(/\s+/g, ' ');

export function differenceText(difference: PlanDifference): string {
  switch (difference.kind) {
    case 'new-step':
      return `new since review: ${describe(difference.step)} (${difference.step.changes.map((change) => oneLine(changeLine(change))).join('; ')})`;
    case 'step-gone':
      return `reviewed but no longer needed: ${describe(difference.step)}`;
    case 'change-added':
      return `${describe(difference.step)}: now ${oneLine(changeLine(difference.change))}`;
    case 'change-gone':
      return `${describe(difference.step)}: no longer ${oneLine(changeLine(difference.change))}`;
    case 'step-differs':
      return `${describe(difference.step)}: its ${difference.fields.join(', ')} changed`;
    case 'basis-moved':
      return 'the live state the plan was computed against changed (same steps, different starting point)';
  }
}
