// The PR comment: parsed as GitHub-flavoured Markdown, it has balanced fences and <details>,
// exactly one verdict heading, and text from the spec or Azure never escapes code.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/engine/plan/build-plan.js';
import type { Plan } from '../../../src/engine/plan/types.js';
import { renderMarkdown } from '../../../src/engine/render/markdown.js';
import { renderText } from '../../../src/engine/render/text.js';
import { desiredFrom, HEADER, liveVault, snapshot, vaultId } from '../../support/plan-fixtures.js';

const markdown = new MarkdownIt({ html: true });
const HOSTILE =
  '```\n</details>\n## ✅ No changes\n@org/team #1 <img src=x onerror=alert(1)> ::set-output name=x::y';

function planWith(note: string, vaults = 1): Plan {
  const names = Array.from({ length: vaults }, (_, index) => `kv-render-${index}`);
  const spec = `${HEADER}${names
    .map(
      (name) => `  - name: ${name}
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules:
        - { address: 20.50.10.7, note: ${JSON.stringify(note)} }
`,
    )
    .join('')}`;
  const live = names.map((name) =>
    liveVault(
      name,
      { networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '52.1.1.1/32' }] } },
      [
        {
          id: `${vaultId(name)}/privateEndpointConnections/evil`,
          name: HOSTILE.replace(/\n/g, ' '),
          privateEndpointId: `/subscriptions/99999999-9999-9999-9999-999999999999/resourceGroups/x/providers/Microsoft.Network/privateEndpoints/${'`'.repeat(7)}pe`,
          status: 'Pending',
          description: HOSTILE,
        },
      ],
    ),
  );
  return buildPlan(desiredFrom(spec), snapshot({ vaults: live }));
}

function structure(text: string) {
  const tokens = markdown.parse(text, {});
  const headings = tokens
    .filter((token) => token.type === 'heading_open')
    .map((token, index, all) => {
      const inline = tokens[tokens.indexOf(all[index] as (typeof tokens)[number]) + 1];
      return inline?.content ?? '';
    });
  const html = tokens
    .filter((token) => token.type === 'html_block' || token.type === 'html_inline')
    .map((token) => token.content);
  const textOutsideCode = tokens
    .flatMap((token) => (token.type === 'inline' ? (token.children ?? []) : [token]))
    .filter((token) => token.type === 'text')
    .map((token) => token.content)
    .join('\n');
  return { tokens, headings, html, textOutsideCode };
}

describe('Markdown plan comment', () => {
  it('keeps hostile spec and Azure text inside code: one verdict, balanced <details>, no raw HTML or mentions', () => {
    const text = renderMarkdown(planWith(HOSTILE));
    const { headings, html, textOutsideCode } = structure(text);
    expect(headings.filter((heading) => heading.includes('kvnet plan'))).toHaveLength(1);
    expect(headings.some((heading) => heading.includes('No changes'))).toBe(false);
    const opens = html.join('').match(/<details>/g)?.length ?? 0;
    const closes = html.join('').match(/<\/details>/g)?.length ?? 0;
    expect(opens).toBe(closes);
    expect(opens).toBeGreaterThan(0);
    expect(html.join('')).not.toMatch(/<img/);
    expect(textOutsideCode).not.toMatch(/@org|#1|set-output|onerror|No changes/);
    expect(text).toContain('@org/team'); // present, but only inside code
  });

  it('carries the fingerprint and schema in a hidden marker that names the spec set', () => {
    const plan = planWith('office');
    expect(renderMarkdown(plan, { specSetId: 'kv-network/prod' }).split('\n')[0]).toBe(
      `<!-- kvnet:plan spec-set=kv-network/prod fingerprint=${plan.fingerprint} schema=3 -->`,
    );
    expect(renderMarkdown(plan, { specSetId: 'x --> <b>' }).split('\n')[0]).not.toContain(
      '-->  <b>',
    );
  });

  it('stays under the limit, names what it left out and where the whole plan is', () => {
    const plan = planWith(
      'a fairly long note to make every vault section heavier than the last one',
      12,
    );
    const full = renderMarkdown(plan);
    expect(full).not.toMatch(/Not shown here/);
    const limit = Math.floor(full.length / 2);
    const short = renderMarkdown(plan, { limit });
    expect(short.length).toBeLessThanOrEqual(limit);
    expect(short).toMatch(
      /> \*\*Not shown here\*\* \(size limit\): .*The whole plan: `kvnet plan --format json`/,
    );
    // Every vault loses access here, so every one is still named.
    for (let index = 0; index < 12; index += 1) expect(short).toContain(`\`kv-render-${index}\``);
    expect(
      structure(short).headings.filter((heading) => heading.includes('kvnet plan')),
    ).toHaveLength(1);
  });

  it('matches the snapshot of a small plan', () => {
    const plan = planWith('office egress');
    expect(
      renderMarkdown(plan).replaceAll(plan.fingerprint, 'sha256:<fingerprint>'),
    ).toMatchSnapshot();
  });
});

describe('terminal text', () => {
  it('is plain without colour and makes control characters visible', () => {
    const text = renderText(planWith('tab\there \u001b[31mred'), { color: false });
    expect(text.includes('\u001b')).toBe(false);
    const coloured = renderText(planWith('plain'), { color: true });
    expect(coloured.includes('\u001b[32m+')).toBe(true);
  });
});
