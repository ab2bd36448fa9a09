import { generatedPlaceName, type PlaceCategory } from '@firebreak/contracts';
import { scanOsmEntities } from '@firebreak/roadgraph';
import { categoryOfTags } from './categories.js';

type LonLat = [lon: number, lat: number];

/** A key place found in OSM: a tagged node (a point) or a tagged way (an outline or a line). */
export interface OsmPlace {
  osmType: 'node' | 'way';
  osmId: number;
  category: PlaceCategory;
  name: string;
  operator: string | null;
  contact: string | null;
  /** OSM `opening_hours` as tagged (schools' opening times drive coverage time windows); null when absent. */
  openingHours: string | null;
  geometry: { type: 'Point'; coordinates: LonLat } | { type: 'LineString'; coordinates: LonLat[] } | { type: 'Polygon'; coordinates: LonLat[][] };
}

interface OsmNode { type: 'node'; id: number; lat: number; lon: number; tags?: Record<string, string> }
interface OsmWay { type: 'way'; id: number; refs: number[]; tags?: Record<string, string> }
type OsmEntity = OsmNode | OsmWay | { type: 'relation' } | { type?: undefined };

interface PendingWay { id: number; refs: number[]; tags: Record<string, string>; category: PlaceCategory }

/** A building outline's centroid (an OSM way tagged `building`): counted inside cordons, nothing more. */
export interface OsmBuilding { osmId: number; lon: number; lat: number }

/**
 * Reads the key places of an OSM PBF file in two passes: the tagged nodes and ways, then the
 * coordinates of the ways' nodes. Relations (multipolygon sites) are not read.
 */
export async function readOsmPlaces(file: string): Promise<OsmPlace[]> {
  return (await readOsmFeatures(file, { buildings: false })).places;
}

/**
 * The key places and, with `buildings`, the centroid of every building outline (ways tagged
 * `building`, not `building=no`; multipolygon buildings are not read): the evacuation estimate
 * of a cordon counts them. In the same two passes over the file.
 */
export async function readOsmFeatures(file: string, opts: { buildings: boolean }): Promise<{ places: OsmPlace[]; buildings: OsmBuilding[] }> {
  const found: OsmPlace[] = [];
  const ways: PendingWay[] = [];
  const outlines: { id: number; refs: number[] }[] = [];
  await scan(file, true, (e) => {
    if (e.type === 'node') {
      const category = categoryOfTags(e.tags);
      if (category) found.push({ ...describe('node', e.id, e.tags!, category), geometry: { type: 'Point', coordinates: [e.lon, e.lat] } });
    } else if (e.type === 'way') {
      const category = categoryOfTags(e.tags);
      if (category && e.refs.length >= 2) ways.push({ id: e.id, refs: e.refs, tags: e.tags!, category });
      const building = e.tags?.building;
      if (opts.buildings && building !== undefined && building !== 'no' && e.refs.length >= 3) outlines.push({ id: e.id, refs: e.refs });
    }
  });
  const wanted = new Map<number, LonLat | null>(ways.flatMap((w) => w.refs.map((r) => [r, null] as const)));
  for (const o of outlines) for (const r of o.refs) wanted.set(r, null);
  if (wanted.size > 0) {
    await scan(file, false, (e) => {
      if (e.type === 'node' && wanted.has(e.id)) wanted.set(e.id, [e.lon, e.lat]);
    });
  }
  for (const w of ways) {
    const line = w.refs.map((r) => wanted.get(r)).filter((p): p is LonLat => Boolean(p));
    if (line.length < 2) continue;
    const closed = w.refs.length >= 4 && w.refs[0] === w.refs.at(-1) && line.length === w.refs.length;
    found.push({
      ...describe('way', w.id, w.tags, w.category),
      geometry: closed ? { type: 'Polygon', coordinates: [line] } : { type: 'LineString', coordinates: line },
    });
  }
  const buildings: OsmBuilding[] = [];
  for (const o of outlines) {
    // The closing node repeats the first: counted once, the mean of the corners is inside any convex outline and near enough for the rest.
    const refs = o.refs[0] === o.refs.at(-1) ? o.refs.slice(0, -1) : o.refs;
    const corners = refs.map((r) => wanted.get(r)).filter((p): p is LonLat => Boolean(p));
    if (corners.length === 0) continue;
    const lon = corners.reduce((a, p) => a + p[0], 0) / corners.length;
    const lat = corners.reduce((a, p) => a + p[1], 0) / corners.length;
    buildings.push({ osmId: o.id, lon: Number(lon.toFixed(7)), lat: Number(lat.toFixed(7)) });
  }
  return { places: found.sort((a, b) => a.osmType.localeCompare(b.osmType) || a.osmId - b.osmId), buildings };
}

function describe(osmType: 'node' | 'way', osmId: number, tags: Record<string, string>, category: PlaceCategory) {
  return {
    osmType,
    osmId,
    category,
    name: tags.name ?? tags['name:en'] ?? generatedPlaceName(category, osmType, osmId),
    operator: tags.operator ?? null,
    contact: tags.phone ?? tags['contact:phone'] ?? tags.website ?? tags['contact:website'] ?? null,
    openingHours: tags.opening_hours?.trim() || null,
  };
}

function scan(file: string, withTags: boolean, visit: (e: OsmEntity) => void): Promise<void> {
  return scanOsmEntities<OsmEntity>(file, withTags ? { node: true, way: true, relation: false } : false, visit);
}
