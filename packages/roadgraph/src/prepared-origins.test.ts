import { beforeAll, describe, expect, it } from 'vitest';
import { PreparedOrigins } from './prepared-origins.js';
import { RoadGraph } from './road-graph.js';
import type { Snapped } from './snap.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import { seededRandom } from './testing/factories.js';
import { placesNearMainJunctions } from './testing/places.js';
import { manyToOne, type CutoffOptions } from './travel-times.js';

/**
 * The prepared query against a many-to-one over the same points: the same exact flags and, where
 * exact, the same times; where not (a lower bound ranking the unit after the `nearest`), at most
 * the many-to-one's bound (its node-based cost) and at least the k-th exact time. Returns how many
 * bounds were below the node-based cost: moved units whose cost was never worked out (their
 * crow-flies bound, on the potentials' path).
 */
function sameUpToBounds(got: Float64Array, exact: Uint8Array, want: Float64Array, wantExact: Uint8Array, nearest = Infinity): number {
  expect(Array.from(exact)).toEqual(Array.from(wantExact));
  const timed = Array.from(got).filter((t, i) => exact[i] === 1 && Number.isFinite(t)).sort((a, b) => a - b);
  const kth = timed[Math.min(nearest, timed.length) - 1] ?? -Infinity;
  let below = 0;
  got.forEach((t, i) => {
    if (exact[i] === 1) return void expect(t).toBe(want[i]);
    expect(t).toBeLessThanOrEqual(want[i]!);
    expect(t).toBeGreaterThanOrEqual(kth);
    if (t < want[i]!) below++;
  });
  return below;
}

describe('PreparedOrigins with extra points (units moved since the fleet was prepared)', () => {
  let graph: RoadGraph;
  let plain: RoadGraph;
  beforeAll(async () => {
    const data = await extract(BALTIMORE_PBF);
    graph = new RoadGraph(data, 'emergency', { turnCosts: true });
    graph.buildHierarchy();
    plain = new RoadGraph(data, 'emergency', {}, graph);
    plain.attachHierarchy(graph.hierarchy!);
  });

  const places = (seed: number, count: number): Snapped[] => placesNearMainJunctions(graph, count, seed);

  it('times origins and extra points as one many-to-one over all of them, by PHAST and by the potentials, with the same exact flags', () => {
    const origins = places(21, 80);
    let compared = 0, bounds = 0, crowFlies = 0;
    for (const phastMaxNodes of [Infinity, 0]) {
      for (const [d, destination] of places(22, 8).entries()) {
        const extra = places(100 + d, d % 4 === 0 ? 0 : 5 * d);
        const all = [...origins, ...extra];
        const opts: CutoffOptions = { cutoff: [900, 3600][d % 2]!, ...(d % 3 === 2 ? {} : { nearest: [1, 25][d % 3]! }) };
        const exact = new Uint8Array(all.length).fill(9);
        const prepared = new PreparedOrigins(graph, origins, phastMaxNodes);
        const got = prepared.manyToOne(destination, { ...opts, exact }, extra);
        const wantExact = new Uint8Array(all.length);
        const want = manyToOne(graph, all, destination, { ...opts, engine: 'ch', exact: wantExact });
        crowFlies += sameUpToBounds(got, exact, want, wantExact, opts.nearest);
        // Against every origin refined: a time flagged exact is the turn-aware time, the others lower bounds.
        const full = manyToOne(graph, all, destination, { cutoff: opts.cutoff!, engine: 'dijkstra' });
        got.forEach((t, i) => {
          if (exact[i] === 1) expect(t).toBe(full[i]);
          else {
            expect(t).toBeLessThanOrEqual(full[i]!);
            bounds++;
          }
        });
        compared += got.filter(Number.isFinite).length;
        // Without turn costs, extras included, every time is the node-based one and exact.
        const plainExact = new Uint8Array(all.length);
        const node = new PreparedOrigins(plain, origins, phastMaxNodes).manyToOne(destination, { cutoff: opts.cutoff!, exact: plainExact }, extra);
        expect(Array.from(node)).toEqual(Array.from(manyToOne(plain, all, destination, { cutoff: opts.cutoff!, engine: 'dijkstra' })));
        expect(plainExact.every((e) => e === 1)).toBe(true);
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(bounds).toBeGreaterThan(0);
    // The potentials' path left some moved units at their crow-flies bound (never worked out).
    expect(crowFlies).toBeGreaterThan(0);
  });

  it('with `wanted`, times only those origins: the same times and exact flags as a many-to-one over them alone (nearest counts them only)', () => {
    const origins = places(41, 60);
    let refinedBeyond = 0;
    for (const phastMaxNodes of [Infinity, 0]) {
      for (const [d, destination] of places(42, 6).entries()) {
        const extra = places(200 + d, 4);
        const all = [...origins, ...extra];
        const random = seededRandom(300 + d);
        // The nearest origins are the unwanted ones half the time: the case of busy units by the scene.
        const wanted = Uint8Array.from(all, () => (random() < 0.5 ? 1 : 0));
        const indexes = all.flatMap((_, i) => (wanted[i] === 1 ? [i] : []));
        const opts = { cutoff: 3600, nearest: 3 };
        const exact = new Uint8Array(all.length).fill(9);
        const got = new PreparedOrigins(graph, origins, phastMaxNodes).manyToOne(destination, { ...opts, exact, wanted }, extra);
        const wantExact = new Uint8Array(indexes.length);
        const want = manyToOne(graph, indexes.map((i) => all[i]!), destination, { ...opts, engine: 'ch', exact: wantExact });
        all.forEach((_, i) => {
          if (wanted[i] !== 1) expect(got[i]).toBe(Infinity);
        });
        sameUpToBounds(Float64Array.from(indexes, (i) => got[i]!), Uint8Array.from(indexes, (i) => exact[i]!), want, wantExact, opts.nearest);
        // Unwanted origins nearer than the wanted ones' 3rd would have taken its places.
        const everyone = manyToOne(graph, all, destination, { ...opts, engine: 'ch', exact: new Uint8Array(all.length) });
        refinedBeyond += indexes.filter((i, k) => wantExact[k] === 1 && everyone[i]! < got[i]!).length;
      }
    }
    expect(refinedBeyond).toBeGreaterThan(0);
  });
});

describe('PreparedOrigins.prepareInSteps (the fleet view builds its sweep between requests)', () => {
  it('yields between slices and answers as the sweep built in one piece', async () => {
    const data = await extract(BALTIMORE_PBF);
    const graph = new RoadGraph(data, 'car');
    graph.buildHierarchy();
    const random = seededRandom(31);
    const pick = () => {
      const v = Math.floor(random() * graph.graphNodeCount);
      return graph.snapper.snap([graph.data.nodeLon[v]!, graph.data.nodeLat[v]!]);
    };
    const origins = Array.from({ length: 300 }, pick);
    const stepwise = new PreparedOrigins(graph, origins);
    let yields = 0;
    for (const steps = stepwise.prepareInSteps(); !steps.next().done; ) yields++;
    expect(yields).toBeGreaterThan(0);
    // Against a full PHAST sweep (no restriction to the origins' nodes).
    let finite = 0;
    for (let d = 0; d < 10; d++) {
      const destination = pick();
      const got = Array.from(stepwise.manyToOne(destination, { cutoff: 3600 }));
      expect(got).toEqual(Array.from(manyToOne(graph, origins, destination, { cutoff: 3600, engine: 'ch' })));
      finite += got.filter(Number.isFinite).length;
    }
    expect(finite).toBeGreaterThan(1000);
  });
});
