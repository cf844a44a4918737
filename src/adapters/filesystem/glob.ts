// The glob patterns a spec set may be given as (`specs/**/*.yaml`, `prod/{a,b}.yml`), matched
// against the paths our own walker finds, so globbed files get the same checks (regular files
// only, no link out of the directory, loops seen) as a directory does.
import { isDynamicPattern } from 'tinyglobby';

export interface SplitPattern {
  /** The leading directories that hold no wildcard ("." when the first one does). */
  readonly base: string;
  /** The rest of the pattern, relative to the base. */
  readonly rest: string;
  /** How many directory levels below the base the pattern can reach (Infinity with `**`). */
  readonly depth: number;
}

export function splitPattern(pattern: string): SplitPattern {
  const segments = pattern.split('/');
  let fixed = 0;
  while (fixed < segments.length - 1 && !isDynamicPattern(segments[fixed] as string)) fixed += 1;
  const restSegments = segments.slice(fixed);
  const joined = segments.slice(0, fixed).join('/');
  const base = fixed === 0 ? '.' : joined === '' ? '/' : joined;
  const depth = restSegments.some((segment) => segment.includes('**'))
    ? Number.POSITIVE_INFINITY
    : restSegments.length - 1;
  return { base, rest: restSegments.join('/'), depth };
}

function escape(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

/**
 * A pattern relative to its static base as a regular expression over "/"-separated paths:
 * `**` any number of directories, `*` and `?` within one name, `[...]` a class, `{a,b}` a
 * choice. Names starting with "." are not matched by wildcards. Matching ignores letter case,
 * so `*.yaml` finds `b.YAML` as a directory does.
 */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let index = 0;
  let inChoice = 0;
  const segmentStart = (at: number): boolean => at === 0 || pattern[at - 1] === '/';
  while (index < pattern.length) {
    const char = pattern[index] as string;
    if (char === '*' && pattern[index + 1] === '*' && segmentStart(index)) {
      const slash = pattern[index + 2] === '/';
      out += slash ? '(?:[^/.][^/]*/)*' : '(?:[^/.][^/]*(?:/[^/.][^/]*)*)?';
      index += slash ? 3 : 2;
      continue;
    }
    if (char === '*') {
      out += segmentStart(index) ? '(?:[^/.][^/]*)?' : '[^/]*';
    } else if (char === '?') {
      out += segmentStart(index) ? '[^/.]' : '[^/]';
    } else if (char === '[') {
      const close = pattern.indexOf(']', index + 2);
      if (close < 0) out += '\\[';
      else {
        const body = pattern
          .slice(index + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        index = close;
      }
    } else if (char === '{') {
      inChoice += 1;
      out += '(?:';
    } else if (char === '}' && inChoice > 0) {
      inChoice -= 1;
      out += ')';
    } else if (char === ',' && inChoice > 0) {
      out += '|';
    } else {
      out += escape(char);
    }
    index += 1;
  }
  return new RegExp(`^${out}$`, 'i');
}
