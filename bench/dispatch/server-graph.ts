/**
 * The road-graph files the server loads for a workload, in the benchmark cache: the graph data
 * (current format) and one contraction hierarchy per profile, built once and kept under
 * bench/roadgraph's CACHE_DIR (keyed by the graph's bytes, so a changed graph or format builds
 * afresh). The metro graph has no OSM extract, so the server reads these through a placeholder
 * extract (run.ts); the benchmark's bare queries use the same hierarchies.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  GRAPH_FORMAT_VERSION, PROFILES, RoadGraph, encodeGraph, loadHierarchy, saveGraph, saveHierarchy,
  type GraphData, type Profile, type RoadGraphOptions,
} from '../../packages/roadgraph/src/index.js';
import { CACHE_DIR } from '../roadgraph/workloads.js';

export interface ServerGraph {
  graphFile: string;
  chFile: Record<Profile, string>;
  /** The graph of each profile with its hierarchy attached (one graph data). */
  byProfile: Record<Profile, RoadGraph>;
}

/** `options`: the server's graph options (its turn costs), so the bare queries answer as the server does. */
export async function serverGraph(data: GraphData, say: (line: string) => void = () => {}, options: RoadGraphOptions = {}): Promise<ServerGraph> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = createHash('sha1').update(encodeGraph(data)).digest('hex').slice(0, 12);
  const graphFile = join(CACHE_DIR, `${key}-v${GRAPH_FORMAT_VERSION}.rgraph`);
  if (!existsSync(graphFile)) await saveGraph(data, graphFile);
  const chFile = {} as Record<Profile, string>;
  const byProfile = {} as Record<Profile, RoadGraph>;
  for (const profile of PROFILES) {
    chFile[profile] = join(CACHE_DIR, `${key}-v${GRAPH_FORMAT_VERSION}.${profile}.rch`);
    const graph = new RoadGraph(data, profile, options);
    if (existsSync(chFile[profile])) graph.attachHierarchy(await loadHierarchy(chFile[profile]));
    else {
      const t = performance.now();
      say(`building the ${profile} hierarchy of ${data.nodeLon.length.toLocaleString('en')} nodes (once; cached in ${CACHE_DIR})`);
      const ch = graph.buildHierarchy();
      await saveHierarchy(ch, `${chFile[profile]}.tmp`);
      const { renameSync } = await import('node:fs');
      renameSync(`${chFile[profile]}.tmp`, chFile[profile]);
      say(`  built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    }
    byProfile[profile] = graph;
  }
  return { graphFile, chFile, byProfile };
}
