// The PR comment as GitHub renders it (GFM: tables, strikethrough, autolinks, raw HTML through a
// sanitiser), approximated with markdown-it: what is live HTML, a link, an image or a mention.
import MarkdownIt from 'markdown-it';

const gfm = new MarkdownIt({ html: true, linkify: true }).enable(['table', 'strikethrough']);

/** kvnet's own tags: the collapsible sections, the footer and the hidden markers. */
const OWN_HTML =
  /^(<details><summary>[^<>]*<\/summary>|<\/details>|<sub>|<\/sub>|<!-- kvnet:[^\n]*-->)\s*$/;

export interface Rendered {
  readonly headings: string[];
  /** Raw HTML that is not one of kvnet's own tags. */
  readonly foreignHtml: string[];
  readonly detailsOpen: number;
  readonly detailsClose: number;
  readonly links: string[];
  readonly images: number;
  /** Text GitHub renders outside code (where @mentions and #refs become live). */
  readonly textOutsideCode: string;
  /** The lines of every fenced code block. */
  readonly fencedLines: string[];
}

export function renderGfm(markdown: string): Rendered {
  const tokens = gfm.parse(markdown, {});
  const headings: string[] = [];
  const html: string[] = [];
  const links: string[] = [];
  const text: string[] = [];
  const fencedLines: string[] = [];
  let images = 0;
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open') headings.push(tokens[index + 1]?.content ?? '');
    if (token.type === 'html_block') html.push(...token.content.split('\n').filter(Boolean));
    if (token.type === 'fence') fencedLines.push(...token.content.replace(/\n$/, '').split('\n'));
    for (const child of token.children ?? []) {
      if (child.type === 'html_inline') html.push(child.content);
      if (child.type === 'link_open') links.push(String(child.attrGet('href') ?? ''));
      if (child.type === 'image') images += 1;
      if (child.type === 'text') text.push(child.content);
    }
  });
  const joined = html.join('\n');
  return {
    headings,
    foreignHtml: html.filter((line) => !OWN_HTML.test(line.trim())),
    detailsOpen: joined.match(/<details>/g)?.length ?? 0,
    detailsClose: joined.match(/<\/details>/g)?.length ?? 0,
    links,
    images,
    textOutsideCode: text.join('\n'),
    fencedLines,
  };
}
