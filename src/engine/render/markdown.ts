// The plan as a pull-request comment. It leads with the net effect (who loses and who gains
// access, from the access model) and the verdict; per changed vault, losses first, what it loses
// and gains, visible without expanding; then the findings about what the plan changes; the
// execution order, payloads and notes stay collapsible. The verdict and headings are ours; text
// from the spec or Azure sits in code. A budget keeps the comment under GitHub's limit: the
// vaults that lose access are named first, then the rest by impact, then "and N more", and the
// comment says where the whole plan is only when the caller says a place holds it.
import type { Plan } from '../plan/types.js';
import { changeCounts, changedVaults, type AccessLine, type VaultChange } from './access-lines.js';
import { groupFindings, groupLine, splitByChange, type FindingGroup } from './finding-groups.js';
import { fence, htmlText, inlineCode } from './markdown-safe.js';
import { countPlan, readErrorLines, readiness, stepLines, verdict } from './plan-lines.js';
import { SET_CHANGES_HEADING, setChangeLines } from './set-changes.js';

/** GitHub refuses a comment longer than 65,536 characters (SECURITY-NOTES.md §2.2). */
export const COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** Identifies the spec set in the hidden marker, so several plan comments can coexist. */
  readonly specSetId?: string;
  /** The budget, in characters (the comment) or UTF-8 bytes (`unit: 'bytes'`, the job summary). */
  readonly limit?: number;
  readonly unit?: 'chars' | 'bytes';
  /**
   * A sentence (kvnet's own Markdown, never user text) saying where the whole plan is, used when
   * something does not fit. The caller passes it only when that place holds the whole plan.
   */
  readonly fullPlanAt?: string;
  /** The absolute URL of kvnet's docs/rules.md, to link each finding's rule; no link without it. */
  readonly rulesUrl?: string;
}

export interface MarkdownReport {
  readonly text: string;
  /** True when nothing of the plan was left out. */
  readonly complete: boolean;
}

export const DEFAULT_FULL_PLAN_AT =
  'The whole plan: `kvnet plan --format json` (or `--format md` without a size limit).';

export function planMarker(plan: Plan, specSetId = 'default'): string {
  const safeId = specSetId.replace(/[^A-Za-z0-9._/-]/g, '_');
  return `<!-- kvnet:plan spec-set=${safeId} fingerprint=${plan.fingerprint} schema=${plan.schemaVersion} -->`;
}

function verdictLine(plan: Plan): string {
  const counts = countPlan(plan);
  const state = readiness(plan);
  const icon =
    state === 'error'
      ? '❌'
      : state === 'no-changes'
        ? '✅'
        : state === 'blocked'
          ? '⛔'
          : counts.narrowing > 0 || counts.destructive > 0
            ? '⚠️'
            : '📝';
  return `## ${icon} kvnet plan: ${verdict(plan)}`;
}

const plural = (count: number, word: string) =>
  `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

/** GitHub's heading anchor for a rule id heading such as ### `policy/firewall`. */
export function ruleAnchor(rule: string): string {
  return rule
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

function ruleRef(rule: string, rulesUrl: string | undefined): string {
  const code = inlineCode(rule);
  return rulesUrl ? `[${code}](${rulesUrl}#${ruleAnchor(rule)})` : code;
}

/** `file:line:col  severity  message  [rule]` as one wrapped list item. */
function findingItem(group: FindingGroup, rulesUrl: string | undefined): string {
  const text = groupLine(group);
  const message = text.slice(0, text.lastIndexOf('  ['));
  return `- ${inlineCode(message)} [${ruleRef(group.rule, rulesUrl)}]`;
}

/** In a diff block: red, orange, green, grey comment, and an unmarked context line. */
const DIFF_SIGN: Record<AccessLine['sign'], string> = {
  '-': '-',
  '!': '!',
  '+': '+',
  '#': '#',
  '=': ' ',
};

function vaultTitle(change: VaultChange): string {
  const icon = change.loses > 0 ? '🔒' : change.gains > 0 ? '🔓' : '·';
  const steps = plural(change.steps.length, 'step');
  return `${icon} ${inlineCode(change.vault.name)} — ${changeCounts(change)} · ${steps}`;
}

function vaultBlock(change: VaultChange): string {
  const lines = change.lines.map((line) => `${DIFF_SIGN[line.sign]} ${line.text}`);
  return [
    `**${vaultTitle(change)}**`,
    '',
    fence(lines.length > 0 ? lines : ['# no change in who can reach it'], 'diff'),
    '',
  ].join('\n');
}

/** One list item: the title and the first two lines of the change, for when blocks do not fit. */
function vaultCompact(change: VaultChange): string {
  const lines = change.lines.filter((line) => line.sign !== '#');
  const first = lines
    .slice(0, 2)
    .map((line) => `${line.sign === '=' ? '' : `${line.sign} `}${line.text}`)
    .join('; ');
  const more = lines.length > 2 ? `; and ${lines.length - 2} more` : '';
  return `- ${vaultTitle(change)}${first ? `: ${inlineCode(`${first}${more}`)}` : ''}`;
}

function details(summary: string, body: string): string {
  return [`<details><summary>${summary}</summary>`, '', body, '', '</details>', ''].join('\n');
}

function orderBlock(plan: Plan): string {
  const lines = plan.steps.flatMap((step, index) => {
    const [title = '', ...rest] = stepLines(step);
    return [`${String(index + 1).padStart(3)}. ${title}`, ...rest.map((line) => `     ${line}`)];
  });
  return details(
    `Execution order: ${htmlText(plural(plan.steps.length, 'step'))}, opening first, narrowing last, with their changes and notes`,
    fence(lines, 'diff'),
  );
}

interface Piece {
  readonly text: string;
}

export function renderMarkdownReport(plan: Plan, options: MarkdownOptions = {}): MarkdownReport {
  const limit = options.limit ?? COMMENT_LIMIT;
  // Counted, not encoded: encoding every piece to measure it allocated a buffer per piece.
  const size = (text: string) =>
    options.unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
  const fullPlanAt = options.fullPlanAt ?? DEFAULT_FULL_PLAN_AT;

  const head = [planMarker(plan, options.specSetId), verdictLine(plan), ''].join('\n');
  const tail = `\n<sub>fingerprint ${inlineCode(plan.fingerprint)} · plan schema ${plan.schemaVersion}</sub>`;

  const changes = changedVaults(plan);
  const changedNames = new Set(changes.map((change) => change.vault.name));
  const { changed, unchanged } = splitByChange(plan.findings, changedNames);
  const changedGroups = groupFindings(changed);
  const unchangedGroups = groupFindings(unchanged);
  const errors = [
    ...readErrorLines(plan).map((line) => `- ${inlineCode(`error  ${line}`)}`),
    ...changedGroups
      .filter((group) => group.level === 'error')
      .map((group) => findingItem(group, options.rulesUrl)),
  ];
  const notices = changedGroups
    .filter((group) => group.level !== 'error')
    .map((group) => findingItem(group, options.rulesUrl));
  const unchangedItems = unchangedGroups.map((group) => findingItem(group, options.rulesUrl));

  // What must be said whatever the size, then what fits, by priority.
  let used = size(head) + size(tail) + 1000; // room for headings and the "not shown here" note
  const fits = (text: string) => used + size(text) + 1 <= limit;
  const take = (text: string): boolean => {
    if (!fits(text)) return false;
    used += size(text) + 1;
    return true;
  };

  const errorPieces: Piece[] = [];
  let errorsLeft = errors.length;
  for (const item of errors) {
    if (!take(item)) break;
    errorPieces.push({ text: item });
    errorsLeft -= 1;
  }

  // Vaults: first a compact line for each vault that loses access, then their diff blocks, then
  // the same for the other changed vaults, in review order.
  const form = new Map<VaultChange, 'compact' | 'full'>();
  const losers = changes.filter((change) => change.loses > 0);
  const others = changes.filter((change) => change.loses === 0);
  const addCompact = (list: readonly VaultChange[]) => {
    for (const change of list) {
      if (!take(vaultCompact(change))) return;
      form.set(change, 'compact');
    }
  };
  const upgrade = (list: readonly VaultChange[]) => {
    for (const change of list) {
      if (form.get(change) !== 'compact') return;
      const extra = vaultBlock(change);
      const saved = size(vaultCompact(change)) + 1;
      if (used - saved + size(extra) + 1 > limit) return;
      used += size(extra) + 1 - saved;
      form.set(change, 'full');
    }
  };
  addCompact(losers);
  upgrade(losers);

  // A change to a named set, once with every vault it affects (right after the losses).
  const setLines = setChangeLines(plan);
  const setsBlock =
    setLines.length > 0
      ? [`### ${SET_CHANGES_HEADING}`, '', fence(setLines, 'diff'), ''].join('\n')
      : '';
  const showSets = setsBlock !== '' && take(setsBlock);

  const noticePieces: Piece[] = [];
  let noticesLeft = notices.length;
  const noticeHeading = '### Findings on what this plan changes\n';
  if (notices.length > 0 && take(noticeHeading)) {
    for (const item of notices) {
      if (!take(item)) break;
      noticePieces.push({ text: item });
      noticesLeft -= 1;
    }
  }

  addCompact(others);
  upgrade(others);

  const unchangedBody = unchangedItems.join('\n');
  const unchangedDetails =
    unchangedItems.length > 0
      ? details(
          `${htmlText(
            plural(
              unchangedGroups.reduce((sum, group) => sum + group.findings.length, 0),
              'finding',
            ),
          )} about vaults this plan does not change`,
          unchangedBody,
        )
      : '';
  const showUnchanged = unchangedDetails !== '' && take(unchangedDetails);
  const order = plan.steps.length > 0 ? orderBlock(plan) : '';
  const showOrder = order !== '' && take(order);

  // The document, in reading order.
  const out: string[] = [head];
  if (errorPieces.length > 0 || errorsLeft > 0) {
    out.push('### Errors', '', ...errorPieces.map((piece) => piece.text));
    if (errorsLeft > 0) out.push(`- … and ${plural(errorsLeft, 'more error')}`);
    out.push('');
  }
  const counts = countPlan(plan);
  if (changes.length > 0) {
    out.push('### Who loses and who gains access (losses first)', '');
    let compactRun = false;
    for (const change of changes) {
      const shown = form.get(change);
      if (!shown) continue;
      if (shown === 'compact') {
        out.push(vaultCompact(change));
        compactRun = true;
      } else {
        if (compactRun) out.push('');
        compactRun = false;
        out.push(vaultBlock(change));
      }
    }
    if (compactRun) out.push('');
    const hidden = changes.filter((change) => !form.has(change));
    const compacted = changes.filter((change) => form.get(change) === 'compact');
    if (hidden.length > 0) {
      const lose = hidden.filter((change) => change.loses > 0).length;
      const gain = hidden.filter((change) => change.loses === 0 && change.gains > 0).length;
      out.push(
        `… and ${plural(hidden.length, 'more vault')} (${lose.toLocaleString('en-US')} ${lose === 1 ? 'loses' : 'lose'} access, ${gain.toLocaleString('en-US')} only ${gain === 1 ? 'gains' : 'gain'}, ${(hidden.length - lose - gain).toLocaleString('en-US')} with no change in who can reach ${hidden.length - lose - gain === 1 ? 'it' : 'them'}).`,
        '',
      );
    }
    if (compacted.length > 0)
      out.push(
        `${plural(compacted.length, 'vault')} in short form (at most two of their changes): the size limit leaves no room for more.`,
        '',
      );
  }
  const untouched = plan.vaults.length - changes.length;
  if (plan.outcome === 'changes' && untouched > 0)
    out.push(
      `${plural(untouched, 'other vault')} of the spec set ${untouched === 1 ? 'is' : 'are'} unchanged.`,
      '',
    );
  if (showSets) out.push(setsBlock);
  if (noticePieces.length > 0 || noticesLeft > 0) {
    out.push(noticeHeading, ...noticePieces.map((piece) => piece.text));
    if (noticesLeft > 0) out.push(`- … and ${plural(noticesLeft, 'more finding')}`);
    out.push('');
  }
  if (showUnchanged) out.push(unchangedDetails);
  if (showOrder) out.push(order);

  const left: string[] = [];
  const hiddenVaults = changes.filter((change) => form.get(change) !== 'full').length;
  if (hiddenVaults > 0) left.push(`the changes of ${plural(hiddenVaults, 'vault')}`);
  if (errorsLeft > 0) left.push(plural(errorsLeft, 'error'));
  if (setsBlock !== '' && !showSets) left.push('the changes to named sets');
  if (noticesLeft > 0) left.push(plural(noticesLeft, 'finding'));
  if (!showUnchanged && unchangedItems.length > 0) left.push('the findings about unchanged vaults');
  if (!showOrder && order !== '')
    left.push(`the execution order (${plural(counts.steps, 'step')})`);
  const complete = left.length === 0;
  if (!complete) out.push(`> **Not shown here** (size limit): ${left.join(', ')}. ${fullPlanAt}`);

  const text = `${out.join('\n').replace(/\n+$/, '')}\n${tail}`;
  return { text: size(text) <= limit ? text : text.slice(0, limit), complete };
}

export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  return renderMarkdownReport(plan, options).text;
}
