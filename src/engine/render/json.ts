// The plan for machines: the plan model itself, versioned (docs/plan-json.md). An egress path
// lists the switching subnets still pending (access.ts); thousands of vaults share one list in
// memory, so the JSON writes each list once, in `egressSubnetSets`, and a path names its list
// by index (`subnetSet`): the file grows with vaults + subnets, not vaults × subnets.
import type { EgressPath } from '../analysis/access.js';
import type { Plan } from '../plan/types.js';
import { KVNET_VERSION } from '../../version.js';

const isEgress = (value: unknown): value is EgressPath =>
  typeof value === 'object' &&
  value !== null &&
  (value as { kind?: unknown }).kind === 'switching-subnets-egress';

/** The plan as JSON text, egress lists written once; `generator` when given. */
export function planJson(plan: Plan, options: { generator?: string; indent?: number } = {}) {
  const sets: (readonly string[])[] = [];
  const indexOf = new Map<readonly string[], number>();
  const replacer = (_key: string, value: unknown): unknown => {
    if (!isEgress(value)) return value;
    let index = indexOf.get(value.subnetIds);
    if (index === undefined) {
      index = sets.push(value.subnetIds) - 1;
      indexOf.set(value.subnetIds, index);
    }
    return { kind: value.kind, subnetSet: index };
  };
  // JSON.stringify writes members in order: by the time it reaches this last one, every path
  // has been replaced and the table is complete.
  const table = { toJSON: () => sets };
  const body = {
    ...plan,
    ...(options.generator ? { generator: options.generator } : {}),
    egressSubnetSets: table,
  };
  return JSON.stringify(body, replacer, options.indent);
}

export function renderJson(plan: Plan): string {
  return `${planJson(plan, { generator: `kvnet/${KVNET_VERSION}`, indent: 2 })}\n`;
}

/** A plan read back from planJson's text: each path gets its list again (shared, as written). */
export function parsePlanJson(text: string): Plan {
  const raw = JSON.parse(text) as Plan & { egressSubnetSets?: unknown };
  const sets = Array.isArray(raw.egressSubnetSets) ? (raw.egressSubnetSets as unknown[]) : [];
  delete raw.egressSubnetSets;
  const revive = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      for (const [index, entry] of value.entries()) value[index] = revive(entry);
      return value;
    }
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    if (record.kind === 'switching-subnets-egress' && typeof record.subnetSet === 'number') {
      const ids = sets[record.subnetSet];
      return { kind: record.kind, subnetIds: Array.isArray(ids) ? ids : [] };
    }
    for (const key of Object.keys(record)) record[key] = revive(record[key]);
    return record;
  };
  return revive(raw) as Plan;
}
