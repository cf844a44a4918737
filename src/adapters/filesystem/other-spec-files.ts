// The spec files of the repository outside this spec set, so the Action can check that no vault
// is declared in two sets: the `all-specs` patterns when given, otherwise every YAML file of the
// workspace (but .git, .github and node_modules) whose top level has `version:` and `vaults:`.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { SpecSource } from '../../engine/spec/validate.js';
import { MAX_SPEC_BYTES } from '../../engine/spec/yaml-loader.js';
import { collectSpecSources } from './spec-files.js';

/** Files looked at, at most, when discovering. */
export const DISCOVERY_LIMIT = 2_000;

const looksLikeSpec = (text: string) => /^version:/m.test(text) && /^vaults:/m.test(text);

export async function otherSpecSources(
  patterns: readonly string[],
  thisSet: readonly string[],
): Promise<SpecSource[]> {
  const mine = new Set(thisSet.map((file) => path.resolve(file)));
  if (patterns.length > 0) {
    const collected = await collectSpecSources(patterns);
    return collected.sources.filter((source) => !mine.has(path.resolve(source.file)));
  }
  const files = await glob('**/*.{yaml,yml}', {
    onlyFiles: true,
    dot: false,
    ignore: ['**/node_modules/**', '.git/**', '.github/**'],
  });
  const sources: SpecSource[] = [];
  for (const file of files.sort().slice(0, DISCOVERY_LIMIT)) {
    if (mine.has(path.resolve(file))) continue;
    const info = await stat(file).catch(() => undefined);
    if (!info || info.size > MAX_SPEC_BYTES) continue;
    const text = await readFile(file, 'utf8').catch(() => '');
    if (looksLikeSpec(text)) sources.push({ file: path.normalize(file), text });
  }
  return sources;
}
