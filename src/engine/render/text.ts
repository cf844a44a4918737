// The plan for a terminal, in the comment's structure: the verdict (net effect first), errors,
// who loses and who gains access per changed vault (losses first), the findings about what the
// plan changes (repeated ones as one line), a count of findings about unchanged vaults, then
// the steps in execution order. Coloured only when asked (the CLI asks on a TTY without
// NO_COLOR). Every line goes through `singleLine`: a value's line break or control character is
// shown, never obeyed, so no value can forge a line.
import type { Plan } from '../plan/types.js';
import { changeCounts, changedVaults, type AccessLine } from './access-lines.js';
import { groupFindings, groupLine, splitByChange } from './finding-groups.js';
import { readErrorLines, stepLines, verdict } from './plan-lines.js';
import { singleLine } from './untrusted.js';
import { SET_CHANGES_HEADING, setChangeLines } from './set-changes.js';

export interface TextOptions {
  readonly color: boolean;
}

const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1, dim: 2 } as const;

const SIGN: Record<AccessLine['sign'], string> = {
  '-': '-',
  '!': '!',
  '+': '+',
  '#': '#',
  '=': '=',
};

export function renderText(plan: Plan, options: TextOptions): string {
  return renderTextLines(plan, options).join('\n');
}

/** The plan's text as lines, to be written a batch at a time (batches.ts, withLineEnds). */
export function renderTextLines(plan: Plan, options: TextOptions): string[] {
  const paint = (code: keyof typeof ANSI, text: string) =>
    options.color ? `\u001b[${ANSI[code]}m${text}\u001b[0m` : text;
  const colorLine = (line: string) => {
    const body = line.trimStart();
    if (body.startsWith('+')) return paint('green', line);
    if (body.startsWith('-')) return paint('red', line);
    if (body.startsWith('!') || body.startsWith('~') || body.startsWith('±'))
      return paint('yellow', line);
    if (body.startsWith('note:') || body.startsWith('#')) return paint('dim', line);
    return line;
  };
  const out: string[] = [paint('bold', `kvnet plan: ${singleLine(verdict(plan))}`), ''];
  for (const line of readErrorLines(plan)) out.push(paint('red', `error  ${singleLine(line)}`));

  const changes = changedVaults(plan);
  const { changed, unchanged } = splitByChange(
    plan.findings,
    new Set(changes.map((change) => change.vault.name)),
  );
  for (const group of groupFindings(changed)) {
    const line = singleLine(groupLine(group));
    out.push(
      group.level === 'error'
        ? paint('red', line)
        : group.level === 'warning'
          ? paint('yellow', line)
          : line,
    );
  }
  if (plan.readErrors.length + changed.length > 0) out.push('');

  if (changes.length > 0) {
    out.push(paint('bold', 'Who loses and who gains access (losses first):'));
    for (const change of changes) {
      out.push(
        paint('cyan', `vault ${singleLine(change.vault.name)}: ${changeCounts(change)}`) +
          ` (${change.steps.length} step${change.steps.length === 1 ? '' : 's'})`,
      );
      out.push(
        ...change.lines.map((line) => colorLine(`  ${SIGN[line.sign]} ${singleLine(line.text)}`)),
      );
    }
    const untouched = plan.vaults.length - changes.length;
    if (untouched > 0) out.push(`${untouched} other vault${untouched === 1 ? '' : 's'} unchanged`);
    out.push('');
  }
  const setLines = setChangeLines(plan);
  if (setLines.length > 0) {
    out.push(paint('bold', `${SET_CHANGES_HEADING}:`));
    out.push(...setLines.map((line) => `  ${colorLine(singleLine(line))}`), '');
  }
  if (plan.steps.length > 0) {
    out.push(paint('bold', 'Steps, in execution order (opening first, narrowing last):'));
    plan.steps.forEach((step, index) => {
      const [title = '', ...rest] = stepLines(step).map(singleLine);
      out.push(`${String(index + 1).padStart(3)}. ${colorLine(title)}`);
      out.push(...rest.map((line) => `     ${colorLine(line)}`));
    });
    out.push('');
  }
  // The comment collapses these behind a count; a terminal lists them last.
  if (unchanged.length > 0) {
    out.push(
      paint(
        'bold',
        `${unchanged.length} finding${unchanged.length === 1 ? '' : 's'} about vaults this plan does not change:`,
      ),
    );
    for (const group of groupFindings(unchanged)) out.push(singleLine(groupLine(group)));
    out.push('');
  }
  out.push(paint('dim', `fingerprint ${plan.fingerprint}`));
  return out;
}
