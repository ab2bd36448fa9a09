import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { rows, type Queryable } from '../../platform/db/client.js';
import { deploymentOsmExtract, deploymentRoadNetwork, snapOrNull } from '../dispatch/index.js';
import { buildingsOf, Demand, type Building } from './demand.js';
import { seeded } from './random.js';

/**
 * Where calls plausibly happen inside one jurisdiction: the simulator's demand (the extract's
 * buildings people are in, weighted by levels, and the key places) cut to the jurisdiction's
 * boundary, and to the places a crew can drive to (snapped to the car graph as a replay snaps a
 * call). Used to place calls of a foreign export into the jurisdiction (history import with
 * `relocate`, the replay's sample week) and by the replay bench, so all place them the same way.
 * Null when the jurisdiction has no boundary or nothing of the extract lies inside it.
 */
export async function jurisdictionDemand(q: Queryable, config: Config, path: string): Promise<Demand | null> {
  const [j] = await rows<{ bounded: boolean }>(q, sql`select boundary is not null as bounded from jurisdictions where path = ${path}::ltree`);
  if (!j?.bounded) return null;
  const all = await buildingsOf(deploymentOsmExtract(config));
  const inside = await coveredIndexes(q, path, all.map((b) => b.at));
  // Sorted by their OSM identity, as the simulator does: the same places in the same order in every database.
  const rowsInside = await rows<{ name: string; category: string; lon: number; lat: number }>(q, sql`
    select p.name, p.category, ST_X(p.location) as lon, ST_Y(p.location) as lat from places p
      join jurisdictions j on j.path = ${path}::ltree
      where ST_Covers(j.boundary, p.location) order by p.osm_type nulls last, p.osm_id nulls last, p.name`);
  // Only what the car graph reaches: a building or key place too far from every road was drawn and
  // then left out of the replay as off the graph (1.7-2.7 % of the SF week's calls). One snap each
  // on the graph the replay loads anyway.
  const { byProfile } = await deploymentRoadNetwork(config);
  const onRoads = (at: [number, number]) => snapOrNull(byProfile.car, at) !== null;
  const buildings: Building[] = inside.map((i) => all[i]!).filter((b) => onRoads(b.at));
  const places = rowsInside.map((p) => ({ name: p.name, category: p.category, at: [Number(p.lon), Number(p.lat)] as [number, number] })).filter((p) => onRoads(p.at));
  if (buildings.length === 0 && places.length === 0) return null;
  return new Demand(buildings, places);
}

/** Indexes (ascending) of the points inside the jurisdiction's boundary; one query, the points as one JSON parameter. */
export async function coveredIndexes(q: Queryable, path: string, points: readonly (readonly [number, number])[]): Promise<number[]> {
  if (points.length === 0) return [];
  const found = await rows<{ i: number }>(q, sql`
    select (e.n - 1)::int as i from jurisdictions j, jsonb_array_elements(${JSON.stringify(points)}::jsonb) with ordinality as e(p, n)
      where j.path = ${path}::ltree and ST_Covers(j.boundary, ST_SetSRID(ST_MakePoint((e.p->>0)::float8, (e.p->>1)::float8), 4326))
      order by e.n`);
  return found.map((r) => Number(r.i));
}

/**
 * `count` places drawn from the demand, seeded: the same seed and demand give the same places in
 * the same order (the i-th call of an export always lands at the i-th draw).
 */
export function drawPlaces(demand: Demand, seed: number, count: number): { at: [number, number]; address: string }[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => {
    const { at, address } = demand.draw(random);
    return { at, address };
  });
}
