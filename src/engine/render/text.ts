// The plan for a terminal: the same content as the comment, coloured only when asked (the
// CLI asks on a TTY without NO_COLOR). Untrusted text has its control characters made visible.
import type { Plan } from '../plan/types.js';
import {
  findingLine,
  readErrorLines,
  reachabilityLines,
  stepLines,
  verdict,
} from './plan-lines.js';
import { SET_CHANGES_HEADING, setChangeLines } from './set-changes.js';
import { visibleControls } from './untrusted.js';

export interface TextOptions {
  readonly color: boolean;
}

const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1, dim: 2 } as const;

export function renderText(plan: Plan, options: TextOptions): string {
  const paint = (code: keyof typeof ANSI, text: string) =>
    options.color ? `\u001b[${ANSI[code]}m${text}\u001b[0m` : text;
  const colorLine = (line: string) => {
    if (line.startsWith('+')) return paint('green', line);
    if (line.startsWith('-')) return paint('red', line);
    if (line.startsWith('~') || line.startsWith('±')) return paint('yellow', line);
    if (line.trimStart().startsWith('note:')) return paint('dim', line);
    return line;
  };
  const out: string[] = [paint('bold', `kvnet plan: ${verdict(plan)}`), ''];
  for (const line of readErrorLines(plan))
    out.push(paint('red', `error   ${visibleControls(line)}`));
  for (const finding of plan.findings) {
    const line = visibleControls(findingLine(finding));
    out.push(
      finding.level === 'error'
        ? paint('red', line)
        : finding.level === 'warning'
          ? paint('yellow', line)
          : line,
    );
  }
  if (plan.readErrors.length + plan.findings.length > 0) out.push('');
  for (const vault of plan.vaults) {
    out.push(paint('cyan', `vault ${visibleControls(vault.name)}`));
    out.push(...reachabilityLines(vault).map((line) => `  ${visibleControls(line)}`));
    out.push('');
  }
  const setLines = setChangeLines(plan);
  if (setLines.length > 0) {
    out.push(paint('bold', `${SET_CHANGES_HEADING}:`));
    out.push(...setLines.map((line) => `  ${colorLine(visibleControls(line))}`), '');
  }
  if (plan.steps.length > 0) {
    out.push(paint('bold', 'Steps, in execution order (opening first, narrowing last):'));
    plan.steps.forEach((step, index) => {
      const [title = '', ...rest] = stepLines(step).map(visibleControls);
      out.push(`${String(index + 1).padStart(3)}. ${colorLine(title)}`);
      out.push(...rest.map((line) => `     ${colorLine(line)}`));
    });
    out.push('');
  }
  out.push(paint('dim', `fingerprint ${plan.fingerprint}`));
  return out.join('\n');
}
