// Widening needs its reviewer (input widening-reviewers): when the plan of a pull request
// widens any vault's access — a vault's net change gains a path in the access model (a new
// public range, subnet or private endpoint, public access enabled) — the plan check fails and
// the comment names who must approve, until one of them has an APPROVED review on the pull
// request's head commit. A dismissed approval, or one on an older commit (a push came after
// it), does not count; narrowing needs no approval. The verdict is also set as the commit
// status `kvnet/widening-approval` on the head commit, so a branch protection rule can require
// it and a pull_request_review run can turn it green.
import * as core from '@actions/core';
import {
  listPullReviews,
  pullHeadSha,
  setCommitStatus,
  teamMembership,
  type PullReview,
} from '../adapters/github/index.js';
import { pathText } from '../engine/render/messages.js';
import type { Plan } from '../engine/plan/types.js';
import { fence, inlineCode } from '../engine/render/markdown-safe.js';
import { errorText, type RunContext } from './context.js';
import type { Reviewer } from './inputs.js';
import { neutralizeForLog } from './log-safety.js';

export const STATUS_CONTEXT = 'kvnet/widening-approval';
/** Vaults named in the comment's section (the plan above names them all). */
const SHOWN_VAULTS = 10;

export function reviewerText(reviewer: Reviewer): string {
  return reviewer.kind === 'user' ? `@${reviewer.login}` : `@${reviewer.org}/${reviewer.slug}`;
}

/** The vaults whose access the plan widens, with what each gains (from the access model). */
export function wideningOf(plan: Plan): { vault: string; gained: string[] }[] {
  return plan.vaults
    .filter((vault) => vault.net.gained.length > 0)
    .map((vault) => ({ vault: vault.name, gained: vault.net.gained.map(pathText) }));
}

export interface NotCounted {
  readonly login: string;
  readonly why: string;
}

export interface WideningVerdict {
  readonly widening: readonly { vault: string; gained: string[] }[];
  readonly reviewers: readonly Reviewer[];
  readonly headSha: string;
  /** Set when a listed reviewer approved the head commit. */
  readonly approvedBy?: { readonly login: string; readonly as: string };
  readonly notCounted: readonly NotCounted[];
  readonly satisfied: boolean;
}

/**
 * Each user's standing review, as GitHub counts it: the latest one that approves, requests
 * changes or was dismissed (a later plain comment does not undo an approval).
 */
export function standingReviews(reviews: readonly PullReview[]): PullReview[] {
  const standing = new Map<string, PullReview>();
  for (const review of reviews) {
    if (!['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'].includes(review.state)) continue;
    standing.set(review.login.toLowerCase(), review);
  }
  return [...standing.values()];
}

async function listedAs(
  ctx: RunContext,
  login: string,
  reviewers: readonly Reviewer[],
): Promise<string | undefined> {
  const user = reviewers.find(
    (reviewer) => reviewer.kind === 'user' && reviewer.login.toLowerCase() === login.toLowerCase(),
  );
  if (user) return reviewerText(user);
  for (const reviewer of reviewers) {
    if (reviewer.kind !== 'team') continue;
    const state = await teamMembership(ctx.github(), reviewer.org, reviewer.slug, login);
    if (state === 'active') return reviewerText(reviewer);
  }
  return undefined;
}

export async function evaluateWidening(
  ctx: RunContext,
  plan: Plan,
  pullNumber: number,
): Promise<WideningVerdict> {
  const reviewers = ctx.inputs.wideningReviewers;
  const widening = wideningOf(plan);
  // The head now, not the one in the event: a push after the event moves it.
  const headSha = await pullHeadSha(ctx.github(), ctx.repo, pullNumber);
  if (widening.length === 0)
    return { widening, reviewers, headSha, notCounted: [], satisfied: true };
  const notCounted: NotCounted[] = [];
  let approvedBy: WideningVerdict['approvedBy'];
  for (const review of standingReviews(await listPullReviews(ctx.github(), ctx.repo, pullNumber))) {
    if (review.state === 'DISMISSED') {
      notCounted.push({ login: review.login, why: 'the approval was dismissed' });
      continue;
    }
    if (review.state !== 'APPROVED') continue;
    const as = await listedAs(ctx, review.login, reviewers);
    if (!as) {
      notCounted.push({ login: review.login, why: 'not one of the widening reviewers' });
      continue;
    }
    if (review.commitId !== headSha) {
      notCounted.push({
        login: review.login,
        why: `approved commit ${review.commitId.slice(0, 12)}, not the head ${headSha.slice(0, 12)} (pushed after the approval)`,
      });
      continue;
    }
    approvedBy ??= { login: review.login, as };
  }
  return {
    widening,
    reviewers,
    headSha,
    approvedBy,
    notCounted,
    satisfied: approvedBy !== undefined,
  };
}

/** The comment section (nothing when the plan widens nothing). */
export function wideningSection(verdict: WideningVerdict): string {
  if (verdict.widening.length === 0) return '';
  const who = verdict.reviewers.map(reviewerText);
  // The plan comment is already fitted under GitHub's limit: keep this section short.
  const shown = verdict.widening.slice(0, SHOWN_VAULTS);
  const lines = [
    ...shown.map((entry) =>
      `${entry.vault} gains: ${entry.gained.slice(0, 5).join(', ')}${entry.gained.length > 5 ? ` and ${entry.gained.length - 5} more` : ''}`.slice(
        0,
        300,
      ),
    ),
    ...(verdict.widening.length > shown.length
      ? [`… and ${verdict.widening.length - shown.length} more vaults widen (see the plan)`]
      : []),
    ...verdict.notCounted.slice(0, 20).map((entry) => `not counted: ${entry.login}: ${entry.why}`),
  ];
  const head = verdict.approvedBy
    ? `✅ **Widening approved** by ${inlineCode(verdict.approvedBy.login)} (as ${inlineCode(verdict.approvedBy.as)}) on the head commit ${inlineCode(verdict.headSha.slice(0, 12))}.`
    : `⛔ **This plan widens access and needs an approval** on the head commit ${inlineCode(verdict.headSha.slice(0, 12))} from one of: ${who.map(inlineCode).join(', ')}. The plan check stays failing until then; a push after the approval needs a new one.`;
  return ['', '### Widening needs its reviewer', '', head, '', fence(lines, 'text'), ''].join('\n');
}

/** Sets the commit status; a token without `statuses: write` only warns (the step still gates). */
export async function publishWideningStatus(
  ctx: RunContext,
  verdict: WideningVerdict,
): Promise<void> {
  const description =
    verdict.widening.length === 0
      ? 'the plan widens no access: no approval needed'
      : verdict.approvedBy
        ? `widening approved by ${verdict.approvedBy.login}`
        : `widening needs an approval from ${verdict.reviewers.map(reviewerText).join(', ')}`;
  try {
    await setCommitStatus(ctx.github(), ctx.repo, verdict.headSha, {
      state: verdict.satisfied ? 'success' : 'failure',
      context: STATUS_CONTEXT,
      description,
      targetUrl: ctx.event.runUrl,
    });
  } catch (error) {
    core.warning(
      neutralizeForLog(`could not set the ${STATUS_CONTEXT} status: ${errorText(error)}`),
    );
  }
}
