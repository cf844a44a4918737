// JSON.stringify's text in pieces: containers at the outer levels are written member by member,
// each member stringified alone, so a 40 MB plan is never one string. Joined, the pieces are
// exactly JSON.stringify(value, replacer, indent): same members, order, spacing and omissions
// (test/engine/render/pieces.test.ts). Two things JSON.stringify does not need: the replacer must
// not depend on its key or holder, and what a toJSON returns must not have a toJSON of its own.

export type Replacer = (this: unknown, key: string, value: unknown) => unknown;

interface Format {
  readonly replacer: Replacer;
  /** The indent unit; '' for compact text, as JSON.stringify's indent of 0 or none. */
  readonly unit: string;
  /** Containers at a depth less than this (the root's is 0) are written member by member. */
  readonly streamedDepth: number;
}

/** The value JSON.stringify writes for holder[key]: after toJSON, then the replacer. */
function resolved(holder: unknown, key: string, value: unknown, replacer: Replacer): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  const own =
    typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, key) : value;
  return replacer.call(holder, key, own);
}

/** A resolved value's text at its depth, its members through the replacer; undefined if omitted. */
function leafText(value: unknown, format: Format, depth: number): string | undefined {
  let atRoot = true;
  // The value was resolved already: skip the replacer on the root call, apply it below.
  const members = function (this: unknown, key: string, inner: unknown): unknown {
    if (atRoot) {
      atRoot = false;
      return inner;
    }
    return format.replacer.call(this, key, inner);
  };
  const text = JSON.stringify(value, members, format.unit) as string | undefined;
  if (text === undefined || format.unit === '' || depth === 0) return text;
  return text.replaceAll('\n', `\n${format.unit.repeat(depth)}`);
}

/** A boxed primitive (`new Number(1)`) is an object JSON writes as its primitive. */
const isBoxed = (value: object) =>
  value instanceof Number || value instanceof String || value instanceof Boolean;

const streams = (value: unknown, format: Format, depth: number): value is object =>
  depth < format.streamedDepth && typeof value === 'object' && value !== null && !isBoxed(value);

function* containerChunks(container: object, format: Format, depth: number): Generator<string> {
  const isArray = Array.isArray(container);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  const compact = format.unit === '';
  const inner = compact ? '' : `\n${format.unit.repeat(depth + 1)}`;
  const outer = compact ? '' : `\n${format.unit.repeat(depth)}`;
  const keys = isArray ? [...(container as unknown[]).keys()].map(String) : Object.keys(container);
  let written = 0;
  for (const key of keys) {
    const raw = (container as Record<string, unknown>)[key];
    const value = resolved(container, key, raw, format.replacer);
    // A container is always written; a leaf JSON omits (undefined, a function) is dropped from
    // an object and written null in an array.
    const nested = streams(value, format, depth + 1);
    const text = nested ? undefined : leafText(value, format, depth + 1);
    if (!nested && text === undefined && !isArray) continue;
    const name = isArray ? '' : `${JSON.stringify(key)}${compact ? ':' : ': '}`;
    yield `${written === 0 ? open : ','}${inner}${name}`;
    if (nested) yield* containerChunks(value, format, depth + 1);
    else yield text ?? 'null';
    written += 1;
  }
  yield written === 0 ? `${open}${close}` : `${outer}${close}`;
}

/**
 * JSON.stringify(value, replacer, indent) as pieces: the containers of the first
 * `streamedDepth` levels are written member by member, each deeper member as one piece (so
 * stream down to where members are small). Nothing for a value JSON cannot write.
 */
export function* jsonChunks(
  value: unknown,
  options: { replacer?: Replacer; indent?: number; streamedDepth?: number } = {},
): Generator<string> {
  const replacer: Replacer = options.replacer ?? ((_key, inner) => inner);
  const format: Format = {
    replacer,
    unit: ' '.repeat(Math.min(10, Math.max(0, options.indent ?? 0))),
    streamedDepth: options.streamedDepth ?? 2,
  };
  const root = resolved({ '': value }, '', value, replacer);
  if (streams(root, format, 0)) yield* containerChunks(root, format, 0);
  else {
    const text = leafText(root, format, 0);
    if (text !== undefined) yield text;
  }
}
