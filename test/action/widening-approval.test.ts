// widening-reviewers: a pull request whose plan widens a vault's access keeps failing (step and
// commit status kvnet/widening-approval) until a listed user, or an active member of a listed
// team, approves its head commit. Against the local GitHub REST endpoint and the local ARM
// endpoint, with the bundled action.
import { describe, expect, it } from 'vitest';
import type { GitHubUser } from '../support/github-api.js';
import { payloads, workspaceWith } from './harness.js';
import {
  actionSuite,
  CONVERGED_VAULT,
  github,
  HEAD_SHA,
  http,
  localInputs,
  OPEN_VAULT,
  OWNER,
  REPO,
  runBundled,
  signedInEnv,
  SPEC,
} from './scenario.js';

actionSuite({ maxPageSize: 2 });

const user = (login: string, id: number): GitHubUser => ({ login, id, type: 'User' });
const CAROL = user('carol', 2001);
const DAVE = user('dave', 2002);
const ERIN = user('erin', 2003);
const PUSHED = 'd4'.repeat(20);

/** The spec adds a public range to the converged vault: the plan widens kv-app. */
const WIDER_SPEC = SPEC.replace(
  '          note: office egress\n',
  '          note: office egress\n        - address: 52.174.0.0/24\n          note: new partner range\n',
);

const reviewers = 'carol\noctoorg/net-admins';

function plan(
  options: { spec?: string; sha?: string; eventName?: string; reviewerInput?: string } = {},
) {
  const sha = options.sha ?? HEAD_SHA;
  const payload = payloads.pullRequest(OWNER, REPO, 7, sha);
  return runBundled({
    eventName: options.eventName ?? 'pull_request',
    payload:
      options.eventName === 'pull_request_review'
        ? { ...payload, action: 'submitted', review: { state: 'approved', commit_id: sha } }
        : payload,
    workspace: workspaceWith({ 'kv-network/app.yaml': options.spec ?? WIDER_SPEC }),
    inputs: localInputs({ 'widening-reviewers': options.reviewerInput ?? reviewers }),
    env: signedInEnv({ GITHUB_SHA: sha, GITHUB_REF: 'refs/pull/7/merge' }),
  });
}

const comment = () => github.commentsOn(7).find((c) => c.user.type === 'Bot')?.body ?? '';
const status = (sha = HEAD_SHA) => github.latestStatuses(sha).get('kvnet/widening-approval');

describe('widening needs its reviewer', () => {
  it('fails and names who must approve while nobody listed has approved', async () => {
    await http.reset([CONVERGED_VAULT]);
    const run = await plan();
    expect(run.code).toBe(1);
    expect(run.outputs.outcome).toBe('changes');
    expect(run.stdout).toMatch(/::error::kvnet: the plan widens access and needs an approval/);
    expect(comment()).toContain('This plan widens access and needs an approval');
    expect(comment()).toContain('`@carol`');
    expect(comment()).toContain('`@octoorg/net-admins`');
    expect(comment()).toContain('kv-app gains: 52.174.0.0/24');
    expect(status()?.state).toBe('failure');
  });

  it('passes once a listed user approves the head commit, also when re-run on the review event', async () => {
    await http.reset([CONVERGED_VAULT]);
    expect((await plan()).code).toBe(1);
    github.addReview(7, CAROL, 'APPROVED', HEAD_SHA);
    const run = await plan({ eventName: 'pull_request_review' });
    expect(run.stdout).toContain('pull_request_review event, mode auto → plan');
    expect(run.code).toBe(0);
    expect(comment()).toContain('Widening approved');
    expect(comment()).toContain('`carol`');
    expect(status()?.state).toBe('success');
    // One comment, updated; the failing status was superseded on the same context.
    expect(github.commentsOn(7).filter((c) => c.user.type === 'Bot')).toHaveLength(1);
    expect(github.statusesOf(HEAD_SHA).map((s) => s.state)).toEqual(['failure', 'success']);
  });

  it('counts an approval by an active member of a listed team, not by a pending one', async () => {
    await http.reset([CONVERGED_VAULT]);
    github.addTeamMember('octoorg/net-admins', 'dave', 'pending');
    github.addReview(7, DAVE, 'APPROVED', HEAD_SHA);
    expect((await plan()).code).toBe(1);
    github.addTeamMember('octoorg/net-admins', 'dave', 'active');
    const run = await plan();
    expect(run.code).toBe(0);
    expect(comment()).toContain('(as `@octoorg/net-admins`)');
    expect(
      github.requests.some(
        (r) => r.path === '/orgs/octoorg/teams/net-admins/memberships/dave' && r.status === 200,
      ),
    ).toBe(true);
  });

  it('does not count an approval by someone not listed', async () => {
    await http.reset([CONVERGED_VAULT]);
    github.addReview(7, ERIN, 'APPROVED', HEAD_SHA);
    const run = await plan();
    expect(run.code).toBe(1);
    expect(comment()).toContain('not counted: erin: not one of the widening reviewers');
    expect(status()?.state).toBe('failure');
  });

  it('does not count a dismissed approval', async () => {
    await http.reset([CONVERGED_VAULT]);
    const review = github.addReview(7, CAROL, 'APPROVED', HEAD_SHA);
    // A later comment-only review does not undo an approval…
    github.addReview(7, CAROL, 'COMMENTED', HEAD_SHA);
    expect((await plan()).code).toBe(0);
    // …but a dismissal does.
    github.dismissReview(review.id);
    const run = await plan({ eventName: 'pull_request_review' });
    expect(run.code).toBe(1);
    expect(comment()).toContain('not counted: carol: the approval was dismissed');
    expect(status()?.state).toBe('failure');
  });

  it('does not count an approval of an older commit after a push', async () => {
    await http.reset([CONVERGED_VAULT]);
    github.addReview(7, CAROL, 'APPROVED', HEAD_SHA);
    expect((await plan()).code).toBe(0);
    github.push(7, PUSHED);
    const run = await plan({ sha: PUSHED });
    expect(run.code).toBe(1);
    expect(comment()).toContain('pushed after the approval');
    expect(status(PUSHED)?.state).toBe('failure');
    // The approval on the new head counts again.
    github.addReview(7, CAROL, 'APPROVED', PUSHED);
    expect((await plan({ sha: PUSHED })).code).toBe(0);
    expect(status(PUSHED)?.state).toBe('success');
  });

  it('needs no approval when the plan only narrows', async () => {
    await http.reset([OPEN_VAULT]);
    const run = await plan({ spec: SPEC });
    expect(run.code).toBe(0);
    expect(run.outputs.narrowing).toBe('1');
    expect(run.outputs.widening).toBe('0');
    expect(comment()).not.toContain('Widening needs its reviewer');
    expect(status()?.state).toBe('success');
    expect(status()?.description).toContain('no approval needed');
    expect(github.requests.some((r) => r.path.endsWith('/reviews'))).toBe(false);
  });

  it('refuses a reviewer that is neither a user nor an org/team slug', async () => {
    await http.reset([CONVERGED_VAULT]);
    const run = await plan({ reviewerInput: 'carol, not a/valid/team' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/input "widening-reviewers" names "a\/valid\/team"/);
  });
});
