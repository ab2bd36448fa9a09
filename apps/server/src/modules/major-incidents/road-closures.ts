import { edgesInPolygon, LiveChanges, type LiveChange, type PolygonRings, type RoadGraph } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import type { Platform } from '../../platform/kernel.js';
import { deploymentRoadNetwork, type RoadNetwork } from '../dispatch/index.js';

/** The events after which the closed cordons may have changed. */
const CHANGES = new Set(['major_incidents.cordon_set', 'major_incidents.cordon_lifted', 'major_incidents.stood_down']);

interface ClosedCordon { key: string; version: string; area: PolygonRings }

/** The cordons that close roads now: of active major incidents, marked `closes_roads`. */
export async function closedCordons(q: Queryable): Promise<ClosedCordon[]> {
  const list = await rows<{ majorId: string; kind: string; setAt: Date | string; area: string }>(q, sql`select c.major_incident_id as "majorId", c.kind,
      c.set_at as "setAt", ST_AsGeoJSON(c.geom) as area from major_incident_cordons c join major_incidents m on m.id = c.major_incident_id
      where c.closes_roads and m.state = 'active'`);
  return list.map((c) => ({ key: `${c.majorId}:${c.kind}`, version: new Date(c.setAt).toISOString(), area: (JSON.parse(c.area) as { coordinates: PolygonRings }).coordinates }));
}

/**
 * The road closures of cordons, applied to this node's road graphs through the road graph's own
 * live closures (`LiveChanges`, the mechanism barriers' and slow-downs' tests use): every profile
 * closes the same edges, so recommendations, ETAs and routes avoid the area until the cordon is
 * lifted, opened or stood down. Reconciled from the database, so a node that starts late or misses
 * an event converges on the next one.
 */
export class RoadClosures {
  private readonly live: LiveChanges[];
  private readonly applied = new Map<string, { version: string; changes: LiveChange[]; edges: number }>();

  constructor(private readonly graphs: readonly RoadGraph[]) {
    this.live = graphs.map((g) => new LiveChanges(g));
  }

  /** Makes the applied closures those of `cordons`; returns how many edges are closed. */
  apply(cordons: readonly ClosedCordon[]): number {
    const wanted = new Map(cordons.map((c) => [c.key, c]));
    for (const [key, a] of this.applied) {
      if (wanted.get(key)?.version === a.version) continue;
      a.changes.forEach((change, i) => this.live[i]!.lift(change));
      this.applied.delete(key);
    }
    for (const c of cordons) {
      if (this.applied.has(c.key)) continue;
      // Edge ids are shared by every profile's graph: the edges are found once.
      const edges = edgesInPolygon(this.graphs[0]!, c.area);
      this.applied.set(c.key, { version: c.version, changes: this.live.map((l) => l.closeEdges(edges)), edges: edges.length });
    }
    return [...this.applied.values()].reduce((n, a) => n + a.edges, 0);
  }
}

/**
 * Follows the closed cordons on this node: from the database at start, then after each cordon
 * event, from this node at once (after its commit) or from another through the bus. The road
 * network is loaded only once a closure exists (a node without major incidents pays nothing).
 * Returns a stop function (it opens what it closed) and `settled()`, which resolves when the last
 * sync is done (for tests).
 */
export function followRoadClosures(platform: Platform, network: () => Promise<RoadNetwork> = () => deploymentRoadNetwork(platform.config)): { stop: () => void; settled: () => Promise<void> } {
  let closures: RoadClosures | null = null;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  const sync = () => {
    chain = chain.then(async () => {
      if (stopped) return;
      const cordons = await closedCordons(platform.db);
      if (!closures && cordons.length === 0) return;
      closures ??= new RoadClosures(Object.values((await network()).byProfile));
      const edges = closures.apply(cordons);
      platform.log.info({ cordons: cordons.length, edges }, 'road closures of cordons applied');
    }).catch((err: unknown) => platform.log.error({ err }, 'road closures of cordons not applied'));
  };
  const offLocal = platform.onLocalCommit((events) => {
    if (events.some((e) => CHANGES.has(e.type))) sync();
  });
  const offBus = platform.bus.subscribe((event) => {
    if (CHANGES.has(event.type)) sync();
  });
  sync();
  return {
    stop: () => {
      stopped = true;
      offLocal();
      offBus();
      // The road graphs are the process's (deploymentRoadNetwork caches them): a stopped node's
      // closures must not stay in them for the next server of the same process (tests, an embedder).
      chain = chain.then(() => {
        closures?.apply([]);
      });
    },
    settled: () => chain,
  };
}
