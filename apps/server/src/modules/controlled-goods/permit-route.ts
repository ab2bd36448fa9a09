import type { ProtectedZone } from '@firebreak/contracts';
import { LiveChanges, RoadGraph, RoadGraphError, route, type LiveChange } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import type { RoadNetwork } from '../dispatch/index.js';
import { categoryHoursByPath, closedDayRules, closedOn, hoursOf } from '../coverage/index.js';
import { activeCordonAreas } from '../major-incidents/index.js';
import { localDates, ZONE_BUFFER_METRES, zoneActiveDuring } from './transport-model.js';

type LonLat = [number, number];

/** Schools and kindergartens this far from the straight line between the sites are considered. */
const ZONE_SEARCH_METRES = 15_000;

/**
 * A graph of our own over the deployment's road data: closing a permit's zones on it for one
 * synchronous search never touches the graphs dispatch routes on. No hierarchy (it would be stale
 * under the closures anyway): Dijkstra, a few milliseconds on a country.
 */
const ownGraphs = new WeakMap<RoadNetwork, RoadGraph>();
function hazmatGraph(network: RoadNetwork): RoadGraph {
  let g = ownGraphs.get(network);
  if (!g) {
    g = new RoadGraph(network.graph.data, 'car');
    ownGraphs.set(network, g);
  }
  return g;
}

/**
 * The protected zones near a trip: schools and kindergartens open at some time in the window, by
 * the hours the coverage module gives each (its own OSM hours, else its jurisdiction's category
 * default, else the built-in one) read in the deployment's `timeZone`, less the days a closed day
 * (public or school holiday) shuts it — kept on the zone (`closedDates`) for the watch — and every
 * active cordon.
 */
export async function zonesFor(q: Queryable, from: LonLat, to: LonLat, window: { from: number; until: number }, timeZone: string): Promise<ProtectedZone[]> {
  const line = sql`ST_SetSRID(ST_MakeLine(ST_MakePoint(${from[0]}, ${from[1]}), ST_MakePoint(${to[0]}, ${to[1]})), 4326)::geography`;
  const places = await rows<{ id: string; name: string; category: 'school' | 'kindergarten'; jurisdictionPath: string; openingHours: string | null; area: string }>(q, sql`
    select p.id, p.name, p.category, p.jurisdiction_path::text as "jurisdictionPath", p.opening_hours as "openingHours", ST_AsGeoJSON(ST_Buffer(p.geom::geography, ${ZONE_BUFFER_METRES})::geometry, 7) as area
    from places p where p.category in ('school', 'kindergarten') and ST_DWithin(p.location::geography, ${line}, ${ZONE_SEARCH_METRES}) order by p.name, p.id`);
  const byPath = places.length > 0 ? await categoryHoursByPath(q) : new Map<string, Record<string, string>>();
  // The window's local dates and the closed days on them: a school closed on a date is not protected then.
  const dates = localDates(window.from, window.until, timeZone);
  const rules = places.length > 0 ? await closedDayRules(q, dates[0]!, dates[dates.length - 1]!) : [];
  const zones: ProtectedZone[] = places
    .map((p) => {
      const hours = hoursOf(p, byPath);
      const closedDates = rules.length === 0 ? [] : dates.filter((d) => closedOn(p, hours, d, rules));
      return { p, hours: hours.hours, closedDates };
    })
    .filter(({ p, hours, closedDates }) => zoneActiveDuring({ kind: p.category, hours, closedDates }, window.from, window.until, timeZone))
    .map(({ p, hours, closedDates }) => ({ id: p.id, kind: p.category, name: p.name, hours, ...(closedDates.length > 0 ? { closedDates } : {}), area: JSON.parse(p.area) as ProtectedZone['area'] }));
  for (const c of await activeCordonAreas(q)) zones.push({ id: c.id, kind: 'cordon', name: c.name, hours: null, area: c.area });
  return zones;
}

/** Even-odd test of a point against GeoJSON rings (degrees; the zones are small). */
function contains(area: ProtectedZone['area'], [x, y]: LonLat): boolean {
  let inside = false;
  for (const r of area.coordinates) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i]!;
      const [xj, yj] = r[j]!;
      if ((yi! > y) !== (yj! > y) && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside;
    }
  }
  return inside;
}

export interface PlannedRoute { coordinates: LonLat[]; distanceMeters: number; durationSeconds: number; zones: ProtectedZone[] }

/**
 * The fastest road route from one site to the other with every protected zone's roads closed. A
 * zone holding either site cannot be avoided (the depot lies beside the school): it is neither
 * closed nor watched. No route around the zones is a 422 naming the receiving site.
 */
export function planRoute(network: RoadNetwork, from: LonLat, to: LonLat, zones: readonly ProtectedZone[]): PlannedRoute {
  const graph = hazmatGraph(network);
  const avoid = zones.filter((z) => !contains(z.area, from) && !contains(z.area, to));
  const live = new LiveChanges(graph);
  const closed: LiveChange[] = [];
  try {
    for (const z of avoid) closed.push(live.closeArea(z.area.coordinates));
    const r = route(graph, graph.snapper.snap(from), graph.snapper.snap(to));
    return { coordinates: r.geometry.coordinates.map(([x, y]) => [x!, y!] as LonLat), distanceMeters: Math.round(r.distance), durationSeconds: Math.round(r.time), zones: avoid };
  } catch (err) {
    if (err instanceof RoadGraphError && (err.code === 'ROADGRAPH_UNREACHABLE' || err.code === 'ROADGRAPH_TOO_FAR_FROM_ROAD')) {
      throw new AppError('GOODS_ROUTE_NONE', err.code === 'ROADGRAPH_UNREACHABLE' ? 'No road route between the sites keeps out of the protected zones' : 'A site lies too far from any road', { cause: err, fields: [{ path: 'body.toSiteId', message: 'no route around the protected zones' }] });
    }
    throw err;
  } finally {
    // Always lifted, even on a failed search: the graph is reused by the next permit.
    for (const c of closed) live.lift(c);
  }
}
