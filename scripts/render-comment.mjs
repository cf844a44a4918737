// Dev script (not a dependency, not run in CI): renders the demo's pull-request comment the way
// GitHub shows it and screenshots it into docs/images/plan-comment.png.
//
//   npm run build && node scripts/render-comment.mjs [comment.md] [out.png]
//
// Needs two Debian packages: `apt-get install -y cmark-gfm chromium`.
// 1. The Markdown: the given file, or `kvnet plan examples/specs --format md` run against the
//    local ARM endpoint seeded with the demo estate (as `npm run demo` does).
// 2. HTML: cmark-gfm with GitHub's extensions (table, strikethrough, autolink, tagfilter); raw
//    HTML is kept (GitHub keeps <details>/<summary> after its sanitiser), tagfilter applies.
//    Fenced `diff` blocks are coloured per line, as GitHub does.
// 3. A page with GitHub-like CSS (written here), measured, then screenshotted by headless
//    Chromium at its full height.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const [inputFile, outFile = 'docs/images/plan-comment.png'] = process.argv.slice(2);
const WIDTH = 980;

function need(command) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (found.status !== 0) {
    process.stderr.write(`${command} is not installed: apt-get install -y cmark-gfm chromium\n`);
    process.exit(1);
  }
}

async function demoMarkdown() {
  const child = spawn(
    process.execPath,
    ['dist/cli.js', 'emulator', '--state', 'examples/demo/state.json'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ready = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`the local ARM endpoint exited (${code})`)));
  });
  try {
    const plan = spawnSync(
      process.execPath,
      ['dist/cli.js', 'plan', 'examples/specs', '--format', 'md'],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          KVNET_TODAY: '2026-11-29',
          KVNET_ARM_ENDPOINT: ready.endpoint,
          KVNET_ARM_CA_CERT: ready.caCertPath,
          KVNET_ACCESS_TOKEN: 'render-comment',
        },
      },
    );
    if (plan.status !== 2) throw new Error(`kvnet plan exited ${plan.status}: ${plan.stderr}`);
    return plan.stdout;
  } finally {
    child.kill('SIGTERM');
  }
}

/** Colours each line of a rendered ```diff block by its first character, as GitHub does. */
function colourDiffs(html) {
  return html.replace(
    /<pre lang="diff"><code>([\s\S]*?)<\/code><\/pre>/g,
    (_, body) =>
      `<pre class="diff"><code>${body
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => {
          // GitHub looks at the first character only (HTML-escaped: &gt; is not a sign).
          const kind = { '-': 'del', '+': 'add', '!': 'chg', '#': 'cmt' }[line.charAt(0)] ?? '';
          return `<span class="${kind}">${line}</span>`;
        })
        .join('\n')}</code></pre>`,
  );
}

const CSS = `
  body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans",
    Helvetica, Arial, sans-serif; color: #1f2328; }
  .comment { margin: 16px; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
  .header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px;
    border-radius: 6px 6px 0 0; color: #59636e; }
  .header b { color: #1f2328; }
  .body { padding: 16px; }
  h2 { font-size: 1.5em; font-weight: 600; margin: 0 0 16px; padding-bottom: .3em;
    border-bottom: 1px solid #d1d9e0; }
  h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; }
  p, ul, pre, details { margin: 0 0 16px; }
  ul { padding-left: 2em; } li + li { margin-top: .25em; }
  code { font: 85% ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono",
    monospace; background: rgba(129,139,152,.12); padding: .2em .4em; border-radius: 6px; }
  pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; line-height: 1.45; }
  pre code { background: none; padding: 0; font-size: 85%; white-space: pre; }
  pre.diff .del { color: #82071e; background: #ffebe9; display: inline-block; width: 100%; }
  pre.diff .add { color: #116329; background: #dafbe1; display: inline-block; width: 100%; }
  pre.diff .chg { color: #953800; background: #fff1e5; display: inline-block; width: 100%; }
  pre.diff .cmt { color: #59636e; }
  summary { cursor: pointer; }
  a { color: #0969da; text-decoration: none; }
  sub { color: #59636e; }
  table { border-collapse: collapse; } td, th { border: 1px solid #d1d9e0; padding: 6px 13px; }
`;

need('cmark-gfm');
need('chromium');
const markdown = inputFile ? readFileSync(inputFile, 'utf8') : await demoMarkdown();
const converted = spawnSync(
  'cmark-gfm',
  [
    '--unsafe',
    '--github-pre-lang',
    '-e',
    'table',
    '-e',
    'strikethrough',
    '-e',
    'autolink',
    '-e',
    'tagfilter',
  ],
  { input: markdown, encoding: 'utf8' },
);
if (converted.status !== 0) throw new Error(`cmark-gfm failed: ${converted.stderr}`);
const page = (extra) => `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style>
</head><body><div class="comment"><div class="header"><b>github-actions</b> bot commented</div>
<div class="body">${colourDiffs(converted.stdout)}</div></div>${extra}</body></html>`;

const work = mkdtempSync(path.join(tmpdir(), 'kvnet-comment-'));
// Each run in a throwaway profile, removed after (the page itself is kept, to be opened).
const chromium = (args) => {
  const profile = mkdtempSync(path.join(tmpdir(), 'kvnet-chromium-'));
  try {
    return spawnSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        ...args,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
};

// Measure the page's height, then screenshot it whole.
const measure = path.join(work, 'measure.html');
writeFileSync(
  measure,
  page('<script>document.title = "height=" + document.documentElement.scrollHeight;</script>'),
);
const dom = chromium([`--window-size=${WIDTH},800`, '--dump-dom', `file://${measure}`]);
const height = Number(/<title>height=(\d+)<\/title>/.exec(dom.stdout ?? '')?.[1] ?? 2400);
const html = path.join(work, 'comment.html');
writeFileSync(html, page(''));
mkdirSync(path.dirname(outFile), { recursive: true });
const shot = chromium([
  `--window-size=${WIDTH},${height}`,
  `--screenshot=${path.resolve(outFile)}`,
  `file://${html}`,
]);
if (shot.status !== 0) throw new Error(`chromium failed: ${shot.stderr}`);
process.stdout.write(`wrote ${outFile} (${WIDTH}×${height}) from ${html}\n`);
