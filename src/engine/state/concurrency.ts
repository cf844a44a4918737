// Runs async work with at most `limit` tasks in flight, and runs each keyed task only once.

/**
 * The one range of --max-parallel / max-parallel (plan reads, apply steps, the Action): 1 to this.
 * Writes stay paced per subscription whatever the value (apply/pacer.ts).
 */
export const MAX_PARALLEL = 64;

export class BoundedRunner {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`concurrency must be a positive integer, not ${limit}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}

/** Memoises promises by key, so a resource referenced by many vaults is read once. */
export class OnceByKey<T> {
  private readonly promises = new Map<string, Promise<T>>();

  get(key: string, start: () => Promise<T>): Promise<T> {
    const existing = this.promises.get(key);
    if (existing) return existing;
    const started = start();
    this.promises.set(key, started);
    return started;
  }

  has(key: string): boolean {
    return this.promises.has(key);
  }

  keys(): string[] {
    return [...this.promises.keys()];
  }

  async settled(): Promise<Map<string, T>> {
    const entries = await Promise.all(
      [...this.promises.entries()].map(async ([key, promise]) => [key, await promise] as const),
    );
    return new Map(entries);
  }
}
