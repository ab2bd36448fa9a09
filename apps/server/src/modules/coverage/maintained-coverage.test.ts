import { COVERAGE_MAX_LISTED, UNIT_KINDS, type UnitKind } from '@firebreak/contracts';
import { PROFILES, RoadGraph } from '@firebreak/roadgraph';
import { arbitraryGraph, graphData, seededRandom } from '../../../../../packages/roadgraph/src/testing/factories.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileGraphs } from '../dispatch/index.js';
import { liveCoverage, type PlaceAt, type UnitAt } from './live-coverage.js';
import { MaintainedCoverage } from './maintained-coverage.js';

type Answer = ReturnType<typeof liveCoverage>;
const SCAN_ABOVE = MaintainedCoverage.scanAbove;

const graphsOf = (data: ReturnType<typeof graphData>): ProfileGraphs => Object.fromEntries(PROFILES.map((p) => [p, new RoadGraph(data, p)])) as unknown as ProfileGraphs;

/** Somewhere on the graph's grid (or, with `far`, kilometres off any road: off the network). */
function pointNear(graph: RoadGraph, node: number, dx: number, far = false): { lon: number; lat: number } {
  const v = node % graph.data.nodeLon.length;
  return { lon: graph.data.nodeLon[v]! + dx * 1e-3 + (far ? 0.5 : 0), lat: graph.data.nodeLat[v]! - dx * 5e-4 };
}

/**
 * The maintained answer against `liveCoverage` (the full computation, the reference): the same
 * counts, shares, order and times; the unit named may differ only where two units tie, and then
 * it is one that gets there in that time.
 */
function expectSame(graphs: ProfileGraphs, units: readonly UnitAt[], places: readonly PlaceAt[], got: Answer): void {
  const ref = liveCoverage(graphs, units, places);
  const { items: refItems, ...refRest } = ref;
  const { items, ...rest } = got;
  expect(rest).toEqual(refRest);
  expect(items.map(({ nearestUnit: _, ...i }) => i)).toEqual(refItems.map(({ nearestUnit: _, ...i }) => i));
  items.forEach((item, k) => {
    expect(item.nearestUnit === null).toBe(refItems[k]!.nearestUnit === null);
    if (item.nearestUnit === null || item.nearestUnit.id === refItems[k]!.nearestUnit!.id) return;
    const unit = units.find((u) => u.id === item.nearestUnit!.id)!;
    const place = places.find((p) => p.id === item.id)!;
    expect(liveCoverage(graphs, [unit], [place]).items[0]!.seconds, `a tie at ${item.name}`).toBe(item.seconds);
  });
}

const unitStep = fc.record({
  op: fc.constantFrom('move', 'move', 'fix', 'commit', 'release'),
  unit: fc.integer({ min: 0, max: 9 }), node: fc.nat(), dx: fc.constantFrom(0, 0.3, 0.5), kind: fc.constantFrom<UnitKind>(...UNIT_KINDS),
});

// The places to read again after changes are found two ways (few changed nodes: the index by node; many: a pass over the places' seeds): both checked.
describe.each([['the index of places by node', 0], ['a pass over the places\' seeds', Infinity]])('maintained live coverage, changes found by %s', (_, scanAbove) => {
  beforeAll(() => { MaintainedCoverage.scanAbove = scanAbove; });
  afterAll(() => { MaintainedCoverage.scanAbove = SCAN_ABOVE; });

  it('gives what a full recompute gives after each unit move, AVL fix, commitment and release (random graphs)', () => {
    const names = ['A school', 'a school', 'Ärzte', 'école', 'B', 'Zeta'];
    fc.assert(fc.property(arbitraryGraph, fc.array(fc.tuple(fc.nat(), fc.constantFrom(0, 0.4), fc.nat(5), fc.boolean()), { minLength: 1, maxLength: 30 }), fc.array(unitStep, { minLength: 1, maxLength: 20 }), ({ nodeCount, edges }, placeSpecs, steps) => {
      const graphs = graphsOf(graphData(nodeCount, edges));
      const places: PlaceAt[] = placeSpecs.map(([node, dx, name, far], i) => ({
        id: `p${String(i).padStart(3, '0')}`, name: names[name]!, category: 'school', jurisdictionPath: 'x', ...pointNear(graphs.car, node, dx, far && i % 5 === 0),
      }));
      const state = new MaintainedCoverage(graphs);
      const at = new Map<number, UnitAt>();
      for (const s of steps) {
        const id = `u${s.unit}`;
        if (s.op === 'commit') at.delete(s.unit);
        else if (s.op === 'fix') {
          // A fix from the bus moves a unit held; the question then finds it done.
          const u = at.get(s.unit);
          if (u) { const to = { ...u, ...pointNear(graphs.car, s.node, s.dx) }; at.set(s.unit, to); state.move(id, to.lon, to.lat); }
        } else at.set(s.unit, { id, callSign: `C${s.unit}`, kind: s.op === 'release' ? at.get(s.unit)?.kind ?? s.kind : s.kind, ...pointNear(graphs.car, s.node, s.dx) });
        const units = [...at.values()];
        state.sync(units);
        expectSame(graphs, units, places, state.coverage(places));
      }
    }), { numRuns: 150 });
  });

  it('still does when places move, are renamed, asked in part or twice, and roads close or slow down (the cached seeds re-read)', () => {
    const names = ['A school', 'a school', 'école', 'B'];
    const change = fc.record({
      op: fc.constantFrom('unit', 'unit', 'commit', 'place', 'rename', 'close', 'close', 'ask'),
      unit: fc.integer({ min: 0, max: 5 }), place: fc.nat(), node: fc.nat(), dx: fc.constantFrom(0, 0.3, 0.5), factor: fc.constantFrom(Infinity, 1.5, 3, 1),
      kind: fc.constantFrom<UnitKind>('patrol_car', 'foot_patrol', 'ladder'), subset: fc.nat(),
    });
    fc.assert(fc.property(arbitraryGraph, fc.integer({ min: 1, max: 12 }), fc.array(change, { minLength: 1, maxLength: 20 }), ({ nodeCount, edges }, placeCount, steps) => {
      const graphs = graphsOf(graphData(nodeCount, edges));
      const places: PlaceAt[] = Array.from({ length: placeCount }, (_, i) => ({
        id: `p${i}`, name: names[i % names.length]!, category: 'school', jurisdictionPath: 'x', ...pointNear(graphs.car, i * 7, i % 2 === 0 ? 0 : 0.4),
      }));
      const state = new MaintainedCoverage(graphs);
      const at = new Map<number, UnitAt>();
      for (const s of steps) {
        const k = s.place % placeCount;
        if (s.op === 'unit') at.set(s.unit, { id: `u${s.unit}`, callSign: `C${s.unit}`, kind: s.kind, ...pointNear(graphs.car, s.node, s.dx) });
        else if (s.op === 'commit') at.delete(s.unit);
        else if (s.op === 'place') places[k] = { ...places[k]!, ...pointNear(graphs.car, s.node, s.dx) };
        else if (s.op === 'rename') places[k] = { ...places[k]!, name: names[s.node % names.length]! };
        else if (s.op === 'close') {
          // Half the time the road a place stands on: its cached seeds' costs change.
          const onPlace = s.node % 2 === 0 ? graphs.car.snapper.trySnap([places[k]!.lon, places[k]!.lat])?.edge : undefined;
          graphs.car.setEdgeFactor(onPlace ?? s.node % graphs.car.edgeCount, s.factor);
        }
        // A question over some of the places (a jurisdiction, a category), one of them asked twice.
        const asked = s.op === 'ask' ? [...places.filter((_, i) => (s.subset >> i) % 2 === 0), places[k]!] : places;
        const units = [...at.values()];
        state.sync(units);
        expectSame(graphs, units, asked, state.coverage(asked));
      }
    }), { numRuns: 300 });
  });
});

describe('maintained live coverage', () => {

  it('lists the worst covered first past the listing limit, as the full sort does, and counts every place', () => {
    const random = seededRandom(16);
    const side = 30;
    const edges = [];
    for (let v = 0; v < side * side; v++) {
      if (v % side < side - 1) edges.push({ source: v, target: v + 1, forwardMs: 5_000 + Math.floor(random() * 20_000), backwardMs: 5_000 + Math.floor(random() * 20_000) });
      if (v + side < side * side) edges.push({ source: v, target: v + side, forwardMs: 5_000 + Math.floor(random() * 20_000), backwardMs: 5_000 + Math.floor(random() * 20_000) });
    }
    const graphs = graphsOf(graphData(side * side, edges));
    const places: PlaceAt[] = Array.from({ length: COVERAGE_MAX_LISTED + 1_500 }, (_, i) => ({
      id: `p${i}`, name: `School ${Math.floor(random() * 50)}`, category: 'school', jurisdictionPath: 'x', ...pointNear(graphs.car, Math.floor(random() * side * side), random() < 0.5 ? 0 : 0.5, i % 97 === 0),
    }));
    const units: UnitAt[] = [0, 455, 899].map((node, k) => ({ id: `u${k}`, callSign: `C${k}`, kind: 'patrol_car', ...pointNear(graphs.car, node, 0) }));
    const state = new MaintainedCoverage(graphs);
    state.sync(units);
    const got = state.coverage(places);
    expect(got.truncated).toBe(true);
    expect(got.items).toHaveLength(COVERAGE_MAX_LISTED);
    expectSame(graphs, units, places, got);
    // A unit committed, another moved: the repair again matches.
    const next = [units[0]!, { ...units[2]!, ...pointNear(graphs.car, 300, 0.5) }];
    state.sync(next);
    expectSame(graphs, next, places, state.coverage(places));
  });
});
