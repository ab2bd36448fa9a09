import { describe, expect, it } from 'vitest';
import { recordedNotCompared } from './recorded-side';

const calls = (replayed: number, relocated: number) => ({ calls: { replayed, offGraph: 0, doubtful: 0, relocated, relocatedFrom: relocated ? ['sf-week.csv'] : [] } });

describe('the recorded side of a replay', () => {
  it('is left out when every replayed call was relocated from another place', () => {
    expect(recordedNotCompared(calls(3520, 3520))).toBe(true);
  });
  it('is kept for our own calls, partly relocated ones, and an empty replay', () => {
    expect(recordedNotCompared(calls(2, 0))).toBe(false);
    expect(recordedNotCompared(calls(10, 9))).toBe(false);
    expect(recordedNotCompared(calls(0, 0))).toBe(false);
  });
});
