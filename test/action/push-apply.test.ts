// push to main: the bundled action finds the merged pull request, reads the reviewed
// fingerprint from kvnet's comment, applies through the local ARM endpoint, and reports back.
import { describe, expect, it } from 'vitest';
import { HUMAN } from '../support/github-api.js';
import { payloads } from './harness.js';
import {
  actionSuite,
  github,
  HEAD_SHA,
  http,
  localInputs,
  MERGE_SHA,
  OWNER,
  pullRequestEvent,
  REPO,
  resetToOpenVault,
  runBundled,
  signedInEnv,
  VAULT_PATH,
  vaultBody,
} from './scenario.js';

actionSuite({ beforeEachTest: resetToOpenVault, maxPageSize: 5 });

function planOnPullRequest() {
  return runBundled({
    ...pullRequestEvent(),
    inputs: localInputs(),
    env: signedInEnv({ GITHUB_SHA: HEAD_SHA, GITHUB_REF: 'refs/pull/7/merge' }),
  });
}

function pushToMain(extra: Record<string, string> = {}, sha = MERGE_SHA) {
  return runBundled({
    eventName: 'push',
    payload: payloads.push(OWNER, REPO, sha),
    inputs: localInputs(extra),
    env: signedInEnv({ GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main' }),
  });
}

async function liveAcls(): Promise<Record<string, unknown>> {
  const answer = await http.request('GET', `${VAULT_PATH}?api-version=2024-11-01`);
  return (answer.body as { properties: { networkAcls: Record<string, unknown> } }).properties
    .networkAcls;
}

async function armWrites() {
  return (await http.requests()).filter(
    (entry) => !entry.path.startsWith('/_emulator') && entry.method !== 'GET',
  );
}

describe('push to main → apply the reviewed plan', () => {
  it('applies the plan reviewed on the merged pull request and updates its comment', async () => {
    const plan = await planOnPullRequest();
    expect(plan.outputs.outcome).toBe('changes');
    const commentId = github.commentsOn(7)[0]?.id;
    github.merge(7, MERGE_SHA);

    const apply = await pushToMain();
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect(apply.outputs.outcome).toBe('applied');
    expect(apply.outputs.fingerprint).toBe(plan.outputs.fingerprint);
    expect(await liveAcls()).toMatchObject({
      defaultAction: 'Deny',
      bypass: 'AzureServices',
      ipRules: [{ value: '20.50.10.7/32' }],
    });
    const writes = await armWrites();
    // Opening step, then narrowing step: both PATCH the vault, and nothing else is written.
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((entry) => entry.method === 'PATCH' && entry.path === VAULT_PATH)).toBe(
      true,
    );
    // The commit → pull request lookup was used, and the same comment now carries the result.
    expect(github.requests.some((r) => r.path.endsWith(`/commits/${MERGE_SHA}/pulls`))).toBe(true);
    const comments = github.commentsOn(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.id).toBe(commentId);
    expect(comments[0]?.body).toContain('kvnet apply: applied');
    expect(comments[0]?.body).toContain(`fingerprint=${plan.outputs.fingerprint}`);
    expect(comments[0]?.body).toContain(MERGE_SHA.slice(0, 12));
    expect(apply.summary).toContain('kvnet apply: applied');

    // The next plan after a successful apply is empty (on another pull request: #7 is merged,
    // and a merged pull request is never re-planned).
    github.addPullRequest({ number: 8, headSha: 'b8'.repeat(20) });
    const again = await runBundled({
      eventName: 'pull_request',
      payload: payloads.pullRequest(OWNER, REPO, 8, 'b8'.repeat(20)),
      inputs: localInputs(),
      env: signedInEnv(),
    });
    expect(again.outputs.outcome).toBe('no-changes');
    expect((await planOnPullRequest()).outputs.outcome).toBe('skipped');
  });

  it('refuses without writing when live state moved between review and merge, naming the field', async () => {
    await planOnPullRequest();
    github.merge(7, MERGE_SHA);
    // Someone changes the vault in the portal after the review.
    await http.reset([
      vaultBody({ defaultAction: 'Allow', bypass: 'None', ipRules: [], virtualNetworkRules: [] }),
    ]);
    const apply = await pushToMain();
    expect(apply.code).toBe(1);
    expect(apply.outputs.outcome).toBe('refused');
    expect(await armWrites()).toEqual([]);
    expect(await liveAcls()).toMatchObject({ defaultAction: 'Allow', bypass: 'None' });
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body).toContain('kvnet apply: refused');
    expect(body).toContain('networkAcls.bypass');
    expect(apply.summary).toContain('networkAcls.bypass');
    expect(apply.stdout).toContain('networkAcls.bypass');
  });

  it('with on-plan-mismatch: apply, applies the fresh plan and warns', async () => {
    await planOnPullRequest();
    github.merge(7, MERGE_SHA);
    await http.reset([
      vaultBody({ defaultAction: 'Allow', bypass: 'None', ipRules: [], virtualNetworkRules: [] }),
    ]);
    const apply = await pushToMain({ 'on-plan-mismatch': 'apply' });
    expect(apply.code).toBe(0);
    expect(apply.outputs.outcome).toBe('applied');
    expect(apply.stdout).toMatch(
      /^::warning::the plan moved since review.*%0A.*networkAcls\.bypass/m,
    );
    expect(await liveAcls()).toMatchObject({ defaultAction: 'Deny', bypass: 'AzureServices' });
  });

  it('on a re-run after a partial apply, applies the steps left when all were reviewed', async () => {
    await planOnPullRequest();
    github.merge(7, MERGE_SHA);
    // An earlier run of this job did the opening step and then failed.
    const comment = github.commentsOn(7)[0];
    if (comment)
      comment.body = comment.body.replace(
        / schema=(\d+) -->/,
        ' schema=$1 status=apply-failed -->',
      );
    const opened = vaultBody({
      defaultAction: 'Allow',
      bypass: 'AzureServices',
      ipRules: [{ value: '20.50.10.7/32' }],
      virtualNetworkRules: [],
    });
    await http.reset([opened]);
    const rerun = await pushToMain();
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.outcome).toBe('applied');
    expect(rerun.stdout).toContain('step(s) left are all part of the reviewed plan');
    expect(await liveAcls()).toMatchObject({
      defaultAction: 'Deny',
      ipRules: [{ value: '20.50.10.7/32' }],
    });

    // But a change nobody reviewed is still refused on a re-run.
    if (comment) comment.body = comment.body.replace(/status=apply-\w+/, 'status=apply-failed');
    await http.reset([
      vaultBody({
        defaultAction: 'Allow',
        bypass: 'None',
        ipRules: [{ value: '20.50.10.7/32' }],
        virtualNetworkRules: [],
      }),
    ]);
    const refused = await pushToMain();
    expect(refused.code).toBe(1);
    expect(refused.outputs.outcome).toBe('refused');
    expect(await armWrites()).toEqual([]);
  });

  it('refuses a direct push that no pull request reviewed', async () => {
    const apply = await pushToMain({}, 'd4'.repeat(20));
    expect(apply.code).toBe(1);
    expect(apply.outputs.outcome).toBe('refused');
    expect(apply.summary).toContain('is not the merge of a pull request');
    expect(await armWrites()).toEqual([]);
    expect((await http.requests()).filter((e) => !e.path.startsWith('/_emulator'))).toEqual([]);
  });

  it('refuses when the only plan comment on the pull request was written by a person', async () => {
    await planOnPullRequest();
    const ours = github.commentsOn(7)[0];
    github.comments.length = 0;
    github.addComment(7, ours?.body ?? '', HUMAN);
    github.merge(7, MERGE_SHA);
    const apply = await pushToMain();
    expect(apply.code).toBe(1);
    expect(apply.outputs.outcome).toBe('refused');
    expect(apply.summary).toContain('has no kvnet plan comment');
    expect(await armWrites()).toEqual([]);
  });

  it('refuses when the reviewed comment holds no plan (validate only)', async () => {
    await runBundled({
      ...pullRequestEvent('fork-owner/infra'),
      inputs: localInputs(),
      env: signedInEnv(),
    });
    expect(github.commentsOn(7)[0]?.body).toContain('status=validate-only');
    github.merge(7, MERGE_SHA);
    const apply = await pushToMain();
    expect(apply.code).toBe(1);
    expect(apply.summary).toContain('holds no plan');
    expect(await armWrites()).toEqual([]);
  });
});
