import type { Isochrones } from '@firebreak/contracts';
import { isochrones, RoadGraphError, type MultiPolygon, type RoadGraph, type Snapped } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { invalidField } from '../../errors.js';
import { rows, type Queryable } from '../../platform/db/client.js';

type Feature = Isochrones['features'][number];

/**
 * Raster cell of the rings: their edges are good to about one cell. 50 m rather than the
 * library's 100 m, because a 1-minute ring is only a few hundred metres across.
 */
const CELL_METRES = 50;
type LonLat = [number, number];

const extents = new WeakMap<RoadGraph, [number, number, number, number]>();

/** The bounding box of the road network's junctions: places outside it are not ours to answer for. */
export function networkBounds(graph: RoadGraph): [west: number, south: number, east: number, north: number] {
  let b = extents.get(graph);
  if (!b) {
    const { nodeLon, nodeLat } = graph.data;
    b = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < nodeLon.length; i++) {
      b[0] = Math.min(b[0], nodeLon[i]!); b[2] = Math.max(b[2], nodeLon[i]!);
      b[1] = Math.min(b[1], nodeLat[i]!); b[3] = Math.max(b[3], nodeLat[i]!);
    }
    extents.set(graph, b);
  }
  return b;
}

/** The place on the road network, or a 400 naming the coordinate that puts it off the network. */
export function snapPlace(graph: RoadGraph, [lon, lat]: LonLat): Snapped {
  const [west, south, east, north] = networkBounds(graph);
  const box = `[${west.toFixed(4)}, ${south.toFixed(4)}, ${east.toFixed(4)}, ${north.toFixed(4)}]`;
  if (lat < south || lat > north) throw invalidField('query.lat', `outside the road network (lon/lat box ${box})`);
  if (lon < west || lon > east) throw invalidField('query.lon', `outside the road network (lon/lat box ${box})`);
  try {
    return graph.snapper.snap([lon, lat]);
  } catch (err) {
    if (err instanceof RoadGraphError && err.code === 'ROADGRAPH_TOO_FAR_FROM_ROAD') throw invalidField('query.lon', 'no road near this place (lon/lat)');
    throw err;
  }
}

const feature = (minutes: number, direction: Feature['properties']['direction'], polygon: MultiPolygon): Feature => ({
  type: 'Feature', geometry: polygon, properties: { minutes, direction },
});

/**
 * The areas from which a unit reaches the place within each number of minutes: a backward
 * search over the reversed road graph (`direction: 'to'`), so one-way streets count the way a
 * unit drives them.
 */
export function ringsToPlace(graph: RoadGraph, place: Snapped, minutes: number[]): Feature[] {
  return isochrones(graph, place, minutes.map((m) => m * 60), { direction: 'to', cellMetres: CELL_METRES })
    .map((ring, i) => feature(minutes[i]!, 'to_place', ring.polygon));
}

/**
 * The area some unit reaches within each number of minutes: each unit's forward rings on the
 * graph its kind drives (`travelGraphOf`), merged per minute value by PostGIS (ST_Union) into one
 * multipolygon, so overlaps are not drawn twice.
 */
export async function ringsFromUnits(q: Queryable, origins: { at: Snapped; graph: RoadGraph }[], minutes: number[]): Promise<Feature[]> {
  const perUnit = origins.map((o) => isochrones(o.graph, o.at, minutes.map((m) => m * 60), { direction: 'from', cellMetres: CELL_METRES }));
  return Promise.all(minutes.map(async (m, i) => {
    const polygons = perUnit.flatMap((rings) => rings[i]!.polygon.coordinates);
    if (polygons.length === 0) return feature(m, 'from_units', { type: 'MultiPolygon', coordinates: [] });
    const parts = JSON.stringify(polygons.map((coordinates) => ({ type: 'Polygon', coordinates })));
    const [row] = await rows<{ merged: string | null }>(q, sql`
      select ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(ST_Union(ST_MakeValid(ST_GeomFromGeoJSON(part))), 3)), 7) as merged
      from jsonb_array_elements(${parts}::jsonb) as part`);
    return feature(m, 'from_units', row?.merged ? (JSON.parse(row.merged) as MultiPolygon) : { type: 'MultiPolygon', coordinates: [] });
  }));
}
