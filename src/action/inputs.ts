// The Action's inputs (action.yml), read from the INPUT_* variables the runner sets and checked
// with zod. A wrong value fails the step with a message that names the input and its choices.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CLOUDS, type CloudName } from '../engine/model/clouds.js';
import { MAX_PARALLEL } from '../engine/state/concurrency.js';

export const MODES = ['auto', 'validate', 'plan', 'apply', 'drift'] as const;
export type Mode = (typeof MODES)[number];
export const COMMENT_POLICIES = ['always', 'changes', 'off'] as const;
export type CommentPolicy = (typeof COMMENT_POLICIES)[number];
export const ON_PLAN_MISMATCH = ['per-vault', 'all-or-nothing', 'apply', 'fail'] as const;
export type OnPlanMismatch = 'per-vault' | 'all-or-nothing' | 'apply';
export const DRIFT_FIX_MODES = ['off', 'narrowing-only'] as const;
export type DriftFixMode = (typeof DRIFT_FIX_MODES)[number];
export type Reviewer =
  | { readonly kind: 'user'; readonly login: string }
  | { readonly kind: 'team'; readonly org: string; readonly slug: string };

export interface ActionInputs {
  /** Spec files, directories or globs, one per line. */
  readonly spec: readonly string[];
  /** Identifies this spec set in comment and issue markers (matrix jobs must not collide). */
  readonly specSetId: string;
  readonly mode: Mode;
  readonly azureClientId?: string;
  readonly azureTenantId?: string;
  readonly azureSubscriptionId?: string;
  readonly cloud?: CloudName;
  readonly githubToken?: string;
  readonly comment: CommentPolicy;
  readonly allowDestructive: boolean;
  /** `fail` (its earlier name) reads as all-or-nothing. */
  readonly onPlanMismatch: OnPlanMismatch;
  readonly maxParallel: number;
  readonly armEndpoint?: string;
  /** On the drift route: `narrowing-only` applies the steps that only take access away. */
  readonly driftFix: DriftFixMode;
  /** Who must approve a pull request whose plan widens access (users and org/team slugs). */
  readonly wideningReviewers: readonly Reviewer[];
  /** Every spec set of the repository (patterns); empty: discover the spec files of the workspace. */
  readonly allSpecs: readonly string[];
  /** When set, the plan comment is this set's section of one comment shared by the group. */
  readonly commentGroup?: string;
}

export class InputError extends Error {}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function optional<T extends z.ZodType<string, string>>(schema: T) {
  return z
    .string()
    .transform((value) => value.trim())
    .pipe(z.union([z.literal(''), schema]))
    .transform((value) => (value === '' ? undefined : (value as z.output<T>)));
}
const guid = (what: string) => z.string().regex(GUID, `must be a GUID (${what})`);
const choice = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z
    .string()
    .transform((value) => value.trim() || fallback)
    .pipe(z.enum(values, { error: `must be one of ${values.join(', ')}` }));
const bool = (fallback: boolean) =>
  z
    .string()
    .transform((value) => value.trim().toLowerCase() || String(fallback))
    .pipe(z.enum(['true', 'false'], { error: 'must be true or false' }))
    .transform((value) => value === 'true');

const USER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9](?:[A-Za-z0-9._-]{0,99}))$/;

/** The input: GitHub logins and `org/team-slug`, one per line or comma separated, `@` optional. */
export const reviewersInput = z.string().transform((value, context): Reviewer[] => {
  const reviewers: Reviewer[] = [];
  for (const raw of value.split(/[\s,]+/)) {
    const entry = raw.trim().replace(/^@/, '');
    if (entry === '') continue;
    const team = TEAM.exec(entry);
    if (team) reviewers.push({ kind: 'team', org: team[1] as string, slug: team[2] as string });
    else if (USER.test(entry)) reviewers.push({ kind: 'user', login: entry });
    else
      context.addIssue({
        code: 'custom',
        message: `names "${entry.slice(0, 60)}", which is neither a GitHub user nor an org/team slug: write users as octocat and teams as my-org/network-admins`,
      });
  }
  return reviewers;
});

const schema = z.strictObject({
  spec: z
    .string()
    .transform((value) =>
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .pipe(z.array(z.string()).min(1, 'is required: name spec files, directories or globs')),
  mode: choice(MODES, 'auto'),
  'azure-client-id': optional(guid('the application (client) id of the identity')),
  'azure-tenant-id': optional(guid('the directory (tenant) id')),
  'azure-subscription-id': optional(guid('a subscription id')),
  cloud: optional(z.enum(CLOUDS, { error: `must be one of ${CLOUDS.join(', ')}` })),
  'github-token': z.string(),
  comment: choice(COMMENT_POLICIES, 'always'),
  'allow-destructive': bool(false),
  'on-plan-mismatch': choice(ON_PLAN_MISMATCH, 'per-vault').transform((value) =>
    value === 'fail' ? 'all-or-nothing' : value,
  ),
  'max-parallel': z
    .string()
    .transform((value) => value.trim() || '4')
    .pipe(z.string().regex(/^\d+$/, `must be a whole number from 1 to ${MAX_PARALLEL}`))
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, 'must be at least 1')
        .max(MAX_PARALLEL, `must be at most ${MAX_PARALLEL}`),
    ),
  'arm-endpoint': optional(
    z.string().regex(/^https:\/\/[^\s/]+(\/\S*)?$/, 'must be an https:// URL'),
  ),
  'drift-fix': choice(DRIFT_FIX_MODES, 'off'),
  'widening-reviewers': reviewersInput,
  'all-specs': z.string().transform((value) =>
    value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
  ),
  'comment-group': optional(
    z
      .string()
      .regex(
        /^[A-Za-z0-9._-]{1,64}$/,
        'must be 1 to 64 letters, digits, dots, dashes or underscores',
      ),
  ),
});

export const INPUT_NAMES = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

/** Short, readable and unique per set: the patterns, then a hash of their exact text. */
export function specSetIdOf(patterns: readonly string[]): string {
  const text = patterns.join('\n');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  const readable = patterns
    .join(',')
    .replace(/[^A-Za-z0-9._/-]+/g, '_')
    .slice(0, 60);
  return `${readable}-${hash}`;
}

/** Parses the raw values (as `core.getInput` returns them: '' when not set). */
export function parseInputs(raw: Readonly<Record<string, string>>): ActionInputs {
  const result = schema.safeParse(
    Object.fromEntries(INPUT_NAMES.map((name) => [name, raw[name] ?? ''])),
  );
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'inputs');
      const given = (raw[name] ?? '').trim();
      const shown = name === 'github-token' || given === '' ? '' : ` (got "${given.slice(0, 80)}")`;
      return `input "${name}" ${issue.message}${shown}`;
    });
    throw new InputError([...new Set(problems)].join('; '));
  }
  const value = result.data;
  if (value['azure-client-id'] && !value['azure-tenant-id']) {
    throw new InputError(
      'input "azure-tenant-id" is required when "azure-client-id" is set (OIDC sign-in needs both)',
    );
  }
  return {
    spec: value.spec,
    specSetId: specSetIdOf(value.spec),
    mode: value.mode,
    azureClientId: value['azure-client-id'],
    azureTenantId: value['azure-tenant-id'],
    azureSubscriptionId: value['azure-subscription-id'],
    cloud: value.cloud,
    githubToken: value['github-token'] || undefined,
    comment: value.comment,
    allowDestructive: value['allow-destructive'],
    onPlanMismatch: value['on-plan-mismatch'],
    maxParallel: value['max-parallel'],
    armEndpoint: value['arm-endpoint'],
    driftFix: value['drift-fix'],
    wideningReviewers: value['widening-reviewers'],
    allSpecs: value['all-specs'],
    commentGroup: value['comment-group'],
  };
}
