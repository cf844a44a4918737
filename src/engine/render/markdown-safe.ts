// Building blocks that keep untrusted text inert in GitHub Markdown (SECURITY-NOTES.md §2.2):
// fences longer than any backtick run inside, no raw HTML from data, and @mentions and
// #references left only inside code, where GitHub does not link them.
import { singleLine } from './untrusted.js';

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/**
 * A fenced code block that no content can close early. Each entry is one line: a line break or
 * control character inside an entry is shown (`\n`, `\u0009`), so no value can forge a line.
 */
export function fence(lines: readonly string[], info = ''): string {
  const content = lines.map(singleLine).join('\n');
  const marker = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  return `${marker}${info}\n${content}\n${marker}`;
}

/** An inline code span for a table cell or a sentence. */
export function inlineCode(text: string): string {
  const flat = singleLine(text).replace(/\|/g, '\\|');
  const marker = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${marker}${pad}${flat}${pad}${marker}`;
}

/** Text for an HTML context such as <summary>: no tags, no entities, no mentions. */
export function htmlText(text: string): string {
  return singleLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/@/g, '&#64;')
    .replace(/#/g, '&#35;');
}
