// Loads and validates the spec set named by the `spec` input; every finding becomes an
// annotation on its spec line and a (neutralised) log line.
import * as core from '@actions/core';
import { collectSpecSources } from '../adapters/filesystem/spec-files.js';
import type { Plan } from '../engine/plan/types.js';
import { renderFindingsText, summarizeFindings } from '../engine/render/findings.js';
import { findingLine } from '../engine/render/plan-lines.js';
import { singleLine } from '../engine/render/untrusted.js';
import type { LoadedSpecFile } from '../engine/spec/checks/context.js';
import { compareFindings, hasErrors, type Finding } from '../engine/spec/findings.js';
import { validateSpecSet, validateSpecSetAsParsed } from '../engine/spec/validate.js';
import { resolveDesiredState, type DesiredState } from '../engine/state/desired.js';
import type { CloudName } from '../engine/model/clouds.js';
import type { ActionInputs } from './inputs.js';
import { overlapFindings } from './spec-overlap.js';
import { neutralizeForLog } from './log-safety.js';

export interface LoadedSpecSet {
  /**
   * The clouds the files name: all the routes need of the parsed files once the set is
   * resolved. The files themselves are not kept (34 MiB at 10,000 vaults, held through the
   * plan; docs/performance.md, finding 10).
   */
  readonly clouds: readonly CloudName[];
  readonly findings: readonly Finding[];
  readonly fileCount: number;
  readonly valid: boolean;
  readonly summary: string;
  readonly desired?: DesiredState;
}

/** The clouds a set's files name, each once (a valid set names one). */
export function cloudsOf(files: readonly LoadedSpecFile[]): CloudName[] {
  return [...new Set(files.map((loaded) => loaded.spec.defaults.cloud))];
}

export function todayFrom(env: NodeJS.ProcessEnv): string {
  const pinned = env.KVNET_TODAY;
  if (pinned !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return new Date().toISOString().slice(0, 10);
}

/**
 * Validates the set; `onFileParsed` sees each file that matched the schema as soon as it is
 * parsed (the plan route starts its reads there), unless a vault of it lies outside the
 * subscription `azure-subscription-id` limits the run to: that file is never read.
 */
export async function loadSpecSet(
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  onFileParsed?: (file: LoadedSpecFile, today: string) => void,
): Promise<LoadedSpecSet> {
  const today = todayFrom(env);
  const collected = await collectSpecSources(inputs.spec);
  const wanted = inputs.azureSubscriptionId?.toLowerCase();
  const outside = (loaded: LoadedSpecFile) =>
    wanted === undefined
      ? []
      : resolveDesiredState([loaded], today).vaults.filter(
          (vault) => vault.subscription.toLowerCase() !== wanted,
        );
  const result = onFileParsed
    ? await validateSpecSetAsParsed(collected.sources, { today }, (loaded) => {
        if (outside(loaded).length === 0) onFileParsed(loaded, today);
      })
    : validateSpecSet(collected.sources, { today });
  const findings: Finding[] = [...collected.findings, ...result.findings];
  if (inputs.azureSubscriptionId && !hasErrors(findings)) {
    for (const loaded of result.files) {
      for (const vault of outside(loaded)) {
        findings.push({
          file: vault.source.file,
          line: vault.source.line,
          column: vault.source.column,
          severity: 'error',
          rule: 'action/subscription',
          message: `vault ${vault.name} is in subscription ${vault.subscription}, but the input "azure-subscription-id" limits this run to ${inputs.azureSubscriptionId}: move it to another spec set or change the input`,
        });
      }
    }
  }
  if (!hasErrors(findings)) findings.push(...(await overlapFindings(inputs, result.files, today)));
  findings.sort(compareFindings);
  for (const finding of findings) {
    const annotate = finding.severity === 'error' ? core.error : core.warning;
    annotate(neutralizeForLog(renderFindingsText([finding])), {
      file: finding.file,
      startLine: finding.line,
      startColumn: finding.column,
      title: `kvnet ${finding.rule}`,
    });
  }
  if (findings.length > 0) core.info(neutralizeForLog(renderFindingsText(findings)));
  const summary = summarizeFindings(findings, collected.sources.length);
  core.info(summary);
  const valid = !hasErrors(findings) && collected.sources.length > 0;
  return {
    clouds: cloudsOf(result.files),
    findings,
    fileCount: collected.sources.length,
    valid,
    summary,
    desired: valid ? resolveDesiredState(result.files, today) : undefined,
  };
}

/** Plan findings that point at a spec line become annotations there too. */
export function annotatePlanFindings(plan: Plan): void {
  for (const finding of plan.findings) {
    if (finding.level === 'info') continue;
    const annotate = finding.level === 'error' ? core.error : core.warning;
    annotate(neutralizeForLog(singleLine(findingLine(finding))), {
      ...(finding.source
        ? {
            file: finding.source.file,
            startLine: finding.source.line,
            startColumn: finding.source.column,
          }
        : {}),
      title: `kvnet ${finding.rule}`,
    });
  }
}
