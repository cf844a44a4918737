// schedule: one drift issue, opened while live state departs from the spec, updated on the next
// check, closed with a comment once live state converges.
import { describe, expect, it } from 'vitest';
import { HUMAN } from '../support/github-api.js';
import { payloads } from './harness.js';
import {
  actionSuite,
  CONVERGED_VAULT,
  github,
  http,
  localInputs,
  OPEN_VAULT,
  OWNER,
  REPO,
  runBundled,
  signedInEnv,
  vaultBody,
} from './scenario.js';

actionSuite({
  maxPageSize: 3,
  // Unrelated issues and pull requests, so the lookup has pages to walk.
  seedGitHub: (api) => {
    for (let n = 1; n <= 4; n += 1) api.addPullRequest({ number: n, headSha: `${n}`.repeat(40) });
  },
});

function driftCheck(eventName = 'schedule') {
  return runBundled({
    eventName,
    payload: payloads.schedule(OWNER, REPO),
    inputs: localInputs(),
    env: signedInEnv({ GITHUB_SHA: 'e5'.repeat(20), GITHUB_REF: 'refs/heads/main' }),
  });
}

describe('schedule → drift issue', () => {
  it('opens one issue, updates it while drift changes, and closes it after convergence', async () => {
    await http.reset([OPEN_VAULT]);
    const first = await driftCheck();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs.outcome).toBe('changes');
    expect(first.stdout).toMatch(/^::warning::drift found: issue #5 opened/m);
    let issues = github.plainIssues();
    expect(issues).toHaveLength(1);
    const issue = issues[0];
    expect(issue?.state).toBe('open');
    expect(issue?.user.type).toBe('Bot');
    expect(issue?.body).toMatch(/^<!-- kvnet:drift spec-set=kv-network-[0-9a-f]{8} -->/);
    expect(issue?.body).toContain('networkAcls.defaultAction: Allow → Deny');

    // A human issue that quotes the marker is not ours.
    github.issues.push({
      number: 40,
      title: 'copy',
      body: issue?.body ?? '',
      state: 'open',
      user: HUMAN,
    });

    // Drift changes shape: the same issue is edited, no second one opened.
    await http.reset([
      vaultBody({ defaultAction: 'Allow', bypass: 'None', ipRules: [], virtualNetworkRules: [] }),
    ]);
    const second = await driftCheck('workflow_dispatch');
    expect(second.code).toBe(0);
    issues = github.plainIssues().filter((candidate) => candidate.user.type === 'Bot');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.number).toBe(issue?.number);
    expect(issues[0]?.body).toContain('networkAcls.bypass: None → AzureServices');
    expect(
      github.requests.some(
        (r) => r.method === 'PATCH' && r.path.endsWith(`/issues/${issue?.number}`),
      ),
    ).toBe(true);

    // Live state converges: the issue is closed with a comment; the human one is untouched.
    await http.reset([CONVERGED_VAULT]);
    const third = await driftCheck();
    expect(third.code).toBe(0);
    expect(third.outputs.outcome).toBe('no-changes');
    expect(github.issues.find((candidate) => candidate.number === issue?.number)?.state).toBe(
      'closed',
    );
    expect(github.commentsOn(issue?.number ?? 0).map((c) => c.body)).toEqual([
      expect.stringContaining('live state matches the spec again'),
    ]);
    expect(github.issues.find((candidate) => candidate.number === 40)?.state).toBe('open');

    // And with nothing open and nothing drifting, nothing is written.
    const writesBefore = github.writes().length;
    const fourth = await driftCheck();
    expect(fourth.code).toBe(0);
    expect(github.writes()).toHaveLength(writesBefore);
  });

  it('leaves the issue alone and fails when live state cannot be read', async () => {
    await http.reset([OPEN_VAULT]);
    await driftCheck();
    const open = github.plainIssues()[0];
    await http.reset([CONVERGED_VAULT]);
    await http.addFaults({
      method: 'GET',
      path: '/subscriptions/*/resourceGroups/*/providers/Microsoft.KeyVault/vaults/kv-app',
      times: 20,
      effect: { type: 'status', status: 403, code: 'AuthorizationFailed', message: 'no read' },
    });
    const run = await driftCheck();
    expect(run.code).toBe(1);
    expect(run.outputs.outcome).toBe('error');
    expect(run.outputs['has-changes']).toBe('');
    expect(github.issues.find((candidate) => candidate.number === open?.number)?.state).toBe(
      'open',
    );
    await http.request('DELETE', '/_emulator/faults');
  });
});
