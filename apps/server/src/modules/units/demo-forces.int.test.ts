import type { UnitKind } from '@firebreak/contracts';
import { manyToOne } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { deploymentRoadNetwork, travelProfileOf } from '../dispatch/index.js';
import { ensureDemoForces } from './index.js';

interface Row { id: string; callSign: string; kind: UnitKind; path: string; jurisdictionId: string; homeStationId: string | null; lon: number; lat: number; onDuty: boolean; crewSize: number; capabilities: string[] }

/** The template is seeded like a first start of the demo: these are the units it made. */
describe('demo forces: units at the demo country\'s real stations and a patrol per municipality', () => {
  let t: TestApp;
  let admin: string;
  let demo: Row[];
  const now = new Date('2026-03-09T10:00:00.000Z');
  const unitRows = () => rows<Row>(t.app.platform.db, sql`select id, call_sign as "callSign", kind, jurisdiction_path::text as path, jurisdiction_id as "jurisdictionId",
      home_station_id as "homeStationId", ST_X(home_location) as lon, ST_Y(home_location) as lat, on_duty as "onDuty", crew_size as "crewSize", capabilities
    from units order by call_sign`);

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    admin = await loginAdmin(t.app);
    demo = await unitRows();
  }, 60_000);
  afterAll(async () => t?.close());

  it('gives each of the 11 municipalities its patrol car, in that municipality, at its police station or inside its boundary', async () => {
    const municipalities = await rows<{ id: string; path: string; name: string; policeStation: string | null }>(t.app.platform.db, sql`
      select j.id, j.path::text as path, j.name,
        (select p.id from places p where p.category = 'police_station' and p.jurisdiction_id = j.id order by p.osm_id limit 1) as "policeStation"
      from jurisdictions j where j.level = 'municipality' order by j.path`);
    expect(municipalities).toHaveLength(11);
    for (const m of municipalities) {
      const patrols = demo.filter((u) => u.callSign === `Patrouille ${m.name}`);
      expect(patrols, m.name).toHaveLength(1);
      const p = patrols[0]!;
      expect(p).toMatchObject({ kind: 'patrol_car', jurisdictionId: m.id, path: m.path, onDuty: true, crewSize: 2, homeStationId: m.policeStation });
      const [inside] = await rows<{ ok: boolean }>(t.app.platform.db, sql`select ST_Contains(boundary, ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326)) as ok from jurisdictions where id = ${m.id}`);
      expect(inside!.ok, m.name).toBe(true);
    }
    // Vaduz has the country's police station (OSM node 1620850528): its patrol is based there.
    expect(municipalities.find((m) => m.path === 'li.oberland.vaduz')!.policeStation).not.toBeNull();
  });

  it('puts an engine at every fire station and patrol cars at every police station, in the jurisdiction the station lies in', async () => {
    const stations = await rows<{ id: string; category: string; jurisdictionId: string; lon: number; lat: number }>(t.app.platform.db, sql`
      select id, category, jurisdiction_id as "jurisdictionId", ST_X(location) as lon, ST_Y(location) as lat from places
      where category in ('fire_station', 'police_station') order by id`);
    expect(stations.filter((s) => s.category === 'fire_station')).toHaveLength(6);
    expect(stations.filter((s) => s.category === 'police_station')).toHaveLength(1);
    for (const s of stations) {
      const based = demo.filter((u) => u.homeStationId === s.id);
      const wanted = s.category === 'fire_station' ? 'fire_engine' : 'patrol_car';
      expect(based.filter((u) => u.kind === wanted).length, s.id).toBeGreaterThanOrEqual(1);
      for (const u of based) {
        expect(u.jurisdictionId, u.callSign).toBe(s.jurisdictionId);
        expect([u.lon, u.lat]).toEqual([s.lon, s.lat]);
      }
    }
    // Ladders only in the larger towns, ambulances at the hospital; every kind carries its crew and capabilities.
    expect(demo.filter((u) => u.kind === 'ladder').map((u) => u.path).sort()).toEqual(['li.oberland.balzers', 'li.oberland.schaan', 'li.unterland.eschen']);
    const [hospital] = await rows<{ lon: number; lat: number; path: string }>(t.app.platform.db, sql`select ST_X(location) as lon, ST_Y(location) as lat, jurisdiction_path::text as path from places where category = 'hospital'`);
    const ambulances = demo.filter((u) => u.kind === 'ambulance');
    expect(ambulances.map((a) => [a.path, a.lon, a.lat, a.onDuty])).toEqual([[hospital!.path, hospital!.lon, hospital!.lat, true], [hospital!.path, hospital!.lon, hospital!.lat, false]]);
    expect(demo.find((u) => u.kind === 'fire_engine')).toMatchObject({ crewSize: 6, capabilities: expect.arrayContaining(['water', 'pump']) });
    // The roster: reserves (second police car, second ambulance) start off duty, everyone else on.
    expect(demo.filter((u) => !u.onDuty).map((u) => u.callSign)).toEqual(['Polizei Vaduz 2', 'Rettung Vaduz 2']);
    expect(demo).toHaveLength(11 + 6 + 3 + 2 + 2);
  });

  it('creates nothing on a second start, and audited what it made', async () => {
    expect(await ensureDemoForces(t.app.platform.command)).toBe(0);
    expect(await unitRows()).toEqual(demo);
    const [audit] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where action = 'units.registered' and actor_name = 'system'`);
    expect(audit!.n).toBe(demo.length);
  });

  it('recommends the on-duty demo units for a fire in Vaduz, with their road travel times from their homes, the run card\'s first', async () => {
    const scene: [number, number] = [9.5215, 47.141];
    const inc = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { cookie: admin }, payload: { type: 'fire', priority: 'P2', location: scene } });
    expect(inc.statusCode, inc.body).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${inc.json().id}/recommendations?limit=200`, headers: { cookie: admin } });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { unitId: string; etaSeconds: number | null; positionSource: string }[];
    const onDuty = demo.filter((u) => u.onDuty);
    expect(new Set(items.map((i) => i.unitId))).toEqual(new Set(onDuty.map((u) => u.id)));
    expect(items.every((i) => i.positionSource === 'home')).toBe(true);

    // Each unit on its kind's road profile (issue 17: response vehicles drive the emergency one).
    const { graph, byProfile } = await deploymentRoadNetwork(t.config);
    const destination = graph.snapper.snap(scene);
    const direct = onDuty.map((u) => manyToOne(byProfile[travelProfileOf(u.kind)], [graph.snapper.snap([u.lon, u.lat])], destination, { engine: 'dijkstra' })[0]!);
    const expected = onDuty.map((u, i) => ({ id: u.id, eta: direct[i]! })).sort((a, b) => a.eta - b.eta || a.id.localeCompare(b.id));
    const etaOf = new Map(expected.map((e) => [e.id, e.eta]));
    // Every station snaps onto the main road network (the Eschen fire station, OSM node 500020190,
    // once snapped onto a cut-off piece of road and had no time): all ranked by their road time.
    expect(expected.every((e) => Number.isFinite(e.eta))).toBe(true);
    for (const [k, item] of items.entries()) {
      expect(item.etaSeconds, `${k}`).not.toBeNull();
      expect(item.etaSeconds, `${k}`).toBeCloseTo(etaOf.get(item.unitId)!, 3);
    }
    // A fire: the run card's units come first (an engine before the closer patrol cars and
    // ambulance), every other unit after them fastest first, the kinds a fire needs ahead.
    expect(demo.find((u) => u.id === items[0]!.unitId)!.kind).toBe('fire_engine');
    const planned = items.filter((i) => (i as { planSlot?: unknown }).planSlot);
    expect(items.slice(0, planned.length)).toEqual(planned);
    const rest = items.slice(planned.length);
    const needed = (i: { unitId: string }) => ['fire_engine', 'ladder', 'ambulance', 'patrol_car'].includes(demo.find((u) => u.id === i.unitId)!.kind);
    for (const group of [rest.filter(needed), rest.filter((i) => !needed(i))]) {
      for (let k = 1; k < group.length; k++) expect(group[k]!.etaSeconds!).toBeGreaterThanOrEqual(group[k - 1]!.etaSeconds!);
    }
    items.sort((a, b) => a.etaSeconds! - b.etaSeconds!);
    const eschen = demo.filter((u) => u.onDuty && u.path === 'li.unterland.eschen' && u.homeStationId !== null);
    expect(eschen.length).toBeGreaterThanOrEqual(1);
    for (const u of eschen) expect(items.find((i) => i.unitId === u.id)!.etaSeconds, u.callSign).toBeGreaterThan(0);
    // The nearest is the Vaduz-based police or ambulance, and the farthest from Vaduz is out in Unterland.
    const byId = new Map(demo.map((u) => [u.id, u]));
    expect(byId.get(items[0]!.unitId)!.path).toMatch(/^li\.oberland\.(vaduz|triesen)$/);
    expect(byId.get(items.at(-1)!.unitId)!.path).toMatch(/^li\.unterland\./);
  });
});
