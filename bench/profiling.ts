// Memory profiling of the measured kvnet process, for finding what to shrink (not measured
// figures: a snapshot or the sampler pauses the process). Switched on by environment:
//   KVNET_BENCH_HEAP_SNAPSHOT=DIR  a heap snapshot when the spec is resolved and when planned;
//   KVNET_BENCH_ALLOC_PROF=FILE    a sampling profile of every allocation during the plan,
//                                  garbage included (a .heapprofile for DevTools);
//   KVNET_BENCH_ALLOC_PROF_SURVIVORS=1  with it: leave out what a scavenge collects, so the
//                                  profile holds what reached the old generation (what sets
//                                  the heap's growth), live or not.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';

export function heapSnapshotAt(point: string): void {
  const directory = process.env.KVNET_BENCH_HEAP_SNAPSHOT;
  if (directory) writeHeapSnapshot(join(directory, `${point}.heapsnapshot`));
}

/** Starts the allocation profile if asked for; the returned function writes it. */
export async function startAllocationProfile(): Promise<() => Promise<void>> {
  const file = process.env.KVNET_BENCH_ALLOC_PROF;
  if (!file) return async () => undefined;
  const session = new Session();
  session.connect();
  // Collected objects too: the peak is set by garbage, not only by what stays live.
  const options = {
    samplingInterval: 32_768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: process.env.KVNET_BENCH_ALLOC_PROF_SURVIVORS !== '1',
  };
  await session.post('HeapProfiler.startSampling', options);
  return async () => {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}
