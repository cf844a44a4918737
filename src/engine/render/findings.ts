// Findings as a person reads them in a terminal, and as machines read them in JSON.
import type { Finding } from '../spec/findings.js';
import { singleLine } from './untrusted.js';

export function renderFindingsText(findings: readonly Finding[]): string {
  return findings
    .map(
      (finding) =>
        `${singleLine(finding.file)}:${finding.line}:${finding.column}  ${finding.severity}  ${singleLine(finding.message)}  [${finding.rule}]`,
    )
    .join('\n');
}

export function summarizeFindings(findings: readonly Finding[], fileCount: number): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
  return `${files} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

export const FINDINGS_SCHEMA_VERSION = 1;

export function renderFindingsJson(findings: readonly Finding[], valid: boolean): string {
  return JSON.stringify(
    {
      schemaVersion: FINDINGS_SCHEMA_VERSION,
      valid,
      findings: findings.map(({ file, line, column, severity, rule, message }) => ({
        file,
        line,
        column,
        severity,
        rule,
        message,
      })),
    },
    null,
    2,
  );
}
