// Collects steps by id: a shared subnet or DNS zone needed by several vaults becomes one step
// that names them all.
import type { PlanFinding, PlanStep } from './types.js';

export class StepCollector {
  private readonly steps = new Map<string, PlanStep>();
  readonly findings: PlanFinding[] = [];

  add(step: PlanStep): PlanStep {
    const existing = this.steps.get(step.id);
    if (!existing) {
      this.steps.set(step.id, step);
      return step;
    }
    const merged: PlanStep = {
      ...existing,
      vaults: [...new Set([...existing.vaults, ...step.vaults])],
      dependsOn: [...new Set([...existing.dependsOn, ...step.dependsOn])],
      notes: [...new Set([...existing.notes, ...step.notes])],
    };
    this.steps.set(step.id, merged);
    return merged;
  }

  get(id: string): PlanStep | undefined {
    return this.steps.get(id);
  }

  update(id: string, change: (step: PlanStep) => PlanStep): void {
    const step = this.steps.get(id);
    if (step) this.steps.set(id, change(step));
  }

  all(): PlanStep[] {
    return [...this.steps.values()];
  }

  finding(finding: PlanFinding): void {
    this.findings.push(finding);
  }
}
