// The fingerprint of a plan: sha256 over the canonical change set and the normalised live
// state it was computed against — never over rendered text — so the apply can prove it is
// executing exactly what was reviewed.
import { createHash } from 'node:crypto';
import type { PlanStep } from './types.js';

/**
 * JSON with object keys sorted, so equal values always serialise to equal text. Written out by
 * hand rather than through a JSON.stringify replacer, which copies every object it sorts: the
 * plan hashes every vault's live state twice, so this is on the diff's hot path. Same output as
 * JSON.stringify over sorted copies (undefined members dropped, undefined in arrays as null).
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return write(withJson.toJSON());
  if (Array.isArray(value)) return `[${value.map((entry) => write(entry) ?? 'null').join(',')}]`;
  const members: string[] = [];
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    const text = write(record[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

export function changeSet(steps: readonly PlanStep[]): unknown[] {
  return steps.map((step) => ({
    id: step.id,
    action: step.action,
    changes: step.changes,
    payload: step.payload,
    flags: step.flags,
  }));
}

export function fingerprint(steps: readonly PlanStep[], liveBasis: unknown): string {
  return shaOfText(canonicalJson({ changes: changeSet(steps), live: liveBasis }));
}

export const shaOfText = (text: string) =>
  `sha256:${createHash('sha256').update(text).digest('hex')}`;

/**
 * The canonical text of each step's change set entry and of each live-basis entry, written
 * once: the plan's fingerprint and every vault's basis (basis.ts) hash them, joined.
 */
export interface CanonicalTexts {
  readonly steps: ReadonlyMap<PlanStep, string>;
  /** By live-basis key, in canonical (sorted) key order. */
  readonly live: ReadonlyMap<string, string>;
}

/** A resource's normalised live state in the basis: null when it does not exist. */
export type BasisValue = object | string | number | boolean | null;

export function canonicalTexts(
  steps: readonly PlanStep[],
  liveBasis: Readonly<Record<string, BasisValue>>,
): CanonicalTexts {
  const entries = changeSet(steps);
  const stepTexts = new Map(steps.map((step, at) => [step, canonicalJson(entries[at])]));
  const live = new Map<string, string>();
  for (const key of Object.keys(liveBasis).sort()) live.set(key, canonicalJson(liveBasis[key]));
  return { steps: stepTexts, live };
}

/**
 * fingerprint(steps, liveBasis), hashed from their canonical texts piece by piece: the same
 * text, so the same hash, without writing the whole plan out as one string (at 10,000 vaults
 * that string and its copies were the plan's last and largest allocation).
 */
export function fingerprintOfTexts(steps: readonly PlanStep[], texts: CanonicalTexts): string {
  const hash = new TextHash();
  hash.add('{"changes":[');
  steps.forEach((step, at) => {
    if (at > 0) hash.add(',');
    hash.add(texts.steps.get(step) ?? 'null');
  });
  hash.add('],"live":{');
  let first = true;
  for (const [key, text] of texts.live) {
    hash.add(first ? '' : ',');
    first = false;
    hash.add(JSON.stringify(key));
    hash.add(':');
    hash.add(text);
  }
  hash.add('}}');
  return hash.digest();
}

/** sha256 over texts added one after another, handed to the hash in chunks of about 64 KiB. */
class TextHash {
  private readonly hash = createHash('sha256');
  private pending: string[] = [];
  private pendingLength = 0;

  add(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 65_536) this.flush();
  }

  digest(): string {
    this.flush();
    return `sha256:${this.hash.digest('hex')}`;
  }

  private flush(): void {
    this.hash.update(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
}
