import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  RoadGraph, encodeGraph, importOsm, loadHierarchy, saveGraph, saveHierarchy,
  type GraphData, type Snapped,
} from '../../packages/roadgraph/src/index.js';
import { seededRandom } from '../../packages/roadgraph/src/testing/factories.js';
import { stitchTiles } from './stitch.js';

export const CACHE_DIR = join(tmpdir(), 'firebreak-roadgraph-bench');
const CH_VERSION = 'v2';

export interface Workload {
  name: string;
  data: GraphData;
  graphFile: string;
  chFile: string;
  importMs?: number;
  chBuildMs?: number;
}

export async function baltimore(file: string): Promise<Workload> {
  const t = performance.now();
  const data = await importOsm(file, { progressBar: true });
  return prepared('Baltimore', data, performance.now() - t);
}

export async function metro(tile: GraphData, side: number): Promise<Workload> {
  return prepared(`Metro (${side}x${side} Baltimore tiles)`, stitchTiles(tile, side));
}

async function prepared(name: string, data: GraphData, importMs?: number): Promise<Workload> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = createHash('sha1').update(encodeGraph(data)).digest('hex').slice(0, 12);
  const graphFile = join(CACHE_DIR, `${key}.rgraph`);
  // Bump the suffix when the contraction changes, so that the cache does not hide its effect.
  const chFile = join(CACHE_DIR, `${key}.${CH_VERSION}.rch`);
  await saveGraph(data, graphFile);
  const workload: Workload = { name, data, graphFile, chFile, importMs };
  if (!existsSync(chFile)) {
    const graph = new RoadGraph(data);
    const t = performance.now();
    const ch = graph.buildHierarchy();
    workload.chBuildMs = performance.now() - t;
    await saveHierarchy(ch, chFile);
  }
  return workload;
}

export async function withHierarchy(w: Workload): Promise<RoadGraph> {
  const graph = new RoadGraph(w.data);
  graph.attachHierarchy(await loadHierarchy(w.chFile));
  return graph;
}

/** Random road positions: a point near a random edge's first vertex, snapped. */
export function randomPlaces(graph: RoadGraph, count: number, seed: number): Snapped[] {
  const random = seededRandom(seed);
  const { geomStart, geomCoords, edgeSource, edgeTarget } = graph.data;
  const main = graph.mainNetwork;
  const places: Snapped[] = [];
  while (places.length < count) {
    const e = Math.floor(random() * graph.edgeCount);
    const jitter: [number, number] = [(random() - 0.5) * 2e-4, (random() - 0.5) * 2e-4];
    // Snapping only reaches the main network: a place drawn beside a cut-off piece is drawn again.
    if (!main[edgeSource[e]!] || !main[edgeTarget[e]!]) continue;
    const p = geomStart[e]!;
    places.push(graph.snapper.snap([geomCoords[2 * p]! / 1e7 + jitter[0], geomCoords[2 * p + 1]! / 1e7 + jitter[1]]));
  }
  return places;
}
