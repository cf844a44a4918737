// Orders steps so that every dependency runs first and, among steps that are free to run,
// opening steps come before narrowing ones (DESIGN.md §4). Kahn's algorithm with the ready
// steps kept sorted by priority, so a plan of thousands of steps orders in linear-ish time.
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

/** Inserts keeping `ready` sorted by priority, highest priority (smallest key) last. */
function insertReady(ready: PlanStep[], keys: Map<PlanStep, string>, step: PlanStep): void {
  const key = keys.get(step) ?? '';
  let low = 0;
  let high = ready.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((keys.get(ready[middle] as PlanStep) ?? '') > key) low = middle + 1;
    else high = middle;
  }
  ready.splice(low, 0, step);
}

export function orderSteps(steps: readonly PlanStep[]): PlanStep[] {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const keys = new Map(steps.map((step) => [step, priority(step)]));
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const step of steps) {
    const known = [...new Set(step.dependsOn)].filter((dependency) => byId.has(dependency));
    waitingOn.set(step.id, known.length);
    for (const dependency of known) {
      const list = dependents.get(dependency);
      if (list) list.push(step.id);
      else dependents.set(dependency, [step.id]);
    }
  }
  const ready: PlanStep[] = [];
  for (const step of steps) if (waitingOn.get(step.id) === 0) insertReady(ready, keys, step);
  const ordered: PlanStep[] = [];
  while (ready.length > 0) {
    const next = ready.pop() as PlanStep;
    ordered.push(next);
    for (const dependentId of dependents.get(next.id) ?? []) {
      const remaining = (waitingOn.get(dependentId) ?? 0) - 1;
      waitingOn.set(dependentId, remaining);
      if (remaining === 0) insertReady(ready, keys, byId.get(dependentId) as PlanStep);
    }
  }
  if (ordered.length !== steps.length) {
    const done = new Set(ordered);
    const stuck = steps.filter((step) => !done.has(step)).map((step) => step.id);
    throw new Error(`the plan's steps depend on each other in a cycle: ${stuck.join(', ')}`);
  }
  return ordered;
}
