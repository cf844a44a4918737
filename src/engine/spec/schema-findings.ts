// Turns zod issues into findings a person can act on: the place, what is wrong, how to fix
// it, and a "did you mean" where a key or value looks misspelt.
import { z } from 'zod';
import type { Finding } from './findings.js';
import { closest } from './suggest.js';
import type { Path, PositionIndex } from './yaml-loader.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.ZodType;

export function schemaFindings(
  file: string,
  schema: AnySchema,
  input: unknown,
  issues: readonly Issue[],
  positions: PositionIndex,
): Finding[] {
  const findings: Finding[] = [];
  convert(issues, [], schema);
  return findings;

  function convert(list: readonly Issue[], base: Path, baseSchema: AnySchema): void {
    for (const issue of list) {
      const path: Path = [
        ...base,
        ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
      ];
      const here = schemaAt(baseSchema, issue.path as PathLike);
      if (path.length > 0 && valueAt(input, path) === undefined) {
        // Zod reports a missing key as a type, value or union mismatch, depending on what
        // the key holds; to the author it is always the same mistake.
        addMissing(path, here);
        continue;
      }
      if (issue.code === 'invalid_union') {
        const chosen = chooseUnionBranch(issue.errors);
        const options = here instanceof z.ZodUnion ? (here.options as AnySchema[]) : [];
        const branchSchema = options[chosen.index];
        if (chosen.issues && branchSchema) {
          convert(chosen.issues, path, branchSchema);
        } else {
          add(
            path,
            'value',
            'schema/type',
            wrongType(valueAt(input, path), here, describeAt(path)),
          );
        }
        continue;
      }
      addIssue(issue, path, here);
    }
  }

  /** The value as written: YAML's conversions (`0x1F` to 31) would hide what the author typed. */
  function describeAt(path: Path): string {
    const actual = valueAt(input, path);
    const written = positions.writtenAt(path);
    if (written === undefined || typeof actual === 'string') return describeValue(actual);
    const as = actual === null ? 'an empty value' : `the ${typeof actual} ${String(actual)}`;
    return written === String(actual) ? written : `${written} (which YAML reads as ${as})`;
  }

  function addIssue(issue: Issue, path: Path, here: AnySchema | undefined): void {
    const actual = valueAt(input, path);
    const describeValue = (_value: unknown): string => describeAt(path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownKeys(here);
        for (const key of issue.keys) {
          const suggestion = closest(key, known);
          const fix = suggestion
            ? `did you mean "${suggestion}"?`
            : `remove it; the keys allowed here are ${known.map((k) => `"${k}"`).join(', ')}`;
          add([...path, key], 'key', 'schema/unknown-key', `unknown key "${key}": ${fix}`);
        }
        return;
      }
      case 'invalid_type': {
        add(path, 'value', 'schema/type', wrongType(actual, here, describeAt(path)));
        return;
      }
      case 'invalid_value': {
        const literal = issue.values.find((value) => typeof value !== 'string');
        if (literal !== undefined && typeof actual !== typeof literal) {
          // `version: "1"` is the text "1", not the number 1: suggesting "1" would not help.
          add(
            path,
            'value',
            'schema/value',
            `${describeValue(actual)} is not allowed here: write ${String(literal)} without quotes (a ${typeof literal}, not text)`,
          );
          return;
        }
        const options = issue.values.map((value) => String(value));
        const suggestion = typeof actual === 'string' ? closest(actual, options) : undefined;
        const allowed = issue.values.map((value) => JSON.stringify(value)).join(' or ');
        const fix = suggestion
          ? `did you mean "${suggestion}"? (allowed: ${allowed})`
          : `use ${allowed}`;
        add(path, 'value', 'schema/value', `${describeValue(actual)} is not allowed here: ${fix}`);
        return;
      }
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) === 1) {
          add(path, 'value', 'schema/value', 'the value is empty: write it out, or remove the key');
          return;
        }
        add(
          path,
          'value',
          'schema/value',
          `${describeValue(actual)} is too short: ${issue.message}`,
        );
        return;
      case 'too_big':
        if (issue.origin === 'string' && typeof actual === 'string') {
          add(
            path,
            'value',
            'schema/value',
            `${describeValue(actual)} is ${actual.length} characters long, more than the ${String(issue.maximum)} allowed: shorten it`,
          );
          return;
        }
        add(
          path,
          'value',
          'schema/value',
          `${describeValue(actual)} is too long: ${issue.message}`,
        );
        return;
      case 'invalid_format':
      case 'custom':
      default:
        add(
          path,
          'value',
          'schema/value',
          `${describeValue(actual)} is not valid here: ${issue.message}`,
        );
    }
  }

  function addMissing(path: Path, here: AnySchema | undefined): void {
    const key = path[path.length - 1];
    if (typeof key === 'number') {
      add(path, 'parent', 'schema/type', `this list item is empty: ${expectedOf(here)}`);
      return;
    }
    add(
      path,
      'parent',
      'schema/required',
      `the required key "${String(key)}" is missing: add it (${expectedOf(here)})`,
    );
  }

  function add(path: Path, at: 'key' | 'value' | 'parent', rule: string, message: string): void {
    const position =
      at === 'key'
        ? positions.keyAt(path)
        : at === 'parent'
          ? positions.valueAt(path.slice(0, -1))
          : positions.valueAt(path);
    findings.push({ file, ...position, severity: 'error', rule, message });
  }
}

type PathLike = readonly PropertyKey[];

/** Picks the union member the author most likely meant: the one with the fewest misfits. */
function chooseUnionBranch(branches: readonly (readonly Issue[])[]): {
  index: number;
  issues?: readonly Issue[];
} {
  let best: { index: number; score: number } | undefined;
  branches.forEach((issues, index) => {
    const wrongTypeOutright =
      issues.length === 1 && issues[0]?.code === 'invalid_type' && issues[0].path.length === 0;
    if (wrongTypeOutright) return;
    const score = issues.reduce(
      (sum, issue) => sum + (issue.code === 'unrecognized_keys' ? issue.keys.length : 1),
      0,
    );
    if (!best || score < best.score) best = { index, score };
  });
  return best ? { index: best.index, issues: branches[best.index] } : { index: -1 };
}

/** The schema inside optional, default and nullable wrappers (also used by salvage.ts). */
export function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodDefault ||
    current instanceof z.ZodNullable
  ) {
    current = current.unwrap() as AnySchema;
  }
  return current;
}

/** Where a path goes through a union, the member that has the next key (or is a list). */
function unionMemberFor(union: z.ZodUnion, segment: PropertyKey): AnySchema | undefined {
  return (union.options as AnySchema[])
    .map((option) => unwrap(option))
    .find((option) =>
      typeof segment === 'number'
        ? option instanceof z.ZodArray
        : option instanceof z.ZodObject && String(segment) in option.shape,
    );
}

function schemaAt(schema: AnySchema, path: PathLike): AnySchema | undefined {
  let current: AnySchema | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodUnion) current = unionMemberFor(current, segment);
    if (current instanceof z.ZodObject)
      current = unwrap(current.shape[String(segment)] as AnySchema | undefined);
    else if (current instanceof z.ZodArray) current = unwrap(current.element as AnySchema);
    else return undefined;
  }
  return current;
}

/** The keys a mapping may hold here; for a union, those of its mapping members. */
function knownKeys(schema: AnySchema | undefined): string[] {
  const target = unwrap(schema);
  if (target instanceof z.ZodObject) return Object.keys(target.shape);
  if (target instanceof z.ZodUnion) {
    return [...new Set((target.options as AnySchema[]).flatMap((option) => knownKeys(option)))];
  }
  return [];
}

function wrongType(
  actual: unknown,
  here: AnySchema | undefined,
  described = describeValue(actual),
): string {
  const target = unwrap(here);
  if (target instanceof z.ZodBoolean && (actual === 'true' || actual === 'false')) {
    return `${described} is text, not a boolean: write ${actual} without quotes`;
  }
  if (target instanceof z.ZodString && typeof actual !== 'string' && actual !== null) {
    return `${described} is not valid here: write ${expectedOf(here)} (put it in quotes to keep it as written)`;
  }
  return `${described} is not valid here: write ${expectedOf(here)}`;
}

function expectedOf(schema: AnySchema | undefined): string {
  const target = unwrap(schema);
  if (target === undefined) return 'see the spec reference';
  if (target instanceof z.ZodEnum)
    return `one of ${target.options.map((o) => `"${String(o)}"`).join(', ')}`;
  if (target instanceof z.ZodLiteral)
    return `exactly ${[...target.values].map((v) => JSON.stringify(v)).join(' or ')}`;
  if (target instanceof z.ZodString) return 'a text value';
  if (target instanceof z.ZodBoolean) return 'true or false';
  if (target instanceof z.ZodArray) return 'a list (each item on a line starting with "- ")';
  if (target instanceof z.ZodObject)
    return `a mapping with the keys ${Object.keys(target.shape).join(', ')}`;
  if (target instanceof z.ZodUnion)
    return (target.options as AnySchema[]).map((option) => expectedOf(option)).join(', or ');
  return target.description ?? 'see the spec reference';
}

function valueAt(input: unknown, path: Path): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  return String(value);
}
