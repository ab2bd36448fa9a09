import type { ResponsePlan } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { draftFromPlan, nextTierNumber, placedPlanErrors, planBody, planErrorPlace, planSource, type TierDraft } from './plan-form';

const OBERLAND = '0190a000-0000-7000-8000-000000000001';
const VADUZ = '0190a000-0000-7000-8000-000000000002';

const plan = (jurisdictionId: string, jurisdictionPath: string, tiers: ResponsePlan['tiers']): ResponsePlan => ({
  id: '0190a000-0000-7000-8000-0000000000aa', jurisdictionId, jurisdictionPath, incidentType: 'fire', priority: 'P1', tiers, version: 3, updatedAt: '2026-11-01T10:00:00.000Z',
});

describe('where the plan in force comes from', () => {
  it('is the jurisdiction itself when the plan is its own', () => {
    expect(planSource(VADUZ, plan(VADUZ, 'li.oberland.vaduz', []))).toEqual({ kind: 'own' });
  });
  it('names the ancestor it is inherited from', () => {
    expect(planSource(VADUZ, plan(OBERLAND, 'li.oberland', []))).toEqual({ kind: 'inherited', jurisdictionId: OBERLAND, jurisdictionPath: 'li.oberland' });
  });
  it('is the default when no plan is set on the path', () => {
    expect(planSource(VADUZ, null)).toEqual({ kind: 'default' });
  });
});

describe('run card form', () => {
  it('starts from the plan in force, tiers in order, or one empty row', () => {
    const tiers = draftFromPlan(plan(OBERLAND, 'li.oberland', [
      { tier: 3, slots: [{ kind: 'fire_engine', units: 3 }] },
      { tier: 1, slots: [{ kind: 'patrol_car', units: 1 }, { kind: 'ambulance', units: 2 }] },
    ]));
    expect(tiers).toEqual([
      { tier: 1, slots: [{ kind: 'patrol_car', units: 1 }, { kind: 'ambulance', units: 2 }] },
      { tier: 3, slots: [{ kind: 'fire_engine', units: 3 }] },
    ]);
    expect(draftFromPlan(null)).toEqual([{ tier: 1, slots: [{ kind: null, units: 1 }] }]);
  });

  it('numbers a new tier one past the highest, up to 10', () => {
    expect(nextTierNumber([{ tier: 1, slots: [] }, { tier: 3, slots: [] }])).toBe(4);
    expect(nextTierNumber([])).toBe(1);
    expect(nextTierNumber([{ tier: 10, slots: [] }])).toBeNull();
  });

  it('builds the PUT body from the rows', () => {
    const tiers: TierDraft[] = [
      { tier: 1, slots: [{ kind: 'patrol_car', units: 1 }] },
      { tier: 2, slots: [{ kind: 'fire_engine', units: 2 }, { kind: 'ladder', units: 1 }] },
    ];
    expect(planBody({ jurisdictionId: VADUZ, incidentType: 'fire', priority: 'P2', tiers })).toEqual({
      problems: null,
      body: { jurisdictionId: VADUZ, incidentType: 'fire', priority: 'P2', tiers: [
        { tier: 1, slots: [{ kind: 'patrol_car', units: 1 }] },
        { tier: 2, slots: [{ kind: 'fire_engine', units: 2 }, { kind: 'ladder', units: 1 }] },
      ] },
    });
  });

  it('names each bad row by the path the server would use', () => {
    const tiers: TierDraft[] = [
      { tier: 1, slots: [{ kind: null, units: 1 }, { kind: 'ladder', units: '' }] },
      { tier: 2, slots: [{ kind: 'ambulance', units: 51 }, { kind: 'ambulance', units: 1.5 }] },
      { tier: 3, slots: [] },
    ];
    expect(planBody({ jurisdictionId: VADUZ, incidentType: 'fire', priority: 'P1', tiers })).toEqual({
      body: null,
      problems: {
        'tiers.0.slots.0.kind': 'settings.required',
        'tiers.0.slots.1.units': 'settings.plans.unitsRange',
        'tiers.1.slots.0.units': 'settings.plans.unitsRange',
        'tiers.1.slots.1.kind': 'settings.plans.duplicateKind',
        'tiers.1.slots.1.units': 'settings.plans.unitsRange',
        'tiers.2.slots': 'settings.plans.noSlots',
      },
    });
    expect(planBody({ jurisdictionId: VADUZ, incidentType: 'fire', priority: 'P1', tiers: [] }).problems).toEqual({ tiers: 'settings.plans.noTiers' });
  });
});

describe("placing the server's field errors", () => {
  it('puts an input error under the input, other tier errors under the tier, list errors above the tiers', () => {
    expect(planErrorPlace('body.tiers.1.slots.0.units')).toBe('tiers.1.slots.0.units');
    expect(planErrorPlace('body.tiers.1.slots.0.kind')).toBe('tiers.1.slots.0.kind');
    expect(planErrorPlace('body.tiers.1.slots')).toBe('tiers.1.slots');
    expect(planErrorPlace('body.tiers.1.tier')).toBe('tiers.1.slots');
    expect(planErrorPlace('body.tiers')).toBe('tiers');
    expect(planErrorPlace('body.jurisdictionId')).toBeNull();
  });

  it('keeps the first message per place and lists the rest for the general alert', () => {
    expect(placedPlanErrors([
      { path: 'body.tiers', message: 'each unit kind at most once per tier' },
      { path: 'body.tiers', message: 'second' },
      { path: 'body.jurisdictionId', message: 'no such jurisdiction in your scope' },
    ])).toEqual({ placed: { tiers: 'each unit kind at most once per tier' }, unplaced: ['body.jurisdictionId: no such jurisdiction in your scope'] });
    expect(placedPlanErrors(undefined)).toEqual({ placed: {}, unplaced: [] });
  });
});
