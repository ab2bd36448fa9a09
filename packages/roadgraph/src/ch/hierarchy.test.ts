import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LiveChanges } from '../closures.js';
import { RoadGraph } from '../road-graph.js';
import { route } from '../route.js';
import type { Snapped } from '../snap.js';
import { BALTIMORE_PBF, LIECHTENSTEIN_PBF, extract } from '../testing/extracts.js';
import { arbitraryGraph, graphData, referenceCosts, seededRandom } from '../testing/factories.js';
import { PreparedOrigins } from '../prepared-origins.js';
import { manyToOne, oneToMany } from '../travel-times.js';
import { ChRouter } from './bidirectional.js';
import { decodeHierarchy, encodeHierarchy } from './hierarchy-file.js';
import { Phast } from './phast.js';

describe('contraction hierarchy on random graphs', () => {
  it('PHAST and the bidirectional search return exactly the Bellman-Ford costs', () => {
    fc.assert(
      fc.property(arbitraryGraph, fc.nat(), ({ nodeCount, edges }, pick) => {
        const data = graphData(nodeCount, edges);
        const graph = new RoadGraph(data);
        const ch = graph.buildHierarchy();
        const source = pick % nodeCount;
        const expected = referenceCosts(data, source);
        const fromSource = new Phast(ch).fromSeeds([{ node: source, cost: 0 }]);
        expect(Array.from({ length: nodeCount }, (_, v) => fromSource[ch.rankOf[v]!])).toEqual(Array.from(expected));
        const router = new ChRouter(ch);
        const phast = new Phast(ch);
        for (let v = 0; v < nodeCount; v++) {
          const path = router.route([{ node: source, cost: 0 }], [{ node: v, cost: 0 }]);
          expect(path.cost).toBe(expected[v]);
          if (path.cost < Infinity) expect(sumOfPath(data, path.edgeCodes)).toBe(path.cost);
          expect(phast.toSeeds([{ node: v, cost: 0 }])[ch.rankOf[source]!]).toBe(expected[v]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

function sumOfPath(data: ReturnType<typeof graphData>, codes: number[]): number {
  return codes.reduce((sum, code) => sum + (code & 1 ? data.edgeBackwardMs[code >> 1]! : data.edgeForwardMs[code >> 1]!), 0);
}

function randomPlaces(graph: RoadGraph, count: number, seed: number): Snapped[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let e = Math.floor(random() * graph.edgeCount);
    // Beside a road of the main network (not one a barrier or a ban cuts off far from any other).
    const main = graph.mainNetwork;
    while (!main[graph.data.edgeSource[e]!] || !main[graph.data.edgeTarget[e]!]) e = Math.floor(random() * graph.edgeCount);
    const p = graph.data.geomStart[e]!;
    return graph.snapper.snap([graph.data.geomCoords[2 * p]! / 1e7 + (random() - 0.5) * 2e-4, graph.data.geomCoords[2 * p + 1]! / 1e7]);
  });
}

describe.each([
  ['Baltimore', BALTIMORE_PBF],
  ['Liechtenstein', LIECHTENSTEIN_PBF],
])('contraction hierarchy on %s', (_name, file) => {
  let graph: RoadGraph;
  let places: Snapped[];
  beforeAll(async () => {
    graph = new RoadGraph(await extract(file));
    graph.buildHierarchy();
    places = randomPlaces(graph, 400, 11);
  });

  it('many-to-one and one-to-many equal Dijkstra exactly, to the millisecond', () => {
    for (let i = 0; i < 20; i++) {
      const incident = places[i]!;
      expect(Array.from(manyToOne(graph, places, incident, { engine: 'ch' }))).toEqual(Array.from(manyToOne(graph, places, incident, { engine: 'dijkstra' })));
      expect(Array.from(oneToMany(graph, incident, places, { engine: 'ch', cutoff: 300 }))).toEqual(Array.from(oneToMany(graph, incident, places, { engine: 'dijkstra', cutoff: 300 })));
    }
  });

  it('prepared origins (RPHAST) give exactly the Dijkstra many-to-one, cutoff or not', () => {
    const fleet = new PreparedOrigins(graph, places.slice(0, 200));
    for (let i = 0; i < 20; i++) {
      const incident = places[200 + i]!;
      for (const cutoff of [undefined, 240]) {
        const viaSweep = fleet.manyToOne(incident, { cutoff });
        expect(Array.from(viaSweep)).toEqual(Array.from(manyToOne(graph, places.slice(0, 200), incident, { cutoff, engine: 'dijkstra' })));
      }
    }
  });

  it('routes take the time Dijkstra finds and their geometry', () => {
    for (let i = 0; i < 100; i++) {
      const [a, b] = [places[2 * i]!, places[2 * i + 1]!];
      const viaDijkstra = attempt(() => route(graph, a, b, { engine: 'dijkstra' }));
      const viaCh = attempt(() => route(graph, a, b, { engine: 'ch' }));
      if (viaDijkstra === 'unreachable') {
        expect(viaCh).toBe('unreachable');
        continue;
      }
      if (viaCh === 'unreachable') throw new Error('hierarchy found no route where Dijkstra did');
      expect(viaCh.time).toBe(viaDijkstra.time);
      expect(viaCh.distance).toBeGreaterThan(0);
    }
  });

  it('with closures live, answers from the live costs (Dijkstra) and returns to the hierarchy after', () => {
    const live = new LiveChanges(graph);
    const random = seededRandom(5);
    const closure = live.closeEdges(Array.from({ length: Math.ceil(graph.edgeCount / 10) }, () => Math.floor(random() * graph.edgeCount)));
    expect(graph.usableHierarchy).toBeUndefined();
    const incident = places[0]!;
    const withClosures = manyToOne(graph, places, incident, { engine: 'ch' });
    expect(Array.from(withClosures)).toEqual(Array.from(manyToOne(graph, places, incident, { engine: 'dijkstra' })));
    expect(Array.from(new PreparedOrigins(graph, places).manyToOne(incident))).toEqual(Array.from(withClosures));
    live.lift(closure);
    expect(graph.usableHierarchy).toBeDefined();
    const lifted = manyToOne(graph, places, incident);
    expect(Array.from(lifted)).toEqual(Array.from(manyToOne(graph, places, incident, { engine: 'dijkstra' })));
    expect(withClosures.some((t, i) => t > lifted[i]!)).toBe(true);
  });
});

function attempt<T>(f: () => T): T | 'unreachable' {
  try {
    return f();
  } catch (err) {
    if ((err as { code?: string }).code === 'ROADGRAPH_UNREACHABLE') return 'unreachable';
    throw err;
  }
}

describe('hierarchy file', () => {
  it('round-trips and answers the same', async () => {
    const graph = new RoadGraph(await extract(LIECHTENSTEIN_PBF));
    const built = graph.buildHierarchy();
    const bytes = encodeHierarchy(built);
    const loaded = decodeHierarchy(bytes);
    expect(Array.from(loaded.up.cost)).toEqual(Array.from(built.up.cost));
    expect(Array.from(loaded.down.via)).toEqual(Array.from(built.down.via));
    expect(Array.from(loaded.nodeOf)).toEqual(Array.from(built.nodeOf));
    expect(() => decodeHierarchy(bytes.subarray(0, bytes.length - 4))).toThrow(/truncated/);
  });
});
