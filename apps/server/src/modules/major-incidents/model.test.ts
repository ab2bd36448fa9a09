import { DEFAULT_RESPONSE_LEVELS } from '@firebreak/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandPathFor, informPathFor, matchTrafficPoints, nearMetres, nextLook, patrolNear, planTrafficPoints, settleReportUp, sitrepMissed, startReportUp, suggestLevel, tally } from './model.js';

const MIN = 60_000;
const t0 = new Date('2026-06-01T10:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);

describe('major-incident rules', () => {
  it('suggests the gravest level whose casualty threshold is reached', () => {
    expect([0, 9, 10, 29, 30, 99, 100, 5000].map((n) => suggestLevel(n, DEFAULT_RESPONSE_LEVELS))).toEqual(['IV', 'IV', 'III', 'III', 'II', 'II', 'I', 'I']);
    fc.assert(fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
      const order = ['I', 'II', 'III', 'IV'];
      // More casualties never suggest a lesser level.
      return a <= b ? order.indexOf(suggestLevel(b, DEFAULT_RESPONSE_LEVELS)) <= order.indexOf(suggestLevel(a, DEFAULT_RESPONSE_LEVELS)) : true;
    }));
  });

  it('commands from the ancestor at the level depth (never deeper than the place) and informs the level above', () => {
    expect(commandPathFor('li.oberland.vaduz', 1)).toBe('li');
    expect(commandPathFor('li.oberland.vaduz', 2)).toBe('li.oberland');
    expect(commandPathFor('li.oberland.vaduz', 3)).toBe('li.oberland.vaduz');
    expect(commandPathFor('li.oberland', 3)).toBe('li.oberland');
    expect(commandPathFor('li.oberland.vaduz.station_1', null)).toBe('li.oberland.vaduz.station_1');
    expect(informPathFor('li.oberland.vaduz')).toBe('li.oberland');
    expect(informPathFor('li')).toBe('li');
  });

  it('sums sector counts into the tally', () => {
    expect(tally([{ immediate: 1, delayed: 2, minor: 3, deceased: 4 }, { immediate: 10, delayed: 0, minor: 0, deceased: 1 }]))
      .toEqual({ immediate: 11, delayed: 2, minor: 3, deceased: 5, total: 21 });
    expect(tally([]).total).toBe(0);
  });

  it('meets the first report by any report in time and the written one only by a written report; a settled clock never changes', () => {
    const clock = startReportUp({ first: 30, written: 60 }, t0);
    expect(clock.map((c) => c.deadlineAt)).toEqual([at(30).toISOString(), at(60).toISOString()]);
    const a = settleReportUp(clock, [{ kind: 'written', at: at(20) }], at(20));
    expect(a.clock.map((c) => c.metAt)).toEqual([at(20).toISOString(), at(20).toISOString()]);
    const b = settleReportUp(clock, [{ kind: 'first', at: at(20) }], at(20));
    expect(b.clock.map((c) => c.metAt)).toEqual([at(20).toISOString(), null]);
    expect(b.settled.map((s) => s.outcome)).toEqual(['met']);
    const c = settleReportUp(b.clock, [], at(61));
    expect(c.settled).toEqual([{ clock: expect.objectContaining({ kind: 'written', missedAt: at(60).toISOString() }), outcome: 'missed' }]);
    const d = settleReportUp(c.clock, [{ kind: 'written', at: at(70) }], at(70));
    expect(d.settled).toEqual([]);
    expect(d.clock).toEqual(c.clock);
  });

  it('looks next at the earliest open deadline; a SITREP miss is escalated once per due time', () => {
    const clock = startReportUp({ first: 30, written: 60 }, t0);
    expect(nextLook(clock, at(15), null)).toEqual(at(15));
    expect(nextLook(clock, at(45), null)).toEqual(at(30));
    expect(nextLook(clock, at(15), at(15))).toEqual(at(30));
    const settled = settleReportUp(clock, [{ kind: 'written', at: at(1) }], at(1)).clock;
    expect(nextLook(settled, at(15), at(15))).toBeNull();
    expect(sitrepMissed(at(30), null, at(29))).toBe(false);
    expect(sitrepMissed(at(30), null, at(31))).toBe(true);
    expect(sitrepMissed(at(30), at(30), at(31))).toBe(false);
    expect(sitrepMissed(at(60), at(30), at(61))).toBe(true);
    expect(sitrepMissed(null, null, at(61))).toBe(false);
  });
});

describe('traffic control points', () => {
  const scene: [number, number] = [9.52, 47.14];
  /** A point `north` and `east` metres from the scene. */
  const off = (north: number, east: number) => ({ lon: scene[0] + east / (111_320 * Math.cos(scene[1] * Math.PI / 180)), lat: scene[1] + north / 110_574 });

  it('merges crossings closer than 50 m, skips those a patrol cannot hold, and names the rest clockwise from north', () => {
    const plan = planTrafficPoints([
      { ...off(0, -400), holdable: true }, // W
      { ...off(400, 0), holdable: true }, // N
      { ...off(420, 10), holdable: true }, // N again, 22 m away: one junction
      { ...off(-400, 0), holdable: false }, // S: a service road
      { ...off(0, 400), holdable: true }, // E
    ], scene);
    expect(plan.map((p) => [p.name, p.roads])).toEqual([['TCP 1 (N)', 2], ['TCP 2 (E)', 1], ['TCP 3 (W)', 1]]);
    expect(nearMetres([plan[0]!.lon, plan[0]!.lat], [off(410, 5).lon, off(410, 5).lat])).toBeLessThan(1);
  });

  it('never leaves two points closer than the merge distance to the first crossing of one, and loses no holdable crossing', () => {
    fc.assert(fc.property(fc.array(fc.record({ n: fc.integer({ min: -800, max: 800 }), e: fc.integer({ min: -800, max: 800 }), holdable: fc.boolean() }), { maxLength: 40 }), (cs) => {
      const crossings = cs.map((c) => ({ ...off(c.n, c.e), holdable: c.holdable }));
      const plan = planTrafficPoints(crossings, scene);
      expect(plan.reduce((n, p) => n + p.roads, 0)).toBe(crossings.filter((c) => c.holdable).length);
      expect(new Set(plan.map((p) => p.name)).size).toBe(plan.length);
    }));
  });

  it('keeps an existing point where a new one lies within 25 m, and ends the others', () => {
    const old = [{ id: 'a', location: [off(400, 0).lon, off(400, 0).lat] as const }, { id: 'b', location: [off(0, 400).lon, off(0, 400).lat] as const }];
    const next = planTrafficPoints([{ ...off(410, 0), holdable: true }, { ...off(0, -400), holdable: true }], scene);
    const { kept, ended } = matchTrafficPoints(old, next);
    expect([...kept.entries()].map(([i, o]) => [next[i]!.name, o.id])).toEqual([['TCP 1 (N)', 'a']]);
    expect(ended.map((o) => o.id)).toEqual(['b']);
  });
});

describe('patrolNear: who is offered a traffic control point', () => {
  const major = { id: 'm1', commandPath: 'li.oberland' };
  it('offers to patrols of the commanding jurisdiction or below, and to patrols working in its sectors', () => {
    expect(patrolNear({ kind: 'patrol_car', jurisdictionPath: 'li.oberland.vaduz', sectorMajorId: null }, major)).toBe(true);
    expect(patrolNear({ kind: 'foot_patrol', jurisdictionPath: 'li.oberland', sectorMajorId: null }, major)).toBe(true);
    expect(patrolNear({ kind: 'patrol_car', jurisdictionPath: 'li.oberlandx', sectorMajorId: null }, major)).toBe(false);
    expect(patrolNear({ kind: 'patrol_car', jurisdictionPath: 'li.unterland.eschen', sectorMajorId: null }, major)).toBe(false);
    expect(patrolNear({ kind: 'patrol_car', jurisdictionPath: 'li.unterland.eschen', sectorMajorId: 'm1' }, major)).toBe(true);
    expect(patrolNear({ kind: 'patrol_car', jurisdictionPath: 'li.unterland.eschen', sectorMajorId: 'm2' }, major)).toBe(false);
  });
  it('never offers to a unit that is not a patrol', () => {
    expect(patrolNear({ kind: 'engine', jurisdictionPath: 'li.oberland.vaduz', sectorMajorId: 'm1' }, major)).toBe(false);
  });
});
