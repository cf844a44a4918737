// Building blocks that keep untrusted text inert in GitHub Markdown (SECURITY-NOTES.md §2.2):
// fences longer than any backtick run inside, no raw HTML from data, and @mentions and
// #references left only inside code, where GitHub does not link them.
import { visibleControls } from './untrusted.js';

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/** A fenced code block that no content can close early. */
export function fence(lines: readonly string[], info = ''): string {
  const content = lines.map(visibleControls).join('\n');
  const marker = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  return `${marker}${info}\n${content}\n${marker}`;
}

/** An inline code span for a table cell or a sentence. */
export function inlineCode(text: string): string {
  const flat = visibleControls(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
  const marker = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${marker}${pad}${flat}${pad}${marker}`;
}

/** Text for an HTML context such as <summary>: no tags, no entities, no mentions. */
export function htmlText(text: string): string {
  return visibleControls(text.replace(/\r?\n/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/@/g, '&#64;')
    .replace(/#/g, '&#35;');
}
