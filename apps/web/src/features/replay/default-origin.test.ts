import { describe, expect, it } from 'vitest';
import { defaultReplayChoice } from './default-origin';

// Noon local time, so the calendar days do not depend on the zone the test runs in.
const now = new Date(2026, 11, 6, 12, 0);
const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12, 0).toISOString();

describe('the calls the replay screen starts with', () => {
  it('is the live week when there are live calls in it', () => {
    expect(defaultReplayChoice({ live: at(2026, 12, 5), historical: at(2024, 3, 10), simulated: at(2026, 12, 6) }, now))
      .toEqual({ origin: 'live', first: '2026-11-30', last: '2026-12-06' });
  });

  it('on a fresh demo world (no live calls) is the origin with the most recent calls, over the week ending on its newest', () => {
    expect(defaultReplayChoice({ live: null, historical: at(2024, 3, 10), simulated: at(2026, 12, 4) }, now))
      .toEqual({ origin: 'simulated', first: '2026-11-28', last: '2026-12-04' });
    // Only an imported history (the SF week): its week, not today's.
    expect(defaultReplayChoice({ live: null, historical: at(2024, 3, 10), simulated: null }, now))
      .toEqual({ origin: 'historical', first: '2024-03-04', last: '2024-03-10' });
    // Live calls, but none this week: the more recent origin wins.
    expect(defaultReplayChoice({ live: at(2026, 10, 1), historical: at(2026, 11, 20), simulated: null }, now))
      .toEqual({ origin: 'historical', first: '2026-11-14', last: '2026-11-20' });
  });

  it('with no calls at all stays on the live week', () => {
    expect(defaultReplayChoice({ live: null, historical: null, simulated: null }, now)).toEqual({ origin: 'live', first: '2026-11-30', last: '2026-12-06' });
  });
});
