// Before merge (issue 12): the merge_group route plans against the queue's ref and fails the
// check when a vault's reviewed basis moved; a plan comment whose basis went stale is marked by
// the next plan or drift run that sees it; a closed pull request is never re-planned; an expiry
// that passes between review and merge does not make the reviewed plan stale.
import { describe, expect, it } from 'vitest';
import { payloads, workspaceWith, type ActionRun } from './harness.js';
import {
  actionSuite,
  github,
  http,
  localInputs,
  OPEN_VAULT,
  OWNER,
  REPO,
  RG,
  runBundled,
  signedInEnv,
  SUB,
  vaultBody,
} from './scenario.js';

actionSuite({
  beforeEachTest: (api) => api.reset([OPEN_VAULT]),
  seedGitHub: (api) => {
    api.addPullRequest({ number: 7, headSha: '7'.repeat(40) });
    api.addPullRequest({ number: 8, headSha: '8'.repeat(40) });
  },
});

const spec = (ips: string) => `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
vaults:
  - name: kv-app
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules:
${ips}`;
const OFFICE = '        - 20.50.10.7\n';
const WITH_EXPIRY = `        - 20.50.10.7
        - address: 198.51.100.9
          expires: 2026-11-30
`;

function planOn(
  number: number,
  specText: string,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const headSha = `${number}`.repeat(40);
  return runBundled({
    eventName: 'pull_request',
    payload: payloads.pullRequest(OWNER, REPO, number, headSha),
    workspace: workspaceWith({ 'kv-network/app.yaml': specText }),
    inputs: localInputs(),
    env: signedInEnv({ GITHUB_SHA: headSha, GITHUB_REF: `refs/pull/${number}/merge`, ...env }),
  });
}

function mergeGroup(number: number, specText: string): Promise<ActionRun> {
  const headSha = 'ab'.repeat(20);
  const headRef = `refs/heads/gh-readonly-queue/main/pr-${number}-${'b'.repeat(40)}`;
  return runBundled({
    eventName: 'merge_group',
    payload: {
      action: 'checks_requested',
      merge_group: {
        head_sha: headSha,
        head_ref: headRef,
        base_sha: 'b'.repeat(40),
        base_ref: 'refs/heads/main',
        head_commit: { id: headSha, message: `Merge pull request #${number}` },
      },
      repository: payloads.repository(OWNER, REPO),
    },
    workspace: workspaceWith({ 'kv-network/app.yaml': specText }),
    inputs: localInputs(),
    env: signedInEnv({ GITHUB_SHA: headSha, GITHUB_REF: headRef }),
  });
}

const MOVED_VAULT = vaultBody({
  defaultAction: 'Allow',
  bypass: 'None',
  ipRules: [],
  virtualNetworkRules: [],
});

describe('merge queue, stale comments, closed pull requests, expiry', () => {
  it('a merge-group plan passes while the reviewed basis holds, and fails once it moved', async () => {
    await planOn(7, spec(OFFICE));
    const passing = await mergeGroup(7, spec(OFFICE));
    expect(passing.code, passing.stdout).toBe(0);
    expect(passing.outputs.outcome).toBe('changes');
    expect(passing.stdout).toContain('the reviewed basis of pull request #7 holds');
    expect(
      (await http.requests()).filter(
        (entry) => entry.method !== 'GET' && !entry.path.startsWith('/_emulator'),
      ),
    ).toEqual([]);

    await http.reset([MOVED_VAULT]);
    const failing = await mergeGroup(7, spec(OFFICE));
    expect(failing.code).toBe(1);
    expect(failing.outputs.outcome).toBe('refused');
    expect(failing.summary).toContain('vault kv-app: refused');
    expect(failing.summary).toContain('networkAcls.bypass');
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body).toContain('This plan is stale');
    expect(body).toContain('`kv-app`');
  });

  it('a plan comment whose basis went stale is marked by the next plan run of another pull request', async () => {
    await planOn(7, spec(OFFICE));
    expect(github.commentsOn(7)[0]?.body).not.toContain('stale');
    await http.reset([MOVED_VAULT]);
    const other = await planOn(8, spec('        - 20.60.0.0/24\n'));
    expect(other.outputs.outcome).toBe('changes');
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body).toContain('This plan is stale');
    expect(body).toContain('`vault kv-app`');
    // The marker still leads the comment, and the banner is put only once.
    expect(body.startsWith('<!-- kvnet:plan ')).toBe(true);
    await planOn(8, spec('        - 20.60.0.0/24\n'));
    expect((github.commentsOn(7)[0]?.body ?? '').split('This plan is stale').length).toBe(2);
    // Re-planning #7 refreshes its comment: no banner.
    await planOn(7, spec(OFFICE));
    expect(github.commentsOn(7)[0]?.body).not.toContain('This plan is stale');
  });

  it('a drift run marks a stale plan comment too', async () => {
    await planOn(7, spec(OFFICE));
    await http.reset([MOVED_VAULT]);
    await runBundled({
      eventName: 'schedule',
      payload: payloads.schedule(OWNER, REPO),
      workspace: workspaceWith({ 'kv-network/app.yaml': spec(OFFICE) }),
      inputs: localInputs(),
      env: signedInEnv(),
    });
    expect(github.commentsOn(7)[0]?.body).toContain('This plan is stale');
  });

  it('a closed pull request is not re-planned: its reviewed comment is left as it is', async () => {
    await planOn(7, spec(OFFICE));
    const reviewed = github.commentsOn(7)[0]?.body;
    github.merge(7, '7e'.repeat(20));
    const mark = (await http.requests()).length;
    const rerun = await planOn(7, spec('        - 20.99.0.1\n'));
    expect(rerun.code).toBe(0);
    expect(rerun.outputs.outcome).toBe('skipped');
    expect(rerun.stdout).toContain('closed pull requests are never re-planned');
    expect(github.commentsOn(7)).toHaveLength(1);
    expect(github.commentsOn(7)[0]?.body).toBe(reviewed);
    expect(
      (await http.requests()).slice(mark).filter((entry) => !entry.path.startsWith('/_emulator')),
    ).toEqual([]);
    github.close(8);
    const closed = await planOn(8, spec(OFFICE));
    expect(closed.outputs.outcome).toBe('skipped');
    expect(github.commentsOn(8)).toEqual([]);
  });

  it('an expiry announced in the reviewed plan passes between review and merge: applied, not stale', async () => {
    const plan = await planOn(7, spec(WITH_EXPIRY), { KVNET_TODAY: '2026-11-29' });
    expect(plan.outputs.outcome).toBe('changes');
    expect(github.commentsOn(7)[0]?.body).toContain('2026-11-30');
    github.merge(7, '7e'.repeat(20));
    const apply = await runBundled({
      eventName: 'push',
      payload: payloads.push(OWNER, REPO, '7e'.repeat(20)),
      workspace: workspaceWith({ 'kv-network/app.yaml': spec(WITH_EXPIRY) }),
      inputs: localInputs(),
      env: signedInEnv({
        GITHUB_SHA: '7e'.repeat(20),
        GITHUB_REF: 'refs/heads/main',
        KVNET_TODAY: '2026-12-02',
      }),
    });
    expect(apply.code, apply.stdout).toBe(0);
    expect(apply.outputs.outcome).toBe('applied');
    expect(apply.stdout).toContain('198.51.100.9/32 expired as pull request #7 announced');
    const acls = (await http.state())[0] as { properties: { networkAcls: { ipRules: unknown } } };
    expect(acls.properties.networkAcls.ipRules).toEqual([{ value: '20.50.10.7/32' }]);
  });
});
