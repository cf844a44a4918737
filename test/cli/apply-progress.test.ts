// What `kvnet apply` shows while it runs: on a TTY one live line per running step with [i/N]
// and elapsed time, redrawn in place, and one line left per finished step; without a TTY one
// line per finished step and nothing redrawn. A fake stream records what a terminal receives.
import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../../src/engine/plan/types.js';
import { ApplyProgressView } from '../../src/cli/apply-progress.js';
import { renderApplyReport } from '../../src/cli/commands/apply.js';
import type { ApplyReport, StepResult } from '../../src/engine/apply/types.js';
import { safeOutput } from '../../src/engine/render/untrusted.js';

function step(index: number, name = `kv-${index}`): PlanStep {
  return {
    id: `vault:${name}:open`,
    kind: 'vault',
    action: 'update',
    phase: 'open',
    resourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/${name}`,
    resourceName: name,
    vaults: [name],
    changes: [],
    dependsOn: [],
    impact: 'widens',
    effects: [],
    requires: [],
    flags: { destructive: false, lockout: false, blocked: false },
    notes: [],
    payload: {
      kind: 'vault',
      network: {
        publicNetworkAccess: 'Enabled',
        networkAcls: {
          defaultAction: 'Deny',
          bypass: 'AzureServices',
          ipRules: [],
          virtualNetworkRules: [],
        },
      },
    },
  };
}

const done = (s: PlanStep): StepResult => ({ step: s, status: 'done', attempts: 1 });

/** A terminal of fixed width: applies cursor-up, erase-line and line feeds to a screen. */
class FakeTerminal {
  readonly isTTY = true;
  readonly columns = 100;
  readonly writes: string[] = [];
  private screen: string[] = [''];
  private row = 0;
  write(text: string): boolean {
    this.writes.push(text);
    // eslint-disable-next-line no-control-regex -- parsing the escape sequences is the point
    for (const part of text.split(/(\u001b\[\d+A|\u001b\[2K|\n)/)) {
      // eslint-disable-next-line no-control-regex -- as above
      const up = /^\u001b\[(\d+)A$/.exec(part);
      if (up) this.row = Math.max(0, this.row - Number(up[1]));
      else if (part === '\u001b[2K') this.screen[this.row] = '';
      else if (part === '\n') {
        this.row += 1;
        this.screen[this.row] ??= '';
      } else if (part) this.screen[this.row] = (this.screen[this.row] ?? '') + part;
    }
    return true;
  }
  lines(): string[] {
    return this.screen.filter((line) => line !== '');
  }
}

describe('apply progress on a TTY', () => {
  it('keeps one live line per running step with [i/N] and elapsed time, and one line per finished step', () => {
    let now = 1_000;
    const terminal = new FakeTerminal();
    const view = new ApplyProgressView(terminal, { now: () => now, refreshMs: 0 });
    const steps = [step(1), step(2), step(3)];
    view.onEvent({ kind: 'plan-ready', steps });
    view.onEvent({ kind: 'step-started', step: steps[0]!, attempt: 1 });
    view.onEvent({ kind: 'step-started', step: steps[1]!, attempt: 1 });
    now += 1_500;
    view.onEvent({ kind: 'waiting', step: steps[1]!, ms: 2_000, reason: '429 Retry-After' });
    expect(terminal.lines()).toEqual([
      '… [1/3] ~ update vault kv-1 (opening step)  [widens]  1.5 s',
      '… [2/3] ~ update vault kv-2 (opening step)  [widens]  1.5 s — waiting 2.0 s: 429 Retry-After',
    ]);
    view.onEvent({ kind: 'step-finished', result: done(steps[0]!) });
    view.onEvent({ kind: 'step-started', step: steps[2]!, attempt: 1 });
    now += 500;
    view.onEvent({ kind: 'step-started', step: steps[1]!, attempt: 2 });
    expect(terminal.lines()).toEqual([
      '✔ [1/3] ~ update vault kv-1 (opening step)  [widens] (1.5 s)',
      '… [2/3] ~ update vault kv-2 (opening step)  [widens] (attempt 2)  2.0 s',
      '… [3/3] ~ update vault kv-3 (opening step)  [widens]  0.5 s',
    ]);
    view.onEvent({ kind: 'step-finished', result: done(steps[2]!) });
    view.onEvent({ kind: 'step-finished', result: done(steps[1]!) });
    view.finish();
    expect(terminal.lines()).toEqual([
      '✔ [1/3] ~ update vault kv-1 (opening step)  [widens] (1.5 s)',
      '✔ [3/3] ~ update vault kv-3 (opening step)  [widens] (0.5 s)',
      '✔ [2/3] ~ update vault kv-2 (opening step)  [widens] (2.0 s)',
    ]);
  });

  it('keeps its cursor sequences through the sanitiser, and shows a hostile name’s escapes', () => {
    const terminal = new FakeTerminal();
    const sanitised = {
      isTTY: true,
      columns: 100,
      write: (text: string) => terminal.write(safeOutput(text, { keepCursor: true })),
    };
    const view = new ApplyProgressView(sanitised, { refreshMs: 0 });
    const hostile = step(1, 'kv\u001b[2Kx\n::set-output name=a::b');
    view.onEvent({ kind: 'plan-ready', steps: [hostile] });
    view.onEvent({ kind: 'step-started', step: hostile, attempt: 1 });
    const [line = ''] = terminal.lines();
    expect(line).toContain('kv\\u001b[2Kx\\n::set-output');
    view.finish();
    expect(terminal.lines()).toEqual([]);
  });
});

describe('apply progress without a TTY', () => {
  it('writes one line per finished step, nothing when a step starts, and no escape sequence', () => {
    const writes: string[] = [];
    const view = new ApplyProgressView({ write: (text) => writes.push(text) }, { now: () => 0 });
    const steps = [step(1), step(2)];
    view.onEvent({ kind: 'plan-ready', steps });
    view.onEvent({ kind: 'step-started', step: steps[0]!, attempt: 1 });
    view.onEvent({ kind: 'step-started', step: steps[1]!, attempt: 1 });
    expect(writes).toEqual([]);
    view.onEvent({ kind: 'step-finished', result: done(steps[1]!) });
    view.onEvent({
      kind: 'step-finished',
      result: {
        step: steps[0]!,
        status: 'failed',
        code: 'Conflict',
        message: 'busy\nline',
        attempts: 3,
      },
    });
    view.finish();
    expect(writes).toEqual([
      '✔ [2/2] ~ update vault kv-2 (opening step)  [widens] (0.0 s)\n',
      '✘ [1/2] ~ update vault kv-1 (opening step)  [widens] (0.0 s): Conflict: busy\\nline\n',
    ]);
  });
});

describe('the final report', () => {
  const steps = [step(1), step(2)];
  const plan = { steps } as unknown as ApplyReport['plan'];
  it('is one line when every step was done (each was reported as it finished)', () => {
    const report: ApplyReport = {
      outcome: 'applied',
      messages: [],
      plan,
      results: steps.map(done),
    };
    expect(renderApplyReport(report, 2_345)).toBe(
      'kvnet apply: applied: 2 of 2 steps done, 0 failed, 0 not started in 2.3 s',
    );
  });
  it('lists every step with its status after a partial run', () => {
    const report: ApplyReport = {
      outcome: 'failed',
      messages: [],
      plan,
      results: [
        done(steps[0]!),
        { step: steps[1]!, status: 'failed', code: 'Conflict', message: 'busy', attempts: 3 },
      ],
    };
    expect(renderApplyReport(report).split('\n')).toEqual([
      'kvnet apply: failed: 1 of 2 steps done, 1 failed, 0 not started',
      '  [1/2] ~ update vault kv-1 (opening step)  [widens] — done',
      '  [2/2] ~ update vault kv-2 (opening step)  [widens] — failed (Conflict): busy',
    ]);
  });
});
