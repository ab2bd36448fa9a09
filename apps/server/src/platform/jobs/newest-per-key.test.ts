import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { NewestPerKey } from './newest-per-key.js';

const silent = pino({ level: 'silent' });

interface Fix { unit: string; n: number }

/** A job whose `handle` records each pass's items, and fails while `failing` is set. */
function job(batchSize: number) {
  const passes: Fix[][] = [];
  const state = { failing: false };
  const pending = new NewestPerKey<Fix>(
    'test',
    (f) => f.unit,
    async (items) => {
      if (state.failing) throw new Error('the database is away');
      passes.push(items);
    },
    { batchSize, pollMs: 60_000, log: silent },
  );
  return { pending, passes, state };
}

describe('the newest item per key', () => {
  it('keeps only the newest item of each key, whatever order they come in', async () => {
    const { pending, passes } = job(10);
    pending.offer({ unit: 'a', n: 2 }, 2);
    pending.offer({ unit: 'a', n: 1 }, 1);
    pending.offer({ unit: 'b', n: 1 }, 1);
    pending.offer({ unit: 'a', n: 3 }, 3);
    pending.offer({ unit: 'b', n: 0 }, 1);
    expect(pending.size).toBe(2);
    expect(await pending.drain()).toBe(2);
    expect(passes).toEqual([[{ unit: 'a', n: 3 }, { unit: 'b', n: 1 }]]);
    expect(pending.size).toBe(0);
  });

  it('takes at most a batch per pass and passes again while batches are full', async () => {
    const { pending, passes } = job(2);
    for (const unit of ['a', 'b', 'c', 'd', 'e']) pending.offer({ unit, n: 1 }, 1);
    expect(await pending.drain()).toBe(5);
    expect(passes.map((p) => p.map((f) => f.unit))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('puts back what a failed pass took, unless a newer item of its key came meanwhile', async () => {
    const { pending, passes, state } = job(10);
    pending.offer({ unit: 'a', n: 1 }, 1);
    pending.offer({ unit: 'b', n: 1 }, 1);
    state.failing = true;
    const failed = pending.drain();
    // Offered while the failing pass runs: newer than what it took for `a`.
    pending.offer({ unit: 'a', n: 2 }, 2);
    expect(await failed).toBe(0);
    state.failing = false;
    expect(await pending.drain()).toBe(2);
    expect(passes).toEqual([[{ unit: 'a', n: 2 }, { unit: 'b', n: 1 }]]);
  });

  it('offers only the items wanted, with their own times, and wakes a pass only when one was', async () => {
    const { pending, passes } = job(10);
    pending.start();
    try {
      pending.offerEach([{ unit: 'a', n: 1 }, { unit: 'b', n: 1 }], [1, 1], () => false);
      expect(pending.size).toBe(0);
      pending.offerEach([{ unit: 'a', n: 1 }, { unit: 'b', n: 1 }, { unit: 'a', n: 2 }], [5, 1, 4], (f) => f.unit === 'a');
      // The kick's pass may have taken it already; a drain waits for it either way.
      await pending.drain();
      expect(passes).toEqual([[{ unit: 'a', n: 1 }]]);
    } finally {
      await pending.stop();
    }
  });
});
