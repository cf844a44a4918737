// Hardened YAML loading for specs (SECURITY-NOTES.md, "YAML parsing"). js-yaml 5 turns the
// text into a flat event stream; we build the value ourselves from it, which lets us refuse
// aliases, tags, merge keys, duplicate and prototype-polluting keys, and remember where every
// value came from, so findings can name line and column.
import {
  boolCoreTag,
  EVENT_ID,
  floatCoreTag,
  getScalarValue,
  intCoreTag,
  NOT_RESOLVED,
  nullCoreTag,
  parseEvents,
  SCALAR_STYLE,
  YAMLException,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import type { Finding, Position } from './findings.js';
import { SourceText } from './source-text.js';

export const MAX_SPEC_BYTES = 2 * 1024 * 1024;
/** Deep enough for every spec shape (about 9 levels); far below anything abusive. */
export const MAX_YAML_DEPTH = 16;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const IMPLICIT_TAGS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag] as const;

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/**
 * One node per path of the document. It keeps offsets into the text, not line and column:
 * a spec of 10,000 vaults has hundreds of thousands of values, and most positions are never
 * asked for (SourceText turns an offset into line and column when one is).
 */
class PathNode {
  /** Where the value starts; for an empty value, where its key (or the last value) does. */
  valueOffset = 0;
  /** Where the mapping key that holds this value starts; -1 when no key holds it. */
  keyOffset = -1;
  /** The text of a plain scalar YAML turned into a number, boolean or null. */
  written: string | undefined = undefined;
  /** A mapping's values by key, or a sequence's items by index. */
  children: Map<string, PathNode> | PathNode[] | undefined = undefined;

  child(segment: PathSegment): PathNode | undefined {
    const children = this.children;
    if (children === undefined) return undefined;
    if (Array.isArray(children)) return typeof segment === 'number' ? children[segment] : undefined;
    return typeof segment === 'string' ? children.get(segment) : undefined;
  }

  /** A new node for an item of this sequence (items are added in order). */
  addItem(): PathNode {
    const node = new PathNode();
    if (!Array.isArray(this.children)) this.children = [];
    this.children.push(node);
    return node;
  }

  /** A new node for a key of this mapping. */
  addKey(key: string): PathNode {
    const node = new PathNode();
    if (!(this.children instanceof Map)) this.children = new Map();
    this.children.set(key, node);
    return node;
  }
}

/** Where each value of a loaded document is, by path. */
export class PositionIndex {
  /** The document's value; TreeBuilder fills the tree in as it builds the value. */
  readonly root = new PathNode();

  constructor(private readonly source: SourceText) {}

  /** The text as written, for a value YAML converted (`0x1F`, `1.10`, `yes`); else undefined. */
  writtenAt(path: Path): string | undefined {
    let node: PathNode | undefined = this.root;
    for (const segment of path) node = node?.child(segment);
    return node?.written;
  }

  /** The position of the value at `path`, or of its nearest ancestor. */
  valueAt(path: Path): Position {
    return this.source.positionAt(this.nearest(path).valueOffset);
  }

  /** The position of the key that holds `path` (for "unknown key" and the like). */
  keyAt(path: Path): Position {
    const node = this.nearest(path);
    return this.source.positionAt(node.keyOffset >= 0 ? node.keyOffset : node.valueOffset);
  }

  private nearest(path: Path): PathNode {
    let found = this.root;
    for (const segment of path) {
      const child = found.child(segment);
      if (!child) break;
      found = child;
    }
    return found;
  }
}

export type LoadResult =
  { ok: true; value: unknown; positions: PositionIndex } | { ok: false; findings: Finding[] };

class RefusedYaml extends Error {
  constructor(
    readonly rule: string,
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function loadYaml(file: string, text: string): LoadResult {
  const source = new SourceText(text);
  const refuse = (rule: string, position: Position, message: string): LoadResult => ({
    ok: false,
    findings: [{ file, ...position, severity: 'error', rule, message }],
  });

  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_SPEC_BYTES) {
    return refuse(
      'yaml/too-large',
      { line: 1, column: 1 },
      `the file is ${bytes} bytes, above the limit of ${MAX_SPEC_BYTES}: split the vaults over several files in a directory`,
    );
  }

  let events: Event[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: MAX_YAML_DEPTH });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const position = error.mark
      ? { line: error.mark.line + 1, column: error.mark.column + 1 }
      : { line: 1, column: 1 };
    if (error.reason.includes('maxDepth')) {
      return refuse(
        'yaml/too-deep',
        position,
        `the YAML nests more than ${MAX_YAML_DEPTH} levels deep, far deeper than any spec needs: check the indentation and brackets here`,
      );
    }
    return refuse(
      'yaml/syntax',
      position,
      `the YAML cannot be read: ${error.reason}; fix the syntax here`,
    );
  }

  const documents = events.filter((event) => event.type === EVENT_ID.DOCUMENT);
  if (documents.length === 0) {
    return refuse(
      'yaml/empty',
      { line: 1, column: 1 },
      'the file is empty: write a spec starting with "version: 1"',
    );
  }
  if (documents.length > 1) {
    const second = events.findIndex(
      (event, index) => index > 0 && event.type === EVENT_ID.DOCUMENT,
    );
    return refuse(
      'yaml/multiple-documents',
      source.positionAt(secondDocumentOffset(events, second, text)),
      'the file holds more than one YAML document ("---"): keep one spec per file, or move the rest into another file of the set',
    );
  }

  const positions = new PositionIndex(source);
  try {
    const builder = new TreeBuilder(events, text, positions);
    const value = builder.document();
    return { ok: true, value, positions };
  } catch (error) {
    if (!(error instanceof RefusedYaml)) throw error;
    return refuse(error.rule, source.positionAt(error.offset), error.reason);
  }
}

/**
 * Where the second document starts: its first node, or, when it is empty ("---" and nothing
 * after), its "---" marker, found after the last node of the first document.
 */
function secondDocumentOffset(events: readonly Event[], second: number, text: string): number {
  for (let index = second; index < events.length; index += 1) {
    const offset = startOf(events[index]);
    if (offset >= 0) return offset;
  }
  let endOfFirst = 0;
  for (let index = 0; index < second; index += 1) {
    const event = events[index];
    const end = event?.type === EVENT_ID.SCALAR ? event.valueEnd : startOf(event);
    endOfFirst = Math.max(endOfFirst, end);
  }
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  marker.lastIndex = endOfFirst;
  return marker.exec(text)?.index ?? endOfFirst;
}

function startOf(event: Event | undefined): number {
  if (!event) return -1;
  switch (event.type) {
    case EVENT_ID.SCALAR: {
      // A quoted scalar starts at its opening quote, one before its value.
      const quoted =
        event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
      const value = event.valueStart >= 0 && quoted ? event.valueStart - 1 : event.valueStart;
      return firstPresent(event.anchorStart, event.tagStart, value);
    }
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return firstPresent(event.anchorStart, event.tagStart, event.start);
    case EVENT_ID.ALIAS:
      return Math.max(0, event.anchorStart - 1);
    default:
      return -1;
  }
}

function firstPresent(...offsets: number[]): number {
  const present = offsets.filter((offset) => offset >= 0);
  return present.length > 0 ? Math.min(...present) : -1;
}

/**
 * A YAML mapping's value: an object that inherits nothing (its prototype's prototype is null),
 * so a key such as "toString" is only ever the spec's own. Not Object.create(null): V8 keeps
 * such objects as hash tables, several times the size of an ordinary object, and a spec of
 * 10,000 vaults has hundreds of thousands of mappings.
 */
const YamlMapping = function YamlMapping() {} as unknown as new () => object;
YamlMapping.prototype = Object.freeze(Object.create(null) as object);

/** Builds a fresh value (objects that inherit nothing) from the event stream of one document. */
class TreeBuilder {
  private index = 0;
  private lastOffset = 0;

  constructor(
    private readonly events: readonly Event[],
    private readonly text: string,
    private readonly positions: PositionIndex,
  ) {}

  document(): unknown {
    this.index = 1; // past the DOCUMENT event
    if (this.events[this.index]?.type === EVENT_ID.POP) return null;
    return this.node(this.positions.root);
  }

  /** Builds the value at the current event; `at` is its node, its keyOffset already set. */
  private node(at: PathNode): unknown {
    const event = this.events[this.index];
    if (!event)
      throw new RefusedYaml('yaml/syntax', this.text.length, 'the document ends unexpectedly');
    const offset = startOf(event);
    // An empty value ("firewall:" and nothing under it) has no place of its own: use its key's.
    const value = offset >= 0 ? offset : at.keyOffset >= 0 ? at.keyOffset : this.lastOffset;
    this.lastOffset = value;
    at.valueOffset = value;
    this.refuseAnchorsAndTags(event);
    this.index += 1;
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const scalar = this.scalar(event);
        if (typeof scalar !== 'string' && event.valueStart >= 0) {
          at.written = getScalarValue(this.text, event);
        }
        return scalar;
      }
      case EVENT_ID.SEQUENCE:
        return this.sequence(at);
      case EVENT_ID.MAPPING:
        return this.mapping(at);
      default:
        throw new RefusedYaml('yaml/syntax', Math.max(offset, 0), 'unexpected YAML structure here');
    }
  }

  private refuseAnchorsAndTags(event: Event): void {
    if (event.type === EVENT_ID.ALIAS) {
      throw new RefusedYaml(
        'yaml/alias',
        startOf(event),
        `YAML aliases ("*${this.text.slice(event.anchorStart, event.anchorEnd)}") are not allowed in a spec, because they can expand a small file into a huge one: write the value out in full`,
      );
    }
    if (event.type === EVENT_ID.POP || event.type === EVENT_ID.DOCUMENT) return;
    if (event.tagStart >= 0) {
      throw new RefusedYaml(
        'yaml/tag',
        event.tagStart,
        `YAML tags ("${this.text.slice(event.tagStart, event.tagEnd)}") are not allowed in a spec: remove the tag and write a plain value`,
      );
    }
    if (event.anchorStart >= 0) {
      throw new RefusedYaml(
        'yaml/alias',
        Math.max(0, event.anchorStart - 1),
        `YAML anchors ("&${this.text.slice(event.anchorStart, event.anchorEnd)}") are not allowed in a spec, and neither are the aliases that use them: write each value out in full`,
      );
    }
  }

  private scalar(event: ScalarEvent): unknown {
    const text = getScalarValue(this.text, event);
    if (event.style !== SCALAR_STYLE.PLAIN) return text;
    for (const tag of IMPLICIT_TAGS) {
      const resolved = tag.resolve(text, false, tag.tagName);
      if (resolved !== NOT_RESOLVED) return resolved;
    }
    return text;
  }

  private sequence(at: PathNode): unknown[] {
    const items: unknown[] = [];
    while (this.events[this.index]?.type !== EVENT_ID.POP) {
      items.push(this.node(at.addItem()));
    }
    this.index += 1;
    return items;
  }

  private mapping(at: PathNode): Record<string, unknown> {
    const result = new YamlMapping() as Record<string, unknown>;
    while (this.events[this.index]?.type !== EVENT_ID.POP) {
      const keyEvent = this.events[this.index];
      const keyOffset = startOf(keyEvent);
      if (keyEvent?.type !== EVENT_ID.SCALAR) {
        if (keyEvent) this.refuseAnchorsAndTags(keyEvent);
        throw new RefusedYaml(
          'yaml/complex-key',
          keyOffset,
          'a mapping key must be a plain name, not a list or mapping: write the key as plain text',
        );
      }
      this.refuseAnchorsAndTags(keyEvent);
      this.index += 1;
      const key = getScalarValue(this.text, keyEvent);
      if (key === '<<' && keyEvent.style === SCALAR_STYLE.PLAIN) {
        throw new RefusedYaml(
          'yaml/merge-key',
          keyOffset,
          'YAML merge keys ("<<") are not allowed in a spec: write the keys out in full',
        );
      }
      if (FORBIDDEN_KEYS.has(key)) {
        throw new RefusedYaml(
          'yaml/forbidden-key',
          keyOffset,
          `the key "${key}" is not allowed (it could alter object prototypes): remove it`,
        );
      }
      if (Object.prototype.hasOwnProperty.call(result, key)) {
        throw new RefusedYaml(
          'yaml/duplicate-key',
          keyOffset,
          `the key "${key}" appears twice in the same mapping: keep one of them`,
        );
      }
      const child = at.addKey(key);
      child.keyOffset = Math.max(0, keyOffset);
      result[key] = this.node(child);
    }
    this.index += 1;
    return result;
  }
}
