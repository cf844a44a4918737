// Spec files are UTF-8. The bytes are checked before they become text, so a file saved as
// UTF-16 is named as such (not reported as "a null byte"), and a Latin-1 byte is reported at
// its place instead of being silently turned into U+FFFD.
import type { Finding } from './findings.js';

export type DecodeResult = { ok: true; text: string } | { ok: false; finding: Finding };

function refuse(file: string, line: number, column: number, message: string): DecodeResult {
  return {
    ok: false,
    finding: { file, line, column, severity: 'error', rule: 'input/encoding', message },
  };
}

/** UTF-16 without a byte-order mark: most of the first bytes are ASCII beside a NUL. */
function looksLikeUtf16(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 512);
  if (sample < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0 && bytes[index + 1] !== 0) evenNul += 1;
    if (bytes[index + 1] === 0 && bytes[index] !== 0) oddNul += 1;
  }
  const pairs = sample / 2;
  if (oddNul / pairs > 0.6) return 'LE';
  if (evenNul / pairs > 0.6) return 'BE';
  return undefined;
}

/** The length of the valid UTF-8 sequence at `index`, or 0 when the bytes there are not one. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const first = bytes[index] ?? 0;
  if (first < 0x80) return 1;
  let length: number;
  let min: number;
  if (first >= 0xc2 && first <= 0xdf) [length, min] = [2, 0x80];
  else if (first >= 0xe0 && first <= 0xef) [length, min] = [3, 0x800];
  else if (first >= 0xf0 && first <= 0xf4) [length, min] = [4, 0x10000];
  else return 0;
  let codePoint = first & (0xff >> (length + 1));
  for (let offset = 1; offset < length; offset += 1) {
    const next = bytes[index + offset];
    if (next === undefined || (next & 0xc0) !== 0x80) return 0;
    codePoint = (codePoint << 6) | (next & 0x3f);
  }
  if (codePoint < min || codePoint > 0x10ffff) return 0;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 0;
  return length;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** UTF-8 bytes to text, or a finding that names the encoding or the first bad byte. */
export function decodeSpecBytes(file: string, bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const utf32 = bytes[2] === 0 && bytes[3] === 0;
    return refuse(
      file,
      1,
      1,
      `the file is ${utf32 ? 'UTF-32' : 'UTF-16'} (little-endian, it starts with a byte-order mark); specs are UTF-8: save it as UTF-8`,
    );
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return refuse(
      file,
      1,
      1,
      'the file is UTF-16 (big-endian, it starts with a byte-order mark); specs are UTF-8: save it as UTF-8',
    );
  }
  const utf16 = looksLikeUtf16(bytes);
  if (utf16) {
    return refuse(
      file,
      1,
      1,
      `the file looks like UTF-16 (${utf16 === 'LE' ? 'little' : 'big'}-endian, without a byte-order mark): specs are UTF-8: save it as UTF-8`,
    );
  }
  let line = 1;
  let lineStart = 0;
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    if (byte === 0x0a) {
      line += 1;
      lineStart = index + 1;
      index += 1;
      continue;
    }
    const length = sequenceLength(bytes, index);
    if (length === 0) {
      const column = new TextDecoder().decode(bytes.subarray(lineStart, index)).length + 1;
      const latin1 =
        byte >= 0xa0 ? ` (in Latin-1 that byte is "${String.fromCharCode(byte)}")` : '';
      return refuse(
        file,
        line,
        column,
        `byte ${hex(byte)} here is not valid UTF-8${latin1}; the file is probably saved as Latin-1 or Windows-1252: save it as UTF-8`,
      );
    }
    index += length;
  }
  // A leading byte-order mark is allowed and dropped; any later one stays in the text, where
  // findings show it as \ufeff.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return {
    ok: true,
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start)),
  };
}
