// How far V8 lets the heap grow before its next full collection. By default the old generation
// may reach up to four times what survived the last one; a plan allocates most of its memory as
// garbage that lives just long enough to be promoted (parsed spec files, SDK responses in
// flight, the diff's working sets), so at 10,000 vaults that headroom, not live data, set the
// peak (docs/performance.md, finding 10). kvnet's entry points ask for a smaller step instead.
// V8 reads this flag each time it sizes the heap, so setting it at start-up takes effect at the
// first full collection; a flag given on the command line or in NODE_OPTIONS wins.
import { setFlagsFromString } from 'node:v8';

/** The heap may grow by this much over what the last full collection kept. */
export const HEAP_GROWING_PERCENT = 20;

const FLAG = 'heap-growing-percent';

/** The flag to set; undefined when the user chose a growth step (V8 takes `-` or `_`). */
export function heapGrowthFlag(
  execArgv: readonly string[],
  nodeOptions: string | undefined,
): string | undefined {
  const chosen = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((arg) => {
    const name = arg.split('=')[0]?.replaceAll('_', '-');
    return name === `--${FLAG}`;
  });
  return chosen ? undefined : `--${FLAG}=${HEAP_GROWING_PERCENT}`;
}

/** Called first thing by the CLI and the Action: they own their process's V8 settings. */
export function limitHeapGrowth(): void {
  const flag = heapGrowthFlag(process.execArgv, process.env.NODE_OPTIONS);
  if (flag) setFlagsFromString(flag);
}
