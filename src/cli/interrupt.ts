// Ctrl-C during `kvnet apply`. The first SIGINT (or SIGTERM) stops starting steps and lets the
// running ones finish; the apply then reports done / not started and exits 130. A second one
// abandons the running steps: kvnet prints what it knows (done, running when abandoned, not
// started) and exits 130 at once. Writes are idempotent PUT/PATCHes of the desired state, so a
// re-run converges either way.
import type { ApplyProgress } from '../engine/apply/types.js';
import type { PlanStep } from '../engine/plan/types.js';
import { stepTitle } from '../engine/render/plan-lines.js';
import { singleLine } from '../engine/render/untrusted.js';
import type { CliIo } from './io.js';

/** 128 + SIGINT, as shells report a command stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

export class Interrupt {
  private signals = 0;
  private readonly running = new Map<string, PlanStep>();
  private readonly done: PlanStep[] = [];
  private readonly failed: PlanStep[] = [];
  private readonly handler = () => this.onSignal();

  constructor(
    private readonly io: CliIo,
    private readonly exit: (code: number) => never = (code) => process.exit(code),
  ) {
    process.on('SIGINT', this.handler);
    process.on('SIGTERM', this.handler);
  }

  stopRequested(): boolean {
    return this.signals > 0;
  }

  /** Follows the apply's progress, to say what was running when the run is abandoned. */
  track(event: ApplyProgress): void {
    if (event.kind === 'step-started') this.running.set(event.step.id, event.step);
    if (event.kind === 'step-finished') {
      this.running.delete(event.result.step.id);
      if (event.result.status === 'done') this.done.push(event.result.step);
      if (event.result.status === 'failed') this.failed.push(event.result.step);
    }
  }

  /** Interrupted before the first write: nothing to report but that. */
  exitBeforeWriting(): number {
    this.io.out('kvnet apply: interrupted before any write; nothing applied');
    return EXIT_INTERRUPTED;
  }

  dispose(): void {
    process.off('SIGINT', this.handler);
    process.off('SIGTERM', this.handler);
  }

  private onSignal(): void {
    this.signals += 1;
    if (this.signals === 1) {
      this.io.err(
        this.running.size > 0
          ? `interrupt: no further step will start; waiting for ${this.running.size} running step${this.running.size === 1 ? '' : 's'} to finish (Ctrl-C again to abandon them)`
          : 'interrupt: no further step will start (Ctrl-C again to stop at once)',
      );
      return;
    }
    const lines = ['kvnet apply: abandoned'];
    for (const step of this.done) lines.push(`  ${singleLine(stepTitle(step))} — done`);
    for (const step of this.failed) lines.push(`  ${singleLine(stepTitle(step))} — failed`);
    for (const step of this.running.values())
      lines.push(
        `  ${singleLine(stepTitle(step))} — abandoned while running (it may or may not have taken effect)`,
      );
    lines.push(
      `${this.done.length} done, ${this.running.size} abandoned while running; every other step was not started. Re-run the apply to finish: it re-reads live state and converges.`,
    );
    this.io.out(lines.join('\n'));
    this.exit(EXIT_INTERRUPTED);
  }
}
