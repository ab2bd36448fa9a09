import { assertOsmPbf, scanOsmEntities } from '@firebreak/roadgraph';
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { OSMOptions } from 'osm-pbf-parser-node';
import { areaOf, housenumberOf, namesOf, placeOf, roadOf, waterwayOf } from './classify.js';
import { assembleRings, polygonsOf, type LonLat } from './rings.js';

/** The OSM-made layers of the base map (boundaries come from the database). */
export const OSM_LAYERS = ['roads', 'water', 'buildings', 'landuse', 'places', 'housenumbers'] as const;
export type OsmLayer = (typeof OSM_LAYERS)[number];

type Properties = Record<string, string | number | boolean>;
export type LayerFeature = Feature<Point | LineString | MultiLineString | Polygon | MultiPolygon, Properties>;
export type OsmLayers = Record<OsmLayer, LayerFeature[]>;

type Tags = Record<string, string>;
interface OsmNode { type: 'node'; id: number; lat: number; lon: number; tags?: Tags }
interface OsmWay { type: 'way'; id: number; refs: number[]; tags?: Tags }
interface OsmRelation { type: 'relation'; id: number; members: { type: string; ref: number; role: string }[]; tags?: Tags }
type OsmEntity = OsmNode | OsmWay | OsmRelation | { type?: undefined };

/** A line or area found in the ways pass, waiting for its nodes' coordinates. */
interface PendingWay { id: number; refs: number[]; layer: OsmLayer; properties: Properties; area: boolean }
interface PendingRelation { id: number; layer: OsmLayer; properties: Properties; members: { way: number; inner: boolean }[] }

/**
 * Reads the base-map layers of an OSM PBF extract in three passes (multipolygon relations, then
 * ways, then the nodes: the coordinates of those the ways use, and the label points — places and
 * house numbers — among them), each a stream over the file: the relations name untagged member
 * ways that come earlier in the file.
 */
export async function readOsmLayers(file: string): Promise<OsmLayers> {
  await assertOsmPbf(file);
  const relations: PendingRelation[] = [];
  await scan(file, { node: false, way: false, relation: true }, (e) => {
    if (e.type !== 'relation' || !e.tags || (e.tags.type !== 'multipolygon' && e.tags.type !== 'boundary')) return;
    if (e.tags.type === 'boundary') return; // administrative boundaries come from the jurisdictions
    const area = areaOf(e.tags);
    if (!area) return;
    const members = e.members.filter((m) => m.type === 'way').map((m) => ({ way: m.ref, inner: m.role === 'inner' }));
    relations.push({ id: e.id, layer: area.layer, properties: areaProperties(area, e.tags), members });
  });
  const memberWays = new Map<number, number[] | null>(relations.flatMap((r) => r.members.map((m) => [m.way, null] as const)));

  const ways: PendingWay[] = [];
  /** Addressed buildings (and other closed ways): a house number at the middle of the outline. */
  const addressed: { id: number; refs: number[]; housenumber: string }[] = [];
  await scan(file, { node: false, way: true, relation: false }, (e) => {
    if (e.type !== 'way' || e.refs.length < 2) return;
    if (memberWays.has(e.id)) memberWays.set(e.id, e.refs);
    const tags = e.tags;
    if (!tags) return;
    const road = roadOf(tags);
    if (road) ways.push({ id: e.id, refs: e.refs, layer: 'roads', properties: { ...road }, area: false });
    const waterway = waterwayOf(tags);
    if (waterway) ways.push({ id: e.id, refs: e.refs, layer: 'water', properties: { ...waterway }, area: false });
    const closed = e.refs.length >= 4 && e.refs[0] === e.refs.at(-1);
    const area = closed ? areaOf(tags) : null;
    if (area) ways.push({ id: e.id, refs: e.refs, layer: area.layer, properties: areaProperties(area, tags), area: true });
    const housenumber = closed ? housenumberOf(tags) : null;
    if (housenumber) addressed.push({ id: e.id, refs: e.refs.slice(0, -1), housenumber });
  });

  const coords = new Map<number, LonLat | null>();
  for (const w of ways) for (const r of w.refs) coords.set(r, null);
  for (const refs of memberWays.values()) for (const r of refs ?? []) coords.set(r, null);
  for (const a of addressed) for (const r of a.refs) coords.set(r, null);
  const layers: OsmLayers = { roads: [], water: [], buildings: [], landuse: [], places: [], housenumbers: [] };
  await scan(file, { node: true, way: false, relation: false }, (e) => {
    if (e.type !== 'node') return;
    if (coords.has(e.id)) coords.set(e.id, [e.lon, e.lat]);
    if (!e.tags) return;
    const point: Point = { type: 'Point', coordinates: [e.lon, e.lat] };
    const place = placeOf(e.tags);
    if (place) layers.places.push({ type: 'Feature', id: e.id, properties: { ...place }, geometry: point });
    const housenumber = housenumberOf(e.tags);
    if (housenumber) layers.housenumbers.push({ type: 'Feature', id: e.id, properties: { housenumber }, geometry: point });
  });
  const line = (refs: readonly number[]): LonLat[] | null => {
    const out: LonLat[] = [];
    for (const r of refs) {
      const p = coords.get(r);
      if (!p) return null; // a node outside a clipped extract
      out.push(p);
    }
    return out;
  };

  for (const w of ways) {
    const points = line(w.refs);
    if (!points) continue;
    layers[w.layer].push({
      type: 'Feature', id: w.id, properties: w.properties,
      geometry: w.area ? { type: 'Polygon', coordinates: [points] } : { type: 'LineString', coordinates: points },
    });
  }
  for (const r of relations) {
    const ringsOf = (inner: boolean): LonLat[][] => {
      const members = r.members.filter((m) => m.inner === inner).map((m) => memberWays.get(m.way)).filter((refs): refs is number[] => Boolean(refs));
      return assembleRings(members).map(line).filter((ring): ring is LonLat[] => ring !== null);
    };
    const polygons = polygonsOf(ringsOf(false), ringsOf(true));
    if (polygons.length === 0) continue;
    layers[r.layer].push({ type: 'Feature', id: r.id, properties: r.properties, geometry: { type: 'MultiPolygon', coordinates: polygons } });
  }
  for (const a of addressed) {
    const points = line(a.refs);
    if (!points || points.length === 0) continue;
    // The mean of the outline's corners: inside any convex or near-convex building, and cheap.
    const lon = points.reduce((sum, p) => sum + p[0], 0) / points.length;
    const lat = points.reduce((sum, p) => sum + p[1], 0) / points.length;
    layers.housenumbers.push({ type: 'Feature', id: a.id, properties: { housenumber: a.housenumber }, geometry: { type: 'Point', coordinates: [lon, lat] } });
  }
  return layers;
}

function areaProperties(area: NonNullable<ReturnType<typeof areaOf>>, tags: Tags): Properties {
  const props: Properties = {};
  if (area.layer === 'landuse') props.kind = area.kind;
  if (area.layer === 'water') props.kind = 'water';
  if (area.layer !== 'buildings') Object.assign(props, namesOf(tags));
  return props;
}

const scan = (file: string, withTags: OSMOptions['withTags'], visit: (e: OsmEntity) => void) => scanOsmEntities<OsmEntity>(file, withTags, visit);
