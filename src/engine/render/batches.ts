// Pieces of a large rendering gathered into writes of a useful size, so it reaches a stream or a
// file without ever being one string. With `wholeLines`, every batch but the last ends with a
// line feed: a line-by-line sanitiser (safeOutput) gives the same text batch by batch as whole.

/**
 * Writes of about this many characters: few syscalls, and small enough that a batch of two-byte
 * text stays under V8's 128 KiB large-object size (a large object that outlives a scavenge
 * waits for a full collection).
 */
export const WRITE_BATCH_CHARS = 16 * 1024;

/** Each line with its line feed: joined, the lines' text ending in exactly one line feed. */
export function* withLineEnds(lines: readonly string[]): Generator<string> {
  for (const [index, line] of lines.entries())
    if (index < lines.length - 1 || line !== '' || index === 0) yield `${line}\n`;
}

export function* batches(
  pieces: Iterable<string>,
  options: { readonly chars?: number; readonly wholeLines?: boolean } = {},
): Generator<string> {
  const chars = options.chars ?? WRITE_BATCH_CHARS;
  let parts: string[] = [];
  let length = 0;
  // With wholeLines, a batch is cut only once a line feed has come: a long line is gathered
  // whole, and joined once, not again with each piece.
  let lineEnded = !options.wholeLines;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    lineEnded ||= piece.includes('\n');
    if (length < chars || !lineEnded) continue;
    const text = parts.join('');
    const cut = options.wholeLines ? text.lastIndexOf('\n') + 1 : text.length;
    yield text.slice(0, cut);
    const rest = text.slice(cut);
    parts = rest === '' ? [] : [rest];
    length = rest.length;
    lineEnded = !options.wholeLines;
  }
  if (length > 0) yield parts.join('');
}
