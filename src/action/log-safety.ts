// The runner obeys "::command::" at the start of any line (after spaces) and the legacy
// "##[command]" anywhere in a line (SECURITY-NOTES.md §2.3). Text from a spec, Azure or
// GitHub goes through here before it is logged, so it can never issue a command.
import { randomBytes } from 'node:crypto';
import { visibleControls } from '../engine/render/untrusted.js';

const ZERO_WIDTH_SPACE = '\u200b';

export function neutralizeLine(line: string): string {
  const visible = visibleControls(line);
  const safeLegacy = visible.replace(/##\[/g, `#${ZERO_WIDTH_SPACE}#[`);
  return safeLegacy.replace(/^(\s*):(?=:)/, `$1:${ZERO_WIDTH_SPACE}`);
}

export function neutralizeForLog(text: string): string {
  return text.split(/\r?\n/).map(neutralizeLine).join('\n');
}

/**
 * Prints a block of untrusted text (a whole plan) with workflow commands switched off around
 * it: `::stop-commands::TOKEN` … `::TOKEN::`, the token random so the text cannot guess it. Every
 * line is neutralised as well, so the block stays inert even where stop-commands is unknown.
 */
export function printUntrustedBlock(text: string, write: (line: string) => void): void {
  const token = `kvnet-${randomBytes(16).toString('hex')}`;
  write(`::stop-commands::${token}`);
  write(neutralizeForLog(text));
  write(`::${token}::`);
}
