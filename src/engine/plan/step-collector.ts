// Collects steps by id: a shared subnet or DNS zone needed by several vaults becomes one step
// that names them all. Steps are also indexed by vault, since every vault asks for its own.
// Builders give drafts: what a step does to access is derived later (simulate.ts), never set
// by the builder.
import type { PlanFinding, PlanStep } from './types.js';

export type StepDraft = Omit<PlanStep, 'impact' | 'effects' | 'requires'>;

export class StepCollector {
  private readonly steps = new Map<string, PlanStep>();
  private readonly idsByVault = new Map<string, Set<string>>();
  readonly findings: PlanFinding[] = [];

  add(draft: StepDraft): PlanStep {
    const step: PlanStep = { ...draft, impact: 'none', effects: [], requires: [] };
    const existing = this.steps.get(step.id);
    const stored: PlanStep = existing
      ? {
          ...existing,
          vaults: [...new Set([...existing.vaults, ...step.vaults])],
          dependsOn: [...new Set([...existing.dependsOn, ...step.dependsOn])],
          notes: uniqueNotes([...existing.notes, ...step.notes]),
        }
      : step;
    this.steps.set(step.id, stored);
    for (const vault of stored.vaults) {
      let ids = this.idsByVault.get(vault);
      if (!ids) this.idsByVault.set(vault, (ids = new Set()));
      ids.add(step.id);
    }
    return stored;
  }

  all(): PlanStep[] {
    return [...this.steps.values()];
  }

  /** The steps that serve a vault (by name), in the order they were first added. */
  forVault(vault: string): PlanStep[] {
    return [...(this.idsByVault.get(vault) ?? [])].flatMap((id) => {
      const step = this.steps.get(id);
      return step ? [step] : [];
    });
  }

  finding(finding: PlanFinding): void {
    this.findings.push(finding);
  }
}

function uniqueNotes(notes: PlanStep['notes']): PlanStep['notes'] {
  const seen = new Map(notes.map((note) => [JSON.stringify(note), note]));
  return [...seen.values()];
}
