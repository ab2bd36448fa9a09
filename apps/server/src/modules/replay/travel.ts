import type { UnitKind } from '@firebreak/contracts';
import { manyToOne, oneToMany, PreparedOrigins, type RoadGraph, type Snapped } from '@firebreak/roadgraph';
import { travelGraphOf, type ProfileGraphs } from '../dispatch/index.js';

/** Units further than this by road are not sent (as recommendations rank no farther). */
export const REPLAY_CUTOFF_SECONDS = 3600;

/**
 * How road times are searched. `prepared`: per travel graph, from the side with fewer points —
 * one forward search per base to every call when the bases are fewer (the usual case: a week's
 * thousands of calls, tens of bases; PHAST over the hierarchy, or Dijkstra on a vehicle's graph,
 * whose hierarchy does not hold its closed roads), else the bases prepared once for many-to-one
 * per call (RPHAST, what the live fleet uses). `dijkstra`: one plain backward Dijkstra per call
 * and graph (the benchmark's peer, the obvious way).
 */
export type EtaEngine = 'prepared' | 'dijkstra';

/**
 * Road seconds from each unit's base to each call, on its kind's graph (profile, less roads over
 * its size: `travelGraphOf`): one many-to-one per call and graph. Rows are calls, Float32 (a
 * second's fraction is plenty), Infinity: no road or beyond the cutoff. Units whose base is off
 * the road graph (null) reach nothing.
 */
export function etaMatrix(graphs: ProfileGraphs, units: readonly { kind: UnitKind; base: Snapped | null }[], calls: readonly Snapped[], engine: EtaEngine = 'prepared'): Float32Array[] {
  const rows = calls.map(() => new Float32Array(units.length).fill(Infinity));
  const byGraph = new Map<RoadGraph, number[]>();
  units.forEach((u, i) => {
    if (!u.base) return;
    const graph = travelGraphOf(graphs, u.kind);
    const list = byGraph.get(graph);
    if (list) list.push(i);
    else byGraph.set(graph, [i]);
  });
  for (const [graph, indexes] of byGraph) {
    const origins = indexes.map((i) => units[i]!.base!);
    if (engine === 'prepared' && origins.length <= calls.length) {
      indexes.forEach((i, k) => {
        const seconds = oneToMany(graph, origins[k]!, calls, { cutoff: REPLAY_CUTOFF_SECONDS });
        seconds.forEach((s, c) => (rows[c]![i] = s));
      });
      continue;
    }
    const prepared = engine === 'prepared' ? new PreparedOrigins(graph, origins) : null;
    calls.forEach((destination, c) => {
      const seconds = prepared
        ? prepared.manyToOne(destination, { cutoff: REPLAY_CUTOFF_SECONDS })
        : manyToOne(graph, origins, destination, { cutoff: REPLAY_CUTOFF_SECONDS, engine: 'dijkstra' });
      const row = rows[c]!;
      indexes.forEach((i, k) => (row[i] = seconds[k]!));
    });
  }
  return rows;
}
