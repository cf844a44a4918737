// Finds and reads the files of a spec set: files, directories (every .yaml/.yml below, in any
// letter case) and globs. One mechanism for the CLI and the Action. It never hangs and never
// reads more than the cap: only regular files are read (a FIFO, socket or device is refused
// from the opened handle, so a FIFO cannot block and /dev/zero cannot stream), the read stops
// one byte past the cap whatever the size on disk said, symbolic links are followed only while
// they stay inside the directory walked (the target of one that leaves it is not printed),
// every real directory and file is visited once (so a link loop is seen, not walked twice), and
// links to nothing are reported. Problems are findings, printed like every other error.
import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { decodeSpecBytes } from '../../engine/spec/decode.js';
import type { Finding, Severity } from '../../engine/spec/findings.js';
import type { SpecSource } from '../../engine/spec/validate.js';
import { MAX_SPEC_BYTES } from '../../engine/spec/yaml-loader.js';
import { globToRegExp, splitPattern } from './glob.js';

const SPEC_EXTENSION = /\.ya?ml$/i;
/** Open without waiting for a writer: a FIFO must not block the open itself. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export interface CollectedSpecs {
  readonly sources: SpecSource[];
  readonly findings: Finding[];
}

function inputFinding(
  file: string,
  rule: string,
  message: string,
  severity: Severity = 'error',
): Finding {
  return { file, line: 1, column: 1, severity, rule, message };
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isDirectory()) return 'a directory';
  return 'not a regular file';
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

function isInside(child: string, root: string): boolean {
  const relative = path.relative(root, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

interface Walk {
  readonly root: string;
  readonly rootReal: string;
  readonly wanted: (relative: string) => boolean;
  /** How many directory levels below the root may hold a wanted file. */
  readonly depth: number;
  /** Real path of every directory walked, to the path it was first reached by. */
  readonly visited: Map<string, string>;
}

class Collector {
  readonly findings: Finding[] = [];
  /** The files to read, by the path shown. */
  readonly candidates = new Set<string>();

  /** Walks `root` and keeps the entries whose path below it `wanted` accepts. */
  async walk(root: string, wanted: (relative: string) => boolean, depth: number): Promise<void> {
    const rootReal = await realpath(root);
    const walk: Walk = { root, rootReal, wanted, depth, visited: new Map([[rootReal, root]]) };
    await this.directory(walk, root, rootReal, '', 0);
  }

  private async directory(
    walk: Walk,
    directory: string,
    real: string,
    relative: string,
    level: number,
  ): Promise<void> {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      this.findings.push(
        inputFinding(
          directory,
          'input/unreadable',
          `cannot list the directory: ${errorCode(error) ?? String(error)}`,
        ),
      );
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const shown = path.join(directory, entry.name);
      const below = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        await this.link(walk, shown, below, level);
      } else if (entry.isDirectory()) {
        const childReal = path.join(real, entry.name);
        if (level < walk.depth && !walk.visited.has(childReal)) {
          walk.visited.set(childReal, shown);
          await this.directory(walk, shown, childReal, below, level + 1);
        }
      } else if (walk.wanted(below)) {
        // FIFOs, sockets and devices too: they are refused, by name, when opened.
        this.candidates.add(shown);
      }
    }
  }

  private async link(walk: Walk, shown: string, below: string, level: number): Promise<void> {
    let real: string;
    try {
      real = await realpath(shown);
    } catch (error) {
      if (errorCode(error) === 'ELOOP') {
        this.findings.push(
          inputFinding(
            shown,
            'input/link-loop',
            'this symbolic link leads back to itself and reaches no file: delete it, or point it at a spec',
          ),
        );
      } else if (walk.wanted(below)) {
        this.findings.push(
          inputFinding(
            shown,
            'input/dangling-link',
            'this symbolic link points to nothing (its target does not exist): fix the link or delete it',
          ),
        );
      }
      return;
    }
    const target = await stat(shown).catch(() => undefined);
    const isDirectory = target?.isDirectory() ?? false;
    const reachable = isDirectory ? level < walk.depth : walk.wanted(below);
    if (!reachable) return;
    if (!isInside(real, walk.rootReal)) {
      // The target is not named: it is outside what the user asked to read.
      this.findings.push(
        inputFinding(
          shown,
          'input/outside-root',
          `this symbolic link points outside ${walk.root}, and kvnet follows no link out of the directory it reads: copy the file in, or name it directly`,
        ),
      );
      return;
    }
    if (!isDirectory) {
      this.candidates.add(shown);
      return;
    }
    const first = walk.visited.get(real);
    if (first !== undefined) {
      this.findings.push(
        inputFinding(
          shown,
          'input/directory-loop',
          `this symbolic link leads to ${first}, which is already read, so its files are read once: remove the link if nothing needs it`,
          'warning',
        ),
      );
      return;
    }
    walk.visited.set(real, shown);
    await this.directory(walk, shown, real, below, level + 1);
  }
}

async function expand(argument: string, collector: Collector): Promise<void> {
  if (isDynamicPattern(argument)) {
    const { base, rest, depth } = splitPattern(argument);
    const pattern = globToRegExp(rest);
    const before = collector.candidates.size + collector.findings.length;
    const baseInfo = await stat(base).catch(() => undefined);
    if (baseInfo?.isDirectory()) {
      await collector.walk(base, (relative) => pattern.test(relative), depth);
    }
    if (collector.candidates.size + collector.findings.length === before) {
      collector.findings.push(
        inputFinding(
          argument,
          'input/no-match',
          'no file matches this pattern: check the path and quoting',
        ),
      );
    }
    return;
  }
  const linkInfo = await lstat(argument).catch(() => undefined);
  if (!linkInfo) {
    collector.findings.push(
      inputFinding(argument, 'input/not-found', 'no such file or directory: check the path'),
    );
    return;
  }
  const info = await stat(argument).catch(() => undefined);
  if (!info) {
    collector.findings.push(
      inputFinding(
        argument,
        'input/dangling-link',
        'this symbolic link points to nothing (its target does not exist): fix the link or name another file',
      ),
    );
    return;
  }
  if (!info.isDirectory()) {
    collector.candidates.add(path.normalize(argument));
    return;
  }
  const before = collector.candidates.size + collector.findings.length;
  await collector.walk(
    argument,
    (relative) => SPEC_EXTENSION.test(relative),
    Number.POSITIVE_INFINITY,
  );
  if (collector.candidates.size + collector.findings.length === before) {
    collector.findings.push(
      inputFinding(argument, 'input/no-match', 'this directory holds no .yaml or .yml file'),
    );
  }
}

type ReadResult = { bytes: Uint8Array; identity: string } | Finding;

/**
 * Reads at most MAX_SPEC_BYTES + 1 bytes of a regular file. The type is checked on the open
 * handle, so what is read is what was checked.
 */
async function readBounded(file: string): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENXIO' || code === 'EOPNOTSUPP') {
      return inputFinding(
        file,
        'input/not-regular',
        'this is a socket, not a regular file: kvnet reads spec files only; leave it out of the set',
      );
    }
    return inputFinding(file, 'input/unreadable', `cannot read the file: ${code ?? String(error)}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      return inputFinding(
        file,
        'input/not-regular',
        `this is ${kindOf(info)}, not a regular file: kvnet reads spec files only; leave it out of the set`,
      );
    }
    if (info.size > MAX_SPEC_BYTES) {
      // Checked before reading, so a huge file never reaches memory.
      return inputFinding(
        file,
        'yaml/too-large',
        `the file is ${info.size} bytes, above the limit of ${MAX_SPEC_BYTES}: split the vaults over several files in a directory`,
      );
    }
    const buffer = new Uint8Array(MAX_SPEC_BYTES + 1);
    let total = 0;
    while (total < buffer.length) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > MAX_SPEC_BYTES) {
      // The size on disk said otherwise (a file still being written, or a special file system).
      return inputFinding(
        file,
        'yaml/too-large',
        `the file holds more than the limit of ${MAX_SPEC_BYTES} bytes: split the vaults over several files in a directory`,
      );
    }
    return { bytes: buffer.subarray(0, total), identity: `${info.dev}:${info.ino}` };
  } catch (error) {
    return inputFinding(
      file,
      'input/unreadable',
      `cannot read the file: ${errorCode(error) ?? String(error)}`,
    );
  } finally {
    await handle.close();
  }
}

export async function collectSpecSources(
  argumentsGiven: readonly string[],
): Promise<CollectedSpecs> {
  const collector = new Collector();
  for (const argument of argumentsGiven) await expand(argument, collector);
  const sources: SpecSource[] = [];
  const findings = collector.findings;
  const read = new Map<string, string>();
  for (const file of [...collector.candidates].sort()) {
    const result = await readBounded(file);
    if ('rule' in result) {
      findings.push(result);
      continue;
    }
    const first = read.get(result.identity);
    if (first !== undefined) {
      findings.push(
        inputFinding(
          file,
          'input/same-file',
          `this is the same file as ${first}, which is already read: it counts once; name it once`,
          'warning',
        ),
      );
      continue;
    }
    read.set(result.identity, file);
    const decoded = decodeSpecBytes(file, result.bytes);
    if (decoded.ok) sources.push({ file, text: decoded.text });
    else findings.push(decoded.finding);
  }
  return { sources, findings };
}
