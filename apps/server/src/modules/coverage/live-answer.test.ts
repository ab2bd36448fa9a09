import { coverageWindowOf, type Weekday } from '@firebreak/contracts';
import { PROFILES, RoadGraph } from '@firebreak/roadgraph';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryGraph, graphData } from '../../../../../packages/roadgraph/src/testing/factories.js';
import type { ProfileGraphs } from '../dispatch/index.js';
import type { KeyPlacePoint } from '../places/index.js';
import { liveCoverage } from './live-coverage.js';
import { liveAnswer } from './live-answer.js';
import { MaintainedCoverage } from './maintained-coverage.js';
import { hoursOf, hoursResolver, placesInWindow } from './windows.js';

const graphsOf = (data: ReturnType<typeof graphData>): ProfileGraphs => Object.fromEntries(PROFILES.map((p) => [p, new RoadGraph(data, p)])) as unknown as ProfileGraphs;
const HOURS = [null, 'Mo-Fr 08:00-12:00', 'Sa 10:00-11:00', '24/7', 'not hours at all', 'Mo-Su 07:00-09:00'];
const CATEGORIES = ['school', 'kindergarten', 'fuel'];
const PATHS = ['nation', 'nation.north', 'nation.north.town', 'nation.south'];
const BY_PATH = new Map<string, Readonly<Record<string, string>>>([['nation.north', { school: 'Mo-Fr 09:00-10:00' }], ['nation.south', { fuel: 'Mo-Su 06:00-22:00' }]]);

/** The route before `liveAnswer`: every place wrapped with its hours (`placesInWindow`), then copied into the question. */
function asBefore(state: MaintainedCoverage, places: readonly KeyPlacePoint[], window: ReturnType<typeof coverageWindowOf> | null, closed?: (p: KeyPlacePoint) => boolean) {
  const { counted, outside } = placesInWindow(places, BY_PATH, window, closed);
  return { outsideWindow: outside, ...state.coverage(counted.map((c) => ({ ...c.place, hours: c.hours, hoursSource: c.hoursSource }))) };
}

describe('the coverage route\'s answer without an object per place', () => {
  it('is what wrapping and copying every place gave: counts, shares, list, hours shown (windows, closed days, own and default hours)', () => {
    const place = fc.record({ node: fc.nat(), hours: fc.nat(HOURS.length - 1), category: fc.nat(CATEGORIES.length - 1), path: fc.nat(PATHS.length - 1), shut: fc.boolean() });
    const windowArb = fc.option(fc.record({ from: fc.integer({ min: 0, max: 22 }), days: fc.subarray<Weekday>(['Mo', 'Tu', 'Sa', 'Su'], { minLength: 1 }) }));
    fc.assert(fc.property(arbitraryGraph, fc.array(place, { maxLength: 25 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), windowArb, ({ nodeCount, edges }, specs, unitNodes, w) => {
      const graphs = graphsOf(graphData(nodeCount, edges));
      const at = (node: number) => ({ lon: graphs.car.data.nodeLon[node % nodeCount]!, lat: graphs.car.data.nodeLat[node % nodeCount]! });
      const places: KeyPlacePoint[] = specs.map((s, i) => ({
        id: `p${i}`, name: `Place ${i % 4}`, category: CATEGORIES[s.category]!, jurisdictionPath: PATHS[s.path]!, openingHours: HOURS[s.hours], ...at(s.node),
      }));
      const state = new MaintainedCoverage(graphs);
      state.sync(unitNodes.map((node, k) => ({ id: `u${k}`, callSign: `C${k}`, kind: 'patrol_car', ...at(node) })));
      const window = w === null ? null : coverageWindowOf(`${String(w.from).padStart(2, '0')}:00-${String(w.from + 1).padStart(2, '0')}:30`, w.days);
      // A closed day shuts some places (only asked with a window, as the route does on a date).
      const closed = window === null ? undefined : (p: KeyPlacePoint) => specs[Number(p.id.slice(1))]!.shut;
      expect(liveAnswer(state, places, BY_PATH, window, closed)).toEqual(asBefore(state, places, window, closed));
      // Asked again on the same array (the key-place list's), the open places kept for it give the same answer;
      // so do a keyed closed-day rule, kept too, and other category hours (a new key: judged again).
      expect(liveAnswer(state, places, BY_PATH, window, closed)).toEqual(asBefore(state, places, window, closed));
      if (closed !== undefined) {
        expect(liveAnswer(state, places, BY_PATH, window, { closed, key: 'shut' })).toEqual(asBefore(state, places, window, closed));
        expect(liveAnswer(state, places, BY_PATH, window, { closed, key: 'shut' })).toEqual(asBefore(state, places, window, closed));
      }
      const other = new Map([['nation', { school: 'Sa 10:00-11:00', fuel: 'Mo-Fr 08:00-09:00' }]]);
      const before = placesInWindow(places, other, window);
      const answer = liveAnswer(state, places, other, window);
      expect(answer.outsideWindow).toBe(before.outside);
      expect(answer.places).toBe(before.counted.length);
    }), { numRuns: 200 });
  });

  it('answers a window as the full recompute over the places open in it, after every unit move, on the same (kept) place array', () => {
    const place = fc.record({ node: fc.nat(), hours: fc.nat(HOURS.length - 1), category: fc.nat(CATEGORIES.length - 1), path: fc.nat(PATHS.length - 1) });
    const move = fc.record({ unit: fc.nat(3), node: fc.nat() });
    fc.assert(fc.property(arbitraryGraph, fc.array(place, { minLength: 1, maxLength: 25 }), fc.array(move, { minLength: 1, maxLength: 8 }), fc.integer({ min: 6, max: 20 }), ({ nodeCount, edges }, specs, moves, from) => {
      const graphs = graphsOf(graphData(nodeCount, edges));
      const at = (node: number) => ({ lon: graphs.car.data.nodeLon[node % nodeCount]!, lat: graphs.car.data.nodeLat[node % nodeCount]! });
      const places: KeyPlacePoint[] = specs.map((s, i) => ({
        id: `p${i}`, name: `Place ${i % 4}`, category: CATEGORIES[s.category]!, jurisdictionPath: PATHS[s.path]!, openingHours: HOURS[s.hours], ...at(s.node),
      }));
      const window = coverageWindowOf(`${String(from).padStart(2, '0')}:30-${String(from + 1).padStart(2, '0')}:30`, ['Mo', 'Tu', 'We', 'Th', 'Fr']);
      const units = [0, 1, 2, 3].map((k) => ({ id: `u${k}`, callSign: `C${k}`, kind: 'patrol_car' as const, ...at(k * 5) }));
      const state = new MaintainedCoverage(graphs);
      state.sync(units);
      const { counted, outside } = placesInWindow(places, BY_PATH, window);
      const check = () => {
        const got = liveAnswer(state, places, BY_PATH, window);
        const ref = liveCoverage(graphs, units, counted.map((c) => c.place));
        expect(got.outsideWindow).toBe(outside);
        expect([got.places, got.tiers, got.uncovered]).toEqual([ref.places, ref.tiers, ref.uncovered]);
        expect(got.items.map((i) => [i.id, i.seconds, i.tier])).toEqual(ref.items.map((i) => [i.id, i.seconds, i.tier]));
      };
      check();
      for (const m of moves) {
        units[m.unit] = { ...units[m.unit]!, ...at(m.node) };
        state.move(units[m.unit]!.id, units[m.unit]!.lon, units[m.unit]!.lat);
        check();
      }
    }), { numRuns: 150 });
  });

  it('judges the hours of a window once per place array, window, category hours and closed-day key', () => {
    const data = graphData(2, [{ source: 0, target: 1, forwardMs: 100, backwardMs: 100 }]);
    const graphs = graphsOf(data);
    const at = { lon: graphs.car.data.nodeLon[0]!, lat: graphs.car.data.nodeLat[0]! };
    const places: KeyPlacePoint[] = CATEGORIES.map((category, i) => ({ id: `p${i}`, name: `P${i}`, category, jurisdictionPath: 'nation.north', openingHours: null, ...at }));
    const state = new MaintainedCoverage(graphs);
    state.sync([{ id: 'u', callSign: 'U', kind: 'patrol_car', ...at }]);
    const window = coverageWindowOf('09:00-09:30', ['Mo']);
    let judged = 0;
    const rule = (key: string) => ({ closed: (p: KeyPlacePoint) => { judged++; return p.category === 'fuel'; }, key });
    const first = liveAnswer(state, places, BY_PATH, window, rule('2024-01-08'));
    expect(judged).toBe(places.length);
    expect(liveAnswer(state, places, BY_PATH, window, rule('2024-01-08'))).toEqual(first);
    expect(judged).toBe(places.length);
    // Another date (key), another array (the list read again): judged again.
    liveAnswer(state, places, BY_PATH, window, rule('2024-01-09'));
    expect(judged).toBe(2 * places.length);
    liveAnswer(state, [...places], BY_PATH, window, rule('2024-01-08'));
    expect(judged).toBe(3 * places.length);
    // A rule without a key cannot be told from another: judged every time.
    liveAnswer(state, places, BY_PATH, window, rule('2024-01-08').closed);
    liveAnswer(state, places, BY_PATH, window, rule('2024-01-08').closed);
    expect(judged).toBe(5 * places.length);
  });

  it('gives each place the hours hoursOf gives it, one look-up per jurisdiction and category', () => {
    const resolve = hoursResolver(BY_PATH);
    for (const openingHours of [...HOURS, undefined]) {
      for (const category of CATEGORIES) {
        for (const jurisdictionPath of PATHS) {
          const p = { category, jurisdictionPath, openingHours };
          expect(resolve(p), JSON.stringify(p)).toEqual(hoursOf(p, BY_PATH));
        }
      }
    }
    // Without hours of its own, places of one path and category share the answer worked out once.
    expect(resolve({ category: 'school', jurisdictionPath: 'nation.north.town' })).toBe(resolve({ category: 'school', jurisdictionPath: 'nation.north.town', openingHours: null }));
  });
});
