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

export interface Located {
  readonly value: Position;
  /** Where the mapping key that holds this value starts, if it is held by a key. */
  readonly key?: Position;
}

/** One node per path of the document, so a lookup walks the path instead of building keys. */
interface PathNode {
  located?: Located;
  written?: string;
  children?: Map<PathSegment, PathNode>;
}

/** Where each value of a loaded document is, by path. */
export class PositionIndex {
  private readonly root: PathNode = {};

  set(path: Path, located: Located): void {
    this.node(path).located = located;
  }

  /** Remembers the text of a plain scalar YAML turned into a number, boolean or null. */
  setWritten(path: Path, text: string): void {
    this.node(path).written = text;
  }

  /** The text as written, for a value YAML converted (`0x1F`, `1.10`, `yes`); else undefined. */
  writtenAt(path: Path): string | undefined {
    let node: PathNode | undefined = this.root;
    for (const segment of path) node = node?.children?.get(segment);
    return node?.written;
  }

  /** The position of the value at `path`, or of its nearest ancestor. */
  valueAt(path: Path): Position {
    return this.nearest(path).value;
  }

  /** The position of the key that holds `path` (for "unknown key" and the like). */
  keyAt(path: Path): Position {
    const located = this.nearest(path);
    return located.key ?? located.value;
  }

  private node(path: Path): PathNode {
    let node = this.root;
    for (const segment of path) {
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (!child) {
        child = {};
        node.children.set(segment, child);
      }
      node = child;
    }
    return node;
  }

  private nearest(path: Path): Located {
    let found: Located = this.root.located ?? { value: { line: 1, column: 1 } };
    let node: PathNode | undefined = this.root;
    for (const segment of path) {
      node = node.children?.get(segment);
      if (!node) break;
      if (node.located) found = node.located;
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

  const positions = new PositionIndex();
  try {
    const builder = new TreeBuilder(events, text, source, positions);
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

/** Builds a fresh value (null-prototype objects) from the event stream of one document. */
class TreeBuilder {
  private index = 0;
  private lastPosition: Position = { line: 1, column: 1 };

  constructor(
    private readonly events: readonly Event[],
    private readonly text: string,
    private readonly source: SourceText,
    private readonly positions: PositionIndex,
  ) {}

  document(): unknown {
    this.index = 1; // past the DOCUMENT event
    if (this.events[this.index]?.type === EVENT_ID.POP) return null;
    return this.node([], undefined);
  }

  private node(path: Path, keyPosition: Position | undefined): unknown {
    const event = this.events[this.index];
    if (!event)
      throw new RefusedYaml('yaml/syntax', this.text.length, 'the document ends unexpectedly');
    const offset = startOf(event);
    // An empty value ("firewall:" and nothing under it) has no place of its own: use its key's.
    const value = offset >= 0 ? this.source.positionAt(offset) : (keyPosition ?? this.lastPosition);
    this.lastPosition = value;
    this.positions.set(path, { value, key: keyPosition });
    this.refuseAnchorsAndTags(event);
    this.index += 1;
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const scalar = this.scalar(event);
        if (typeof scalar !== 'string' && event.valueStart >= 0) {
          this.positions.setWritten(path, getScalarValue(this.text, event));
        }
        return scalar;
      }
      case EVENT_ID.SEQUENCE:
        return this.sequence(path);
      case EVENT_ID.MAPPING:
        return this.mapping(path);
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

  private sequence(path: Path): unknown[] {
    const items: unknown[] = [];
    while (this.events[this.index]?.type !== EVENT_ID.POP) {
      items.push(this.node([...path, items.length], undefined));
    }
    this.index += 1;
    return items;
  }

  private mapping(path: Path): Record<string, unknown> {
    const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
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
      result[key] = this.node([...path, key], this.source.positionAt(keyOffset));
    }
    this.index += 1;
    return result;
  }
}
