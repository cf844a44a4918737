// schedule with drift-fix: narrowing-only, and the drift issue's "who changed it": out-of-band
// changes are made through the local ARM endpoint with a token whose claims name the person,
// and the bundled action reads them back from the activity log.
import { describe, expect, it } from 'vitest';
import { payloads } from './harness.js';
import {
  actionSuite,
  CONVERGED_VAULT,
  github,
  http,
  localInputs,
  OWNER,
  REPO,
  runBundled,
  signedInEnv,
  VAULT_PATH,
} from './scenario.js';

actionSuite({ seedGitHub: () => undefined });

/** An unsigned JWT naming the user (the endpoint reads its claims, as ARM's activity log does). */
function tokenFor(upn: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ upn, oid: '1234' })}.sig`;
}

async function outOfBand(upn: string, ipRules: string[], defaultAction = 'Deny') {
  // Read back at once: the endpoint's activity log delay (Azure's minutes) is turned off.
  await http.settings({ activityLogDelayMs: 0 });
  const answer = await http.request('PATCH', `${VAULT_PATH}?api-version=2024-11-01`, {
    token: tokenFor(upn),
    body: {
      properties: {
        networkAcls: {
          defaultAction,
          bypass: 'AzureServices',
          ipRules: ipRules.map((value) => ({ value })),
          virtualNetworkRules: [],
        },
      },
    },
  });
  expect(answer.status).toBe(200);
}

function driftCheck(extra: Record<string, string> = {}) {
  return runBundled({
    eventName: 'schedule',
    payload: payloads.schedule(OWNER, REPO),
    inputs: localInputs(extra),
    env: signedInEnv({ GITHUB_SHA: 'e5'.repeat(20), GITHUB_REF: 'refs/heads/main' }),
  });
}

const lastSeq = async () => (await http.requests()).at(-1)?.seq ?? 0;

const ipsNow = async () => {
  const state = await http.state();
  const vault = state.find(
    (resource) => String(resource.id).toLowerCase() === VAULT_PATH.toLowerCase(),
  ) as
    | { properties: { networkAcls: { ipRules: { value: string }[]; defaultAction: string } } }
    | undefined;
  return vault?.properties.networkAcls;
};

describe('schedule → drift issue with who changed it', () => {
  it('names the caller and time of each out-of-band write, and writes nothing without drift-fix', async () => {
    await http.reset([CONVERGED_VAULT]);
    await outOfBand('alice@contoso.example', ['20.50.10.7', '6.6.6.6']);
    const mark = await lastSeq();
    const run = await driftCheck();
    expect(run.code).toBe(0);
    expect(run.outputs.outcome).toBe('changes');
    const issue = github.plainIssues()[0];
    expect(issue?.state).toBe('open');
    expect(issue?.body).toContain('### Who changed it');
    expect(issue?.body).toMatch(
      /\d{4}-\d{2}-\d{2}T[\d:.]+Z {2}alice@contoso\.example {2}Microsoft\.KeyVault\/vaults\/write/,
    );
    expect(issue?.body).not.toContain('Drift fix');
    const arm = (await http.requests(mark)).filter((entry) => !entry.path.startsWith('/_emulator'));
    expect(arm.every((entry) => entry.method === 'GET')).toBe(true);
    expect(
      arm.some((entry) => entry.path.includes('/Microsoft.Insights/eventtypes/management/values')),
    ).toBe(true);
    expect((await ipsNow())?.ipRules.map((rule) => rule.value).sort()).toEqual([
      '20.50.10.7/32',
      '6.6.6.6/32',
    ]);
  });
});

describe('schedule → drift issue while the activity log lags', () => {
  it('says no write is listed yet when Azure has not shown it', async () => {
    await http.reset([CONVERGED_VAULT]);
    await outOfBand('alice@contoso.example', ['20.50.10.7', '6.6.6.6']);
    await http.settings({ activityLogDelayMs: 300_000 });
    const run = await driftCheck();
    expect(run.code).toBe(0);
    const issue = github.plainIssues()[0];
    expect(issue?.body).toContain('### Who changed it');
    expect(issue?.body).not.toContain('alice@contoso.example');
    expect(issue?.body).toContain('Azure lists a write minutes after it is made');
  });
});

describe('schedule → narrowing-only drift fix', () => {
  it('reverts out-of-band widening, records who made it, and closes the issue it opened', async () => {
    await http.reset([CONVERGED_VAULT]);
    await outOfBand('alice@contoso.example', ['20.50.10.7', '6.6.6.6'], 'Allow');
    const run = await driftCheck({ 'drift-fix': 'narrowing-only' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs['drift-fixed']).toBe('1');
    expect(run.outputs.outcome).toBe('no-changes');
    const live = await ipsNow();
    expect(live?.defaultAction).toBe('Deny');
    expect(live?.ipRules.map((rule) => rule.value)).toEqual(['20.50.10.7/32']);
    const [issue] = github.plainIssues();
    expect(issue?.state).toBe('closed');
    expect(issue?.body).toContain('alice@contoso.example');
    expect(issue?.body).toContain('### Drift fix (narrowing only)');
    expect(issue?.body).toMatch(/reverted: .*kv-app/);
    expect(github.commentsOn(issue?.number ?? 0).map((c) => c.body)).toEqual([
      expect.stringContaining('live state matches the spec again'),
    ]);
    expect(run.summary).toContain('### Drift fix (narrowing only)');
  });

  it('never widens: restoring a rule someone removed is left for a pull request', async () => {
    await http.reset([CONVERGED_VAULT]);
    // Bob replaced the office address with his own: the fix may drop 6.6.6.6 but must not
    // add 20.50.10.7 back, and the two are one PATCH, so it leaves the vault as it is.
    await outOfBand('bob@contoso.example', ['6.6.6.6']);
    const mark = await lastSeq();
    const run = await driftCheck({ 'drift-fix': 'narrowing-only' });
    expect(run.code).toBe(0);
    expect(run.outputs['drift-fixed']).toBe('0');
    expect(run.outputs.outcome).toBe('changes');
    expect((await ipsNow())?.ipRules.map((rule) => rule.value)).toEqual(['6.6.6.6/32']);
    const [issue] = github.plainIssues();
    expect(issue?.state).toBe('open');
    expect(issue?.body).toContain('bob@contoso.example');
    expect(issue?.body).toMatch(/left for a pull request: .*kv-app.*\(it widens access\)/);
    const writes = (await http.requests(mark)).filter(
      (entry) => !entry.path.startsWith('/_emulator') && entry.method !== 'GET',
    );
    expect(writes).toEqual([]);
  });
});
