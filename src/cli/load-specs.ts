// The first half of plan and apply: read the spec set, validate it, and resolve it into the
// desired state, or print every finding and say that nothing was done.
import { collectSpecSources } from '../adapters/filesystem/spec-files.js';
import { renderFindingsText, summarizeFindings } from '../engine/render/findings.js';
import type { LoadedSpecFile } from '../engine/spec/checks/context.js';
import { compareFindings, hasErrors } from '../engine/spec/findings.js';
import { validateSpecSetAsParsed } from '../engine/spec/validate.js';
import { resolveDesiredState, type DesiredState } from '../engine/state/desired.js';
import { today, type CliIo } from './io.js';

export interface LoadedSpecSet<Connection> {
  readonly desired: DesiredState;
  /** What `connect` made from the parsed files (the clients to read and write with). */
  readonly connection: Connection;
}

/**
 * Undefined when the set is invalid; the findings have then been printed. The parsed files
 * go to `connect` and no further: the plan never looks at them again, and a caller holding
 * them through the plan carried 34 MiB at 10,000 vaults (docs/performance.md, finding 10).
 */
export async function loadSpecSet<Connection>(
  paths: readonly string[],
  io: CliIo,
  whatWasNotDone: string,
  /** Called with each file that parses, before the rest of the set (early-reads.ts). */
  onFileParsed: (file: LoadedSpecFile, today: string) => void,
  connect: (files: readonly LoadedSpecFile[]) => Connection,
): Promise<LoadedSpecSet<Connection> | undefined> {
  const date = today(io.env);
  const collected = await collectSpecSources(paths);
  const validation = await validateSpecSetAsParsed(collected.sources, { today: date }, (file) =>
    onFileParsed(file, date),
  );
  const findings = [...collected.findings, ...validation.findings].sort(compareFindings);
  if (hasErrors(findings) || collected.sources.length === 0) {
    io.err(renderFindingsText(findings));
    io.err(`${summarizeFindings(findings, collected.sources.length)} — invalid, ${whatWasNotDone}`);
    return undefined;
  }
  return {
    desired: resolveDesiredState(validation.files, date),
    connection: connect(validation.files),
  };
}
