import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { Cast, jurisdictionByPath, startTestApp, type TestApp } from '../../../test/harness.js';
import { sweepResponseClocks } from '../incidents/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-04-01T08:00:00.000Z');
const iso = (d: Date) => d.toISOString();
const day = (n: number) => new Date(T0.getTime() + n * DAY);

/**
 * A seeded history on an injected clock, then traces read back long after: the trace must list
 * exactly what was open or missed at the time asked about, whatever happened before or after.
 * T (day 40) is the incident; another incident on day 37 sits before a handover on day 38.
 */
describe('accountability trace: what was open, late and missed at that time, and who held the posts', () => {
  let t: TestApp;
  let now = T0;
  const cast = new Cast(() => t.app);
  const to = (d: Date) => {
    now = d;
  };
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => cast.call(who, method, url, payload);
  const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const h = {} as Record<'closed' | 'elsewhere' | 'major' | 'submitted' | 'after', string>;
  const tk = {} as Record<'done' | 'category' | 'general' | 'fuel' | 'reassigned', string>;
  const x = {} as Record<'duty' | 'head' | 'regional' | 'directive' | 'before' | 'incident', string>;
  let place: { id: string; location: [number, number] };
  const dispatch = { offered: [] as string[], assignment: '' };

  beforeAll(async () => {
    // Sessions last the whole seeded history (two months), so nobody logs in again at every step.
    t = await startTestApp({ clock: () => now, config: { sessionTtlHours: 24 * 90 } });
    for (const [name, role, path] of [
      ['commander', 'commander', 'li.oberland'], ['inspector', 'inspector', 'li.oberland'], ['crew', 'unit_member', 'li.oberland.vaduz'],
      ['vaduzDuty', 'duty_officer', 'li.oberland.vaduz'], ['auditor', 'auditor', 'li'], ['vaduzCommander', 'commander', 'li.oberland.vaduz'],
      ['alice', 'duty_officer', 'li.oberland.vaduz'], ['bob', 'duty_officer', 'li.oberland.vaduz'], ['eschen', 'commander', 'li.unterland.eschen'],
    ] as const) await cast.add(name, role, path);
    const [p] = await rows<{ id: string }>(t.app.platform.db, sql`select id from places where jurisdiction_path = 'li.oberland.vaduz'::ltree and category = 'school' order by id limit 1`);
    place = await ok('commander', 'GET', `/places/${p!.id}`);
    const [far] = await rows<{ id: string }>(t.app.platform.db, sql`select id from places where jurisdiction_path <@ 'li.unterland'::ltree order by id limit 1`);
    const vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    const oberland = await jurisdictionByPath(t.app, 'li.oberland');

    // Day 0: posts, their holders, a directive with tasks, hazards at the school.
    x.duty = (await ok('commander', 'POST', '/posts', { jurisdictionId: vaduz.id, kind: 'duty_post', title: 'Vaduz duty officer' })).id;
    x.head = (await ok('commander', 'POST', '/posts', { jurisdictionId: vaduz.id, kind: 'head_of_department', title: 'Vaduz schools' })).id;
    x.regional = (await ok('commander', 'POST', '/posts', { jurisdictionId: oberland.id, kind: 'leader', title: 'Oberland leader' })).id;
    await ok('commander', 'POST', `/posts/${x.duty}/handovers`, { userId: cast.users.alice!.id });
    await ok('commander', 'POST', `/posts/${x.regional}/handovers`, { userId: cast.users.commander!.id });
    x.directive = (await ok('commander', 'POST', '/directives', {
      issuerJurisdictionId: oberland.id, title: 'School safety week', content: 'Check every school', requiredActions: ['Walk the exits'],
      targetJurisdictionIds: [vaduz.id], acknowledgeBy: iso(day(1)), reportBy: iso(day(30)),
    })).id;
    const task = (key: keyof typeof tk, body: object) => ok('vaduzDuty', 'POST', '/tasks', { directiveId: x.directive, ownerPostId: x.duty, ...body }).then((r) => (tk[key] = r.id));
    await task('done', { title: 'Exits of this school', placeId: place.id, dueAt: iso(day(10)) });
    await task('category', { title: 'All school exits', category: 'school', dueAt: iso(day(20)) });
    await task('general', { title: 'Hydrant round', dueAt: iso(day(30)) });
    await task('fuel', { title: 'Fuel stations', category: 'fuel_station', dueAt: iso(day(20)) });
    await task('reassigned', { title: 'Drill plan', dueAt: iso(day(25)) });
    h.closed = (await ok('inspector', 'POST', '/hazards', { placeId: place.id, grade: 'general', title: 'Blocked exit' })).id;
    h.elsewhere = (await ok('eschen', 'POST', '/hazards', { placeId: far!.id, grade: 'general', title: 'Far away' })).id;

    to(day(1));
    h.major = (await ok('inspector', 'POST', '/hazards', { placeId: place.id, grade: 'major', title: 'Fire doors <b>chained</b>' })).id;
    await ok('crew', 'POST', `/hazards/${h.major}/actions`, { action: 'start', rectificationPlan: 'New doors', interimControls: 'Fire watch' });
    h.submitted = (await ok('inspector', 'POST', '/hazards', { placeId: place.id, grade: 'general', title: 'Extinguisher expired' })).id;
    to(day(2));
    await ok('crew', 'POST', `/hazards/${h.closed}/actions`, { action: 'submit', fixNote: 'Cleared' });
    await ok('inspector', 'POST', `/hazards/${h.closed}/actions`, { action: 'verify', note: 'Seen' });
    await ok('inspector', 'POST', `/hazards/${h.closed}/actions`, { action: 'close' });
    to(day(3));
    await ok('vaduzDuty', 'POST', `/directives/${x.directive}/targets/${vaduz.id}/acknowledgement`, {}); // two days late
    await ok('crew', 'POST', `/hazards/${h.submitted}/actions`, { action: 'submit', fixNote: 'Replaced' });
    to(day(5));
    await ok('crew', 'POST', `/tasks/${tk.done}/reports`, { percent: 100, note: 'All exits walked' });
    await ok('crew', 'POST', `/tasks/${tk.category}/reports`, { percent: 50, note: 'Half the schools' });
    to(day(35));
    await ok('vaduzDuty', 'POST', `/tasks/${tk.reassigned}/reassignment`, { ownerPostId: x.head, reason: 'Schools department takes it' });
    to(day(37));
    x.before = (await ok('vaduzDuty', 'POST', '/incidents', { type: 'fire', priority: 'P2', location: place.location })).id;
    // Two units offered, one sent: on scene after 6 minutes, then cleared.
    const free = await rows<{ id: string }>(t.app.platform.db, sql`select id from units where on_duty and status in ('available', 'at_station') and jurisdiction_path <@ 'li.oberland.vaduz'::ltree order by call_sign limit 2`);
    dispatch.offered = free.map((u) => u.id);
    const [sent] = await ok('vaduzDuty', 'POST', `/incidents/${x.before}/assignments`, { unitIds: [dispatch.offered[0]], recommendedUnitIds: dispatch.offered });
    dispatch.assignment = sent.id;
    to(new Date(day(37).getTime() + 6 * 60_000));
    for (const action of ['en_route', 'on_scene', 'clear']) await ok('vaduzDuty', 'POST', `/assignments/${sent.id}/actions`, { action });
    to(day(38));
    await ok('commander', 'POST', `/posts/${x.duty}/handovers`, { userId: cast.users.bob!.id });
    to(day(40));
    x.incident = (await ok('vaduzDuty', 'POST', '/incidents', { type: 'fire', priority: 'P1', location: place.location, address: 'School <yard>' })).id;
    to(new Date(day(40).getTime() + HOUR));
    await sweepResponseClocks(t.app.platform.command); // no unit was sent: every tier of both incidents missed
    h.after = (await ok('inspector', 'POST', '/hazards', { placeId: place.id, grade: 'general', title: 'Raised after the incident' })).id;
    to(day(41));
    await ok('inspector', 'POST', `/hazards/${h.submitted}/actions`, { action: 'verify', note: 'Seen' });
    to(day(42));
    await ok('crew', 'POST', `/tasks/${tk.general}/reports`, { percent: 100, note: 'Done, late' });
    await ok('crew', 'POST', `/tasks/${tk.category}/reports`, { percent: 100, note: 'Done, late' });
    to(day(60));
  }, 180_000);
  afterAll(async () => t?.close());

  const traceOf = async (who: string, query: string) => ok(who, 'GET', `/accountability/trace?${query}`);
  const auditIdsOf = async (type: string, id: string, upTo: Date) =>
    (await rows<{ id: string }>(t.app.platform.db, sql`select id from audit_log where entity_type = ${type} and entity_id = ${id} and at <= ${upTo} order by at, seq`)).map((r) => r.id);

  it('at the time of the incident: exactly the hazards then open near it, with ages and the overdue fix', async () => {
    const trace = await traceOf('commander', `incidentId=${x.incident}`);
    expect(trace.reference).toMatchObject({ kind: 'incident', id: x.incident, jurisdictionPath: 'li.oberland.vaduz', from: iso(day(40)), to: iso(day(40)) });
    const byId = Object.fromEntries(trace.hazards.map((z: { id: string }) => [z.id, z]));
    // Closed on day 2: gone. Raised after: absent. Far away: absent. Submitted (verified on day 41): still open then.
    expect(Object.keys(byId).sort()).toEqual([h.major, h.submitted].sort());
    expect(byId[h.major]).toMatchObject({ grade: 'major', state: 'rectifying', ageHours: 39 * 24, dueAt: iso(day(31)), overdueSince: iso(day(31)), distanceM: 0 });
    expect(byId[h.submitted]).toMatchObject({ state: 'submitted', overdueSince: null, dueAt: iso(day(8)) });
    expect(byId[h.major].auditIds).toEqual(await auditIdsOf('hazard', h.major, day(40)));
    expect(byId[h.major].auditIds.length).toBe(2); // raised, start
  });

  it('lists the overdue tasks that concerned the place or its category then, with the owner post at that time', async () => {
    const trace = await traceOf('commander', `incidentId=${x.incident}`);
    const byId = Object.fromEntries(trace.tasks.map((z: { id: string }) => [z.id, z]));
    // Done on day 5: not overdue. The fuel task is about another category. Finished on day 42: still overdue on day 40.
    expect(Object.keys(byId).sort()).toEqual([tk.category, tk.general, tk.reassigned].sort());
    expect(byId[tk.category]).toMatchObject({ concern: 'category', status: 'in_progress', overdueSince: iso(day(20)) });
    expect(byId[tk.general]).toMatchObject({ concern: 'jurisdiction', status: 'open', overdueSince: iso(day(30)) });
    expect(byId[tk.reassigned]).toMatchObject({ ownerPostId: x.head });
    expect(byId[tk.general].auditIds).toEqual(await auditIdsOf('task', tk.general, day(40)));
    // On day 30 the reassignment (day 35) had not happened yet, and the general task was due that very instant: not yet late.
    const early = await traceOf('commander', `placeId=${place.id}&from=${iso(day(30))}&to=${iso(day(30))}`);
    expect(early.tasks.map((z: { id: string; ownerPostId: string }) => [z.id, z.ownerPostId]).sort()).toEqual([[tk.category, x.duty], [tk.reassigned, x.duty]].sort());
  });

  it('lists the directive answered late or not at all, and the missed tiers with their audit entries', async () => {
    const trace = await traceOf('commander', `incidentId=${x.incident}`);
    // Acknowledged late on day 3, long before: not late at the time. The report, due day 30, never came.
    expect(trace.directives).toEqual([expect.objectContaining({ directiveId: x.directive, missed: 'report', dueAt: iso(day(30)), answeredAt: null, jurisdictionPath: 'li.oberland.vaduz' })]);
    expect(trace.tiers.map((z: { tier: number }) => z.tier)).toEqual([1, 2, 3]);
    const tierAudit = await rows<{ id: string }>(t.app.platform.db, sql`select id from audit_log where entity_id = ${x.incident} and action = 'incidents.tier_missed' and (after->>'tier')::int = 1`);
    expect(trace.tiers[0].auditIds).toContain(tierAudit[0]!.id);
    // Over days 2-4 the acknowledgement was late (due day 1, came day 3).
    const window = await traceOf('commander', `placeId=${place.id}&from=${iso(day(2))}&to=${iso(day(4))}`);
    expect(window.directives.map((d: { missed: string; answeredAt: string }) => [d.missed, d.answeredAt])).toEqual([['acknowledgement', iso(day(3))]]);
  });

  it("tells the incident's dispatch: units recommended, sent, by whom, ETA against the actual arrival; passed over too", async () => {
    const trace = await traceOf('commander', `incidentId=${x.before}`);
    expect(dispatch.offered).toHaveLength(2);
    const [sentLine, passed] = trace.dispatch;
    expect(sentLine).toMatchObject({
      incidentId: x.before, unitId: dispatch.offered[0], recommended: true,
      sent: { assignmentId: dispatch.assignment, at: iso(day(37)), byUserId: cast.users.vaduzDuty!.id, state: 'cleared', actualSeconds: 360, cancelledAt: null },
    });
    expect(sentLine.sent.byName).toBeTruthy();
    expect(sentLine.sent.clearedAt).toBe(iso(new Date(day(37).getTime() + 6 * 60_000)));
    const cited = await rows<{ id: string; action: string }>(t.app.platform.db, sql`select id, action from audit_log where entity_id = ${x.before} and action like 'dispatch.%' order by at, seq`);
    expect(sentLine.auditIds.sort()).toEqual(cited.map((c) => c.id).sort());
    expect(passed).toMatchObject({ unitId: dispatch.offered[1], recommended: true, sent: null });
    // The later incident sent nobody; a place's trace has no dispatch section.
    expect((await traceOf('commander', `incidentId=${x.incident}`)).dispatch).toEqual([]);
    expect((await traceOf('commander', `placeId=${place.id}&from=${iso(day(36))}&to=${iso(day(38))}`)).dispatch).toEqual([]);
    const csv = await call('commander', 'GET', `/accountability/trace.csv?incidentId=${x.before}`);
    expect(csv.body.split('\r\n').filter((l) => l.startsWith('dispatch,'))).toHaveLength(2);
  });

  it('names who held each responsible post at that time, right across the handover', async () => {
    const holdersAt = (trace: { posts: { postId: string; holders: { userId: string }[] }[] }, post: string) => trace.posts.find((p) => p.postId === post)?.holders.map((z) => z.userId);
    const atIncident = await traceOf('commander', `incidentId=${x.incident}`);
    const atEarlier = await traceOf('commander', `incidentId=${x.before}`);
    expect(holdersAt(atIncident, x.duty)).toEqual([cast.users.bob!.id]);
    expect(holdersAt(atEarlier, x.duty)).toEqual([cast.users.alice!.id]);
    expect(holdersAt(atIncident, x.regional)).toEqual([cast.users.commander!.id]);
    expect(holdersAt(atIncident, x.head)).toEqual([]); // vacant
    const across = await traceOf('commander', `placeId=${place.id}&from=${iso(day(37))}&to=${iso(day(39))}`);
    expect(holdersAt(across, x.duty)).toEqual([cast.users.alice!.id, cast.users.bob!.id]);
    expect(atIncident.posts.find((p: { postId: string }) => p.postId === x.duty).auditIds).toEqual(await auditIdsOf('post', x.duty, day(40)));
    // The earlier incident's trace: on day 37 the submitted fix was open and the major one overdue, as on day 40.
    expect(atEarlier.hazards.map((z: { id: string }) => z.id).sort()).toEqual([h.major, h.submitted].sort());
  });

  it('is scoped: lines above the caller are left out and counted; an unseen incident does not exist; no permission, 403', async () => {
    const local = await traceOf('vaduzCommander', `incidentId=${x.incident}`);
    expect(local.posts.map((p: { postId: string }) => p.postId)).not.toContain(x.regional);
    expect(local.omittedOutsideScope).toBeGreaterThan(0);
    const national = await traceOf('auditor', `incidentId=${x.incident}`);
    expect(national.posts.map((p: { postId: string }) => p.postId)).toContain(x.regional);
    expect(national.omittedOutsideScope).toBe(0);
    expect((await call('eschen', 'GET', `/accountability/trace?incidentId=${x.incident}`)).statusCode).toBe(404);
    expect((await call('vaduzDuty', 'GET', `/accountability/trace?incidentId=${x.incident}`)).statusCode).toBe(403);
    const bad = await call('commander', 'GET', `/accountability/trace?placeId=${place.id}&from=${iso(day(5))}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'TRACE_WINDOW_INVALID', errors: [{ path: 'query.to' }] });
  });

  it('opens the audit entries a line cites to whoever may read the trace, within their scope, auditor or not', async () => {
    const trace = await traceOf('commander', `incidentId=${x.incident}`);
    const cited = trace.hazards.find((z: { id: string }) => z.id === h.major).auditIds as string[];
    const regional = trace.posts.find((p: { postId: string }) => p.postId === x.regional).auditIds as string[];
    const entries = await ok('commander', 'GET', `/accountability/audit-entries?ids=${[...cited, ...regional].join(',')}`);
    expect(entries.map((e: { id: string }) => e.id).sort()).toEqual([...cited, ...regional].sort());
    expect(entries.filter((e: { entityId: string }) => e.entityId === h.major).map((e: { action: string }) => e.action)).toEqual(['hazards.raised', 'hazards.start']);
    // A Vaduz commander reads the Vaduz hazard's entries, not those of the Oberland post above.
    const local = await ok('vaduzCommander', 'GET', `/accountability/audit-entries?ids=${[...cited, ...regional].join(',')}`);
    expect(local.map((e: { id: string }) => e.id).sort()).toEqual([...cited].sort());
    expect((await call('vaduzDuty', 'GET', `/accountability/audit-entries?ids=${cited.join(',')}`)).statusCode).toBe(403);
  });

  it('exports the same facts as CSV and as a printable page, text escaped', async () => {
    const trace = await traceOf('commander', `incidentId=${x.incident}`);
    const csv = await call('commander', 'GET', `/accountability/trace.csv?incidentId=${x.incident}`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('section,id,jurisdiction_path,what,facts,audit_ids');
    expect(lines.length - 1).toBe(trace.hazards.length + trace.tasks.length + trace.directives.length + trace.tiers.length + trace.posts.length + trace.dispatch.length);
    expect(lines.find((l) => l.includes(h.major))).toContain(trace.hazards.find((z: { id: string }) => z.id === h.major).auditIds.join(' '));
    const html = await call('commander', 'GET', `/accountability/trace.html?incidentId=${x.incident}`);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('Fire doors &lt;b&gt;chained&lt;/b&gt;');
    expect(html.body).toContain('School &lt;yard&gt;');
    expect(html.body).not.toContain('<b>chained');
    expect(html.body).toContain('<html lang="en">');
  });

  it("words the exports in the reader's language and time zone: names for paths, no English left, ids and paths kept in the CSV", async () => {
    const q = `incidentId=${x.incident}&lang=zh-CN&timeZone=Asia%2FShanghai`;
    const html = await call('commander', 'GET', `/accountability/trace.html?${q}`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<html lang="zh-CN">');
    expect(html.body).toContain('<h1>责任追溯');
    expect(html.body).toContain('该场所及附近的未整改隐患');
    expect(html.body).not.toMatch(/Open hazards|None on record|Facts from the record|raised \d/);
    expect(html.body).not.toMatch(/<small>li\.oberland/); // jurisdictions by name on the page
    const trace = await traceOf('commander', `incidentId=${x.incident}`);
    // The generation time in Shanghai's zone (UTC+8), as Intl words it.
    const shanghai = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(trace.generatedAt));
    expect(html.body).toContain(shanghai);
    const csv = await call('commander', 'GET', `/accountability/trace.csv?${q}`);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('部分,编号,辖区路径,对象,事实,审计记录编号');
    const major = lines.find((l) => l.includes(h.major))!;
    expect(major.startsWith(`hazard,${h.major},`)).toBe(true);
    expect(major).toContain('重大');
    const bad = await call('commander', 'GET', `/accountability/trace.csv?incidentId=${x.incident}&lang=fr`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ path: 'query.lang' }] });
    const badZone = await call('commander', 'GET', `/accountability/trace.html?incidentId=${x.incident}&timeZone=Mars%2FOlympus`);
    expect(badZone.json()).toMatchObject({ errors: [{ path: 'query.timeZone' }] });
  });
});
