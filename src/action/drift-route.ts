// schedule / workflow_dispatch: plan against live Azure; while it finds changes keep one issue
// open (by marker) with the plan, and close it with a comment once live state matches.
import * as core from '@actions/core';
import {
  closeDriftIssue,
  findOpenDriftIssue,
  openOrUpdateDriftIssue,
} from '../adapters/github/index.js';
import { SdkAzureReader } from '../adapters/azure/reader.js';
import { makePlan } from '../engine/plan/make-plan.js';
import { chooseAuth, connectAzure } from './azure-auth.js';
import { driftClosedComment, driftIssueBody, driftMarker } from './bodies.js';
import type { RunContext } from './context.js';
import { setOutcome } from './outputs.js';
import { publishPlan } from './plan-route.js';
import { loadSpecSet } from './spec-set.js';
import { markStaleComments } from './stale-comments.js';

export async function driftRoute(ctx: RunContext): Promise<void> {
  const specs = await loadSpecSet(ctx.inputs, ctx.env);
  if (!specs.valid || !specs.desired) {
    setOutcome('invalid');
    core.setFailed('the spec set is invalid, so drift cannot be checked: see the annotations');
    return;
  }
  const auth = chooseAuth(ctx.inputs, ctx.env, ctx.oidc);
  if (!auth.ok) {
    setOutcome('validate-only');
    core.setFailed(`the drift check needs Azure access: ${auth.reason}`);
    return;
  }
  const clients = await connectAzure(specs.files, ctx.inputs, auth, ctx.event, ctx.oidc, true);
  const plan = await makePlan(specs.desired, new SdkAzureReader(clients), {
    concurrency: ctx.inputs.maxParallel,
  });
  await publishPlan(ctx, plan);
  await markStaleComments(ctx, plan);

  const marker = driftMarker(ctx.inputs.specSetId);
  if (plan.outcome === 'error') {
    core.setFailed('the drift check could not read live state: the drift issue was left as it is');
    return;
  }
  if (plan.outcome === 'changes') {
    const issue = await openOrUpdateDriftIssue(
      ctx.github(),
      ctx.repo,
      marker,
      'kvnet: Key Vault network state departs from the spec',
      driftIssueBody(plan, ctx.inputs.specSetId, ctx.event.runUrl),
    );
    core.warning(`drift found: issue #${issue.number} ${issue.action} (${issue.url})`);
    return;
  }
  const open = await findOpenDriftIssue(ctx.github(), ctx.repo, marker);
  if (open) {
    await closeDriftIssue(ctx.github(), ctx.repo, open, driftClosedComment(ctx.event.runUrl));
    core.info(`no drift: closed issue #${open.number}`);
  } else {
    core.info('no drift: live state matches the spec');
  }
}
