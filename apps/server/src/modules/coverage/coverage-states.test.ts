import { PROFILES, RoadGraph } from '@firebreak/roadgraph';
import { describe, expect, it } from 'vitest';
import { graphData } from '../../../../../packages/roadgraph/src/testing/factories.js';
import type { ProfileGraphs } from '../dispatch/index.js';
import { LivePositions } from '../units/index.js';
import { coverageStateFor, MAX_UNIT_SETS } from './coverage-states.js';
import { liveCoverage, type PlaceAt, type UnitAt } from './live-coverage.js';

/** A 6 × 6 grid of two-way streets, 20 s a block. */
function grid(): ProfileGraphs {
  const side = 6, edges = [];
  for (let v = 0; v < side * side; v++) {
    if (v % side < side - 1) edges.push({ source: v, target: v + 1, forwardMs: 20_000, backwardMs: 20_000 });
    if (v + side < side * side) edges.push({ source: v, target: v + side, forwardMs: 20_000, backwardMs: 20_000 });
  }
  const data = graphData(side * side, edges);
  return Object.fromEntries(PROFILES.map((p) => [p, new RoadGraph(data, p)])) as unknown as ProfileGraphs;
}

describe('coverage states per node', () => {
  const graphs = grid();
  const at = (v: number) => ({ lon: graphs.car.data.nodeLon[v]!, lat: graphs.car.data.nodeLat[v]! });
  const places: PlaceAt[] = [0, 5, 14, 30, 35].map((v) => ({ id: `p${v}`, name: `Place ${v}`, category: 'school', jurisdictionPath: 'x', ...at(v) }));

  it('moves a unit on the AVL fix itself: the next answer needs no search for it', () => {
    const live = new LivePositions(60_000);
    const units: UnitAt[] = [{ id: 'u1', callSign: 'A', kind: 'patrol_car', ...at(0) }, { id: 'u2', callSign: 'B', kind: 'patrol_car', ...at(35) }];
    const state = coverageStateFor(live, graphs, [''], ['patrol_car']);
    state.sync(units);
    expect(state.coverage(places).items.find((i) => i.id === 'p0')!.seconds).toBe(0);
    // A fix over the bus moves u1 to the far corner; no sync in between.
    live.apply({ unitId: 'u1', location: [at(5).lon, at(5).lat], at: new Date().toISOString() });
    const moved: UnitAt[] = [{ ...units[0]!, ...at(5) }, units[1]!];
    const got = state.coverage(places);
    expect(got.items.find((i) => i.id === 'p5')!.seconds).toBe(0);
    expect(got.items.map((i) => [i.id, i.seconds, i.nearestUnit?.id])).toEqual(liveCoverage(graphs, moved, places).items.map((i) => [i.id, i.seconds, i.nearestUnit?.id]));
    // The same question again gets the same state back.
    expect(coverageStateFor(live, graphs, [''], ['patrol_car'])).toBe(state);
  });

  it(`keeps at most ${MAX_UNIT_SETS} unit sets, pushing out the one asked least recently`, () => {
    const live = new LivePositions(60_000);
    const sets = Array.from({ length: MAX_UNIT_SETS }, (_, k) => coverageStateFor(live, graphs, [`r${k}`], null));
    // r0 asked again: r1 is now the least recently asked.
    expect(coverageStateFor(live, graphs, ['r0'], null)).toBe(sets[0]);
    coverageStateFor(live, graphs, ['another'], null);
    expect(coverageStateFor(live, graphs, ['r0'], null)).toBe(sets[0]);
    expect(coverageStateFor(live, graphs, [`r${MAX_UNIT_SETS - 1}`], null)).toBe(sets[MAX_UNIT_SETS - 1]);
    expect(coverageStateFor(live, graphs, ['r1'], null)).not.toBe(sets[1]);
    // The same roots in another order, or other kinds, are the same set / another set.
    expect(coverageStateFor(live, graphs, ['x', 'y'], null)).toBe(coverageStateFor(live, graphs, ['y', 'x'], null));
    expect(coverageStateFor(live, graphs, ['r1'], ['patrol_car'])).not.toBe(coverageStateFor(live, graphs, ['r1'], null));
  });
});
