// The drift issue's "who changed it": for every resource the drift plan would change, the
// latest completed writes in the Azure Activity Log (caller, time, operation). Reading the log
// never fails the drift check: a resource whose log cannot be read says so, with the reason.
import type { ActivityLogReader } from '../ports/activity-log.js';
import { authorsOf, type ResourceAuthors } from '../engine/analysis/change-authors.js';
import type { Plan } from '../engine/plan/types.js';
import { fence } from '../engine/render/markdown-safe.js';
import { BoundedRunner } from '../engine/state/concurrency.js';

/** Azure keeps activity log events for 90 days. */
export const ACTIVITY_LOOKBACK_DAYS = 90;
/** Writes shown per resource. */
const WRITES_SHOWN = 3;
/** Resources looked up per drift check; the rest are counted. */
const RESOURCES_LOOKED_UP = 50;

export interface DriftAuthors {
  readonly resources: readonly ResourceAuthors[];
  readonly notLookedUp: number;
  readonly from: Date;
  readonly to: Date;
}

export async function readDriftAuthors(
  plan: Plan,
  log: ActivityLogReader,
  now: Date,
  concurrency: number,
): Promise<DriftAuthors> {
  const ids = [
    ...new Map(plan.steps.map((step) => [step.resourceId.toLowerCase(), step.resourceId])).values(),
  ];
  const from = new Date(now.getTime() - ACTIVITY_LOOKBACK_DAYS * 24 * 3600 * 1000);
  const runner = new BoundedRunner(concurrency);
  const resources = await Promise.all(
    ids.slice(0, RESOURCES_LOOKED_UP).map((resourceId) =>
      runner.run(async (): Promise<ResourceAuthors> => {
        const read = await log.listResourceEvents(resourceId, from, now);
        if (read.status === 'ok') return authorsOf(resourceId, read.value, WRITES_SHOWN);
        if (read.status === 'not-found') return { resourceId, writes: [], more: 0 };
        return { resourceId, writes: [], more: 0, error: read.error };
      }),
    ),
  );
  return { resources, notLookedUp: Math.max(0, ids.length - RESOURCES_LOOKED_UP), from, to: now };
}

/** The markdown section: everything from Azure inside one code fence. */
export function driftAuthorsSection(authors: DriftAuthors): string {
  const lines: string[] = [];
  for (const resource of authors.resources) {
    lines.push(resource.resourceId);
    if (resource.error) {
      lines.push(
        `  the activity log could not be read: ${resource.error.code ?? resource.error.httpStatus ?? 'error'} ${resource.error.message}${resource.error.roleHint ? ` (needs ${resource.error.roleHint})` : ''}`,
      );
    } else if (resource.writes.length === 0) {
      lines.push(
        `  no completed write listed for the last ${ACTIVITY_LOOKBACK_DAYS} days (Azure lists a write minutes after it is made)`,
      );
    } else {
      for (const write of resource.writes)
        lines.push(
          `  ${write.eventTimestamp}  ${write.caller || '(caller not recorded)'}  ${write.operationName}`,
        );
      if (resource.more > 0) lines.push(`  … and ${resource.more} earlier write(s)`);
    }
  }
  if (authors.notLookedUp > 0)
    lines.push(`(${authors.notLookedUp} more resource(s) not looked up)`);
  return [
    '### Who changed it',
    '',
    `The latest completed writes to each resource this check would change, from the Azure Activity Log (${authors.from.toISOString().slice(0, 10)} to ${authors.to.toISOString().slice(0, 10)}), newest first:`,
    '',
    fence(lines, 'text'),
    '',
  ].join('\n');
}
