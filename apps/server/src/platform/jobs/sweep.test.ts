import { describe, expect, it } from 'vitest';
import { drainBatches, every } from './sweep.js';

describe('a sweep', () => {
  it('repeats batches while they come back full and sums their counts', async () => {
    const sizes = [3, 3, 1, 3];
    let calls = 0;
    const total = await drainBatches(async () => {
      const count = sizes[calls++]!;
      return { count, full: count === 3 };
    });
    expect(total).toBe(7);
    expect(calls).toBe(3);
  });

  it('never runs two at once: a tick while the work runs is skipped, and a failure is logged and retried', async () => {
    const errors: string[] = [];
    let inFlight = 0;
    let overlaps = 0;
    let runs = 0;
    const stop = every(5, async () => {
      inFlight++;
      if (inFlight > 1) overlaps++;
      runs++;
      await new Promise((r) => setTimeout(r, 30));
      inFlight--;
      if (runs === 1) throw new Error('first run fails');
    }, { error: (_o, msg) => errors.push(msg) }, 'sweep failed');
    await new Promise((r) => setTimeout(r, 200));
    stop();
    expect(overlaps).toBe(0);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(errors[0]).toBe('sweep failed');
  });
});
