import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChRouter } from './ch/bidirectional.js';
import { Phast } from './ch/phast.js';
import type { GraphData } from './graph-data.js';
import { RoadGraph } from './road-graph.js';
import { route } from './route.js';
import type { Snapped } from './snap.js';
import { BALTIMORE_PBF, LIECHTENSTEIN_PBF, extract } from './testing/extracts.js';
import { arbitraryGraph, arbitraryRestrictions, graphData, referenceTurnCosts, restrictionsFor, seededRandom } from './testing/factories.js';
import { nearestOrigins } from './nearest-origin.js';
import { manyToOne } from './travel-times.js';
import { TURN_CAR, TURN_EMERGENCY, TURN_ONLY, restrictionRule } from './turns.js';

/** Node-to-node costs by Dijkstra on the graph's routing nodes (a junction's copies included). */
function dijkstraFrom(graph: RoadGraph, source: number): (target: number) => number {
  const search = graph.acquireSearch();
  search.run(graph.forward, graph.departuresFrom(source).map((node) => ({ node, cost: 0 })));
  const costs = Array.from({ length: graph.graphNodeCount }, (_, t) => Math.min(...graph.arrivalsAt(t).map((a) => search.costOf(a))));
  graph.releaseSearch(search);
  return (t) => (t === source ? 0 : costs[t]!);
}

describe('what a restriction relation says', () => {
  it('reads no_* and only_*, frees emergency vehicles on except=emergency, skips what binds no car', () => {
    expect(restrictionRule({ type: 'restriction', restriction: 'no_left_turn' })).toEqual({ only: false, profiles: TURN_CAR | TURN_EMERGENCY });
    expect(restrictionRule({ type: 'restriction', restriction: 'only_straight_on', except: 'bicycle;emergency' })).toEqual({ only: true, profiles: TURN_CAR });
    expect(restrictionRule({ type: 'restriction', 'restriction:motorcar': 'no_u_turn' })).toEqual({ only: false, profiles: TURN_CAR | TURN_EMERGENCY });
    expect(restrictionRule({ type: 'restriction', restriction: 'no_right_turn', except: 'motorcar' })).toBeUndefined();
    expect(restrictionRule({ type: 'restriction', restriction: 'no_left_turn', hour_on: '07:00' })).toBeUndefined();
    expect(restrictionRule({ type: 'restriction', restriction: 'give_way' })).toBeUndefined();
    expect(restrictionRule({ type: 'multipolygon', restriction: 'no_left_turn' })).toBeUndefined();
  });
});

describe('a crossroads with a banned left turn (hand-made)', () => {
  // 4 = the junction; 0 south, 1 east, 2 north, 3 west; 5 closes a block north-east (2 - 5 - 1).
  // Every street two-way, 10 s each. From the south (edge 0) the left turn to the west (edge 3) is banned.
  const edges = [[0, 4], [1, 4], [2, 4], [3, 4], [2, 5], [5, 1]].map(([source, target]) => ({ source: source!, target: target!, forwardMs: 10_000, backwardMs: 10_000 }));
  const data = (flags: number, to = 3): GraphData => ({ ...graphData(6, edges), turnRestrictions: Int32Array.of(4, 0, to, flags) });

  it('no_left_turn: the car and the emergency vehicle go round, unless the rule excepts emergency', () => {
    const banned = new RoadGraph(data(TURN_CAR | TURN_EMERGENCY));
    expect(banned.turns.junctions).toBe(1);
    expect(banned.turns.bannedTurns).toBe(1);
    // South -> west: 0 -> 4 -> 3 is 20 s; banned, the cheapest legal way turns east/north and
    // comes back to the junction (0 -> 4 -> 2 -> 4 -> 3 is a U-turn on 2: 40 s).
    expect(dijkstraFrom(banned, 0)(3)).toBe(40_000);
    expect(dijkstraFrom(banned, 0)(2)).toBe(20_000);
    expect(dijkstraFrom(banned, 3)(0)).toBe(20_000); // the other way is not banned
    const freed = new RoadGraph(data(TURN_CAR), 'emergency');
    expect(dijkstraFrom(freed, 0)(3)).toBe(20_000);
    expect(dijkstraFrom(new RoadGraph(data(TURN_CAR | TURN_EMERGENCY), 'car', { turnRestrictions: false }), 0)(3)).toBe(20_000);
  });

  it('nearest origins: a place behind the banned turn gets the time going round, and the unit that drives it', () => {
    const banned = new RoadGraph(data(TURN_CAR | TURN_EMERGENCY));
    const south = banned.snapper.snap(mid(banned, 0)), west = banned.snapper.snap(mid(banned, 3)), north = banned.snapper.snap(mid(banned, 2));
    const far = banned.snapper.snap(mid(banned, 4));
    const { seconds, origin } = nearestOrigins(banned, [south, far], [west, north]);
    // From the middle of the south street the west is 5 + 10 + 10 + 5 s round the ban (a U-turn at 2), not 10 s.
    const best = (to: typeof west) => Math.min(route(banned, south, to).time, route(banned, far, to).time);
    expect([...seconds]).toEqual([best(west), best(north)]);
    for (const [i, to] of [west, north].entries()) expect(route(banned, [south, far][origin[i]!]!, to).time).toBe(seconds[i]);
    expect(route(banned, south, west).time).toBe(30);
  });

  it('only_straight_on: from the south only north is allowed, on every engine', () => {
    const only = new RoadGraph(data(TURN_ONLY | TURN_CAR | TURN_EMERGENCY, 2));
    expect(dijkstraFrom(only, 0)(2)).toBe(20_000);
    expect(dijkstraFrom(only, 0)(1)).toBe(40_000); // north then the block: 0-4-2-5-1
    expect(dijkstraFrom(only, 0)(3)).toBe(40_000); // north, U-turn back through the junction
    const ch = only.buildHierarchy();
    const router = new ChRouter(ch);
    const seeds = (nodes: readonly number[]) => nodes.map((node) => ({ node, cost: 0 }));
    expect(router.route(seeds(only.departuresFrom(0)), seeds(only.arrivalsAt(1))).cost).toBe(40_000);
    const phast = new Phast(ch).fromSeeds(seeds(only.departuresFrom(0)));
    expect(Math.min(...only.arrivalsAt(1).map((a) => phast[ch.rankOf[a]!]!))).toBe(40_000);
  });
});

describe('turn restrictions on random graphs', () => {
  it('Dijkstra, the bidirectional hierarchy and PHAST equal an edge-based Bellman-Ford; a restriction never makes a trip faster', () => {
    fc.assert(
      fc.property(arbitraryGraph, arbitraryRestrictions, fc.nat(), ({ nodeCount, edges }, picks, pick) => {
        const plain = graphData(nodeCount, edges);
        const data = { ...plain, turnRestrictions: restrictionsFor(plain, picks) };
        const graph = new RoadGraph(data);
        const free = new RoadGraph(data, 'car', { turnRestrictions: false });
        const ch = graph.buildHierarchy();
        const source = pick % nodeCount;
        const expected = referenceTurnCosts(data, source);
        const ours = dijkstraFrom(graph, source);
        const unrestricted = dijkstraFrom(free, source);
        const router = new ChRouter(ch);
        const phast = new Phast(ch).fromSeeds(graph.departuresFrom(source).map((node) => ({ node, cost: 0 })));
        for (let t = 0; t < nodeCount; t++) {
          expect(ours(t)).toBe(expected[t]);
          expect(ours(t)).toBeGreaterThanOrEqual(unrestricted(t));
          if (t === source) continue;
          const arrivals = graph.arrivalsAt(t);
          expect(Math.min(...arrivals.map((a) => phast[ch.rankOf[a]!]!))).toBe(expected[t]);
          const path = router.route(graph.departuresFrom(source).map((node) => ({ node, cost: 0 })), arrivals.map((node) => ({ node, cost: 0 })));
          expect(path.cost).toBe(expected[t]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** The middle of edge e (its end nodes' mean: the hand-made edges are straight). */
function mid(graph: RoadGraph, e: number): [number, number] {
  const { nodeLon, nodeLat, edgeSource, edgeTarget } = graph.data;
  return [(nodeLon[edgeSource[e]!]! + nodeLon[edgeTarget[e]!]!) / 2, (nodeLat[edgeSource[e]!]! + nodeLat[edgeTarget[e]!]!) / 2];
}

/** A point `metres` from the via junction along edge e. */
function pointOn(graph: RoadGraph, e: number, via: number, metres: number): Snapped {
  const { data } = graph;
  const length = data.edgeLengthM[e]!;
  const fraction = Math.min(0.5, metres / length);
  const atSource = data.edgeSource[e] === via;
  const other = atSource ? data.edgeTarget[e]! : data.edgeSource[e]!;
  const t = fraction;
  const lon = data.nodeLon[via]! + (data.nodeLon[other]! - data.nodeLon[via]!) * t;
  const lat = data.nodeLat[via]! + (data.nodeLat[other]! - data.nodeLat[via]!) * t;
  return graph.snapper.snap([lon, lat]);
}

describe.each([
  // Relation 3863088: no_left_turn from way 98040438 via node 2123388822 onto way 6003340 (and
  // 3863089, a no_u_turn on 98040438 at the same node).
  ['Baltimore', BALTIMORE_PBF, false],
  // Relation 2366291: a no_* from way 167992391 via node 1793113950 onto way 24802724. (The
  // extract's only only_* restriction, 3090789, starts on a way no car may drive: dropped.)
  ['Liechtenstein', LIECHTENSTEIN_PBF, false],
])('a real restricted junction (%s)', (_name, file, only) => {
  let data: GraphData;
  let graph: RoadGraph;
  let free: RoadGraph;
  beforeAll(async () => {
    data = await extract(file);
    graph = new RoadGraph(data);
    free = new RoadGraph(data, 'car', { turnRestrictions: false });
    graph.buildHierarchy(); // the unrestricted peer answers by Dijkstra: no second hierarchy to build
  });

  it('is read from the extract and routed round, on both engines', () => {
    const r = data.turnRestrictions;
    const i = Array.from({ length: r.length / 4 }, (_, k) => 4 * k).find((k) => ((r[k + 3]! & TURN_ONLY) !== 0) === only && r[k + 1] !== r[k + 2]);
    expect(i).toBeDefined();
    const [via, from, to] = [r[i!]!, r[i! + 1]!, r[i! + 2]!];
    expect(graph.turns.junctions).toBeGreaterThan(0);
    // The banned move: from the from-edge into the junction, then onto an edge the rule forbids.
    let banned = to;
    if (only) {
      for (let e = 0; e < graph.edgeCount; e++) {
        const touches = data.edgeSource[e] === via || data.edgeTarget[e] === via;
        const leaves = data.edgeSource[e] === via ? graph.costs.forwardMs[e]! >= 0 : graph.costs.backwardMs[e]! >= 0;
        if (touches && leaves && e !== from && e !== to) banned = e;
      }
    }
    expect(banned).not.toBe(only ? to : -1);
    const start = pointOn(graph, from, via, 15);
    const end = pointOn(graph, banned, via, 15);
    expect([start.edge, end.edge]).toEqual([from, banned]);
    const direct = route(free, start, end).time;
    const timed = route(graph, start, end, { engine: 'dijkstra' }).time;
    expect(timed).toBeGreaterThan(direct);
    expect(route(graph, start, end, { engine: 'ch' }).time).toBe(timed);
    expect(manyToOne(graph, [start], end, { engine: 'ch' })[0]).toBe(timed);
    expect(manyToOne(graph, [start], end, { engine: 'dijkstra' })[0]).toBe(timed);
  });

  it('never makes a trip faster (400 points to 10 places, both engines)', () => {
    const random = seededRandom(3);
    const main = graph.mainNetwork;
    const places = Array.from({ length: 410 }, () => {
      let e = Math.floor(random() * graph.edgeCount);
      while (!main[data.edgeSource[e]!] || !main[data.edgeTarget[e]!]) e = Math.floor(random() * graph.edgeCount);
      return pointOn(graph, e, data.edgeSource[e]!, 5 + random() * 30);
    });
    for (let k = 0; k < 10; k++) {
      const restricted = manyToOne(graph, places.slice(10), places[k]!);
      const unrestricted = manyToOne(free, places.slice(10), places[k]!);
      restricted.forEach((t, j) => expect(t).toBeGreaterThanOrEqual(unrestricted[j]!));
      expect(Array.from(manyToOne(graph, places.slice(10), places[k]!, { engine: 'dijkstra' }))).toEqual(Array.from(restricted));
    }
  });
});
