// action.yml, the inputs parser, docs/action.md and the example workflows agree, and the
// examples follow the security rules: minimal permissions, actions pinned to full SHAs, apply in
// a protected environment with a non-cancelling concurrency group.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES, InputError, parseInputs } from '../../src/action/inputs.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface ActionYml {
  runs: { using: string; main: string };
  branding: Record<string, string>;
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
}
interface Workflow {
  permissions: unknown;
  jobs: Record<
    string,
    {
      permissions: Record<string, string>;
      environment?: string;
      concurrency?: { group: string; 'cancel-in-progress': boolean };
      steps: { uses?: string; with?: Record<string, string> }[];
    }
  >;
}

const action = load(read('action.yml')) as ActionYml;

describe('action.yml', () => {
  it('runs the bundle on node24 and declares exactly the inputs the parser reads', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding.icon).toBeTruthy();
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
  });

  it('has defaults the parser accepts', () => {
    const raw = Object.fromEntries(
      Object.entries(action.inputs).map(([name, input]) => [
        name,
        name === 'spec' ? 'kv-network' : name === 'github-token' ? 'x' : (input.default ?? ''),
      ]),
    );
    const parsed = parseInputs(raw);
    expect(parsed).toMatchObject({ mode: 'auto', comment: 'always', maxParallel: 4 });
    expect(parsed.allowDestructive).toBe(false);
    expect(parsed.onPlanMismatch).toBe('per-vault');
    expect(parseInputs({ ...raw, 'on-plan-mismatch': 'fail' }).onPlanMismatch).toBe(
      'all-or-nothing',
    );
    expect(() => parseInputs({ ...raw, spec: '' })).toThrow(InputError);
    expect(() => parseInputs({ ...raw, spec: '' })).toThrow(/input "spec" is required/);
  });

  it('documents every input and output in docs/action.md', () => {
    const doc = read('docs/action.md');
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)])
      expect(doc).toContain(`\`${name}\``);
  });
});

describe('example workflows', () => {
  const folder = 'examples/workflows';
  const files = readdirSync(join(ROOT, folder)).filter((file) => file.endsWith('.yml'));

  it('exist for plan, apply, drift and a sharded estate', () => {
    expect(files.sort()).toEqual([
      'kvnet-apply.yml',
      'kvnet-drift.yml',
      'kvnet-plan.yml',
      'kvnet-sharded.yml',
    ]);
  });

  it.each(files)(
    '%s grants nothing by default, pins every other action to a full SHA and uses kvnet by its major tag',
    (file) => {
      const workflow = load(read(join(folder, file))) as Workflow;
      expect(workflow.permissions).toEqual({});
      for (const job of Object.values(workflow.jobs)) {
        expect(job.permissions['id-token']).toBe('write');
        expect(job.permissions.contents).toBe('read');
        // Apply jobs also record the catch-up point as a commit status (statuses: write).
        if (job.environment) expect(job.permissions.statuses).toBe('write');
        expect(Object.values(job.permissions).filter((level) => level === 'write').length).toBe(
          job.environment ? 3 : 2,
        );
        const kvnet = job.steps.find((step) => step.with?.spec);
        for (const step of job.steps) {
          if (!step.uses || step.uses.startsWith('./')) continue;
          // kvnet itself by the tag the release workflow moves (vX); third-party actions by SHA.
          if (step === kvnet) expect(step.uses).toMatch(/^[\w.-]+\/kvnet@v\d+$/);
          else expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        }
        expect(Object.keys(kvnet?.with ?? {}).every((name) => name in action.inputs)).toBe(true);
      }
    },
  );

  it.each(['kvnet-apply.yml', 'kvnet-sharded.yml'])(
    '%s applies in a protected environment, one run at a time, never cancelled',
    (file) => {
      const workflow = load(read(join(folder, file))) as Workflow;
      const job = Object.values(workflow.jobs).find((candidate) => candidate.environment);
      expect(job?.environment).toBeTruthy();
      expect(job?.concurrency?.['cancel-in-progress']).toBe(false);
      expect(job?.permissions['pull-requests']).toBe('write');
    },
  );
});
