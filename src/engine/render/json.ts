// The plan for machines: the plan model itself, versioned (docs/plan-json.md). An egress path
// lists the switching subnets still pending (access.ts); thousands of vaults share one list in
// memory, so the JSON writes each list once, in `egressSubnetSets`, and a path names its list
// by index (`subnetSet`): the file grows with vaults + subnets, not vaults × subnets.
import type { EgressPath } from '../analysis/access.js';
import type { Plan } from '../plan/types.js';
import { jsonChunks } from './json-chunks.js';
import { KVNET_VERSION } from '../../version.js';

const isEgress = (value: unknown): value is EgressPath =>
  typeof value === 'object' &&
  value !== null &&
  (value as { kind?: unknown }).kind === 'switching-subnets-egress';

/** The plan as JSON text in pieces (json-chunks.ts), egress lists written once; `generator` when given. */
export function* planJsonChunks(
  plan: Plan,
  options: { generator?: string; indent?: number } = {},
): Generator<string> {
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
  // Members are written in order: by the time this last one is reached, every path has been
  // replaced and the table is complete.
  const table = { toJSON: () => sets };
  const body = {
    ...plan,
    ...(options.generator ? { generator: options.generator } : {}),
    egressSubnetSets: table,
  };
  // Written a member at a time down to the members of the body's arrays (vaults, steps, …) and
  // of the basis's maps (one entry per vault or resource), each a few KiB at most.
  yield* jsonChunks(body, { replacer, indent: options.indent, streamedDepth: 3 });
}

/** The plan's JSON as one string: for small plans and tests; kvnet itself writes the pieces. */
export function planJson(plan: Plan, options: { generator?: string; indent?: number } = {}) {
  return [...planJsonChunks(plan, options)].join('');
}

/** `kvnet plan --format json` and the Action's plan file, in pieces. */
export function* renderJsonChunks(plan: Plan): Generator<string> {
  yield* planJsonChunks(plan, { generator: `kvnet/${KVNET_VERSION}`, indent: 2 });
  yield '\n';
}

export function renderJson(plan: Plan): string {
  return [...renderJsonChunks(plan)].join('');
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
