// What `kvnet apply` shows while it runs.
// - On a terminal (TTY): one live line per running step, `[i/N]` (its place in the execution
//   order), its title and the time it has been running, redrawn in place; a finished step leaves
//   one line (✔ or ✘ with its time); a waiting step shows why on its live line.
// - Otherwise (CI logs, pipes): one line per finished step, and one per wait, nothing redrawn.
// Every title and message passes through `singleLine`; the stream's writer applies `safeOutput`.
import type { ApplyProgress } from '../engine/apply/types.js';
import type { PlanStep } from '../engine/plan/types.js';
import { stepTitle } from '../engine/render/plan-lines.js';
import { singleLine } from '../engine/render/untrusted.js';

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressOptions {
  readonly now?: () => number;
  /** Redraw period of the live lines on a TTY (0: only on events, as tests do). */
  readonly refreshMs?: number;
}

interface Running {
  readonly step: PlanStep;
  readonly startedAt: number;
  attempt: number;
  waiting?: string;
}

const CLEAR_LINE = '\u001b[2K';
const UP = (lines: number) => `\u001b[${lines}A`;

export function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

export class ApplyProgressView {
  private readonly now: () => number;
  private readonly tty: boolean;
  private readonly index = new Map<string, number>();
  private total = 0;
  private readonly running = new Map<string, Running>();
  private drawn = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  readonly startedAt: number;

  constructor(
    private readonly stream: ProgressStream,
    options: ProgressOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.tty = stream.isTTY === true;
    this.startedAt = this.now();
    const refresh = options.refreshMs ?? 200;
    if (this.tty && refresh > 0) {
      this.timer = setInterval(() => this.redraw(), refresh);
      this.timer.unref();
    }
  }

  /** `[i/N]`: the step's place in the execution order. */
  counter(step: PlanStep): string {
    const at = this.index.get(step.id);
    return at === undefined ? '[?]' : `[${at}/${this.total}]`;
  }

  onEvent(event: ApplyProgress): void {
    switch (event.kind) {
      case 'plan-ready':
        this.total = event.steps.length;
        event.steps.forEach((step, at) => this.index.set(step.id, at + 1));
        return;
      case 'step-started': {
        const known = this.running.get(event.step.id);
        if (known) {
          known.attempt = event.attempt;
          known.waiting = undefined;
        } else
          this.running.set(event.step.id, {
            step: event.step,
            startedAt: this.now(),
            attempt: event.attempt,
          });
        this.redraw();
        return;
      }
      case 'waiting': {
        const reason = `waiting ${seconds(event.ms)}: ${singleLine(event.reason)}`;
        const entry = this.running.get(event.step.id);
        if (this.tty && entry) {
          entry.waiting = reason;
          this.redraw();
        } else this.permanent(`  ${this.counter(event.step)} ${reason}`);
        return;
      }
      case 'step-finished': {
        const { result } = event;
        const entry = this.running.get(result.step.id);
        this.running.delete(result.step.id);
        if (result.status === 'not-started') {
          this.redraw();
          return;
        }
        const took = entry ? ` (${seconds(this.now() - entry.startedAt)})` : '';
        const title = singleLine(stepTitle(result.step));
        this.permanent(
          result.status === 'done'
            ? `✔ ${this.counter(result.step)} ${title}${took}`
            : `✘ ${this.counter(result.step)} ${title}${took}: ${singleLine(result.code ?? 'error')}: ${singleLine(result.message ?? '')}`,
        );
        return;
      }
    }
  }

  /** Removes the live lines and stops redrawing (before the final report is printed). */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.running.clear();
    this.redraw();
  }

  private liveLines(): string[] {
    const width = Math.max(40, this.stream.columns ?? 120);
    return [...this.running.values()]
      .sort((a, b) => (this.index.get(a.step.id) ?? 0) - (this.index.get(b.step.id) ?? 0))
      .map((entry) => {
        const attempt = entry.attempt > 1 ? ` (attempt ${entry.attempt})` : '';
        const state = entry.waiting ? ` — ${entry.waiting}` : '';
        const line = `… ${this.counter(entry.step)} ${singleLine(stepTitle(entry.step))}${attempt}  ${seconds(this.now() - entry.startedAt)}${state}`;
        // One screen line each, so moving the cursor up by the count redraws exactly them.
        return line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line;
      });
  }

  /** A line that stays: on a TTY it goes above the live lines, which are drawn again below. */
  private permanent(line: string): void {
    if (!this.tty) {
      this.stream.write(`${line}\n`);
      return;
    }
    this.stream.write(`${this.erase()}${line}\n${this.draw()}`);
  }

  private redraw(): void {
    if (!this.tty) return;
    this.stream.write(`${this.erase()}${this.draw()}`);
  }

  private erase(): string {
    if (this.drawn === 0) return '';
    const text = `${UP(this.drawn)}${`${CLEAR_LINE}\n`.repeat(this.drawn)}${UP(this.drawn)}`;
    this.drawn = 0;
    return text;
  }

  private draw(): string {
    const lines = this.liveLines();
    this.drawn = lines.length;
    return lines.map((line) => `${CLEAR_LINE}${line}\n`).join('');
  }
}
