import { createHash } from 'node:crypto';
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { GRAPH_FORMAT_VERSION, importOsm, loadGraphData, loadHierarchy, PROFILES, RoadGraph, saveGraph, saveHierarchy, type Profile, type RoadGraphOptions } from '@firebreak/roadgraph';
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
  const key = `${pbf}${costsSuffix(costs)}:turns-${costs.turnCosts ?? 'right'}`;
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
  return { graph: byProfile.car, byProfile, source: 'built', millis: performance.now() - started };
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
