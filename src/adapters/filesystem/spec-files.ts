// Finds and reads the files of a spec set: files, directories (every .yaml/.yml below) and
// globs. Problems finding them are findings too, so they print like every other error.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Finding } from '../../engine/spec/findings.js';
import type { SpecSource } from '../../engine/spec/validate.js';
import { MAX_SPEC_BYTES } from '../../engine/spec/yaml-loader.js';

const SPEC_GLOB = '**/*.{yaml,yml}';

export interface CollectedSpecs {
  readonly sources: SpecSource[];
  readonly findings: Finding[];
}

function inputFinding(file: string, rule: string, message: string): Finding {
  return { file, line: 1, column: 1, severity: 'error', rule, message };
}

async function expand(argument: string): Promise<string[] | Finding> {
  if (isDynamicPattern(argument)) {
    const matches = await glob(argument, { onlyFiles: true, dot: false });
    if (matches.length === 0) {
      return inputFinding(
        argument,
        'input/no-match',
        'no file matches this pattern: check the path and quoting',
      );
    }
    return matches;
  }
  const info = await stat(argument).catch(() => undefined);
  if (!info)
    return inputFinding(argument, 'input/not-found', 'no such file or directory: check the path');
  if (!info.isDirectory()) return [argument];
  const matches = await glob(SPEC_GLOB, { cwd: argument, onlyFiles: true });
  if (matches.length === 0) {
    return inputFinding(argument, 'input/no-match', 'this directory holds no .yaml or .yml file');
  }
  return matches.map((match) => path.join(argument, match));
}

export async function collectSpecSources(
  argumentsGiven: readonly string[],
): Promise<CollectedSpecs> {
  const findings: Finding[] = [];
  const files = new Set<string>();
  for (const argument of argumentsGiven) {
    const expanded = await expand(argument);
    if (Array.isArray(expanded)) expanded.forEach((file) => files.add(path.normalize(file)));
    else findings.push(expanded);
  }
  const sources: SpecSource[] = [];
  for (const file of [...files].sort()) {
    // A file can vanish between the listing and the read; that is a finding, not a crash.
    const info = await stat(file).catch((error: unknown) => error as Error);
    if (info instanceof Error) {
      findings.push(
        inputFinding(file, 'input/unreadable', `cannot read the file: ${info.message}`),
      );
      continue;
    }
    if (info.size > MAX_SPEC_BYTES) {
      // Checked before reading, so a huge file never reaches memory.
      findings.push(
        inputFinding(
          file,
          'yaml/too-large',
          `the file is ${info.size} bytes, above the limit of ${MAX_SPEC_BYTES}: split it`,
        ),
      );
      continue;
    }
    try {
      sources.push({ file, text: await readFile(file, 'utf8') });
    } catch (error) {
      findings.push(
        inputFinding(file, 'input/unreadable', `cannot read the file: ${(error as Error).message}`),
      );
    }
  }
  return { sources, findings };
}
