// Reads in flight per subscription within ARM's read budget (read-budget.ts): never more than
// the bucket less the reserve at once, adapted down to what ARM says is left, refilled over
// time, and subscriptions do not wait for each other.
import { describe, expect, it } from 'vitest';
import { ReadBudget } from '../../src/engine/state/read-budget.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('ReadBudget', () => {
  it('starts at most the bucket less the reserve at once, then follows the refill', async () => {
    const budget = new ReadBudget({
      perSubscription: 64,
      bucket: 20,
      reserve: 5,
      refillPerSecond: 100,
    });
    const release = gate();
    let started = 0;
    const runs = Array.from({ length: 40 }, () =>
      budget.run('sub-a', async () => {
        started += 1;
        await release.opened;
      }),
    );
    // Synchronously: the reads that may start have started, the rest wait.
    expect(started).toBe(15);
    expect(budget.inFlight('sub-a')).toBe(15);
    // Another subscription has its own bucket.
    let other = 0;
    await budget.run('sub-b', async () => {
      other += 1;
    });
    expect(other).toBe(1);
    release.open();
    const begun = Date.now();
    await Promise.all(runs);
    expect(started).toBe(40);
    // 25 more reads needed about 25 refilled tokens: at least ~0.2 s at 100 per second.
    expect(Date.now() - begun).toBeGreaterThanOrEqual(150);
  });

  it('believes ARM when it says fewer tokens are left', async () => {
    let clock = 0;
    const budget = new ReadBudget({ perSubscription: 64, reserve: 25, now: () => clock });
    budget.observe('sub-a', 30);
    const release = gate();
    let started = 0;
    const runs = Array.from({ length: 10 }, () =>
      budget.run('sub-a', async () => {
        started += 1;
        await release.opened;
      }),
    );
    await tick();
    // 30 left, 25 kept for others: 5 may start; the rest wait for the refill.
    expect(started).toBe(5);
    clock += 200; // five more tokens
    release.open();
    await Promise.all(runs);
    expect(started).toBe(10);
  });

  it('caps reads in flight per subscription even with tokens to spare', async () => {
    const budget = new ReadBudget({ perSubscription: 3 });
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        budget.run('sub-a', async () => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await tick();
          inFlight -= 1;
        }),
      ),
    );
    expect(most).toBe(3);
  });
});
