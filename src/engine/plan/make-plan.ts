// The planning use case: read what the desired state needs through the reader port, then diff.
import type { AzureReader } from '../../ports/azure-reader.js';
import type { DesiredState } from '../state/desired.js';
import { DEFAULT_READ_CONCURRENCY, readLiveState, type LiveReads } from '../state/read-live.js';
import { buildPlan } from './build-plan.js';
import type { Plan } from './types.js';

export interface MakePlanOptions {
  readonly concurrency?: number;
  /** Reads already begun (as the spec files were parsed) on the same reader. */
  readonly reads?: LiveReads;
}

export async function makePlan(
  desired: DesiredState,
  reader: AzureReader,
  options: MakePlanOptions = {},
): Promise<Plan> {
  const snapshot = await readLiveState(
    desired,
    reader,
    options.concurrency ?? DEFAULT_READ_CONCURRENCY,
    options.reads,
  );
  return buildPlan(desired, snapshot);
}
