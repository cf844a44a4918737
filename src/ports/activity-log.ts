// Who wrote a resource, and when: the Azure Activity Log (management events) read through this
// port. The Azure adapter implements it over the real SDK pipeline; failures come back as data.
import type { ReadOutcome } from '../engine/state/live.js';

export interface ActivityEvent {
  /** The resource the operation addressed. */
  readonly resourceId: string;
  /** Who made it: a user principal name, or an application or object id. */
  readonly caller: string;
  /** ISO 8601. */
  readonly eventTimestamp: string;
  /** e.g. `Microsoft.KeyVault/vaults/write`. */
  readonly operationName: string;
  /** `Started`, `Accepted`, `Succeeded` or `Failed`. */
  readonly status: string;
  readonly correlationId: string;
}

export interface ActivityLogReader {
  /** Every management event on exactly this resource in [from, to], across all pages. */
  listResourceEvents(
    resourceId: string,
    from: Date,
    to: Date,
  ): Promise<ReadOutcome<readonly ActivityEvent[]>>;
}
