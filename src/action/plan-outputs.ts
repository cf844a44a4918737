// The plan's outputs (action.yml): has-changes, fingerprint, plan-json (a file) and the counts.
// has-changes is left empty when no plan was made: "unknown" must never read as "false".
import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan } from '../engine/plan/types.js';
import { batches } from '../engine/render/batches.js';
import { renderJsonChunks } from '../engine/render/json.js';
import { countPlan } from '../engine/render/plan-lines.js';

/** Writes the JSON plan to a file under RUNNER_TEMP (in pieces) and sets the plan outputs. */
export async function setPlanOutputs(
  plan: Plan,
  specSetId: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const folder = env.RUNNER_TEMP || tmpdir();
  const file = join(folder, `kvnet-plan-${specSetId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
  await writeFile(file, batches(renderJsonChunks(plan)));
  const counts = countPlan(plan);
  core.setOutput(
    'has-changes',
    plan.outcome === 'changes' ? 'true' : plan.outcome === 'no-changes' ? 'false' : '',
  );
  core.setOutput('fingerprint', plan.fingerprint);
  core.setOutput('plan-json', file);
  core.setOutput('steps', String(counts.steps));
  core.setOutput('widening', String(counts.widening));
  core.setOutput('narrowing', String(counts.narrowing));
  core.setOutput('destructive', String(counts.destructive));
  core.setOutput('blocked', String(counts.blocked));
  core.setOutput('vaults-changed', String(counts.vaultsChanged));
  return file;
}
