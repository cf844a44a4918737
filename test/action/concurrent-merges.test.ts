// Several pull requests at once (issue 12), through the bundled action against the local GitHub
// REST endpoint and the local ARM endpoint: disjoint pull requests both applied; a vault that
// moved refused while another vault of the same merge is applied; three quick merges with the
// middle run cancelled, caught up by the third run; an untouched shard is a clean no-op.
import { describe, expect, it } from 'vitest';
import { payloads, workspaceWith, type ActionRun } from './harness.js';
import {
  actionSuite,
  github,
  http,
  localInputs,
  OWNER,
  REPO,
  RG,
  runBundled,
  signedInEnv,
  SUB,
  vaultBody,
} from './scenario.js';

const NAMES = ['kv-a', 'kv-b', 'kv-c'] as const;
type Name = (typeof NAMES)[number];
const OPEN = {
  defaultAction: 'Allow',
  bypass: 'AzureServices',
  ipRules: [],
  virtualNetworkRules: [],
};

function vaultNamed(name: Name, acls: Record<string, unknown> = OPEN) {
  const body = vaultBody(acls);
  return {
    ...body,
    id: body.id.replace(/kv-app$/, name),
    name,
    properties: { ...body.properties, vaultUri: `https://${name}.vault.azure.net/` },
  };
}

const ADDRESS: Record<Name, string> = {
  'kv-a': '20.50.10.7',
  'kv-b': '20.60.0.0/24',
  'kv-c': '20.70.1.1',
};

/** A spec where the named vaults are closed down to their office address, the others open. */
function specWith(closed: readonly Name[]): string {
  return `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
vaults:
${NAMES.map(
  (name) => `  - name: ${name}
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: ${closed.includes(name) ? 'Deny' : 'Allow'}
      ipRules: [${closed.includes(name) ? ADDRESS[name] : ''}]
`,
).join('')}`;
}

const workspaceClosing = (closed: readonly Name[]) =>
  workspaceWith({ 'kv-network/app.yaml': specWith(closed) });

actionSuite({
  beforeEachTest: (api) => api.reset(NAMES.map((name) => vaultNamed(name))),
  seedGitHub: (api) => {
    for (const number of [7, 8, 9]) api.addPullRequest({ number, headSha: `${number}`.repeat(40) });
  },
});

const mergeSha = (number: number) => `${number}e`.repeat(20);

function planOn(number: number, closed: readonly Name[]): Promise<ActionRun> {
  const headSha = `${number}`.repeat(40);
  return runBundled({
    eventName: 'pull_request',
    payload: payloads.pullRequest(OWNER, REPO, number, headSha),
    workspace: workspaceClosing(closed),
    inputs: localInputs(),
    env: signedInEnv({ GITHUB_SHA: headSha, GITHUB_REF: `refs/pull/${number}/merge` }),
  });
}

function applyOn(sha: string, closed: readonly Name[]): Promise<ActionRun> {
  return runBundled({
    eventName: 'push',
    payload: payloads.push(OWNER, REPO, sha),
    workspace: workspaceClosing(closed),
    inputs: localInputs(),
    env: signedInEnv({ GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main' }),
  });
}

async function defaultAction(name: Name): Promise<string> {
  const body = (await http.state()).find((entry) => entry.name === name) as {
    properties: { networkAcls: { defaultAction: string } };
  };
  return body.properties.networkAcls.defaultAction;
}

async function writesTo(name: Name, since: number): Promise<number> {
  return (await http.requests())
    .slice(since)
    .filter((entry) => entry.method !== 'GET' && entry.path.endsWith(`/vaults/${name}`)).length;
}

const statusStates = (sha: string) => github.statusesOf(sha).map((status) => status.state);

describe('concurrent pull requests and quick merges', () => {
  it('two pull requests planned on the same state, touching different vaults, are both applied', async () => {
    expect((await planOn(7, ['kv-a'])).outputs.outcome).toBe('changes');
    expect((await planOn(8, ['kv-b'])).outputs.outcome).toBe('changes');
    github.merge(7, mergeSha(7));
    const first = await applyOn(mergeSha(7), ['kv-a']);
    expect(first.outputs.outcome, first.stdout).toBe('applied');
    expect(statusStates(mergeSha(7))).toEqual(['pending', 'success']);
    github.merge(8, mergeSha(8));
    const second = await applyOn(mergeSha(8), ['kv-a', 'kv-b']);
    expect(second.code, second.stdout).toBe(0);
    expect(second.outputs.outcome).toBe('applied');
    expect(await defaultAction('kv-a')).toBe('Deny');
    expect(await defaultAction('kv-b')).toBe('Deny');
    expect(await defaultAction('kv-c')).toBe('Allow');
    expect(github.commentsOn(8)[0]?.body).toContain('kvnet apply: applied');
    // The second run stopped its walk at the first run's success: pull request #7 was not
    // looked at again.
    expect(
      github.requests.filter((request) => request.path.endsWith(`/commits/${mergeSha(7)}/pulls`)),
    ).toHaveLength(1);
  });

  it('refuses the vault that moved and applies the other vault of the same merge', async () => {
    await planOn(7, ['kv-a', 'kv-b']);
    github.merge(7, mergeSha(7));
    // kv-b changes in the portal between review and merge.
    await http.reset([
      vaultNamed('kv-a'),
      vaultNamed('kv-b', { ...OPEN, bypass: 'None' }),
      vaultNamed('kv-c'),
    ]);
    const mark = (await http.requests()).length;
    const apply = await applyOn(mergeSha(7), ['kv-a', 'kv-b']);
    expect(apply.code).toBe(1);
    expect(apply.outputs.outcome).toBe('partial');
    expect(await defaultAction('kv-a')).toBe('Deny');
    expect(await defaultAction('kv-b')).toBe('Allow');
    expect(await writesTo('kv-b', mark)).toBe(0);
    expect(await writesTo('kv-a', mark)).toBeGreaterThan(0);
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body).toContain('vault kv-b: refused');
    expect(body).toContain('networkAcls.bypass');
    expect(statusStates(mergeSha(7)).at(-1)).toBe('failure');
  });

  it('three quick merges with the middle run cancelled: the third run applies both remaining plans', async () => {
    await planOn(7, ['kv-a']);
    await planOn(8, ['kv-b']);
    await planOn(9, ['kv-c']);
    github.merge(7, mergeSha(7));
    expect((await applyOn(mergeSha(7), ['kv-a'])).outputs.outcome).toBe('applied');
    // #8 merges; its run is cancelled when #9's run queues behind the running group.
    github.merge(8, mergeSha(8));
    github.merge(9, mergeSha(9));
    const third = await applyOn(mergeSha(9), ['kv-a', 'kv-b', 'kv-c']);
    expect(third.code, third.stdout).toBe(0);
    expect(third.outputs.outcome).toBe('applied');
    expect(third.stdout).toMatch(/merged since the last successful apply \(7e7e7e7e7e7e\): #9, #8/);
    for (const name of NAMES) expect(await defaultAction(name)).toBe('Deny');
    expect(github.commentsOn(8)[0]?.body).toContain('kvnet apply: applied');
    expect(github.commentsOn(9)[0]?.body).toContain('kvnet apply: applied');
    expect(statusStates(mergeSha(8))).toEqual([]);
    expect(statusStates(mergeSha(9)).at(-1)).toBe('success');
  });

  it('a spec set the pull request did not touch is a clean no-op on merge', async () => {
    // A second spec set, untouched by #7: its plan has no changes, so with comment: changes
    // it posts no comment.
    // The first set holds kv-a and kv-b, the second kv-c (one vault, one set).
    const shard = workspaceWith({
      'kv-network/app.yaml': specWith(['kv-a']).split('  - name: kv-c')[0] ?? '',
      'kv-other/other.yaml': `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
vaults:
  - name: kv-c
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Allow
`,
    });
    const plan = await runBundled({
      eventName: 'pull_request',
      payload: payloads.pullRequest(OWNER, REPO, 7, '7'.repeat(40)),
      workspace: shard,
      inputs: localInputs({ spec: 'kv-other', comment: 'changes' }),
      env: signedInEnv(),
    });
    expect(plan.outputs.outcome).toBe('no-changes');
    expect(github.commentsOn(7)).toEqual([]);
    github.merge(7, mergeSha(7));
    const mark = (await http.requests()).length;
    const apply = await runBundled({
      eventName: 'push',
      payload: payloads.push(OWNER, REPO, mergeSha(7)),
      workspace: shard,
      inputs: localInputs({ spec: 'kv-other', comment: 'changes' }),
      env: signedInEnv({ GITHUB_SHA: mergeSha(7), GITHUB_REF: 'refs/heads/main' }),
    });
    expect(apply.code, apply.stdout).toBe(0);
    expect(apply.outputs.outcome).toBe('no-changes');
    expect((await http.requests()).slice(mark).filter((entry) => entry.method !== 'GET')).toEqual(
      [],
    );
    expect(github.commentsOn(7)).toEqual([]);
    expect(statusStates(mergeSha(7)).at(-1)).toBe('success');
  });
});
