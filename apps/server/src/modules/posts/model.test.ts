import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handOver, holderAt, type Holding } from './model.js';

const T0 = Date.UTC(2026, 0, 1);

describe('post holdings', () => {
  it('answers, for any instant, the last person handed the post before it (property)', () => {
    const step = fc.record({ gapMs: fc.integer({ min: 1, max: 10_000 }), userId: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 15 }), fc.integer({ min: -5_000, max: 200_000 }), (steps, probeMs) => {
        let holdings: Holding[] = [];
        let t = T0;
        const log: { at: number; userId: string | null }[] = [];
        for (const s of steps) {
          t += s.gapMs;
          holdings = handOver(holdings, s.userId, new Date(t));
          log.push({ at: t, userId: s.userId });
        }
        const probe = T0 + probeMs;
        const last = log.filter((l) => l.at <= probe).at(-1);
        expect(holderAt(holdings, new Date(probe))?.userId ?? null).toBe(last?.userId ?? null);
        expect(holdings.filter((h) => h.to === null).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives the post to the new holder at the very instant of the handover', () => {
    const at = new Date(T0 + 1000);
    const h = handOver(handOver([], 'a', new Date(T0)), 'b', at);
    expect(holderAt(h, new Date(T0 + 999))?.userId).toBe('a');
    expect(holderAt(h, at)?.userId).toBe('b');
  });
});
