// A large plan is written in pieces (json-chunks.ts, batches.ts): joined, they must be exactly
// the whole text (JSON.stringify's, whatever the value, indent and streamed depth; the text
// plan's), and sanitised batch by batch exactly as the whole would be.
import { describe, expect, it } from 'vitest';
import { printUntrustedBlock } from '../../../src/action/log-safety.js';
import { batches, withLineEnds } from '../../../src/engine/render/batches.js';
import { jsonChunks, type Replacer } from '../../../src/engine/render/json-chunks.js';
import { safeOutput } from '../../../src/engine/render/untrusted.js';

/** A small deterministic generator (mulberry32), so a failure names a seed that repeats it. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_STRINGS = [
  '',
  'a\nb',
  '"quoted"',
  '::warning::x',
  '##[group]',
  '\u001b[31mred',
  'é→✓',
  '\u2028',
];

/** Every kind of member JSON.stringify treats specially, nested a few levels. */
function value(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 8 : 11));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return () => 1;
    case 3:
      return next() < 0.5;
    case 4:
      return Math.floor(next() * 2000) - 1000;
    case 5:
      return ODD_STRINGS[Math.floor(next() * ODD_STRINGS.length)];
    case 6:
      return new Date(Date.UTC(2026, 11, Math.floor(next() * 28) + 1));
    case 7:
      return next() < 0.5
        ? { toJSON: () => ({ replacedBy: 'toJSON' }) }
        : [new Number(7.5), new String('boxed'), new Boolean(false)][Math.floor(next() * 3)];
    case 8:
      return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 5) }, (_, index) => [
          index === 3 ? '' : `k${index}${next() < 0.2 ? '"\n' : ''}`,
          value(next, depth + 1),
        ]),
      );
  }
}

/**
 * A replacer that rewrites some values and drops others, independent of key and holder; not
 * idempotent (strings gain a mark), so applying it twice to one value shows.
 */
const replacer: Replacer = (_key, inner) =>
  inner === true
    ? 'TRUE'
    : typeof inner === 'string'
      ? `${inner}!`
      : typeof inner === 'number' && inner % 7 === 0
        ? undefined
        : inner;

describe('jsonChunks', () => {
  it('joins to JSON.stringify for random values, indents and depths', () => {
    for (let seed = 1; seed <= 400; seed += 1) {
      const next = random(seed);
      const input = value(next, 0);
      for (const indent of [undefined, 0, 2, 4])
        for (const streamedDepth of [0, 1, 2, 3, 6])
          for (const withReplacer of [false, true]) {
            const expected = JSON.stringify(input, withReplacer ? replacer : undefined, indent) as
              string | undefined;
            const joined = [
              ...jsonChunks(input, {
                indent,
                streamedDepth,
                ...(withReplacer ? { replacer } : {}),
              }),
            ].join('');
            expect(joined, `seed ${seed}, indent ${indent}, depth ${streamedDepth}`).toBe(
              expected ?? '',
            );
          }
    }
  });

  it('writes a large array member by member, none of them the whole', () => {
    const vaults = Array.from({ length: 5_000 }, (_, index) => ({
      name: `kv-${index}`,
      rules: [index],
    }));
    const pieces = [...jsonChunks({ vaults }, { indent: 2 })];
    expect(pieces.join('')).toBe(JSON.stringify({ vaults }, undefined, 2));
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(100);
  });
});

describe('batches', () => {
  const lines = Array.from(
    { length: 3_000 },
    (_, index) => `line ${index} ::x::${'#'.repeat(index % 5)}[\n`,
  );

  it('joins to its pieces, each batch at least the size asked and ending a line', () => {
    const written = [...batches(lines, { chars: 1_000, wholeLines: true })];
    expect(written.join('')).toBe(lines.join(''));
    for (const batch of written.slice(0, -1)) {
      expect(batch.length).toBeGreaterThanOrEqual(1_000);
      expect(batch.endsWith('\n')).toBe(true);
    }
    // So the one sanitiser gives the same text batch by batch as over the whole.
    expect(written.map((batch) => safeOutput(batch)).join('')).toBe(safeOutput(lines.join('')));
  });

  it('waits for a line end before cutting, and cuts anywhere when lines do not matter', () => {
    const pieces = ['a'.repeat(600), 'b'.repeat(600), 'c\nd', 'e'];
    expect([...batches(pieces, { chars: 500, wholeLines: true })]).toEqual([
      `${'a'.repeat(600)}${'b'.repeat(600)}c\n`,
      'de',
    ]);
    expect([...batches(pieces, { chars: 500 })]).toEqual([
      'a'.repeat(600),
      'b'.repeat(600),
      'c\nde',
    ]);
    expect([...batches([], { chars: 10 })]).toEqual([]);
  });
});

describe('withLineEnds', () => {
  it('gives the lines the text they join to, ending in one line feed', () => {
    for (const lines of [[''], ['a'], ['a', ''], ['a', 'b'], ['', ''], ['a', '', 'b', '']]) {
      const text = lines.join('\n');
      expect([...withLineEnds(lines)].join('')).toBe(text.endsWith('\n') ? text : `${text}\n`);
    }
  });

  it('logs a plan batch by batch as the Action logged it whole', () => {
    const lines = Array.from(
      { length: 2_000 },
      (_, index) => `${index % 3 === 0 ? '::error::' : ''}line ${index}\r ##[x] \u202e`,
    );
    const logged = (text: string | Iterable<string>) => {
      const written: string[] = [];
      printUntrustedBlock(text, (line) => written.push(`${line}\n`));
      // The block's stop token is random: compare what lies between the markers.
      return written.slice(1, -1).join('');
    };
    const batched = logged(batches(withLineEnds(lines), { chars: 1_000, wholeLines: true }));
    expect(batched).toBe(logged(lines.join('\n')));
    expect(batched).not.toMatch(/^::error::/m);
  });
});
