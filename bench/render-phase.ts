// What a user sees of the plan, timed: the CLI's text and JSON (the Action writes the same JSON
// to its file), and the Action's log, job summary and pull-request comment, each rendered from
// the one plan the bench made. A plan is not done for its reader until it is printed, so a
// quadratic renderer, or one that holds tens of megabytes at once, shows here and not only in a
// user's run.
import { planCommentBody } from '../src/action/bodies.js';
import { neutralizeForLog } from '../src/action/log-safety.js';
import { SUMMARY_LIMIT_BYTES } from '../src/action/summary.js';
import type { Plan } from '../src/engine/plan/types.js';
import { batches, withLineEnds } from '../src/engine/render/batches.js';
import { renderJsonChunks } from '../src/engine/render/json.js';
import { renderMarkdownReport } from '../src/engine/render/markdown.js';
import { renderTextLines } from '../src/engine/render/text.js';
import { safeOutput } from '../src/engine/render/untrusted.js';
import { peakRss } from './peak-rss.js';

export interface Rendering {
  readonly ms: number;
  /** UTF-8 size of what was rendered. */
  readonly bytes: number;
  /** The process's peak RSS (VmHWM) once this rendering was done: where it rose is what cost. */
  readonly peakRssAfterBytes: number;
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

function timed<T>(render: () => T, size: (value: T) => number): [T, Rendering] {
  const started = performance.now();
  const value = render();
  const ms = Math.round(performance.now() - started);
  return [value, { ms, bytes: size(value), peakRssAfterBytes: peakRss().bytes }];
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** What the CLI or the Action writes, batch by batch through its sanitiser, in bytes. */
function writtenBytes(pieces: Iterable<string>, sanitise: (batch: string) => string): number {
  let bytes = 0;
  for (const batch of batches(pieces, { wholeLines: true })) bytes += utf8(sanitise(batch));
  return bytes;
}

const textLines = (plan: Plan) => withLineEnds(renderTextLines(plan, { color: false }));
const asWritten = (bytes: number) => bytes;

export function renderPhase(plan: Plan): RenderPhase {
  const started = performance.now();
  // As `kvnet plan` writes them (and the Action its log and plan file): batch by batch.
  const [, cliText] = timed(() => writtenBytes(textLines(plan), safeOutput), asWritten);
  const [, cliJson] = timed(() => writtenBytes(renderJsonChunks(plan), safeOutput), asWritten);
  const [, actionLog] = timed(() => writtenBytes(textLines(plan), neutralizeForLog), asWritten);
  const [summary, summaryFigures] = timed(
    () =>
      renderMarkdownReport(plan, {
        specSetId: 'bench',
        limit: SUMMARY_LIMIT_BYTES,
        unit: 'bytes',
      }),
    (report) => utf8(report.text),
  );
  const [, actionComment] = timed(() => planCommentBody(plan, 'bench', 'f'.repeat(40)), utf8);
  return {
    cliText,
    cliJson,
    actionLog,
    actionSummary: { ...summaryFigures, complete: summary.complete },
    actionComment,
    totalMs: Math.round(performance.now() - started),
  };
}
