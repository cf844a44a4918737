// `kvnet plan [spec…] [--format md|text|json] [--out FILE] [--arm-endpoint URL] [--cloud NAME]`
// Exit 0: no changes; 2: changes; 1: error (invalid spec, failed read, lockout…).
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { makePlan } from '../../engine/plan/make-plan.js';
import type { Plan } from '../../engine/plan/types.js';
import { batches, withLineEnds } from '../../engine/render/batches.js';
import { renderJsonChunks } from '../../engine/render/json.js';
import { renderMarkdown } from '../../engine/render/markdown.js';
import { renderTextLines } from '../../engine/render/text.js';
import { connectionFailureMessage } from '../azure-setup.js';
import { EarlyReads } from '../early-reads.js';
import { loadSpecSet } from '../load-specs.js';
import {
  colorOnStdout,
  EXIT_CHANGES,
  EXIT_ERROR,
  EXIT_OK,
  MAX_PARALLEL,
  UsageError,
  wholeNumberFlag,
  type CliIo,
} from '../io.js';

export const PLAN_USAGE = `Usage: kvnet plan <spec file, directory or glob>... [options]

Reads live state from Azure (GET requests only), diffs it against the spec and prints the plan.
Exit 0: no changes. 2: changes. 1: error.
  --format FORMAT      text (default), md (the pull-request comment) or json
  --out FILE           write the rendering to FILE instead of standard output
  --arm-endpoint URL   Azure Resource Manager endpoint (default: the cloud's; or KVNET_ARM_ENDPOINT)
  --cloud NAME         AzureCloud, AzureUSGovernment or AzureChinaCloud (default: the spec's)
  --auth KIND          token (KVNET_ACCESS_TOKEN, the default when set), azure-cli or default
  --max-parallel N     ARM reads in flight per subscription (default 16, 1 to ${MAX_PARALLEL})`;

export function exitCodeFor(plan: Plan): number {
  return plan.outcome === 'error'
    ? EXIT_ERROR
    : plan.outcome === 'changes'
      ? EXIT_CHANGES
      : EXIT_OK;
}

export async function runPlan(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      'arm-endpoint': { type: 'string' },
      cloud: { type: 'string' },
      auth: { type: 'string' },
      'max-parallel': { type: 'string', default: '16' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(PLAN_USAGE);
    return EXIT_OK;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'md' && format !== 'json')
    throw new UsageError(`--format must be text, md or json, not "${format}"`);
  const concurrency = wholeNumberFlag(values['max-parallel'], '--max-parallel', 1, MAX_PARALLEL);
  if (positionals.length === 0)
    throw new UsageError('name at least one spec file, directory or glob');

  const early = new EarlyReads(
    { cloud: values.cloud, armEndpoint: values['arm-endpoint'], auth: values.auth },
    io.env,
    concurrency,
  );
  const specs = await loadSpecSet(positionals, io, 'no plan made', early.onFileParsed, (files) =>
    early.forSet(files),
  );
  if (!specs) {
    early.abandon();
    return EXIT_ERROR;
  }

  const {
    desired,
    connection: { clients, reader, reads },
  } = specs;
  const plan = await makePlan(desired, reader, { concurrency, reads });
  const unreachable = connectionFailureMessage(clients, io.env);
  if (unreachable) {
    io.err(`kvnet plan: ${unreachable}\nNo plan was made.`);
    return EXIT_ERROR;
  }
  if (format === 'md') {
    // The comment's Markdown, held to the comment's size limit.
    const markdown = renderMarkdown(plan);
    if (values.out)
      await writeFile(values.out, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    else io.out(markdown);
  } else {
    // Tens of megabytes at 10,000 vaults: written as it is made, never held whole. Colour only
    // on a terminal, never into a file.
    const color = !values.out && colorOnStdout(io.env);
    const pieces =
      format === 'json' ? renderJsonChunks(plan) : withLineEnds(renderTextLines(plan, { color }));
    if (values.out) await writeFile(values.out, batches(pieces));
    else for (const batch of batches(pieces, { wholeLines: true })) await io.write(batch);
  }
  if (values.out) io.out(`plan written to ${values.out}: ${plan.outcome}`);
  return exitCodeFor(plan);
}
