// `kvnet apply [spec…] [--plan FILE] [--auto-approve] [--allow-destructive] [--max-parallel N]`
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { SdkAzureWriter } from '../../adapters/azure/writer.js';
import { applyPlan, applyRefusals } from '../../engine/apply/run-apply.js';
import type { ApplyReport } from '../../engine/apply/types.js';
import { makePlan } from '../../engine/plan/make-plan.js';
import { DEFAULT_READ_CONCURRENCY } from '../../engine/state/read-live.js';
import type { Plan } from '../../engine/plan/types.js';
import { stepTitle } from '../../engine/render/plan-lines.js';
import { parsePlanJson } from '../../engine/render/json.js';
import { renderText } from '../../engine/render/text.js';
import { safeOutput, singleLine } from '../../engine/render/untrusted.js';
import { ApplyProgressView, seconds, type ProgressStream } from '../apply-progress.js';
import { connectionFailureMessage, createClients } from '../azure-setup.js';
import { EarlyReads } from '../early-reads.js';
import { Interrupt, EXIT_INTERRUPTED } from '../interrupt.js';
import { loadSpecSet } from '../load-specs.js';
import {
  colorOnStdout,
  EXIT_ERROR,
  EXIT_OK,
  MAX_PARALLEL,
  UsageError,
  wholeNumberFlag,
  type CliIo,
} from '../io.js';

export const APPLY_USAGE = `Usage: kvnet apply <spec file, directory or glob>... [options]

Re-reads live state, re-plans and applies the plan: opening steps first, narrowing last, each
write verified, then a fresh plan that must be empty. Exit 0 when converged, 1 otherwise.
  --plan FILE          the reviewed JSON plan (kvnet plan --format json); apply each vault whose
                       steps and live basis still hold, refuse (write nothing to) the others
  --on-plan-mismatch P per-vault (default) or all-or-nothing: refuse every vault when one moved
  --auto-approve       do not ask for confirmation on a terminal
  --allow-destructive  allow deleting private endpoints and rejecting connections
  --max-parallel N     steps in flight at once (default 4, 1 to ${MAX_PARALLEL})
  --arm-endpoint URL, --cloud NAME, --auth KIND   as for kvnet plan

Ctrl-C stops starting steps and lets the running ones finish, then prints what was done and
what was not started (exit 130); a second Ctrl-C abandons the running steps. Re-running the
apply converges.`;

/**
 * The final report, compact: the outcome with counts and the time taken. When every step was
 * done that is all (each was reported as it finished); otherwise every step with its status,
 * so a partial run says what was done, what failed and what did not start.
 */
export function renderApplyReport(report: ApplyReport, elapsedMs?: number): string {
  const counts = { done: 0, failed: 0, 'not-started': 0 };
  for (const result of report.results) counts[result.status] += 1;
  const took = elapsedMs === undefined ? '' : ` in ${seconds(elapsedMs)}`;
  const lines = [
    report.outcome === 'refused' || report.outcome === 'no-changes'
      ? `kvnet apply: ${report.outcome}`
      : `kvnet apply: ${report.outcome}: ${counts.done} of ${report.results.length} steps done, ${counts.failed} failed, ${counts['not-started']} not started${took}`,
  ];
  for (const message of report.messages) lines.push(singleLine(message));
  if (report.outcome === 'refused') {
    lines.push(`nothing applied: none of the plan's ${report.results.length} steps was started`);
    return lines.join('\n');
  }
  const allDone = counts.done === report.results.length;
  report.results.forEach((result, at) => {
    if (allDone) return;
    const detail =
      result.status === 'failed'
        ? `failed (${result.code ?? 'error'}): ${result.message ?? ''}`
        : result.status === 'not-started'
          ? `not started: ${result.reason ?? ''}`
          : 'done';
    lines.push(
      `  [${at + 1}/${report.results.length}] ${singleLine(stepTitle(result.step))} — ${singleLine(detail)}`,
    );
  });
  if (report.residual && report.residual.outcome !== 'no-changes') {
    lines.push('', 'Residual plan:', renderText(report.residual, { color: false }));
  }
  return lines.join('\n');
}

/** Live lines on a terminal (kvnet's own cursor sequences kept), plain lines elsewhere. */
function progressStream(io: CliIo): ProgressStream {
  if (process.stderr.isTTY === true && io.env.KVNET_NO_LIVE === undefined) {
    return {
      isTTY: true,
      columns: process.stderr.columns,
      write: (text) => process.stderr.write(safeOutput(text, { keepCursor: true })),
    };
  }
  return { write: (text) => io.err(text.replace(/\n$/, '')) };
}

async function confirm(plan: Plan, io: CliIo): Promise<boolean> {
  io.out(renderText(plan, { color: colorOnStdout(io.env) }));
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question('\nApply these changes? Only "yes" is accepted: ');
    return answer.trim() === 'yes';
  } finally {
    prompt.close();
  }
}

export async function runApply(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      plan: { type: 'string' },
      'on-plan-mismatch': { type: 'string', default: 'per-vault' },
      'auto-approve': { type: 'boolean', default: false },
      'allow-destructive': { type: 'boolean', default: false },
      'max-parallel': { type: 'string', default: '4' },
      'arm-endpoint': { type: 'string' },
      cloud: { type: 'string' },
      auth: { type: 'string' },
      'poll-interval-ms': { type: 'string', default: '2000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(APPLY_USAGE);
    return EXIT_OK;
  }
  const maxParallel = wholeNumberFlag(values['max-parallel'], '--max-parallel', 1, MAX_PARALLEL);
  const pollIntervalMs = wholeNumberFlag(
    values['poll-interval-ms'],
    '--poll-interval-ms',
    0,
    60_000,
  );
  if (positionals.length === 0)
    throw new UsageError('name at least one spec file, directory or glob');
  const mismatch = values['on-plan-mismatch'];
  if (mismatch !== 'per-vault' && mismatch !== 'all-or-nothing')
    throw new UsageError(
      `--on-plan-mismatch must be per-vault or all-or-nothing (got "${singleLine(String(mismatch)).slice(0, 40)}")`,
    );

  let reviewedPlan: Plan | undefined;
  if (values.plan) {
    try {
      reviewedPlan = parsePlanJson(await readFile(values.plan, 'utf8'));
    } catch (error) {
      throw new UsageError(
        `cannot read the reviewed plan ${values.plan}: ${(error as Error).message}`,
      );
    }
    if (typeof reviewedPlan.fingerprint !== 'string')
      throw new UsageError(`${values.plan} is not a kvnet JSON plan (no fingerprint)`);
  }

  const flags = { cloud: values.cloud, armEndpoint: values['arm-endpoint'], auth: values.auth };
  // The first plan's reads start as each file parses, as in `kvnet plan`.
  const early = new EarlyReads(flags, io.env, DEFAULT_READ_CONCURRENCY);
  const specs = await loadSpecSet(
    positionals,
    io,
    'nothing applied',
    early.onFileParsed,
    (files) => {
      const reading = early.forSet(files);
      // One guard for reads and writes: an unreachable endpoint stops both, with one message.
      const guard = reading.clients.connectionGuard;
      return { reading, writeClients: createClients(files, flags, io.env, false, guard) };
    },
  );
  if (!specs) {
    early.abandon();
    return EXIT_ERROR;
  }
  const { desired, connection } = specs;
  const { clients: readClients, reader, reads: firstReads } = connection.reading;
  const writer = new SdkAzureWriter(connection.writeClients, { pollIntervalMs });
  const unreachable = (what: string): number | undefined => {
    const message = connectionFailureMessage(readClients, io.env);
    if (message === undefined) return undefined;
    io.err(`kvnet apply: ${message}\n${what}`);
    return EXIT_ERROR;
  };

  const interrupt = new Interrupt(io);
  try {
    if (!values['auto-approve']) {
      if (!process.stdin.isTTY)
        throw new UsageError('not a terminal: pass --auto-approve to apply without confirmation');
      const preview = await makePlan(desired, reader, { reads: firstReads });
      const failedToConnect = unreachable('Nothing applied.');
      if (failedToConnect !== undefined) return failedToConnect;
      // Refuse before asking: a "yes" must never be answered with "but no".
      const refused = applyRefusals(
        preview,
        {
          reviewedPlan,
          onPlanMismatch: mismatch,
          allowDestructive: values['allow-destructive'],
          maxParallel,
        },
        desired,
      );
      if (refused.length > 0) {
        io.out(
          [
            'kvnet apply: refused',
            ...refused.map((line) => singleLine(line)),
            'nothing applied: no step was started',
          ].join('\n'),
        );
        return EXIT_ERROR;
      }
      if (interrupt.stopRequested()) return interrupt.exitBeforeWriting();
      if (preview.outcome === 'changes' && !(await confirm(preview, io))) {
        io.out('Nothing applied.');
        return EXIT_ERROR;
      }
      reviewedPlan ??= preview;
    }
    if (interrupt.stopRequested()) return interrupt.exitBeforeWriting();

    const view = new ApplyProgressView(progressStream(io));
    const report = await applyPlan(desired, reader, writer, {
      // Spent by the preview when there was one; the apply then plans from fresh reads.
      ...(values['auto-approve'] ? { firstReads } : {}),
      reviewedPlan,
      onPlanMismatch: mismatch,
      allowDestructive: values['allow-destructive'],
      maxParallel,
      stopRequested: () => interrupt.stopRequested(),
      onProgress: (event) => {
        interrupt.track(event);
        view.onEvent(event);
      },
    }).finally(() => view.finish());
    const done = report.results.some((result) => result.status !== 'not-started');
    if (!done) {
      const failedToConnect = unreachable('Nothing applied.');
      if (failedToConnect !== undefined) return failedToConnect;
    }
    io.out(renderApplyReport(report, Date.now() - view.startedAt));
    const failedToConnect = unreachable('Re-run the apply once the endpoint is reachable.');
    if (failedToConnect !== undefined) return failedToConnect;
    if (report.outcome === 'interrupted') return EXIT_INTERRUPTED;
    return report.outcome === 'applied' || report.outcome === 'no-changes' ? EXIT_OK : EXIT_ERROR;
  } finally {
    interrupt.dispose();
  }
}
