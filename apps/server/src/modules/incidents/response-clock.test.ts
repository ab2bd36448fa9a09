import { DEFAULT_RESPONSE_TIERS } from '@firebreak/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDeadline, settle, startClock, type Progress } from './response-clock.js';

const call = new Date('2026-03-01T10:00:00Z');
const at = (seconds: number) => new Date(call.getTime() + seconds * 1000);

describe('the 1-3-5 response clock', () => {
  it('runs each deadline from the call', () => {
    expect(startClock(DEFAULT_RESPONSE_TIERS, call).map((t) => t.deadlineAt)).toEqual([at(60), at(180), at(300)].map((d) => d.toISOString()));
  });

  it('meets tier 1 on an acknowledgement, tier 2 on the first arrival and tier 3 on the second', () => {
    let clock = startClock(DEFAULT_RESPONSE_TIERS, call);
    const progress: Progress[] = [{ respondedAt: at(40), onSceneAt: null }];
    let r = settle(clock, progress, at(41));
    expect(r.settled.map((s) => [s.tier.tier, s.outcome])).toEqual([[1, 'met']]);
    clock = r.clock;
    progress[0] = { respondedAt: at(40), onSceneAt: at(170) };
    progress.push({ respondedAt: at(100), onSceneAt: at(290) });
    r = settle(clock, progress, at(290));
    expect(r.settled.map((s) => [s.tier.tier, s.outcome, s.tier.metAt])).toEqual([[2, 'met', at(170).toISOString()], [3, 'met', at(290).toISOString()]]);
    expect(nextDeadline(r.clock)).toBeNull();
  });

  it('misses a tier once its deadline passes, and an arrival after it does not turn it into met', () => {
    const clock = startClock(DEFAULT_RESPONSE_TIERS, call);
    const r = settle(clock, [], at(61));
    expect(r.settled).toEqual([expect.objectContaining({ outcome: 'missed', tier: expect.objectContaining({ tier: 1, missedAt: at(60).toISOString() }) })]);
    expect(nextDeadline(r.clock)).toEqual(at(180));
    const late = settle(r.clock, [{ respondedAt: at(70), onSceneAt: at(200) }], at(200));
    expect(late.settled.map((s) => [s.tier.tier, s.outcome])).toEqual([[2, 'missed']]);
    expect(late.clock[0]!.missedAt).toBe(at(60).toISOString());
  });

  it('settles each tier exactly once, met iff its n-th unit reached the requirement by the deadline (property)', () => {
    const progress = fc.array(
      fc.record({ respondedAt: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }), onSceneAt: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }) }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(progress, fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 6 }), (units, nows) => {
        let clock = startClock(DEFAULT_RESPONSE_TIERS, call);
        const outcomes = new Map<number, string>();
        for (const now of [...nows].sort((a, b) => a - b)) {
          // Only what has happened by `now` is known then.
          const known = units.map((u) => ({
            respondedAt: u.respondedAt !== null && u.respondedAt <= now ? at(u.respondedAt) : null,
            onSceneAt: u.onSceneAt !== null && u.onSceneAt <= now ? at(u.onSceneAt) : null,
          }));
          const r = settle(clock, known, at(now));
          for (const s of r.settled) {
            expect(outcomes.has(s.tier.tier)).toBe(false);
            outcomes.set(s.tier.tier, s.outcome);
          }
          clock = r.clock;
        }
        const last = Math.max(...nows);
        for (const t of clock) {
          const times = units
            .map((u) => [u.respondedAt, u.onSceneAt].map((x) => (x !== null && x <= last ? x : null)))
            .map(([responded, onScene]) => (t.requirement === 'on_scene' ? onScene! : Math.min(responded ?? Infinity, onScene ?? Infinity)))
            .filter((x): x is number => x !== null && Number.isFinite(x))
            .sort((a, b) => a - b);
          const nth = times[t.units - 1];
          const met = nth !== undefined && nth <= t.minutes * 60;
          if (met) expect(outcomes.get(t.tier)).toBe('met');
          else if (last > t.minutes * 60 || (nth !== undefined && nth > t.minutes * 60)) expect(outcomes.get(t.tier)).toBe('missed');
          else expect(outcomes.has(t.tier)).toBe(false);
        }
      }),
    );
  });
});
