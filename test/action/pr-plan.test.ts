// pull_request: the bundled action plans against the local ARM endpoint and keeps ONE comment.
import { describe, expect, it } from 'vitest';
import { ACTIONS_BOT, HUMAN } from '../support/github-api.js';
import { workspaceWith, workflowCommands } from './harness.js';
import {
  actionSuite,
  github,
  HEAD_SHA,
  http,
  localInputs,
  OPEN_VAULT,
  pullRequestEvent,
  resetToOpenVault,
  runBundled,
  signedInEnv,
  SPEC,
} from './scenario.js';

actionSuite({ beforeEachTest: resetToOpenVault, maxPageSize: 5 });

function planOnPullRequest(extraInputs: Record<string, string> = {}, headRepo?: string) {
  return runBundled({
    ...pullRequestEvent(headRepo),
    inputs: localInputs(extraInputs),
    env: signedInEnv({ GITHUB_SHA: HEAD_SHA, GITHUB_REF: 'refs/pull/7/merge' }),
  });
}

describe('pull_request → plan comment', () => {
  it('creates one plan comment, then updates the same comment on the next run', async () => {
    const first = await planOnPullRequest();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs.outcome).toBe('changes');
    expect(first.outputs['has-changes']).toBe('true');
    expect(first.outputs.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    const comments = github.commentsOn(7);
    expect(comments).toHaveLength(1);
    const [comment] = comments;
    expect(comment?.user).toEqual(ACTIONS_BOT);
    expect(comment?.body).toContain(`fingerprint=${first.outputs.fingerprint}`);
    expect(comment?.body).toMatch(/^<!-- kvnet:plan spec-set=kv-network-[0-9a-f]{8} /);
    expect(comment?.body).toContain('20.50.10.7');
    expect(first.outputs['comment-url']).toContain(`#issuecomment-${comment?.id}`);
    // The whole plan is in the job summary, and the JSON plan is a file named by an output.
    expect(first.summary).toContain('kvnet plan');
    expect(first.summary).toContain('20.50.10.7');
    expect(first.outputs['plan-json']).toMatch(/kvnet-plan-.*\.json$/);
    // Planning reads only: every ARM request was a GET.
    const arm = (await http.requests()).filter((entry) => !entry.path.startsWith('/_emulator'));
    expect(arm.length).toBeGreaterThan(0);
    expect(arm.every((entry) => entry.method === 'GET')).toBe(true);

    // Padding so the lookup must follow Link headers past the first pages.
    for (let i = 0; i < 12; i += 1) github.addComment(7, `review note ${i}`, HUMAN);
    const second = await planOnPullRequest();
    expect(second.code).toBe(0);
    const mine = github.commentsOn(7).filter((c) => c.user.type === 'Bot');
    expect(mine).toHaveLength(1);
    expect(mine[0]?.id).toBe(comment?.id);
    const listCalls = github.requests.filter(
      (r) => r.method === 'GET' && r.path.endsWith('/issues/7/comments'),
    );
    expect(listCalls.some((r) => r.query.page === '3')).toBe(true);
    // Same plan, same body: nothing was written the second time.
    expect(github.writes().filter((r) => r.method === 'PATCH')).toHaveLength(0);

    // A change in Azure changes the plan: the same comment is edited.
    await http.reset([
      {
        ...OPEN_VAULT,
        properties: {
          ...OPEN_VAULT.properties,
          networkAcls: { ...OPEN_VAULT.properties.networkAcls, bypass: 'None' },
        },
      },
    ]);
    const third = await planOnPullRequest();
    expect(third.code).toBe(0);
    expect(github.commentsOn(7).filter((c) => c.user.type === 'Bot')).toHaveLength(1);
    expect(github.writes().filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(github.commentsOn(7).find((c) => c.id === comment?.id)?.body).toContain(
      `fingerprint=${third.outputs.fingerprint}`,
    );
    expect(third.outputs.fingerprint).not.toBe(first.outputs.fingerprint);
  });

  it('ignores a human comment that carries the marker and posts its own', async () => {
    const first = await planOnPullRequest();
    const marker = github.commentsOn(7)[0]?.body.split('\n')[0] ?? '';
    expect(marker).toContain('kvnet:plan');
    github.comments.length = 0;
    const forged = github.addComment(7, `${marker}\n## ✅ kvnet plan: No changes`, HUMAN);
    const second = await planOnPullRequest();
    expect(second.code).toBe(0);
    const comments = github.commentsOn(7);
    expect(comments).toHaveLength(2);
    expect(comments.find((c) => c.id === forged.id)?.body).toContain('No changes');
    expect(comments.find((c) => c.id !== forged.id)?.user.type).toBe('Bot');
    expect(
      github.requests.some((r) => r.method === 'PATCH' && r.path.endsWith(`/${forged.id}`)),
    ).toBe(false);
    expect(first.outputs.fingerprint).toBe(second.outputs.fingerprint);
  });

  it('keeps separate comments for separate spec sets (matrix jobs)', async () => {
    // Each set declares its own vault: one vault in two sets is an error (sharding.test.ts).
    const otherVault = {
      ...OPEN_VAULT,
      id: OPEN_VAULT.id.replace(/kv-app$/, 'kv-other'),
      name: 'kv-other',
    };
    await http.reset([OPEN_VAULT, otherVault]);
    const other = workspaceWith({
      'kv-network/app.yaml': SPEC,
      'kv-other/app.yaml': SPEC.replace('name: kv-app', 'name: kv-other'),
    });
    await planOnPullRequest();
    const second = await runBundled({
      workspace: other,
      ...pullRequestEvent(),
      inputs: localInputs({ spec: 'kv-other' }),
      env: signedInEnv(),
    });
    expect(second.code).toBe(0);
    const bots = github.commentsOn(7).filter((c) => c.user.type === 'Bot');
    expect(bots).toHaveLength(2);
    expect(bots.map((c) => c.body.split(' ')[2]).sort()).toEqual([
      expect.stringMatching(/^spec-set=kv-network-/),
      expect.stringMatching(/^spec-set=kv-other-/),
    ]);
  });

  it('with comment: changes, posts nothing for a plan without changes', async () => {
    const converged = {
      ...OPEN_VAULT,
      properties: {
        ...OPEN_VAULT.properties,
        networkAcls: {
          defaultAction: 'Deny',
          bypass: 'AzureServices',
          ipRules: [{ value: '20.50.10.7/32' }],
          virtualNetworkRules: [],
        },
      },
    };
    await http.reset([converged]);
    const run = await planOnPullRequest({ comment: 'changes' });
    expect(run.code).toBe(0);
    expect(run.outputs.outcome).toBe('no-changes');
    expect(run.outputs['has-changes']).toBe('false');
    expect(github.commentsOn(7)).toHaveLength(0);
    expect(workflowCommands(run.stdout).filter((line) => line.startsWith('::error'))).toEqual([]);
  });

  it('annotates validation findings on their spec lines and reports the invalid set on the comment', async () => {
    const broken = workspaceWith({
      'kv-network/app.yaml': SPEC.replace('      ipRules:', '      ipRule:'),
    });
    const run = await runBundled({
      workspace: broken,
      ...pullRequestEvent(),
      inputs: localInputs(),
      env: signedInEnv(),
    });
    expect(run.code).toBe(1);
    expect(run.outputs.outcome).toBe('invalid');
    expect(run.stdout).toMatch(
      // The annotation's text is the one finding format: file:line:col  severity  message  [rule].
      /^::error title=kvnet schema\/unknown-key,file=kv-network\/app\.yaml,line=11,col=7::kv-network\/app\.yaml:11:7 {2}error {2}unknown key "ipRule"/m,
    );
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body).toContain('the spec set is invalid');
    expect(body).toContain('fingerprint=none');
    expect(body).toContain('ipRule');
    // No plan was made, so Azure was not asked.
    expect((await http.requests()).filter((e) => !e.path.startsWith('/_emulator'))).toHaveLength(0);
  });
});
