import type { MajorHospitals } from '@firebreak/contracts';
import { route } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client.js';
import { cordonAccessFor, travelProfileOf, type ProfileGraphs } from '../dispatch/index.js';
import type { MajorRow } from './major-incidents.queries.js';

/** How many hospitals, nearest as the crow flies, are routed: the rest are farther by road too. */
const NEAREST = 8;

/**
 * The hospitals nearest the scene by road for an ambulance, fastest first, with their distance.
 * From the staging or access point when the scene is inside a closed cordon (as dispatch routes
 * units there), since no road leaves the scene then.
 */
export async function hospitalsFor(q: Queryable, graphs: ProfileGraphs, m: Pick<MajorRow, 'lon' | 'lat'>): Promise<MajorHospitals> {
  const scene: [number, number] = [Number(m.lon), Number(m.lat)];
  const access = await cordonAccessFor(q, scene);
  const from: MajorHospitals['from'] = access?.point ? { kind: access.point.kind, name: access.point.name, location: access.point.location } : { kind: 'scene', name: null, location: scene };
  const list = await rows<{ id: string; name: string; lon: number; lat: number; metres: number }>(q, sql`select id, name, ST_X(location) as lon, ST_Y(location) as lat,
      ST_Distance(location::geography, ST_SetSRID(ST_MakePoint(${from.location[0]}, ${from.location[1]}), 4326)::geography) as metres
      from places where category = 'hospital' order by metres, id limit ${NEAREST}`);
  const graph = graphs[travelProfileOf('ambulance')];
  const hospitals = list.map((h) => {
    const at: [number, number] = [Number(h.lon), Number(h.lat)];
    let road: { metres: number; seconds: number } | null = null;
    try {
      const r = route(graph, graph.snapper.snap(from.location), graph.snapper.snap(at));
      road = { metres: Math.round(r.distance), seconds: Math.round(r.time) };
    } catch {
      // Off the road network or unreachable: listed without a road time.
      road = null;
    }
    return { placeId: h.id, name: h.name, location: at, straightMetres: Math.round(Number(h.metres)), roadMetres: road?.metres ?? null, travelSeconds: road?.seconds ?? null };
  });
  hospitals.sort((a, b) => (a.travelSeconds ?? Infinity) - (b.travelSeconds ?? Infinity) || a.straightMetres - b.straightMetres);
  return { from, hospitals };
}
