// Every ARM request the emulator saw, with what it answered and what was injected, so tests
// can see the SDK's retries and polls (GET /_emulator/requests). Bounded so a long benchmark
// cannot exhaust memory: the oldest entries are dropped past the limit.

export interface RequestLogEntry {
  seq: number;
  method: string;
  path: string;
  query: string;
  apiVersion: string | null;
  body: unknown;
  /** HTTP status sent, or null when the connection was reset instead. */
  status: number | null;
  /** ARM error code of the answer, when it was an error. */
  errorCode?: string;
  requestId: string;
  /** Which client connection carried it, numbered as they arrive (TLS handshakes = distinct). */
  connection: number;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  /** The fault that shaped this answer, if any (see docs/emulator.md). */
  injected?: { faultId: string; effect: string };
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextSeq = 1;

  constructor(private readonly limit = 100_000) {}

  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { seq: this.nextSeq++, ...entry };
    this.entries.push(full);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return full;
  }

  /** Entries with seq greater than `since` (all when omitted). */
  list(since = 0): RequestLogEntry[] {
    return since <= 0 ? [...this.entries] : this.entries.filter((entry) => entry.seq > since);
  }

  clear(): void {
    this.entries = [];
  }
}
