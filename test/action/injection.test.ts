// Text from the spec and from Azure that tries to issue workflow commands or break out of the
// comment's code blocks: inert in the log (stdout of the bundled action), in the outputs, and in
// the comment (parsed as Markdown with raw HTML allowed, as GitHub does before sanitising).
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { workflowCommands, workspaceWith } from './harness.js';
import {
  actionSuite,
  github,
  http,
  localInputs,
  pullRequestEvent,
  resetToOpenVault,
  runBundled,
  signedInEnv,
  SPEC,
} from './scenario.js';

const EVIL = '::set-output name=x::y ##[error]owned ```` </details></code> @octo/admins #1';

actionSuite({
  beforeEachTest: async (arm) => {
    await resetToOpenVault(arm);
    await arm.request('DELETE', '/_emulator/faults');
  },
});

function plan(workspace: string) {
  return runBundled({
    workspace,
    ...pullRequestEvent(),
    inputs: localInputs(),
    env: signedInEnv(),
  });
}

/** Workflow-command lines kvnet itself emits; anything else would be injected. */
function injectedCommands(stdout: string): string[] {
  const stopTokens = [...stdout.matchAll(/^::stop-commands::(\S+)$/gm)].map((m) => m[1]);
  return workflowCommands(stdout).filter(
    (line) =>
      !/^::(error|warning|notice)( [^:]*)?::/.test(line) &&
      !/^::(debug|add-mask|stop-commands)::/.test(line) &&
      !stopTokens.some((token) => line === `::${token}::`),
  );
}

function assertInertLog(stdout: string, outputs: Record<string, string>): void {
  expect(injectedCommands(stdout)).toEqual([]);
  expect(stdout).not.toContain('##[');
  expect(stdout.split('\n').some((line) => /^\s*::set-output/.test(line))).toBe(false);
  expect(outputs.x).toBeUndefined();
}

/** Every occurrence of the attack text sits inside code; the <details> blocks stay balanced. */
function assertInertComment(body: string): void {
  const html = new MarkdownIt({ html: true }).render(body);
  const opened = (html.match(/<details>/g) ?? []).length;
  const closed = (html.match(/<\/details>/g) ?? []).length;
  expect(closed).toBe(opened);
  // Outside <pre>/<code>, the attack text never shows up as markup or as a mention.
  const outsideCode = html
    .replace(/<pre><code[^>]*>[\s\S]*?<\/code><\/pre>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '');
  expect(outsideCode).not.toContain('set-output');
  expect(outsideCode).not.toContain('@octo/admins');
  expect(outsideCode).not.toContain('owned');
  // And inside code it is still there, escaped, for the reviewer to read.
  expect(html).toContain('::set-output name=x::y');
  expect(html).toContain('&lt;/details&gt;');
}

describe('injection through spec and Azure text', () => {
  it('neutralises spec text in the log, the annotations and the comment', async () => {
    const workspace = workspaceWith({
      'kv-network/app.yaml': SPEC.replace(
        '      bypass: AzureServices\n',
        `      bypass: AzureServices\n      ${JSON.stringify(EVIL)}: 1\n`,
      ),
    });
    const run = await plan(workspace);
    expect(run.code).toBe(1);
    expect(run.outputs.outcome).toBe('invalid');
    expect(run.stdout).toContain('set-output name=x'); // it was printed, but inert
    assertInertLog(run.stdout, run.outputs);
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body).toContain('unknown key');
    assertInertComment(body);
  });

  it('neutralises Azure error text in the log, the summary and the comment', async () => {
    await http.addFaults({
      method: 'GET',
      path: '/subscriptions/*/resourceGroups/*/providers/Microsoft.KeyVault/vaults/kv-app',
      times: 20,
      effect: {
        type: 'status',
        status: 403,
        code: 'AuthorizationFailed',
        message: `denied\n${EVIL}\n##[group]x`,
      },
    });
    const run = await plan(workspaceWith({ 'kv-network/app.yaml': SPEC }));
    expect(run.code).toBe(1);
    expect(run.outputs.outcome).toBe('error');
    expect(run.stdout).toContain('set-output name=x');
    assertInertLog(run.stdout, run.outputs);
    // The whole plan is printed with workflow commands stopped around it.
    expect(run.stdout).toMatch(/^::stop-commands::kvnet-[0-9a-f]{32}$/m);
    const body = github.commentsOn(7)[0]?.body ?? '';
    expect(body).toContain('AuthorizationFailed');
    expect(body).not.toMatch(/No changes/);
    assertInertComment(body);
    assertInertComment(run.summary);
  });
});
