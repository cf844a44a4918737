// A plan comment whose basis went stale is marked so the next time any plan, drift or merge-queue
// run sees it: each such run compares the live state it just read with the basis of every open
// pull request's reviewed plan for this spec set (same resources, different state) and puts a
// banner under the comment's marker. The banner goes when the pull request is planned again
// (the plan comment is rewritten whole).
import * as core from '@actions/core';
import { openPullRequests } from '../adapters/github/index.js';
import { findPlanComment, writePlanComment } from './plan-comment.js';
import { movedBasis, type MovedBasis } from '../engine/apply/basis-moved.js';
import type { Plan } from '../engine/plan/types.js';
import { inlineCode } from '../engine/render/markdown-safe.js';
import { readEmbeddedPlan, readMarker } from './bodies.js';
import { errorText, type RunContext } from './context.js';
import { neutralizeForLog } from './log-safety.js';

/** Open pull requests looked at, at most (newest first). */
export const STALE_SCAN_LIMIT = 30;
const STALE_MARK = '<!-- kvnet:stale -->';

export function isMarkedStale(body: string): boolean {
  return body.includes(STALE_MARK);
}

/** The comment with a stale banner after its first line (the marker), once. */
export function markedStaleBody(
  body: string,
  moved: readonly MovedBasis[],
  seenBy: string,
): string {
  if (isMarkedStale(body)) return body;
  const newline = body.indexOf('\n');
  const head = newline < 0 ? body : body.slice(0, newline);
  const rest = newline < 0 ? '' : body.slice(newline + 1);
  const what = moved
    .map((entry) => `${inlineCode(entry.vault)} (${entry.resources.map(inlineCode).join(', ')})`)
    .join('; ');
  const banner = [
    STALE_MARK,
    `> [!WARNING]`,
    `> **This plan is stale**: the live state under ${what} changed since it was made (seen by ${seenBy}). On merge kvnet refuses those vaults; push a commit or re-run the plan job to review a fresh plan.`,
    '',
  ].join('\n');
  return `${head}\n${banner}${rest}`;
}

/** Why this pull request's plan comment is stale, or nothing. */
export async function staleReason(
  ctx: RunContext,
  pull: number,
  fresh: Plan,
): Promise<{ moved: MovedBasis[]; id: number; body: string } | undefined> {
  const comment = await findPlanComment(ctx, pull);
  if (!comment || isMarkedStale(comment.body)) return undefined;
  const marked = readMarker(comment.body, ctx.inputs.specSetId);
  if (!marked?.fingerprint || marked.status) return undefined;
  const reviewed = readEmbeddedPlan(comment.body, marked.fingerprint);
  if (!reviewed) return undefined;
  const moved = movedBasis(reviewed, fresh);
  return moved.length > 0 ? { moved, id: comment.id, body: comment.body } : undefined;
}

export async function markStale(
  ctx: RunContext,
  pull: number,
  found: { moved: MovedBasis[]; body: string },
  seenBy: string,
): Promise<void> {
  await writePlanComment(ctx, pull, markedStaleBody(found.body, found.moved, seenBy));
  core.info(
    neutralizeForLog(
      `marked the plan comment of pull request #${pull} stale: ${found.moved.map((entry) => entry.vault).join(', ')} moved`,
    ),
  );
}

/** Looks at every open pull request but `except`; a failure only warns. */
export async function markStaleComments(
  ctx: RunContext,
  fresh: Plan,
  except?: number,
): Promise<void> {
  if (fresh.outcome === 'error' || !fresh.basis || !ctx.inputs.githubToken) return;
  if (ctx.inputs.comment === 'off') return;
  try {
    const seenBy = ctx.event.runUrl ? `[this run](${ctx.event.runUrl})` : `a ${ctx.event.name} run`;
    const pulls = await openPullRequests(
      ctx.github(),
      ctx.repo,
      ctx.event.defaultBranch,
      STALE_SCAN_LIMIT,
    );
    for (const pull of pulls) {
      if (pull === except) continue;
      const found = await staleReason(ctx, pull, fresh);
      if (found) await markStale(ctx, pull, found, seenBy);
    }
  } catch (error) {
    core.warning(
      neutralizeForLog(`could not check other plan comments for staleness: ${errorText(error)}`),
    );
  }
}
