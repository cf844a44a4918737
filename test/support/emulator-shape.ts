// "Same shape" as an ARM example: the same keys with the same value types, recursively; ids,
// etags, GUIDs and other values may differ. Extra keys are problems unless allowed by name
// (the caller says why); keys the example has and the answer lacks are problems unless their
// path is tolerated. An example `null` accepts null or absence; each element of an answer
// array is compared with the example's first element, and an empty answer array where the
// example has elements is a problem (nothing would have been compared).
export interface ShapeRules {
  /** Key names the answer may add anywhere (e.g. `etag` on a body the example shows without). */
  readonly extraKeys?: readonly string[];
  /** Paths (`$.properties.hsmPoolResourceId`, array indexes written `[]`) allowed to be absent. */
  readonly missingPaths?: readonly string[];
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function shapeProblems(
  example: unknown,
  actual: unknown,
  rules: ShapeRules = {},
  path = '$',
): string[] {
  const extra = new Set(rules.extraKeys ?? []);
  const missing = new Set(rules.missingPaths ?? []);
  if (example === null) return []; // a null in an example says nothing about the type
  if (kind(example) !== kind(actual))
    return [`${path}: example has ${kind(example)}, answer has ${kind(actual)}`];
  if (Array.isArray(example)) {
    const items = actual as unknown[];
    if (example.length === 0) return [];
    if (items.length === 0)
      return [`${path}: answer array is empty, example has ${example.length} element(s)`];
    return items.flatMap((item, index) =>
      shapeProblems(example[Math.min(index, example.length - 1)], item, rules, `${path}[]`),
    );
  }
  if (typeof example === 'object') {
    const e = example as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const problems: string[] = [];
    for (const key of Object.keys(e)) {
      if (!(key in a)) {
        if (e[key] !== null && !missing.has(`${path}.${key}`))
          problems.push(`${path}.${key}: missing from the answer`);
        continue;
      }
      problems.push(...shapeProblems(e[key], a[key], rules, `${path}.${key}`));
    }
    for (const key of Object.keys(a)) {
      if (!(key in e) && !extra.has(key)) problems.push(`${path}.${key}: not in the example`);
    }
    return problems;
  }
  return [];
}
