// Where a spec set's plan comment lives: its own sticky comment, or its section of one aggregate
// comment shared by the spec sets of a pull request (input comment-group). Readers get the set's
// part either way; writers keep writing where the comment already is.
import {
  findBotComment,
  sectionOf,
  upsertComment,
  upsertSection,
} from '../adapters/github/index.js';
import { COMMENT_LIMIT } from '../engine/render/markdown.js';
import { planMarkerPrefix, safeSetId } from './bodies.js';
import type { RunContext } from './context.js';

export interface PlanComment {
  readonly id: number;
  /** This set's part: the whole comment, or its section of an aggregate comment. */
  readonly body: string;
  readonly url: string;
  /** The aggregate comment's group, when the set's part is a section of one. */
  readonly group?: string;
}

const AGGREGATE = /^<!-- kvnet:aggregate group=([A-Za-z0-9._-]+) -->/;

export async function findPlanComment(
  ctx: RunContext,
  pull: number,
): Promise<PlanComment | undefined> {
  const found = await findBotComment(
    ctx.github(),
    ctx.repo,
    pull,
    planMarkerPrefix(ctx.inputs.specSetId),
  );
  if (!found) return undefined;
  const group = AGGREGATE.exec(found.body)?.[1];
  if (!group) return found;
  const section = sectionOf(found.body, safeSetId(ctx.inputs.specSetId));
  return section === undefined ? undefined : { ...found, body: section, group };
}

/** Wait before reading an aggregate write back (ms); KVNET_COMMENT_SETTLE_MS overrides. */
export function settleMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env.KVNET_COMMENT_SETTLE_MS);
  return Number.isInteger(value) && value >= 0 && value <= 60_000 ? value : 1_500;
}

export async function writePlanComment(
  ctx: RunContext,
  pull: number,
  body: string,
): Promise<{ readonly action: string; readonly url: string }> {
  // Write where the set's comment already is (its own, or a section); new ones per the input.
  const existing = await findPlanComment(ctx, pull);
  const group = existing ? existing.group : ctx.inputs.commentGroup;
  if (group) {
    const result = await upsertSection(
      ctx.github(),
      ctx.repo,
      pull,
      group,
      safeSetId(ctx.inputs.specSetId),
      body,
      { settleMs: settleMs(ctx.env), attempts: 6, limit: COMMENT_LIMIT },
    );
    return {
      action: `${result.action} (section of the aggregate comment, ${result.writes} write${result.writes === 1 ? '' : 's'})`,
      url: result.url,
    };
  }
  return upsertComment(ctx.github(), ctx.repo, pull, planMarkerPrefix(ctx.inputs.specSetId), body);
}
