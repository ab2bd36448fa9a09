import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { Cast, jurisdictionByPath, startTestApp, type TestApp } from '../../../test/harness.js';
import { StreamClient } from '../../../test/stream-client.js';
import { sweepMajorIncidentClocks } from './index.js';

const MIN = 60_000;
const MARKET: [number, number] = [9.5215, 47.141]; // Vaduz

describe('major incidents: declare, command structure, sectors, casualties, report-up and SITREP clocks, after-action', () => {
  let t: TestApp;
  let now = new Date('2026-06-01T10:00:00.000Z');
  const cast = new Cast(() => t.app);
  const ids: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => cast.call(who, method, url, payload);
  const ok = async (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const sweep = () => sweepMajorIncidentClocks(t.app.platform.command);
  const count = async (table: string) => (await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
  const outbox = (type: string, majorId: string) => rows<{ path: string; clock: string | null }>(t.app.platform.db,
    sql`select jurisdiction_path::text as path, data->>'clock' as clock from outbox where type = ${type} and (data->>'majorIncidentId' = ${majorId} or data->>'id' = ${majorId}) order by seq`);
  const sitrep = (extra: object = {}) => ({
    situation: 'Gas explosion at the market hall; east wing collapsed; fire under control.', resourcesCommitted: { units: 6, note: 'two engines, four ambulances' },
    resourcesRequested: { units: 2, note: 'rescue teams from Unterland' }, cordonStatus: 'Inner cordon 100 m around the hall', nextSteps: 'Search the east wing; gas company isolating the main.', ...extra,
  });
  async function openIncident(): Promise<string> {
    const res = await call('vaduzDispatcher', 'POST', '/incidents', { type: 'fire', priority: 'P1', location: MARKET, narrative: 'Explosion at the market' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function declare(who: string, body: object) {
    const res = await call(who, 'POST', '/major-incidents', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  async function post(path: string, title: string, holder: string): Promise<string> {
    const p = await call('admin', 'POST', '/posts', { jurisdictionId: ids[path], kind: 'duty_post', title });
    expect(p.statusCode, p.body).toBe(201);
    expect((await call('admin', 'POST', `/posts/${p.json().id}/handovers`, { userId: cast.users[holder]!.id })).statusCode).toBe(200);
    return p.json().id;
  }

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    for (const p of ['li', 'li.oberland', 'li.unterland', 'li.oberland.vaduz', 'li.unterland.eschen']) ids[p] = (await jurisdictionByPath(t.app, p)).id;
    for (const [name, role, path] of [
      ['vaduzDispatcher', 'dispatcher', 'li.oberland.vaduz'], ['vaduzDuty', 'duty_officer', 'li.oberland.vaduz'], ['oberlandDuty', 'duty_officer', 'li.oberland'],
      ['eschenDispatcher', 'dispatcher', 'li.unterland.eschen'], ['eschenDuty', 'duty_officer', 'li.unterland.eschen'], ['crew', 'unit_member', 'li.oberland.vaduz'],
      ['sectorLead', 'unit_member', 'li.oberland.vaduz'], ['nationalDuty', 'duty_officer', 'li'],
    ] as const) await cast.add(name, role, path);
  }, 180_000);
  afterAll(async () => t?.close());

  it('refuses bad declarations with the field named, and writes nothing', async () => {
    const incidentId = await openIncident();
    const cases: [string, object, number, string][] = [
      ['vaduzDispatcher', { title: 'x', level: 'III' }, 400, 'body.incidentId'],
      ['vaduzDispatcher', { title: 'x', level: 'III', incidentId, location: MARKET }, 400, 'body.incidentId'],
      ['vaduzDispatcher', { title: 'x', incidentId }, 400, 'body.level'],
      ['vaduzDispatcher', { title: 'x', level: 'V', incidentId }, 400, 'body.level'],
      ['vaduzDispatcher', { title: 'x', level: 'III', location: [9.5215, 47.141, 450] }, 400, 'body.location'],
      ['vaduzDispatcher', { title: 'x', level: 'III', location: [0, 0] }, 404, 'body.location'],
      ['eschenDispatcher', { title: 'x', level: 'III', incidentId }, 400, 'body.incidentId'],
    ];
    for (const [who, body, status, field] of cases) {
      const res = await call(who, 'POST', '/major-incidents', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    // A unit's crew reads incidents but does not declare; nor does a dispatcher elsewhere at a point in Vaduz.
    expect((await call('crew', 'POST', '/major-incidents', { title: 'x', level: 'III', incidentId })).statusCode).toBe(403);
    expect((await call('eschenDispatcher', 'POST', '/major-incidents', { title: 'x', level: 'III', location: MARKET })).statusCode).toBe(403);
    expect(await count('major_incidents')).toBe(0);
  });

  it('declares from an incident: the level sets the command and who is informed; the suggestion follows the casualty thresholds; once per incident', async () => {
    const incidentId = await openIncident();
    const m = await declare('vaduzDispatcher', { incidentId, title: 'Market gas explosion', casualtiesEstimate: 35 });
    expect(m).toMatchObject({
      incidentId, level: 'II', levelName: 'Level II (regional)', exercise: false, state: 'active', location: MARKET,
      jurisdiction: { path: 'li.oberland.vaduz', name: 'Vaduz' }, command: { path: 'li.oberland' }, inform: { path: 'li' },
      reportUp: [
        { kind: 'first', minutes: 30, deadlineAt: new Date(now.getTime() + 30 * MIN).toISOString(), metAt: null, missedAt: null },
        { kind: 'written', minutes: 60, deadlineAt: new Date(now.getTime() + 60 * MIN).toISOString(), metAt: null, missedAt: null },
      ],
      sitrep: { intervalMinutes: 30, dueAt: new Date(now.getTime() + 30 * MIN).toISOString(), count: 0, missed: 0 },
      casualties: { immediate: 0, delayed: 0, minor: 0, deceased: 0, total: 0 }, positions: [],
    });
    const again = await call('vaduzDuty', 'POST', '/major-incidents', { incidentId, title: 'again', level: 'IV' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('MAJOR_INCIDENT_ALREADY_DECLARED');
    // The incident's own timeline shows the declaration.
    const timeline = (await call('vaduzDispatcher', 'GET', `/incidents/${incidentId}/timeline`)).json();
    expect(JSON.stringify(timeline)).toContain('major_incidents.declared');
    // Levels III and IV command in the municipality and inform the region; level I commands nationally.
    const local = await declare('vaduzDispatcher', { location: MARKET, title: 'Small', casualtiesEstimate: 2, exercise: true });
    expect(local).toMatchObject({ level: 'IV', exercise: true, incidentId: null, command: { path: 'li.oberland.vaduz' }, inform: { path: 'li.oberland' } });
    const national = await declare('vaduzDispatcher', { location: MARKET, title: 'Huge', level: 'I', exercise: true });
    expect(national).toMatchObject({ command: { path: 'li' }, inform: { path: 'li' } });
  });

  it('builds the command structure from posts, with sectors, units and casualty counts; only those who command or hold the sector act', async () => {
    const incidentId = await openIncident();
    const m = await declare('vaduzDispatcher', { incidentId, title: 'Structure', level: 'III' });
    const commanderPost = await post('li.oberland.vaduz', 'Vaduz incident command', 'vaduzDuty');
    const sectorPost = await post('li.oberland.vaduz', 'Sector lead East', 'sectorLead');
    const reliefPost = await post('li.oberland.vaduz', 'Relief lead East', 'crew');
    // A dispatcher declares but does not command.
    expect((await call('vaduzDispatcher', 'POST', `/major-incidents/${m.id}/positions`, { role: 'commander', postId: commanderPost })).statusCode).toBe(403);
    let s = (await call('vaduzDuty', 'POST', `/major-incidents/${m.id}/positions`, { role: 'commander', postId: commanderPost })).json();
    expect(s.positions[0]).toMatchObject({ role: 'commander', holder: { postId: commanderPost, postTitle: 'Vaduz incident command', person: { userId: cast.users.vaduzDuty!.id } } });
    const dup = await call('vaduzDuty', 'POST', `/major-incidents/${m.id}/positions`, { role: 'commander', postId: sectorPost });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'MAJOR_INCIDENT_POSITION_TAKEN']);
    const bad = await call('vaduzDuty', 'POST', `/major-incidents/${m.id}/positions`, { role: 'sector', postId: sectorPost });
    expect([bad.statusCode, bad.json().errors[0].path]).toEqual([400, 'body.name']);
    s = (await call('vaduzDuty', 'POST', `/major-incidents/${m.id}/positions`, { role: 'section', section: 'operations', postId: commanderPost })).json();
    s = (await call('vaduzDuty', 'POST', `/major-incidents/${m.id}/positions`, { role: 'sector', name: 'East', postId: sectorPost })).json();
    s = (await call('vaduzDuty', 'POST', `/major-incidents/${m.id}/positions`, { role: 'sector', name: 'West', postId: commanderPost })).json();
    const sameName = await call('vaduzDuty', 'POST', `/major-incidents/${m.id}/positions`, { role: 'sector', name: 'east', postId: sectorPost });
    expect(sameName.json().code).toBe('MAJOR_INCIDENT_POSITION_TAKEN');
    const east = s.positions.find((p: { name: string }) => p.name === 'East').id;
    const west = s.positions.find((p: { name: string }) => p.name === 'West').id;
    const section = s.positions.find((p: { role: string }) => p.role === 'section').id;

    const [u1, u2] = await rows<{ id: string }>(t.app.platform.db, sql`select id from units where jurisdiction_path <@ 'li.oberland.vaduz'::ltree order by call_sign limit 2`);
    const [far] = await rows<{ id: string }>(t.app.platform.db, sql`select id from units where jurisdiction_path <@ 'li.unterland'::ltree order by call_sign limit 1`);
    // The sector's own lead (a unit member, through the post) assigns to it; not to another sector.
    s = await ok('sectorLead', 'PUT', `/major-incidents/${m.id}/positions/${east}/units/${u1!.id}`);
    expect(s.positions.find((p: { id: string }) => p.id === east).units.map((u: { unitId: string }) => u.unitId)).toEqual([u1!.id]);
    expect((await call('sectorLead', 'PUT', `/major-incidents/${m.id}/positions/${west}/units/${u2!.id}`)).statusCode).toBe(403);
    const notSector = await call('vaduzDuty', 'PUT', `/major-incidents/${m.id}/positions/${section}/units/${u2!.id}`);
    expect([notSector.statusCode, notSector.json().code]).toEqual([422, 'MAJOR_INCIDENT_NOT_A_SECTOR']);
    // A unit out of the actor's sight is refused by name of the field; the region's duty officer brings one in.
    expect((await call('vaduzDuty', 'PUT', `/major-incidents/${m.id}/positions/${west}/units/${far!.id}`)).json().errors[0].path).toBe('path.unitId');
    // Moving a unit from East to West ends one assignment as the next begins.
    now = new Date(now.getTime() + MIN);
    s = await ok('vaduzDuty', 'PUT', `/major-incidents/${m.id}/positions/${west}/units/${u1!.id}`);
    expect(s.positions.find((p: { id: string }) => p.id === east).units).toEqual([]);
    expect((await call('vaduzDuty', 'PUT', `/major-incidents/${m.id}/positions/${west}/units/${u1!.id}`)).json().code).toBe('MAJOR_INCIDENT_CHANGE_NOT_ALLOWED');
    // Another major incident cannot take it until it is released.
    const other = await declare('vaduzDispatcher', { location: MARKET, title: 'Other', level: 'IV' });
    const otherSector = (await call('vaduzDuty', 'POST', `/major-incidents/${other.id}/positions`, { role: 'sector', name: 'Only', postId: commanderPost })).json().positions[0].id;
    expect((await call('vaduzDuty', 'PUT', `/major-incidents/${other.id}/positions/${otherSector}/units/${u1!.id}`)).json().code).toBe('MAJOR_INCIDENT_UNIT_ELSEWHERE');

    // Casualties: counts per sector, the tally their sum; a repeated report replaces, never adds.
    const counts = { immediate: 4, delayed: 7, minor: 12, deceased: 1 };
    expect((await call('sectorLead', 'PUT', `/major-incidents/${m.id}/positions/${west}/casualties`, counts)).statusCode).toBe(403);
    await call('sectorLead', 'PUT', `/major-incidents/${m.id}/positions/${east}/casualties`, counts);
    s = (await call('sectorLead', 'PUT', `/major-incidents/${m.id}/positions/${east}/casualties`, counts)).json();
    s = (await call('vaduzDuty', 'PUT', `/major-incidents/${m.id}/positions/${west}/casualties`, { immediate: 1, delayed: 0, minor: 3, deceased: 0 })).json();
    expect(s.casualties).toEqual({ immediate: 5, delayed: 7, minor: 15, deceased: 1, total: 28 });
    expect(s.positions.find((p: { id: string }) => p.id === east).casualties.total).toBe(24);
    const negative = await call('vaduzDuty', 'PUT', `/major-incidents/${m.id}/positions/${west}/casualties`, { immediate: -1, delayed: 0, minor: 0, deceased: 0 });
    expect([negative.statusCode, negative.json().errors[0].path]).toEqual([400, 'body.immediate']);

    // Handing the sector to another post moves who may run it.
    s = (await call('vaduzDuty', 'PUT', `/major-incidents/${m.id}/positions/${east}/post`, { postId: reliefPost })).json();
    expect(s.positions.find((p: { id: string }) => p.id === east).holder).toMatchObject({ postId: reliefPost, person: { userId: cast.users.crew!.id } });
    expect((await call('sectorLead', 'PUT', `/major-incidents/${m.id}/positions/${east}/casualties`, counts)).statusCode).toBe(403);
    expect((await call('crew', 'PUT', `/major-incidents/${m.id}/positions/${east}/casualties`, counts)).statusCode).toBe(200);

    // Release, then the other major incident may take the unit.
    expect((await call('vaduzDuty', 'DELETE', `/major-incidents/${m.id}/units/${u1!.id}`)).statusCode).toBe(200);
    expect((await call('vaduzDuty', 'PUT', `/major-incidents/${other.id}/positions/${otherSector}/units/${u1!.id}`)).statusCode).toBe(200);
    const report = (await call('oberlandDuty', 'GET', `/major-incidents/${m.id}/after-action`)).json();
    expect(report.resources.filter((r: { unitId: string }) => r.unitId === u1!.id).map((r: { sector: string; to: string | null }) => [r.sector, r.to !== null])).toEqual([['East', true], ['West', true]]);
    // Every change is audited on the major incident.
    expect(report.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining([
      'major_incidents.declared', 'major_incidents.position_created', 'major_incidents.unit_assigned', 'major_incidents.unit_released',
      'major_incidents.casualties_updated', 'major_incidents.position_handed',
    ]));
    // Eschen (another region) does not see it at all.
    expect((await call('eschenDuty', 'GET', `/major-incidents/${m.id}`)).statusCode).toBe(404);
  });

  it('keeps the report-up clock: a first report in time is met, a written report missed escalates once to the informed level', async () => {
    const m = await declare('vaduzDispatcher', { location: MARKET, title: 'Clocks', level: 'III' });
    now = new Date(now.getTime() + 10 * MIN);
    expect((await call('vaduzDispatcher', 'POST', `/major-incidents/${m.id}/reports-up`, { kind: 'first', text: 'x' })).statusCode).toBe(403);
    const first = (await call('vaduzDuty', 'POST', `/major-incidents/${m.id}/reports-up`, { kind: 'first', text: 'Explosion, 20+ injured, level III declared.' })).json();
    expect(first.reportUp[0].metAt).toBe(now.toISOString());
    await sweep();
    expect(await outbox('major_incidents.escalated', m.id)).toEqual([]);
    now = new Date(now.getTime() + 51 * MIN); // written due at 60 min: missed; the SITREP (due at 30) too
    expect(await sweep()).toBeGreaterThanOrEqual(2);
    expect(await sweep()).toBe(0);
    const after = (await call('vaduzDuty', 'GET', `/major-incidents/${m.id}`)).json();
    expect(after.reportUp[1].missedAt).toBe(after.reportUp[1].deadlineAt);
    expect(after.sitrep.missed).toBe(1);
    const escalated = await outbox('major_incidents.escalated', m.id);
    expect(escalated).toEqual([{ path: 'li.oberland', clock: 'written_report' }, { path: 'li.oberland', clock: 'sitrep' }]);
    // A late written report does not turn the clock back.
    const late = (await call('vaduzDuty', 'POST', `/major-incidents/${m.id}/reports-up`, { kind: 'written', text: 'Written report.' })).json();
    expect(late.reportUp[1]).toMatchObject({ metAt: null, missedAt: after.reportUp[1].deadlineAt });
    expect((await outbox('major_incidents.escalated', m.id)).length).toBe(2);
  });

  it("takes SITREPs for the commander's post on a schedule, rolls them up live to the levels above, and escalates a missed one once", async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const baseUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const [region, nation, eschen] = await Promise.all([
      StreamClient.connect(baseUrl, { cookie: await cast.cookieOf('oberlandDuty') }), StreamClient.connect(baseUrl, { cookie: await cast.cookieOf('nationalDuty') }),
      StreamClient.connect(baseUrl, { cookie: await cast.cookieOf('eschenDuty') }),
    ]);
    try {
      await Promise.all([region.waitForKind('caught_up'), nation.waitForKind('caught_up'), eschen.waitForKind('caught_up')]);
      const m = await declare('vaduzDispatcher', { incidentId: await openIncident(), title: 'SITREPs', level: 'III' });
      const noCommander = await call('vaduzDuty', 'POST', `/major-incidents/${m.id}/sitreps`, sitrep());
      expect([noCommander.statusCode, noCommander.json().code]).toEqual([409, 'MAJOR_INCIDENT_NO_COMMANDER']);
      const commandPost = await post('li.oberland.vaduz', 'SITREP command', 'sectorLead');
      await call('vaduzDuty', 'POST', `/major-incidents/${m.id}/positions`, { role: 'commander', postId: commandPost });
      const missing = await call('sectorLead', 'POST', `/major-incidents/${m.id}/sitreps`, { ...sitrep(), nextSteps: undefined });
      expect([missing.statusCode, missing.json().errors[0].path]).toEqual([400, 'body.nextSteps']);
      now = new Date(now.getTime() + 20 * MIN);
      const first = await call('sectorLead', 'POST', `/major-incidents/${m.id}/sitreps`, sitrep());
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({ seq: 1, late: false, onBehalf: false, postTitle: 'SITREP command', submittedBy: cast.users.sectorLead!.username });
      const rolled = await region.waitForEventWhere((e) => e.type === 'major_incidents.sitrep_submitted' && (e.data as { majorIncidentId: string }).majorIncidentId === m.id);
      expect(rolled).toMatchObject({ jurisdictionPath: 'li.oberland.vaduz', data: { seq: 1, resourcesRequested: { units: 2 }, cordonStatus: 'Inner cordon 100 m around the hall' } });
      await nation.waitForEventWhere((e) => e.type === 'major_incidents.sitrep_submitted' && (e.data as { majorIncidentId: string }).majorIncidentId === m.id);
      // The next falls due one interval later; missed, it escalates once; a late one is marked late (by the region, on the post's behalf).
      now = new Date(now.getTime() + 31 * MIN);
      expect(await sweep()).toBeGreaterThanOrEqual(1);
      expect((await outbox('major_incidents.escalated', m.id)).map((e) => e.clock)).toContain('sitrep');
      const escalation = await region.waitForEventWhere((e) => e.type === 'major_incidents.escalated' && (e.data as { majorIncidentId: string }).majorIncidentId === m.id && (e.data as { clock: string }).clock === 'sitrep');
      expect(escalation.jurisdictionPath).toBe('li.oberland');
      const late = (await call('oberlandDuty', 'POST', `/major-incidents/${m.id}/sitreps`, sitrep({ situation: 'Search continues.' }))).json();
      expect(late).toMatchObject({ seq: 2, late: true, onBehalf: true });
      const list = (await call('nationalDuty', 'GET', `/major-incidents/${m.id}/sitreps`)).json();
      expect(list.map((x: { seq: number }) => x.seq)).toEqual([2, 1]);
      expect(eschen.events().some((e) => e.type.startsWith('major_incidents.'))).toBe(false);
    } finally {
      await Promise.all([region.close(), nation.close(), eschen.close()]);
    }
  });

  it('changes level with a reason, keeps exercises apart, exports the after-action report, and stands down', async () => {
    const m = await declare('vaduzDispatcher', { location: MARKET, title: 'Drill', level: 'IV', exercise: true });
    const raised = (await call('vaduzDuty', 'PUT', `/major-incidents/${m.id}/level`, { level: 'II', reason: 'Casualties above 30' })).json();
    expect(raised).toMatchObject({ level: 'II', command: { path: 'li.oberland' }, inform: { path: 'li' } });
    expect(raised.reportUp[0].deadlineAt).toBe(new Date(now.getTime() + 30 * MIN).toISOString());
    // Now commanded by the region: Vaduz's duty officer no longer commands it.
    expect((await call('vaduzDuty', 'PUT', `/major-incidents/${m.id}/level`, { level: 'III', reason: 'x' })).statusCode).toBe(403);
    expect((await call('oberlandDuty', 'PUT', `/major-incidents/${m.id}/level`, { level: 'II', reason: 'x' })).json().code).toBe('MAJOR_INCIDENT_CHANGE_NOT_ALLOWED');
    const live = (await call('oberlandDuty', 'GET', '/major-incidents?exercise=false')).json();
    const drills = (await call('oberlandDuty', 'GET', '/major-incidents?exercise=true')).json();
    expect(live.some((x: { id: string }) => x.id === m.id)).toBe(false);
    expect(drills.every((x: { exercise: boolean }) => x.exercise)).toBe(true);
    expect(drills.some((x: { id: string }) => x.id === m.id)).toBe(true);
    const csv = await call('oberlandDuty', 'GET', `/major-incidents/${m.id}/after-action.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('at,action,actor,summary,exercise');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['major_incidents.declared', 'major_incidents.level_changed']);
    expect(lines.slice(1).every((l) => l.endsWith(',yes'))).toBe(true);
    const down = (await call('oberlandDuty', 'POST', `/major-incidents/${m.id}/stand-down`, { note: 'Drill over' })).json();
    expect(down).toMatchObject({ state: 'stood_down', sitrep: { dueAt: null } });
    expect((await call('oberlandDuty', 'POST', `/major-incidents/${m.id}/reports-up`, { kind: 'first', text: 'x' })).json().code).toBe('MAJOR_INCIDENT_STOOD_DOWN');
    now = new Date(now.getTime() + 120 * MIN);
    await sweep();
    expect((await outbox('major_incidents.escalated', m.id)).length).toBe(0);
  });

  it('draws cordons: a polygon checked by PostGIS, or a radius; within the command and inner within outer; key places inside counted', async () => {
    const m = await declare('vaduzDispatcher', { location: MARKET, title: 'Cordons', level: 'IV' });
    const square = (d: number, [lon, lat] = MARKET) => ({ type: 'Polygon', coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] });
    const put = (kind: string, body: object, who = 'vaduzDuty') => call(who, 'PUT', `/major-incidents/${m.id}/cordons/${kind}`, body);
    const refused: [object, number, string, string][] = [
      [{ area: { type: 'Polygon', coordinates: [[[9.52, 47.14], [9.523, 47.143], [9.523, 47.14], [9.52, 47.143], [9.52, 47.14]]] } }, 400, 'GEOMETRY_INVALID', 'body.area'],
      [{ area: { type: 'Polygon', coordinates: [[[9.52, 47.14, 450], [9.523, 47.14, 450], [9.523, 47.143, 450], [9.52, 47.14, 450]]] } }, 400, 'VALIDATION_FAILED', 'body.area'],
      [{ area: { type: 'Polygon', coordinates: [[[9.52, 47.14], [9.523, 47.14], [9.523, 47.143], [9.52, 47.143]]] } }, 400, 'VALIDATION_FAILED', 'body.area'],
      [{ area: square(0.06) }, 422, 'MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE', 'body.area'],
      [{ radiusM: 15_000 }, 422, 'MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE', 'body.radiusM'],
      [{ area: square(0.002), radiusM: 100 }, 400, 'VALIDATION_FAILED', 'body.area'],
    ];
    for (const [body, status, code, field] of refused) {
      const res = await put('outer', body);
      expect([res.statusCode, res.json().code], res.body).toEqual([status, code]);
      expect(res.json().errors.some((e: { path: string }) => e.path === field || e.path.startsWith(`${field}.`)), res.body).toBe(true);
    }
    expect((await put('outer', { radiusM: 800 }, 'vaduzDispatcher')).statusCode).toBe(403);
    expect(await count('major_incident_cordons')).toBe(0);

    const outer = (await put('outer', { radiusM: 800 })).json().cordons.find((c: { kind: string }) => c.kind === 'outer');
    expect(outer).toMatchObject({ kind: 'outer', radiusM: 800, area: { type: 'Polygon' } });
    // The key places listed are those the circle holds: every one within 800 m, every school well inside it listed.
    const near = await rows<{ id: string; category: string; metres: number }>(t.app.platform.db, sql`select id, category,
        ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(${MARKET[0]}, ${MARKET[1]}), 4326)::geography) as metres
      from places where category in ('school', 'kindergarten', 'hospital', 'fuel_station', 'hazardous_chemicals', 'explosives_magazine', 'crowded_place')`);
    const listed = new Set(outer.keyPlaces.map((p: { id: string }) => p.id));
    expect(listed.size).toBeGreaterThan(0);
    for (const p of near) {
      if (listed.has(p.id)) expect(Number(p.metres)).toBeLessThanOrEqual(801);
      else expect(Number(p.metres)).toBeGreaterThan(790);
    }
    expect(Object.values(outer.keyPlaceCounts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(listed.size);
    // Inner within outer, both ways round.
    const tooBig = await put('inner', { radiusM: 1200 });
    expect([tooBig.statusCode, tooBig.json().code]).toEqual([422, 'MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE']);
    expect((await put('inner', { area: square(0.001) })).statusCode).toBe(200);
    expect((await put('outer', { radiusM: 50 })).json().code).toBe('MAJOR_INCIDENT_CORDON_OUTSIDE_SCOPE');
    const both = (await call('oberlandDuty', 'GET', `/major-incidents/${m.id}`)).json();
    expect(both.cordons.map((c: { kind: string; radiusM: number | null }) => [c.kind, c.radiusM])).toEqual([['inner', null], ['outer', 800]]);
    const report = (await call('oberlandDuty', 'GET', `/major-incidents/${m.id}/after-action`)).json();
    expect(report.timeline.filter((e: { action: string }) => e.action === 'major_incidents.cordon_set')).toHaveLength(2);
  });

  it('answers a retried declaration with the same Idempotency-Key once', async () => {
    const cookie = await cast.cookieOf('vaduzDispatcher');
    const body = { location: MARKET, title: 'Retry', level: 'IV' };
    const send = () => t.app.inject({ method: 'POST', url: '/api/v1/major-incidents', headers: { cookie, 'idempotency-key': 'declare-retry-0001' }, payload: body });
    const a = await send();
    const b = await send();
    expect(a.json().id).toBe(b.json().id);
    expect((await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from major_incidents where title = 'Retry'`))[0]!.n).toBe(1);
  });
});
