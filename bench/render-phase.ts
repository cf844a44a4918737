// What a user sees of the plan, timed: the CLI's text and JSON (the Action writes the same JSON
// to its file), and the Action's log, job summary and pull-request comment, each rendered from
// the one plan the bench made. A plan
// is not done for its reader until it is printed, so a quadratic renderer (or one that outgrows
// V8's largest string at 10,000 vaults) shows here and not only in a user's run.
import { planCommentBody } from '../src/action/bodies.js';
import { neutralizeForLog } from '../src/action/log-safety.js';
import { SUMMARY_LIMIT_BYTES } from '../src/action/summary.js';
import type { Plan } from '../src/engine/plan/types.js';
import { renderJson } from '../src/engine/render/json.js';
import { renderMarkdownReport } from '../src/engine/render/markdown.js';
import { renderText } from '../src/engine/render/text.js';
import { safeJsonOutput, safeOutput } from '../src/engine/render/untrusted.js';

export interface Rendering {
  readonly ms: number;
  /** UTF-8 size of what was rendered. */
  readonly bytes: number;
}

export interface RenderPhase {
  /** `kvnet plan` and `kvnet plan --format json`, each through the stream's sanitiser. */
  readonly cliText: Rendering;
  readonly cliJson: Rendering;
  /** The Action: the plan in the log, the job summary and the PR comment. */
  readonly actionLog: Rendering;
  readonly actionSummary: Rendering & { readonly complete: boolean };
  readonly actionComment: Rendering;
  readonly totalMs: number;
}

function timed<T>(render: () => T, text: (value: T) => string): [T, Rendering] {
  const started = performance.now();
  const value = render();
  const ms = Math.round(performance.now() - started);
  return [value, { ms, bytes: Buffer.byteLength(text(value), 'utf8') }];
}

const same = (text: string) => text;

export function renderPhase(plan: Plan): RenderPhase {
  const started = performance.now();
  const [, cliText] = timed(() => safeOutput(renderText(plan, { color: false })), same);
  const [, cliJson] = timed(() => safeJsonOutput(renderJson(plan)), same);
  const [, actionLog] = timed(() => neutralizeForLog(renderText(plan, { color: false })), same);
  const [summary, summaryFigures] = timed(
    () =>
      renderMarkdownReport(plan, {
        specSetId: 'bench',
        limit: SUMMARY_LIMIT_BYTES,
        unit: 'bytes',
      }),
    (report) => report.text,
  );
  const [, actionComment] = timed(() => planCommentBody(plan, 'bench', 'f'.repeat(40)), same);
  return {
    cliText,
    cliJson,
    actionLog,
    actionSummary: { ...summaryFigures, complete: summary.complete },
    actionComment,
    totalMs: Math.round(performance.now() - started),
  };
}
