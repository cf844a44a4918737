// Every problem in one run: when a file does not match the schema, the schema findings are
// reported, and the rest of the file is still checked. The value is repaired only to be
// checked (never resolved or applied): an unknown key is dropped; a list item that does not
// fit (an IP rule written as a mapping with a misspelt key, a private endpoint without a
// subnet) is left out, its place kept, so the findings of its neighbours keep their line; a
// field that does not fit takes its default, or a neutral stand-in (publicNetworkAccess:
// Enabled, defaultAction: Deny) that triggers no finding of its own. Findings at a repaired
// place are dropped, since the schema finding there already says what is wrong.
import { z } from 'zod';
import { unwrap } from './schema-findings.js';
import type { Path } from './yaml-loader.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.ZodType;

/** Stand-ins for required choices: the values whose checks say nothing of their own. */
const NEUTRAL: Record<string, unknown> = {
  publicNetworkAccess: 'Enabled',
  defaultAction: 'Deny',
};
/** Rules that depend on a default: dropped when the defaults were repaired. */
const DEPENDS_ON_DEFAULTS: Record<string, string> = {
  'vault/no-subscription': 'subscription',
  'vault/no-resource-group': 'resourceGroup',
};
const MAX_ROUNDS = 8;

export interface Salvaged<T> {
  /** The repaired value, with the items left out as holes in their lists. */
  readonly value: T;
  /** Whether a domain finding at `path` with `rule` should be dropped. */
  readonly skip: (path: Path, rule: string) => boolean;
}

interface Holes {
  readonly length: number;
  readonly indexes: Set<number>;
}

function key(path: Path): string {
  return JSON.stringify(path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = clone(item);
    return out;
  }
  return value;
}

/** The schema of the value at `path`, wrappers (optional, default) kept on the last step. */
function schemaAt(schema: AnySchema, path: Path): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    let inner = unwrap(current);
    if (inner instanceof z.ZodUnion) {
      inner = (inner.options as AnySchema[])
        .map((option) => unwrap(option))
        .find((option) =>
          typeof segment === 'number'
            ? option instanceof z.ZodArray
            : option instanceof z.ZodObject && segment in option.shape,
        );
    }
    if (inner instanceof z.ZodObject) current = inner.shape[String(segment)] as AnySchema;
    else if (inner instanceof z.ZodArray) current = inner.element as AnySchema;
    else return undefined;
  }
  return current;
}

function parentOf(root: unknown, path: Path): unknown {
  let current = root;
  for (const segment of path.slice(0, -1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A value the schema at this place accepts, standing in for one that does not fit. */
function standIn(schema: AnySchema | undefined, name: string, actual: unknown): unknown {
  const inner = unwrap(schema);
  if (name in NEUTRAL) return NEUTRAL[name];
  if (inner instanceof z.ZodEnum) return inner.options[0];
  if (inner instanceof z.ZodLiteral) return [...inner.values][0];
  if (inner instanceof z.ZodString) {
    return typeof actual === 'number' || typeof actual === 'boolean' ? String(actual) : '(invalid)';
  }
  if (inner instanceof z.ZodBoolean) return false;
  if (inner instanceof z.ZodArray) return [];
  if (inner instanceof z.ZodObject) return {};
  if (inner instanceof z.ZodUnion) return standIn(inner.options[0] as AnySchema, name, actual);
  return undefined;
}

/**
 * Repairs `input` until `schema` accepts it, or gives up (undefined). `listItems` says which
 * list items are left out when they do not fit: those below `minItemDepth` segments of path
 * (so `vaults[0]` itself is repaired field by field, its IP rules item by item).
 */
export function salvage<T>(
  schema: z.ZodType<T>,
  input: unknown,
  issues: readonly Issue[],
  minItemDepth: number,
): Salvaged<T> | undefined {
  const value = clone(input);
  const holes = new Map<string, Holes>();
  const repaired: Path[] = [];
  let pending = issues.map((issue) => issue.path as Path);
  let pendingIssues = issues;

  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    let changed = false;
    pendingIssues.forEach((issue, index) => {
      const path = pending[index] as Path;
      if (repair(issue, path)) changed = true;
    });
    if (!changed) return undefined;
    const compacted = compact(value, []);
    const parsed = schema.safeParse(compacted);
    if (parsed.success) {
      const skip = (path: Path, rule: string): boolean =>
        repaired.some(
          (place) =>
            place.every((segment, index) => path[index] === segment) ||
            (place[0] === 'defaults' &&
              (place.length === 1 || place[1] === DEPENDS_ON_DEFAULTS[rule])) ||
            (place.length === 1 &&
              place[0] !== 'vaults' &&
              place[0] !== 'version' &&
              rule in DEPENDS_ON_DEFAULTS),
        );
      return { value: expand(parsed.data, []) as T, skip };
    }
    pendingIssues = parsed.error.issues;
    pending = pendingIssues.map((issue) => toOriginal(issue.path as Path));
  }
  return undefined;

  function repair(issue: Issue, path: Path): boolean {
    if (issue.code === 'unrecognized_keys') {
      const target = valueAtPath(path);
      if (!isRecord(target)) return false;
      for (const name of issue.keys) delete target[name];
      // A stray top-level key may be a misspelt "defaults": what depends on it is in doubt.
      if (path.length === 0) repaired.push(...issue.keys.map((name) => [name]));
      return issue.keys.length > 0;
    }
    // The innermost list item below the minimum depth is left out whole.
    for (let depth = path.length - 1; depth >= minItemDepth; depth -= 1) {
      const segment = path[depth];
      if (typeof segment !== 'number') continue;
      const listPath = path.slice(0, depth);
      const list = valueAtPath(listPath);
      if (!Array.isArray(list)) continue;
      const entry = holes.get(key(listPath)) ?? { length: list.length, indexes: new Set() };
      if (entry.indexes.has(segment)) return false;
      entry.indexes.add(segment);
      holes.set(key(listPath), entry);
      repaired.push(path.slice(0, depth + 1));
      return true;
    }
    if (path.length === 0) return false;
    const parent = parentOf(value, path);
    const name = path[path.length - 1] as string | number;
    if (parent === null || typeof parent !== 'object') return false;
    const container = parent as Record<string | number, unknown>;
    const fieldSchema = schemaAt(schema as AnySchema, path);
    const before = container[name];
    repaired.push(path);
    if (fieldSchema instanceof z.ZodOptional || fieldSchema instanceof z.ZodDefault) {
      if (!(name in container)) return false;
      delete container[name];
      return true;
    }
    const replacement = standIn(fieldSchema, String(name), before);
    if (replacement === undefined || JSON.stringify(replacement) === JSON.stringify(before)) {
      return false;
    }
    container[name] = replacement;
    return true;
  }

  function valueAtPath(path: Path): unknown {
    let current: unknown = value;
    for (const segment of path) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string | number, unknown>)[segment];
    }
    return current;
  }

  /** The value as the schema sees it: list items left out removed. */
  function compact(node: unknown, path: Path): unknown {
    if (Array.isArray(node)) {
      const left = holes.get(key(path))?.indexes;
      const out: unknown[] = [];
      node.forEach((item, index) => {
        if (!left?.has(index)) out.push(compact(item, [...path, index]));
      });
      return out;
    }
    if (isRecord(node)) {
      const out: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(node)) out[name] = compact(item, [...path, name]);
      return out;
    }
    return node;
  }

  /** A path in the compacted value, as a path in the file. */
  function toOriginal(path: Path): Path {
    const out: (string | number)[] = [];
    for (const segment of path) {
      const left = holes.get(key(out))?.indexes;
      if (typeof segment === 'number' && left) {
        let seen = -1;
        let index = 0;
        for (; index < Number.MAX_SAFE_INTEGER; index += 1) {
          if (!left.has(index)) seen += 1;
          if (seen === segment) break;
        }
        out.push(index);
      } else {
        out.push(segment);
      }
    }
    return out;
  }

  /** The parsed value with the left-out items back as holes, so every index is the file's. */
  function expand(node: unknown, path: Path): unknown {
    if (Array.isArray(node)) {
      const entry = holes.get(key(path));
      if (!entry) return node.map((item, index) => expand(item, [...path, index]));
      // Holes on purpose: checks iterate with forEach, which skips them.
      const out: unknown[] = new Array<unknown>(entry.length);
      let next = 0;
      for (let index = 0; index < entry.length; index += 1) {
        if (entry.indexes.has(index)) continue;
        out[index] = expand(node[next], [...path, index]);
        next += 1;
      }
      return out;
    }
    if (isRecord(node)) {
      const out: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(node)) out[name] = expand(item, [...path, name]);
      return out;
    }
    return node;
  }
}
