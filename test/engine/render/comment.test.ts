// The pull-request comment (issue 11): it leads with who loses and who gains access, computed
// from the plan's access model; it fits GitHub's 65,536 characters at any size, naming the
// vaults that lose access first; free text cannot forge plan lines; nothing from the spec or
// Azure renders as live HTML, a link, a mention or an image.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/engine/plan/build-plan.js';
import type { Plan } from '../../../src/engine/plan/types.js';
import {
  COMMENT_LIMIT,
  renderMarkdown,
  renderMarkdownReport,
} from '../../../src/engine/render/markdown.js';
import { renderText } from '../../../src/engine/render/text.js';
import { findingLine, stepTitle } from '../../../src/engine/render/plan-lines.js';
import { renderFindingsText } from '../../../src/engine/render/findings.js';
import {
  commentFullPlanAt,
  planCommentBody,
  SUMMARY_FULL_PLAN_AT,
} from '../../../src/action/bodies.js';
import { SUMMARY_LIMIT_BYTES } from '../../../src/action/summary.js';
import {
  desiredFrom,
  HEADER,
  liveVault,
  snapshot,
  SUB,
  vaultId,
} from '../../support/plan-fixtures.js';
import { renderGfm } from './gfm.js';

const name = (index: number) => `kv-estate-${String(index).padStart(4, '0')}`;

/**
 * An estate of `count` vaults, each of which gains an office range; the first `losers` of them
 * also lose a range the spec no longer lists.
 */
function estate(count: number, losers: number): Plan {
  const spec = `${HEADER}${Array.from(
    { length: count },
    (_, index) => `  - name: ${name(index)}
    publicNetworkAccess: Enabled
    disableFindings: [policy/public-network-access, policy/private-link]
    firewall:
      defaultAction: Deny
      ipRules:
        - 52.1.${index % 250}.${(index % 200) + 1}
        - { address: 20.50.${Math.floor(index / 250)}.${index % 250}, note: office egress }
`,
  ).join('')}`;
  const live = Array.from({ length: count }, (_, index) =>
    liveVault(name(index), {
      networkAcls: {
        defaultAction: 'Deny',
        ipRules: [
          { value: `52.1.${index % 250}.${(index % 200) + 1}/32` },
          ...(index < losers ? [{ value: `52.9.${index % 250}.9/32` }] : []),
        ],
      },
    }),
  );
  return buildPlan(desiredFrom(spec), snapshot({ vaults: live }));
}

function allowToDeny(count: number): Plan {
  const spec = `${HEADER}${Array.from(
    { length: count },
    (_, index) => `  - name: ${name(index)}
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules: [20.50.10.7, 52.174.0.0/24]
`,
  ).join('')}`;
  const live = Array.from({ length: count }, (_, index) =>
    liveVault(name(index), { networkAcls: { defaultAction: 'Allow' } }),
  );
  return buildPlan(desiredFrom(spec), snapshot({ vaults: live }));
}

describe('large plans', { timeout: 120_000 }, () => {
  const big = estate(3_000, 10);

  it('3,000 changed vaults of which 10 lose access: ≤ 65,536 characters, names all 10, counts the rest', () => {
    const text = renderMarkdown(big);
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    for (let index = 0; index < 10; index += 1) {
      expect(text).toContain(`\`${name(index)}\``);
      // Named with what it loses, not only by name.
      expect(text).toContain(`- 52.9.${index}.9/32`);
    }
    const before = text.indexOf('`kv-estate-0009`');
    expect(before).toBeLessThan(text.indexOf('`kv-estate-0010`'));
    const more = /… and ([\d,]+) more vaults \((\d+) lose access, ([\d,]+) only gain/.exec(text);
    expect(more, 'an "and N more" line').not.toBeNull();
    const [, hidden = '', lose = '', gain = ''] = more ?? [];
    const shown = [...text.matchAll(/`kv-estate-\d{4}`/g)].length;
    expect(Number(hidden.replace(/,/g, '')) + shown).toBe(3_000);
    expect(Number(lose)).toBe(0);
    expect(Number(gain.replace(/,/g, ''))).toBe(3_000 - shown);
    expect(text).toMatch(
      /^## ⚠️ kvnet plan: 10 vaults lose access, 3000 gain access, 0 destructive steps/m,
    );
    // It does not point at a place; the caller did not say one holds the plan.
    expect(text).not.toMatch(/job summary/);
    const rendered = renderGfm(text);
    expect(rendered.detailsOpen).toBe(rendered.detailsClose);
    expect(rendered.foreignHtml).toEqual([]);
  });

  it('the Action comment (with its embedded plan and footer) fits too, and says where the whole plan is', () => {
    const body = planCommentBody(big, 'prod', 'a'.repeat(40), {
      fullPlanAt: commentFullPlanAt('https://github.com/o/r/actions/runs/1'),
    });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain('The whole plan is in the [job summary of this run]');
    for (let index = 0; index < 10; index += 1) expect(body).toContain(`\`${name(index)}\``);
  });

  it('the job summary holds the whole of a 3,000-vault plan within 1 MiB, and says nothing about itself', () => {
    const summary = renderMarkdownReport(big, {
      limit: SUMMARY_LIMIT_BYTES,
      unit: 'bytes',
      fullPlanAt: SUMMARY_FULL_PLAN_AT,
    });
    expect(Buffer.byteLength(summary.text, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(summary.complete).toBe(true);
    expect(summary.text).not.toMatch(/Not shown here|job summary/);
    expect([...summary.text.matchAll(/`kv-estate-\d{4}`/g)].length).toBe(3_000);
  });

  it('a summary too small for the plan points at the JSON plan file, never at the job summary', () => {
    const summary = renderMarkdownReport(big, {
      limit: 200_000,
      unit: 'bytes',
      fullPlanAt: SUMMARY_FULL_PLAN_AT,
    });
    expect(summary.complete).toBe(false);
    expect(Buffer.byteLength(summary.text, 'utf8')).toBeLessThanOrEqual(200_000);
    expect(summary.text).toContain('`plan-json` output');
    expect(summary.text).not.toMatch(/job summary/);
    expect(summary.text.match(/Not shown here/g)).toHaveLength(1);
  });

  it('matches the snapshot of a large generated estate (head of the comment)', () => {
    const text = renderMarkdown(estate(400, 3), { limit: 8_000 }).replace(
      /sha256:[0-9a-f]{64}/g,
      'sha256:<fingerprint>',
    );
    expect(text.length).toBeLessThanOrEqual(8_000);
    expect(text).toMatchSnapshot();
  });
});

describe('measured cases of issue 11', () => {
  it('a 300-vault Allow → Deny change is headlined by its net effect: 300 lose access, none gains', () => {
    const plan = allowToDeny(300);
    const text = renderMarkdown(plan);
    const [, headline = ''] = text.split('\n');
    expect(headline).toMatch(
      /^## ⚠️ kvnet plan: 300 vaults lose access, 0 gain access, 0 destructive steps — apply-ready/,
    );
    expect(headline).not.toMatch(/widen/);
    expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  });

  it('shows addresses above the fold: each changed vault with its losses and gains before any <details>', () => {
    const plan = estate(3, 1);
    const text = renderMarkdown(plan);
    const fold = text.indexOf('<details>');
    const lost = text.indexOf('- 52.9.0.9/32');
    const gained = text.indexOf('+ 20.50.0.0/32 — office egress');
    expect(lost).toBeGreaterThan(0);
    expect(gained).toBeGreaterThan(lost); // losses first
    expect(fold === -1 || fold > gained).toBe(true);
  });

  it('a finding repeated across vaults is one wrapped line naming them, with the rule position, not in a fixed-width block', () => {
    const plan = allowToDeny(7);
    const text = renderMarkdown(plan, {
      rulesUrl: 'https://github.com/o/kvnet/blob/v1/docs/rules.md',
    });
    const lines = text.split('\n').filter((line) => line.includes('policy/public-network-access'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^- `spec\.yaml:\d+:\d+ {2}warning {2}/);
    expect(lines[0]).toContain(
      '(7 vaults: kv-estate-0000, kv-estate-0001, kv-estate-0002, kv-estate-0003, kv-estate-0004, and 2 more)',
    );
    expect(lines[0]).toContain(
      '[[`policy/public-network-access`](https://github.com/o/kvnet/blob/v1/docs/rules.md#policypublic-network-access)]',
    );
    const rendered = renderGfm(text);
    expect(rendered.fencedLines.some((line) => line.includes('[policy/'))).toBe(false);
    // The only links are kvnet's own, to its rules' documentation.
    expect(rendered.links.length).toBeGreaterThan(0);
    for (const link of rendered.links)
      expect(link).toMatch(/^https:\/\/github\.com\/o\/kvnet\/blob\/v1\/docs\/rules\.md#[a-z-]+$/);
  });

  it('findings about vaults the plan does not change are collapsed behind a count', () => {
    const spec = `${HEADER}  - name: kv-changed
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
  - name: kv-same
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.8] }
`;
    const plan = buildPlan(
      desiredFrom(spec),
      snapshot({
        vaults: [
          liveVault('kv-changed', { networkAcls: { defaultAction: 'Deny' } }),
          liveVault('kv-same', {
            networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '20.50.10.8/32' }] },
          }),
        ],
      }),
    );
    const text = renderMarkdown(plan);
    const fold = text.indexOf(
      '<details><summary>2 findings about vaults this plan does not change',
    );
    expect(fold).toBeGreaterThan(0);
    expect(text.slice(0, fold)).not.toContain('kv-same');
    expect(text.slice(fold)).toContain('kv-same');
  });

  it('plan findings carry the position of the rule that caused them, in the one format validate uses', () => {
    const spec = `${HEADER}  - name: kv-positions
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Allow
      ipRules:
        - 20.50.10.7
        - 40.112.0.0/12
`;
    const plan = buildPlan(
      desiredFrom(spec),
      snapshot({
        vaults: [liveVault('kv-positions', { networkAcls: { defaultAction: 'Allow' } })],
      }),
    );
    const at = (rule: string) => plan.findings.find((finding) => finding.rule === rule)?.source;
    const lines = spec.split('\n');
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    expect(at('practice/wide-ip-range')?.line).toBe(lineOf('40.112.0.0/12'));
    expect(at('policy/public-network-access')?.line).toBe(lineOf('publicNetworkAccess'));
    expect(at('policy/firewall')?.line).toBe(lineOf('defaultAction: Allow'));
    const line = findingLine(plan.findings.find((f) => f.rule === 'practice/wide-ip-range')!);
    expect(line).toMatch(
      new RegExp(
        `^spec\\.yaml:${lineOf('40.112.0.0/12')}:11 {2}warning {2}\\S.*\\S {2}\\[practice/wide-ip-range\\]$`,
      ),
    );
    // The same shape as validate's lines.
    const validateLine = renderFindingsText([
      { file: 'spec.yaml', line: 1, column: 2, severity: 'warning', rule: 'ip/x', message: 'm' },
    ]);
    expect(validateLine).toBe('spec.yaml:1:2  warning  m  [ip/x]');
    expect(renderText(plan, { color: false })).toContain(line);
  });

  it('a free-text note with line breaks cannot forge removal lines, in the comment or the terminal', () => {
    const spec = `${HEADER}  - name: kv-note
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      ipRules:
        - { address: 20.50.10.7, note: "office\\n-   networkAcls.ipRules: 10.0.0.0/8\\r\\n- 10.0.0.0/8" }
`;
    const plan = buildPlan(
      desiredFrom(spec),
      snapshot({ vaults: [liveVault('kv-note', { networkAcls: { defaultAction: 'Deny' } })] }),
    );
    const text = renderMarkdown(plan);
    const rendered = renderGfm(text);
    expect(rendered.fencedLines.filter((line) => line.includes('10.0.0.0/8'))).toHaveLength(2);
    for (const line of rendered.fencedLines) expect(line).not.toMatch(/^\s*-.*10\.0\.0\.0\/8/);
    expect(text).toContain('office\\n-   networkAcls.ipRules: 10.0.0.0/8\\u000d\\n- 10.0.0.0/8');
    const terminal = renderText(plan, { color: false }).split('\n');
    expect(terminal.filter((line) => /^\s*- .*10\.0\.0\.0\/8/.test(line))).toEqual([]);
    expect(terminal.filter((line) => line.includes('10.0.0.0/8')).length).toBeGreaterThan(0);
  });

  it('rejecting an Approved connection from an endpoint kvnet cannot see carries its impact: it narrows', () => {
    const spec = `${HEADER}  - name: kv-reject
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, ipRules: [20.50.10.7] }
    privateEndpointConnections: { unmanaged: reject }
`;
    const foreign = `/subscriptions/99999999-9999-9999-9999-999999999999/resourceGroups/x/providers/Microsoft.Network/privateEndpoints/pe-elsewhere`;
    const connection = (status: 'Approved' | 'Pending') =>
      liveVault(
        'kv-reject',
        { networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '20.50.10.7/32' }] } },
        [
          {
            id: `${vaultId('kv-reject')}/privateEndpointConnections/c1`,
            name: 'c1',
            privateEndpointId: foreign,
            status,
            description: '',
          },
        ],
      );
    const approved = buildPlan(desiredFrom(spec), snapshot({ vaults: [connection('Approved')] }));
    const step = approved.steps.find((candidate) => candidate.kind === 'connection');
    expect(step?.impact).toBe('narrows');
    expect(stepTitle(step!)).toMatch(/\[narrows\] {2}destructive$/);
    expect(renderMarkdown(approved)).toContain('! may lose private endpoint pe-elsewhere');
    // A Pending connection carried no traffic: rejecting it changes no one's access.
    const pending = buildPlan(desiredFrom(spec), snapshot({ vaults: [connection('Pending')] }));
    expect(pending.steps.find((candidate) => candidate.kind === 'connection')?.impact).toBe('none');
    expect(SUB).toBeTruthy();
  });
});
