// Who last wrote each resource a drift plan would change, from its activity log events: the
// completed writes and deletes (status Succeeded, or Accepted for a long-running one still
// settling), newest first. Pure: the events come in through the ActivityLogReader port.
import type { ActivityEvent } from '../../ports/activity-log.js';
import type { ReadFailure } from '../state/live.js';

export interface ResourceAuthors {
  readonly resourceId: string;
  /** Newest first, at most `limit`. */
  readonly writes: readonly ActivityEvent[];
  /** More completed writes than shown. */
  readonly more: number;
  readonly error?: ReadFailure;
}

const COMPLETED = new Set(['succeeded', 'accepted']);

/** The completed writes (and deletes) among a resource's events, newest first. */
export function completedWrites(events: readonly ActivityEvent[]): ActivityEvent[] {
  return events
    .filter(
      (event) =>
        COMPLETED.has(event.status.toLowerCase()) &&
        /\/(write|delete|action)$/i.test(event.operationName),
    )
    .sort((a, b) => Date.parse(b.eventTimestamp) - Date.parse(a.eventTimestamp));
}

export function authorsOf(
  resourceId: string,
  events: readonly ActivityEvent[],
  limit: number,
): ResourceAuthors {
  const writes = completedWrites(events);
  return { resourceId, writes: writes.slice(0, limit), more: Math.max(0, writes.length - limit) };
}
