// The fingerprint of a plan: sha256 over the canonical change set and the normalised live
// state it was computed against — never over rendered text — so the apply can prove it is
// executing exactly what was reviewed.
import { createHash } from 'node:crypto';
import type { PlanStep } from './types.js';

/** JSON with object keys sorted, so equal values always serialise to equal text. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, entry: unknown) => {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(entry).sort())
        sorted[key] = (entry as Record<string, unknown>)[key];
      return sorted;
    }) ?? 'null'
  );
}

export function changeSet(steps: readonly PlanStep[]): unknown[] {
  return steps.map((step) => ({
    id: step.id,
    action: step.action,
    changes: step.changes,
    payload: step.payload,
    flags: step.flags,
  }));
}

export function fingerprint(steps: readonly PlanStep[], liveBasis: unknown): string {
  const hash = createHash('sha256');
  hash.update(canonicalJson({ changes: changeSet(steps), live: liveBasis }));
  return `sha256:${hash.digest('hex')}`;
}
