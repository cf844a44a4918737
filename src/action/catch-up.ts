// Every merged change gets applied: the apply on the default branch walks back from the pushed
// commit to the last commit on which an apply of this spec set succeeded (a commit status kvnet
// set there, kept by GitHub), and gathers the reviewed plans of every pull request merged in
// between. A run that was cancelled (GitHub keeps one pending run per concurrency group and
// cancels the one it replaces) or that failed is caught up by the next.
import {
  commitStatuses,
  commitsFrom,
  mergedPullRequestsForCommit,
  setCommitStatus,
  type MergedPullRequest,
} from '../adapters/github/index.js';
import type { ReviewedPlan } from '../engine/apply/reviewed-basis.js';
import { readEmbeddedPlan, readMarker, safeSetId } from './bodies.js';
import { findPlanComment } from './plan-comment.js';
import type { RunContext } from './context.js';

/** How far back the walk goes when no successful apply is found (commits). */
export const CATCH_UP_DEPTH = 100;

export function applyStatusContext(specSetId: string): string {
  return `kvnet/apply ${safeSetId(specSetId)}`.slice(0, 200);
}

export interface PendingMerges {
  /** Newest first. */
  readonly pulls: readonly MergedPullRequest[];
  /** The commit of the last successful apply, when the walk reached one. */
  readonly since?: string;
  /** Commits looked at, the pushed one included. */
  readonly walked: number;
  /** The pull requests of the pushed commit itself. */
  readonly headPulls: readonly MergedPullRequest[];
}

export async function pendingMerges(ctx: RunContext): Promise<PendingMerges> {
  const { sha, defaultBranch } = ctx.event;
  const client = ctx.github();
  const history = (await commitsFrom(client, ctx.repo, sha, CATCH_UP_DEPTH)) ?? [sha];
  const context = applyStatusContext(ctx.inputs.specSetId);
  const byCommit: MergedPullRequest[][] = [];
  let since: string | undefined;
  for (const [index, commit] of history.entries()) {
    if (index > 0) {
      const statuses = await commitStatuses(client, ctx.repo, commit);
      // Newest first: the latest status of our context decides.
      const latest = statuses.find((status) => status.byBot && status.context === context);
      if (latest?.state === 'success') {
        since = commit;
        break;
      }
    }
    byCommit.push(await mergedPullRequestsForCommit(client, ctx.repo, commit, defaultBranch ?? ''));
  }
  // Without a recorded successful apply (the first run, or no statuses permission) only the
  // pushed commit's pull request is applied: old reviewed plans are never swept up.
  const considered = since ? byCommit : byCommit.slice(0, 1);
  const pulls = new Map<number, MergedPullRequest>();
  for (const pull of considered.flat()) if (!pulls.has(pull.number)) pulls.set(pull.number, pull);
  return {
    pulls: [...pulls.values()],
    since,
    walked: considered.length,
    headPulls: byCommit[0] ?? [],
  };
}

export interface GatheredPlans {
  readonly reviewed: readonly (ReviewedPlan & { readonly pull: MergedPullRequest })[];
  /** Pull requests that supplied no plan for this spec set, with why. */
  readonly skipped: readonly { readonly pull: MergedPullRequest; readonly why: string }[];
}

/** The reviewed plan each pull request's kvnet comment carries for this spec set. */
export async function gatherReviewedPlans(
  ctx: RunContext,
  pulls: readonly MergedPullRequest[],
): Promise<GatheredPlans> {
  const reviewed: (ReviewedPlan & { pull: MergedPullRequest })[] = [];
  const skipped: { pull: MergedPullRequest; why: string }[] = [];
  for (const pull of pulls) {
    const comment = await findPlanComment(ctx, pull.number);
    if (!comment) {
      skipped.push({
        pull,
        why: `pull request #${pull.number} has no kvnet plan comment for this spec set (${ctx.inputs.specSetId}): no plan was reviewed there. Was the plan job skipped, or is its "spec" input different?`,
      });
      continue;
    }
    const marked = readMarker(comment.body, ctx.inputs.specSetId);
    if (!marked?.fingerprint) {
      skipped.push({
        pull,
        why: `the kvnet comment on pull request #${pull.number} holds no plan (${marked?.status ?? 'unknown status'}): the spec was only validated or the plan failed`,
      });
      continue;
    }
    reviewed.push({
      pull,
      label: `pull request #${pull.number}`,
      fingerprint: marked.fingerprint,
      plan: readEmbeddedPlan(comment.body, marked.fingerprint),
      applyRan: marked.status?.startsWith('apply-') ?? false,
    });
  }
  return { reviewed, skipped };
}

/** Records the run on the pushed commit; a missing permission only warns (the next run walks further). */
export async function recordApplyStatus(
  ctx: RunContext,
  state: 'pending' | 'success' | 'failure',
  description: string,
): Promise<string | undefined> {
  try {
    await setCommitStatus(ctx.github(), ctx.repo, ctx.event.sha, {
      state,
      context: applyStatusContext(ctx.inputs.specSetId),
      description,
      targetUrl: ctx.event.runUrl,
    });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
