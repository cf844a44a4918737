// A finding is one thing wrong (error) or worth knowing (warning) about a spec, at a place.

export type Severity = 'error' | 'warning';

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export interface Finding extends Position {
  readonly file: string;
  readonly severity: Severity;
  /** Stable id such as `ip/private`; documented in docs/rules.md. */
  readonly rule: string;
  /** What is wrong, then how to fix it. */
  readonly message: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}

export function hasErrors(findings: readonly Finding[], strict = false): boolean {
  return findings.some((finding) => finding.severity === 'error' || strict);
}
