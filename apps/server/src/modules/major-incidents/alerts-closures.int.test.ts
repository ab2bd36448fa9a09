import { edgesInPolygon, insideRing, route, type LonLat, type PolygonRings } from '@firebreak/roadgraph';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { Cast, startTestApp, type TestApp } from '../../../test/harness.js';
import { validateCap } from '../../../test/cap-xsd.js';
import { deploymentRoadNetwork, travelTimes } from '../dispatch/index.js';
import { playGasExplosion } from './index.js';

const MARKET: [number, number] = [9.5215, 47.141]; // Vaduz
const SCHAAN: [number, number] = [9.5095, 47.165];

const info = (extra: object = {}) => [
  { language: 'en-US', event: 'Gas explosion', headline: 'Gas explosion at Vaduz market: keep away', description: 'A gas explosion at the market hall; risk of further explosions.', instruction: 'Keep away from the market; close windows and doors.', areaDesc: 'Vaduz market and 300 m around', ...extra },
  { language: 'zh-CN', event: '燃气爆炸', headline: '瓦杜兹市场燃气爆炸：请远离', description: '市场大厅发生燃气爆炸，有再次爆炸的危险。', instruction: '远离市场；关闭门窗。', areaDesc: '瓦杜兹市场及周边300米' },
];
const alertBody = (extra: object = {}) => ({ area: { cordon: 'outer' }, categories: ['Safety', 'Fire'], responseType: 'Avoid', urgency: 'Immediate', severity: 'Severe', certainty: 'Observed', info: info(), ...extra });

describe('major incidents: public alerts in CAP 1.2, cordons that close roads, staging and traffic points', () => {
  let t: TestApp;
  const cast = new Cast(() => t.app);
  const call = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => cast.call(who, method, url, payload);
  const ok = async (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const pub = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
  // Two-person approval: a draft composed by one, published when another approves it.
  const approve = (majorId: string, draftId: string, who = 'duty2') => call(who, 'POST', `/major-incidents/${majorId}/alert-drafts/${draftId}/approve`);
  const publish = async (draft: { id: string; majorIncidentId: string }, who = 'duty2') => {
    const res = await approve(draft.majorIncidentId, draft.id, who);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const count = async (table: string) => (await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp();
    for (const [name, role, path] of [['dispatcher', 'dispatcher', 'li.oberland.vaduz'], ['duty', 'duty_officer', 'li.oberland.vaduz'], ['duty2', 'duty_officer', 'li.oberland.vaduz']] as const) await cast.add(name, role, path);
  }, 180_000);
  afterAll(async () => t?.close());

  it('issues, updates and cancels a public alert: every document validates against the CAP 1.2 XSD and is served without login, live apart from exercise', async () => {
    const m = await ok('dispatcher', 'POST', '/major-incidents', { location: MARKET, title: 'Market gas explosion', level: 'III' });
    const issue = (body: object, who = 'duty') => call(who, 'POST', `/major-incidents/${m.id}/alerts`, body);
    // Bad input: the field named, nothing stored.
    const cases: [object, number, string, string][] = [
      [alertBody({ area: undefined }), 400, 'VALIDATION_FAILED', 'body.area'],
      [alertBody({ info: info({ headline: 'x'.repeat(161) }) }), 400, 'VALIDATION_FAILED', 'body.info.0.headline'],
      [alertBody({ urgency: 'Now' }), 400, 'VALIDATION_FAILED', 'body.urgency'],
      [alertBody({ info: info().slice(0, 1) }), 422, 'MAJOR_INCIDENT_ALERT_LANGUAGES', 'body.info'],
      [alertBody(), 409, 'MAJOR_INCIDENT_NO_CORDON', 'body.area.cordon'],
      [alertBody({ area: { polygon: { type: 'Polygon', coordinates: [[[9.52, 47.14], [9.523, 47.142], [9.523, 47.14], [9.52, 47.142], [9.52, 47.14]]] } } }), 400, 'GEOMETRY_INVALID', 'body.area.polygon'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await issue(body);
      expect([res.statusCode, res.json().code], res.body).toEqual([status, code]);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    expect((await issue(alertBody(), 'dispatcher')).statusCode).toBe(403);
    expect(await count('major_incident_alerts')).toBe(0);

    await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/outer`, { radiusM: 300 });
    const cookie = await cast.cookieOf('duty');
    const send = () => t.app.inject({ method: 'POST', url: `/api/v1/major-incidents/${m.id}/alerts`, headers: { cookie, 'idempotency-key': 'alert-retry-0001' }, payload: alertBody() });
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    const draft = first.json();
    expect((await send()).json().id).toBe(draft.id);
    expect(draft).toMatchObject({ msgType: 'Alert', state: 'pending', alertId: null, publishedAlertId: null });
    // A draft is not public: nothing served until the second person approves.
    expect(await count('major_incident_alerts')).toBe(0);
    const alert = await publish(draft);
    expect(alert).toMatchObject({ composedBy: expect.stringContaining('duty'), createdBy: expect.any(String) });
    expect(alert.composedBy).not.toBe(alert.createdBy);
    expect(alert).toMatchObject({ msgType: 'Alert', status: 'Actual', areaSource: 'outer', references: null, superseded: false, sender: 'firebreak.invalid' });
    expect(alert.area.coordinates[0].length).toBeGreaterThanOrEqual(4);

    const xml = await pub(`/public-alerts/${alert.id}.xml`);
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toContain('application/cap+xml');
    expect(await validateCap(xml.body)).toEqual({ valid: true, errors: [] });
    expect(xml.body).toContain(`<identifier>${alert.identifier}</identifier>`);
    expect(xml.body.match(/<info>/g)).toHaveLength(2);
    expect(xml.body).toContain('<language>zh-CN</language>');
    expect(xml.body).toContain(`<senderName>Vaduz</senderName>`);
    let feed = await pub('/public-alerts/feed.atom');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain(`href="${alert.id}.xml"`);
    expect((await pub('/public-alerts/exercise.atom')).body).not.toContain(alert.id);

    // An update over a drawn area references the alert and replaces it in the feed.
    const drawn = { type: 'Polygon', coordinates: [[[9.519, 47.139], [9.524, 47.139], [9.524, 47.143], [9.519, 47.143], [9.519, 47.139]]] };
    const update = await publish(await ok('duty', 'POST', `/major-incidents/${m.id}/alerts/${alert.id}/updates`, alertBody({ area: { polygon: drawn }, severity: 'Extreme' })));
    expect(update).toMatchObject({ msgType: 'Update', threadId: alert.id, references: `firebreak.invalid,${alert.identifier},${alert.sent}`, areaSource: 'drawn', severity: 'Extreme' });
    const updateXml = (await pub(`/public-alerts/${update.id}.xml`)).body;
    expect((await validateCap(updateXml)).valid).toBe(true);
    expect(updateXml).toContain('<polygon>47.139,9.519 47.139,9.524 47.143,9.524 47.143,9.519 47.139,9.519</polygon>');
    feed = await pub('/public-alerts/feed.atom');
    expect(feed.body).toContain(`href="${update.id}.xml"`);
    expect(feed.body).not.toContain(`${alert.id}.xml`);

    // Cancel (by the update's id or the alert's: the same thread); twice is refused, as is an update after it.
    // The cancel too needs a second person: a wrong all-clear sends people back into danger.
    const cancel = await publish(await ok('duty2', 'POST', `/major-incidents/${m.id}/alerts/${alert.id}/cancel`, { note: 'Gas main isolated; the area is safe.' }), 'duty');
    expect(cancel).toMatchObject({ msgType: 'Cancel', note: 'Gas main isolated; the area is safe.' });
    expect(cancel.references.split(' ')).toHaveLength(2);
    expect((await validateCap((await pub(`/public-alerts/${cancel.id}.xml`)).body)).valid).toBe(true);
    for (const [method, url, body] of [['cancel', alert.id, { note: 'again' }], ['updates', update.id, alertBody()]] as const) {
      const res = await call('duty', 'POST', `/major-incidents/${m.id}/alerts/${url}/${method}`, body);
      expect([res.statusCode, res.json().code]).toEqual([409, 'MAJOR_INCIDENT_ALERT_CANCELLED']);
    }
    const unknown = await call('duty', 'POST', `/major-incidents/${m.id}/alerts/${m.id}/cancel`, { note: 'x' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'MAJOR_INCIDENT_ALERT_NOT_FOUND']);
    expect((await pub(`/public-alerts/${m.id}.xml`)).statusCode).toBe(404);
    expect((await pub('/public-alerts/feed.atom')).body).toContain('Cancelled: Gas explosion at Vaduz market');
    const events = await rows<{ type: string }>(t.app.platform.db, sql`select type from outbox where type like 'major_incidents.alert_%' order by seq`);
    expect(events.map((e) => e.type)).toEqual([
      'major_incidents.alert_drafted', 'major_incidents.alert_issued', 'major_incidents.alert_approved',
      'major_incidents.alert_drafted', 'major_incidents.alert_updated', 'major_incidents.alert_approved',
      'major_incidents.alert_drafted', 'major_incidents.alert_cancelled', 'major_incidents.alert_approved',
    ]);
    expect((await ok('duty', 'GET', `/major-incidents/${m.id}/alerts`)).map((a: { msgType: string }) => a.msgType)).toEqual(['Cancel', 'Update', 'Alert']);

    // An exercise's alert is status Exercise and only in the exercise feed.
    const ex = await ok('dispatcher', 'POST', '/major-incidents', { location: MARKET, title: 'Drill', level: 'III', exercise: true });
    await ok('duty', 'PUT', `/major-incidents/${ex.id}/cordons/outer`, { radiusM: 200 });
    const drill = await publish(await ok('duty', 'POST', `/major-incidents/${ex.id}/alerts`, alertBody()));
    expect(drill.status).toBe('Exercise');
    const drillXml = (await pub(`/public-alerts/${drill.id}.xml`)).body;
    expect((await validateCap(drillXml)).valid).toBe(true);
    expect(drillXml).toContain('<status>Exercise</status>');
    expect((await pub('/public-alerts/exercise.atom')).body).toContain(drill.id);
    expect((await pub('/public-alerts/feed.atom')).body).not.toContain(drill.id);
  });

  it('two-person approval: the composer cannot approve (nothing stored), a second person publishes, a rejection never reaches the public', async () => {
    const m = await ok('dispatcher', 'POST', '/major-incidents', { location: MARKET, title: 'Approval', level: 'III' });
    await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/outer`, { radiusM: 250 });
    const draft = await ok('duty', 'POST', `/major-incidents/${m.id}/alerts`, alertBody());
    const audits = async () => (await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from audit_log where entity_id = ${m.id}`))[0]!.n;
    const auditsBefore = await audits();
    const self = await approve(m.id, draft.id, 'duty');
    expect([self.statusCode, self.json().code, self.json().errors[0].path], self.body).toEqual([403, 'MAJOR_INCIDENT_ALERT_SELF_APPROVAL', 'path.draftId']);
    expect(self.headers['content-type']).toContain('application/problem+json');
    // A dispatcher may not command the incident, so may not approve either.
    expect((await approve(m.id, draft.id, 'dispatcher')).statusCode).toBe(403);
    expect([await count(`major_incident_alerts where major_incident_id = '${m.id}'`), await audits()]).toEqual([0, auditsBefore]);
    expect((await ok('duty2', 'GET', `/major-incidents/${m.id}/alert-drafts`))[0]).toMatchObject({ id: draft.id, state: 'pending', composedBy: expect.any(String) });

    const alert = await publish(draft);
    expect((await pub(`/public-alerts/${alert.id}.xml`)).statusCode).toBe(200);
    const twice = await approve(m.id, draft.id);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'MAJOR_INCIDENT_ALERT_DRAFT_DECIDED']);
    const unknown = await approve(m.id, m.id);
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'MAJOR_INCIDENT_ALERT_DRAFT_NOT_FOUND']);
    const [approved] = await rows<{ actor: string; after: { composedBy: string; approvedBy: string } }>(t.app.platform.db,
      sql`select actor_name as actor, after from audit_log where entity_id = ${m.id} and action = 'major_incidents.alert_approved'`);
    expect(approved!.after.composedBy).not.toBe(approved!.after.approvedBy);

    // An update rejected: never published; the reason kept. A rejected or decided draft takes nothing more.
    const upd = await ok('duty2', 'POST', `/major-incidents/${m.id}/alerts/${alert.id}/updates`, alertBody({ severity: 'Extreme' }));
    const badReject = await call('duty', 'POST', `/major-incidents/${m.id}/alert-drafts/${upd.id}/reject`, { reason: '' });
    expect([badReject.statusCode, badReject.json().errors[0].path]).toEqual([400, 'body.reason']);
    const rejected = await ok('duty', 'POST', `/major-incidents/${m.id}/alert-drafts/${upd.id}/reject`, { reason: 'Severity not confirmed by the gas company' });
    expect(rejected).toMatchObject({ state: 'rejected', reason: 'Severity not confirmed by the gas company', publishedAlertId: null });
    expect((await approve(m.id, upd.id)).json().code).toBe('MAJOR_INCIDENT_ALERT_DRAFT_DECIDED');
    expect(await count(`major_incident_alerts where major_incident_id = '${m.id}'`)).toBe(1);

    // The area is checked again at approval: a draft over a cordon lifted since is refused, nothing published.
    await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/inner`, { radiusM: 100 });
    const inner = await ok('duty', 'POST', `/major-incidents/${m.id}/alerts`, alertBody({ area: { cordon: 'inner' } }));
    await ok('duty', 'DELETE', `/major-incidents/${m.id}/cordons/inner`);
    const gone = await approve(m.id, inner.id);
    expect([gone.statusCode, gone.json().code]).toEqual([409, 'MAJOR_INCIDENT_NO_CORDON']);
    expect((await ok('duty', 'GET', `/major-incidents/${m.id}/alert-drafts`)).find((d: { id: string }) => d.id === inner.id).state).toBe('pending');
  });

  it('adds staging areas and traffic control points to the board, and removes them', async () => {
    const m = await ok('dispatcher', 'POST', '/major-incidents', { location: MARKET, title: 'Points', level: 'III', exercise: true });
    const bad = await call('duty', 'POST', `/major-incidents/${m.id}/points`, { kind: 'parking', name: 'x', location: MARKET });
    expect([bad.statusCode, bad.json().errors[0].path]).toEqual([400, 'body.kind']);
    let s = await ok('duty', 'POST', `/major-incidents/${m.id}/points`, { kind: 'staging', name: 'Rheinpark stadium car park', location: [9.5148, 47.1378] });
    s = await ok('duty', 'POST', `/major-incidents/${m.id}/points`, { kind: 'traffic_control', name: 'Äulestrasse / Landstrasse', location: [9.5225, 47.1392], note: 'hold all but emergency traffic' });
    expect(s.points.map((p: { kind: string; name: string }) => [p.kind, p.name])).toEqual([['staging', 'Rheinpark stadium car park'], ['traffic_control', 'Äulestrasse / Landstrasse']]);
    expect((await call('dispatcher', 'POST', `/major-incidents/${m.id}/points`, { kind: 'staging', name: 'x', location: MARKET })).statusCode).toBe(403);
    s = await ok('duty', 'DELETE', `/major-incidents/${m.id}/points/${s.points[0].id}`);
    expect(s.points.map((p: { kind: string }) => p.kind)).toEqual(['traffic_control']);
    expect((await call('duty', 'DELETE', `/major-incidents/${m.id}/points/${m.id}`)).statusCode).toBe(404);
  });

  it('a closed cordon closes its roads for routes and ETAs, and they open when it is lifted', async () => {
    const { byProfile } = await deploymentRoadNetwork(t.config);
    const car = byProfile.car;
    const before = route(car, car.snapper.snap(MARKET), car.snapper.snap(SCHAAN));
    // A point a third of the way along the fastest route: the cordon is drawn around it.
    const mid = before.geometry.coordinates[Math.floor(before.geometry.coordinates.length / 3)]! as [number, number];
    const eta = () => travelTimes(byProfile, [{ at: MARKET, kind: 'fire_engine' }], SCHAAN)[0];
    const etaBefore = eta();
    const m = await ok('dispatcher', 'POST', '/major-incidents', { location: mid, title: 'Closure', level: 'III', exercise: true });
    const set = await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/inner`, { radiusM: 120, closeRoads: true });
    await t.app.roadClosures.settled();
    const ring = set.cordons[0].area.coordinates[0] as LonLat[];
    expect(set.cordons[0].closesRoads).toBe(true);
    const around = route(car, car.snapper.snap(MARKET), car.snapper.snap(SCHAAN));
    expect(around.time).toBeGreaterThan(before.time);
    expect(around.geometry.coordinates.some((p) => insideRing(p as LonLat, ring))).toBe(false);
    expect(before.geometry.coordinates.some((p) => insideRing(p as LonLat, ring))).toBe(true);
    expect(eta()!).toBeGreaterThan(etaBefore!);
    // Lifted: the roads open again, the route and the ETA are as before.
    await ok('duty', 'DELETE', `/major-incidents/${m.id}/cordons/inner`);
    await t.app.roadClosures.settled();
    expect(route(car, car.snapper.snap(MARKET), car.snapper.snap(SCHAAN)).time).toBe(before.time);
    expect(eta()).toBe(etaBefore);
    const again = await call('duty', 'DELETE', `/major-incidents/${m.id}/cordons/inner`);
    expect([again.statusCode, again.json().code]).toEqual([409, 'MAJOR_INCIDENT_NO_CORDON']);
    // Closed again, then stood down: the stand-down opens the roads too.
    await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/inner`, { radiusM: 120, closeRoads: true });
    await t.app.roadClosures.settled();
    expect(eta()!).toBeGreaterThan(etaBefore!);
    await ok('duty', 'POST', `/major-incidents/${m.id}/stand-down`, { note: 'done' });
    await t.app.roadClosures.settled();
    expect(eta()).toBe(etaBefore);
  });

  it('plays the scripted gas explosion as an exercise: declared, staffed, sectors, casualties, cordons, points, SITREP and a CAP alert', async () => {
    const { majorIncident: m, alertId, lines } = await playGasExplosion(t.app.platform);
    expect(lines.join('\n')).toContain('approved by exercise control');
    expect(m).toMatchObject({ exercise: true, level: 'II', command: { path: 'li.oberland' }, casualties: { total: 48, immediate: 7 }, sitrep: { count: 1 } });
    expect(m.positions.map((p) => p.role)).toEqual(['commander', 'sector', 'sector']);
    expect(m.positions.flatMap((p) => p.units)).toHaveLength(4);
    expect(m.cordons.map((c) => [c.kind, c.radiusM, c.closesRoads])).toEqual([['inner', 120, true], ['outer', 400, false]]);
    expect(m.points.map((p) => p.kind)).toEqual(['staging', 'traffic_control']);
    expect(m.reportUp[0]!.metAt).not.toBeNull();
    expect(lines.join('\n')).toContain('status Exercise');
    const [origin] = await rows<{ origin: string }>(t.app.platform.db, sql`select origin from incidents where id = ${m.incidentId}`);
    expect(origin!.origin).toBe('simulated');
    const xml = (await pub(`/public-alerts/${alertId}.xml`)).body;
    expect(await validateCap(xml)).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('<status>Exercise</status>');
    expect((await pub('/public-alerts/exercise.atom')).body).toContain(alertId!);
    expect((await pub('/public-alerts/feed.atom')).body).not.toContain(alertId!);
    await t.app.roadClosures.settled();
  });

  it('opens the roads its cordons closed when the server stops: the road graphs are the process\'s, and the next server in it must not inherit them', async () => {
    const { byProfile } = await deploymentRoadNetwork(t.config);
    const [cordon] = await rows<{ area: string }>(t.app.platform.db, sql`select ST_AsGeoJSON(c.geom) as area from major_incident_cordons c
      join major_incidents m on m.id = c.major_incident_id where c.closes_roads and m.state = 'active' limit 1`);
    const edges = edgesInPolygon(byProfile.car, (JSON.parse(cordon!.area) as { coordinates: PolygonRings }).coordinates);
    expect(edges.length).toBeGreaterThan(0);
    // The exercise above left its inner cordon closing roads; the stop opens them in every profile.
    for (const graph of Object.values(byProfile)) expect(edges.every((e) => graph.edgeFactor(e) === Infinity)).toBe(true);
    await t.close();
    for (const graph of Object.values(byProfile)) expect(edges.every((e) => Number.isFinite(graph.edgeFactor(e)))).toBe(true);
  });
});
