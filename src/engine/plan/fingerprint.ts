// The fingerprint of a plan: sha256 over the canonical change set and the normalised live
// state it was computed against — never over rendered text — so the apply can prove it is
// executing exactly what was reviewed.
import { createHash } from 'node:crypto';
import type { PlanStep } from './types.js';

/** JSON with object keys sorted, so equal values always serialise to equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
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
