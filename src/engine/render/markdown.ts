// The plan as a pull-request comment. The verdict and headings are ours; every piece of text
// that came from the spec or Azure sits in code. Long plans degrade in stages (details, then
// the per-vault table) to stay under GitHub's comment limit, and say so.
import type { Plan, VaultPlan } from '../plan/types.js';
import { fence, htmlText, inlineCode } from './markdown-safe.js';
import {
  countPlan,
  findingLine,
  readErrorLines,
  reachabilityLines,
  reviewOrder,
  stepLines,
  verdict,
} from './plan-lines.js';
import { SET_CHANGES_HEADING, setChangeLines } from './set-changes.js';

export const COMMENT_LIMIT = 60_000;

export interface MarkdownOptions {
  /** Identifies the spec set in the hidden marker, so several plan comments can coexist. */
  readonly specSetId?: string;
  readonly limit?: number;
}

export function planMarker(plan: Plan, specSetId = 'default'): string {
  const safeId = specSetId.replace(/[^A-Za-z0-9._/-]/g, '_');
  return `<!-- kvnet:plan spec-set=${safeId} fingerprint=${plan.fingerprint} schema=${plan.schemaVersion} -->`;
}

function verdictLine(plan: Plan): string {
  const counts = countPlan(plan);
  const icon =
    plan.outcome === 'error'
      ? '❌'
      : plan.outcome === 'no-changes'
        ? '✅'
        : counts.blocked > 0
          ? '⛔'
          : counts.narrowing > 0 || counts.destructive > 0
            ? '⚠️'
            : '📝';
  return `## ${icon} kvnet plan: ${verdict(plan)}`;
}

function impactLabel(vault: VaultPlan): string {
  if (vault.adds + vault.changes + vault.removals === 0) return 'no change';
  const labels = {
    narrows: '🔒 narrows',
    both: '🔒 narrows, 🔓 widens',
    widens: '🔓 widens',
    none: 'no access change',
  };
  return labels[vault.impact];
}

function summaryTable(vaults: readonly VaultPlan[]): string {
  const rows = vaults.map(
    (vault) =>
      `| ${inlineCode(vault.name)} | ${vault.adds} | ${vault.changes} | ${vault.removals} | ${impactLabel(vault)} |`,
  );
  return [
    '| vault | adds | changes | removals | impact |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

function vaultDetails(plan: Plan, vault: VaultPlan): string {
  const steps = reviewOrder(plan.steps.filter((step) => step.vaults.includes(vault.name)));
  const body = [
    '**Who can reach it**',
    '',
    fence(reachabilityLines(vault), 'text'),
    ...(steps.length > 0
      ? ['', '**Changes (narrowing first)**', '', fence(steps.flatMap(stepLines), 'diff')]
      : []),
  ];
  return [
    `<details><summary>${htmlText(vault.name)}</summary>`,
    '',
    ...body,
    '',
    '</details>',
  ].join('\n');
}

function errorsSection(plan: Plan): string[] {
  const lines = [
    ...readErrorLines(plan),
    ...plan.findings.filter((finding) => finding.level === 'error').map(findingLine),
  ];
  return lines.length > 0 ? ['### Errors', '', fence(lines, 'text'), ''] : [];
}

function findingsSection(plan: Plan): string[] {
  const lines = plan.findings.filter((finding) => finding.level !== 'error').map(findingLine);
  return lines.length > 0 ? ['### Findings', '', fence(lines, 'text'), ''] : [];
}

function setsSection(plan: Plan): string[] {
  const lines = setChangeLines(plan);
  return lines.length > 0 ? [`### ${SET_CHANGES_HEADING}`, '', fence(lines, 'diff'), ''] : [];
}

function orderSection(plan: Plan): string[] {
  if (plan.steps.length === 0) return [];
  const lines = plan.steps.map(
    (step, index) => `${String(index + 1).padStart(3)}. ${stepLines(step)[0] ?? ''}`,
  );
  return [
    '### Execution order (opening steps first, narrowing last)',
    '',
    fence(lines, 'text'),
    '',
  ];
}

export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? COMMENT_LIMIT;
  const head = [planMarker(plan, options.specSetId), verdictLine(plan), ''];
  const tail = [
    '',
    `<sub>fingerprint ${inlineCode(plan.fingerprint)} · plan schema ${plan.schemaVersion}</sub>`,
  ];
  const table = plan.vaults.length > 0 ? [summaryTable(plan.vaults), ''] : [];
  const stages = [
    [
      ...errorsSection(plan),
      ...table,
      ...findingsSection(plan),
      ...setsSection(plan),
      ...orderSection(plan),
      ...plan.vaults.map((vault) => vaultDetails(plan, vault)),
    ],
    [
      ...errorsSection(plan),
      ...table,
      ...findingsSection(plan),
      ...setsSection(plan),
      ...orderSection(plan),
    ],
    [...errorsSection(plan), ...table, ...setsSection(plan)],
    [...errorsSection(plan), ...table],
    [],
  ];
  const truncated =
    '> **Truncated:** this plan is too long for a comment; the full plan is in the job summary.';
  for (const [index, body] of stages.entries()) {
    const parts = [...head, ...body, ...(index > 0 ? ['', truncated] : []), ...tail];
    const text = parts.join('\n');
    if (text.length <= limit) return text;
  }
  return [...head, truncated, ...tail].join('\n').slice(0, limit);
}
