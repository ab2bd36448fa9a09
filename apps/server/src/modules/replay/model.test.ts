import { DEFAULT_RESPONSE_TIERS, type Priority } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { sampleSeconds, sampleTravelFactor } from '../simulation/index.js';
import { callStream, chooseUnits, replay, type Card, type SimCall, type SimUnit } from './model.js';

/**
 * The event loop against figures worked out here from the documented rules: each call's stream
 * gives call processing, then per unit sent turnout, travel factor and on-scene time; on scene =
 * received + call processing + turnout + road time x factor; busy until on scene + time on scene +
 * the drive home.
 */
const always = () => true;
const unit = (callSign: string, kind: SimUnit['kind'] = 'ambulance', onDuty: SimUnit['onDuty'] = always): SimUnit => ({ callSign, kind, capabilities: [], onDuty });
const ambulanceCard: Card = [{ tier: 2, slots: [{ kind: 'ambulance', units: 1 }] }];
const call = (receivedAt: number, priority: Priority = 'P1', onSceneSeconds: number[] = []): SimCall => ({ receivedAt, priority, type: 'medical', jurisdictionPath: 'li', onSceneSeconds });
const T0 = Date.UTC(2026, 0, 5, 8);
const HOUR = 3_600_000;

/** The draws of one call's stream for its first unit, in the order the rules take them. */
function draws(seed: number, c: number, priority: Priority) {
  const r = callStream(seed, c);
  const cp = sampleSeconds(r, 'callProcessing', priority);
  const turnout = sampleSeconds(r, 'turnout', priority);
  const factor = sampleTravelFactor(r);
  const onScene = sampleSeconds(r, 'onScene', priority);
  return { cp, turnout, factor, onScene };
}

describe('chooseUnits', () => {
  const units = [unit('E1', 'fire_engine'), unit('A1', 'ambulance'), unit('A2', 'ambulance'), unit('P1', 'patrol_car')];
  it('fills the card tier by tier with the fastest fitting free unit, else sends the fastest of any kind', () => {
    const card: Card = [{ tier: 3, slots: [{ kind: 'fire_engine', units: 1 }] }, { tier: 2, slots: [{ kind: 'ambulance', units: 1 }] }];
    // Free units fastest first: P1, A2, A1, E1.
    expect(chooseUnits(card, units, [3, 2, 1, 0])).toEqual([2, 0]);
    expect(chooseUnits([{ tier: 2, slots: [{ kind: 'ladder', units: 1 }] }], units, [3, 1])).toEqual([3]);
    expect(chooseUnits(card, units, [])).toEqual([]);
  });
});

describe('replay', () => {
  it('gives the figures the rules give, by hand: three calls, two ambulances, nothing waits', () => {
    const seed = 7;
    const calls = [call(T0), call(T0 + 3 * HOUR, 'P2', [900]), call(T0 + 6 * HOUR, 'P1')];
    // Road seconds from A (near) and B (far) to each call; the third is out of A's reach.
    const etas = [[100, 400], [150, 50], [Infinity, 200]];
    const out = replay({ calls, units: [unit('A'), unit('B')], eta: (c) => etas[c]!, cardOf: () => ambulanceCard, tiers: DEFAULT_RESPONSE_TIERS, seed });
    const expected = calls.map((cl, c) => {
      const d = draws(seed, c, cl.priority);
      const eta = Math.min(...etas[c]!.filter(Number.isFinite));
      const dispatched = cl.receivedAt + 1000 * d.cp;
      return { dispatched, enRoute: dispatched + 1000 * d.turnout, onScene: dispatched + 1000 * (d.turnout + eta * d.factor) };
    });
    expect(out.unanswered).toBe(0);
    expect(out.queued).toBe(0);
    out.facts.forEach((f, c) => {
      expect(f.responses).toHaveLength(1);
      expect(f.responses[0]!.dispatchedAt).toBeCloseTo(expected[c]!.dispatched, 3);
      expect(f.responses[0]!.enRouteAt).toBeCloseTo(expected[c]!.enRoute, 3);
      expect(f.responses[0]!.onSceneAt).toBeCloseTo(expected[c]!.onScene, 3);
      const total = (expected[c]!.onScene - calls[c]!.receivedAt) / 1000;
      const responded = (expected[c]!.dispatched - calls[c]!.receivedAt) / 1000;
      // 1-3-5: tier 1 one unit responded in 60 s, tier 2 one on scene in 180 s, tier 3 two on scene in 300 s (one is sent: missed).
      expect(f.tiers).toEqual([
        { tier: 1, met: responded <= 60, missed: responded > 60 },
        { tier: 2, met: total <= 180, missed: total > 180 },
        { tier: 3, met: false, missed: true },
      ]);
    });
  });

  it('makes the second call wait for the only unit: free at on scene + recorded time on scene + the drive home', () => {
    const seed = 3;
    const calls = [call(T0, 'P1', [600]), call(T0 + 10_000, 'P1')];
    const out = replay({ calls, units: [unit('A')], eta: () => [120], cardOf: () => ambulanceCard, tiers: DEFAULT_RESPONSE_TIERS, seed });
    const first = draws(seed, 0, 'P1');
    const drive = 120 * first.factor;
    const onScene = T0 + 1000 * (first.cp + first.turnout + drive);
    const free = onScene + 1000 * (600 + drive);
    const second = draws(seed, 1, 'P1');
    const dispatched = Math.max(calls[1]!.receivedAt + 1000 * second.cp, free);
    expect(out.queued).toBe(1);
    expect(out.facts[1]!.responses[0]!.dispatchedAt).toBeCloseTo(dispatched, 3);
    expect(out.facts[1]!.responses[0]!.onSceneAt).toBeCloseTo(dispatched + 1000 * (second.turnout + 120 * second.factor), 3);
  });

  it('is the same with the same seed, and another seed draws otherwise', () => {
    const calls = Array.from({ length: 20 }, (_, i) => call(T0 + i * 600_000, i % 2 ? 'P1' : 'P3'));
    const run = (seed: number) => replay({ calls, units: [unit('A'), unit('B')], eta: () => [200, 300], cardOf: () => ambulanceCard, tiers: DEFAULT_RESPONSE_TIERS, seed });
    expect(run(11)).toEqual(run(11));
    expect(run(12).facts[0]!.responses[0]!.onSceneAt).not.toBe(run(11).facts[0]!.responses[0]!.onSceneAt);
  });

  it('sends no unit off duty and none that cannot reach; a call no unit reaches is unanswered', () => {
    const calls = [call(T0), call(T0 + HOUR)];
    const offDuty = unit('N', 'ambulance', () => false);
    const out = replay({ calls, units: [offDuty, unit('A')], eta: (c) => (c === 0 ? [10, 500] : [10, Infinity]), cardOf: () => ambulanceCard, tiers: DEFAULT_RESPONSE_TIERS, seed: 1 });
    const d = draws(1, 0, 'P1');
    expect(out.facts[0]!.responses[0]!.onSceneAt).toBeCloseTo(T0 + 1000 * (d.cp + d.turnout + 500 * d.factor), 3);
    // Call 1: only N reaches it, and N is never on duty: it waits until the replay gives up.
    expect(out.facts[1]!.responses).toEqual([]);
    expect(out.unanswered).toBe(1);
  });
});
