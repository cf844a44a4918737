// schedule / workflow_dispatch: plan against live Azure; while it finds changes keep one issue
// open (by marker) with the plan, and close it with a comment once live state matches.
import * as core from '@actions/core';
import {
  closeDriftIssue,
  findOpenDriftIssue,
  openOrUpdateDriftIssue,
} from '../adapters/github/index.js';
import { SdkActivityLogReader } from '../adapters/azure/activity-log.js';
import { SdkAzureReader } from '../adapters/azure/reader.js';
import { makePlan } from '../engine/plan/make-plan.js';
import { chooseAuth } from './azure-auth.js';
import { ActionEarlyReads } from './early-reads.js';
import { ConnectionFailedError, throwIfConnectionFailed } from './connection-failure.js';
import { driftClosedComment, driftIssueBody, driftMarker } from './bodies.js';
import { logUntrusted, type RunContext } from './context.js';
import { setOutcome } from './outputs.js';
import { publishPlan } from './plan-route.js';
import { loadSpecSet } from './spec-set.js';
import { writeSummary } from './summary.js';
import { driftAuthorsSection, readDriftAuthors } from './drift-authors.js';
import { driftFixSection, runDriftFix } from './drift-fix.js';
import { markStaleComments } from './stale-comments.js';

export async function driftRoute(ctx: RunContext): Promise<void> {
  const auth = chooseAuth(ctx.inputs, ctx.env, ctx.oidc);
  const fixing = ctx.inputs.driftFix === 'narrowing-only';
  // Reads begin as the files parse (early-reads.ts); a drift fix writes on the same clients.
  const early = auth.ok
    ? new ActionEarlyReads(ctx.inputs, auth, ctx.event, ctx.oidc, { readOnly: !fixing })
    : undefined;
  const specs = await loadSpecSet(ctx.inputs, ctx.env, early?.onFileParsed);
  if (!specs.valid || !specs.desired) {
    early?.abandon();
    setOutcome('invalid');
    core.setFailed('the spec set is invalid, so drift cannot be checked: see the annotations');
    return;
  }
  if (!auth.ok) {
    setOutcome('validate-only');
    core.setFailed(`the drift check needs Azure access: ${auth.reason}`);
    return;
  }
  const reading =
    early ?? new ActionEarlyReads(ctx.inputs, auth, ctx.event, ctx.oidc, { readOnly: !fixing });
  const { clients, reader, reads } = await reading.forSet(specs.clouds);
  const found = await makePlan(specs.desired, reader, {
    concurrency: ctx.inputs.maxParallel,
    reads,
  });
  if (connectionFailed(clients, ctx.env)) return;
  let plan = found;
  let extra = '';
  if (found.outcome === 'changes') {
    const authors = await readDriftAuthors(
      found,
      new SdkActivityLogReader(clients),
      new Date(),
      ctx.inputs.maxParallel,
    );
    extra += driftAuthorsSection(authors);
    if (fixing) {
      const fix = await runDriftFix(ctx, specs.desired, clients);
      extra += driftFixSection(fix);
      if (!['applied', 'no-changes'].includes(fix.report.outcome))
        core.setFailed(`kvnet drift fix ${fix.report.outcome}: see the drift issue`);
      // What is left departing from the spec after the fix.
      plan = await makePlan(specs.desired, new SdkAzureReader(clients), {
        concurrency: ctx.inputs.maxParallel,
      });
    }
  }
  await publishPlan(ctx, plan);
  if (extra) await writeSummary(extra);
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
      driftIssueBody(plan, ctx.inputs.specSetId, ctx.event.runUrl, extra),
    );
    core.warning(`drift found: issue #${issue.number} ${issue.action} (${issue.url})`);
    return;
  }
  let open = await findOpenDriftIssue(ctx.github(), ctx.repo, marker);
  let closing = driftClosedComment(ctx.event.runUrl) + (extra ? `\n\n${extra}` : '');
  if (!open && found.outcome === 'changes') {
    // The fix undid all the drift: the issue still records what was found, who made it and
    // what was reverted, and is closed at once.
    const issue = await openOrUpdateDriftIssue(
      ctx.github(),
      ctx.repo,
      marker,
      'kvnet: Key Vault network state departs from the spec',
      driftIssueBody(found, ctx.inputs.specSetId, ctx.event.runUrl, extra),
    );
    open = issue;
    closing = driftClosedComment(ctx.event.runUrl);
    core.info(`drift found and fixed: issue #${issue.number}`);
  }
  if (open) {
    await closeDriftIssue(ctx.github(), ctx.repo, open, closing);
    core.info(`no drift: closed issue #${open.number}`);
  } else {
    core.info('no drift: live state matches the spec');
  }
}

/** One message for a failed connection; the drift issue is left as it is. */
function connectionFailed(
  clients: Parameters<typeof throwIfConnectionFailed>[0],
  env: NodeJS.ProcessEnv,
): boolean {
  try {
    throwIfConnectionFailed(clients, env);
    return false;
  } catch (error) {
    if (!(error instanceof ConnectionFailedError)) throw error;
    setOutcome('error');
    logUntrusted(error.message);
    core.setFailed(
      'kvnet could not connect to Azure, so drift was not checked: the drift issue was left as it is',
    );
    return true;
  }
}
