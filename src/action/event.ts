// What triggered the run, read from the runner's variables and the event payload, and where
// that sends kvnet: plan on a pull request, apply on a push to the default branch, drift on a
// schedule. Events that run untrusted code with secrets are refused outright.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Mode } from './inputs.js';

const repoSchema = z.looseObject({ full_name: z.string() }).nullable().optional();
const pullRequestSchema = z.looseObject({
  number: z.number().int(),
  head: z.looseObject({ sha: z.string(), repo: repoSchema }),
  base: z.looseObject({ ref: z.string(), repo: repoSchema }),
});
const payloadSchema = z.looseObject({
  pull_request: pullRequestSchema.optional(),
  repository: z.looseObject({ default_branch: z.string().optional() }).optional(),
  after: z.string().optional(),
  ref: z.string().optional(),
  merge_group: z
    .looseObject({
      head_sha: z.string(),
      head_ref: z.string(),
      base_sha: z.string().optional(),
      base_ref: z.string().optional(),
    })
    .optional(),
});

export interface PullRequestInfo {
  readonly number: number;
  readonly headSha: string;
  /** The head branch lives in another repository: the run has no secrets and no OIDC token. */
  readonly fromFork: boolean;
}

/** A merge queue's group (event merge_group): its head is the queue's ref. */
export interface MergeGroupInfo {
  readonly headSha: string;
  /** refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha> */
  readonly headRef: string;
  readonly baseRef?: string;
  /** The pull request the group's head entry belongs to, read from the head ref. */
  readonly pullNumber?: number;
}

export interface RunEvent {
  readonly name: string;
  readonly owner: string;
  readonly repo: string;
  readonly sha: string;
  readonly ref: string;
  readonly defaultBranch?: string;
  readonly pullRequest?: PullRequestInfo;
  readonly mergeGroup?: MergeGroupInfo;
  /** A link to this run, for comments and issues. */
  readonly runUrl?: string;
}

export function readEvent(env: NodeJS.ProcessEnv): RunEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!name)
    throw new Error('GITHUB_EVENT_NAME is not set: kvnet must run as a GitHub Action step');
  if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set to OWNER/REPO');
  let raw: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      raw = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read the event payload: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`the ${name} event payload does not have the expected shape`);
  const payload = parsed.data;
  const pull = payload.pull_request;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    name,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? payload.after ?? '',
    ref: env.GITHUB_REF ?? payload.ref ?? '',
    defaultBranch: payload.repository?.default_branch,
    pullRequest: pull
      ? {
          number: pull.number,
          headSha: pull.head.sha,
          fromFork:
            !pull.head.repo ||
            pull.head.repo.full_name.toLowerCase() !==
              (pull.base.repo?.full_name ?? `${owner}/${repo}`).toLowerCase(),
        }
      : undefined,
    mergeGroup: payload.merge_group
      ? {
          headSha: payload.merge_group.head_sha,
          headRef: payload.merge_group.head_ref,
          baseRef: payload.merge_group.base_ref,
          pullNumber: pullOfQueueRef(payload.merge_group.head_ref),
        }
      : undefined,
    runUrl: env.GITHUB_RUN_ID
      ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined,
  };
}

/** GitHub names a merge group's head ref gh-readonly-queue/<base>/pr-<number>-<sha>. */
export function pullOfQueueRef(ref: string): number | undefined {
  const match = /gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]+$/.exec(ref);
  return match ? Number(match[1]) : undefined;
}

export type Route =
  | { readonly kind: 'validate'; readonly note?: string }
  | { readonly kind: 'plan' }
  | { readonly kind: 'apply' }
  | { readonly kind: 'drift' }
  | { readonly kind: 'merge-group' }
  | { readonly kind: 'refuse'; readonly reason: string };

const REFUSED_EVENTS: Record<string, string> = {
  pull_request_target:
    "kvnet refuses to run on pull_request_target: that event runs with the base repository's secrets and write token while the spec comes from the pull request, so a fork could steer the Azure identity. Use the pull_request event: fork pull requests then get validation without Azure access, and same-repository pull requests get a plan.",
  workflow_run:
    'kvnet refuses to run on workflow_run: it runs with secrets on behalf of code that may come from a fork. Run kvnet on pull_request (plan) and push (apply) instead.',
};

function isDefaultBranchPush(event: RunEvent): boolean {
  return (
    event.name === 'push' &&
    event.defaultBranch !== undefined &&
    event.ref === `refs/heads/${event.defaultBranch}`
  );
}

export function routeFor(mode: Mode, event: RunEvent): Route {
  const refused = REFUSED_EVENTS[event.name];
  if (refused) return { kind: 'refuse', reason: refused };
  switch (mode) {
    case 'validate':
      return { kind: 'validate' };
    case 'plan':
      return event.name === 'merge_group' ? { kind: 'merge-group' } : { kind: 'plan' };
    case 'drift':
      return { kind: 'drift' };
    case 'apply':
      return isDefaultBranchPush(event)
        ? { kind: 'apply' }
        : {
            kind: 'refuse',
            reason: `mode "apply" runs only on a push to the default branch (this is ${event.name} on ${event.ref || 'no ref'}): kvnet applies only plans reviewed on a merged pull request`,
          };
    case 'auto':
      // A review submitted or dismissed re-evaluates the widening approval (the same plan route).
      if (event.name === 'pull_request' || event.name === 'pull_request_review')
        return { kind: 'plan' };
      if (event.name === 'merge_group') return { kind: 'merge-group' };
      if (event.name === 'push') {
        return isDefaultBranchPush(event)
          ? { kind: 'apply' }
          : {
              kind: 'validate',
              note: `a push to ${event.ref} (not the default branch) is only validated`,
            };
      }
      if (event.name === 'schedule' || event.name === 'workflow_dispatch') return { kind: 'drift' };
      return {
        kind: 'refuse',
        reason: `mode "auto" does not know what to do on the ${event.name} event: set the input "mode" to validate, plan or drift`,
      };
  }
}
