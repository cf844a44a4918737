// The Action's log goes through the same sanitiser as the CLI's streams
// (src/engine/render/untrusted.ts): no workflow command can start a line, `##[` is broken, and
// control and invisible characters are shown, so text from a spec, Azure or GitHub can never
// issue a command.
import { randomBytes } from 'node:crypto';
import { safeOutput } from '../engine/render/untrusted.js';

export function neutralizeForLog(text: string): string {
  return safeOutput(text.replace(/\r\n/g, '\n'));
}

/**
 * Prints a block of untrusted text (a whole plan) with workflow commands switched off around
 * it: `::stop-commands::TOKEN` … `::TOKEN::`, the token random so the text cannot guess it. Every
 * line is neutralised as well, so the block stays inert even where stop-commands is unknown.
 */
export function printUntrustedBlock(
  text: string | Iterable<string>,
  write: (line: string) => void,
): void {
  const token = `kvnet-${randomBytes(16).toString('hex')}`;
  write(`::stop-commands::${token}`);
  if (typeof text === 'string') write(neutralizeForLog(text));
  // Batches of whole lines (batches.ts), each written without its last line feed: `write` adds one.
  else for (const batch of text) write(neutralizeForLog(batch.replace(/\n$/, '')));
  write(`::${token}::`);
}
