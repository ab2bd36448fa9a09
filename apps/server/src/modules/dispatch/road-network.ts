import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { importOsm, loadGraphData, loadHierarchy, RoadGraph, saveGraph, saveHierarchy } from '@firebreak/roadgraph';
import { DEMO_PBF } from '../jurisdictions/index.js';

export interface RoadNetwork {
  graph: RoadGraph;
  /** How it was obtained and how long that took (logged at start, reported in benchmarks). */
  source: 'built' | 'cache';
  millis: number;
}

const networks = new Map<string, Promise<RoadNetwork>>();

/**
 * The road graph of the deployment's country with its contraction hierarchy, once per process:
 * read from the binary cache in the data folder, or built from the OSM extract and cached there
 * (the cache file names carry the extract's size and time, so a new extract is built afresh).
 */
export function roadNetwork(pbf: string, dataDir: string): Promise<RoadNetwork> {
  let network = networks.get(pbf);
  if (!network) {
    network = loadOrBuild(pbf, dataDir);
    networks.set(pbf, network);
    // A failed build is not remembered: the next request tries again.
    network.catch(() => networks.delete(pbf));
  }
  return network;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

async function loadOrBuild(pbf: string, dataDir: string): Promise<RoadNetwork> {
  const started = performance.now();
  const info = await stat(pbf);
  const dir = path.join(dataDir, 'roadgraph');
  const base = path.join(dir, `${path.basename(pbf, '.osm.pbf')}-${info.size}-${Math.trunc(info.mtimeMs)}`);
  const [graphFile, chFile] = [`${base}.rgraph`, `${base}.rch`];
  if ((await exists(graphFile)) && (await exists(chFile))) {
    const graph = new RoadGraph(await loadGraphData(graphFile));
    graph.attachHierarchy(await loadHierarchy(chFile));
    return { graph, source: 'cache', millis: performance.now() - started };
  }
  const graph = new RoadGraph(await importOsm(pbf));
  const ch = graph.buildHierarchy();
  await mkdir(dir, { recursive: true });
  // Written aside and renamed, so a reader (another process) never sees half a file.
  const tmp = `.${process.pid}.tmp`;
  await saveGraph(graph.data, graphFile + tmp);
  await saveHierarchy(ch, chFile + tmp);
  await rename(graphFile + tmp, graphFile);
  await rename(chFile + tmp, chFile);
  return { graph, source: 'built', millis: performance.now() - started };
}

/**
 * The OSM extract of this deployment, the one place that names it (the road graph and the base
 * map both read it): `FIREBREAK_ROAD_PBF`, else the demo country's.
 */
export function deploymentOsmExtract(config: { dataDir: string; roadPbf?: string | undefined }): string {
  return config.roadPbf ?? DEMO_PBF;
}

/** The road network of this deployment. */
export function deploymentRoadNetwork(config: { dataDir: string; roadPbf?: string | undefined }): Promise<RoadNetwork> {
  return roadNetwork(deploymentOsmExtract(config), config.dataDir);
}
