// Routing by event and input checks, fork pull requests, and OIDC sign-in: the bundled action
// as a process, with the GitHub API and the ID-token service at local endpoints.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OidcEndpoint } from '../support/oidc-endpoint.js';
import { specSetIdOf } from '../../src/action/inputs.js';
import { payloads } from './harness.js';
import {
  actionSuite,
  CLIENT_ID,
  github,
  HEAD_SHA,
  http,
  JOB_TOKEN,
  localEnv,
  localInputs,
  OWNER,
  pullRequestEvent,
  REPO,
  runBundled,
  signedInEnv,
  TENANT,
} from './scenario.js';

actionSuite({ beforeEachTest: (arm) => arm.request('DELETE', '/_emulator/requests') });

async function armRequests() {
  return (await http.requests()).filter((entry) => !entry.path.startsWith('/_emulator'));
}

describe('events that must not plan', () => {
  it('refuses pull_request_target and explains why, touching neither Azure nor GitHub', async () => {
    const run = await runBundled({
      eventName: 'pull_request_target',
      payload: payloads.pullRequest(OWNER, REPO, 7, HEAD_SHA, 'fork-owner/infra'),
      inputs: { spec: 'kv-network', 'github-token': JOB_TOKEN, mode: 'plan' },
      env: signedInEnv(),
    });
    expect(run.code).toBe(1);
    expect(run.outputs.outcome).toBe('refused');
    expect(run.stdout).toMatch(/^::error::kvnet refuses to run on pull_request_target: .*secrets/m);
    expect(run.summary).toContain('Use the pull_request event');
    expect(github.requests).toEqual([]);
    expect(await armRequests()).toEqual([]);
  });

  it('validates only on a fork pull request, says so on the comment, and never claims no changes', async () => {
    github.readOnly = true; // a fork's job token cannot comment
    const run = await runBundled({
      ...pullRequestEvent('fork-owner/infra'),
      inputs: localInputs(),
      env: signedInEnv(),
    });
    expect(run.code).toBe(0);
    expect(run.outputs.outcome).toBe('validate-only');
    expect(run.outputs['has-changes']).toBeUndefined();
    expect(run.stdout).toMatch(/^::warning::kvnet validated the spec set only.*fork/m);
    expect(run.stdout).toMatch(/^::warning::could not comment on the pull request: .*403/m);
    expect(run.summary).toContain('validated only, no plan was made');
    expect(run.summary).toContain('This is not "no changes"');
    expect(run.summary).not.toMatch(/kvnet plan: No changes/);
    expect(await armRequests()).toEqual([]);

    // With a token that may comment, the comment says the same.
    github.readOnly = false;
    await runBundled({
      ...pullRequestEvent('fork-owner/infra'),
      inputs: { spec: 'kv-network', 'github-token': JOB_TOKEN },
      env: localEnv(),
    });
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body).toContain('validated only, no plan was made');
    expect(body).toContain('status=validate-only');
    expect(body).not.toContain('No changes');
  });

  it('validates only when the job has no OIDC token (no id-token: write)', async () => {
    const run = await runBundled({
      ...pullRequestEvent(),
      inputs: {
        spec: 'kv-network',
        'github-token': JOB_TOKEN,
        'azure-client-id': CLIENT_ID,
        'azure-tenant-id': TENANT,
      },
      env: localEnv(),
    });
    expect(run.code).toBe(0);
    expect(run.outputs.outcome).toBe('validate-only');
    expect(github.commentsOn(7)[0]?.body).toContain('id-token: write');
  });

  it('fails on a wrong input, naming it and its choices', async () => {
    const run = await runBundled({
      ...pullRequestEvent(),
      inputs: {
        spec: 'kv-network',
        'github-token': JOB_TOKEN,
        comment: 'sometimes',
        'max-parallel': '0',
        'azure-client-id': 'not-a-guid',
        'arm-endpoint': 'http://insecure.example',
      },
      env: localEnv(),
    });
    expect(run.code).toBe(1);
    const error = run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
    expect(error).toContain(
      'input "comment" must be one of always, changes, off (got "sometimes")',
    );
    expect(error).toContain('input "max-parallel" must be at least 1');
    expect(error).toContain('input "azure-client-id" must be a GUID');
    expect(error).toContain('input "arm-endpoint" must be an https:// URL');
    expect(github.requests).toEqual([]);
  });

  it('requires azure-tenant-id with azure-client-id', async () => {
    const run = await runBundled({
      ...pullRequestEvent(),
      inputs: { spec: 'kv-network', 'github-token': JOB_TOKEN, 'azure-client-id': CLIENT_ID },
      env: localEnv(),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::kvnet: invalid input: input "azure-tenant-id" is required/m,
    );
  });

  it('only validates a push to a branch other than the default one', async () => {
    const run = await runBundled({
      eventName: 'push',
      payload: payloads.push(OWNER, REPO, HEAD_SHA, 'refs/heads/feature'),
      inputs: { spec: 'kv-network', 'github-token': JOB_TOKEN },
      env: localEnv({ GITHUB_REF: 'refs/heads/feature', GITHUB_SHA: HEAD_SHA }),
    });
    expect(run.code).toBe(0);
    expect(run.outputs.outcome).toBe('valid');
    expect(github.requests).toEqual([]);
  });
});

describe('OIDC sign-in', () => {
  let oidc: OidcEndpoint;
  const requestToken = 'runtime-request-token-abcdef0123456789';

  beforeEach(async () => {
    oidc = new OidcEndpoint({ requestToken, subject: `repo:${OWNER}/${REPO}:pull_request` });
    await oidc.start();
  });

  afterEach(async () => {
    await oidc.stop();
  });

  it('asks GitHub for an ID token for Azure, never prints it, and explains the expected subject when Entra ID refuses', async () => {
    const run = await runBundled({
      ...pullRequestEvent(),
      inputs: localInputs({ 'azure-client-id': CLIENT_ID, 'azure-tenant-id': TENANT }),
      env: localEnv({
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
      }),
    });
    // The token exchange goes to login.microsoftonline.com, which this sandbox cannot reach (or
    // which would reject the test token): either way sign-in fails, before any ARM request.
    expect(run.code).toBe(1);
    expect(oidc.requests.length).toBeGreaterThan(0);
    expect(
      oidc.requests.every((r) => r.authorized && r.audience === 'api://AzureADTokenExchange'),
    ).toBe(true);
    expect(oidc.issued.length).toBeGreaterThan(0);
    const everything = [run.stdout, run.stderr, run.summary, ...github.comments.map((c) => c.body)];
    for (const token of oidc.issued) {
      for (const text of everything) {
        const lines = text.split('\n').filter((line) => line.includes(token));
        // Only the runner's own masking command may carry it (core.getIDToken registers it).
        expect(lines.every((line) => line === `::add-mask::${token}`)).toBe(true);
      }
      expect(run.summary).not.toContain(token);
      expect(github.comments.some((c) => c.body.includes(token))).toBe(false);
    }
    for (const text of everything) {
      expect(text).not.toContain(requestToken);
      expect(text).not.toContain(JOB_TOKEN);
      const jwtLines = text.split('\n').filter((line) => /eyJ[A-Za-z0-9_-]{4,}\.eyJ/.test(line));
      expect(jwtLines.every((line) => line.startsWith('::add-mask::'))).toBe(true);
    }
    expect(run.stdout).toContain(
      `GitHub presented the subject "repo:${OWNER}/${REPO}:pull_request"`,
    );
    expect(run.stdout).toContain('audience api://AzureADTokenExchange');
    expect(run.stdout).toContain(`repo:${OWNER}/${REPO}:pull_request`);
    expect(run.outputs.outcome).toBe('error');
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body).toContain('could not sign in to Azure, no plan was made');
    expect(body).toContain(`repo:${OWNER}/${REPO}:pull_request`);
    expect(body).not.toContain('No changes');
    expect(await armRequests()).toEqual([]);
  });

  it('names the environment and branch subjects on a push', async () => {
    github.merge(7, 'c3'.repeat(20));
    const pushOidc = new OidcEndpoint({
      requestToken,
      subject: `repo:${OWNER}/${REPO}:environment:kv-apply`,
    });
    await pushOidc.start();
    try {
      // Reach the sign-in step: a reviewed plan comment must exist first.
      github.addComment(
        7,
        `<!-- kvnet:plan spec-set=${specSetIdOf(['kv-network'])} fingerprint=sha256:${'0'.repeat(64)} schema=2 -->`,
        github.tokenUser,
      );
      const run = await runBundled({
        eventName: 'push',
        payload: payloads.push(OWNER, REPO, 'c3'.repeat(20)),
        inputs: {
          spec: 'kv-network',
          'github-token': JOB_TOKEN,
          'azure-client-id': CLIENT_ID,
          'azure-tenant-id': TENANT,
        },
        env: localEnv({
          GITHUB_REF: 'refs/heads/main',
          GITHUB_SHA: 'c3'.repeat(20),
          ACTIONS_ID_TOKEN_REQUEST_URL: pushOidc.url,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
        }),
      });
      expect(run.code).toBe(1);
      expect(pushOidc.requests.length).toBeGreaterThan(0);
      expect(run.stdout).toContain(
        `GitHub presented the subject "repo:${OWNER}/${REPO}:environment:kv-apply"`,
      );
      expect(run.stdout).toContain(`repo:${OWNER}/${REPO}:environment:`);
      expect(run.stdout).toContain(`repo:${OWNER}/${REPO}:ref:refs/heads/main`);
      expect(await armRequests()).toEqual([]);
    } finally {
      await pushOidc.stop();
    }
  });
});
