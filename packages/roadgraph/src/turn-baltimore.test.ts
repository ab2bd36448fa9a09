import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { metresPerDegree } from './geo.js';
import { PreparedOrigins } from './prepared-origins.js';
import { RoadGraph } from './road-graph.js';
import type { Snapped } from './snap.js';
import { BALTIMORE_PBF, extract } from './testing/extracts.js';
import { seededRandom } from './testing/factories.js';
import { manyToOne, oneToMany, type Engine } from './travel-times.js';
import { turnAwarePath, phastBound, warmTurnPaths } from './turn-refine.js';
import { TurnSearch } from './turn-search.js';
import { destinationSeeds } from './endpoints.js';
import type { LonLat } from './types.js';

/** The node's coordinates moved `metres` towards `bearing` (radians from east). */
function nodeAt(graph: RoadGraph, node: number, metres = 0, bearing = 0): LonLat {
  const lon = graph.data.nodeLon[node]!, lat = graph.data.nodeLat[node]!;
  const scale = metresPerDegree(lat);
  return [lon + (metres * Math.cos(bearing)) / scale.x, lat + (metres * Math.sin(bearing)) / scale.y];
}

describe('turn costs on Baltimore', () => {
  let plain: RoadGraph, turns: RoadGraph, zero: RoadGraph, junctions: number[];
  beforeAll(async () => {
    const data = await extract(BALTIMORE_PBF);
    plain = new RoadGraph(data);
    plain.buildHierarchy();
    turns = new RoadGraph(data, 'car', { turnCosts: true });
    turns.attachHierarchy(plain.hierarchy!);
    zero = new RoadGraph(data, 'car', { turnCosts: { turnPenaltySeconds: 0, uTurnSeconds: 0, uTurns: 'anywhere' } });
    zero.attachHierarchy(plain.hierarchy!);
    const main = plain.mainNetwork;
    junctions = [];
    for (let v = 0; v < plain.graphNodeCount; v++) if (main[v] && turns.turnModel!.roadsAt(v) >= 3) junctions.push(v);
  });

  const points = (graph: RoadGraph, seed: number, count: number): Snapped[] => {
    const random = seededRandom(seed);
    return Array.from({ length: count }, () => graph.snapper.snap(nodeAt(graph, junctions[Math.floor(random() * junctions.length)]!, 5 + random() * 60, random() * 7)));
  };

  it('never makes an ETA faster, changes most of them, and equals the plain costs when every turn is free (both engines, prepared fleets)', () => {
    const origins = points(plain, 1, 60);
    let changed = 0, total = 0;
    for (const [i, destination] of points(plain, 2, 12).entries()) {
      const engine: Engine = i % 3 === 0 ? 'dijkstra' : 'ch';
      const base = manyToOne(plain, origins, destination, { engine, cutoff: 1200 });
      const withTurns = manyToOne(turns, origins, destination, { engine, cutoff: 1200 });
      expect(Array.from(manyToOne(zero, origins, destination, { engine, cutoff: 1200 }))).toEqual(Array.from(base));
      expect(Array.from(new PreparedOrigins(turns, origins).manyToOne(destination, { cutoff: 1200 }))).toEqual(Array.from(manyToOne(turns, origins, destination, { cutoff: 1200 })));
      for (let k = 0; k < origins.length; k++) {
        expect(withTurns[k]!).toBeGreaterThanOrEqual(base[k]!);
        if (Number.isFinite(base[k]!)) {
          total++;
          if (withTurns[k]! > base[k]! + 1) changed++;
        }
      }
      // One origin to many destinations: the same costs the other way round.
      const back = oneToMany(turns, destination, origins, { engine, cutoff: 1200 });
      const backBase = oneToMany(plain, destination, origins, { engine, cutoff: 1200 });
      for (let k = 0; k < origins.length; k++) expect(back[k]!).toBeGreaterThanOrEqual(backBase[k]!);
    }
    expect(total).toBeGreaterThan(500);
    expect(changed / total).toBeGreaterThan(0.5);
  });

  it('refining only the k nearest gives those k exactly, and lower bounds for the rest that rank after them', () => {
    const origins = points(turns, 7, 80);
    for (const destination of points(turns, 8, 6)) {
      const full = manyToOne(turns, origins, destination, { cutoff: 900 });
      for (const prepared of [false, true]) {
        const near = prepared ? new PreparedOrigins(turns, origins).manyToOne(destination, { cutoff: 900, nearest: 5 }) : manyToOne(turns, origins, destination, { cutoff: 900, nearest: 5 });
        const rank = (xs: Float64Array) => [...xs.keys()].sort((a, b) => xs[a]! - xs[b]! || a - b);
        const top = rank(full).slice(0, 5);
        expect(top.map((i) => near[i])).toEqual(top.map((i) => full[i]));
        const kth = full[top[4]!]!;
        for (let i = 0; i < origins.length; i++) {
          expect(near[i]!).toBeLessThanOrEqual(full[i]!);
          if (!top.includes(i)) expect(near[i]!).toBeGreaterThanOrEqual(kth);
        }
      }
    }
  });

  it('nearest k, for any k and fleet (fast-check): the k nearest exactly as refining every unit, the rest lower bounds ranked after them (both engines, prepared fleets)', () => {
    // The stopping rule and the k-th-best bound on each later A* (turn-refine.ts) must never
    // change the k nearest: checked against refining every unit, ties broken by index.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom<Engine>('ch', 'dijkstra'), fc.constantFrom(300, 900), (k, seed, engine, cutoff) => {
        const origins = points(turns, seed, 40);
        const [destination] = points(turns, seed + 1, 1);
        const full = manyToOne(turns, origins, destination!, { engine, cutoff });
        const rank = (xs: Float64Array) => [...xs.keys()].sort((a, b) => xs[a]! - xs[b]! || a - b);
        const top = rank(full).slice(0, k);
        const kth = full[top[top.length - 1]!]!;
        const fleet = new PreparedOrigins(turns, origins);
        for (const near of [manyToOne(turns, origins, destination!, { engine, cutoff, nearest: k }), fleet.manyToOne(destination!, { engine, cutoff, nearest: k })]) {
          expect(top.map((i) => near[i])).toEqual(top.map((i) => full[i]));
          for (let i = 0; i < origins.length; i++) {
            expect(near[i]!).toBeLessThanOrEqual(full[i]!);
            if (!top.includes(i)) expect(near[i]!).toBeGreaterThanOrEqual(kth);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a point moved 0.1 m never changes an ETA by more than a second: off a junction, and across the 1 m that makes a point the junction', () => {
    const random = seededRandom(17);
    const sample = Array.from({ length: 16 }, () => junctions[Math.floor(random() * junctions.length)]!);
    const others = points(turns, 3, 10);
    const failures: string[] = [];
    // Where the node-based ETA does not jump, turn costs may not make it jump (a one-way entered
    // 1.05 m from its junction is driven forward only, ON_NODE_METRES: the node-based ETA then
    // jumps by a drive round the block, and that drive's turns count too).
    const check = (engine: Engine, label: string, a: Snapped, b: Snapped) => {
      const [fromA, fromB] = [a, b].map((p) => oneToMany(turns, p, others, { engine }));
      const [toA, toB] = [a, b].map((p) => manyToOne(turns, others, p, { engine }));
      const [baseFromA, baseFromB] = [a, b].map((p) => oneToMany(plain, p, others, { engine }));
      const [baseToA, baseToB] = [a, b].map((p) => manyToOne(plain, others, p, { engine }));
      for (let j = 0; j < others.length; j++) {
        const jump = (x: number, y: number, bx: number, by: number) => (Math.abs(by - bx) > 1 ? 0 : Math.abs(y - x));
        if (!(jump(fromA![j]!, fromB![j]!, baseFromA![j]!, baseFromB![j]!) <= 1)) failures.push(`${engine} from ${label} to ${j}: ${fromA![j]} -> ${fromB![j]} (node-based ${baseFromA![j]} -> ${baseFromB![j]})`);
        if (!(jump(toA![j]!, toB![j]!, baseToA![j]!, baseToB![j]!) <= 1)) failures.push(`${engine} to ${label} from ${j}: ${toA![j]} -> ${toB![j]} (node-based ${baseToA![j]} -> ${baseToB![j]})`);
      }
    };
    for (const [i, node] of sample.entries()) {
      const engine: Engine = i % 5 === 0 ? 'dijkstra' : 'ch';
      const on = turns.snapper.snap(nodeAt(turns, node));
      for (let k = 0; k < 8; k++) check(engine, `${node} moved ${k}`, on, turns.snapper.snap(nodeAt(turns, node, 0.1, (k * Math.PI) / 4)));
      // Along one of its roads, from 0.95 m (on the junction) to 1.05 m (on the road).
      const edge = on.edge;
      const far = on.source === node ? on.target : on.source;
      const bearing = Math.atan2(turns.data.nodeLat[far]! - turns.data.nodeLat[node]!, (turns.data.nodeLon[far]! - turns.data.nodeLon[node]!) * Math.cos((turns.data.nodeLat[node]! * Math.PI) / 180));
      const near = turns.snapper.snap(nodeAt(turns, node, 0.95, bearing)), past = turns.snapper.snap(nodeAt(turns, node, 1.05, bearing));
      if (near.edge === edge && past.edge === edge) check(engine, `${node} along ${edge}`, near, past);
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('routes make U-turns only at dead ends and junctions, never at a bend of a road', () => {
    const ch = turns.hierarchy!;
    const phast = turns.acquirePhast(ch);
    const origins = points(turns, 5, 40);
    for (const destination of points(turns, 6, 10)) {
      const h = phastBound(ch, phast.toSeeds(destinationSeeds(turns, destination)).slice());
      for (const o of origins) {
        const path = turnAwarePath(turns, turns.turnModel!, o, destination, h);
        // The route's cost is the ETA (or the point is on the destination's own edge).
        if (path) expect(path.cost / 1000).toBeGreaterThanOrEqual(manyToOne(turns, [o], destination)[0]!);
        const codes = (path?.codes ?? []).filter((c) => c >= 0);
        for (let i = 1; i < codes.length; i++) {
          if (codes[i] !== (codes[i - 1]! ^ 1)) continue;
          const v = codes[i - 1]! & 1 ? turns.data.edgeSource[codes[i - 1]! >> 1]! : turns.data.edgeTarget[codes[i - 1]! >> 1]!;
          expect(turns.turnModel!.roadsAt(v)).not.toBe(2);
        }
      }
    }
    turns.releasePhast(phast);
  });

  it('the warm-up (warmTurnPaths) searches from and to the copies of the junctions split by the restrictions (3863088-90)', () => {
    const model = turns.turnModel!;
    const search = new TurnSearch(turns, model);
    expect(turns.turns.junctions).toBe(2);
    // Each of the (in, out) pairs of points settles states; a warm-up that found no junction would settle none.
    expect(warmTurnPaths(turns, model, search)).toBeGreaterThan(16);
  });
});
