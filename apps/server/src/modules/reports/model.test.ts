import { describe, expect, it } from 'vitest';
import { breakdown, componentsOf, componentStats, pathAtLevel, percentileCont, percentOf, type IncidentFacts, type ResponseFacts } from './model.js';

const T0 = Date.UTC(2026, 2, 16, 6, 0, 0);
const at = (s: number | null) => (s === null ? null : T0 + s * 1000);
const unit = (kind: string, sent: number | null, enRoute: number | null, onScene: number | null): ResponseFacts => ({ kind, dispatchedAt: at(sent), enRouteAt: at(enRoute), onSceneAt: at(onScene) });
const tiers = (...met: (boolean | null)[]) => met.map((m, i) => ({ tier: i + 1, met: m === true, missed: m === false }));
const incident = (over: Partial<IncidentFacts> & { responses: ResponseFacts[] }): IncidentFacts => ({
  receivedAt: T0, priority: 'P1', type: 'fire', jurisdictionPath: 'li.oberland.vaduz', tiers: [], doubtful: false, ...over,
});

describe('percentileCont', () => {
  it('interpolates linearly between closest ranks, as PostgreSQL does', () => {
    expect(percentileCont([20, 30, 40, 60], 0.5)).toBe(35);
    expect(percentileCont([20, 30, 40, 60], 0.9)).toBeCloseTo(54, 9);
    expect(percentileCont([7], 0.9)).toBe(7);
    expect(percentileCont([], 0.5)).toBeNull();
  });
});

describe('componentStats', () => {
  it('rounds percentiles to whole seconds and shares to 0.1 %, counting "within" as at most N', () => {
    // 1033.4 would be the p90 of SF's call-to-arrival: a human reads 1033.
    const s = componentStats([100, 200, 300, 300.5, 1000, 1100], [300, 60]);
    expect(s).toEqual({
      count: 6, p50Seconds: 300, p90Seconds: 1050, inconsistent: 0,
      within: [{ seconds: 300, count: 3, percent: 50 }, { seconds: 60, count: 0, percent: 0 }],
    });
    expect(componentStats([10, 20, 30], [20]).within[0]).toEqual({ seconds: 20, count: 2, percent: 66.7 });
    expect(percentOf(1036, 3563)).toBe(29.1);
  });

  it('leaves out and counts intervals that end before they start; nothing measured is null, not zero', () => {
    expect(componentStats([-5, 40], [60])).toMatchObject({ count: 1, p50Seconds: 40, inconsistent: 1, within: [{ count: 1, percent: 100 }] });
    expect(componentStats([], [60])).toEqual({ count: 0, p50Seconds: null, p90Seconds: null, inconsistent: 0, within: [{ seconds: 60, count: 0, percent: null }] });
  });
});

describe('componentsOf', () => {
  it('takes call processing from the first unit sent, turnout and travel from the first to arrive, total to the first arrival', () => {
    // The engine is sent first but the ambulance, sent later, arrives first.
    const c = componentsOf(T0, [unit('fire_engine', 30, 100, 400), unit('ambulance', 50, 70, 250)]);
    expect(c).toEqual({ callProcessing: 30, turnout: 20, travel: 180, total: 250 });
  });

  it('gives no turnout or travel without an en-route time, and nothing after dispatch when no unit arrived', () => {
    expect(componentsOf(T0, [unit('patrol_car', 20, null, 150)])).toEqual({ callProcessing: 20, turnout: null, travel: null, total: 150 });
    expect(componentsOf(T0, [unit('patrol_car', 60, 90, null)])).toEqual({ callProcessing: 60, turnout: null, travel: null, total: null });
    expect(componentsOf(T0, [])).toEqual({ callProcessing: null, turnout: null, travel: null, total: null });
  });

  it('of two units arriving at the same second, measures the one sent first', () => {
    expect(componentsOf(T0, [unit('ladder', 40, 80, 200), unit('fire_engine', 10, 60, 200)])).toMatchObject({ turnout: 50, travel: 140 });
  });
});

describe('breakdown', () => {
  const A = incident({ priority: 'P1', type: 'fire', jurisdictionPath: 'li.oberland.vaduz', tiers: tiers(true, true, false), responses: [unit('fire_engine', 20, 60, 200), unit('ambulance', 30, 40, 150)] });
  const B = incident({ priority: 'P2', type: 'medical', jurisdictionPath: 'li.oberland.schaan', tiers: tiers(false, false, false), responses: [unit('ambulance', 40, 100, 400)] });
  const C = incident({ priority: 'P1', type: 'fire', jurisdictionPath: 'li.unterland.eschen', tiers: tiers(true, null, null), responses: [unit('fire_engine', 60, 90, 300)] });
  const D = incident({ priority: 'P3', type: 'medical', jurisdictionPath: 'li', tiers: tiers(false, false, false), responses: [] });
  const doubtful = incident({ priority: 'P1', doubtful: true, tiers: tiers(true, true, true), responses: [unit('fire_engine', -3600, -3500, -3400)] });
  const all = [A, B, C, D, doubtful];
  const within = [240, 300];

  it('sums the whole scope once, leaving doubtful times out of every figure and tier but counting them', () => {
    const { overall } = breakdown(all, { by: 'priority', level: 2, within });
    expect(overall).toMatchObject({ key: 'all', incidents: 5, doubtfulTimes: 1, dispatched: 3, arrived: 3 });
    // Call processing 20, 40, 60; total 150 (A's ambulance), 400, 300.
    expect(overall.callProcessing).toMatchObject({ count: 3, p50Seconds: 40, p90Seconds: 56 });
    expect(overall.total).toMatchObject({ count: 3, p50Seconds: 300, p90Seconds: 380, within: [{ seconds: 240, count: 1, percent: 33.3 }, { seconds: 300, count: 2, percent: 66.7 }] });
    // First to arrive: A's ambulance (turnout 10, travel 110), B's ambulance (60, 300), C's engine (30, 210).
    expect(overall.turnout).toMatchObject({ count: 3, p50Seconds: 30 });
    expect(overall.travel).toMatchObject({ count: 3, p50Seconds: 210 });
    expect(overall.tiers).toEqual([
      { tier: 1, met: 2, missed: 2, open: 0, complianceRate: 0.5 },
      { tier: 2, met: 1, missed: 2, open: 1, complianceRate: 0.333 },
      { tier: 3, met: 0, missed: 3, open: 1, complianceRate: 0 },
    ]);
  });

  it('groups by priority in order P1..P4', () => {
    const { groups } = breakdown(all, { by: 'priority', level: 2, within });
    expect(groups.map((g) => [g.key, g.incidents, g.doubtfulTimes, g.total.p50Seconds])).toEqual([['P1', 3, 1, 225], ['P2', 1, 0, 400], ['P3', 1, 0, null]]);
  });

  it('groups by incident type, largest first', () => {
    const { groups } = breakdown([A, B, C, D], { by: 'type', level: 2, within });
    expect(groups.map((g) => [g.key, g.incidents, g.arrived])).toEqual([['fire', 2, 2], ['medical', 2, 1]]);
  });

  it('groups by jurisdiction at a level of the tree; an incident held above that level is its own group', () => {
    const { groups } = breakdown([A, B, C, D], { by: 'jurisdiction', level: 2, within });
    expect(groups.map((g) => [g.key, g.incidents])).toEqual([['li.oberland', 2], ['li', 1], ['li.unterland', 1]]);
    expect(breakdown([A, B, C, D], { by: 'jurisdiction', level: 3, within }).groups.map((g) => g.key)).toEqual(['li', 'li.oberland.schaan', 'li.oberland.vaduz', 'li.unterland.eschen']);
    expect(pathAtLevel('li.oberland.vaduz', 1)).toBe('li');
  });

  it('by unit kind measures each kind by its own first unit, and an incident counts for every kind sent', () => {
    const { groups } = breakdown([A, B, C, D], { by: 'unit_kind', level: 2, within });
    const engine = groups.find((g) => g.key === 'fire_engine')!;
    const ambulance = groups.find((g) => g.key === 'ambulance')!;
    expect(groups.map((g) => g.key).sort()).toEqual(['ambulance', 'fire_engine']);
    // Engines: A sent at 20, on scene 200 (turnout 40, travel 140); C sent 60, on scene 300.
    expect(engine).toMatchObject({ incidents: 2, callProcessing: { count: 2, p50Seconds: 40 }, total: { p50Seconds: 250 }, turnout: { p50Seconds: 35 } });
    // Ambulances: A sent at 30, on scene 150; B sent 40, on scene 400.
    expect(ambulance).toMatchObject({ incidents: 2, callProcessing: { p50Seconds: 35 }, total: { p50Seconds: 275 } });
  });
});
