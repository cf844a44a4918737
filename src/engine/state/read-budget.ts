// How many reads kvnet has in flight per subscription, sized to ARM's read budget and adapted
// to what ARM says is left. ARM throttles reads per subscription (and principal) with a token
// bucket of 250 refilled at 25 per second (AZURE-FACTS §5) and reports the tokens left on every
// answer in `x-ms-ratelimit-remaining-subscription-reads`. A read starts when the subscription
// has fewer than `perSubscription` in flight and the tokens kvnet believes are left, after the
// ones its reads in flight will take, stay above a reserve kept for other callers (an apply,
// a portal user, another pipeline): so a plan spends at most the bucket less the reserve at
// once, then follows the refill, and never provokes a 429 by itself. Subscriptions do not wait
// for each other.

/** ARM's read bucket per subscription and principal (AZURE-FACTS §5). */
export const ARM_READ_BUCKET = 250;
/** Tokens ARM puts back per second. */
export const ARM_READ_REFILL_PER_SECOND = 25;
/** Tokens a plan leaves for other callers of the same subscription. */
export const DEFAULT_READ_RESERVE = 25;

export interface ReadBudgetOptions {
  /** Most reads in flight per subscription. */
  readonly perSubscription: number;
  readonly reserve?: number;
  readonly bucket?: number;
  readonly refillPerSecond?: number;
  /** Milliseconds; injectable for tests. */
  readonly now?: () => number;
}

interface SubscriptionState {
  /** Tokens believed left after the reads already sent, as of `at`. */
  tokens: number;
  at: number;
  inFlight: number;
  readonly waiting: (() => void)[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class ReadBudget {
  private readonly subscriptions = new Map<string, SubscriptionState>();
  private readonly reserve: number;
  private readonly bucket: number;
  private readonly refillPerSecond: number;
  private readonly now: () => number;

  constructor(private readonly options: ReadBudgetOptions) {
    if (!Number.isInteger(options.perSubscription) || options.perSubscription < 1)
      throw new Error(
        `reads per subscription must be a positive integer, not ${options.perSubscription}`,
      );
    this.bucket = options.bucket ?? ARM_READ_BUCKET;
    this.reserve = Math.min(options.reserve ?? DEFAULT_READ_RESERVE, this.bucket - 1);
    this.refillPerSecond = options.refillPerSecond ?? ARM_READ_REFILL_PER_SECOND;
    this.now = options.now ?? Date.now;
  }

  private state(subscription: string): SubscriptionState {
    const key = subscription.toLowerCase();
    let state = this.subscriptions.get(key);
    if (!state) {
      state = {
        tokens: this.bucket,
        at: this.now(),
        inFlight: 0,
        waiting: [],
        timer: undefined,
      };
      this.subscriptions.set(key, state);
    }
    return state;
  }

  private refill(state: SubscriptionState): void {
    const now = this.now();
    state.tokens = Math.min(
      this.bucket,
      state.tokens + ((now - state.at) / 1000) * this.refillPerSecond,
    );
    state.at = now;
  }

  private canStart(state: SubscriptionState): boolean {
    this.refill(state);
    return state.inFlight < this.options.perSubscription && state.tokens - 1 >= this.reserve;
  }

  /** ARM said this many read tokens are left in the subscription (a response header). */
  observe(subscription: string, remaining: number): void {
    if (!Number.isFinite(remaining) || remaining < 0) return;
    const state = this.state(subscription);
    this.refill(state);
    // The header counts the answered read; the reads still in flight may or may not be in it,
    // so believe the lower figure: never more than ARM says, never more than kvnet reckons.
    state.tokens = Math.min(state.tokens, remaining);
    this.pump(state);
  }

  /** Reads in flight for the subscription now (for tests and the bench). */
  inFlight(subscription: string): number {
    return this.subscriptions.get(subscription.toLowerCase())?.inFlight ?? 0;
  }

  async run<T>(subscription: string, task: () => Promise<T>): Promise<T> {
    const state = this.state(subscription);
    if (state.waiting.length === 0 && this.canStart(state)) this.take(state);
    else {
      // pump() takes the slot for us before it wakes us.
      await new Promise<void>((resolve) => {
        state.waiting.push(resolve);
        this.schedule(state);
      });
    }
    try {
      return await task();
    } finally {
      state.inFlight -= 1;
      this.pump(state);
    }
  }

  private take(state: SubscriptionState): void {
    state.inFlight += 1;
    state.tokens -= 1;
  }

  /** Lets the waiting reads that may start now go, in the order they came. */
  private pump(state: SubscriptionState): void {
    while (state.waiting.length > 0 && this.canStart(state)) {
      this.take(state);
      state.waiting.shift()?.();
    }
    this.schedule(state);
  }

  /** Reads wait for tokens, not for a slot: come back when the refill has put one back. */
  private schedule(state: SubscriptionState): void {
    if (state.timer !== undefined || state.waiting.length === 0) return;
    if (state.inFlight >= this.options.perSubscription) return; // a finishing read pumps
    this.refill(state);
    const short = this.reserve + 1 - state.tokens;
    const delayMs = Math.max(1, Math.ceil((short / this.refillPerSecond) * 1000));
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.pump(state);
    }, delayMs);
  }
}
