// The Action's composition root. For now it validates the spec set named by the `spec` input,
// annotates each finding on its line, and fails the step on errors. Plan, apply and drift
// modes arrive with the planner and applier (issues 4–6).
import * as core from '@actions/core';
import { renderFindingsText, summarizeFindings } from '../engine/render/findings.js';
import { compareFindings, hasErrors } from '../engine/spec/findings.js';
import { validateSpecSet } from '../engine/spec/validate.js';
import { collectSpecSources } from '../adapters/filesystem/spec-files.js';
import { neutralizeForLog } from './log-safety.js';

export async function run(): Promise<void> {
  try {
    const patterns = core
      .getInput('spec', { required: true })
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const collected = await collectSpecSources(patterns);
    const today = new Date().toISOString().slice(0, 10);
    const result = validateSpecSet(collected.sources, { today });
    const findings = [...collected.findings, ...result.findings].sort(compareFindings);
    for (const finding of findings) {
      const annotate = finding.severity === 'error' ? core.error : core.warning;
      annotate(neutralizeForLog(`${finding.message} [${finding.rule}]`), {
        file: finding.file,
        startLine: finding.line,
        startColumn: finding.column,
        title: `kvnet ${finding.rule}`,
      });
    }
    if (findings.length > 0) core.info(neutralizeForLog(renderFindingsText(findings)));
    core.info(summarizeFindings(findings, collected.sources.length));
    const valid = !hasErrors(findings) && collected.sources.length > 0;
    core.setOutput('outcome', valid ? 'valid' : 'invalid');
    if (!valid) core.setFailed('the spec set is invalid: see the annotations above');
  } catch (error) {
    core.setFailed(
      neutralizeForLog(`kvnet: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
}
