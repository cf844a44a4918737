// The Markdown kvnet posts on pull requests, issues and the job summary. Headings and verdicts
// are built from the models (plan, apply report), never from rendered or user text; anything
// that came from the spec, Azure or GitHub sits inside a code fence or an inline code span.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ApplyReport, StepResult } from '../engine/apply/types.js';
import { PLAN_SCHEMA_VERSION, type Plan } from '../engine/plan/types.js';
import {
  COMMENT_LIMIT,
  planMarker,
  renderMarkdown,
  type MarkdownOptions,
} from '../engine/render/markdown.js';
import { batches } from '../engine/render/batches.js';
import { parsePlanJson, planJsonChunks } from '../engine/render/json.js';
import { fence, inlineCode } from '../engine/render/markdown-safe.js';
import { stepTitle } from '../engine/render/plan-lines.js';
import { renderFindingsText } from '../engine/render/findings.js';
import type { Finding } from '../engine/spec/findings.js';

/** Same sanitising as planMarker, so the lookup prefix matches the rendered marker. */
export function safeSetId(specSetId: string): string {
  return specSetId.replace(/[^A-Za-z0-9._/-]/g, '_');
}

/** What identifies kvnet's plan comment for this spec set (the trailing space ends the id). */
export function planMarkerPrefix(specSetId: string): string {
  return `<!-- kvnet:plan spec-set=${safeSetId(specSetId)} `;
}

export function driftMarker(specSetId: string): string {
  return `<!-- kvnet:drift spec-set=${safeSetId(specSetId)} -->`;
}

function statusMarker(specSetId: string, status: string): string {
  return `${planMarkerPrefix(specSetId)}fingerprint=none status=${status} -->`;
}

export interface ReviewedMarker {
  readonly fingerprint?: string;
  readonly status?: string;
}

/** Reads the fingerprint from kvnet's own marker in a comment body. */
export function readMarker(body: string, specSetId: string): ReviewedMarker | undefined {
  const prefix = planMarkerPrefix(specSetId);
  const start = body.indexOf(prefix);
  if (start < 0) return undefined;
  const end = body.indexOf('-->', start);
  if (end < 0) return undefined;
  const fields = new Map(
    body
      .slice(start + prefix.length, end)
      .trim()
      .split(/\s+/)
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at), pair.slice(at + 1)] as const;
      }),
  );
  const fingerprint = fields.get('fingerprint');
  return {
    fingerprint: fingerprint && fingerprint !== 'none' ? fingerprint : undefined,
    status: fields.get('status'),
  };
}

// The reviewed plan travels in the comment (gzip + base64: no "-->" can occur), so a refused
// apply can say which field moved. The fingerprint, not this copy, is what gates the apply.
const EMBED_OPEN = '<!-- kvnet:reviewed-plan ';
const EMBED_LIMIT = 20_000;

/** The JSON compressed per this many characters: one gzip member each (gunzip joins them). */
const EMBED_MEMBER_CHARS = 256 * 1024;

/**
 * The reviewed plan for the comment, or '' when it does not fit. Compressed piece by piece and
 * given up once over the limit, so a 10,000-vault plan is never one string: deflate only looks
 * 32 KiB back, so members this large compress about as well as one.
 */
export function embedPlan(plan: Plan): string {
  const members: Buffer[] = [];
  let compressed = 0;
  for (const piece of batches(planJsonChunks(plan), { chars: EMBED_MEMBER_CHARS })) {
    const member = gzipSync(Buffer.from(piece, 'utf8'));
    compressed += member.length;
    if (Math.ceil(compressed / 3) * 4 > EMBED_LIMIT) return '';
    members.push(member);
  }
  return `${EMBED_OPEN}${Buffer.concat(members).toString('base64')} -->`;
}

export function readEmbeddedPlan(body: string, fingerprint: string): Plan | undefined {
  const start = body.indexOf(EMBED_OPEN);
  if (start < 0) return undefined;
  const end = body.indexOf(' -->', start);
  try {
    const json = gunzipSync(
      Buffer.from(body.slice(start + EMBED_OPEN.length, end), 'base64'),
    ).toString('utf8');
    const plan = parsePlanJson(json);
    return plan.schemaVersion === PLAN_SCHEMA_VERSION && plan.fingerprint === fingerprint
      ? plan
      : undefined;
  } catch {
    return undefined;
  }
}

function withoutMarkerLine(markdown: string): string {
  return markdown.replace(/^<!-- kvnet:plan [^\n]*-->\n/, '');
}

/** The plan comment: renderMarkdown (marker first) plus the embedded reviewed plan. */
export function planCommentBody(
  plan: Plan,
  specSetId: string,
  headSha?: string,
  where: Pick<MarkdownOptions, 'fullPlanAt' | 'rulesUrl'> = {},
): string {
  const embedded = embedPlan(plan);
  const footer = headSha ? `\n<sub>planned at ${inlineCode(headSha.slice(0, 12))}</sub>` : '';
  const limit = COMMENT_LIMIT - embedded.length - footer.length - 2;
  return [renderMarkdown(plan, { specSetId, limit, ...where }) + footer, embedded]
    .filter(Boolean)
    .join('\n');
}

/** Where the job summary sends a reader when even it cannot hold the whole plan. */
export const SUMMARY_FULL_PLAN_AT =
  "The whole plan is in the JSON file named by this step's `plan-json` output, written on the runner; kvnet does not upload it: keep it with `actions/upload-artifact` (examples/workflows/kvnet-plan.yml does).";

/** Where the comment sends a reader: this run's job summary, once it holds the whole plan. */
export function commentFullPlanAt(runUrl: string | undefined): string {
  return runUrl
    ? `The whole plan is in the [job summary of this run](${runUrl}).`
    : 'The whole plan is in the job summary of the run that made this comment.';
}

/** The URL of docs/rules.md in the kvnet release this Action runs (none when unknown). */
export function rulesUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const repository = env.GITHUB_ACTION_REPOSITORY;
  const ref = env.GITHUB_ACTION_REF;
  if (!repository || !ref || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^[\w./-]+$/.test(ref))
    return undefined;
  const server = /^https:\/\/[\w.-]+$/.test(env.GITHUB_SERVER_URL ?? '')
    ? (env.GITHUB_SERVER_URL as string)
    : 'https://github.com';
  return `${server}/${repository}/blob/${ref}/docs/rules.md`;
}

export function validateOnlyBody(specSetId: string, reason: string, summary: string): string {
  return [
    statusMarker(specSetId, 'validate-only'),
    '## ⏸️ kvnet: validated only, no plan was made',
    '',
    'The spec set is valid, but kvnet did not read Azure in this run, so it **cannot say whether anything would change**. This is not "no changes".',
    '',
    fence([reason, summary], 'text'),
    '',
    'A maintainer can re-run the plan from a branch of this repository; see docs/troubleshooting.md ("fork pull requests").',
  ].join('\n');
}

export function invalidBody(
  specSetId: string,
  findings: readonly Finding[],
  summary: string,
): string {
  const text = renderFindingsText(findings).split('\n');
  const shown = text.length > 200 ? [...text.slice(0, 200), `… ${text.length - 200} more`] : text;
  return [
    statusMarker(specSetId, 'invalid'),
    `## ❌ kvnet: the spec set is invalid, no plan was made`,
    '',
    fence([...shown, '', summary], 'text'),
    '',
    'Each finding is also annotated on its line in the "Files changed" tab.',
  ]
    .join('\n')
    .slice(0, COMMENT_LIMIT);
}

export function failureBody(specSetId: string, title: string, detail: string): string {
  return [
    statusMarker(specSetId, 'error'),
    `## ❌ kvnet: ${title}`,
    '',
    fence(detail.split('\n'), 'text'),
  ]
    .join('\n')
    .slice(0, COMMENT_LIMIT);
}

const APPLY_ICON: Record<ApplyReport['outcome'], string> = {
  applied: '✅',
  'no-changes': '✅',
  refused: '⛔',
  partial: '⚠️',
  failed: '❌',
  'not-converged': '⚠️',
  interrupted: '⏹️',
};

const APPLY_VERDICT: Record<ApplyReport['outcome'], string> = {
  applied: 'applied; live state now matches the spec',
  'no-changes': 'nothing to apply; live state already matches the spec',
  refused: 'refused, nothing was written',
  partial: 'applied the vaults whose reviewed basis held; refused the others',
  failed: 'failed part-way; re-running converges',
  'not-converged': 'all steps ran, but live state still differs from the spec',
  interrupted: 'interrupted part-way; re-running converges',
};

function resultLine(result: StepResult): string {
  const detail =
    result.status === 'failed'
      ? `  (${[result.code, result.message].filter(Boolean).join(': ')})`
      : result.status === 'not-started' && result.reason
        ? `  (${result.reason})`
        : '';
  return `${result.status.padEnd(11)} ${stepTitle(result.step)}${detail}`;
}

export function applyResultLines(report: ApplyReport): string[] {
  return [
    ...report.messages,
    ...(report.results.length > 0 ? ['', ...report.results.map(resultLine)] : []),
  ];
}

/** The pull request's comment after the merge: the apply result, then the plan it executed. */
export function applyCommentBody(
  report: ApplyReport,
  specSetId: string,
  reviewed: { fingerprint: string; embedded?: Plan },
  commitSha: string,
  runUrl?: string,
): string {
  const done = report.results.filter((result) => result.status === 'done').length;
  const head = [
    `${planMarkerPrefix(specSetId)}fingerprint=${reviewed.fingerprint} schema=1 status=apply-${report.outcome} -->`,
    `## ${APPLY_ICON[report.outcome]} kvnet apply: ${APPLY_VERDICT[report.outcome]}`,
    '',
    `Merge commit ${inlineCode(commitSha.slice(0, 12))}: ${done} of ${report.results.length} step${report.results.length === 1 ? '' : 's'} done.${runUrl ? ` [Run log](${runUrl}).` : ''}`,
    '',
  ];
  const lines = applyResultLines(report);
  const result = lines.length > 0 ? [fence(lines, 'text'), ''] : [];
  const embedded = reviewed.embedded ? embedPlan(reviewed.embedded) : '';
  const budget =
    COMMENT_LIMIT - head.join('\n').length - result.join('\n').length - embedded.length - 200;
  const plan =
    budget > 2_000
      ? [
          '### The plan that was executed',
          '',
          withoutMarkerLine(renderMarkdown(report.plan, { specSetId, limit: budget })),
        ]
      : [];
  return [...head, ...result, ...plan, embedded]
    .filter((part) => part !== '')
    .join('\n')
    .slice(0, COMMENT_LIMIT);
}

/** Refused before the applier ran (no reviewed plan, ambiguous pull request…). */
export function applyRefusedBody(
  specSetId: string,
  fingerprint: string | undefined,
  reason: string,
): string {
  return [
    `${planMarkerPrefix(specSetId)}fingerprint=${fingerprint ?? 'none'} schema=1 status=apply-refused -->`,
    '## ⛔ kvnet apply: refused, nothing was written',
    '',
    fence(reason.split('\n'), 'text'),
  ].join('\n');
}

export function driftIssueBody(
  plan: Plan,
  specSetId: string,
  runUrl?: string,
  /** Sections after the introduction (who changed it, the drift fix), already safe markdown. */
  extra = '',
): string {
  const marker = driftMarker(specSetId);
  const intro = [
    marker,
    '## Live network state departs from the spec',
    '',
    `The scheduled drift check found changes that kvnet would make to bring Azure back to the spec${runUrl ? ` ([run](${runUrl}))` : ''}. Either someone changed Azure outside the spec (revert it by re-applying, or adopt the change in the spec through a pull request), or the spec changed without an apply. This issue is updated on every check and closed once live state matches again.`,
    '',
  ].join('\n');
  const sections =
    extra.length > COMMENT_LIMIT / 4
      ? `${extra.slice(0, COMMENT_LIMIT / 4)}\n\n(cut: see the job summary)\n`
      : extra;
  const limit = COMMENT_LIMIT - intro.length - sections.length;
  return intro + sections + withoutMarkerLine(renderMarkdown(plan, { specSetId, limit }));
}

export function driftClosedComment(runUrl?: string): string {
  return `✅ kvnet: live state matches the spec again${runUrl ? ` ([run](${runUrl}))` : ''}. Closing.`;
}

export { planMarker };
