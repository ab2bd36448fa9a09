import { describe, expect, it, vi } from 'vitest';
import { FreshRead } from './actor-cache.js';

/** A read source whose reads finish only when the test says so, numbered in the order they start. */
function manualSource(): { read: FreshRead<number>; started: number; finish(): void } {
  const pending: (() => void)[] = [];
  const s = {
    started: 0,
    read: null as unknown as FreshRead<number>,
    finish: () => pending.shift()!(),
  };
  s.read = new FreshRead(() => {
    const n = ++s.started;
    return new Promise<number>((resolve) => pending.push(() => resolve(n)));
  });
  return s;
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FreshRead', () => {
  it('shares one read among callers that arrive before it starts, and never answers a later caller with an earlier read', async () => {
    const s = manualSource();
    const first = s.read.get();
    // Arrived while read 1 runs: it may reflect a state older than this caller, so they wait for read 2.
    const second = s.read.get();
    const third = s.read.get();
    expect(s.started).toBe(1);
    s.finish();
    expect(await first).toBe(1);
    await tick();
    expect(s.started).toBe(2);
    // Arrived while read 2 runs: read 3.
    const fourth = s.read.get();
    s.finish();
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    await tick();
    s.finish();
    expect(await fourth).toBe(3);
    expect(s.started).toBe(3);
  });

  it('starts afresh after a failed read', async () => {
    let calls = 0;
    const read = new FreshRead(async () => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
      return calls;
    });
    const failed = read.get();
    const after = read.get();
    await expect(failed).rejects.toThrow('connection lost');
    expect(await after).toBe(2);
  });

  it('answers a periodic check with the latest read while it is recent enough, and reads afresh once it is not', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const s = manualSource();
      // Nothing read yet: a fresh read.
      const first = s.read.recent(1000);
      expect(s.started).toBe(1);
      s.finish();
      expect(await first).toBe(1);
      vi.advanceTimersByTime(999);
      expect(await s.read.recent(1000)).toBe(1);
      expect(s.started).toBe(1);
      // A request never takes the recent read.
      const forRequest = s.read.get();
      expect(s.started).toBe(2);
      s.finish();
      expect(await forRequest).toBe(2);
      vi.advanceTimersByTime(1001);
      const stale = s.read.recent(1000);
      expect(s.started).toBe(3);
      s.finish();
      expect(await stale).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
