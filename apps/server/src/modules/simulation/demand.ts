import type { IncidentType, Priority } from '@firebreak/contracts';
import { scanOsmEntities } from '@firebreak/roadgraph';
import { pick, weighted } from './random.js';

type LonLat = [number, number];
type Tags = Record<string, string>;

/**
 * Where and what the simulated calls are, pure but for reading the extract. Calls happen where
 * people are: most at buildings (OSM buildings as the population proxy, weighted by their
 * levels), the rest at key places with a type plausible for the place.
 */

/** A building where people live or work: its first node, its weight (levels, 1-10) and its address when tagged. */
export interface Building { at: LonLat; weight: number; address: string | null }
export interface KeyPlace { name: string; category: string; at: LonLat }

/** Buildings nobody is in (a shed does not call 112). */
const EMPTY_BUILDINGS = new Set(['garage', 'garages', 'shed', 'roof', 'hut', 'barn', 'carport', 'greenhouse', 'farm_auxiliary', 'cowshed', 'stable', 'service', 'transformer_tower', 'ruins', 'bunker', 'construction']);

/** Share of calls raised at a key place; the rest come from buildings. */
export const KEY_PLACE_SHARE = 0.2;

/** What kind of call is plausible at a kind of key place. */
export const TYPES_AT: Record<string, IncidentType[]> = {
  school: ['campus_incident', 'medical', 'fire'],
  kindergarten: ['campus_incident', 'medical'],
  hospital: ['medical', 'fire'],
  fuel_station: ['fire', 'hazmat_leak', 'traffic_accident'],
  hazardous_chemicals: ['hazmat_leak', 'fire', 'explosion'],
  explosives_magazine: ['explosion', 'fire'],
  crowded_place: ['public_disorder', 'medical', 'violent_crime'],
  road_black_spot: ['traffic_accident'],
};
const OTHER_TYPES: IncidentType[] = ['traffic_accident', 'medical', 'fire', 'rescue', 'other'];

/**
 * The mix of calls from homes and workplaces, in percent: an assumption for a multi-agency
 * service: medical first, as in every fire and rescue service's statistics (75.5 % of the SF
 * week's calls are medical; police calls are not in it), then traffic, fire, police calls.
 */
export const BUILDING_TYPES: Record<IncidentType, number> = {
  medical: 45, traffic_accident: 15, fire: 10, rescue: 5, public_disorder: 8, violent_crime: 5, hazmat_leak: 2, other: 10,
  explosion: 0, campus_incident: 0,
};
/**
 * The priority mix, in percent: an assumption. SF's emergency class is 59 % of its fire and medical
 * calls; a multi-agency service's police calls are mostly not urgent, which about halves that.
 */
export const PRIORITIES: Record<Priority, number> = { P1: 30, P2: 30, P3: 25, P4: 15 };

export interface Call { at: LonLat; type: IncidentType; priority: Priority; address: string }

/** Cumulative weights of the buildings, for a draw in O(log n). */
export class Demand {
  private readonly cumulative: number[];

  constructor(readonly buildings: readonly Building[], readonly places: readonly KeyPlace[], private readonly priorities: Record<Priority, number> = PRIORITIES) {
    let sum = 0;
    this.cumulative = buildings.map((b) => (sum += b.weight));
  }

  private building(random: () => number): Building {
    const r = random() * (this.cumulative.at(-1) ?? 0);
    let [lo, hi] = [0, this.cumulative.length - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.buildings[lo]!;
  }

  /** The next call: a building (by weight) or a key place, a type that fits, a priority. */
  draw(random: () => number): Call {
    const atPlace = this.buildings.length === 0 || random() < KEY_PLACE_SHARE;
    const priority = weighted(random, this.priorities);
    if (atPlace) {
      const place = pick(random, this.places);
      return { at: place.at, type: pick(random, TYPES_AT[place.category] ?? OTHER_TYPES), priority, address: `near ${place.name}` };
    }
    const b = this.building(random);
    const type = weighted(random, BUILDING_TYPES);
    return { at: b.at, type, priority, address: b.address ?? `near ${this.nearestPlace(b.at)}` };
  }

  private nearestPlace(at: LonLat): string {
    let best = '';
    let d = Infinity;
    for (const p of this.places) {
      const e = (p.at[0] - at[0]) ** 2 * Math.cos((at[1] * Math.PI) / 180) ** 2 + (p.at[1] - at[1]) ** 2;
      if (e < d) [best, d] = [p.name, e];
    }
    return best;
  }
}

interface OsmWay { type: 'way'; id: number; refs: number[]; tags?: Tags }
interface OsmNode { type: 'node'; id: number; lat: number; lon: number }

const read = new Map<string, Promise<Building[]>>();

/**
 * The extract's buildings people are in (ways tagged `building`, less sheds, garages and the
 * like), in file order: two passes over the file (the ways, then their first nodes). Read once
 * per process and file.
 */
export function buildingsOf(pbf: string): Promise<Building[]> {
  let p = read.get(pbf);
  if (!p) {
    p = readBuildings(pbf);
    read.set(pbf, p);
    p.catch(() => read.delete(pbf));
  }
  return p;
}

async function readBuildings(pbf: string): Promise<Building[]> {
  const ways: { node: number; weight: number; address: string | null }[] = [];
  await scanOsmEntities<OsmWay | { type: string }>(pbf, { node: false, way: true, relation: false }, (e) => {
    if (e.type !== 'way') return;
    const w = e as OsmWay;
    const kind = w.tags?.building;
    if (!kind || kind === 'no' || EMPTY_BUILDINGS.has(kind) || w.refs.length === 0) return;
    const levels = Number.parseInt(w.tags!['building:levels'] ?? '', 10);
    const street = w.tags!['addr:street'];
    const number = w.tags!['addr:housenumber'];
    ways.push({ node: w.refs[0]!, weight: Number.isFinite(levels) ? Math.min(10, Math.max(1, levels)) : 1, address: street && number ? `${street} ${number}` : null });
  });
  const wanted = new Map<number, LonLat | null>(ways.map((w) => [w.node, null]));
  await scanOsmEntities<OsmNode | { type: string }>(pbf, false, (e) => {
    if (e.type !== 'node') return;
    const n = e as OsmNode;
    if (wanted.has(n.id)) wanted.set(n.id, [n.lon, n.lat]);
  });
  return ways.flatMap((w) => {
    const at = wanted.get(w.node);
    return at ? [{ at, weight: w.weight, address: w.address }] : [];
  });
}
