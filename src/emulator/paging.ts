// Paging of list answers, as ARM pages them: a page holds at most `$top` items (when the
// caller asks), else the emulator's forced `pageSize`, else the list's Azure default (Private
// DNS record sets: 100, AZURE-FACTS §8 "Paging"); every page but the last carries `nextLink`,
// the same URL with an opaque `$skiptoken`. Handlers return whole lists; this cuts them.
import { ArmError } from './errors.js';

/** Lists Azure pages by default, with their page size. */
const AZURE_DEFAULT_PAGE: Readonly<Record<string, number>> = {
  'microsoft.network/privatednszones/a': 100,
  'microsoft.network/privatednszones/all': 100,
};

export interface PagingInput {
  readonly url: URL;
  readonly baseUrl: string;
  readonly apiType: string;
  readonly forcedPageSize: number;
}

function isList(body: unknown): body is { value: unknown[] } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  return (
    keys.length === 1 && keys[0] === 'value' && Array.isArray((body as { value: unknown }).value)
  );
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodeToken(token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      offset?: unknown;
    };
    if (typeof parsed.offset === 'number' && Number.isInteger(parsed.offset) && parsed.offset >= 0)
      return parsed.offset;
  } catch {
    // fall through
  }
  throw new ArmError(400, 'InvalidSkipToken', `The $skiptoken '${token}' is not valid.`);
}

function pageSizeOf(input: PagingInput): number | undefined {
  const top = input.url.searchParams.get('$top');
  if (top !== null) {
    const value = Number(top);
    if (!Number.isInteger(value) || value <= 0)
      throw new ArmError(
        400,
        'InvalidTopInQueryString',
        `The value '${top}' of $top is not valid: it must be a positive integer.`,
      );
    return value;
  }
  if (input.forcedPageSize > 0) return input.forcedPageSize;
  return AZURE_DEFAULT_PAGE[input.apiType.toLowerCase()];
}

/** The page of a list answer the request asks for; other bodies pass through unchanged. */
export function pageOf(body: unknown, input: PagingInput): unknown {
  if (!isList(body)) return body;
  const token = input.url.searchParams.get('$skiptoken');
  const offset = token === null ? 0 : decodeToken(token);
  const size = pageSizeOf(input);
  if (size === undefined && offset === 0) return body;
  const end = size === undefined ? body.value.length : offset + size;
  const page: { value: unknown[]; nextLink?: string } = { value: body.value.slice(offset, end) };
  if (end < body.value.length) {
    // Spelled as ARM spells it: `$skiptoken`, not `%24skiptoken`.
    const query = [...input.url.searchParams]
      .filter(([key]) => key !== '$skiptoken')
      .map(
        ([key, value]) =>
          `${encodeURIComponent(key).replace(/^%24/, '$')}=${encodeURIComponent(value)}`,
      );
    query.push(`$skiptoken=${encodeToken(end)}`);
    page.nextLink = `${input.baseUrl}${input.url.pathname}?${query.join('&')}`;
  }
  return page;
}
