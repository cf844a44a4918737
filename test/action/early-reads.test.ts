// The plan, apply and drift routes read as each spec file parses (src/action/early-reads.ts):
// a set of one file per vault reads each vault once, by its file (the whole set alone would
// list the group), and a file with a vault outside `azure-subscription-id` is never read.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { loadSpecSet } from '../../src/action/spec-set.js';
import { payloads, workspaceWith } from './harness.js';
import {
  actionSuite,
  github,
  HEAD_SHA,
  http,
  localInputs,
  MERGE_SHA,
  OPEN_VAULT,
  OWNER,
  pullRequestEvent,
  REPO,
  runBundled,
  signedInEnv,
  SPEC,
  SUB,
} from './scenario.js';

const OTHER_SUB = '22222222-2222-2222-2222-222222222222';
const SECOND_VAULT = JSON.parse(
  JSON.stringify(OPEN_VAULT).replaceAll('kv-app', 'kv-two'),
) as unknown;

actionSuite({ beforeEachTest: (api) => api.reset([OPEN_VAULT, SECOND_VAULT]) });

const specOf = (vault: string, subscription = SUB) =>
  SPEC.replace('kv-app', vault).replace(SUB, subscription);

async function planWith(files: Record<string, string>, inputs: Record<string, string> = {}) {
  const mark = (await http.requests()).length;
  const run = await runBundled({
    ...pullRequestEvent(),
    workspace: workspaceWith(files),
    inputs: localInputs(inputs),
    env: signedInEnv({ GITHUB_SHA: HEAD_SHA, GITHUB_REF: 'refs/pull/7/merge' }),
  });
  const arm = (await http.requests())
    .slice(mark)
    .filter((entry) => !entry.path.startsWith('/_emulator'));
  return { run, arm };
}

describe('pull_request: reads begun while the spec set parses', () => {
  it('reads each vault once, by its file, and plans from those reads', async () => {
    const { run, arm } = await planWith({
      'kv-network/a.yaml': specOf('kv-app'),
      'kv-network/b.yaml': specOf('kv-two'),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.outcome).toBe('changes');
    expect(run.outputs['vaults-changed']).toBe('2');
    expect(arm.map((entry) => `${entry.method} ${entry.path.split('/').pop()}`).sort()).toEqual([
      'GET kv-app',
      'GET kv-two',
    ]);
  });

  it('never reads a file whose vault lies outside azure-subscription-id', async () => {
    const { run, arm } = await planWith(
      {
        'kv-network/a.yaml': specOf('kv-app'),
        'kv-network/b.yaml': specOf('kv-elsewhere', OTHER_SUB),
      },
      { 'azure-subscription-id': SUB },
    );
    expect(run.outputs.outcome).toBe('invalid');
    expect(run.stdout).toContain('action/subscription');
    expect(arm.filter((entry) => entry.path.includes(OTHER_SUB))).toEqual([]);
    expect(arm.filter((entry) => entry.method !== 'GET')).toEqual([]);
  });
});

describe("push to main: the apply's first reads begun while the spec set parses", () => {
  it('reads each vault by its file before writing, then applies what was reviewed', async () => {
    const files = {
      'kv-network/a.yaml': specOf('kv-app'),
      'kv-network/b.yaml': specOf('kv-two'),
    };
    const { run: plan } = await planWith(files);
    expect(plan.outputs.outcome).toBe('changes');
    github.merge(7, MERGE_SHA);

    const mark = (await http.requests()).length;
    const apply = await runBundled({
      eventName: 'push',
      payload: payloads.push(OWNER, REPO, MERGE_SHA),
      workspace: workspaceWith(files),
      inputs: localInputs(),
      env: signedInEnv({ GITHUB_SHA: MERGE_SHA, GITHUB_REF: 'refs/heads/main' }),
    });
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(apply.outputs.outcome).toBe('applied');
    expect(apply.outputs.fingerprint).toBe(plan.outputs.fingerprint);
    const arm = (await http.requests())
      .slice(mark)
      .filter((entry) => !entry.path.startsWith('/_emulator'));
    const firstWrite = arm.findIndex((entry) => entry.method !== 'GET');
    expect(firstWrite).toBeGreaterThan(0);
    // Before any write: one GET per vault, each started by its own file (no group list).
    expect(
      arm
        .slice(0, firstWrite)
        .map((entry) => `${entry.method} ${entry.path.split('/').pop()}`)
        .sort(),
    ).toEqual(['GET kv-app', 'GET kv-two']);
  });
});

describe("schedule: the drift check's reads begun while the spec set parses", () => {
  it('reads each vault once, by its file, and opens the drift issue from those reads', async () => {
    const mark = (await http.requests()).length;
    const run = await runBundled({
      eventName: 'schedule',
      payload: payloads.schedule(OWNER, REPO),
      workspace: workspaceWith({
        'kv-network/a.yaml': specOf('kv-app'),
        'kv-network/b.yaml': specOf('kv-two'),
      }),
      inputs: localInputs(),
      env: signedInEnv({ GITHUB_SHA: 'e5'.repeat(20), GITHUB_REF: 'refs/heads/main' }),
    });
    expect(run.outputs.outcome, run.stdout + run.stderr).toBe('changes');
    expect(run.outputs['vaults-changed']).toBe('2');
    // The Activity Log reads that name who drifted are not the plan's: left out.
    const arm = (await http.requests())
      .slice(mark)
      .filter(
        (entry) => !entry.path.startsWith('/_emulator') && !entry.path.includes('eventtypes'),
      );
    expect(arm.map((entry) => `${entry.method} ${entry.path.split('/').pop()}`).sort()).toEqual([
      'GET kv-app',
      'GET kv-two',
    ]);
  });
});

describe('loadSpecSet: which parsed files may be read', () => {
  it('hands over each file as it parses, except one with a vault outside azure-subscription-id', async () => {
    const folder = workspaceWith({
      'set/a.yaml': specOf('kv-app'),
      'set/b.yaml': specOf('kv-elsewhere', OTHER_SUB),
      'set/c.yaml': specOf('kv-two'),
    });
    const inputs = (limit: Record<string, string>) =>
      parseInputs({ spec: join(folder, 'set'), 'all-specs': join(folder, 'set'), ...limit });
    // Its annotations are workflow commands on stdout: kept out of the test's output.
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const seen: string[] = [];
      const limited = await loadSpecSet(inputs({ 'azure-subscription-id': SUB }), {}, (file) =>
        seen.push(file.file.split('/').pop() ?? ''),
      );
      expect(limited.valid).toBe(false);
      expect(seen).toEqual(['a.yaml', 'c.yaml']);
      seen.length = 0;
      const open = await loadSpecSet(inputs({}), {}, (file) =>
        seen.push(file.file.split('/').pop() ?? ''),
      );
      expect(open.valid).toBe(true);
      expect(seen).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    } finally {
      quiet.mockRestore();
    }
  });
});
