import type { PatrolPlan, PatrolPresence, PlacementResult } from '@firebreak/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/client.js';
import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';

const DAY = '2026-03-02'; // a Monday
const at = (hhmmss: string): string => new Date(`${DAY}T${hhmmss}Z`).toISOString();
const plusSeconds = (iso: string, s: number): string => new Date(Date.parse(iso) + s * 1000).toISOString();

/**
 * A shift's track as a patrol car's AVL device sends it, a fix every 10 s: it drives in from
 * 2 km north at 36 km/h, reaching the post at `arrive`, stands there (GPS wander of up to 20 m)
 * until `leave`, then drives away south. Every fix before `arrive` is outside any radius below
 * 100 m, every fix from `arrive` to `leave` inside 25 m.
 */
function shiftTrack(unitId: string, post: [number, number], arrive: string, leave: string) {
  const perDegLat = 111_195;
  const fixes: { unitId: string; location: [number, number]; at: string; speedKmh: number }[] = [];
  const offset = (metresNorth: number, metresEast = 0): [number, number] => [post[0] + metresEast / (perDegLat * Math.cos((post[1] * Math.PI) / 180)), post[1] + metresNorth / perDegLat];
  for (let s = 200; s >= 1; s--) fixes.push({ unitId, location: offset(s * 100), at: plusSeconds(arrive, -s * 10), speedKmh: 36 });
  const standing = (Date.parse(leave) - Date.parse(arrive)) / 10_000;
  for (let i = 0; i < standing; i++) fixes.push({ unitId, location: offset(((i * 7) % 29) - 14, ((i * 11) % 31) - 15), at: plusSeconds(arrive, i * 10), speedKmh: 0 });
  for (let s = 1; s <= 60; s++) fixes.push({ unitId, location: offset(-s * 100), at: plusSeconds(leave, s * 10), speedKmh: 36 });
  return fixes;
}

describe('patrol plans: posts from a placement, held by units, presence from the AVL track', () => {
  let t: TestApp;
  let admin: string;
  let device: string;
  let now = Date.parse(at('06:00:00'));
  let vaduz: { id: string; path: string };
  const units: string[] = [];
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = { cookie: admin }) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date(now) });
    admin = await loginAdmin(t.app);
    vaduz = await jurisdictionByPath(t.app, 'li.oberland.vaduz');
    for (const callSign of ['Patrol Test 1', 'Patrol Test 2']) {
      const res = await call('POST', '/units', { callSign, kind: 'patrol_car', jurisdictionId: vaduz.id, homeLocation: [9.5215, 47.141], crewSize: 2, onDuty: true });
      expect(res.statusCode, res.body).toBe(201);
      units.push(res.json().id);
    }
    // The cars' AVL gateway: a device account of Vaduz's units with an API token.
    const gateway = await call('POST', '/staff', { username: 'patrol-gateway', displayName: 'Patrol AVL gateway', kind: 'device', jurisdictionId: vaduz.id, grants: [{ role: 'unit_member', jurisdictionId: vaduz.id }] });
    expect(gateway.statusCode, gateway.body).toBe(201);
    device = `Bearer ${(await call('POST', `/staff/${gateway.json().id}/tokens`, { name: 'gateway' })).json().token}`;
  }, 120_000);
  afterAll(async () => t?.close());

  it('makes a plan from a placement, assigns the units, and records the minutes each stood at its post', async () => {
    const placed = await call('POST', '/coverage/placements', { kind: 'mclp', p: 2, minutes: 3, jurisdictionId: vaduz.id, demand: { categories: ['school'] } });
    expect(placed.statusCode, placed.body).toBe(200);
    const placement = placed.json() as PlacementResult;
    expect(placement.posts).toHaveLength(2);
    const opening = { start: at('07:00:00'), end: at('07:45:00') };
    const closing = { start: at('10:00:00'), end: at('10:30:00') };
    const body = {
      jurisdictionId: vaduz.id, title: 'School opening, Vaduz', shiftStart: at('06:30:00'), shiftEnd: at('12:30:00'), minutes: placement.minutes, radiusMetres: 100,
      posts: placement.posts.map((p, i) => ({ name: p.name ?? `Post ${i + 1}`, location: p.location, placeId: p.placeId, serves: p.serves, windows: [opening, closing], unitId: i === 0 ? units[0] : null })),
    };
    const created = await call('POST', '/coverage/patrol-plans', body, { cookie: admin, 'idempotency-key': 'patrol-plan-create-1' });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json() as PatrolPlan;
    expect(plan.posts.map((p) => [p.unitId, p.callSign])).toEqual([[units[0], 'Patrol Test 1'], [null, null]]);
    // A retry with the same key answers the same plan; nothing is written twice.
    const again = await call('POST', '/coverage/patrol-plans', body, { cookie: admin, 'idempotency-key': 'patrol-plan-create-1' });
    expect(again.json().id).toBe(plan.id);
    expect(await rows(t.app.platform.db, sql`select 1 from patrol_plans where jurisdiction_path <@ 'li.oberland.vaduz'`)).toHaveLength(1);
    const [outbox] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from outbox where type = 'coverage.patrol_plan_created' and data->>'id' = ${plan.id}`);
    expect(outbox!.n).toBe(1);

    // The second unit takes the second post; the first may not also stand there at the same time.
    const clash = await call('PUT', `/coverage/patrol-plans/${plan.id}/assignments`, { assignments: [{ postId: plan.posts[1]!.id, unitId: units[0] }] });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors[0].path).toBe('body.assignments.0.unitId');
    const assigned = await call('PUT', `/coverage/patrol-plans/${plan.id}/assignments`, { assignments: [{ postId: plan.posts[1]!.id, unitId: units[1] }] });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ version: 2, posts: [{ unitId: units[0] }, { unitId: units[1], callSign: 'Patrol Test 2' }] });
    // Across plans: a second plan of the same morning may not take the first unit in an overlapping
    // window (409 naming the unit and the plan, nothing written); outside those windows it may.
    const overlapping = { ...body, title: 'Second plan, Vaduz', posts: [{ ...body.posts[1]!, windows: [{ start: at('07:30:00'), end: at('08:00:00') }], unitId: units[0] }] };
    const refused = await call('POST', '/coverage/patrol-plans', overlapping);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'PATROL_UNIT_CLASH' });
    expect(refused.json().errors[0].path).toBe('body.posts.0.unitId');
    expect(refused.json().errors[0].message).toContain('Patrol Test 1');
    expect(refused.json().errors[0].message).toContain(plan.id);
    expect(await rows(t.app.platform.db, sql`select 1 from patrol_plans where title = 'Second plan, Vaduz'`)).toHaveLength(0);
    const later = await call('POST', '/coverage/patrol-plans', { ...overlapping, posts: [{ ...overlapping.posts[0]!, windows: [{ start: at('08:00:00'), end: at('08:30:00') }] }] });
    expect(later.statusCode, later.body).toBe(201);
    // Nor may an assignment bring the clash: the second plan's post moved onto the first unit's closing window is refused the same way.
    const laterPlan = later.json() as PatrolPlan;
    const takeOff = await call('PUT', `/coverage/patrol-plans/${laterPlan.id}/assignments`, { assignments: [{ postId: laterPlan.posts[0]!.id, unitId: null }] });
    expect(takeOff.statusCode, takeOff.body).toBe(200);
    const third = await call('POST', '/coverage/patrol-plans', { ...overlapping, title: 'Third plan, Vaduz', posts: [{ ...overlapping.posts[0]!, windows: [closing], unitId: null }] });
    expect(third.statusCode, third.body).toBe(201);
    const thirdPlan = third.json() as PatrolPlan;
    const reassigned = await call('PUT', `/coverage/patrol-plans/${thirdPlan.id}/assignments`, { assignments: [{ postId: thirdPlan.posts[0]!.id, unitId: units[0] }] });
    expect(reassigned.statusCode, reassigned.body).toBe(409);
    expect(reassigned.json()).toMatchObject({ code: 'PATROL_UNIT_CLASH' });
    expect(reassigned.json().errors[0].path).toBe('body.assignments.0.unitId');

    const audits = await rows<{ action: string }>(t.app.platform.db, sql`select action from audit_log where entity_id = ${plan.id} order by at, id`);
    expect(audits.map((a) => a.action)).toEqual(['coverage.patrol_plan_created', 'coverage.patrol_units_assigned']);
    // The same assignment again changes nothing: same version, no event.
    expect((await call('PUT', `/coverage/patrol-plans/${plan.id}/assignments`, { assignments: [{ postId: plan.posts[1]!.id, unitId: units[1] }] })).json().version).toBe(2);
    const [events] = await rows<{ n: number }>(t.app.platform.db, sql`select count(*)::int as n from outbox where type = 'coverage.patrol_units_assigned' and data->>'id' = ${plan.id}`);
    expect(events!.n).toBe(1);

    // The first car arrives at 07:05 and stands until 07:50; the second never comes. Fed through the AVL ingest as its gateway sends it.
    now = Date.parse(at('11:00:00'));
    const fixes = shiftTrack(units[0]!, plan.posts[0]!.location, at('07:05:00'), at('07:50:00'));
    for (let i = 0; i < fixes.length; i += 100) {
      const res = await call('POST', '/avl/positions', { fixes: fixes.slice(i, i + 100) }, { authorization: device });
      expect(res.statusCode, res.body).toBe(200);
    }
    const presence = (await call('GET', `/coverage/patrol-plans/${plan.id}/presence`)).json() as PatrolPresence;
    const [first, second] = presence.posts;
    // 07:05 to 07:45 of the 45-minute opening window: 40 minutes, held (at least 80 %); nobody at 10:00-10:30.
    expect(first!.windows.map((w) => [w.requiredMinutes, w.presentMinutes, w.verdict])).toEqual([[45, 40, 'held'], [30, 0, 'missed']]);
    expect(second!.windows.map((w) => [w.presentMinutes, w.verdict])).toEqual([[0, 'missed'], [0, 'missed']]);
    expect(presence.missedWindows).toBe(3);

    // Half-way through the closing window the car is there since 10:00: running, its minutes so far.
    now = Date.parse(at('10:15:00'));
    const late = shiftTrack(units[0]!, plan.posts[0]!.location, at('10:00:00'), at('10:40:00')).filter((f) => Date.parse(f.at) <= now);
    for (let i = 0; i < late.length; i += 100) expect((await call('POST', '/avl/positions', { fixes: late.slice(i, i + 100) }, { authorization: device })).statusCode).toBe(200);
    const running = (await call('GET', `/coverage/patrol-plans/${plan.id}/presence`)).json() as PatrolPresence;
    expect(running.posts[0]!.windows[1]).toMatchObject({ verdict: 'running', presentMinutes: 15 });

    const list = (await call('GET', `/coverage/patrol-plans?jurisdictionId=${vaduz.id}`)).json();
    // The plan, and the two made beside it by the clash checks above (one post each, none held now).
    expect(list).toHaveLength(3);
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ id: plan.id, posts: 2, assigned: 2 }), expect.objectContaining({ id: laterPlan.id, posts: 1, assigned: 0 }), expect.objectContaining({ id: thirdPlan.id, posts: 1, assigned: 0 })]));
  });

  it('refuses a bad plan naming the field, and writes nothing', async () => {
    const base = { jurisdictionId: vaduz.id, title: 'Bad', shiftStart: at('06:00:00'), shiftEnd: at('12:00:00'), posts: [{ name: 'P', location: [9.52, 47.14], windows: [{ start: at('05:00:00'), end: at('06:30:00') }] }] };
    const before = await rows(t.app.platform.db, sql`select id from patrol_plans`);
    const outside = await call('POST', '/coverage/patrol-plans', base);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].path).toBe('body.posts.0.windows.0');
    const other = await jurisdictionByPath(t.app, 'li.unterland.eschen');
    const [foreign] = await rows<{ id: string }>(t.app.platform.db, sql`select id from units where jurisdiction_path <@ ${other.path}::ltree limit 1`);
    const notHere = await call('POST', '/coverage/patrol-plans', { ...base, posts: [{ ...base.posts[0], windows: [{ start: at('07:00:00'), end: at('08:00:00') }], unitId: foreign!.id }] });
    expect(notHere.statusCode).toBe(400);
    expect(notHere.json().errors[0]).toMatchObject({ path: 'body.posts.0.unitId' });
    expect(await rows(t.app.platform.db, sql`select id from patrol_plans`)).toEqual(before);
  });

  it('edits a plan on the version read, only what has not begun once started, and cancels it with a reason', async () => {
    const day = (hhmm: string) => new Date(`2026-03-03T${hhmm}:00Z`).toISOString(); // the next day: the plans above hold other windows
    const win = (a: string, b: string) => ({ start: day(a), end: day(b) });
    now = Date.parse(day('05:00'));
    admin = await loginAdmin(t.app); // a session of its own on this day
    const count = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(t.app.platform.db, q))[0]!.n;
    const make = async (title: string, posts: object[]) => {
      const res = await call('POST', '/coverage/patrol-plans', { jurisdictionId: vaduz.id, title, shiftStart: day('06:00'), shiftEnd: day('12:00'), posts });
      return res;
    };
    const school = { name: 'School', location: [9.5215, 47.141], windows: [win('07:00', '08:00')], unitId: units[0] };
    const bridge = { name: 'Bridge', location: [9.52, 47.135], windows: [win('09:00', '09:30')] };
    const made = await make('Tuesday, Vaduz', [school, bridge]);
    expect(made.statusCode, made.body).toBe(201);
    const plan = made.json() as PatrolPlan;
    const other = await make('Tuesday closing, Vaduz', [{ ...bridge, windows: [win('10:00', '10:30')], unitId: units[0] }]);
    expect(other.statusCode, other.body).toBe(201);
    const [schoolId, bridgeId] = plan.posts.map((p) => p.id);

    // Before the shift: title, windows, a new post. The unit stays on its post; the new post comes unassigned.
    const edit = { expectedVersion: 1, title: 'Tuesday opening, Vaduz', posts: [{ id: schoolId, name: 'School gate', location: school.location, windows: [win('07:00', '08:15')] }, { id: bridgeId, ...bridge }, { name: 'Market', location: [9.523, 47.139], windows: [win('11:00', '11:30')] }] };
    const edited = await call('PATCH', `/coverage/patrol-plans/${plan.id}`, edit, { cookie: admin, 'idempotency-key': 'patrol-edit-1' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, title: 'Tuesday opening, Vaduz', posts: [{ id: schoolId, name: 'School gate', unitId: units[0], windows: [win('07:00', '08:15')] }, { id: bridgeId }, { name: 'Market', unitId: null, ordinal: 2 }] });
    // The retry with its key is answered as the first; without a key the same edit is now stale.
    expect((await call('PATCH', `/coverage/patrol-plans/${plan.id}`, edit, { cookie: admin, 'idempotency-key': 'patrol-edit-1' })).json().version).toBe(2);
    const stale = await call('PATCH', `/coverage/patrol-plans/${plan.id}`, { ...edit, title: 'Mine' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'PATROL_PLAN_STALE', errors: [{ path: 'body.expectedVersion' }] });
    expect(await count(sql`select count(*)::int as n from audit_log where entity_id = ${plan.id} and action = 'coverage.patrol_plan_edited'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from outbox where type = 'coverage.patrol_plan_edited' and data->>'id' = ${plan.id}`)).toBe(1);

    // The unit clash holds on edit: the school's unit holds the other plan's post at 10:00-10:30.
    const clash = await call('PATCH', `/coverage/patrol-plans/${plan.id}`, { expectedVersion: 2, posts: [{ id: schoolId, name: 'School gate', location: school.location, windows: [win('07:00', '08:15'), win('10:15', '10:45')] }, { id: bridgeId, ...bridge }] });
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'PATROL_UNIT_CLASH', errors: [{ path: 'body.posts.0.windows' }] });
    expect(clash.json().errors[0].message).toContain(other.json().id);

    // 07:30: the shift and the school's window have begun. They stay; what lies ahead changes.
    now = Date.parse(day('07:30'));
    const begun = await call('PATCH', `/coverage/patrol-plans/${plan.id}`, { expectedVersion: 2, posts: [{ id: schoolId, name: 'School gate', location: school.location, windows: [win('07:00', '07:45')] }] });
    expect(begun.statusCode, begun.body).toBe(409);
    expect(begun.json().code).toBe('PATROL_PLAN_BEGUN');
    // The begun window is gone, and its replacement would begin in the past.
    expect(begun.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.posts.0.windows', 'body.posts.0.windows.0']);
    const moved = await call('PATCH', `/coverage/patrol-plans/${plan.id}`, { expectedVersion: 2, shiftStart: day('06:30') });
    expect(moved.json()).toMatchObject({ code: 'PATROL_PLAN_BEGUN', errors: [{ path: 'body.shiftStart' }] });
    const ahead = await call('PATCH', `/coverage/patrol-plans/${plan.id}`, { expectedVersion: 2, shiftEnd: day('11:45'), posts: [{ id: schoolId, name: 'School gate', location: school.location, windows: [win('07:00', '08:15')] }, { id: bridgeId, ...bridge, windows: [win('09:15', '09:45')] }] });
    expect(ahead.statusCode, ahead.body).toBe(200);
    expect(ahead.json()).toMatchObject({ version: 3, shiftEnd: day('11:45'), posts: [{ id: schoolId }, { id: bridgeId, windows: [win('09:15', '09:45')] }] });
    expect(await count(sql`select count(*)::int as n from patrol_posts where plan_id = ${plan.id}`)).toBe(2);

    // While the plan holds the unit, a third plan may not take it at 07:00-08:00.
    const third = [{ ...school, windows: [win('07:45', '08:00')] }];
    expect((await make('Tuesday extra, Vaduz', third)).json().code).toBe('PATROL_UNIT_CLASH');

    // Cancel: a reason is required; then the plan says who, when, why; its unit is released.
    const noReason = await call('POST', `/coverage/patrol-plans/${plan.id}/cancel`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.reason');
    const me = (await call('GET', '/auth/me')).json() as { id: string; displayName: string };
    const cancelled = await call('POST', `/coverage/patrol-plans/${plan.id}/cancel`, { reason: 'The school is closed for a strike' }, { cookie: admin, 'idempotency-key': 'patrol-cancel-1' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    // The canceller by name too (the screen shows it to everyone who may read the plan).
    const expected = { state: 'cancelled', version: 4, cancelledBy: me.id, cancelledByName: me.displayName, cancelledAt: new Date(now).toISOString(), cancelReason: 'The school is closed for a strike' };
    expect(cancelled.json()).toMatchObject(expected);
    // Retried, with the key or without: the same plan, nothing changed again (the second ask is audited, no event).
    expect((await call('POST', `/coverage/patrol-plans/${plan.id}/cancel`, { reason: 'The school is closed for a strike' }, { cookie: admin, 'idempotency-key': 'patrol-cancel-1' })).json()).toMatchObject(expected);
    const again = await call('POST', `/coverage/patrol-plans/${plan.id}/cancel`, { reason: 'again' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject(expected);
    expect(await count(sql`select count(*)::int as n from audit_log where entity_id = ${plan.id} and action = 'coverage.patrol_plan_cancelled'`)).toBe(2);
    expect(await count(sql`select count(*)::int as n from outbox where type = 'coverage.patrol_plan_cancelled' and data->>'id' = ${plan.id}`)).toBe(1);
    expect((await call('GET', `/coverage/patrol-plans/${plan.id}`)).json()).toMatchObject({ ...expected, posts: [{ unitId: units[0] }, { id: bridgeId }] });
    // A cancelled plan takes no assignment or edit (409, its own code); its unit is free for the third plan.
    const assign = await call('PUT', `/coverage/patrol-plans/${plan.id}/assignments`, { assignments: [{ postId: bridgeId, unitId: units[1] }] });
    expect(assign.statusCode).toBe(409);
    expect(assign.json().code).toBe('PATROL_PLAN_CANCELLED');
    expect((await call('PATCH', `/coverage/patrol-plans/${plan.id}`, { expectedVersion: 4, title: 'x' })).json().code).toBe('PATROL_PLAN_CANCELLED');
    expect((await make('Tuesday extra, Vaduz', third)).statusCode).toBe(201);
    // A shift that is over is not called off: its record stands.
    now = Date.parse(day('13:00'));
    const over = await call('POST', `/coverage/patrol-plans/${other.json().id}/cancel`, { reason: 'late' });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('PATROL_PLAN_BEGUN');
  });

  it('ends a move-up order: cancelled, then it is no longer open and cannot be ended twice', async () => {
    const li = await jurisdictionByPath(t.app, 'li');
    const ordered = await call('POST', '/coverage/move-ups', { jurisdictionId: li.id, moves: [{ unitId: units[1], to: [9.5215, 47.141], postName: 'Vaduz centre' }] });
    expect(ordered.statusCode, ordered.body).toBe(201);
    const move = ordered.json().moves[0] as { id: string };
    const ended = await call('POST', `/coverage/moves/${move.id}/end`, { outcome: 'cancelled', reason: 'The incident was a false alarm' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ state: 'cancelled', endedAt: new Date(now).toISOString() });
    expect((await call('GET', `/coverage/moves?jurisdictionId=${li.id}`)).json().map((m: { id: string }) => m.id)).not.toContain(move.id);
    const twice = await call('POST', `/coverage/moves/${move.id}/end`, { outcome: 'completed' });
    expect(twice.statusCode).toBe(409);
    const [audit] = await rows<{ after: { reason: string } }>(t.app.platform.db, sql`select after from audit_log where action = 'coverage.move_up_ended'`);
    expect(audit!.after.reason).toBe('The incident was a false alarm');
  });
});
