import type { TierStatus } from '@firebreak/contracts';
import type { Recommendation, Recommendations } from '../../api/types';
import { describe, expect, it } from 'vitest';
import { mayBeReassigned, nextSteps, recommendedSet } from './recommended';

const rec = (unitId: string, etaSeconds: number | null, planSlot: Recommendation['planSlot'] = null): Recommendation => ({
  unitId, callSign: unitId, kind: 'patrol_car', status: 'available', jurisdictionPath: 'li', etaSeconds, arrivesAt: null,
  positionSource: 'avl', makesTiers: [], planSlot, mutualAid: null,
});
const tiers = [1, 2].map((units, i) => ({ tier: i + 1, units }) as TierStatus);
const base = { incidentId: 'i', computedAt: '2026-01-01T00:00:00Z', unfilled: [], shortfall: [] };

describe('recommendedSet', () => {
  it('without a plan takes the fastest reachable units up to the largest tier count', () => {
    const r: Recommendations = { ...base, plan: null, card: 'type_default', items: [rec('slow', 300), rec('none', null), rec('fast', 60), rec('mid', 120)] };
    expect(recommendedSet(r, tiers)).toEqual(['fast', 'mid']);
  });
  it('with a plan takes exactly the units that fill its slots', () => {
    const plan = { id: 'p' } as Recommendations['plan'];
    const r: Recommendations = { ...base, plan, card: 'plan', items: [rec('a', 60), rec('b', 90, { tier: 1, kind: 'fire_engine' }), rec('c', 100, { tier: 2, kind: 'ambulance' })] };
    expect(recommendedSet(r, tiers)).toEqual(['b', 'c']);
  });
  it('without a plan takes the units that fill the incident type\'s default card', () => {
    const r: Recommendations = { ...base, plan: null, card: 'type_default', items: [rec('patrol', 30), rec('engine', 200, { tier: 2, kind: 'fire_engine' })] };
    expect(recommendedSet(r, tiers)).toEqual(['engine']);
  });
});

describe('nextSteps', () => {
  it('offers only the steps that can follow', () => {
    expect(nextSteps('on_scene')).toEqual(['clear']);
    expect(nextSteps('cleared')).toEqual([]);
  });
});

describe('mayBeReassigned', () => {
  it('offers reassignment while the unit is sent or on scene, never once the assignment ended', () => {
    expect(['assigned', 'acknowledged', 'en_route', 'on_scene'].every(mayBeReassigned)).toBe(true);
    expect(mayBeReassigned('cleared')).toBe(false);
    expect(mayBeReassigned('cancelled')).toBe(false);
  });
});
