// Sharding (issue 12): one spec set per matrix job. Concurrent jobs share one aggregate comment,
// each writing its own section (race-safe: deterministic marker, oldest comment wins, read back
// after a settle delay and written again when lost); the apply of one set reads and rewrites only
// its section; a vault declared in two spec sets is an error naming both positions.
import { describe, expect, it } from 'vitest';
import { payloads, workspaceWith, type ActionRun } from './harness.js';
import {
  actionSuite,
  github,
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

const OPEN = {
  defaultAction: 'Allow',
  bypass: 'AzureServices',
  ipRules: [],
  virtualNetworkRules: [],
};
function vaultNamed(name: string) {
  const body = vaultBody(OPEN);
  return {
    ...body,
    id: body.id.replace(/kv-app$/, name),
    name,
    properties: { ...body.properties, vaultUri: `https://${name}.vault.azure.net/` },
  };
}

actionSuite({
  beforeEachTest: (api) => api.reset([OPEN_VAULT, vaultNamed('kv-b'), vaultNamed('kv-c')]),
});

const specOf = (name: string, address: string) => `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
vaults:
  - name: ${name}
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules: [${address}]
`;

const SETS = {
  'sets/app': specOf('kv-app', '20.50.10.7'),
  'sets/b': specOf('kv-b', '20.60.0.0/24'),
  'sets/c': specOf('kv-c', '20.70.1.1'),
};
const estate = () =>
  workspaceWith(
    Object.fromEntries(Object.entries(SETS).map(([dir, text]) => [`${dir}/spec.yaml`, text])),
  );

function planSet(workspace: string, set: string, extra: Record<string, string> = {}) {
  return runBundled({
    eventName: 'pull_request',
    payload: payloads.pullRequest(OWNER, REPO, 7, 'a1'.repeat(20)),
    workspace,
    inputs: localInputs({ spec: set, 'comment-group': 'estate', ...extra }),
    env: signedInEnv({ KVNET_COMMENT_SETTLE_MS: '300' }),
  });
}

describe('sharded spec sets', () => {
  it('three concurrent plan jobs share one aggregate comment, each with its own section', async () => {
    const workspace = estate();
    // Every comment write takes a while, so the jobs' reads and writes interleave.
    github.commentWriteDelayMs = 250;
    const runs: ActionRun[] = await Promise.all(
      Object.keys(SETS).map((set) => planSet(workspace, set)),
    );
    for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);
    const comments = github.commentsOn(7);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body.startsWith('<!-- kvnet:aggregate group=estate -->')).toBe(true);
    for (const set of Object.keys(SETS))
      expect(body).toContain(`<!-- kvnet:section spec-set=${set}-`);
    expect(body.match(/<!-- kvnet:plan spec-set=/g)).toHaveLength(3);
    // Every job's fingerprint is in its own section.
    for (const run of runs) expect(body).toContain(`fingerprint=${run.outputs.fingerprint}`);
    // Creations beyond the first were deleted again: the comment that stayed is the oldest.
    const deletes = github.requests.filter((request) => request.method === 'DELETE');
    const posts = github.requests.filter(
      (request) => request.method === 'POST' && request.path.endsWith('/comments'),
    );
    expect(posts.length - deletes.length).toBe(1);

    // A re-run of one job rewrites only its own section.
    github.commentWriteDelayMs = 0;
    const before = body;
    const again = await planSet(workspace, 'sets/b');
    expect(again.code).toBe(0);
    expect(github.commentsOn(7)).toHaveLength(1);
    expect(github.commentsOn(7)[0]?.body).toBe(before);
  }, 120_000);

  it('the apply of one set reads its own section and reports there, leaving the others', async () => {
    const workspace = estate();
    await Promise.all(Object.keys(SETS).map((set) => planSet(workspace, set)));
    const mergeSha = 'c3'.repeat(20);
    github.merge(7, mergeSha);
    const apply = await runBundled({
      eventName: 'push',
      payload: payloads.push(OWNER, REPO, mergeSha),
      workspace,
      inputs: localInputs({ spec: 'sets/b', 'comment-group': 'estate' }),
      env: signedInEnv({
        GITHUB_SHA: mergeSha,
        GITHUB_REF: 'refs/heads/main',
        KVNET_COMMENT_SETTLE_MS: '50',
      }),
    });
    expect(apply.code, apply.stdout).toBe(0);
    expect(apply.outputs.outcome).toBe('applied');
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body.match(/kvnet apply: applied/g)).toHaveLength(1);
    expect(body.match(/<!-- kvnet:plan spec-set=/g)).toHaveLength(3);
  }, 120_000);

  it('a vault declared in two spec sets is an error, naming both positions', async () => {
    const workspace = workspaceWith({
      'sets/app/spec.yaml': SETS['sets/app'],
      'sets/copy/spec.yaml': `# the same vault, again\n${specOf('kv-app', '20.99.0.1')}`,
      'notes/other.yaml': 'title: not a spec\n',
    });
    const run = await runBundled({
      eventName: 'pull_request',
      payload: payloads.pullRequest(OWNER, REPO, 7, 'a1'.repeat(20)),
      workspace,
      inputs: localInputs({ spec: 'sets/app' }),
      env: signedInEnv(),
    });
    expect(run.code).toBe(1);
    expect(run.outputs.outcome).toBe('invalid');
    expect(run.stdout).toMatch(
      /::error title=kvnet vault\/in-two-sets,file=sets\/app\/spec\.yaml,line=6,col=11::sets\/app\/spec\.yaml:6:11 {2}error {2}vault "kv-app" is also declared at sets\/copy\/spec\.yaml:7:11, in another spec set/,
    );
    expect(github.commentsOn(7)[0]?.body).toContain('sets/copy/spec.yaml:7:11');

    // With all-specs naming only this set, the other file is not looked at.
    const alone = await runBundled({
      eventName: 'pull_request',
      payload: payloads.pullRequest(OWNER, REPO, 7, 'a1'.repeat(20)),
      workspace,
      inputs: localInputs({ spec: 'sets/app', 'all-specs': 'sets/app' }),
      env: signedInEnv(),
    });
    expect(alone.outputs.outcome).toBe('changes');
  });
});
