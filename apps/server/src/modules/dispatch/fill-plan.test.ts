import type { Recommendation, ResponsePlan } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { fillPlan } from './fill-plan.js';

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
