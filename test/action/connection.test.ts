// A failed connection in the Action: the same one message as the CLI (endpoint, cause, likely
// fixes), not one read error per resource, and no comment that claims a plan.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { workflowCommands } from './harness.js';
import {
  actionSuite,
  emulator,
  github,
  HEAD_SHA,
  localInputs,
  pullRequestEvent,
  resetToOpenVault,
  runBundled,
  signedInEnv,
} from './scenario.js';

actionSuite({ beforeEachTest: resetToOpenVault });

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 9;
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe('a failed connection in the Action', () => {
  it('an unreachable endpoint: one message naming it and the fixes, promptly', async () => {
    const endpoint = `https://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const run = await runBundled({
      ...pullRequestEvent(),
      inputs: localInputs({ 'arm-endpoint': endpoint }),
      env: signedInEnv({ GITHUB_SHA: HEAD_SHA, GITHUB_REF: 'refs/pull/7/merge' }),
    });
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(run.code).toBe(1);
    expect(
      occurrences(run.stdout, `cannot connect to the Azure Resource Manager endpoint ${endpoint}`),
    ).toBe(1);
    expect(run.stdout).toContain('ECONNREFUSED');
    expect(run.stdout).toContain('KVNET_ARM_ENDPOINT');
    expect(run.stdout).toContain('kvnet stopped at this failure');
    expect(workflowCommands(run.stdout)).toContain(
      '::error::kvnet: could not connect to Azure, no plan was made',
    );
    expect(run.outputs.outcome).toBe('error');
    expect(github.commentsOn(7)[0]?.body ?? '').not.toContain('No changes');
  });

  it('an untrusted certificate: one message that names NODE_EXTRA_CA_CERTS', async () => {
    const env = { ...signedInEnv({ GITHUB_SHA: HEAD_SHA, GITHUB_REF: 'refs/pull/7/merge' }) };
    // The emulator's CA is not trusted this time.
    const untrusted = { ...env, NODE_EXTRA_CA_CERTS: undefined };
    const run = await runBundled({
      ...pullRequestEvent(),
      inputs: localInputs(),
      env: untrusted,
    });
    expect(run.code).toBe(1);
    expect(
      occurrences(
        run.stdout,
        `cannot connect to the Azure Resource Manager endpoint ${emulator.endpoint}`,
      ),
    ).toBe(1);
    expect(run.stdout).toContain('TLS certificate is not trusted');
    expect(run.stdout).toContain('NODE_EXTRA_CA_CERTS');
    expect(run.outputs.outcome).toBe('error');
  });

  it('still plans when the endpoint is reachable and trusted (the guard does not trip)', async () => {
    const run = await runBundled({
      ...pullRequestEvent(),
      inputs: localInputs(),
      env: signedInEnv({ GITHUB_SHA: HEAD_SHA, GITHUB_REF: 'refs/pull/7/merge' }),
    });
    expect(run.stdout).not.toContain('cannot connect');
    expect(run.outputs.outcome).toBe('changes');
  });
});
