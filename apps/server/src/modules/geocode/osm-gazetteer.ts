import { assertOsmPbf, scanOsmEntities } from '@firebreak/roadgraph';
import { centroid, type LonLat } from './geo.js';

/**
 * What the geocoder knows from an OSM extract, before jurisdictions are laid over it: addressed
 * objects (nodes, and ways — buildings — at the centroid of their nodes), named highways (one
 * line per way; merged per name and municipality when the index is built), `place=*` and named
 * points of interest. Two streaming passes over the PBF: ways with their tags, then nodes.
 */
export interface OsmAddress { street: string; housenumber: string; city: string | null; postcode: string | null; point: LonLat; osm: string }
export interface OsmStreet { name: string; altNames: string[]; line: LonLat[]; osm: string }
export interface OsmNamed { kind: 'place' | 'key_place'; name: string; altNames: string[]; category: string; point: LonLat; osm: string }
export interface OsmGazetteer { addresses: OsmAddress[]; streets: OsmStreet[]; named: OsmNamed[] }

type Tags = Record<string, string>;
interface OsmNode { type: 'node'; id: number; lat: number; lon: number; tags?: Tags }
interface OsmWay { type: 'way'; id: number; refs: number[]; tags?: Tags }
type OsmEntity = OsmNode | OsmWay | { type: 'relation' };

/** Highways that are not streets a caller would name. */
const NOT_STREETS = new Set(['platform', 'bus_stop', 'elevator', 'proposed', 'construction', 'abandoned', 'razed']);
/** The tags that make a named object a point of interest (a key place, a landmark). */
const POI_KEYS = ['amenity', 'shop', 'tourism', 'leisure', 'office', 'healthcare', 'emergency', 'historic', 'craft', 'man_made', 'railway', 'aeroway', 'public_transport'] as const;
/** `place=*` values worth finding, largest first (their rank is the importance). */
export const PLACE_RANKS: Readonly<Record<string, number>> = {
  country: 1, state: 0.95, city: 0.9, town: 0.8, municipality: 0.8, village: 0.7, suburb: 0.6, borough: 0.6, quarter: 0.5,
  hamlet: 0.45, neighbourhood: 0.4, locality: 0.3, isolated_dwelling: 0.3, farm: 0.25, square: 0.4,
};

/** Other names an object is known by: `name:<lang>` (Chinese among them), `alt_name`, `old_name`, `int_name`, `short_name`. */
function altNamesOf(tags: Tags): string[] {
  const names = new Set<string>();
  for (const [k, v] of Object.entries(tags)) {
    if (k.startsWith('name:') || k === 'alt_name' || k === 'old_name' || k === 'int_name' || k === 'short_name' || k === 'official_name') {
      for (const n of v.split(';')) if (n.trim() && n.trim() !== tags.name) names.add(n.trim());
    }
  }
  return [...names];
}

function namedOf(tags: Tags, point: LonLat, osm: string): OsmNamed | null {
  const name = tags.name ?? tags['name:zh'];
  if (!name) return null;
  if (tags.place && PLACE_RANKS[tags.place] !== undefined) return { kind: 'place', name, altNames: altNamesOf(tags), category: tags.place, point, osm };
  const key = POI_KEYS.find((k) => tags[k] !== undefined && tags[k] !== 'no');
  if (key) return { kind: 'key_place', name, altNames: altNamesOf(tags), category: `${key}=${tags[key]}`, point, osm };
  return null;
}

function addressOf(tags: Tags, point: LonLat, osm: string): OsmAddress | null {
  const housenumber = tags['addr:housenumber']?.trim();
  const street = (tags['addr:street'] ?? tags['addr:place'])?.trim();
  if (!housenumber || !street) return null;
  return { street, housenumber, city: tags['addr:city']?.trim() || null, postcode: tags['addr:postcode']?.trim() || null, point, osm };
}

export async function readOsmGazetteer(file: string): Promise<OsmGazetteer> {
  await assertOsmPbf(file);
  const pendingAreas: { tags: Tags; refs: number[]; id: number }[] = [];
  const pendingStreets: { name: string; altNames: string[]; refs: number[]; id: number }[] = [];
  await scanOsmEntities<OsmEntity>(file, { node: false, way: true, relation: false }, (e) => {
    if (e.type !== 'way' || !e.tags || e.refs.length < 1) return;
    const t = e.tags;
    if (t.highway && t.name && !NOT_STREETS.has(t.highway) && e.refs.length >= 2) {
      pendingStreets.push({ name: t.name, altNames: altNamesOf(t), refs: e.refs, id: e.id });
    }
    if (t['addr:housenumber'] || ((t.name || t['name:zh']) && (t.place || POI_KEYS.some((k) => t[k] !== undefined)))) {
      pendingAreas.push({ tags: t, refs: e.refs, id: e.id });
    }
  });

  const coords = new Map<number, LonLat | null>();
  for (const w of pendingAreas) for (const r of w.refs) coords.set(r, null);
  for (const w of pendingStreets) for (const r of w.refs) coords.set(r, null);
  const out: OsmGazetteer = { addresses: [], streets: [], named: [] };
  await scanOsmEntities<OsmEntity>(file, { node: true, way: false, relation: false }, (e) => {
    if (e.type !== 'node') return;
    const point: LonLat = [e.lon, e.lat];
    if (coords.has(e.id)) coords.set(e.id, point);
    if (!e.tags) return;
    const address = addressOf(e.tags, point, `n${e.id}`);
    if (address) out.addresses.push(address);
    const named = namedOf(e.tags, point, `n${e.id}`);
    if (named) out.named.push(named);
  });

  const lineOf = (refs: number[]): LonLat[] => refs.map((r) => coords.get(r)).filter((p): p is LonLat => Boolean(p));
  for (const w of pendingAreas) {
    // A closed way's first node is also its last: count it once.
    const ring = lineOf(w.refs.length > 1 && w.refs[0] === w.refs.at(-1) ? w.refs.slice(1) : w.refs);
    if (ring.length === 0) continue; // outside a clipped extract
    const point = centroid(ring);
    const address = addressOf(w.tags, point, `w${w.id}`);
    if (address) out.addresses.push(address);
    const named = namedOf(w.tags, point, `w${w.id}`);
    if (named) out.named.push(named);
  }
  for (const w of pendingStreets) {
    const line = lineOf(w.refs);
    if (line.length >= 2) out.streets.push({ name: w.name, altNames: w.altNames, line, osm: `w${w.id}` });
  }
  return out;
}
