import { createHash } from 'node:crypto';
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { GRAPH_FORMAT_VERSION, importOsm, loadGraphData, loadHierarchy, manyToOne, PreparedOrigins, PROFILES, RoadGraph, saveGraph, saveHierarchy, type Profile, type RoadGraphOptions, type Snapped } from '@firebreak/roadgraph';
import { DEMO_PBF } from '../jurisdictions/index.js';

export interface RoadNetwork {
  /** The car profile: what snapping, coverage rings and routes on the map use. */
  graph: RoadGraph;
  /**
   * One graph per profile over the same data (edge ids and snapped points are shared), each with
   * its own contraction hierarchy: a unit's ETA is on its kind's profile (`travel-profile.ts`).
   */
  byProfile: Readonly<Record<Profile, RoadGraph>>;
  /** How it was obtained and how long that took (logged at start, reported in benchmarks). */
  source: 'built' | 'cache';
  millis: number;
}

const networks = new Map<string, Promise<RoadNetwork>>();

/**
 * The road graph of the deployment's country with a contraction hierarchy per profile, once per
 * process: read from the binary cache in the data folder, or built from the OSM extract and cached
 * there (the cache file names carry the extract's size and time and the graph format, so a new
 * extract or a new format is built afresh).
 */
export function roadNetwork(pbf: string, dataDir: string, costs: CostOptions = {}): Promise<RoadNetwork> {
  // By data folder too: the cache files are there (one process may serve tests with folders of their own).
  const key = `${dataDir}:${pbf}${costsSuffix(costs)}:turns-${costs.turnCosts ?? 'right'}`;
  let network = networks.get(key);
  if (!network) {
    network = loadOrBuild(pbf, dataDir, costs);
    networks.set(key, network);
    // A failed build is not remembered: the next request tries again.
    network.catch(() => networks.delete(key));
  }
  return network;
}

/** What the configuration changes in the costs (config.ts): the import applies it. */
export interface CostOptions {
  emergencySpeedFactors?: Readonly<Record<string, number>>;
  trafficSignalSeconds?: Readonly<Partial<Record<Profile, number>>>;
  /**
   * Turn costs in ETAs (ADR 0013; default `right`): the queries refine the node-based costs. Not
   * in the cache file names: the graph and its hierarchies are the same with or without.
   */
  turnCosts?: 'right' | 'left' | 'off';
}

/** The graph options of the configured turn costs (bench:dispatch builds its graphs with the default's). */
export function graphOptions(costs: CostOptions): RoadGraphOptions {
  const side = costs.turnCosts ?? 'right';
  return side === 'off' ? {} : { turnCosts: { trafficSide: side } };
}

/**
 * Configured speed factors and signal delays change the costs: they name their own cache files
 * (no suffix when neither is set; speed factors alone keep the suffix they always had).
 */
function costsSuffix({ emergencySpeedFactors = {}, trafficSignalSeconds = {} }: CostOptions): string {
  const sorted = (o: object) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
  const factors = sorted(emergencySpeedFactors);
  const signals = sorted(trafficSignalSeconds).filter(([, v]) => v > 0);
  if (factors.length === 0 && signals.length === 0) return '';
  const hashed = signals.length === 0 ? factors : { factors, signals };
  return `-f${createHash('sha256').update(JSON.stringify(hashed)).digest('hex').slice(0, 10)}`;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

async function loadOrBuild(pbf: string, dataDir: string, costs: CostOptions): Promise<RoadNetwork> {
  const started = performance.now();
  const info = await stat(pbf);
  const dir = path.join(dataDir, 'roadgraph');
  const base = path.join(dir, `${path.basename(pbf, '.osm.pbf')}-${info.size}-${Math.trunc(info.mtimeMs)}-v${GRAPH_FORMAT_VERSION}${costsSuffix(costs)}`);
  const graphFile = `${base}.rgraph`;
  const chFile = (profile: Profile) => `${base}.${profile}.rch`;
  const files = [graphFile, ...PROFILES.map(chFile)];
  if ((await Promise.all(files.map(exists))).every(Boolean)) {
    const data = await loadGraphData(graphFile);
    const byProfile = await profileGraphs((profile) => {
      const graph = new RoadGraph(data, profile, graphOptions(costs));
      return loadHierarchy(chFile(profile)).then((ch) => (graph.attachHierarchy(ch), graph));
    });
    warmUp(byProfile);
    return { graph: byProfile.car, byProfile, source: 'cache', millis: performance.now() - started };
  }
  const data = await importOsm(pbf, costs);
  const byProfile = await profileGraphs((profile) => {
    const graph = new RoadGraph(data, profile, graphOptions(costs));
    graph.buildHierarchy();
    return Promise.resolve(graph);
  });
  await mkdir(dir, { recursive: true });
  // Written aside and renamed, so a reader (another process) never sees half a file.
  const tmp = `.${process.pid}.tmp`;
  await saveGraph(data, graphFile + tmp);
  for (const profile of PROFILES) await saveHierarchy(byProfile[profile].hierarchy!, chFile(profile) + tmp);
  for (const file of files) await rename(file + tmp, file);
  warmUp(byProfile);
  return { graph: byProfile.car, byProfile, source: 'built', millis: performance.now() - started };
}

/** Turn-aware queries run per profile when a network loads (warmUp). */
export const WARM_QUERIES = 15;

/**
 * Runs WARM_QUERIES turn-aware many-to-one queries per profile graph with turn costs (half of them
 * on prepared origins, as the fleet view runs them), between fixed places of its main network,
 * before any request: V8 compiles the searches here and not in a dispatcher's first
 * recommendations (the first calls on a metro graph ran interpreted and then recompiled). The
 * places are the same on every load (a short fixed stride over the node ids, which import order
 * keeps near each other: the searches find units and refine them); the answers are dropped.
 * Returns the queries run.
 */
export function warmUp(byProfile: Readonly<Record<Profile, RoadGraph>>, queries = WARM_QUERIES): number {
  let ran = 0;
  for (const profile of PROFILES) {
    const graph = byProfile[profile];
    if (!graph.turnModel) continue;
    const main = graph.mainNetwork;
    const places: Snapped[] = [];
    const n = graph.graphNodeCount;
    for (let k = 0, v = 0; k < n && places.length < queries + 10; k++, v = (v + 211) % n) {
      if (main[v] !== 1) continue;
      const p = graph.snapper.trySnap([graph.data.nodeLon[v]!, graph.data.nodeLat[v]!]);
      if (p) places.push(p);
    }
    if (places.length < 11) continue;
    const origins = places.slice(0, 10);
    const prepared = new PreparedOrigins(graph, origins);
    for (let q = 0; q < queries && 10 + q < places.length; q++, ran++) {
      const destination = places[10 + q]!;
      if (q % 2 === 0) manyToOne(graph, origins, destination, { cutoff: 900, nearest: 3 });
      else prepared.manyToOne(destination, { cutoff: 3600, nearest: 3 });
    }
  }
  return ran;
}

async function profileGraphs(make: (profile: Profile) => Promise<RoadGraph>): Promise<Record<Profile, RoadGraph>> {
  const graphs = await Promise.all(PROFILES.map(make));
  return Object.fromEntries(PROFILES.map((p, i) => [p, graphs[i]!])) as Record<Profile, RoadGraph>;
}

/**
 * The OSM extract of this deployment, the one place that names it (the road graph and the base
 * map both read it): `FIREBREAK_ROAD_PBF`, else the demo country's.
 */
export function deploymentOsmExtract(config: { dataDir: string; roadPbf?: string | undefined }): string {
  return config.roadPbf ?? DEMO_PBF;
}

/** The road network of this deployment. */
export function deploymentRoadNetwork(config: { dataDir: string; roadPbf?: string | undefined } & CostOptions): Promise<RoadNetwork> {
  return roadNetwork(deploymentOsmExtract(config), config.dataDir, { emergencySpeedFactors: config.emergencySpeedFactors, trafficSignalSeconds: config.trafficSignalSeconds, turnCosts: config.turnCosts });
}
