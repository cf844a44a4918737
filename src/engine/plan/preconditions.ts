// The precondition of a narrowing step, from the access model: run against a fresh read of
// the vaults it serves, the step must leave open every path the plan said it keeps.
import { accessOf, Coverage, type AccessPath } from '../analysis/access.js';
import { key } from '../analysis/world.js';
import type { DesiredState } from '../state/desired.js';
import { readLiveState } from '../state/read-live.js';
import type { AzureReader } from '../../ports/azure-reader.js';
import { LiveLookup } from './live-lookup.js';
import type { PlanStep } from './types.js';
import { applyStep, liveWorld } from './world-of.js';

export type PreconditionResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly unreadable: true }
  | {
      readonly ok: false;
      readonly unreadable: false;
      readonly missing: readonly {
        readonly vault: string;
        readonly paths: readonly AccessPath[];
      }[];
    };

export async function checkPreconditions(
  step: PlanStep,
  desired: DesiredState,
  reader: AzureReader,
): Promise<PreconditionResult> {
  if (step.requires.length === 0) return { ok: true };
  const names = new Set(step.requires.map((requirement) => requirement.vault));
  const vaults = desired.vaults.filter((vault) => names.has(vault.name));
  const lookup = new LiveLookup(await readLiveState({ vaults }, reader));
  if (lookup.failures().length > 0) return { ok: false, unreadable: true };
  const world = liveWorld({ vaults }, lookup, new Set());
  applyStep(world, step);
  const missing = step.requires.flatMap((requirement) => {
    const vault = vaults.find((candidate) => candidate.name === requirement.vault);
    if (!vault) return [];
    const coverage = new Coverage(accessOf(world, key(vault.id)));
    const paths = requirement.paths.filter((path) => !coverage.covers(path));
    return paths.length > 0 ? [{ vault: vault.name, paths }] : [];
  });
  return missing.length > 0 ? { ok: false, unreadable: false, missing } : { ok: true };
}
