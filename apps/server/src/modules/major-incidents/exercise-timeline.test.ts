import { describe, expect, it } from 'vitest';
import { dueOffsetsMs, playTimeline, type Timer } from './exercise-timeline.js';

/** A timer whose time only moves when something sleeps (or a step takes time by `spend`). */
function fakeTimer() {
  let now = 1_000_000;
  const timer: Timer = { now: () => now, sleep: async (ms) => { now += ms; } };
  return { timer, spend: (ms: number) => { now += ms; }, at: () => now };
}

describe('the exercise timeline', () => {
  it('schedules steps at their minutes divided by the speed, and all at once at infinite speed', () => {
    const steps = [{ atMinute: 0 }, { atMinute: 1 }, { atMinute: 2.5 }];
    expect(dueOffsetsMs(steps, 1)).toEqual([0, 60_000, 150_000]);
    expect(dueOffsetsMs(steps, 10)).toEqual([0, 6_000, 15_000]);
    expect(dueOffsetsMs(steps, Infinity)).toEqual([0, 0, 0]);
    expect(() => dueOffsetsMs(steps, 0)).toThrow(RangeError);
    expect(() => dueOffsetsMs(steps, Number.NaN)).toThrow(RangeError);
  });

  it('runs each step once its time has come, in order, and a late step at once without skipping', async () => {
    const f = fakeTimer();
    const start = f.at();
    const ranAt: [string, number][] = [];
    const step = (name: string, atMinute: number, takesMs = 0) => ({ atMinute, run: async () => { ranAt.push([name, f.at() - start]); f.spend(takesMs); } });
    // The second step takes 90 s, so the third (due at 1 min) is late and runs at once, at 1.5 min.
    const played = await playTimeline([step('a', 0), step('b', 0, 90_000), step('c', 1), step('d', 2)], null, { speed: 1, timer: f.timer });
    expect(played).toBe(4);
    expect(ranAt).toEqual([['a', 0], ['b', 0], ['c', 90_000], ['d', 120_000]]);
  });

  it('stops before the next step once aborted, keeping what ran', async () => {
    const f = fakeTimer();
    const stop = new AbortController();
    const ran: number[] = [];
    const steps = [0, 1, 2, 3].map((m) => ({ atMinute: m, run: async () => { ran.push(m); if (m === 1) stop.abort(); } }));
    expect(await playTimeline(steps, null, { speed: 1, timer: f.timer, signal: stop.signal })).toBe(2);
    expect(ran).toEqual([0, 1]);
  });
});
