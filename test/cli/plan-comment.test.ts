// The demo's pull-request comment (issue 11), made by the CLI from the demo estate on the local
// ARM endpoint, parsed as GitHub-flavoured Markdown: the headline is the net effect, every
// changed vault's losses and gains are above the fold, repeated findings are one line, no two
// steps read alike, and nothing renders as live HTML, a link, a mention or an image.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { Plan } from '../../src/engine/plan/types.js';
import { stepTitle } from '../../src/engine/render/plan-lines.js';
import { renderGfm } from '../engine/render/gfm.js';
import { runInProcess } from './capture.js';

const SPECS = 'examples/specs';
let emulator: RunningEmulator;
let env: NodeJS.ProcessEnv;
let markdown = '';
let text = '';
let plan: Plan;

beforeAll(async () => {
  emulator = await startEmulator({
    state: JSON.parse(readFileSync('examples/demo/state.json', 'utf8')) as unknown[],
  });
  env = {
    KVNET_TODAY: '2026-11-29',
    KVNET_ARM_ENDPOINT: emulator.endpoint,
    KVNET_ARM_CA_CERT: emulator.caCertPath,
    KVNET_ACCESS_TOKEN: 'comment-test-token',
  };
  markdown = (await runInProcess(['plan', SPECS, '--format', 'md'], env)).stdout;
  text = (await runInProcess(['plan', SPECS], env)).stdout;
  plan = JSON.parse((await runInProcess(['plan', SPECS, '--format', 'json'], env)).stdout) as Plan;
}, 120_000);
afterAll(async () => {
  await emulator.stop();
});

describe('the demo comment', () => {
  it('matches the snapshot', () => {
    expect(markdown.replaceAll(plan.fingerprint, 'sha256:<fingerprint>')).toMatchSnapshot();
  });

  it('leads with the net effect and the verdict, not with step counts', () => {
    const headline = markdown.split('\n')[1] ?? '';
    expect(headline).toBe(
      '## ⚠️ kvnet plan: 7 vaults lose access, 6 gain access, 1 destructive step — apply-ready (26 steps on 9 vaults)',
    );
    expect(text.split('\n')[0]).toBe(
      'kvnet plan: 7 vaults lose access, 6 gain access, 1 destructive step — apply-ready (26 steps on 9 vaults)',
    );
  });

  it('shows each changed vault, losses first, with concrete addresses, endpoints and subnets above the fold', () => {
    const fold = markdown.slice(0, markdown.indexOf('<details>'));
    for (const vault of plan.vaults) expect(fold).toContain(`\`${vault.name}\``);
    expect(fold).toContain('- 52.174.0.9/32');
    expect(fold).toContain('+ private endpoint pe-kv-ledger-prod');
    expect(fold).toContain('+ subnet example-network/internal');
    expect(fold).toContain('# public network: all → 2 ranges');
    expect(fold).toContain('still admits 20.50.10.7/32 — office egress (NAT gateway)');
    const order = [...fold.matchAll(/\*\*(🔒|🔓|·) `([^`]+)`/g)].map((match) => match[1]);
    expect(order.lastIndexOf('🔒')).toBeLessThan(order.indexOf('🔓'));
  });

  it('says each repeated best-practice warning once, wrapped, naming its vaults', () => {
    const lines = markdown.split('\n');
    expect(lines.filter((line) => line.includes('[policy/public-network-access]'))).toHaveLength(1);
    const warning = lines.find((line) => line.includes('`policy/public-network-access`')) ?? '';
    expect(warning).toMatch(/^- `examples\/specs\/\S+:\d+:\d+ {2}warning {2}/);
    expect(warning).toContain('(8 vaults: ');
    // Not in a fixed-width block (where GitHub cuts long lines at the right edge).
    expect(renderGfm(markdown).fencedLines.some((line) => line.includes('policy/'))).toBe(false);
  });

  it('names every step so that no two read alike', () => {
    const titles = plan.steps.map((step) => stepTitle(step).replace(/\s+\[.*$/, ''));
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toContain(
      '+ create DNS zone group default of private endpoint pe-kv-identity-prod',
    );
    expect(titles).toContain(
      '+ create DNS zone group default of private endpoint pe-kv-ledger-prod',
    );
    expect(titles).toContain('~ update subnet internal of VNet example-network');
  });

  it('renders as GFM with balanced <details>, and no live HTML, link, mention or image', () => {
    const rendered = renderGfm(markdown);
    expect(rendered.detailsOpen).toBeGreaterThan(0);
    expect(rendered.detailsOpen).toBe(rendered.detailsClose);
    expect(rendered.foreignHtml).toEqual([]);
    expect(rendered.links).toEqual([]);
    expect(rendered.images).toBe(0);
    expect(rendered.textOutsideCode).not.toMatch(/@[A-Za-z0-9]|#\d/);
    expect(rendered.headings.filter((heading) => heading.includes('kvnet plan'))).toHaveLength(1);
  });

  it('prints plan findings in the terminal in the one format: file:line:col  severity  message  [rule]', () => {
    const findings = text.split('\n').filter((line) => / {2}\[[a-z-]+\/[a-z-]+\]$/.test(line));
    expect(findings.length).toBeGreaterThan(0);
    for (const line of findings)
      expect(line).toMatch(
        /^examples\/specs\/\S+:\d+:\d+ {2}(error|warning|info) {2}\S.*\S {2}\[[a-z-]+\/[a-z-]+\]$/,
      );
  });
});
