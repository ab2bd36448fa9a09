import type { GeocodeKind } from '@firebreak/contracts';
import { bboxOf, centroid, distanceM, inBBox, inMultiPolygon, type BBox, type LonLat } from './geo.js';
import { houseNumberValue, nameKey, tokenize } from './normalize.js';
import { PLACE_RANKS, type OsmGazetteer } from './osm-gazetteer.js';

/**
 * The geocoder's entries (pure): the OSM gazetteer laid over the deployment's jurisdictions —
 * every entry owned by the deepest jurisdiction holding its point, streets merged per name and
 * municipality (OSM cuts one street into many ways), addresses grouped by the street they
 * name, so a missing number can be placed between its neighbours.
 */

export interface JurisdictionArea {
  id: string; path: string; name: string; level: string;
  /** The OSM admin_level it was imported from; null for an area drawn by the agency (e.g. a station's). */
  adminLevel: number | null;
  /** GeoJSON MultiPolygon coordinates; empty when the jurisdiction has no boundary. */
  boundary: LonLat[][][];
  /** A point inside the boundary (PostGIS ST_PointOnSurface), where the jurisdiction is shown. */
  point: LonLat | null;
  altNames?: string[];
}
export interface OwnerRef { id: string; path: string; name: string }

export interface Entry {
  kind: GeocodeKind;
  label: string;
  /** Indexed text: the name or street; the house number; the municipality, postcode, place; other names. */
  main: string; number: string; area: string; alt: string;
  point: LonLat;
  owner: OwnerRef | null;
  /** 0-1: among equal matches, the bigger thing first (a town before a hamlet, a street before a POI). */
  importance: number;
  /** Addresses and streets: the street they are on (folded name + municipality). */
  streetKey?: string;
  houseNumber?: number | null;
  lines?: LonLat[][];
}

/** A street's house numbers, in order, with their points and the town their addresses name. */
export interface StreetNumbers { street: Entry; numbers: { n: number; point: LonLat; city: string }[] }
export interface Gazetteer { entries: Entry[]; streets: Map<string, StreetNumbers>; owner: (p: LonLat) => OwnerRef | null }

/** Street words that English writes after the name, where the number comes first ("600 North Wolfe Street"). */
const NUMBER_FIRST = /\b(street|avenue|road|drive|boulevard|lane|place|court|square|terrace|highway|parkway|way|alley|row|circle)$/i;

export function addressLabel(street: string, housenumber: string, city: string): string {
  const line = NUMBER_FIRST.test(street.trim()) ? `${housenumber} ${street}` : `${street} ${housenumber}`;
  return city ? `${line}, ${city}` : line;
}

class Owners {
  private readonly areas: { j: JurisdictionArea; bbox: BBox; depth: number }[];
  private readonly byPath: Map<string, JurisdictionArea>;
  constructor(jurisdictions: readonly JurisdictionArea[]) {
    this.areas = jurisdictions.filter((j) => j.boundary.length > 0)
      .map((j) => ({ j, bbox: bboxOf(j.boundary.flatMap((poly) => poly[0] ?? [])), depth: j.path.split('.').length }))
      .sort((a, b) => b.depth - a.depth);
    this.byPath = new Map(jurisdictions.map((j) => [j.path, j]));
  }
  /** The deepest jurisdiction holding the point. */
  at(p: LonLat): JurisdictionArea | null {
    for (const a of this.areas) if (inBBox(p, a.bbox) && inMultiPolygon(p, a.j.boundary)) return a.j;
    return null;
  }
  /**
   * The municipality of a jurisdiction: the deepest of itself and its ancestors that is an OSM
   * administrative area (the town an address names), whatever the organisation calls its levels;
   * areas the agency drew (stations) are not places people write in addresses.
   */
  municipalityOf(j: JurisdictionArea | null): JurisdictionArea | null {
    for (let path = j?.path; path; path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : undefined) {
      const a = this.byPath.get(path);
      if (a && a.adminLevel !== null && path.includes('.')) return a;
    }
    return null;
  }
}

const ref = (j: JurisdictionArea | null): OwnerRef | null => (j ? { id: j.id, path: j.path, name: j.name } : null);

export function buildGazetteer(osm: OsmGazetteer, jurisdictions: readonly JurisdictionArea[]): Gazetteer {
  const owners = new Owners(jurisdictions);
  const entries: Entry[] = [];

  // Streets: merged per folded name and municipality; shown at the vertex nearest their middle.
  const groups = new Map<string, { name: string; alt: Set<string>; lines: LonLat[][]; municipality: JurisdictionArea | null }>();
  for (const s of osm.streets) {
    const middle = s.line[Math.floor(s.line.length / 2)]!;
    const municipality = owners.municipalityOf(owners.at(middle));
    const key = `${nameKey(s.name)}|${municipality?.id ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { name: s.name, alt: new Set(), lines: [], municipality }));
    g.lines.push(s.line);
    for (const a of s.altNames) g.alt.add(a);
  }
  const streets = new Map<string, StreetNumbers>();
  for (const [key, g] of groups) {
    const city = g.municipality?.name ?? '';
    for (const lines of connected(g.lines)) {
      const vertices = lines.flat();
      const mid = centroid(vertices);
      let point = vertices[0]!;
      for (const v of vertices) if (distanceM(v, mid) < distanceM(point, mid)) point = v;
      const street: Entry = {
        kind: 'street', label: city ? `${g.name}, ${city}` : g.name, main: g.name, number: '', area: city, alt: [...g.alt].join(' '),
        point, owner: ref(owners.at(point)), importance: 0.5, streetKey: key, lines,
      };
      entries.push(street);
      // House numbers go by name and municipality: the first piece of the street stands for it.
      if (!streets.has(key)) streets.set(key, { street, numbers: [] });
    }
  }

  // Addresses: one per street, number and municipality (a building mapped twice, as node and way, once).
  const seen = new Set<string>();
  for (const a of osm.addresses) {
    const owner = owners.at(a.point);
    const municipality = owners.municipalityOf(owner);
    const streetKey = `${nameKey(a.street)}|${municipality?.id ?? ''}`;
    const dedupe = `${streetKey}|${a.housenumber.toLowerCase()}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const city = a.city ?? municipality?.name ?? '';
    const area = [city, municipality && municipality.name !== city ? municipality.name : '', a.postcode ?? ''].filter(Boolean).join(' ');
    const houseNumber = houseNumberValue(a.housenumber);
    entries.push({
      kind: 'address', label: addressLabel(a.street, a.housenumber, city), main: a.street, number: a.housenumber, area, alt: '',
      point: a.point, owner: ref(owner), importance: 0.4, streetKey, houseNumber,
    });
    const street = streets.get(streetKey);
    if (street && houseNumber !== null) street.numbers.push({ n: houseNumber, point: a.point, city });
  }
  for (const s of streets.values()) s.numbers.sort((x, y) => x.n - y.n);

  for (const n of osm.named) {
    const owner = owners.at(n.point);
    const municipality = owners.municipalityOf(owner);
    const city = municipality && municipality.name !== n.name ? municipality.name : '';
    entries.push({
      kind: n.kind, label: city ? `${n.name}, ${city}` : n.name, main: n.name, number: '', area: city, alt: n.altNames.join(' '),
      point: n.point, owner: ref(owner), importance: n.kind === 'place' ? (PLACE_RANKS[n.category] ?? 0.3) : 0.45,
    });
  }

  for (const j of jurisdictions) {
    if (!j.point) continue;
    const depth = j.path.split('.').length;
    entries.push({
      kind: 'jurisdiction', label: j.name, main: j.name, number: '', area: '', alt: (j.altNames ?? []).join(' '),
      point: j.point, owner: ref(j), importance: Math.max(0.5, 1.05 - depth * 0.1),
    });
  }
  return { entries, streets, owner: (p) => ref(owners.at(p)) };
}

/** How far apart the ends of two ways of one name may be and still be one street. */
export const STREET_JOIN_M = 150;

/**
 * The ways of one name in one municipality, in pieces that hang together (an end within
 * STREET_JOIN_M of another's end): two "Landstrasse" of a country with no municipalities, or two
 * "Church Street" of a city, are two streets.
 */
export function connected(lines: readonly LonLat[][]): LonLat[][][] {
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const ends = lines.map((l) => [l[0]!, l.at(-1)!]);
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      if (find(i) === find(j)) continue;
      if (ends[i]!.some((a) => ends[j]!.some((b) => distanceM(a, b) <= STREET_JOIN_M))) parent[find(i)] = find(j);
    }
  }
  const pieces = new Map<number, LonLat[][]>();
  lines.forEach((l, i) => pieces.set(find(i), [...(pieces.get(find(i)) ?? []), l]));
  return [...pieces.values()];
}

/** Whether a text has any word the geocoder could search by (not only punctuation). */
export const hasWords = (text: string): boolean => tokenize(text).length > 0;
