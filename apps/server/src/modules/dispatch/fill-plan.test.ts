import type { Recommendation, ResponsePlan } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { cardLeft, fillPlan, orderForIncident, shortfallOf } from './fill-plan.js';

const unit = (unitId: string, kind: Recommendation['kind'], etaSeconds: number | null): Omit<Recommendation, 'planSlot'> => ({
  unitId, callSign: unitId, kind, status: 'available', jurisdictionPath: 'li.oberland.schaan', etaSeconds, arrivesAt: null, positionSource: 'home', makesTiers: [], mutualAid: null,
});
const plan = (tiers: ResponsePlan['tiers']): ResponsePlan => ({
  id: '01900000-0000-7000-8000-000000000001', jurisdictionId: '01900000-0000-7000-8000-000000000002', jurisdictionPath: 'li', incidentType: 'fire', priority: 'P1', tiers, version: 1, updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('fillPlan', () => {
  it('gives the fastest unit of a kind to the earliest tier, whatever order the tiers are listed in', () => {
    const ranked = [unit('p1', 'patrol_car', 30), unit('e1', 'fire_engine', 40), unit('p2', 'patrol_car', 50), unit('e2', 'fire_engine', 90)];
    const { items, unfilled } = fillPlan(ranked, plan([
      { tier: 3, slots: [{ kind: 'fire_engine', units: 2 }] },
      { tier: 1, slots: [{ kind: 'patrol_car', units: 1 }, { kind: 'fire_engine', units: 1 }] },
    ]));
    expect(items.map((i) => [i.unitId, i.planSlot?.tier ?? null])).toEqual([['p1', 1], ['e1', 1], ['p2', null], ['e2', 3]]);
    expect(unfilled).toEqual([{ tier: 3, kind: 'fire_engine', missing: 1 }]);
  });

  it('never fills a slot with a unit out of reach, and marks nothing without a plan', () => {
    const ranked = [unit('a', 'ambulance', null)];
    expect(fillPlan(ranked, plan([{ tier: 1, slots: [{ kind: 'ambulance', units: 1 }] }]))).toEqual({
      items: [{ ...ranked[0], planSlot: null }], unfilled: [{ tier: 1, kind: 'ambulance', missing: 1 }],
    });
    expect(fillPlan(ranked, null)).toEqual({ items: [{ ...ranked[0], planSlot: null }], unfilled: [] });
  });
});

describe('cardLeft', () => {
  it('lets the units already committed take their kind\'s places, earliest tier first', () => {
    const card = plan([{ tier: 3, slots: [{ kind: 'fire_engine', units: 2 }, { kind: 'ladder', units: 1 }] }, { tier: 2, slots: [{ kind: 'fire_engine', units: 1 }] }]);
    expect(cardLeft(card, new Map([['fire_engine', 2], ['ambulance', 1]]))).toEqual({ tiers: [{ tier: 3, slots: [{ kind: 'fire_engine', units: 1 }, { kind: 'ladder', units: 1 }] }] });
    expect(cardLeft(card, new Map([['fire_engine', 5], ['ladder', 1]]))).toEqual({ tiers: [] });
    expect(cardLeft(card, new Map()).tiers).toEqual([...card.tiers].reverse());
  });
});

describe('orderForIncident', () => {
  it("puts the card's units first (earliest tier, the type's essential kind), then the kinds the type needs, then the rest, unreachable last", () => {
    const ranked = [unit('p', 'patrol_car', 30), unit('a', 'ambulance', 40), unit('x', 'other', 45), unit('l', 'ladder', 80), unit('e', 'fire_engine', 200), unit('gone', 'fire_engine', null)];
    const { items } = fillPlan(ranked, plan([{ tier: 3, slots: [{ kind: 'ambulance', units: 1 }, { kind: 'ladder', units: 1 }] }, { tier: 2, slots: [{ kind: 'fire_engine', units: 1 }] }]));
    expect(orderForIncident(items, 'fire').map((i) => i.unitId)).toEqual(['e', 'l', 'a', 'p', 'x', 'gone']);
    // Without any slot, a medical call puts the ambulance before the closer patrol car.
    expect(orderForIncident(fillPlan(ranked, null).items, 'medical').map((i) => i.unitId)).toEqual(['a', 'e', 'p', 'x', 'l', 'gone']);
  });
});

describe('shortfallOf', () => {
  const now = new Date('2026-03-09T10:00:00.000Z');
  const deadlines = new Map([[2, now.getTime() + 180_000], [3, now.getTime() + 300_000]]);
  it('names each slot not filled in time: too far for its tier, none available, none in scope', () => {
    const ranked = [unit('e1', 'fire_engine', 200), unit('e2', 'fire_engine', 250), unit('a', 'ambulance', 60)];
    const card = plan([{ tier: 2, slots: [{ kind: 'fire_engine', units: 1 }, { kind: 'ambulance', units: 1 }] }, { tier: 3, slots: [{ kind: 'fire_engine', units: 3 }, { kind: 'hazmat', units: 1 }] }, { tier: 4, slots: [{ kind: 'ambulance', units: 1 }] }]);
    const { items } = fillPlan(ranked, card);
    expect(shortfallOf({ items, card, kindsInScope: new Set(['fire_engine', 'ambulance']), deadlines, now })).toEqual([
      { tier: 2, kind: 'fire_engine', missing: 1, reason: 'too_far_for_tier_2', fastestEtaSeconds: 200 },
      { tier: 3, kind: 'fire_engine', missing: 2, reason: 'none_available', fastestEtaSeconds: null },
      { tier: 3, kind: 'hazmat', missing: 1, reason: 'none_in_scope', fastestEtaSeconds: null },
      // Tier 4 has no on-scene deadline: an ambulance missing there is simply not available.
      { tier: 4, kind: 'ambulance', missing: 1, reason: 'none_available', fastestEtaSeconds: null },
    ]);
  });
  it('is empty when every slot is filled in time, and without a card', () => {
    const ranked = [unit('e1', 'fire_engine', 100)];
    const card = plan([{ tier: 2, slots: [{ kind: 'fire_engine', units: 1 }] }]);
    expect(shortfallOf({ items: fillPlan(ranked, card).items, card, kindsInScope: new Set(['fire_engine']), deadlines, now })).toEqual([]);
    expect(shortfallOf({ items: fillPlan(ranked, null).items, card: null, kindsInScope: new Set(), deadlines, now })).toEqual([]);
  });
});

describe('slots by capability', () => {
  const caps: Record<string, string[]> = { e1: ['water', 'technical_rescue'], e2: ['water'], r1: ['technical_rescue'], a1: ['als'] };
  const capabilitiesOf = (id: string) => caps[id] ?? [];
  it('fills a capability slot with the fastest unit carrying it, whatever its kind, and a kind+capability slot only with both', () => {
    const ranked = [unit('e2', 'fire_engine', 30), unit('e1', 'fire_engine', 60), unit('r1', 'rescue', 90), unit('a1', 'ambulance', 20)];
    const { items, unfilled } = fillPlan(ranked, plan([
      { tier: 2, slots: [{ capability: 'technical_rescue', units: 1 }, { kind: 'ambulance', capability: 'als', units: 1 }] },
      { tier: 3, slots: [{ capability: 'technical_rescue', units: 2 }, { kind: 'fire_engine', capability: 'technical_rescue', units: 1 }] },
    ]), capabilitiesOf);
    const slot = (id: string) => items.find((i) => i.unitId === id)!.planSlot;
    expect(slot('e1')).toEqual({ tier: 2, kind: 'fire_engine', capability: 'technical_rescue' });
    expect(slot('a1')).toEqual({ tier: 2, kind: 'ambulance', capability: 'als' });
    expect(slot('r1')).toEqual({ tier: 3, kind: 'rescue', capability: 'technical_rescue' });
    expect(slot('e2')).toBeNull(); // carries water only
    expect(unfilled).toEqual([{ tier: 3, kind: null, capability: 'technical_rescue', missing: 1 }, { tier: 3, kind: 'fire_engine', capability: 'technical_rescue', missing: 1 }]);
  });
  it('without capabilities known, a capability slot stays empty; kind slots fill as before', () => {
    const ranked = [unit('e1', 'fire_engine', 60)];
    expect(fillPlan(ranked, plan([{ tier: 2, slots: [{ capability: 'technical_rescue', units: 1 }] }])).unfilled).toEqual([{ tier: 2, kind: null, capability: 'technical_rescue', missing: 1 }]);
  });
  it('counts a committed unit in a capability slot it fits', () => {
    const card = plan([{ tier: 2, slots: [{ kind: 'patrol_car', units: 1 }, { capability: 'technical_rescue', units: 1 }] }]);
    expect(cardLeft(card, [{ kind: 'fire_engine', capabilities: ['technical_rescue'] }])).toEqual({ tiers: [{ tier: 2, slots: [{ kind: 'patrol_car', units: 1 }] }] });
    expect(cardLeft(card, [{ kind: 'fire_engine', capabilities: ['water'] }])).toEqual({ tiers: card.tiers });
  });
  it('names the capability in the shortfall, in scope or not', () => {
    const now = new Date('2026-03-09T10:00:00.000Z');
    const card = plan([{ tier: 2, slots: [{ capability: 'technical_rescue', units: 1 }] }, { tier: 3, slots: [{ capability: 'hazmat', units: 1 }] }]);
    const late = fillPlan([unit('r1', 'rescue', 400)], card, capabilitiesOf).items;
    expect(shortfallOf({ items: late, card, kindsInScope: new Set(['rescue']), slotInScope: (s) => s.capability === 'technical_rescue', deadlines: new Map([[2, now.getTime() + 180_000], [3, now.getTime() + 300_000]]), now })).toEqual([
      { tier: 2, kind: null, capability: 'technical_rescue', missing: 1, reason: 'too_far_for_tier_2', fastestEtaSeconds: 400 },
      { tier: 3, kind: null, capability: 'hazmat', missing: 1, reason: 'none_in_scope', fastestEtaSeconds: null },
    ]);
  });
});
