// Bundles the Action and the CLI into deterministic ESM: an entry file each (dist/index.js,
// dist/cli.js) and the code their routes and commands load on demand in a folder of chunks
// each (dist/action-chunks/, dist/cli-chunks/), so `kvnet --help` and the Action's start do
// not parse the SDKs they may never use (issue 14: start-up under 0.3 s). undici is a file of
// its own, dist/action-chunks/undici.cjs, that the Action requires on first use.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
};
const shared = {
  ...base,
  format: 'esm',
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

// undici is neither parsed nor evaluated at every start of the Action (scripts/lazy-undici.cjs):
// imports of it get the shim, and the shim's require of ./undici.cjs stays a require.
const shim = fileURLToPath(new URL('./lazy-undici.cjs', import.meta.url));
const lazyUndici = {
  name: 'lazy-undici',
  setup(plugin) {
    plugin.onResolve({ filter: /^undici$/ }, () => ({ path: shim }));
    plugin.onResolve({ filter: /^\.\/undici\.cjs$/ }, (args) =>
      args.importer === shim ? { path: args.path, external: true } : undefined,
    );
  },
};

await build({
  ...base,
  format: 'cjs',
  // The undici @actions/http-client itself resolves, whatever else is installed.
  entryPoints: [
    createRequire(fileURLToPath(import.meta.resolve('@actions/http-client'))).resolve('undici'),
  ],
  outfile: 'dist/action-chunks/undici.cjs',
});
const action = await build({
  ...shared,
  entryPoints: { index: 'src/index.ts' },
  chunkNames: 'action-chunks/[name]-[hash]',
  plugins: [lazyUndici],
  metafile: true,
});
// The shim's require('./undici.cjs') is relative to the file the shim lands in.
const [holder] = Object.entries(action.metafile.outputs).filter(
  ([, output]) => relative(process.cwd(), shim) in output.inputs,
);
if (!holder || !holder[0].startsWith('dist/action-chunks/'))
  throw new Error(`the undici shim must land in dist/action-chunks/, not ${holder?.[0]}`);

await build({
  ...shared,
  entryPoints: { cli: 'src/cli.ts' },
  chunkNames: 'cli-chunks/[name]-[hash]',
  banner: { js: '#!/usr/bin/env node\n' + shared.banner.js },
});
