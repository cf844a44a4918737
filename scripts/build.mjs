// Bundles the Action and the CLI into deterministic ESM: an entry file each (dist/index.js,
// dist/cli.js) and the code their routes and commands load on demand in a folder of chunks
// each (dist/action-chunks/, dist/cli-chunks/), so `kvnet --help` and the Action's start do
// not parse the SDKs they may never use (issue 14: start-up under 0.3 s).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  splitting: true,
  outdir: 'dist',
  entryNames: '[name]',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __kvnetCreateRequire } from 'node:module';\nconst require = __kvnetCreateRequire(import.meta.url);",
  },
};

// Chunk names carry a content hash: clear the old ones first.
for (const folder of ['dist/action-chunks', 'dist/cli-chunks'])
  rmSync(folder, { recursive: true, force: true });

// undici is evaluated on first use, not at every start of the Action (scripts/lazy-undici.cjs).
const shim = fileURLToPath(new URL('./lazy-undici.cjs', import.meta.url));
const lazyUndici = {
  name: 'lazy-undici',
  setup(plugin) {
    plugin.onResolve({ filter: /^undici$/ }, (args) =>
      args.importer === shim ? undefined : { path: shim },
    );
  },
};

await build({
  ...shared,
  entryPoints: { index: 'src/index.ts' },
  chunkNames: 'action-chunks/[name]-[hash]',
  plugins: [lazyUndici],
});
await build({
  ...shared,
  entryPoints: { cli: 'src/cli.ts' },
  chunkNames: 'cli-chunks/[name]-[hash]',
  banner: { js: '#!/usr/bin/env node\n' + shared.banner.js },
});
