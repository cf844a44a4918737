// The Action's composition root: read the inputs and the event, pick the route, run it. Every
// failure ends the step with a neutralised message; nothing here prints a token.
import * as core from '@actions/core';
import type { RunContext } from './context.js';
import { readEvent, routeFor } from './event.js';
import { INPUT_NAMES, InputError, parseInputs } from './inputs.js';
import { neutralizeForLog } from './log-safety.js';
import { setOutcome } from './outputs.js';
import { writeSummary } from './summary.js';

async function validateRoute(ctx: RunContext, note?: string): Promise<void> {
  if (note) core.info(note);
  const { loadSpecSet } = await import('./spec-set.js');
  const specs = await loadSpecSet(ctx.inputs, ctx.env);
  if (!specs.valid) {
    setOutcome('invalid');
    core.setFailed('the spec set is invalid: see the annotations');
    return;
  }
  setOutcome('valid');
  await writeSummary(
    `## kvnet: the spec set is valid\n\n${specs.summary}. Validation only: Azure was not read${note ? ` (${note})` : ''}.`,
  );
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)]));
    const inputs = parseInputs(raw);
    const event = readEvent(env);
    const route = routeFor(inputs.mode, event);
    core.info(`kvnet: ${event.name} event, mode ${inputs.mode} → ${route.kind}`);
    // The GitHub client and the spec loader are loaded once a route needs them.
    const ctx = (await import('./context.js')).createContext(inputs, event, env);
    switch (route.kind) {
      case 'refuse':
        setOutcome('refused');
        await writeSummary(`## ⛔ kvnet refused to run\n\n${route.reason}`);
        core.setFailed(route.reason);
        return;
      case 'validate':
        return await validateRoute(ctx, route.note);
      // A route's code (the SDKs, the planner) is loaded when that route runs.
      case 'plan':
        return await (await import('./plan-route.js')).planRoute(ctx);
      case 'apply':
        return await (await import('./apply-route.js')).applyRoute(ctx);
      case 'drift':
        return await (await import('./drift-route.js')).driftRoute(ctx);
      case 'merge-group':
        return await (await import('./merge-group-route.js')).mergeGroupRoute(ctx);
    }
  } catch (error) {
    const prefix = error instanceof InputError ? 'kvnet: invalid input: ' : 'kvnet: ';
    const text = error instanceof Error ? error.message : String(error);
    core.setFailed(neutralizeForLog(`${prefix}${text}`));
  }
}
