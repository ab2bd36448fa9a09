import type { UnitKind } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { rows, type Queryable } from '../../platform/db/client.js';
import { runCommand, type CommandDeps } from '../../platform/command.js';
import { findUnitRow, presentUnit } from './units.queries.js';

/**
 * The demo country's forces, derived from its key places (OSM `amenity=fire_station`, `police`,
 * `hospital`) and its municipalities. Plausible, not any agency's real fleet: enough that a
 * fresh demo can recommend and dispatch at once. The rules are documented in README ("Demo
 * world") and the units CONTEXT.md; change them there too.
 */

export interface StationPlace {
  id: string;
  category: 'fire_station' | 'police_station' | 'hospital';
  jurisdictionId: string;
  jurisdictionPath: string;
  /** The name of the municipality (or deepest jurisdiction) the place lies in. */
  jurisdictionName: string;
  location: [number, number];
}

export interface Municipality {
  id: string;
  path: string;
  name: string;
  /**
   * Where its patrol waits when it has no police station: the key place nearest to a point inside
   * its boundary (ST_PointOnSurface), i.e. in the village, by a road; that point itself if it has no place.
   */
  centre: [number, number];
}

export interface DemoUnit {
  callSign: string;
  kind: UnitKind;
  jurisdictionId: string;
  jurisdictionPath: string;
  /** A fire or police station; null for units based elsewhere (an ambulance at the hospital, a patrol at the centre). */
  homeStationId: string | null;
  homeLocation: [number, number];
  crewSize: number;
  capabilities: string[];
  /** The shift pattern of the duty roster; decides `onDuty` at creation. */
  shift: '24h' | 'reserve';
  onDuty: boolean;
}

/** Slugs of the last path label of municipalities big enough to keep a turntable ladder. */
/** The demo country's municipalities are at depth 3 (country > region > municipality), whatever FIREBREAK_LEVELS calls that level. */
const MUNICIPALITY_DEPTH = 3;
const LADDER_TOWNS = new Set(['vaduz', 'schaan', 'eschen', 'balzers']);
const lastLabel = (path: string) => path.split('.').at(-1)!;

const unit = (u: Omit<DemoUnit, 'onDuty'>): DemoUnit => ({ ...u, onDuty: u.shift === '24h' });

/**
 * The demo units, pure and deterministic (input sorted by the caller): per fire station an
 * engine (and a ladder in the larger towns), per police station two patrol cars (the second a
 * reserve), two ambulances per hospital (the second a reserve), and one patrol car per
 * municipality based at its police station, else at its `centre` (see Municipality). Call signs are unique: a
 * number counts the stations of one municipality.
 */
export function planDemoForces(stations: StationPlace[], municipalities: Municipality[]): DemoUnit[] {
  const out: DemoUnit[] = [];
  const seen = new Map<string, number>();
  const nth = (key: string) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n;
  };
  const base = (s: StationPlace) => ({ jurisdictionId: s.jurisdictionId, jurisdictionPath: s.jurisdictionPath, homeLocation: s.location });
  for (const s of stations) {
    const n = nth(`${s.category}:${s.jurisdictionName}`);
    const suffix = n === 1 ? '' : ` ${n}`;
    if (s.category === 'fire_station') {
      const home = { ...base(s), homeStationId: s.id };
      out.push(unit({ ...home, callSign: `Florian ${s.jurisdictionName}${suffix} TLF`, kind: 'fire_engine', crewSize: 6, capabilities: ['water', 'pump', 'breathing_apparatus', 'technical_rescue'], shift: '24h' }));
      if (n === 1 && LADDER_TOWNS.has(lastLabel(s.jurisdictionPath))) {
        out.push(unit({ ...home, callSign: `Florian ${s.jurisdictionName} DL`, kind: 'ladder', crewSize: 3, capabilities: ['aerial_ladder', 'high_rescue'], shift: '24h' }));
      }
    } else if (s.category === 'police_station') {
      const home = { ...base(s), homeStationId: s.id };
      out.push(unit({ ...home, callSign: `Polizei ${s.jurisdictionName}${suffix} 1`, kind: 'patrol_car', crewSize: 2, capabilities: ['first_aid', 'traffic_control'], shift: '24h' }));
      out.push(unit({ ...home, callSign: `Polizei ${s.jurisdictionName}${suffix} 2`, kind: 'patrol_car', crewSize: 2, capabilities: ['first_aid', 'traffic_control'], shift: 'reserve' }));
    } else {
      const home = { ...base(s), homeStationId: null };
      out.push(unit({ ...home, callSign: `Rettung ${s.jurisdictionName}${suffix} 1`, kind: 'ambulance', crewSize: 2, capabilities: ['als', 'patient_transport'], shift: '24h' }));
      out.push(unit({ ...home, callSign: `Rettung ${s.jurisdictionName}${suffix} 2`, kind: 'ambulance', crewSize: 2, capabilities: ['bls', 'patient_transport'], shift: 'reserve' }));
    }
  }
  const policeByPath = new Map<string, StationPlace>();
  for (const s of stations) if (s.category === 'police_station' && !policeByPath.has(s.jurisdictionPath)) policeByPath.set(s.jurisdictionPath, s);
  for (const m of municipalities) {
    const station = policeByPath.get(m.path);
    out.push(unit({
      callSign: `Patrouille ${m.name}`, kind: 'patrol_car', jurisdictionId: m.id, jurisdictionPath: m.path,
      homeStationId: station?.id ?? null, homeLocation: station?.location ?? m.centre,
      crewSize: 2, capabilities: ['first_aid', 'traffic_control'], shift: '24h',
    }));
  }
  return out;
}

async function readInputs(q: Queryable): Promise<{ stations: StationPlace[]; municipalities: Municipality[] }> {
  const stations = await rows<{ id: string; category: StationPlace['category']; jurisdictionId: string; jurisdictionPath: string; jurisdictionName: string; lon: number; lat: number }>(q, sql`
    select p.id, p.category, p.jurisdiction_id as "jurisdictionId", p.jurisdiction_path::text as "jurisdictionPath", j.name as "jurisdictionName",
      ST_X(p.location) as lon, ST_Y(p.location) as lat
    from places p join jurisdictions j on j.id = p.jurisdiction_id
    where p.category in ('fire_station', 'police_station', 'hospital')
    order by p.category, p.osm_type nulls last, p.osm_id nulls last, p.id`);
  const municipalities = await rows<{ id: string; path: string; name: string; lon: number; lat: number }>(q, sql`
    select j.id, j.path::text as path, j.name, ST_X(c.at) as lon, ST_Y(c.at) as lat
    from jurisdictions j
    cross join lateral (select coalesce(
      (select p.location from places p where p.jurisdiction_id = j.id
        order by p.location <-> ST_PointOnSurface(j.boundary), p.osm_type nulls last, p.osm_id nulls last limit 1),
      ST_PointOnSurface(j.boundary)) as at) c
    where nlevel(j.path) = ${MUNICIPALITY_DEPTH} and j.boundary is not null order by j.path`);
  return {
    stations: stations.map((s) => ({ ...s, location: [Number(s.lon), Number(s.lat)] })),
    municipalities: municipalities.map((m) => ({ id: m.id, path: m.path, name: m.name, centre: [Number(m.lon), Number(m.lat)] })),
  };
}

/**
 * Creates the demo forces once: only into a registry that has no unit at all, so a second start
 * (or a deployment whose people registered their own units) gets nothing. One command, one audit
 * row and one `units.registered` event per unit, like a registration through the API.
 */
export async function ensureDemoForces(deps: CommandDeps): Promise<number> {
  const [existing] = await rows<{ n: number }>(deps.db, sql`select count(*)::int as n from units`);
  if (Number(existing!.n) > 0) return 0;
  const { stations, municipalities } = await readInputs(deps.db);
  const plan = planDemoForces(stations, municipalities);
  if (plan.length === 0) return 0;
  const { result } = await runCommand(deps, { actor: null, actorName: 'system', requestId: null }, async (tx, record) => {
    const now = deps.clock();
    let created = 0;
    for (const u of plan) {
      const id = uuidv7();
      const inserted = await rows<{ id: string }>(tx, sql`insert into units (id, call_sign, kind, jurisdiction_id, jurisdiction_path, home_station_id, home_location, crew_size,
          capabilities, status, status_changed_at, on_duty, duty_changed_at, created_at, updated_at)
        values (${id}, ${u.callSign}, ${u.kind}, ${u.jurisdictionId}, ${u.jurisdictionPath}::ltree, ${u.homeStationId},
          ST_SetSRID(ST_MakePoint(${u.homeLocation[0]}, ${u.homeLocation[1]}), 4326), ${u.crewSize},
          array(select jsonb_array_elements_text(${JSON.stringify(u.capabilities)}::jsonb)), 'available', ${now}, ${u.onDuty}, ${now}, ${now}, ${now})
        on conflict do nothing returning id`);
      if (inserted.length === 0) continue;
      created++;
      const view = presentUnit((await findUnitRow(tx, id))!, null, now);
      record.audit({ action: 'units.registered', entityType: 'unit', entityId: id, jurisdictionPath: u.jurisdictionPath, after: { ...view, demo: true, shift: u.shift } });
      record.emit({ type: 'units.registered', jurisdictionPath: u.jurisdictionPath, data: view });
    }
    if (created === 0) record.audit({ action: 'units.demo_forces_skipped', entityType: 'unit', entityId: null, jurisdictionPath: null, after: { planned: plan.length } });
    return created;
  });
  return result;
}
