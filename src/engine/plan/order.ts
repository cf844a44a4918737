// Orders steps so that every dependency runs first and, among steps that are free to run,
// opening steps come before narrowing ones (DESIGN.md §4).
import type { PlanStep, ResourceKind } from './types.js';

const KIND_ORDER: Record<ResourceKind, number> = {
  subnet: 0,
  dnsZone: 1,
  virtualNetworkLink: 2,
  privateEndpoint: 3,
  zoneGroup: 4,
  connection: 5,
  vault: 6,
};

function priority(step: PlanStep): string {
  const phase = step.phase === 'open' ? 0 : 1;
  return `${phase}:${KIND_ORDER[step.kind]}:${step.id}`;
}

export function orderSteps(steps: readonly PlanStep[]): PlanStep[] {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const remaining = new Map(
    steps.map((step) => [
      step.id,
      new Set(step.dependsOn.filter((dependency) => byId.has(dependency))),
    ]),
  );
  const ordered: PlanStep[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining.entries()]
      .filter(([, dependencies]) => dependencies.size === 0)
      .map(([id]) => byId.get(id) as PlanStep)
      .sort((a, b) => priority(a).localeCompare(priority(b)));
    const next = ready[0];
    if (!next)
      throw new Error(
        `the plan's steps depend on each other in a cycle: ${[...remaining.keys()].join(', ')}`,
      );
    ordered.push(next);
    remaining.delete(next.id);
    for (const dependencies of remaining.values()) dependencies.delete(next.id);
  }
  return ordered;
}
