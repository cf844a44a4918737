// Regenerates the reference part of docs/spec.md from the zod spec schema, so the document
// and the validator cannot disagree. Everything above the marker line in docs/spec.md is
// hand-written and kept as it is. Run: npm run docs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { z } from 'zod';
import { specSchema } from '../src/engine/spec/schema.js';

export const SPEC_DOC = 'docs/spec.md';
export const MARKER =
  '<!-- Generated below by `npm run docs` from src/engine/spec/schema.ts. Do not edit by hand. -->';

type AnySchema = z.ZodType;

interface Field {
  readonly key: string;
  readonly type: string;
  readonly required: boolean;
  readonly defaultValue: unknown;
  readonly description: string;
}

interface Section {
  readonly path: string;
  readonly description: string;
  readonly fields: readonly Field[];
}

/** Peels optional/default wrappers, keeping the outermost description and any default. */
function peel(schema: AnySchema): {
  inner: AnySchema;
  optional: boolean;
  defaultValue: unknown;
  description: string | undefined;
} {
  let current = schema;
  let optional = false;
  let defaultValue: unknown;
  let description = schema.description;
  for (;;) {
    if (current instanceof z.ZodOptional) {
      optional = true;
      current = current.unwrap() as AnySchema;
    } else if (current instanceof z.ZodDefault) {
      optional = true;
      defaultValue = current.def.defaultValue;
      current = current.unwrap() as AnySchema;
    } else {
      break;
    }
    description ??= current.description;
  }
  return { inner: current, optional, defaultValue, description };
}

function typeOf(schema: AnySchema, sectionFor: (schema: AnySchema) => string): string {
  const { inner } = peel(schema);
  if (inner instanceof z.ZodString) {
    const limits = [
      inner.minLength !== null && inner.minLength > 0 ? `non-empty` : undefined,
      inner.maxLength !== null ? `at most ${inner.maxLength} characters` : undefined,
    ].filter((limit) => limit !== undefined);
    return limits.length > 0 ? `text (${limits.join(', ')})` : 'text';
  }
  if (inner instanceof z.ZodBoolean) return '`true` \\| `false`';
  if (inner instanceof z.ZodEnum)
    return inner.options.map((option) => `\`${String(option)}\``).join(' \\| ');
  if (inner instanceof z.ZodLiteral)
    return [...inner.values].map((value) => `\`${String(value)}\``).join(' \\| ');
  if (inner instanceof z.ZodArray)
    return `list of ${typeOf(inner.element as AnySchema, sectionFor)}`;
  if (inner instanceof z.ZodObject) return sectionFor(inner);
  if (inner instanceof z.ZodUnion) {
    return flatOptions(inner)
      .map((option) => typeOf(option, sectionFor))
      .join(', or ');
  }
  if (inner instanceof z.ZodRecord)
    return `mapping of names to ${typeOf(inner.valueType as AnySchema, sectionFor)}`;
  return 'see description';
}

/** A union's members, with the members of nested unions in their place. */
function flatOptions(union: z.ZodUnion): AnySchema[] {
  return (union.options as AnySchema[]).flatMap((option) => {
    const { inner } = peel(option);
    return inner instanceof z.ZodUnion ? flatOptions(inner) : [option];
  });
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

function formatDefault(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value) && value.length === 0) return 'empty list';
  if (typeof value === 'object' && value !== null) return `\`${JSON.stringify(value)}\``;
  return `\`${String(value)}\``;
}

/** Every mapping of the schema, depth first, each with the path a user writes to reach it. */
export function collectSections(root: AnySchema = specSchema): Section[] {
  const sections: Section[] = [];
  const paths = new Map<AnySchema, string>();

  const sectionFor = (schema: AnySchema): string => {
    const path = paths.get(schema) ?? 'a mapping';
    return `mapping, see [${path}](#${anchor(path)})`;
  };

  const visit = (schema: AnySchema, path: string): void => {
    const { inner, description } = peel(schema);
    if (inner instanceof z.ZodArray) {
      visit(inner.element as AnySchema, `${path}[]`);
      return;
    }
    if (inner instanceof z.ZodRecord) {
      visit(inner.valueType as AnySchema, `${path}.NAME`);
      return;
    }
    if (inner instanceof z.ZodUnion) {
      const objects = flatOptions(inner).filter(
        (option) => peel(option).inner instanceof z.ZodObject,
      );
      const keysOf = (option: AnySchema) =>
        Object.keys((peel(option).inner as z.ZodObject).shape).join(', ');
      // `{ set: NAME }` may stand for any entry of a list that accepts sets: it gets its own
      // section, and the entry itself keeps the plain path.
      const entries = objects.filter((option) => keysOf(option) !== 'set');
      for (const option of objects) {
        const keys = keysOf(option);
        visit(option, keys === 'set' || entries.length > 1 ? `${path} {${keys}}` : path);
      }
      return;
    }
    // A shape used in several places (a subnet) is documented once, where it first appears.
    if (!(inner instanceof z.ZodObject) || paths.has(inner)) return;
    paths.set(inner, path);
    const entries = Object.entries(inner.shape as Record<string, AnySchema>);
    // Children first get their paths, so the table can link to them.
    const childSections: [AnySchema, string][] = entries.map(([key, field]) => [
      field,
      path === '' ? key : `${path}.${key}`,
    ]);
    const index = sections.length;
    sections.push({
      path: path === '' ? '(top level)' : path,
      description: description ?? '',
      fields: [],
    });
    if (path === '') paths.set(inner, '(top level)');
    childSections.forEach(([field, childPath]) => visit(field, childPath));
    const fields = entries.map(([key, field]): Field => {
      const peeled = peel(field);
      return {
        key,
        type: typeOf(field, sectionFor),
        required: !peeled.optional,
        defaultValue: peeled.defaultValue,
        description: (peeled.description ?? '').replace(/\|/g, '\\|'),
      };
    });
    sections[index] = { ...(sections[index] as Section), fields };
  };

  visit(root, '');
  return sections;
}

export function renderReference(): string {
  const lines: string[] = [MARKER, '', '## Reference', ''];
  for (const section of collectSections()) {
    lines.push(`### ${section.path}`, '');
    if (section.description) lines.push(section.description, '');
    lines.push('| key | type | required | default | meaning |', '| --- | --- | --- | --- | --- |');
    for (const field of section.fields) {
      lines.push(
        `| \`${field.key}\` | ${field.type} | ${field.required ? 'yes' : 'no'} | ${formatDefault(field.defaultValue)} | ${field.description} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** docs/spec.md with its generated part brought up to date (and formatted as the repo is). */
export async function updatedSpecDoc(current: string): Promise<string> {
  const at = current.indexOf(MARKER);
  if (at < 0) throw new Error(`${SPEC_DOC} has lost its marker line; put it back: ${MARKER}`);
  const config = await prettier.resolveConfig(SPEC_DOC);
  return prettier.format(`${current.slice(0, at)}${renderReference()}`, {
    ...config,
    filepath: SPEC_DOC,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SPEC_DOC, await updatedSpecDoc(readFileSync(SPEC_DOC, 'utf8')));
}
